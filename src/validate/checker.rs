//! The checker: it collects every problem, each with its JSON path, while
//! the readers turn the format's `Checked` fields into validated values.
//! The readers of the brief's blocks and labels (brief.rs) and of the
//! options (options.rs) are written on it.

use super::bidi;
use super::model::BriefDate;
use super::parse_date;
use super::url_policy::{self, UrlSettings, UrlUse};
use crate::format::limits::{MAX_DATE_CHARS, MAX_ITEMS, MAX_URL_CHARS};
use crate::format::{is_blank, shortened, Checked, Expected, Found, Problem, Problems};

/// A JSON path, built on the stack as validation descends and turned into
/// text only when there is a problem to report.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The whole input.
    Root,
    /// The member `key` of the parent path.
    Key(&'a Path<'a>, &'a str),
    /// The item at an index of the parent path.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path as text: `a.b[2].c` (empty for the root).
    pub(crate) fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => match parent.render() {
                p if p.is_empty() => (*key).to_owned(),
                p => format!("{p}.{key}"),
            },
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

/// Collects problems while reading values; shared by the brief and the options.
///
/// The rule the readers rely on: a document (or options object) is kept only
/// when no problem at all was reported ([`Checker::finish`]). So a reader
/// that finds a field invalid reports it and goes on with a default (an
/// empty string, `None`, an empty list) rather than failing its parents, and
/// every problem of the input is found in one pass.
pub(crate) struct Checker<'u> {
    problems: Problems,
    urls: &'u UrlSettings,
    /// The page of the brief being read (its own absolute `url`): where
    /// relative URLs must be made absolute (email) and no base URL was
    /// given, they resolve against it, as they would on that page.
    brief_page: Option<String>,
    /// Whether shown text longer than its field holds is shortened (at a
    /// word's end, with "…") rather than refused: for schema.org JSON-LD,
    /// whose text its publisher wrote for other pages than a card
    /// (docs/jsonld-mapping.md). A brief's own text is the host's, written
    /// for the card, and held to the limits.
    pub(super) shortens: bool,
}

impl<'u> Checker<'u> {
    pub(crate) fn new(urls: &'u UrlSettings) -> Self {
        Checker { problems: Problems::default(), urls, brief_page: None, shortens: false }
    }

    /// Sets the page of the brief about to be read (see `brief_page`), and
    /// returns the one before (a feed's briefs each have their own).
    pub(super) fn set_brief_page(&mut self, page: Option<String>) -> Option<String> {
        std::mem::replace(&mut self.brief_page, page)
    }

