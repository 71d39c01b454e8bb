//! `keywords` and `about`: the tags, with the links `about`'s `Thing`s give them.

use serde_json::Value;

use super::{listed, text, Mapper};
use crate::format::limits::MAX_ITEMS;
use crate::format::{self, Checked};
use crate::jsonld::graph::{found, At};
use crate::jsonld::sources::{index, key};

impl<'a> Mapper<'_, 'a> {
    /// `keywords` (a string of words separated by commas or semicolons, or an array of words or
    /// `DefinedTerm`s), then `about` (`Thing`s with `name` and `url`). A
    /// `Thing` named like a keyword gives that tag its link.
    pub(super) fn tags(&mut self, node: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Tag>>> {
        let mut tags = Tags { bp, list: Vec::new() };
        if let Some(keywords) = node.get("keywords") {
            match keywords.value {
                Value::String(s) => {
                    for w in keywords_in(s).take(MAX_ITEMS) {
                        tags.add(self, w.to_owned(), &keywords.path, None);
                    }
                }
                // One string in an array is the list written as one
                // (`["Iran, Oil"]`); several strings are the words
                // themselves, which may hold commas (ABC's "Business,
                // Economics and Finance").
                Value::Array(items) if matches!(items.as_slice(), [Value::String(_)]) => {
                    let path = index(&keywords.path, 0);
                    for w in items.iter().filter_map(Value::as_str).flat_map(keywords_in).take(MAX_ITEMS) {
                        tags.add(self, w.to_owned(), &path, None);
                    }
                }
                _ => self.things(&keywords, &mut tags, "a keyword (a string) or a DefinedTerm"),
            }
        }
        if let Some(about) = node.get("about") {
            self.things(&about, &mut tags, "a Thing or a name");
            // Each alone is held to the limit; together, the first ones count.
            tags.list.truncate(MAX_ITEMS);
        }
        (!tags.list.is_empty()).then(|| tags.list.into_iter().map(|(_, tag)| Checked::Valid(tag)).collect())
    }

    /// Words or named nodes (`DefinedTerm`, `Thing`) as tags.
    fn things(&mut self, at: &At<'a>, tags: &mut Tags, expected: &str) {
        for v in listed(at) {
            match v.value {
                Value::String(s) => tags.add(self, s.trim().to_owned(), &v.path, None),
                Value::Object(_) if v.value.get("@value").is_some() => {
                    if let Checked::Valid(s) = text(v.value) {
                        tags.add(self, s.trim().to_owned(), &v.path, None);
                    }
                }
                Value::Object(_) => {
                    let Some(node) = self.node(&v) else { continue };
                    let Some(name) = node.get("name").and_then(|n| n.one()) else { continue };
                    match text(name.value) {
                        Checked::Valid(label) => {
                            tags.add(self, label.trim().to_owned(), &name.path, node.get("url"));
                        }
                        Checked::Invalid(kind) => self.report(&name.path, format!("expected a string, found {}", kind.name())),
                        Checked::Absent => {}
                    }
                }
                other => self.report(&v.path, format!("expected {expected}, found {}", found(other).name())),
            }
        }
    }
}

/// The words of a `keywords` string (or the sections of an `articleSection`
/// written as one), separated by commas as the page's script writes them
/// (Latin, Arabic `،`, ideographic `、`, full-width `，`) or by semicolons
/// (Latin, Arabic `؛`, full-width `；`), as some CMSs separate them. (A
/// character reference's `;`, as in `Telecom &amp; Media`, is no separator:
/// references are read as their characters before any mapping, see
/// `jsonld::references`.)
pub(super) fn keywords_in(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '،', '、', '，', '؛', ';', '；']).map(str::trim).filter(|w| !w.is_empty())
}

/// The tags so far, each with its label folded for matching.
struct Tags<'b> {
    bp: &'b str,
    list: Vec<(String, format::Tag)>,
}

impl Tags<'_> {
    /// A tag `label` from `path`, with the link in `url` (a node's `url`)
    /// if any; a label already there gets the link it lacked instead.
    fn add<'a>(&mut self, m: &mut Mapper<'_, 'a>, label: String, path: &str, url: Option<At<'a>>) {
        if label.is_empty() {
            return;
        }
        // Only A–Z are folded: full Unicode case folding depends on the
        // language (Turkish dotted and dotless i), and tags that differ in
        // the case of other letters are kept apart rather than guessed at.
        let folded = label.to_ascii_lowercase();
        let i = match self.list.iter().position(|(f, _)| *f == folded) {
            Some(i) => i,
            None => {
                let item = index(self.bp, self.list.len());
                m.sources.record(item.clone(), path);
                m.sources.record(key(&item, "label"), path);
                self.list.push((folded, format::Tag { label: Checked::Valid(label), url: None }));
                self.list.len() - 1
            }
        };
        let item = index(self.bp, i);
        if let (Some(url), Some((_, tag))) = (url, self.list.get_mut(i)) {
            if tag.url.is_none() {
                tag.url = m.iri(Some(url), key(&item, "url"));
            }
        }
    }
}
