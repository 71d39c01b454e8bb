//! From what serde read (the [`crate::format`] types) to the validated
//! [`Document`], collecting *every* problem with its JSON path
//! (`related[2].url`, `sections[0].paragraphs[1][0].href`).
//!
//! Validation never stops at the first problem and never panics. A document
//! is returned only when there is no problem at all, so no output can be
//! made from an unchecked brief, and nothing ever half-renders. Unknown
//! fields are ignored; `null` counts as absent for optional fields (content
//! systems write it for "no value").

pub mod date;
mod jsonld;
pub mod labels;
pub mod model;
pub mod options;
pub mod url_policy;

pub use date::parse_date;
pub use jsonld::{from_value, json_ld};
pub use model::*;
pub use options::{options, Options};

use crate::format::limits::{MAX_DATE_CHARS, MAX_FEED, MAX_IMAGE_PIXELS, MAX_ITEMS, MAX_LANG_CHARS, MAX_SHORT_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS};
use crate::format::{self, Checked, Expected, Found, Input, Problem, MAX_PROBLEMS};
use labels::{Label, Labels};
use url_policy::{UrlUse, Whatwg};

/// How relative URLs are treated: kept (they resolve against the host page),
/// resolved against a base, or refused (email needs absolute URLs).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct UrlSettings {
    /// An absolute http(s) URL, already through the URL policy.
    pub base: Option<String>,
    /// Refuse relative URLs when there is no base (email needs absolute ones).
    pub absolute_only: bool,
    /// The WHATWG URL parser that resolves a reference against `base`: the
    /// `url` crate natively, the browser's own `URL` in the browser.
    pub whatwg: Whatwg,
    /// The only origins images and logos may come from; `None`: any.
    pub image_origins: Option<Vec<String>>,
}

impl Default for UrlSettings {
    fn default() -> Self {
        UrlSettings { base: None, absolute_only: false, whatwg: url_policy::DEFAULT_WHATWG, image_origins: None }
    }
}

/// Validates what was read as a brief (an object) or a feed (an array of briefs).
pub fn document(input: Checked<Input>, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    let (doc, c) = checked_document(input, urls);
    c.finish(doc)
}

/// The document (if it could be read at all) and the checker holding its
/// problems, for callers that report them in other terms ([`json_ld`]).
fn checked_document<'u>(input: Checked<Input>, urls: &'u UrlSettings) -> (Option<Document>, Checker<'u>) {
    let mut c = Checker::new(urls);
    let root = Path::Root;
    let doc = match input {
        Checked::Valid(Input::One(brief)) => Some(Document::One(c.brief(*brief, &root))),
        Checked::Valid(Input::Feed(items)) if items.is_empty() => {
            c.report(&root, "a feed needs at least one brief");
            None
        }
        Checked::Valid(Input::Feed(items)) => c.max_len(items.len(), MAX_FEED, &root).then(|| Document::Feed(c.each(items, &root, Checker::brief))),
        Checked::Absent => {
            c.report(&root, format!("expected {}, found null", Input::EXPECTED));
            None
        }
        Checked::Invalid(found) => {
            c.wrong_type(&root, Input::EXPECTED, found);
            None
        }
    };
    (doc, c)
}

