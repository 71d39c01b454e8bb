//! The brief format, version 1, as serde types: the one description of the
//! JSON that hosts write (docs/brief-format.md). The same types are read by
//! serde at the wasm boundary (through `serde_wasm_bindgen`) and on the
//! command line (through `serde_json`), and generate the JSON Schema, the
//! TypeScript declarations and the format reference (`crate::schema`, native only).
//!
//! Every field is [`Checked`], so reading never stops at the first problem;
//! [`crate::validate`] turns what was read into the validated model and
//! every problem into a [`Problem`] with its JSON path. Optional fields are
//! `Option<Checked<T>>`: `None` when absent or `null`.
//!
//! The doc comments below are the schema's descriptions.
//!
//! The structs are `#[non_exhaustive]` (the format grows by new optional
//! fields): outside this crate, start from `Default` and set fields.
//!
//! ```
//! # #[cfg(target_arch = "wasm32")] fn main() {}
//! # #[cfg(not(target_arch = "wasm32"))] fn main() {
//! use brief_card::format::{Brief, Checked, Publisher};
//!
//! let mut publisher = Publisher::default();
//! publisher.name = Checked::Valid("Newsroom".into());
//! let mut brief = Brief::default();
//! brief.title = Checked::Valid("Talks resume".into());
//! brief.publisher = Some(Checked::Valid(publisher));
//! let json = serde_json::to_string(&brief).unwrap();
//! assert!(brief_card::check(&json).is_empty(), "{json}");
//! # }
//! ```

mod checked;
mod json;
pub mod limits;
mod options;
pub mod patterns;
mod problem;
mod text;

pub use checked::{Checked, Expected, Found};
pub use json::{from_json_text, json_value};
pub use options::{Layout, LinkTarget, Options, Theme};
pub use problem::{describe, Problem, Problems, MAX_PROBLEMS};
pub(crate) use text::{is_blank, shortened};
pub use text::{Paragraph, Run, RunObject};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use limits::{MAX_DATE_CHARS, MAX_FEED, MAX_IMAGE_PIXELS, MAX_ITEMS, MAX_LANG_CHARS, MAX_SHORT_CHARS, MAX_URL_CHARS};
use patterns::*;

/// A brief (an object) or a collection of briefs (an array, rendered as a feed).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "BriefDocument", title = "brief-card: a brief or a feed of briefs (format version 1)")]
pub enum Input {
    /// One brief.
    One(Box<Brief>),
    /// A feed: at least one brief, at most 100.
    // Boxed: a brief is large, and a feed's items past the limit are only counted (checked_items).
    Feed(#[schemars(length(min = 1, max = MAX_FEED))] Vec<Checked<Box<Brief>>>),
}

impl Expected for Input {
    const EXPECTED: &'static str = "a brief (an object) or a feed (an array of briefs)";
}

/// One brief: an eyebrow label and date, a title, a summary, expert quotes,
/// titled sections, related-analysis links and topic tags. Only `title` is
/// required; `null` counts as absent; unknown fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Brief {
    /// Format version; any value other than 1 is an error ("unsupported version").
    #[schemars(with = "Option<Version>")]
    pub version: Option<Checked<f64>>,
    /// Stable id, used for anchors and deep links (`#<id>`).
    #[schemars(length(max = MAX_SHORT_CHARS), regex(pattern = ID_PATTERN))]
    pub id: Option<Checked<String>>,
    /// The eyebrow label, e.g. "Flash Brief", "Analysis", "Monograph".
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub kind: Option<Checked<String>>,
    /// The title; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub title: Checked<String>,
    /// `YYYY-MM-DD` or an RFC 3339 date-time; shown as the calendar date written, in the card's locale.
    #[schemars(length(max = MAX_DATE_CHARS), regex(pattern = DATE_PATTERN))]
    pub date: Option<Checked<String>>,
    /// When the brief was last updated, in the same forms as `date`; the card
    /// shows "Updated …" when it falls on a later day than `date`.
    #[schemars(length(max = MAX_DATE_CHARS), regex(pattern = DATE_PATTERN))]
    pub updated: Option<Checked<String>>,
    /// Canonical page of the full brief ("Read the full brief").
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Option<Checked<String>>,
    /// BCP 47 language tag of the content; default `en`.
    #[schemars(length(max = MAX_LANG_CHARS), regex(pattern = LANG_PATTERN))]
    pub lang: Option<Checked<String>>,
    /// Text direction; default from `lang` (ar, fa, he, ur, ps… are rtl).
    pub dir: Option<Checked<Dir>>,
    /// Who published the brief.
    pub publisher: Option<Checked<Publisher>>,
    /// Who wrote the brief: the byline ("By …").
    #[schemars(length(max = MAX_ITEMS))]
    pub authors: Option<Checked<Vec<Checked<Author>>>>,
    /// The lead image.
    pub image: Option<Checked<Image>>,
    /// The summary block (default heading "Latest Developments").
    pub summary: Option<Checked<Summary>>,
    /// Expert quotes (block heading "Expert Analysis").
    #[schemars(length(max = MAX_ITEMS))]
    pub quotes: Option<Checked<Vec<Checked<Quote>>>>,
    /// Titled body sections.
    #[schemars(length(max = MAX_ITEMS))]
    pub sections: Option<Checked<Vec<Checked<Section>>>>,
    /// Related analysis links (block heading "Related Analysis").
    #[schemars(length(max = MAX_ITEMS))]
    pub related: Option<Checked<Vec<Checked<Related>>>>,
    /// Topic tags (block heading "Issues").
    #[schemars(length(max = MAX_ITEMS))]
    pub tags: Option<Checked<Vec<Checked<Tag>>>>,
    /// Overrides of the card's fixed words, for localisation.
    pub labels: Option<Checked<Labels>>,
}

