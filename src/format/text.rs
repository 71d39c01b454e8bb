//! Paragraphs and their runs: each is a string or something richer, told
//! apart by the kind of JSON value (a string, an array, an object).

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::checked::{checked_items, Checked, Expected};
use super::limits::{MAX_ITEMS, MAX_TEXT_CHARS, MAX_URL_CHARS};
use super::patterns::LINK_URL_PATTERN;

/// A paragraph: a plain string (rendered literally, never as markup) or an array of runs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Paragraph {
    /// Plain text.
    Text(#[schemars(length(max = MAX_TEXT_CHARS))] String),
    /// Runs of text, some of them links or emphasised.
    Runs(#[schemars(length(max = MAX_ITEMS))] Vec<Checked<Run>>),
}

impl Expected for Paragraph {
    const EXPECTED: &'static str = "a string or an array of runs";
}

/// A run of a paragraph: a string, or an object for a link or emphasis.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Run {
    /// Plain text.
    Text(#[schemars(length(max = MAX_TEXT_CHARS))] String),
    /// Text with a link and/or emphasis.
    Styled(RunObject),
}

impl Expected for Run {
    const EXPECTED: &'static str = "a string or a run object";
}

/// A run with a link and/or emphasis. Never markup: `text` is text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RunObject {
    /// The text of the run; required (may be empty, but not for a link).
    #[schemars(length(max = MAX_TEXT_CHARS))]
    pub text: Checked<String>,
    /// Makes the run a link.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub href: Option<Checked<String>>,
    /// Strong importance (`<strong>`).
    pub strong: Option<Checked<bool>>,
    /// Emphasis (`<em>`).
    pub em: Option<Checked<bool>>,
}

// By hand rather than `#[serde(untagged)]`, which would buffer each value
// to try one variant after the other: the kind of value decides.

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParagraphVisitor;
        impl<'de> Visitor<'de> for ParagraphVisitor {
            type Value = Paragraph;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(Paragraph::EXPECTED)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Paragraph, E> {
                Ok(Paragraph::Text(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Paragraph, E> {
                Ok(Paragraph::Text(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Paragraph, A::Error> {
                checked_items(seq, MAX_ITEMS).map(Paragraph::Runs)
            }
        }
        deserializer.deserialize_any(ParagraphVisitor)
    }
}

impl<'de> Deserialize<'de> for Run {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RunVisitor;
        impl<'de> Visitor<'de> for RunVisitor {
            type Value = Run;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(Run::EXPECTED)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Run, E> {
                Ok(Run::Text(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Run, E> {
                Ok(Run::Text(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Run, A::Error> {
                RunObject::deserialize(de::value::MapAccessDeserializer::new(map)).map(Run::Styled)
            }
        }
        deserializer.deserialize_any(RunVisitor)
    }
}

/// `s` shortened with "…" to at most `max` characters, at a word's end
/// where one is near: for text a publisher wrote longer than a brief's
/// field holds (a news agency's caption, a paper's sixty authors, a whole
/// article as a description), where one field is no reason to refuse the card.
pub(crate) fn shortened(s: String, max: usize) -> String {
    if s.len() <= max || s.chars().count() <= max {
        return s;
    }
    let cut = s.char_indices().nth(max.saturating_sub(1)).map_or(s.len(), |(i, _)| i);
    let head = s.get(..cut).unwrap_or_default();
    let head = head.rfind(char::is_whitespace).filter(|&i| i > cut * 4 / 5).and_then(|i| head.get(..i)).unwrap_or(head);
    [head.trim_end(), "…"].concat()
}

/// Whether `s` shows nothing: white space and default-ignorable code points
/// only, which a title of zero-width spaces, joiners, directional controls
/// or fillers would be (an empty heading, an empty link).
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_default_ignorable(c))
}

/// Unicode's `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt):
/// what a renderer shows nothing for unless it has a glyph of its own.
fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_shortened_at_a_words_end_with_an_ellipsis() {
        let long = "word ".repeat(30);
        assert_eq!(shortened(long.clone(), 200), long, "short enough: as it is");
        assert_eq!(shortened(long, 23), "word word word word…");
        assert_eq!(shortened("ä".repeat(30), 10), format!("{}…", "ä".repeat(9)), "no word's end near: cut at a character");
        assert_eq!(shortened("ä".repeat(10), 10), "ä".repeat(10), "counted in characters, not bytes");
    }

    /// `is_default_ignorable`'s table is Unicode's, as ICU4X has it (a native dependency
    /// already): a new Unicode version that adds to the property fails here.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn default_ignorable_is_unicodes_property() {
        use icu_properties::{props::DefaultIgnorableCodePoint, CodePointSetData};
        let unicode = CodePointSetData::new::<DefaultIgnorableCodePoint>();
        let differ: Vec<String> = ('\0'..=char::MAX)
            .filter(|&c| is_default_ignorable(c) != unicode.contains(c))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(differ.is_empty(), "{differ:?}");
    }
}
