//! One schema.org article node into a [`format::Brief`], field by field
//! (the table is in docs/jsonld-mapping.md), recording in [`Sources`] where
//! each value came from.
//!
//! The mapping judges shapes only where JSON-LD's differ from the brief's
//! (a property with several values, a node instead of a string, a reference
//! by `@id`). Values themselves (a blank title, a `javascript:` URL, a date
//! that is no date) are left to the validator, which then speaks about the
//! JSON-LD through [`Sources::rewrite`].

use serde_json::Value;

use super::date;
use super::graph::{found, is_reference, type_names, At, Graph};
use super::sources::{index, key, Sources};
use crate::format::limits::{MAX_IMAGE_PIXELS, MAX_ITEMS};
use crate::format::{self, Checked, Found, Paragraph, Problem, MAX_PROBLEMS};

pub(super) struct Mapper<'g, 'a> {
    graph: &'g Graph<'a>,
    pub sources: Sources,
    pub problems: Vec<Problem>,
    /// Problems past [`MAX_PROBLEMS`], only counted.
    pub dropped: usize,
    /// The nodes being mapped, outermost first: a reference from inside one
    /// of them back to one of them is a cycle.
    stack: Vec<*const Value>,
}

impl<'g, 'a> Mapper<'g, 'a> {
    pub fn new(graph: &'g Graph<'a>) -> Self {
        Mapper { graph, sources: Sources::default(), problems: Vec::new(), dropped: 0, stack: Vec::new() }
    }

