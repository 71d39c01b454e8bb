//! `citation` and `isBasedOn`: the related works.

use serde_json::Value;

use super::people::plain_name;
use super::{is_address, listed, too_long_an_address, Mapper};
use crate::format::limits::MAX_ITEMS;
use crate::format::{self, Checked};
use crate::jsonld::date;
use crate::jsonld::graph::{found, is_reference, type_names, At};
use crate::jsonld::sources::{index, key};

impl<'a> Mapper<'_, 'a> {
    /// `citation`, then `isBasedOn`: each a `CreativeWork` (or any node), a
    /// URL, or a node named only by its `@id`. A citation written out in
    /// words (a string with spaces) has no link to show and is left out.
    pub(super) fn related(&mut self, node: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Related>>> {
        let mut out = Vec::new();
        for property in ["citation", "isBasedOn"] {
            let Some(values) = node.get(property).map(|p| listed(&p)) else { continue };
            for v in values {
                let item = index(bp, out.len());
                match v.value {
                    // A name such as `doi:10.1000/182` locates nothing either (see `is_address`).
                    Value::String(s) if is_written_as_address(s) && is_address(s.trim()) && !too_long_an_address(s) => {
                        // The one string is both the link and its text.
                        self.sources.record(key(&item, "url"), &v.path);
                        self.sources.record(key(&item, "title"), &v.path);
                        self.sources.record(item, &v.path);
                        out.push(Checked::Valid(format::Related {
                            title: Checked::Valid(s.clone()),
                            url: Checked::Valid(s.clone()),
                            ..Default::default()
                        }));
                    }
                    Value::String(_) => {}
                    Value::Object(_) => {
                        if let Some(r) = self.work(&v, &item) {
                            out.push(Checked::Valid(r));
                        }
                    }
                    other => {
                        self.sources.record(item, &v.path);
                        out.push(Checked::Invalid(found(other)));
                    }
                }
            }
        }
        // Each list alone is held to the limit (`listed`); together, the first ones count.
        out.truncate(MAX_ITEMS);
        (!out.is_empty()).then_some(out)
    }

    /// A cited work: title from `headline` or `name` (else its address),
    /// `url` (else `@id`), its authors' names, `datePublished`, and its kind
    /// from `genre`, else from a `@type` that reads as a word. A work with no
    /// address to link to (no `url`, an `@id` that is a blank node or a name
    /// such as `urn:isbn:…`, and no `sameAs` or `contentUrl`) is `None`, left
    /// out like a citation in words.
    fn work(&mut self, v: &At<'a>, bp: &str) -> Option<format::Related> {
        let resolved = self.graph.resolve(v);
        if resolved.value.as_object().is_some_and(is_reference) {
            // A work the document names but does not describe: its @id is its address.
            let id = resolved.id().filter(|id| is_address(id))?;
            let id_path = key(&resolved.path, "@id");
            for field in ["url", "title"] {
                self.sources.record(key(bp, field), &id_path);
            }
            self.sources.record(bp.to_owned(), &id_path);
            return Some(format::Related {
                title: Checked::Valid(id.to_owned()),
                url: Checked::Valid(id.to_owned()),
                ..Default::default()
            });
        }
        let node = self.node(v)?;
        self.stack.push(node.value);
        let work = self.described_work(&node, bp);
        self.stack.pop();
        work
    }

    fn described_work(&mut self, node: &At<'a>, bp: &str) -> Option<format::Related> {
        // The address first, before anything is recorded for a work that may be left out:
        // its `url` or `@id`, else where the work is kept (a DOI's resolver in `sameAs`,
        // a report's PDF as a `MediaObject`'s `contentUrl`).
        let url = match self.iri(Some(node.clone()), key(bp, "url")) {
            Some(url) => url,
            None => self.iri(node.first_of(&["sameAs", "contentUrl"]), key(bp, "url"))?,
        };
        self.sources.record(bp.to_owned(), &node.path);
        let title = match node.first_of(&["headline", "name"]) {
            Some(t) => self.string(Some(t), key(bp, "title")).unwrap_or_default(),
            None => {
                let url_path = self.sources.path_of(&key(bp, "url")).unwrap_or_default().to_owned();
                self.sources.record(key(bp, "title"), &url_path);
                url.clone()
            }
        };
        let author = node.first_of(&["author", "creator"]).and_then(|a| self.names(&a, key(bp, "author")));
        // A work dated by its year or month only, as cited papers and books
        // usually are, keeps no date rather than refusing the card: a
        // related item's date is a day. (The article's own dates are still
        // refused in that form: they are the card's.)
        let date = match node.get("datePublished") {
            Some(d) if d.one().and_then(|d| d.value.as_str().map(date::is_year_or_month)).unwrap_or(false) => None,
            d => self.date(d, key(bp, "date")),
        };
        let kind = self.string(node.get("genre"), key(bp, "kind")).or_else(|| type_word(node.value).map(|w| Checked::Valid(w.to_owned())));
        Some(format::Related { title, url, author, date, kind })
    }

    /// The names of a work's authors, joined (a related item has one author line).
    fn names(&mut self, at: &At<'a>, bp: String) -> Option<Checked<String>> {
        let mut names = Vec::new();
        for v in listed(at) {
            match v.value {
                Value::String(name) => names.push(name.clone()),
                Value::Object(_) => {
                    if let Some(name) = self.node(&v).and_then(|person| plain_name(&person)) {
                        names.push(name);
                    }
                }
                other => self.report(&v.path, format!("expected a name, a Person or an Organization, found {}", found(other).name())),
            }
        }
        self.sources.record(bp, &at.path);
        (!names.is_empty()).then(|| Checked::Valid(names.join(", ")))
    }
}

/// A cited work's `@type` as the word a reader would use for its kind, for
/// the types that have one (`CreativeWork`, `WebPage`… say nothing).
fn type_word(node: &Value) -> Option<&'static str> {
    const WORDS: [(&str, &str); 10] = [
        ("Report", "Report"),
        ("Book", "Book"),
        ("Chapter", "Chapter"),
        ("ScholarlyArticle", "Paper"),
        ("Dataset", "Dataset"),
        ("Legislation", "Legislation"),
        ("Thesis", "Thesis"),
        ("VideoObject", "Video"),
        ("PodcastEpisode", "Podcast"),
        ("AnalysisNewsArticle", "Analysis"),
    ];
    type_names(node).find_map(|t| WORDS.iter().find(|(name, _)| *name == t).map(|(_, word)| *word))
}

/// Schemes whose URLs run or embed what they carry: a cited string that
/// begins with one goes to the URL policy, which refuses it, however it is
/// spaced (`javascript:alert('a b')`). Other spaced strings ("Ibid:p.4 of
/// the report", "Source: Ministry of Health") are citations in words.
const ACTIVE_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// Whether a cited string is an address rather than a citation in words:
/// one word, or a string whose scheme, read as the browser reads it
/// (without tabs and newlines), is one of the [`ACTIVE_SCHEMES`].
fn is_written_as_address(s: &str) -> bool {
    let s = s.trim();
    if !s.contains(char::is_whitespace) {
        return true;
    }
    let joined: String = s.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    joined.split_once(':').is_some_and(|(scheme, _)| ACTIVE_SCHEMES.iter().any(|active| active.eq_ignore_ascii_case(scheme)))
}