/// Format version 1: the only accepted value.
struct Version;

impl JsonSchema for Version {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Version".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "const": 1 })
    }
}

/// Text direction of a brief's content: `ltr`, `rtl` or `auto`.
#[allow(missing_docs)] // the values are named in the enum's doc; variant docs would change the schema
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
    Auto,
}

/// Who published a brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Publisher {
    /// The publisher's name; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub name: Checked<String>,
    /// The publisher's home page.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Option<Checked<String>>,
    /// The publisher's logo (an image URL).
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = RESOURCE_URL_PATTERN))]
    pub logo: Option<Checked<String>>,
}

/// An author of a brief, named in its byline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Author {
    /// The author's name; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub name: Checked<String>,
    /// A page about the author.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Option<Checked<String>>,
}

/// A lead image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Image {
    /// The image URL; required.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = RESOURCE_URL_PATTERN))]
    pub src: Checked<String>,
    /// Alternative text; required, `""` marks the image as decorative.
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub alt: Checked<String>,
    /// A caption shown under the image.
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub caption: Option<Checked<String>>,
    /// The image's width in CSS pixels. With `height`, the card keeps the
    /// image's space while it loads, so nothing below it moves.
    #[schemars(range(min = 1, max = MAX_IMAGE_PIXELS))]
    pub width: Option<Checked<u32>>,
    /// The image's height in CSS pixels (see `width`).
    #[schemars(range(min = 1, max = MAX_IMAGE_PIXELS))]
    pub height: Option<Checked<u32>>,
}

/// The summary block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Summary {
    /// The block heading; default "Latest Developments" in the brief's language.
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub heading: Option<Checked<String>>,
    /// The summary's paragraphs; required. A paragraph that shows nothing
    /// is left out, and a summary with none left is not shown.
    #[schemars(length(max = MAX_ITEMS))]
    pub paragraphs: Checked<Vec<Checked<Paragraph>>>,
}

/// An expert quote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Quote {
    /// What was said; required, and must show something.
    pub text: Checked<Paragraph>,
    /// Who said it; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub author: Checked<String>,
    /// The author's role or affiliation.
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub role: Option<Checked<String>>,
    /// Where the quote comes from.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Option<Checked<String>>,
    /// BCP 47 language tag of what was said, when it is not the brief's (an
    /// English quote in a Persian brief): marked so, and read in that
    /// language's direction.
    #[schemars(length(max = MAX_LANG_CHARS), regex(pattern = LANG_PATTERN))]
    pub lang: Option<Checked<String>>,
}

/// A titled body section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Section {
    /// The section heading; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub heading: Checked<String>,
    /// The section's paragraphs; required. A paragraph that shows nothing
    /// is left out.
    #[schemars(length(max = MAX_ITEMS))]
    pub paragraphs: Checked<Vec<Checked<Paragraph>>>,
}