    pub fn report(&mut self, path: &str, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(path, message));
        } else {
            self.dropped += 1;
        }
    }

    /// The article `node` as a brief whose problems have paths under `bp`
    /// (`""` for one brief, `[2]` for the third of a feed).
    pub fn brief(&mut self, node: &At<'a>, bp: &str) -> format::Brief {
        self.stack.push(node.value);
        let at = |field: &str| key(bp, field);
        let mut b = format::Brief { id: self.identifier(node, at("id")), kind: self.string(node.first_of(&["articleSection", "genre"]), at("kind")), ..Default::default() };
        match node.first_of(&["headline", "name"]) {
            Some(title) => b.title = self.string(Some(title), at("title")).unwrap_or_default(),
            None => {
                self.report(&node.path, "has no headline (or name), which the card needs as its title");
                self.sources.reported(at("title"));
            }
        }
        b.date = self.date(node.get("datePublished"), at("date"));
        b.updated = self.date(node.get("dateModified"), at("updated"));
        b.url = self.iri(node.first_of(&["url", "mainEntityOfPage"]), at("url"));
        b.lang = self.language(node.get("inLanguage"), at("lang"));
        b.publisher = node.get("publisher").and_then(|p| p.one()).and_then(|p| self.publisher(&p, &at("publisher")));
        b.authors = node.get("author").and_then(|a| self.authors(&a, &at("authors"))).map(Checked::Valid);
        b.image = node.get("image").and_then(|i| i.one()).and_then(|i| self.image(&i, &at("image")));
        // An article without an abstract or a description of its own (as
        // WordPress's Yoast writes them) has its page's description.
        let summary = node.first_of(&["abstract", "description"]).or_else(|| self.page_of(node).and_then(|page| page.get("description")));
        b.summary = summary.and_then(|s| {
            let paragraphs = self.paragraphs(&s, &at("summary.paragraphs")).and_then(nonempty)?;
            self.sources.record(at("summary"), &s.path);
            Some(Checked::Valid(format::Summary { heading: None, paragraphs: Some(Checked::Valid(paragraphs)) }))
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
    /// (`mainEntityOfPage`) or is part of one (`isPartOf`) that the document describes.
    fn page_of(&self, article: &At<'a>) -> Option<At<'a>> {
        ["mainEntityOfPage", "isPartOf"].into_iter().find_map(|name| {
            // Only its description is read, so an `@id` that names the
            // article itself (as many publishers write it) is no cycle here.
            let page = article.get(name)?.one().filter(|p| p.value.is_object())?;
            Some(self.graph.resolve(&page)).filter(|page| page.is_a(&super::PAGE_TYPES))
        })
    }

    /// The node a value stands for (the definition of the `@id` it names),
    /// or `None` when that is a node being mapped (a cycle, reported) or a
    /// node the document does not define (nothing to read but its `@id`).
    fn node(&mut self, at: &At<'a>) -> Option<At<'a>> {
        let node = self.graph.resolve(at);
        if self.stack.contains(&(node.value as *const Value)) {
            let target = if node.path.is_empty() { "the document itself".to_owned() } else { node.path.clone() };
            self.report(&at.path, format!("refers through @id back to {target}, which contains it (a cycle)"));
            return None;
        }
        let undefined = node.value.as_object().is_some_and(is_reference);
        (!undefined).then_some(node)
    }

    /// The values of a list property, or `None` (and a problem) when there
    /// are more than any list of a brief may have.
    fn values(&mut self, at: &At<'a>) -> Option<Vec<At<'a>>> {
        let len = at.value.as_array().map_or(1, Vec::len);
        if len > MAX_ITEMS {
            self.report(&at.path, format!("must have at most {MAX_ITEMS} items (has {len})"));
            return None;
        }
        Some(at.values())
    }

    /// A text property (its first value), recorded at `bp`.
    fn string(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let at = at?;
        let first = at.one();
        self.sources.record(bp, &first.as_ref().unwrap_or(&at).path);
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
    fn iri(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let first = at?.one()?;
        if !first.value.is_object() || first.value.get("@value").is_some() {
            return self.string(Some(first), bp);
        }
        // Only the node's address is read, so no cycle can come of it.
        let node = self.graph.resolve(&first);
        if let Some(url) = node.get("url") {
            return self.iri(Some(url), bp);
        }
        let id = node.id().filter(|id| !id.starts_with("_:"))?;
        self.sources.record(bp, &key(&node.path, "@id"));
        Some(Checked::Valid(id.to_owned()))
    }

    /// `identifier`, when it can serve as the card's anchor (a short string
    /// of anchor characters); publishers' other identifiers are ignored.
    fn identifier(&mut self, node: &At<'a>, bp: String) -> Option<Checked<String>> {
        let at = node.get("identifier")?.one()?;
        let id = at.value.as_str().filter(|id| id.len() <= 100 && !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))?;
        self.sources.record(bp, &at.path);
        Some(Checked::Valid(id.to_owned()))
    }

    /// `inLanguage`: a tag (`en_US` read as `en-US`), or a `Language` node's
    /// `alternateName` (its tag) or `name`.
    fn language(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        Some(match self.named(at, &["alternateName", "name"], bp)? {
            Checked::Valid(tag) => Checked::Valid(tag.trim().replace('_', "-")),
            other => other,
        })
    }

    /// Text split into paragraphs at blank lines (`None`, reported, when it is not text).
    fn paragraphs(&mut self, at: &At<'a>, bp: &str) -> Option<Vec<Checked<Paragraph>>> {
        let first = at.one()?;
        match text(first.value) {
            Checked::Valid(s) => {
                let paragraphs: Vec<Checked<Paragraph>> = split_paragraphs(&s).map(|p| Checked::Valid(Paragraph::Text(p))).collect();
                // Every paragraph comes from the one string: a problem with any is a problem with it.
                self.sources.record(bp.to_owned(), &first.path);
                for i in 0..paragraphs.len() {
                    self.sources.record(index(bp, i), &first.path);
                }
                Some(paragraphs)
            }
            Checked::Invalid(kind) => {
                self.report(&first.path, format!("expected a string, found {}", kind.name()));
                self.sources.reported(bp.to_owned());
                None
            }
            Checked::Absent => None,
        }
    }

    /// `publisher`: a name, or an `Organization` (or `Person`) with `name`,
    /// `url` and `logo` (a URL or an `ImageObject`).
    fn publisher(&mut self, at: &At<'a>, bp: &str) -> Option<Checked<format::Publisher>> {
        self.sources.record(bp.to_owned(), &at.path);
        Some(match at.value {
            Value::String(name) => {
                self.sources.record(key(bp, "name"), &at.path);
                Checked::Valid(format::Publisher { name: Checked::Valid(name.clone()), ..Default::default() })
            }
            Value::Object(_) => {
                let node = self.node(at)?;
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

    /// An image's address: a URL, or an `ImageObject`'s `url` (else `contentUrl`).
    fn image_url(&mut self, at: Option<At<'a>>, bp: String) -> Option<Checked<String>> {
        let first = at?.one()?;
        if !first.value.is_object() || first.value.get("@value").is_some() {
            return self.string(Some(first), bp);
        }
        let node = self.node(&first)?;
        self.iri(node.first_of(&["url", "contentUrl"]), bp)
    }

    /// `image`: a URL, or an `ImageObject`: `url` (else `contentUrl`),
    /// `caption`, and the alternative text from `name`, else `caption`; an
    /// image with neither is decorative (`alt` is `""`).
    fn image(&mut self, at: &At<'a>, bp: &str) -> Option<Checked<format::Image>> {
        self.sources.record(bp.to_owned(), &at.path);
        let decorative = || Some(Checked::Valid(String::new()));
        Some(match at.value {
            Value::String(src) => {
                self.sources.record(key(bp, "src"), &at.path);
                Checked::Valid(format::Image { src: Checked::Valid(src.clone()), alt: Checked::Valid(String::new()), caption: None, width: None, height: None })
            }
            Value::Object(_) => {
                let node = self.node(at)?;
                self.sources.record(bp.to_owned(), &node.path);
                let src = match self.iri(node.first_of(&["url", "contentUrl"]), key(bp, "src")) {
                    Some(src) => src,
                    None => {
                        self.sources.record(key(bp, "src"), &key(&node.path, "url"));
                        Checked::Absent
                    }
                };
                let alt = self.string(node.first_of(&["name", "caption"]), key(bp, "alt")).or_else(decorative).unwrap_or_default();
                let caption = self.string(node.get("caption"), key(bp, "caption"));
                let (width, height) = (self.pixels(node.get("width")), self.pixels(node.get("height")));
                Checked::Valid(format::Image { src, alt, caption, width, height })
            }
            other => Checked::Invalid(found(other)),
        })
    }

    /// An `ImageObject`'s `width` or `height`: a number, a numeric string
    /// (`"1200"`, `"1200px"`) or a `QuantitativeValue`'s `value`. Anything
    /// else, or a size outside 1 to [`MAX_IMAGE_PIXELS`], is left out rather
    /// than refused: it only keeps the image's space while it loads, and
    /// publishers write it loosely.
    fn pixels(&mut self, at: Option<At<'a>>) -> Option<Checked<u32>> {
        let mut first = at?.one()?;
        if first.value.is_object() {
            first = self.node(&first)?.first_of(&["value", "@value"])?.one()?;
        }
        let n: u64 = match first.value {
            Value::Number(n) => n.as_u64()?,
            Value::String(s) => {
                let s = s.trim();
                s.strip_suffix("px").unwrap_or(s).trim_end().parse().ok()?
            }
            _ => return None,
        };
        u32::try_from(n).ok().filter(|n| (1..=MAX_IMAGE_PIXELS).contains(n)).map(Checked::Valid)
    }

    /// `author`: names, or `Person`s and `Organization`s with `name` and `url`.
    fn authors(&mut self, at: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Author>>> {
        let mut out = Vec::new();
        for v in self.values(at)? {
            let item = index(bp, out.len());
            match v.value {
                Value::String(name) => {
                    self.sources.record(item.clone(), &v.path);
                    self.sources.record(key(&item, "name"), &v.path);
                    out.push(Checked::Valid(format::Author { name: Checked::Valid(name.clone()), url: None }));
                }
                Value::Object(_) => {
                    let Some(node) = self.node(&v) else { continue };
                    self.sources.record(item.clone(), &node.path);
                    let name = self.required(&node, &["name"], key(&item, "name"));
                    out.push(Checked::Valid(format::Author { name, url: self.iri(node.get("url"), key(&item, "url")) }));
                }
                other => {
                    self.sources.record(item, &v.path);
                    out.push(Checked::Invalid(found(other)));
                }
            }
        }
        Some(out)
    }

    /// `hasPart`: `Quotation`s become quotes; other parts with a name (or
    /// headline) and a text become sections; the rest (paywall markers,
    /// parts named only by an IRI) are not for the card.
    #[allow(clippy::type_complexity)]
    fn parts(&mut self, node: &At<'a>, bp: &str) -> (Option<Vec<Checked<format::Quote>>>, Option<Vec<Checked<format::Section>>>) {
        let Some(parts) = node.get("hasPart").and_then(|p| self.values(&p)) else { return (None, None) };
        let (mut quotes, mut sections) = (Vec::new(), Vec::new());
        for part in parts {
            match part.value {
                Value::Object(_) => {
                    let Some(part) = self.node(&part) else { continue };
                    if part.is_a(&["Quotation"]) {
                        let q = self.quote(&part, &index(&key(bp, "quotes"), quotes.len()));
                        quotes.push(Checked::Valid(q));
                    } else if part.first_of(&["name", "headline"]).is_some() && part.get("text").is_some() {
                        let s = self.section(&part, &index(&key(bp, "sections"), sections.len()));
                        sections.push(Checked::Valid(s));
                    }
                }
                Value::String(_) => {}
                other => self.report(&part.path, format!("expected a node (an object), found {}", found(other).name())),
            }
        }
        (nonempty(quotes), nonempty(sections))
    }

    /// A `Quotation`: its `text`, and who said it: `creator` (else
    /// `spokenByCharacter`), a name or a `Person` with `name`, `jobTitle` and `url`.
    fn quote(&mut self, node: &At<'a>, bp: &str) -> format::Quote {
        self.stack.push(node.value);
        self.sources.record(bp.to_owned(), &node.path);
        let text = match node.get("text").and_then(|t| t.one()) {
            Some(t) => self.paragraph(&t, key(bp, "text")),
            None => {
                self.sources.record(key(bp, "text"), &key(&node.path, "text"));
                Checked::Absent
            }
        };
        let mut q = format::Quote { text, ..Default::default() };
        let author = key(bp, "author");
        match node.first_of(&["creator", "spokenByCharacter"]).and_then(|c| c.one()) {
            None => self.sources.record(author, &key(&node.path, "creator")),
            Some(c) if c.value.is_object() => {
                if let Some(person) = self.node(&c) {
                    q.author = self.required(&person, &["name"], author);
                    q.role = self.named(person.get("jobTitle"), &["name"], key(bp, "role"));
                    q.url = self.iri(person.get("url"), key(bp, "url"));
                } else {
                    // Reported as a cycle, or a person the document does not describe.
                    self.sources.record(author, &c.path);
                }
            }
            Some(c) => q.author = self.string(Some(c), author).unwrap_or_default(),
        }
        self.stack.pop();
        q
    }

    /// Text as one paragraph (a quote's): reported here when it is not text,
    /// since the validator would offer "an array of runs", which JSON-LD has not.
    fn paragraph(&mut self, at: &At<'a>, bp: String) -> Checked<Paragraph> {
        match text(at.value) {
            Checked::Valid(s) => {
                self.sources.record(bp, &at.path);
                Checked::Valid(Paragraph::Text(s))
            }
            Checked::Invalid(kind) => {
                self.report(&at.path, format!("expected a string, found {}", kind.name()));
                self.sources.reported(bp);
                Checked::Valid(Paragraph::Text(String::new()))
            }
            Checked::Absent => Checked::Absent,
        }
    }

    /// A part with a `name` (or `headline`) and a `text`: a titled section.
    fn section(&mut self, node: &At<'a>, bp: &str) -> format::Section {
        self.stack.push(node.value);
        self.sources.record(bp.to_owned(), &node.path);
        let heading = self.required(node, &["name", "headline"], key(bp, "heading"));
        let paragraphs = node.get("text").and_then(|t| self.paragraphs(&t, &key(bp, "paragraphs"))).map(Checked::Valid);
        self.stack.pop();
        format::Section { heading, paragraphs }
    }

    /// `citation`, then `isBasedOn`: each a `CreativeWork` (or any node), a
    /// URL, or a node named only by its `@id`. A citation written out in
    /// words (a string with spaces) has no link to show and is left out.
    fn related(&mut self, node: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Related>>> {
        let mut out = Vec::new();
        for property in ["citation", "isBasedOn"] {
            let Some(values) = node.get(property).and_then(|p| self.values(&p)) else { continue };
            for v in values {
                let item = index(bp, out.len());
                match v.value {
                    Value::String(s) if !s.trim().is_empty() && !s.trim().contains(char::is_whitespace) => {
                        // The one string is both the link and its text.
                        self.sources.record(key(&item, "url"), &v.path);
                        self.sources.record(key(&item, "title"), &v.path);
                        self.sources.record(item, &v.path);
                        out.push(Checked::Valid(format::Related { title: Checked::Valid(s.clone()), url: Checked::Valid(s.clone()), ..Default::default() }));
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
        (!out.is_empty()).then_some(out)
    }

    /// A cited work: title from `headline` or `name` (else its address),
    /// `url` (else `@id`), its authors' names, `datePublished`, and its kind
    /// from `genre`, else from a `@type` that reads as a word.
    fn work(&mut self, v: &At<'a>, bp: &str) -> Option<format::Related> {
        let resolved = self.graph.resolve(v);
        if resolved.value.as_object().is_some_and(is_reference) {
            // A work the document names but does not describe: its @id is its address.
            let id = resolved.id().filter(|id| !id.starts_with("_:"))?;
            self.sources.record(bp.to_owned(), &key(&resolved.path, "@id"));
            return Some(format::Related { title: Checked::Valid(id.to_owned()), url: Checked::Valid(id.to_owned()), ..Default::default() });
        }
        let node = self.node(v)?;
        self.stack.push(node.value);
        self.sources.record(bp.to_owned(), &node.path);
        let url = self.iri(Some(node.clone()), key(bp, "url")).unwrap_or_else(|| {
            self.sources.record(key(bp, "url"), &key(&node.path, "url"));
            Checked::Absent
        });
        let title = match node.first_of(&["headline", "name"]) {
            Some(t) => self.string(Some(t), key(bp, "title")).unwrap_or_default(),
            None => {
                let url_path = self.sources.path_of(&key(bp, "url")).unwrap_or_default().to_owned();
                self.sources.record(key(bp, "title"), &url_path);
                url.clone()
            }
        };
        let author = node.get("author").and_then(|a| self.names(&a, key(bp, "author")));
        let date = self.date(node.get("datePublished"), key(bp, "date"));
        let kind = self.string(node.get("genre"), key(bp, "kind")).or_else(|| type_word(node.value).map(|w| Checked::Valid(w.to_owned())));
        self.stack.pop();
        Some(format::Related { title, url, author, date, kind })
    }

    /// The names of a work's authors, joined (a related item has one author line).
    fn names(&mut self, at: &At<'a>, bp: String) -> Option<Checked<String>> {
        let mut names = Vec::new();
        for v in self.values(at)? {
            match v.value {
                Value::String(name) => names.push(name.clone()),
                Value::Object(_) => {
                    if let Some(Checked::Valid(name)) = self.node(&v).and_then(|n| n.get("name")).and_then(|n| n.one()).map(|n| text(n.value)) {
                        names.push(name);
                    }
                }
                other => self.report(&v.path, format!("expected a name, a Person or an Organization, found {}", found(other).name())),
            }
        }
        self.sources.record(bp, &at.path);
        (!names.is_empty()).then(|| Checked::Valid(names.join(", ")))
    }

    /// `keywords` (a comma-separated string, or an array of words or
    /// `DefinedTerm`s), then `about` (`Thing`s with `name` and `url`). A
    /// `Thing` named like a keyword gives that tag its link.
    fn tags(&mut self, node: &At<'a>, bp: &str) -> Option<Vec<Checked<format::Tag>>> {
        let mut tags = Tags { bp, list: Vec::new() };
        if let Some(keywords) = node.get("keywords") {
            match keywords.value {
                Value::String(s) => {
                    let words: Vec<&str> = s.split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
                    if words.len() > MAX_ITEMS {
                        self.report(&keywords.path, format!("must have at most {MAX_ITEMS} keywords (has {})", words.len()));
                    } else {
                        for w in words {
                            tags.add(self, w.to_owned(), &keywords.path, None);
                        }
                    }
                }
                _ => self.things(&keywords, &mut tags, "a keyword (a string) or a DefinedTerm"),
            }
        }
        if let Some(about) = node.get("about") {
            self.things(&about, &mut tags, "a Thing or a name");
        }
        (!tags.list.is_empty()).then(|| tags.list.into_iter().map(|(_, tag)| Checked::Valid(tag)).collect())
    }

    /// Words or named nodes (`DefinedTerm`, `Thing`) as tags.
    fn things(&mut self, at: &At<'a>, tags: &mut Tags, expected: &str) {
        let Some(values) = self.values(at) else { return };
        for v in values {
            match v.value {
                Value::String(s) if !s.trim().is_empty() => tags.add(self, s.trim().to_owned(), &v.path, None),
                Value::String(_) => {}
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

/// A list that is left out when empty.
fn nonempty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

/// A value as text: a string, a value object's `@value`, the first of an
/// array; `null` is absent; anything else is of the wrong kind.
fn text(value: &Value) -> Checked<String> {
    match value {
        Value::String(s) => Checked::Valid(s.clone()),
        Value::Array(items) => items.iter().find(|v| !v.is_null()).map_or(Checked::Absent, text),
        Value::Object(members) => match members.get("@value") {
            Some(v) if !v.is_array() && !v.is_object() => text(v),
            _ => Checked::Invalid(Found::Object),
        },
        Value::Null => Checked::Absent,
        other => Checked::Invalid(found(other)),
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
    fn text_reads_strings_value_objects_and_first_values() {
        assert_eq!(text(&serde_json::json!("a")), Checked::Valid("a".into()));
        assert_eq!(text(&serde_json::json!({"@value": "b", "@language": "en"})), Checked::Valid("b".into()));
        assert_eq!(text(&serde_json::json!([null, "c", "d"])), Checked::Valid("c".into()));
        assert_eq!(text(&serde_json::json!([])), Checked::Absent);
        assert_eq!(text(&serde_json::json!({"name": "x"})), Checked::Invalid(Found::Object));
        assert_eq!(text(&serde_json::json!(4)), Checked::Invalid(Found::Number));
    }
}
