//! One schema.org article node into a [`format::Brief`], field by field
//! (the table is in docs/jsonld-mapping.md; the blocks that are nodes of
//! their own are mapped in the files below), recording in [`Sources`] where
//! each value came from.
//!
//! The mapping judges shapes only where JSON-LD's differ from the brief's
//! (a property with several values, a node instead of a string, a reference
//! by `@id`). Values themselves (a blank title, a `javascript:` URL, a date
//! that is no date) are left to the validator, which then speaks about the
//! JSON-LD through [`Sources::rewrite`].

use std::collections::HashSet;

use serde_json::Value;

use super::date;
use super::graph::{found, is_blank, is_reference, At, Graph};
use super::sources::{index, key, Sources};
use crate::format::limits::{MAX_ITEMS, MAX_SHORT_CHARS, MAX_URL_CHARS};
use crate::format::patterns::{is_anchor_id, URL_ENCODED};
use crate::format::{self, shortened, Checked, Found, Paragraph, Problem, Problems};

// The brief's blocks that JSON-LD writes as nodes of their own, a file each.
mod image;
mod parts;
mod people;
mod related;
mod tags;

pub(super) struct Mapper<'g, 'a> {
    graph: &'g Graph<'a>,
    pub sources: Sources,
    pub problems: Problems,
    /// The nodes being mapped, outermost first: a reference from inside one
    /// of them back to one of them is a cycle.
    stack: Vec<*const Value>,
    /// The references in parts' parts already reported as looping back
    /// (see [`Mapper::refuse_containing_a_whole`]): each once, however many
    /// parts reach it.
    loops: HashSet<*const Value>,
    /// The page's own description, for the page's one article when its
    /// JSON-LD describes it nowhere (see [`super::PageFacts`]).
    pub page_description: Option<At<'a>>,
    /// The document's default language (its `@context`'s `@language`), for
    /// an article without `inLanguage`.
    pub context_language: Option<String>,
}

impl<'g, 'a> Mapper<'g, 'a> {
    pub(super) fn new(graph: &'g Graph<'a>) -> Self {
        Mapper {
            graph,
            sources: Sources::default(),
            problems: Problems::default(),
            stack: Vec::new(),
            loops: HashSet::new(),
            page_description: None,
            context_language: None,
        }
    }

    pub(super) fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The article `node` as a brief whose problems have paths under `bp`
    /// (`""` for one brief, `[2]` for the third of a feed).
    pub(super) fn brief(&mut self, node: &At<'a>, bp: &str) -> format::Brief {
        self.stack.push(node.value);
        let at = |field: &str| key(bp, field);
        let mut b = format::Brief {
            id: self.identifier(node, at("id")),
            kind: self.string(node.first_of(&["articleSection", "genre"]), at("kind")).map(first_section),
            ..Default::default()
        };
        match node.first_of(&["headline", "name"]) {
            Some(title) => b.title = self.string(Some(title), at("title")).unwrap_or_default(),
            None => {
                self.report(&key(&node.path, "headline"), "is required (else name): it is the card's title");
                self.sources.reported(at("title"));
            }
        }
        b.date = self.date(node.get("datePublished"), at("date"));
        b.updated = self.date(node.get("dateModified"), at("updated"));
        // A post scheduled after its last edit (WordPress writes it so) was
        // modified before it was published: that is no update to show.
        if let (Some(Checked::Valid(date)), Some(Checked::Valid(updated))) = (&b.date, &b.updated) {
            if date::is_day_before(updated, date) {
                b.updated = None;
            }
        }
        // `"mainEntityOfPage": true`, as some CMSs write it, says nothing of where the page is.
        let page = node.get("mainEntityOfPage").filter(|page| !page.value.is_boolean());
        b.url = match node.get("url").or(page) {
            Some(url) => self.iri(Some(url), at("url")),
            None => self.address_of_its_page(node, at("url")),
        };
        b.lang = self.language(node.get("inLanguage"), at("lang")).or_else(|| self.context_language.clone().map(Checked::Valid));
        // The first publisher the document describes: a list may open with a
        // reference to a node it does not define.
        b.publisher = node.get("publisher").and_then(|p| listed(&p).iter().find_map(|p| self.publisher(p, &at("publisher"))));
        let authors = node.get("author").and_then(|a| self.authors(&a, &at("authors")));
        b.authors = authors.filter(|a| !people::only_the_publisher(a, b.publisher.as_ref())).map(Checked::Valid);
        // The first image with an address: a list may open with an
        // `ImageObject` that only names itself (`{"@id": "…#primaryimage"}`).
        let mut images = ["image", "thumbnailUrl"].into_iter().filter_map(|name| node.get(name)).flat_map(|i| listed(&i));
        b.image = images.find_map(|i| self.image(&i, &at("image")));
        // An article without an abstract or a description of its own (as
        // WordPress's Yoast writes them) has its page's description.
        let summary = node.first_of(&["abstract", "description"]).or_else(|| self.page_of(node).and_then(|page| page.get("description")));
        let paragraphs = summary.and_then(|s| Some((self.paragraphs(&s, &at("summary.paragraphs")).and_then(nonempty)?, s)));
        // Then the page's own description, which its publisher wrote as
        // the article's summary for search results and shared links.
        let paragraphs = paragraphs.or_else(|| {
            let meta = self.page_description.take()?;
            Some((self.lead(&meta, &at("summary.paragraphs"))?, meta))
        });
        // Some publishers describe an article only by its whole text: then
        // its opening stands as the summary.
        let paragraphs = paragraphs.or_else(|| {
            let body = node.get("articleBody")?;
            Some((self.lead(&body, &at("summary.paragraphs"))?, body))
        });
        b.summary = paragraphs.map(|(paragraphs, s)| {
            self.sources.record(at("summary"), &s.path);
            Checked::Valid(format::Summary { heading: None, paragraphs: Checked::Valid(paragraphs) })
        });
        let (quotes, sections) = self.parts(node, bp);
        b.quotes = quotes.map(Checked::Valid);
        b.sections = sections.map(Checked::Valid);
        b.related = self.related(node, &at("related")).map(Checked::Valid);
        b.tags = self.tags(node, &at("tags")).map(Checked::Valid);
        self.stack.pop();
        b
    }