/// A link to related analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Related {
    /// The linked item's title; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub title: Checked<String>,
    /// Where it is; required.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Checked<String>,
    /// Its author.
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub author: Option<Checked<String>>,
    /// Its date: `YYYY-MM-DD` or an RFC 3339 date-time.
    #[schemars(length(max = MAX_DATE_CHARS), regex(pattern = DATE_PATTERN))]
    pub date: Option<Checked<String>>,
    /// Its kind, e.g. "Analysis".
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub kind: Option<Checked<String>>,
}

/// A topic tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Tag {
    /// The tag's text; required, not blank.
    #[schemars(length(min = 1, max = MAX_SHORT_CHARS), regex(pattern = NON_BLANK_PATTERN))]
    pub label: Checked<String>,
    /// A page about the topic.
    #[schemars(length(max = MAX_URL_CHARS), regex(pattern = LINK_URL_PATTERN))]
    pub url: Option<Checked<String>>,
}

/// Overrides of the card's fixed words. A blank value keeps the default;
/// unknown keys are ignored. Precedence: `options.labels`, then the brief's
/// `labels`, then the built-in words for the brief's language, then English.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Labels {
    /// Heading of the summary block ("Latest Developments").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub summary: Option<Checked<String>>,
    /// Heading of the quotes block ("Expert Analysis").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub quotes: Option<Checked<String>>,
    /// Heading of the related block ("Related Analysis").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub related: Option<Checked<String>>,
    /// Heading of the tags block ("Issues").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub tags: Option<Checked<String>>,
    /// The link to the full brief ("Read the full brief").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub read_more: Option<Checked<String>>,
    /// The button that opens a long block ("Show more").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub show_more: Option<Checked<String>>,
    /// The button that closes it again ("Show less").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub show_less: Option<Checked<String>>,
    /// The deep-link button ("Copy link").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub copy_link: Option<Checked<String>>,
    /// Announced when a link was copied ("Link copied").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub link_copied: Option<Checked<String>>,
    /// The accessible name of a feed ("Briefs").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub feed: Option<Checked<String>>,
    /// Before the byline's names ("By").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub by: Option<Checked<String>>,
    /// Before the date of the last update ("Updated").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub updated: Option<Checked<String>>,
    /// The `title` of each link with `linkTarget: "_blank"`, which screen
    /// readers read as its description ("Opens in a new tab").
    #[schemars(length(max = MAX_SHORT_CHARS))]
    pub new_tab: Option<Checked<String>>,
}

impl Labels {
    /// Each field with its key in the JSON, in the order above.
    pub fn into_entries(self) -> [(&'static str, Option<Checked<String>>); 13] {
        [
            ("summary", self.summary),
            ("quotes", self.quotes),
            ("related", self.related),
            ("tags", self.tags),
            ("readMore", self.read_more),
            ("showMore", self.show_more),
            ("showLess", self.show_less),
            ("copyLink", self.copy_link),
            ("linkCopied", self.link_copied),
            ("feed", self.feed),
            ("by", self.by),
            ("updated", self.updated),
            ("newTab", self.new_tab),
        ]
    }
}

/// The objects of the format are "an object" in a problem.
macro_rules! objects {
    ($($t:ty),*) => { $(impl Expected for $t { const EXPECTED: &'static str = "an object"; const OBJECT: bool = true; })* };
}
objects!(Brief, Publisher, Author, Image, Summary, Quote, Section, Related, Tag, Labels, Options, RunObject);

/// A string naming one of an enum's values; its problem is worded by the validator.
macro_rules! named {
    ($($t:ty),*) => { $(impl Expected for $t { const EXPECTED: &'static str = "a string"; })* };
}
named!(Dir, Theme, Layout, LinkTarget);

/// An object is one brief; an array, a feed. (By hand rather than
/// `#[serde(untagged)]`, which would buffer the whole input to try each.)
impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InputVisitor;
        impl<'de> serde::de::Visitor<'de> for InputVisitor {
            type Value = Input;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(Input::EXPECTED)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Input, A::Error> {
                Brief::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|b| Input::One(Box::new(b)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Input, A::Error> {
                checked::checked_items(seq, MAX_FEED).map(Input::Feed)
            }
        }
        deserializer.deserialize_any(InputVisitor)
    }
}
