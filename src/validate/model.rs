//! The brief, as validated: every string checked, every URL passed through
//! the policy, every date parsed. The view renders only these types, so
//! nothing unvalidated can reach either output.
//! The JSON format itself is documented in docs/brief-format.md.

use super::labels::Labels;
pub use crate::format::Dir;

/// What the input held: one brief, or a collection rendered as a feed.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one Document per render; boxing would change the public API")]
pub enum Document {
    /// A single brief.
    One(Brief),
    /// A feed: several briefs, rendered as a list.
    Feed(Vec<Brief>),
}

impl Document {
    /// The briefs, in order: one for [`Document::One`], all for [`Document::Feed`].
    pub fn briefs(&self) -> &[Brief] {
        match self {
            Document::One(b) => std::slice::from_ref(b),
            Document::Feed(v) => v,
        }
    }
}

/// One validated brief: everything the card shows.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Brief {
    /// Anchor for deep links (`#<id>`); letters, digits, `-`, `_`, `.`, `:`.
    pub id: Option<String>,
    /// The eyebrow label, e.g. "Flash Brief".
    pub kind: Option<String>,
    /// The title; never blank.
    pub title: String,
    /// The publication date, if given.
    pub date: Option<BriefDate>,
    /// The date of the last update, if given (shown when on another day than `date`).
    pub updated: Option<BriefDate>,
    /// Canonical page of the full brief (already through the URL policy).
    pub url: Option<String>,
    /// BCP 47 language tag of the content.
    pub lang: String,
    /// Text direction: as given, else derived from `lang`.
    pub dir: Dir,
    /// Who published the brief.
    pub publisher: Option<Publisher>,
    /// Who wrote the brief (the byline), in order.
    pub authors: Vec<Author>,
    /// The lead image.
    pub image: Option<Image>,
    /// The summary block.
    pub summary: Option<Summary>,
    /// Expert quotes.
    pub quotes: Vec<Quote>,
    /// Titled body sections.
    pub sections: Vec<Section>,
    /// Links to related analysis.
    pub related: Vec<Related>,
    /// Topic tags.
    pub tags: Vec<Tag>,
    /// Overrides of the fixed words, from the brief's `labels`.
    pub labels: Labels,
}

impl Dir {
    /// The value of the HTML `dir` attribute: `ltr`, `rtl` or `auto`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
            Dir::Auto => "auto",
        }
    }

    /// The direction a language is written in, from its primary subtag.
    pub fn of_lang(lang: &str) -> Dir {
        const RTL: [&str; 13] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"];
        let primary = lang.split('-').next().unwrap_or("");
        if RTL.iter().any(|rtl| rtl.eq_ignore_ascii_case(primary)) {
            Dir::Rtl
        } else {
            Dir::Ltr
        }
    }
}

/// A date or date-time, as given (for `<time datetime>`) and as numbers (for display).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BriefDate {
    /// The ISO text from the brief, trimmed: `2023-06-13` or `2023-06-13T09:30:00Z`.
    pub iso: String,
    /// Year, e.g. 2023.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl BriefDate {
    /// Whether both name the same calendar day, as the card shows them.
    pub fn same_day(&self, other: &BriefDate) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// Who published a brief.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Publisher {
    /// The publisher's name; never blank.
    pub name: String,
    /// The publisher's home page (already through the URL policy).
    pub url: Option<String>,
    /// The publisher's logo, an image URL (already through the URL policy).
    pub logo: Option<String>,
}

/// An author named in the byline.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Author {
    /// The author's name; never blank.
    pub name: String,
    /// A page about the author (already through the URL policy).
    pub url: Option<String>,
}

/// A lead image.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Image {
    /// The image URL (already through the URL policy).
    pub src: String,
    /// Required; `""` marks the image as decorative.
    pub alt: String,
    /// A caption shown under the image.
    pub caption: Option<String>,
    /// Its width in CSS pixels, 1 to [`crate::format::limits::MAX_IMAGE_PIXELS`].
    pub width: Option<u32>,
    /// Its height in CSS pixels.
    pub height: Option<u32>,
}

/// The summary block.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Summary {
    /// The block heading; `None` means the label for [`super::labels::Label::Summary`].
    pub heading: Option<String>,
    /// The summary's paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph is a list of runs; a plain string is one plain run.
pub type Paragraph = Vec<Run>;

/// A stretch of text, optionally a link and/or emphasised. Never markup.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Run {
    /// The text; always rendered as text, never parsed as markup.
    pub text: String,
    /// Makes the run a link (already through the URL policy).
    pub href: Option<String>,
    /// Strong importance (`<strong>`).
    pub strong: bool,
    /// Emphasis (`<em>`).
    pub em: bool,
}

/// An expert quote.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Quote {
    /// What was said.
    pub text: Paragraph,
    /// Who said it; never blank.
    pub author: String,
    /// The author's role or affiliation.
    pub role: Option<String>,
    /// Where the quote comes from (already through the URL policy).
    pub url: Option<String>,
}

/// A titled body section.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Section {
    /// The section heading; never blank.
    pub heading: String,
    /// The section's paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// A link to related analysis.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Related {
    /// The linked item's title; never blank.
    pub title: String,
    /// Where it is (already through the URL policy).
    pub url: String,
    /// Its author.
    pub author: Option<String>,
    /// Its date.
    pub date: Option<BriefDate>,
    /// Its kind, e.g. "Analysis".
    pub kind: Option<String>,
}

/// A topic tag.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Tag {
    /// The tag's text; never blank.
    pub label: String,
    /// A page about the topic (already through the URL policy).
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::Dir;

    #[test]
    fn direction_from_the_primary_subtag_ignoring_case() {
        for rtl in ["ar", "AR", "ar-EG", "Fa", "fa-IR", "he", "ckb", "yi", "ur-PK", "arc"] {
            assert_eq!(Dir::of_lang(rtl), Dir::Rtl, "{rtl}");
        }
        for ltr in ["", "en", "en-arab", "ara", "xar", "arc-", "-ar", "es-419", "ár", "a\u{0}r"] {
            assert_eq!(Dir::of_lang(ltr), if ltr == "arc-" { Dir::Rtl } else { Dir::Ltr }, "{ltr}");
        }
    }
}