/// A JSON path, built on the stack as validation descends and turned into
/// text only when there is a problem to report.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The whole input.
    Root,
    /// The member `key` of the parent path.
    Key(&'a Path<'a>, &'a str),
    /// The item at an index of the parent path.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path as text: `a.b[2].c` (empty for the root).
    pub fn render(&self) -> String {
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
    problems: Vec<Problem>,
    dropped: usize,
    urls: &'u UrlSettings,
}

impl<'u> Checker<'u> {
    pub(crate) fn new(urls: &'u UrlSettings) -> Self {
        Checker { problems: Vec::new(), dropped: 0, urls }
    }

    /// Records a problem at `path`; past [`MAX_PROBLEMS`] it is only counted.
    pub(crate) fn report(&mut self, path: &Path, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(path.render(), message));
        } else {
            self.dropped += 1;
        }
    }

    /// `Ok(value)` when nothing was reported, else every problem.
    pub(crate) fn finish<T>(mut self, value: Option<T>) -> Result<T, Vec<Problem>> {
        if self.dropped > 0 {
            self.problems.push(Problem::new("", format!("… and {} more problems", self.dropped)));
        }
        match value {
            Some(v) if self.problems.is_empty() => Ok(v),
            _ => Err(self.problems),
        }
    }

    /// The problems (at most [`MAX_PROBLEMS`]) and how many more were only counted.
    fn into_parts(self) -> (Vec<Problem>, usize) {
        (self.problems, self.dropped)
    }

    /// "expected a string, found a number".
    pub(crate) fn wrong_type(&mut self, path: &Path, expected: &str, found: Found) {
        self.report(path, format!("expected {expected}, found {}", found.name()));
    }

    fn max_len(&mut self, len: usize, max: usize, path: &Path) -> bool {
        if len > max {
            self.report(path, format!("must have at most {max} items (has {len})"));
        }
        len <= max
    }

    /// The value of a required field: "is required" (or `missing`) when absent.
    fn required<T: Expected>(&mut self, field: Checked<T>, path: &Path, missing: &str) -> Option<T> {
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

    /// A string of at most `max` characters; `required` strings must not be blank.
    fn text(&mut self, s: String, path: &Path, max: usize, required: bool) -> Option<String> {
        // No more bytes than the limit means no more characters either.
        let chars = if s.len() <= max { s.len() } else { s.chars().count() };
        if chars > max {
            self.report(path, format!("must be at most {max} characters (has {chars})"));
            None
        } else if required && s.trim().is_empty() {
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

    /// A required, non-blank string field (empty when invalid, reported).
    fn req_string(&mut self, field: Checked<String>, path: &Path, max: usize) -> String {
        self.required(field, path, "is required").and_then(|s| self.text(s, path, max, true)).unwrap_or_default()
    }

    /// A URL, through the URL policy, resolved against the base URL if one is given.
    fn url(&mut self, raw: String, path: &Path, usage: UrlUse) -> Option<String> {
        let raw = self.text(raw, path, MAX_URL_CHARS, false)?;
        let url = match url_policy::check(&raw, usage) {
            Ok(url) => url,
            Err(problem) => {
                self.report(path, problem.message());
                return None;
            }
        };
        // The limit holds for the URL as written out too (percent-encoding
        // can make it 9 times longer), so any output validates again.
        if url.len() > MAX_URL_CHARS {
            self.report(path, format!("must be at most {MAX_URL_CHARS} characters once percent-encoded (has {})", url.len()));
            return None;
        }
        let url = if !url_policy::is_relative(&url) {
            url
        } else {
            match &self.urls.base {
                Some(base) => url_policy::resolve(base, &url, self.urls.whatwg),
                None if self.urls.absolute_only => {
                    self.report(path, "is a relative URL; email needs absolute ones (give a base URL)");
                    return None;
                }
                None => url,
            }
        };
        // An image from an origin the host did not allow; a relative one is the host's own.
        if let (UrlUse::Resource, Some(allowed), Some(origin)) = (usage, &self.urls.image_origins, url_policy::origin(&url)) {
            // A protocol-relative origin (`//host`) matches either scheme.
            let matches = |a: &String| a == origin || (origin.starts_with("//") && a.strip_suffix(origin).is_some_and(|s| s == "https:" || s == "http:"));
            if !allowed.iter().any(matches) {
                self.report(path, format!("comes from {origin}, which options.imageOrigins does not allow"));
                return None;
            }
        }
        Some(url)
    }

    fn opt_url(&mut self, field: Option<Checked<String>>, path: &Path, usage: UrlUse) -> Option<String> {
        let raw = self.optional(field, path)?;
        self.url(raw, path, usage)
    }

    fn req_url(&mut self, field: Checked<String>, path: &Path, usage: UrlUse) -> String {
        self.required(field, path, "is required").and_then(|raw| self.url(raw, path, usage)).unwrap_or_default()
    }

    fn opt_bool(&mut self, field: Option<Checked<bool>>, path: &Path) -> bool {
        self.optional(field, path).unwrap_or(false)
    }

    /// The items of an optional list field (empty when absent or invalid),
    /// each read by `read`; reading goes on past an invalid item, so that
    /// every problem is reported.
    fn list<F, T>(&mut self, field: Option<Checked<Vec<Checked<F>>>>, path: &Path, read: impl FnMut(&mut Self, F, &Path) -> T) -> Vec<T>
    where
        F: Expected,
    {
        match self.optional(field, path) {
            Some(items) if self.max_len(items.len(), MAX_ITEMS, path) => self.each(items, path, read),
            _ => Vec::new(),
        }
    }

    fn each<F: Expected, T>(&mut self, items: Vec<Checked<F>>, path: &Path, mut read: impl FnMut(&mut Self, F, &Path) -> T) -> Vec<T> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let path = Path::Index(path, i);
            if let Some(item) = self.item(item, &path) {
                out.push(read(self, item, &path));
            }
        }
        out
    }

    /// A labels object: each known key must be a string; blank ones keep the default.
    pub(crate) fn labels(&mut self, field: Option<Checked<format::Labels>>, path: &Path) -> Labels {
        let mut labels = Labels::default();
        let Some(l) = self.optional(field, path) else { return labels };
        let given = [
            ("summary", Label::Summary, l.summary),
            ("quotes", Label::Quotes, l.quotes),
            ("related", Label::Related, l.related),
            ("tags", Label::Tags, l.tags),
            ("readMore", Label::ReadMore, l.read_more),
            ("showMore", Label::ShowMore, l.show_more),
            ("showLess", Label::ShowLess, l.show_less),
            ("copyLink", Label::CopyLink, l.copy_link),
            ("linkCopied", Label::LinkCopied, l.link_copied),
            ("feed", Label::Feed, l.feed),
            ("by", Label::By, l.by),
            ("updated", Label::Updated, l.updated),
        ];
        for (key, label, value) in given {
            if let Some(s) = self.opt_string(value, &Path::Key(path, key), MAX_SHORT_CHARS) {
                if !s.trim().is_empty() {
                    labels.0.push((label, s));
                }
            }
        }
        labels
    }

    // Fields are read in the order written, which is the order of the problems.
    fn brief(&mut self, b: format::Brief, path: &Path) -> Brief {
        let at = |key| Path::Key(path, key);
        if let Some(version) = b.version {
            if version != Checked::Valid(1.0) {
                self.report(&at("version"), "unsupported version (this renderer reads version 1)");
            }
        }
        let id = self.opt_string(b.id, &at("id"), MAX_SHORT_CHARS);
        if let Some(id) = &id {
            let anchor = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
            if !anchor {
                self.report(&at("id"), "must be letters, digits, '-', '_', '.' or ':' (it is used as an anchor)");
            }
        }
        let kind = self.opt_string(b.kind, &at("kind"), MAX_SHORT_CHARS);
        let title = self.req_string(b.title, &at("title"), MAX_SHORT_CHARS);
        let date = self.opt_date(b.date, &at("date"));
        let updated = self.opt_date(b.updated, &at("updated"));
        let url = self.opt_url(b.url, &at("url"), UrlUse::Link);
        let lang = self.opt_string(b.lang, &at("lang"), MAX_LANG_CHARS);
        if let Some(l) = &lang {
            if !is_language_tag(l) {
                self.report(&at("lang"), "must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"");
            }
        }
        let dir = match b.dir {
            None | Some(Checked::Absent) => None,
            Some(Checked::Valid(dir)) => Some(dir),
            Some(Checked::Invalid(_)) => {
                self.report(&at("dir"), "must be \"ltr\", \"rtl\" or \"auto\"");
                None
            }
        };
        let lang = lang.unwrap_or_else(|| "en".into());
        let dir = dir.unwrap_or_else(|| Dir::of_lang(&lang));
        let publisher = self.optional(b.publisher, &at("publisher")).map(|p| self.publisher(p, &at("publisher")));
        let authors = self.list(b.authors, &at("authors"), Self::author);
        let image = self.optional(b.image, &at("image")).map(|i| self.image(i, &at("image")));
        let summary = self.optional(b.summary, &at("summary")).map(|s| self.summary(s, &at("summary")));
        Brief {
            id,
            kind,
            title,
            date,
            updated,
            url,
            lang,
            dir,
            publisher,
            authors,
            image,
            summary,
            quotes: self.list(b.quotes, &at("quotes"), Self::quote),
            sections: self.list(b.sections, &at("sections"), Self::section),
            related: self.list(b.related, &at("related"), Self::related),
            tags: self.list(b.tags, &at("tags"), Self::tag),
            labels: self.labels(b.labels, &at("labels")),
        }
    }

    fn publisher(&mut self, p: format::Publisher, path: &Path) -> Publisher {
        Publisher {
            name: self.req_string(p.name, &Path::Key(path, "name"), MAX_SHORT_CHARS),
            url: self.opt_url(p.url, &Path::Key(path, "url"), UrlUse::Link),
            logo: self.opt_url(p.logo, &Path::Key(path, "logo"), UrlUse::Resource),
        }
    }

    fn author(&mut self, a: format::Author, path: &Path) -> Author {
        Author { name: self.req_string(a.name, &Path::Key(path, "name"), MAX_SHORT_CHARS), url: self.opt_url(a.url, &Path::Key(path, "url"), UrlUse::Link) }
    }

    /// `alt` may be `""`, for a decorative image, but must be given.
    fn image(&mut self, i: format::Image, path: &Path) -> Image {
        let alt = Path::Key(path, "alt");
        Image {
            src: self.req_url(i.src, &Path::Key(path, "src"), UrlUse::Resource),
            alt: self
                .required(i.alt, &alt, "is required (use \"\" for a decorative image)")
                .and_then(|a| self.text(a, &alt, MAX_SHORT_CHARS, false))
                .unwrap_or_default(),
            caption: self.opt_string(i.caption, &Path::Key(path, "caption"), MAX_SHORT_CHARS),
            width: self.pixels(i.width, &Path::Key(path, "width")),
            height: self.pixels(i.height, &Path::Key(path, "height")),
        }
    }

    /// An image's `width` or `height`: a whole number of CSS pixels.
    fn pixels(&mut self, field: Option<Checked<u32>>, path: &Path) -> Option<u32> {
        let n = self.optional(field, path)?;
        if (1..=MAX_IMAGE_PIXELS).contains(&n) {
            Some(n)
        } else {
            self.report(path, format!("must be from 1 to {MAX_IMAGE_PIXELS}"));
            None
        }
    }

    fn summary(&mut self, s: format::Summary, path: &Path) -> Summary {
        Summary {
            heading: self.opt_string(s.heading, &Path::Key(path, "heading"), MAX_SHORT_CHARS),
            paragraphs: self.list(s.paragraphs, &Path::Key(path, "paragraphs"), Self::paragraph),
        }
    }

    fn quote(&mut self, q: format::Quote, path: &Path) -> Quote {
        let text = Path::Key(path, "text");
        Quote {
            text: self.required(q.text, &text, "is required").map(|t| self.paragraph(t, &text)).unwrap_or_default(),
            author: self.req_string(q.author, &Path::Key(path, "author"), MAX_SHORT_CHARS),
            role: self.opt_string(q.role, &Path::Key(path, "role"), MAX_SHORT_CHARS),
            url: self.opt_url(q.url, &Path::Key(path, "url"), UrlUse::Link),
        }
    }

    fn section(&mut self, s: format::Section, path: &Path) -> Section {
        Section {
            heading: self.req_string(s.heading, &Path::Key(path, "heading"), MAX_SHORT_CHARS),
            paragraphs: self.list(s.paragraphs, &Path::Key(path, "paragraphs"), Self::paragraph),
        }
    }

    fn related(&mut self, r: format::Related, path: &Path) -> Related {
        Related {
            title: self.req_string(r.title, &Path::Key(path, "title"), MAX_SHORT_CHARS),
            url: self.req_url(r.url, &Path::Key(path, "url"), UrlUse::Link),
            author: self.opt_string(r.author, &Path::Key(path, "author"), MAX_SHORT_CHARS),
            date: self.opt_date(r.date, &Path::Key(path, "date")),
            kind: self.opt_string(r.kind, &Path::Key(path, "kind"), MAX_SHORT_CHARS),
        }
    }

    fn tag(&mut self, t: format::Tag, path: &Path) -> Tag {
        Tag { label: self.req_string(t.label, &Path::Key(path, "label"), MAX_SHORT_CHARS), url: self.opt_url(t.url, &Path::Key(path, "url"), UrlUse::Link) }
    }

    /// A paragraph: a plain string (one plain run), or an array of runs.
    fn paragraph(&mut self, p: format::Paragraph, path: &Path) -> Paragraph {
        match p {
            format::Paragraph::Text(s) => self.plain_run(s, path).into_iter().collect(),
            format::Paragraph::Runs(runs) if self.max_len(runs.len(), MAX_ITEMS, path) => self.each(runs, path, Self::run).into_iter().flatten().collect(),
            format::Paragraph::Runs(_) => Vec::new(),
        }
    }

    fn plain_run(&mut self, text: String, path: &Path) -> Option<Run> {
        let text = self.text(text, path, MAX_TEXT_CHARS, false)?;
        Some(Run { text, href: None, strong: false, em: false })
    }

    fn run(&mut self, run: format::Run, path: &Path) -> Option<Run> {
        match run {
            format::Run::Text(s) => self.plain_run(s, path),
            format::Run::Styled(r) => {
                let text = Path::Key(path, "text");
                Some(Run {
                    text: self.required(r.text, &text, "is required").and_then(|t| self.text(t, &text, MAX_TEXT_CHARS, false)).unwrap_or_default(),
                    href: self.opt_url(r.href, &Path::Key(path, "href"), UrlUse::Link),
                    strong: self.opt_bool(r.strong, &Path::Key(path, "strong")),
                    em: self.opt_bool(r.em, &Path::Key(path, "em")),
                })
            }
        }
    }

    fn opt_date(&mut self, field: Option<Checked<String>>, path: &Path) -> Option<BriefDate> {
        let s = self.opt_string(field, path, MAX_DATE_CHARS)?;
        let date = parse_date(s.trim());
        if date.is_none() {
            self.report(path, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2023-06-13T09:30:00Z)");
        }
        date
    }
}

/// A loose BCP 47 check: a 2–8 letter primary subtag, then 1–8 letter or digit subtags.
fn is_language_tag(s: &str) -> bool {
    let mut subtags = s.split('-');
    let primary = subtags.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// JSON text as a validated document with the default options: for the
/// tests of the layers above.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn load_default(json_text: &str) -> Result<Document, Vec<Problem>> {
    from_value(crate::format::json_value(json_text)?, &UrlSettings::default())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{describe, from_json_text};

    fn check(json: &str) -> Vec<Problem> {
        from_json_text(json).and_then(|input| document(input, &UrlSettings::default())).err().unwrap_or_default()
    }

    #[test]
    fn language_tags_are_checked_subtag_by_subtag() {
        assert!(is_language_tag("pt-BR") && is_language_tag("zh-Hant-TW") && is_language_tag("es-419"));
        assert!(!is_language_tag("not a tag") && !is_language_tag("e") && !is_language_tag("en-") && !is_language_tag("1en"));
        assert!(!is_language_tag("") && !is_language_tag("abcdefghi") && !is_language_tag("en--x") && !is_language_tag("é"));
    }

    #[test]
    fn describe_writes_each_problem_as_its_line() {
        let problems = check(r#"{"title": " ", "tags": [1], "related": [{"title": "r", "url": "javascript:x"}]}"#);
        let lines: Vec<String> = problems.iter().map(Problem::line).collect();
        assert_eq!(describe(&problems), lines.join("\n"));
        assert_eq!(lines[1..], ["related[0].url: scheme \"javascript\" is not allowed", "tags[0]: expected an object, found a number"]);
        let root = check("[]");
        assert_eq!((describe(&root), root[0].line()), ("a feed needs at least one brief".into(), "a feed needs at least one brief".into()));
        assert_eq!(describe(&[]), "");
    }

    #[test]
    fn null_items_and_null_inputs_are_of_the_wrong_kind() {
        let lines = |json: &str| check(json).iter().map(Problem::line).collect::<Vec<_>>();
        assert_eq!(lines("null"), ["expected a brief (an object) or a feed (an array of briefs), found null"]);
        assert_eq!(lines(r#"{"title": "t", "tags": [null], "summary": {"paragraphs": [null]}}"#), [
            "summary.paragraphs[0]: expected a string or an array of runs, found null",
            "tags[0]: expected an object, found null",
        ]);
        assert_eq!(lines(r#"{"title": null, "kind": null, "quotes": null}"#), ["title: is required"]);
    }
}