    /// The web page `article` is the main entity of, when it says so
    /// (`mainEntityOfPage`) or is part of one (`isPartOf`) that the document
    /// describes, else the page that names it as its `mainEntity`.
    fn page_of(&self, article: &At<'a>) -> Option<At<'a>> {
        let named = ["mainEntityOfPage", "isPartOf"].into_iter().find_map(|name| {
            // Only its description is read, so an `@id` that names the
            // article itself (as many publishers write it) is no cycle here.
            let page = article.get(name)?.one().filter(|p| p.value.is_object())?;
            Some(self.graph.resolve(&page)).filter(|page| super::is_page(page))
        });
        named.or_else(|| self.page_naming(article).cloned())
    }

    /// The page among the document's top nodes whose `mainEntity` is `article`.
    fn page_naming(&self, article: &At<'a>) -> Option<&'g At<'a>> {
        let graph = self.graph;
        let names_article = |page: &&At<'a>| {
            let mains = page.get("mainEntity").map(|m| m.values()).unwrap_or_default();
            mains.iter().any(|m| std::ptr::eq(graph.fullest(&graph.resolve(m)).value, article.value))
        };
        graph.top.iter().filter(|n| super::is_page(n)).find(names_article)
    }

    /// The address of the page of an article that gives none itself: the
    /// page whose `mainEntity` it is (its `url`, else its `@id`), else its
    /// own `@id` when that is an absolute http(s) URL, which for an article
    /// names its page. (A relative `@id` such as `#article` names a node of
    /// the document, not a page to link to.)
    fn address_of_its_page(&mut self, article: &At<'a>, bp: String) -> Option<Checked<String>> {
        if let Some(page) = self.page_naming(article) {
            return self.iri(Some(page.clone()), bp);
        }
        let id =
            article.get("@id").filter(|id| id.value.as_str().is_some_and(|id| id.starts_with("https://") || id.starts_with("http://")))?;
        self.address(id, bp)
    }

