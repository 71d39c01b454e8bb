//! Who: the `publisher` and the `author`s.

use serde_json::Value;

use super::{listed, text, Mapper};
use crate::format::limits::MAX_ITEMS;
use crate::format::{self, Checked};
use crate::jsonld::graph::{found, At};
use crate::jsonld::sources::{index, key};

impl<'a> Mapper<'_, 'a> {
    /// `publisher`: a name, or an `Organization` (or `Person`) with `name`,
    /// `url` and `logo` (a URL or an `ImageObject`). One without a name is
    /// left out: the card names its publisher.
    pub(super) fn publisher(&mut self, at: &At<'a>, bp: &str) -> Option<Checked<format::Publisher>> {
        self.sources.record(bp.to_owned(), &at.path);
        Some(match at.value {
            Value::String(name) => {
                self.sources.record(key(bp, "name"), &at.path);
                Checked::Valid(format::Publisher { name: Checked::Valid(name.clone()), ..Default::default() })
            }
            Value::Object(_) => {
                let node = self.node(at).filter(|node| node.get("name").is_some())?;
                self.sources.record(bp.to_owned(), &node.path);
                Checked::Valid(format::Publisher {
                    name: self.required(&node, &["name"], key(bp, "name")),
                    url: self.iri(node.get("url"), key(bp, "url")),
                    logo: self.image_url(node.get("logo"), key(bp, "logo")),
                })
            }
            other => Checked::Invalid(found(other)),
        })
    }

    /// `author`: names, or `Person`s and `Organization`s with `name` and
    /// `url` (one without a name is left out).
    pub(super) fn authors(&mut self, at: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Author>>> {
        let mut out = Vec::new();
        for v in listed(at) {
            let item = index(bp, out.len());
            match v.value {
                Value::String(name) => {
                    self.sources.record(item.clone(), &v.path);
                    self.sources.record(key(&item, "name"), &v.path);
                    out.push(Checked::Valid(format::Author { name: Checked::Valid(name.clone()), url: None }));
                }
                Value::Object(_) => {
                    // A person or organisation without a name has no place in a byline.
                    let Some(node) = self.node(&v).filter(is_named) else { continue };
                    // One node naming several people, as NPR writes its
                    // bylines (`"name": ["Greg Myre", "Joanna Kakissis"]`):
                    // each is an author, with no one's `url`.
                    if let Some(names) = node.get("name").filter(|n| n.value.as_array().is_some_and(|names| names.len() > 1)) {
                        for name in listed(&names).iter().filter(|n| n.value.as_str().is_some_and(|s| !s.trim().is_empty())) {
                            let item = index(bp, out.len());
                            self.sources.record(item.clone(), &name.path);
                            self.sources.record(key(&item, "name"), &name.path);
                            out.push(Checked::Valid(format::Author { name: text(name.value), url: None }));
                        }
                        continue;
                    }
                    self.sources.record(item.clone(), &node.path);
                    let name = self.person_name(&node, key(&item, "name"));
                    out.push(Checked::Valid(format::Author { name, url: self.iri(node.get("url"), key(&item, "url")) }));
                }
                other => {
                    self.sources.record(item, &v.path);
                    out.push(Checked::Invalid(found(other)));
                }
            }
        }
        // Nodes naming several people can bring more than a list holds; the first ones stay, as in `listed`.
        out.truncate(MAX_ITEMS);
        // The card writes its own "By": a name written with one ("By JANE
        // DOE", as agencies' bylines are) would read "By By JANE DOE".
        for author in &mut out {
            if let Checked::Valid(format::Author { name: Checked::Valid(name), .. }) = author {
                if let Some(rest) = name
                    .get(..3)
                    .filter(|by| by.eq_ignore_ascii_case("by "))
                    .and_then(|_| name.get(3..))
                    .filter(|rest| !rest.trim().is_empty())
                {
                    *name = rest.trim_start().to_owned();
                }
            }
        }
        Some(out)
    }
}

/// The parts of a person's name, in the order a byline writes them, for
/// people described without a `name` (as some CMSs and academic publishers
/// write them).
const NAME_PARTS: [&str; 3] = ["givenName", "additionalName", "familyName"];

/// Whether a person or organisation has a name: its `name`, or
/// [`NAME_PARTS`] that are text.
pub(super) fn is_named(node: &At) -> bool {
    node.get("name").is_some() || name_in_parts(node).is_some()
}

/// A named node's name as text, for a line that joins several (a cited
/// work's authors); `None` when it is not text.
pub(super) fn plain_name(node: &At) -> Option<String> {
    match node.get("name") {
        Some(name) => match text(name.value) {
            Checked::Valid(name) => Some(name),
            _ => None,
        },
        None => name_in_parts(node).map(|(name, _)| name),
    }
}

/// The [`NAME_PARTS`] of a node that are text, joined by spaces, and the
/// path of the first of them; `None` when there are none.
fn name_in_parts(node: &At) -> Option<(String, String)> {
    let mut first = None;
    let mut parts = Vec::new();
    for at in NAME_PARTS.iter().filter_map(|part| node.get(part)) {
        if let Checked::Valid(part) = text(at.value) {
            first.get_or_insert(at.path);
            parts.push(part);
        }
    }
    Some((parts.join(" "), first?))
}

impl<'a> Mapper<'_, 'a> {
    /// An [`is_named`] person's name, recorded at `bp`: its `name`, else
    /// its [`NAME_PARTS`].
    pub(super) fn person_name(&mut self, node: &At<'a>, bp: String) -> Checked<String> {
        if node.get("name").is_some() {
            return self.required(node, &["name"], bp);
        }
        let Some((name, path)) = name_in_parts(node) else { return Checked::Absent };
        self.sources.record(bp, &path);
        Checked::Valid(name)
    }
}

/// Whether `authors` only name the publisher again, as news agencies and
/// broadcasters write `author` (`{"@type": "NewsMediaOrganization", "name":
/// "BBC News"}` beside the same publisher): then the byline would repeat
/// the publisher's line, and is left out. Its URL may be a page of its
/// own (WordPress gives every author `/author/slug/`, the publisher's too);
/// only a URL that is no web address (`javascript:`) keeps the byline, so
/// that the policy refuses it, as it refuses one anywhere else.
pub(super) fn only_the_publisher(authors: &[Checked<format::Author>], publisher: Option<&Checked<format::Publisher>>) -> bool {
    let Some(Checked::Valid(publisher)) = publisher else { return false };
    let Checked::Valid(name) = &publisher.name else { return false };
    let web_address = |url: &str| {
        let url = url.trim_start().as_bytes();
        [&b"https://"[..], b"http://"].iter().any(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
    };
    let is_publisher = |author: &Checked<format::Author>| match author {
        Checked::Valid(a) => {
            matches!(&a.name, Checked::Valid(n) if n.trim() == name.trim())
                && match &a.url {
                    None => true,
                    Some(Checked::Valid(url)) => web_address(url),
                    Some(_) => false,
                }
        }
        _ => false,
    };
    !authors.is_empty() && authors.iter().all(is_publisher)
}