    /// Records a problem at `path`; past [`MAX_PROBLEMS`] it is only counted.
    pub(crate) fn report(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path.render(), message));
    }

    /// How many problems were reported so far.
    pub(super) fn reported(&self) -> usize {
        self.problems.len()
    }

    /// `Ok(value)` when nothing was reported, else every problem.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        match value {
            Some(v) if self.problems.is_empty() => Ok(v),
            _ => Err(self.problems.into_vec()),
        }
    }

    /// The problems found, for a caller that tells them in other terms.
    pub(super) fn into_problems(self) -> Problems {
        self.problems
    }

    /// "expected a string, found a number".
    pub(crate) fn wrong_type(&mut self, path: &Path, expected: &str, found: Found) {
        self.report(path, format!("expected {expected}, found {}", found.name()));
    }

    pub(super) fn max_len(&mut self, len: usize, max: usize, path: &Path) -> bool {
        if len > max {
            self.report(path, format!("must have at most {max} items (has {len})"));
        }
        len <= max
    }

    /// The value of a required field: "is required" (or `missing`) when absent.
    pub(super) fn required<T: Expected>(&mut self, field: Checked<T>, path: &Path, missing: &str) -> Option<T> {
        match field {
            Checked::Valid(v) => Some(v),
            Checked::Absent => {
                self.report(path, missing);
                None
            }
            Checked::Invalid(found) => {
                self.wrong_type(path, T::EXPECTED, found);
                None
            }
        }
    }

    /// The value of an optional field (`None` when absent, or invalid and reported).
    pub(crate) fn optional<T: Expected>(&mut self, field: Option<Checked<T>>, path: &Path) -> Option<T> {
        match field? {
            Checked::Valid(v) => Some(v),
            Checked::Absent => None,
            Checked::Invalid(found) => {
                self.wrong_type(path, T::EXPECTED, found);
                None
            }
        }
    }

    /// The value of a list item: an item that is `null` is of the wrong kind too.
    pub(crate) fn item<T: Expected>(&mut self, item: Checked<T>, path: &Path) -> Option<T> {
        match item {
            Checked::Valid(v) => Some(v),
            Checked::Absent => {
                self.report(path, format!("expected {}, found null", T::EXPECTED));
                None
            }
            Checked::Invalid(found) => {
                self.wrong_type(path, T::EXPECTED, found);
                None
            }
        }
    }

    /// Text the card shows: without the code points no HTML document may
    /// hold ([`not_in_html`]), which are dropped, and with NUL as U+FFFD, as
    /// HTML parsers read it, so that every output, live (whose text nodes
    /// would keep a NUL) and static, shows the same text; at most `max` characters (shortened
    /// to them when the checker [`shortens`](Checker::shortens)), and not
    /// blank when `required`; then with its directional controls balanced
    /// ([`bidi`]), so that none reaches the text beside it, a cut one's too.
    pub(super) fn text(&mut self, mut s: String, path: &Path, max: usize, required: bool) -> Option<String> {
        if may_hold_forbidden(&s) && s.chars().any(|c| c == '\0' || not_in_html(c)) {
            s = s.chars().filter(|&c| !not_in_html(c)).map(|c| if c == '\0' { char::REPLACEMENT_CHARACTER } else { c }).collect();
        }
        if self.shortens {
            s = shortened(s, max);
        }
        // Balanced after the limit is checked, so that the limit counts the
        // text as written (as the JSON Schema's `maxLength` does).
        self.sized(s, path, max, required).map(bidi::balanced)
    }

    /// `s` held to `max` characters, and not blank when `required`.
    fn sized(&mut self, s: String, path: &Path, max: usize, required: bool) -> Option<String> {
        // No more bytes than the limit means no more characters either.
        let chars = if s.len() <= max { s.len() } else { s.chars().count() };
        if chars > max {
            self.report(path, format!("must be at most {max} characters (has {chars})"));
            None
        } else if required && is_blank(&s) {
            self.report(path, "must not be empty");
            None
        } else {
            Some(s)
        }
    }

    /// An optional string field.
    pub(crate) fn opt_string(&mut self, field: Option<Checked<String>>, path: &Path, max: usize) -> Option<String> {
        let s = self.optional(field, path)?;
        self.text(s, path, max, false)
    }

    /// An optional string field read as a code rather than shown (an id, a
    /// language tag, a date, an address): exactly as written, so that its
    /// pattern (or the URL policy) sees what the JSON Schema's sees, and a
    /// control in it is refused rather than dropped or balanced away.
    pub(crate) fn opt_code(&mut self, field: Option<Checked<String>>, path: &Path, max: usize) -> Option<String> {
        let s = self.optional(field, path)?;
        self.sized(s, path, max, false)
    }

    /// What `read` reads, with text held to its limits even where the
    /// checker [`shortens`](Checker::shortens) it.
    pub(super) fn unshortened<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T {
        let shortens = std::mem::replace(&mut self.shortens, false);
        let value = read(self);
        self.shortens = shortens;
        value
    }

    /// A required, non-blank string field (empty when invalid, reported).
    pub(super) fn req_string(&mut self, field: Checked<String>, path: &Path, max: usize) -> String {
        self.required(field, path, "is required").and_then(|s| self.text(s, path, max, true)).unwrap_or_default()
    }

    /// A URL, through the URL policy ([`url_policy::admit`]), which the settings
    /// and the brief's own page may resolve.
    pub(super) fn url(&mut self, raw: String, path: &Path, usage: UrlUse) -> Option<String> {
        // As written: the URL policy reads controls in a URL as browsers do.
        let raw = self.sized(raw, path, MAX_URL_CHARS, false)?;
        match url_policy::admit(&raw, usage, self.urls, self.brief_page.as_deref()) {
            Ok(url) => Some(url),
            Err(refusal) => {
                self.report(path, refusal.message());
                None
            }
        }
    }

    pub(super) fn opt_url(&mut self, field: Option<Checked<String>>, path: &Path, usage: UrlUse) -> Option<String> {
        let raw = self.optional(field, path)?;
        self.url(raw, path, usage)
    }

    pub(super) fn req_url(&mut self, field: Checked<String>, path: &Path, usage: UrlUse) -> String {
        self.required(field, path, "is required").and_then(|raw| self.url(raw, path, usage)).unwrap_or_default()
    }

    pub(super) fn opt_bool(&mut self, field: Option<Checked<bool>>, path: &Path) -> bool {
        self.optional(field, path).unwrap_or(false)
    }

    /// The items of an optional list field (empty when absent or invalid),
    /// each read by `read`; reading goes on past an invalid item, so that
    /// every problem is reported.
    pub(super) fn list<F, T>(
        &mut self,
        field: Option<Checked<Vec<Checked<F>>>>,
        path: &Path,
        read: impl FnMut(&mut Self, F, &Path) -> T,
    ) -> Vec<T>
    where
        F: Expected,
    {
        match self.optional(field, path) {
            Some(items) if self.max_len(items.len(), MAX_ITEMS, path) => self.each(items, path, read),
            _ => Vec::new(),
        }
    }

    /// A list the format requires (`summary.paragraphs`): as [`Checker::list`],
    /// and "is required" when it is absent.
    pub(super) fn req_list<F, T>(
        &mut self,
        field: Checked<Vec<Checked<F>>>,
        path: &Path,
        read: impl FnMut(&mut Self, F, &Path) -> T,
    ) -> Vec<T>
    where
        F: Expected,
    {
        if matches!(field, Checked::Absent) {
            self.report(path, "is required");
            return Vec::new();
        }
        self.list(Some(field), path, read)
    }

    pub(super) fn each<F: Expected, T>(
        &mut self,
        items: Vec<Checked<F>>,
        path: &Path,
        mut read: impl FnMut(&mut Self, F, &Path) -> T,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let path = Path::Index(path, i);
            if let Some(item) = self.item(item, &path) {
                out.push(read(self, item, &path));
            }
        }
        out
    }

    pub(super) fn opt_date(&mut self, field: Option<Checked<String>>, path: &Path) -> Option<BriefDate> {
        let s = self.opt_code(field, path, MAX_DATE_CHARS)?;
        let date = parse_date(s.trim());
        if date.is_none() {
            self.report(path, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2023-06-13T09:30:00Z)");
        }
        date
    }
}

/// Whether `s` may hold a code point [`not_in_html`] names, from its bytes
/// alone: each such code point's UTF-8 has a byte below 0x20, or is 0x7F, or
/// starts with 0xC2 (C1), 0xEF (U+FDD0…, U+FFFE…) or 0xF0 and above. Most
/// text has none of these bytes, and looking at bytes costs far less than
/// decoding every character.
fn may_hold_forbidden(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF || b >= 0xF0)
}

/// Code points the HTML standard allows in no document: controls other than
/// ASCII white space (C0, DEL, C1), and noncharacters. (NUL, which HTML
/// parsers read as U+FFFD, is written as that: see `Checker::text`.)
fn not_in_html(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\0' | '\t' | '\n' | '\u{c}' | '\r')) || (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}
