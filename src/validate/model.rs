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
    /// Anchor for deep links (`#<id>`); ASCII letters, digits, `-`, `_`, `.`, `:`.
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

    /// The direction a language tag's text is written in: its script's,
    /// when the tag names one (`az-Arab`, `ar-Latn`), else the usual
    /// script's of the language (in a region where it is another, that
    /// one's: `pa-PK`), as CLDR's likely subtags give them.
    pub fn of_lang(lang: &str) -> Dir {
        let mut subtags = lang.split('-');
        let language = subtags.next().unwrap_or_default();
        let is = |list: &[&str], subtag: &str| list.iter().any(|s| s.eq_ignore_ascii_case(subtag));
        let mut rtl = is(&RTL_LANGUAGES, language) || is(&ARABIC_VARIETIES, language);
        // After the language: extended languages (3 letters), then a script (4), a region (2 letters or 3 digits).
        for subtag in subtags.take_while(|s| s.len() > 1) {
            match subtag.len() {
                4 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => return if is(&RTL_SCRIPTS, subtag) { Dir::Rtl } else { Dir::Ltr },
                2 | 3 if RTL_IN_REGION.iter().any(|(l, r)| l.eq_ignore_ascii_case(language) && r.eq_ignore_ascii_case(subtag)) => {
                    rtl = true
                }
                _ => {}
            }
        }
        if rtl {
            Dir::Rtl
        } else {
            Dir::Ltr
        }
    }
}

/// Languages whose usual script is written right to left.
const RTL_LANGUAGES: [&str; 35] = [
    "ar", "arc", "azb", "bal", "bgn", "bqi", "ckb", "dv", "fa", "glk", "haz", "he", "hnd", "iw", "ji", "khw", "ks", "lki", "lrc", "luz",
    "mzn", "nqo", "ota", "pnb", "prs", "ps", "rhg", "sd", "sdh", "skr", "syr", "ug", "ur", "yi", "yid",
];

/// The varieties of Arabic (ISO 639-3, in the macrolanguage `ar`) written
/// in Arabic script: a site in Egyptian or Moroccan Arabic tags its pages
/// `arz` or `ary` (as Wikipedia's editions in them do).
const ARABIC_VARIETIES: [&str; 27] = [
    "aao", "abh", "abv", "acm", "acq", "acw", "acx", "acy", "adf", "aeb", "aec", "afb", "ajp", "apc", "apd", "arb", "arq", "ars", "ary",
    "arz", "auz", "avl", "ayh", "ayl", "ayn", "ayp", "ssh",
];

/// Scripts written right to left (ISO 15924): a tag that names its script
/// is read by it.
const RTL_SCRIPTS: [&str; 12] = ["Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"];

/// Languages written in an Arabic script in these regions only.
const RTL_IN_REGION: [(&str, &str); 3] = [("az", "IR"), ("pa", "PK"), ("uz", "AF")];

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
    /// Whether this names a later calendar day than `other`, as the card
    /// shows them (each day as written, in its own offset).
    pub fn later_day_than(&self, other: &BriefDate) -> bool {
        (self.year, self.month, self.day) > (other.year, other.month, other.day)
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
    /// The language of what was said, when it is not the brief's.
    pub lang: Option<String>,
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
    fn direction_from_the_script_else_the_language_ignoring_case() {
        for rtl in [
            "ar",
            "AR",
            "ar-EG",
            "Fa",
            "fa-IR",
            "he",
            "ckb",
            "yi",
            "ur-PK",
            "arc",
            "arc-",
            "syr",
            "nqo",
            "ks",
            "mzn",
            "glk",
            "lrc",
            "luz",
            "hnd",
            "haz",
            "bgn",
            "lki",
            "bal",
            "ji",
            "ps",
            "sd",
            "az-Arab",
            "uz-Arab-AF",
            "ms-Arab",
            "pa-Arab",
            "pa-PK",
            "az-IR",
            "ff-Adlm",
            "en-arab",
            "ar-u-nu-latn",
            "arz",
            "ary-MA",
            "apc",
            "AEB",
            "azb",
            "ota",
        ] {
            assert_eq!(Dir::of_lang(rtl), Dir::Rtl, "{rtl}");
        }
        for ltr in [
            "",
            "en",
            "ara",
            "xar",
            "-ar",
            "es-419",
            "ár",
            "a\u{0}r",
            "ar-Latn",
            "fa-Cyrl",
            "az",
            "az-Latn-IR",
            "pa",
            "pa-IN",
            "uz",
            "ku",
            "en-x-arab",
            "ms",
            "sr-Latn",
            "arz-Latn",
        ] {
            assert_eq!(Dir::of_lang(ltr), Dir::Ltr, "{ltr}");
        }
    }
}
