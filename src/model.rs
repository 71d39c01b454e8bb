//! The brief, as validated: every string checked, every URL passed through
//! the policy, every date parsed. The view renders only these types, so
//! nothing unvalidated can reach either output.
//! The JSON format itself is documented in docs/brief-format.md.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::labels::Labels;

/// What the input held: one brief, or a collection rendered as a feed.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one Document per render; boxing would change the public API")]
pub enum Document {
    One(Brief),
    Feed(Vec<Brief>),
}

impl Document {
    pub fn briefs(&self) -> &[Brief] {
        match self {
            Document::One(b) => core::slice::from_ref(b),
            Document::Feed(v) => v,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// Anchor for deep links (`#<id>`); letters, digits, `-`, `_`, `.`, `:`.
    pub id: Option<String>,
    /// The eyebrow label, e.g. "Flash Brief".
    pub kind: Option<String>,
    pub title: String,
    pub date: Option<BriefDate>,
    /// Canonical page of the full brief (already through the URL policy).
    pub url: Option<String>,
    /// BCP 47 language tag of the content.
    pub lang: String,
    pub dir: Dir,
    pub publisher: Option<Publisher>,
    pub image: Option<Image>,
    pub summary: Option<Summary>,
    pub quotes: Vec<Quote>,
    pub sections: Vec<Section>,
    pub related: Vec<Related>,
    pub tags: Vec<Tag>,
    /// Overrides of the fixed words, from the brief's `labels`.
    pub labels: Labels,
}

/// Text direction of a brief's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
    Auto,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
            Dir::Auto => "auto",
        }
    }

    /// The direction a language is written in, from its primary subtag.
    pub fn of_lang(lang: &str) -> Dir {
        let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
        const RTL: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"];
        if RTL.contains(&primary.as_str()) {
            Dir::Rtl
        } else {
            Dir::Ltr
        }
    }
}

/// A date or date-time, as given (for `<time datetime>`) and as numbers (for display).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefDate {
    /// The ISO text from the brief, trimmed: `2023-06-13` or `2023-06-13T09:30:00Z`.
    pub iso: String,
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub src: String,
    /// Required; `""` marks the image as decorative.
    pub alt: String,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph is a list of runs; a plain string is one plain run.
pub type Paragraph = Vec<Run>;

/// A stretch of text, optionally a link and/or emphasised. Never markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub href: Option<String>,
    pub strong: bool,
    pub em: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: Paragraph,
    pub author: String,
    pub role: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub title: String,
    pub url: String,
    pub author: Option<String>,
    pub date: Option<BriefDate>,
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub label: String,
    pub url: Option<String>,
}
