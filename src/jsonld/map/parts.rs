//! `hasPart`: `Quotation`s as quotes, named parts with text as sections.

use serde_json::Value;

use super::people::is_named;
use super::{listed, nonempty, text, Mapper};
use crate::format::{self, Checked, Paragraph};
use crate::jsonld::graph::{found, At};
use crate::jsonld::sources::{index, key};

/// A list of the format's, as a brief holds it (`None`: no such block).
type Items<T> = Option<Vec<Checked<T>>>;

/// Where a section's text is: a part's `text`, else an article part's `articleBody`.
const SECTION_TEXT: [&str; 2] = ["text", "articleBody"];

impl<'a> Mapper<'_, 'a> {
    /// `hasPart`: attributed `Quotation`s become quotes; other parts with a
    /// name (or headline) and a text become sections; the rest (paywall
    /// markers, parts named only by an IRI) are not for the card, and
    /// neither is a part only subscribers may read, whatever it holds.
    pub(super) fn parts(&mut self, node: &At<'a>, bp: &str) -> (Items<format::Quote>, Items<format::Section>) {
        let Some(parts) = node.get("hasPart").map(|p| listed(&p)) else { return (None, None) };
        let (mut quotes, mut sections) = (Vec::new(), Vec::new());
        // The nodes already read: a part named twice by its `@id` is one
        // value in JSON-LD, and one quote or section on the card.
        let mut seen: Vec<&Value> = Vec::new();
        for part in parts {
            match part.value {
                Value::Object(_) => {
                    let Some(part) = self.node(&part) else { continue };
                    if seen.iter().any(|read| std::ptr::eq(*read, part.value)) {
                        continue;
                    }
                    seen.push(part.value);
                    if is_for_subscribers(&part) {
                        continue;
                    }
                    if part.is_a(&["Quotation"]) {
                        if let Some(q) = self.quote(&part, &index(&key(bp, "quotes"), quotes.len())) {
                            quotes.push(Checked::Valid(q));
                        }
                    } else if part.first_of(&["name", "headline"]).is_some()
                        // A blank text counts here (`first_of` would skip it): it is how a section without paragraphs is written back.
                        && SECTION_TEXT.iter().any(|t| part.value.get(t).is_some_and(|text| !text.is_null()))
                    {
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
    /// `spokenByCharacter`, else `author`, which schema.org makes the same
    /// as `creator`), a name or a `Person` with `name`, `jobTitle` and
    /// `url`. A quotation without text, or attributed to no one (no creator,
    /// a creator without a name, or one the document only names by `@id`),
    /// is `None`, left out: schema.org allows both, but a quote on the card
    /// always says something, and who said it.
    fn quote(&mut self, node: &At<'a>, bp: &str) -> Option<format::Quote> {
        self.stack.push(node.value);
        self.refuse_containing_a_whole(node);
        let quote = self.attributed_quote(node, bp);
        self.stack.pop();
        quote
    }

    fn attributed_quote(&mut self, node: &At<'a>, bp: &str) -> Option<format::Quote> {
        let said = node.get("text").and_then(|t| t.one())?;
        let said_by = node.first_of(&["creator", "spokenByCharacter", "author"]).and_then(|c| c.one())?;
        // Who first, before anything is recorded for a quote that may be left out.
        let person = if said_by.value.is_object() && said_by.value.get("@value").is_none() {
            // `None` for a cycle (reported) or a person the document does not describe.
            Some(self.node(&said_by).filter(is_named)?)
        } else {
            None
        };
        self.sources.record(bp.to_owned(), &node.path);
        let mut q = format::Quote { text: self.paragraph(&said, key(bp, "text")), ..Default::default() };
        // A quote's language is a refinement: one that is no text is left out, not a reason to refuse the article.
        q.lang = self.language(node.get("inLanguage"), key(bp, "lang")).filter(|l| matches!(l, Checked::Valid(_)));
        match person {
            Some(person) => {
                q.author = self.person_name(&person, key(bp, "author"));
                q.role = self.named(person.get("jobTitle"), &["name"], key(bp, "role"));
                q.url = self.iri(person.get("url"), key(bp, "url"));
            }
            None => q.author = self.string(Some(said_by), key(bp, "author")).unwrap_or_default(),
        }
        Some(q)
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

    /// A part with a `name` (or `headline`) and a `text` (or, for a part
    /// that is itself an article, `articleBody`): a titled section.
    fn section(&mut self, node: &At<'a>, bp: &str) -> format::Section {
        self.stack.push(node.value);
        self.refuse_containing_a_whole(node);
        self.sources.record(bp.to_owned(), &node.path);
        let heading = self.required(node, &["name", "headline"], key(bp, "heading"));
        // A blank text (as a heading-only section is written back) is no
        // paragraphs, as is one not text (reported).
        let paragraphs = match node.first_of(&SECTION_TEXT) {
            Some(text) => Checked::Valid(self.paragraphs(&text, &key(bp, "paragraphs")).unwrap_or_default()),
            None => Checked::Valid(Vec::new()),
        };
        self.stack.pop();
        format::Section { heading, paragraphs }
    }
}

/// Whether a part is marked as not free to read (`isAccessibleForFree`
/// false, as a boolean or as schema.org's `"False"`): Google's paywall
/// markup, which some publishers fill with the paid text itself. An
/// embedded card is free to read, so it never shows such a part.
fn is_for_subscribers(part: &At) -> bool {
    match part.value.get("isAccessibleForFree") {
        Some(Value::Bool(free)) => !free,
        Some(Value::String(free)) => {
            let free = free.trim();
            let free = free.strip_prefix("https://schema.org/").or_else(|| free.strip_prefix("http://schema.org/")).unwrap_or(free);
            free.eq_ignore_ascii_case("false")
        }
        _ => false,
    }
}