    /// The node a value stands for (the definition of the `@id` it names),
    /// or `None` when that is a node being mapped (a cycle, reported) or a
    /// node the document does not define (nothing to read but its `@id`).
    fn node(&mut self, at: &At<'a>) -> Option<At<'a>> {
        let node = self.graph.resolve(at);
        if self.stack.contains(&(node.value as *const Value)) {
            self.report_cycle(&at.path, &node);
            return None;
        }
        let undefined = node.value.as_object().is_some_and(is_reference);
        (!undefined).then_some(node)
    }

    /// Refuses a part, `node`, that has among its own parts, or their parts
    /// however deep, a node being mapped: the article it is a part of, or
    /// itself. The mapping reads no further down, but nothing can contain
    /// what contains it, so such a document is a cycle (issue 17: cycles are
    /// refused), reported where the loop is written. (Works that cite one
    /// another are no such loop.)
    fn refuse_containing_a_whole(&mut self, node: &At<'a>) {
        let parts_of = |node: &At<'a>| node.get("hasPart").map(|parts| listed(&parts)).unwrap_or_default();
        // Each part once: the graph is bounded (MAX_GRAPH_NODES), and parts may share parts.
        let mut seen = HashSet::from([node.value as *const Value]);
        let mut todo = parts_of(node);
        while let Some(v) = todo.pop() {
            if !v.value.is_object() {
                continue;
            }
            // Which node a reference names, found without `resolve`: nothing
            // of it is copied, so it spends none of the references' budget.
            let part = self.graph.fullest(&v);
            if self.stack.contains(&(part.value as *const Value)) {
                if self.loops.insert(v.value as *const Value) {
                    self.report_cycle(&v.path, &part);
                }
            } else if seen.insert(part.value as *const Value) {
                todo.extend(parts_of(&part));
            }
        }
    }

    /// "refers through @id back to …", at the reference (`path`) to a node being mapped.
    fn report_cycle(&mut self, path: &str, node: &At<'a>) {
        let target = if node.path.is_empty() { "the document itself".to_owned() } else { node.path.clone() };
        self.report(path, format!("refers through @id back to {target}, which contains it (a cycle)"));
    }

    /// A text property (its first value), recorded at `bp`: at the value
    /// object's `@value` when it is written as one, which is where a problem
    /// with the text is.
    fn string(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let at = at?;
        let first = at.one();
        let written = first.as_ref().unwrap_or(&at);
        match written.value.get("@value") {
            Some(v) if !v.is_array() && !v.is_object() => self.sources.record(bp, &key(&written.path, "@value")),
            _ => self.sources.record(bp, &written.path),
        }
        Some(first.map_or(Checked::Absent, |v| text(v.value)))
    }

    /// A required text property of `node`: recorded at the first of `names`
    /// when absent, so that "is required" names the property to add.
    fn required(&mut self, node: &At<'a>, names: &[&str], bp: String) -> Checked<String> {
        match node.first_of(names) {
            Some(at) => self.string(Some(at), bp).unwrap_or_default(),
            None => {
                self.sources.record(bp, &key(&node.path, names.first().copied().unwrap_or_default()));
                Checked::Absent
            }
        }
    }

    /// A property that is text or a node with a name (`jobTitle` as a
    /// `DefinedTerm`, `inLanguage` as a `Language`): the text, or the name.
    fn named(&mut self, at: Option<At<'a>>, names: &[&str], bp: String) -> Option<Checked<String>> {
        let first = at?.one()?;
        if first.value.is_object() && first.value.get("@value").is_none() {
            let node = self.node(&first)?;
            return self.string(node.first_of(names), bp);
        }
        self.string(Some(first), bp)
    }

    fn date(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        Some(match self.string(at, bp)? {
            Checked::Valid(s) => Checked::Valid(date::normalise(&s).into_owned()),
            other => other,
        })
    }

    /// A URL: text, or a node's `url`, else its `@id` unless that names a
    /// blank node (`_:b0`), which is local to the document.
    ///
    /// A node's `url` may itself be a reference (`{"@id": …}`), even to the
    /// node itself or back to one on the way: JSON-LD reads `url` as an IRI
    /// either way, so such a reference names that node's address, its `@id`.
    fn iri(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let mut at = at?.one()?;
        let mut on_the_way: Vec<&Value> = Vec::new();
        let node = loop {
            if !at.value.is_object() || at.value.get("@value").is_some() {
                return self.address(at, bp);
            }
            let node = self.graph.resolve(&at);
            if on_the_way.iter().any(|seen| std::ptr::eq(*seen, node.value)) {
                break node;
            }
            on_the_way.push(node.value);
            match node.get("url") {
                Some(url) => at = url.one()?,
                None => break node,
            }
        };
        // A node's `@id` that is only a fragment (`#webpage`) names a node
        // of this document, not a page to link to (as an article's own does).
        let id = node.id().filter(|id| is_address(id) && !id.starts_with('#') && !too_long_an_address(id))?;
        self.sources.record(bp, &key(&node.path, "@id"));
        Some(Checked::Valid(id.to_owned()))
    }

    /// A URL written as text; one longer than any the card keeps is left
    /// out (see [`too_long_an_address`]).
    fn address(&mut self, at: At<'a>, bp: String) -> Option<Checked<String>> {
        match self.string(Some(at), bp)? {
            Checked::Valid(url) if too_long_an_address(&url) => None,
            url => Some(url),
        }
    }

    /// `identifier`, when it can serve as the card's anchor (a short string
    /// of anchor characters); publishers' other identifiers are ignored.
    fn identifier(&mut self, node: &At<'a>, bp: String) -> Option<Checked<String>> {
        let at = node.get("identifier")?.one()?;
        let id = at.value.as_str().filter(|id| id.len() <= MAX_SHORT_CHARS && is_anchor_id(id))?;
        self.sources.record(bp, &at.path);
        Some(Checked::Valid(id.to_owned()))
    }

    /// `inLanguage`: a tag (`en_US` read as `en-US`), or a `Language` node's
    /// `alternateName` (its tag) or `name`. A value whose first subtag is
    /// not a language code of two or three letters (`"English"`, `"فارسی"`)
    /// is left out, so the article has the page's language (or the
    /// default): `lang="English"` would name no language to a browser or a
    /// screen reader, and set no direction.
    fn language(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        match self.named(at, &["alternateName", "name"], bp)? {
            Checked::Valid(value) => super::language_code(&value).map(Checked::Valid),
            other => Some(other),
        }
    }

    /// The opening of an `articleBody` (or of the page's description) as one
    /// paragraph: its first paragraph or line, shortened with "…" past
    /// [`MAX_SHORT_CHARS`] characters (a whole article is no summary).
    /// `None` when the text is blank or no text: it was only a stand-in for
    /// a summary.
    fn lead(&mut self, at: &At<'a>, bp: &str) -> Option<Vec<Checked<Paragraph>>> {
        let first = at.one()?;
        let Checked::Valid(body) = text(first.value) else { return None };
        let opening = body.lines().map(str::trim).find(|line| !line.is_empty())?;
        self.sources.record(bp.to_owned(), &first.path);
        self.sources.record(index(bp, 0), &first.path);
        Some(vec![Checked::Valid(Paragraph::Text(shortened(opening.to_owned(), MAX_SHORT_CHARS)))])
    }

    /// Text split into paragraphs at blank lines (`None`, reported, when it
    /// is not text). Several strings (`"abstract": ["One.", "Two."]`) are
    /// paragraphs each, as a list takes every value; value objects in
    /// several `@language`s are one text in several languages: the first.
    fn paragraphs(&mut self, at: &At<'a>, bp: &str) -> Option<Vec<Checked<Paragraph>>> {
        let values = at.values();
        let texts = if values.len() > 1 && values.iter().all(|v| v.value.is_string()) { values } else { vec![at.one()?] };
        let mut paragraphs: Option<Vec<Checked<Paragraph>>> = None;
        for t in texts {
            match text(t.value) {
                Checked::Valid(s) => {
                    let list = paragraphs.get_or_insert_with(|| {
                        // A problem with the block as a whole is at its first text.
                        self.sources.record(bp.to_owned(), &t.path);
                        Vec::new()
                    });
                    for p in split_paragraphs(&s).take(MAX_ITEMS.saturating_sub(list.len())) {
                        // A problem with a paragraph is a problem with the string it came from.
                        self.sources.record(index(bp, list.len()), &t.path);
                        list.push(Checked::Valid(Paragraph::Text(p)));
                    }
                }
                Checked::Invalid(kind) => {
                    self.report(&t.path, format!("expected a string, found {}", kind.name()));
                    self.sources.reported(bp.to_owned());
                    return None;
                }
                Checked::Absent => {}
            }
        }
        paragraphs
    }
}

/// Schemes of `@id`s that name a thing without locating it on the web
/// (`urn:isbn:…` for a book, `doi:…` for a paper): no link can be made of them.
const NAMING_SCHEMES: [&str; 8] = ["urn", "doi", "tag", "info", "isbn", "issn", "hdl", "ark"];

/// Whether an `@id` can stand for the node's address where a URL is wanted:
/// not a blank node (`_:b0`, local to the document) and not a name of one of
/// the [`NAMING_SCHEMES`]. Anything else goes to the URL policy as written,
/// so a `javascript:` `@id` is refused there like any other URL.
fn is_address(id: &str) -> bool {
    let scheme = id.trim_start().split_once(':').map(|(scheme, _)| scheme);
    !id.starts_with("_:") && !scheme.is_some_and(|scheme| NAMING_SCHEMES.iter().any(|n| n.eq_ignore_ascii_case(scheme)))
}

/// Whether a URL is longer than any the card keeps ([`MAX_URL_CHARS`]).
/// Such an image, logo or link is left out rather than refused: publishers
/// serve images whose whole rendering recipe is in the query (`@vercel/og`
/// writes 2,800 characters), and one of them is no reason to lose the card.
/// A `javascript:` URL of that length is left out too, so it is never shown.
/// Counted as the URL policy will write it, percent-encoded: a Persian slug
/// of 700 letters is 4,200 characters then.
fn too_long_an_address(url: &str) -> bool {
    percent_encoding::utf8_percent_encode(url, URL_ENCODED).map(str::len).sum::<usize>() > MAX_URL_CHARS
}

/// The values of a list property, the first [`MAX_ITEMS`] of them: the
/// most any list of a brief may have. A paper with 120 authors or a report
/// with 150 citations is no reason to refuse the card, and no card shows
/// that many.
fn listed<'a>(at: &At<'a>) -> Vec<At<'a>> {
    let mut values = at.values();
    values.truncate(MAX_ITEMS);
    values
}

/// A list that is left out when empty.
fn nonempty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

/// A value as text: a string, a value object's `@value`, the first of an
/// array; `null` is absent; anything else is of the wrong kind.
fn text(value: &Value) -> Checked<String> {
    match value {
        Value::String(s) => Checked::Valid(s.clone()),
        Value::Array(items) => items.iter().find(|v| !is_blank(v)).map_or(Checked::Absent, text),
        Value::Object(members) => match members.get("@value") {
            Some(v) if !v.is_array() && !v.is_object() => text(v),
            _ => Checked::Invalid(Found::Object),
        },
        Value::Null => Checked::Absent,
        other => Checked::Invalid(found(other)),
    }
}

/// The first section of a kind written as several in one string, as
/// `keywords` are (Rank Math and AIOSEO write every category of a post as
/// `"World, Diplomacy"`): the card's eyebrow names one.
fn first_section(kind: Checked<String>) -> Checked<String> {
    match kind {
        Checked::Valid(s) => {
            let first = tags::keywords_in(&s).next().map(str::to_owned);
            Checked::Valid(first.unwrap_or(s))
        }
        other => other,
    }
}

/// Paragraphs of a text: separated by blank lines, each trimmed.
fn split_paragraphs(s: &str) -> impl Iterator<Item = String> + '_ {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in s.lines().map(str::trim).chain(std::iter::once("")) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    paragraphs.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        let ps: Vec<String> = split_paragraphs(" One\nstill one \n\n \nTwo\r\n\r\nThree ").collect();
        assert_eq!(ps, ["One\nstill one", "Two", "Three"]);
        assert_eq!(split_paragraphs(" \n ").count(), 0);
    }

    #[test]
    fn an_id_is_an_address_unless_it_is_a_blank_node_or_a_name() {
        for yes in ["https://e.example/a#org", "/people/ana", "#q1", "javascript:alert(1)"] {
            assert!(is_address(yes), "{yes}");
        }
        for no in ["_:b0", "urn:isbn:9780000000000", "URN:ISBN:9780000000000", "doi:10.1000/182", "tag:e.example,2024:x", "info:pmid/12345"]
        {
            assert!(!is_address(no), "{no}");
        }
    }

    #[test]
    fn text_reads_strings_value_objects_and_first_values() {
        assert_eq!(text(&serde_json::json!("a")), Checked::Valid("a".into()));
        assert_eq!(text(&serde_json::json!({"@value": "b", "@language": "en"})), Checked::Valid("b".into()));
        assert_eq!(text(&serde_json::json!([null, "c", "d"])), Checked::Valid("c".into()));
        assert_eq!(text(&serde_json::json!([])), Checked::Absent);
        assert_eq!(text(&serde_json::json!({"name": "x"})), Checked::Invalid(Found::Object));
        assert_eq!(text(&serde_json::json!(4)), Checked::Invalid(Found::Number));
    }
}
