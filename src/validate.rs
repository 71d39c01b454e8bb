//! From JSON to a validated [`Document`], collecting *every* problem with
//! its JSON path (`related[2].url`, `sections[0].paragraphs[1][0].href`).
//!
//! Validation never stops at the first problem and never panics; a document
//! is returned only when there is no problem at all, so neither output can
//! ever half-render. Unknown fields are ignored; `null` counts as absent for
//! optional fields (content systems write it for "no value").

#[allow(unused_imports)]
use crate::prelude::*;

use crate::json::{self, Value};
use crate::labels::{Labels, KEYS};
use crate::limits::*;
use crate::model::*;
use crate::text::{cat, is_blank, push_num, trim};
use crate::url_policy::{self, UrlUse};

/// One thing wrong with the input: where (a JSON path, `""` for the whole
/// input) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path like `related[2].url`, or `""` for the whole input.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl Problem {
    /// `related[2].url: scheme "javascript" is not allowed`
    pub fn line(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            cat(&[&self.path, ": ", &self.message])
        }
    }
}

/// All problems, one per line: the text of errors thrown to JS and printed by the CLI.
pub fn describe(problems: &[Problem]) -> String {
    let mut s = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        // What `line` says, written in place rather than a string per problem.
        if !p.path.is_empty() {
            s.push_str(&p.path);
            s.push_str(": ");
        }
        s.push_str(&p.message);
    }
    s
}

/// At most this many problems are listed; the rest are counted in a last line.
pub const MAX_PROBLEMS: usize = 50;

/// How relative URLs are treated: kept (they resolve against the host page),
/// resolved against a base, or refused (email needs absolute URLs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlSettings {
    /// An absolute http(s) URL, already through the URL policy.
    pub base: Option<String>,
    /// Refuse relative URLs when there is no base (email needs absolute ones).
    pub absolute_only: bool,
}

/// Reads JSON text as a brief or a feed.
pub fn parse_document(text: &str) -> Result<Document, Vec<Problem>> {
    document(&parse_json(text)?, &UrlSettings::default())
}

/// Reads JSON text, enforcing the input size limit first. Inlined where
/// it is used (-6 B gzip).
#[inline(always)]
pub fn parse_json(text: &str) -> Result<Value<'_>, Vec<Problem>> {
    let message = if text.len() > MAX_INPUT_BYTES {
        let mut m = String::from("input is ");
        push_num(&mut m, text.len());
        m.push_str(" bytes; the limit is ");
        push_num(&mut m, MAX_INPUT_BYTES);
        m
    } else {
        match json::parse(text) {
            Ok(v) => return Ok(v),
            Err(e) => e.message(),
        }
    };
    Err(vec![Problem { path: String::new(), message }])
}

/// Validates a parsed JSON value as a brief (an object) or a feed (an array of briefs).
pub fn document(v: &Value, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    let mut c = Checker { urls, ..Checker::default() };
    let root = Path::Root;
    let doc = match v {
        Value::Object(_) => c.brief(v, &root).map(Document::One),
        Value::Array(items) => {
            if items.is_empty() {
                c.report(&root, "a feed needs at least one brief");
                None
            } else if c.max_len(items.len(), MAX_FEED, &root) {
                Some(Document::Feed(c.each(items, &root, &mut Checker::brief)))
            } else {
                None
            }
        }
        other => {
            c.wrong_type(&root, "a brief (an object) or a feed (an array of briefs)", other);
            None
        }
    };
    c.finish(doc)
}

/// Whether a JSON number is 1 however it is written (`1`, `1.0`, `1e0`,
/// `10e-1`), as `JSON.parse` reads it, so that the command line and the
/// browser agree, and the schema with both. Natively the number's text is
/// read as a double, as `JSON.parse` reads it; in the browser host.js has
/// already written it as JavaScript writes a number, and 1 is written `1`
/// (no float parsing in the module).
fn is_one(number: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return number == "1";
    #[cfg(not(target_arch = "wasm32"))]
    return number.parse::<f64>() == Ok(1.0);
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
        let mut s = String::new();
        self.write(&mut s);
        s
    }

    fn write(&self, s: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(s);
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(s);
                s.push('[');
                push_num(s, *i);
                s.push(']');
            }
        }
    }
}

/// Collects problems while reading values; shared by the brief and the options.
///
/// The rule the readers rely on: a document (or options object) is kept only
/// when no problem at all was reported ([`Checker::finish`]). So a reader
/// that finds a field invalid reports it and goes on with a default (an
/// empty string, `None`, an empty list) rather than failing its parents:
/// no `Option` or `Result` passed up through every level, no ladder of
/// early returns each dropping what was read so far (all of which cost the
/// module more). Readers return `None` only where there is nothing to build
/// (a list item that is not an object).
pub struct Checker<'u> {
    /// The problems reported so far (at most [`MAX_PROBLEMS`]).
    pub problems: Vec<Problem>,
    dropped: usize,
    /// Borrowed, not cloned: one validation per card.
    urls: &'u UrlSettings,
}

/// The settings of a [`Checker`] that has no URL settings of its own.
static DEFAULT_URLS: UrlSettings = UrlSettings { base: None, absolute_only: false };

impl Default for Checker<'_> {
    fn default() -> Self {
        Checker { problems: Vec::new(), dropped: 0, urls: &DEFAULT_URLS }
    }
}

impl Checker<'_> {
    /// Records a problem at `path`; past [`MAX_PROBLEMS`] it is only counted.
    pub fn report(&mut self, path: &Path, message: impl Into<String>) {
        self.push(path, message.into());
    }

    /// [`Checker::report`], not generic: one copy for literal and built messages.
    fn push(&mut self, path: &Path, message: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path: path.render(), message });
        } else {
            self.dropped += 1;
        }
    }

    /// `Ok(value)` when nothing was reported, else every problem.
    pub fn finish<T>(mut self, value: Option<T>) -> Result<T, Vec<Problem>> {
        if self.dropped > 0 {
            let mut m = String::from("… and ");
            push_num(&mut m, self.dropped);
            m.push_str(" more problems");
            self.problems.push(Problem { path: String::new(), message: m });
        }
        match value {
            Some(v) if self.problems.is_empty() => Ok(v),
            _ => Err(self.problems),
        }
    }

    /// "expected {expected}, found {what `found` is}".
    pub(crate) fn wrong_type(&mut self, path: &Path, expected: &str, found: &Value) {
        self.report(path, cat(&["expected ", expected, ", found ", found.kind_name()]));
    }

    /// `parent[key]`, treating `null` as absent.
    fn field<'v, 'a>(parent: &'v Value<'a>, key: &str) -> Option<&'v Value<'a>> {
        parent.get(key).filter(|v| !matches!(v, Value::Null))
    }

    /// "must be at most 500 characters (has 501)", from its pieces: one
    /// builder for the three such messages, writing the numbers in place
    /// (`cat` of `num`s made two strings to drop at each of them).
    fn too_long(&mut self, path: &Path, must: &str, max: usize, unit: &str, has: usize) {
        let mut m = String::from(must);
        push_num(&mut m, max);
        m.push_str(unit);
        push_num(&mut m, has);
        m.push(')');
        self.report(path, m);
    }

    fn max_len(&mut self, len: usize, max: usize, path: &Path) -> bool {
        if len > max {
            self.too_long(path, "must have at most ", max, " items (has ", len);
        }
        len <= max
    }

    /// A string of at most `max` characters; `required` strings must not be blank.
    pub fn string(&mut self, v: &Value, path: &Path, max: usize, required: bool) -> Option<String> {
        self.str(v, path, max, required).map(String::from)
    }

    /// [`Checker::string`], borrowed from the JSON value.
    fn str<'v>(&mut self, v: &'v Value, path: &Path, max: usize, required: bool) -> Option<&'v str> {
        let Value::String(s) = v else {
            self.wrong_type(path, "a string", v);
            return None;
        };
        let s: &str = s; // out of its Cow once, not at each use
        // No more bytes than the limit: no more characters either (the common
        // case, not counted). Else count the bytes that start a character
        // (`chars().count()` without its unrolled fast path, which costs the
        // wasm module a kilobyte; a plain loop, which needs no iterator
        // adapter of its own).
        let chars = if s.len() <= max { s.len() } else { char_count(s) };
        if chars > max {
            self.too_long(path, "must be at most ", max, " characters (has ", chars);
            None
        } else if required && is_blank(s) {
            self.report(path, "must not be empty");
            None
        } else {
            Some(s)
        }
    }

    /// An optional string field: `None` when absent (or invalid, reported).
    pub fn opt_string(&mut self, parent: &Value, key: &str, path: &Path, max: usize) -> Option<String> {
        self.string(Self::field(parent, key)?, &Path::Key(path, key), max, false)
    }

    /// [`Checker::opt_string`], borrowed from the JSON value.
    pub(crate) fn opt_str<'v>(&mut self, parent: &'v Value, key: &str, path: &Path, max: usize) -> Option<&'v str> {
        self.str(Self::field(parent, key)?, &Path::Key(path, key), max, false)
    }

    /// A required, non-blank string field (empty when invalid, reported).
    pub fn req_string(&mut self, parent: &Value, key: &str, path: &Path, max: usize) -> String {
        let v = self.required(parent, key, path, "is required");
        v.and_then(|v| self.string(v, &Path::Key(path, key), max, true)).unwrap_or_default()
    }

    /// `parent[key]`, or `message` as the problem when it is absent.
    /// Inlined at its uses: a call to it cost more than its body (-41 B gzip).
    #[inline(always)]
    fn required<'v, 'a>(&mut self, parent: &'v Value<'a>, key: &str, path: &Path, message: &str) -> Option<&'v Value<'a>> {
        let v = Self::field(parent, key);
        if v.is_none() {
            self.report(&Path::Key(path, key), message);
        }
        v
    }

    fn url(&mut self, v: &Value, path: &Path, usage: UrlUse) -> Option<String> {
        let raw = self.str(v, path, MAX_URL_CHARS, false)?;
        let url = match url_policy::check(raw, usage) {
            Ok(url) => url,
            Err(problem) => {
                self.report(path, problem.message());
                return None;
            }
        };
        // The limit holds for the URL as written out too (percent-encoding
        // can make it 9 times longer), so any output validates again.
        if url.len() > MAX_URL_CHARS {
            self.too_long(path, "must be at most ", MAX_URL_CHARS, " characters once percent-encoded (has ", url.len());
            return None;
        }
        if !url_policy::is_relative(&url) {
            return Some(url);
        }
        match &self.urls.base {
            Some(base) => Some(url_policy::resolve(base, &url)),
            None if self.urls.absolute_only => {
                self.report(path, "is a relative URL; email needs absolute ones (give a base URL)");
                None
            }
            None => Some(url),
        }
    }

    /// An optional URL field: `None` when absent (or invalid, reported).
    fn opt_url(&mut self, parent: &Value, key: &str, path: &Path, usage: UrlUse) -> Option<String> {
        self.url(Self::field(parent, key)?, &Path::Key(path, key), usage)
    }

    /// A required URL field (empty when invalid, reported).
    fn req_url(&mut self, parent: &Value, key: &str, path: &Path, usage: UrlUse) -> String {
        let v = self.required(parent, key, path, "is required");
        v.and_then(|v| self.url(v, &Path::Key(path, key), usage)).unwrap_or_default()
    }

    fn opt_bool(&mut self, parent: &Value, key: &str, path: &Path) -> bool {
        match Self::field(parent, key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                self.wrong_type(&Path::Key(path, key), "true or false", v);
                false
            }
        }
    }

    /// An object, or a problem.
    fn object(&mut self, v: &Value, path: &Path) -> bool {
        let ok = matches!(v, Value::Object(_));
        if !ok {
            self.wrong_type(path, "an object", v);
        }
        ok
    }

    /// The items of an optional list field (empty when absent or invalid),
    /// each read by `item`.
    ///
    /// Not inlined, like [`Checker::each`] and the brief's object readers:
    /// gzip takes the five near-identical copies of a short function for
    /// one, where the same code inlined at each use, mixed in with the
    /// brief reader's, costs it more (-102 B gzip for `list`, -38 B for
    /// `each`, -135 B for `publisher`, `image` and `summary`).
    #[inline(never)]
    fn list<T>(
        &mut self,
        parent: &Value,
        key: &str,
        path: &Path,
        mut item: impl FnMut(&mut Self, &Value, &Path) -> Option<T>,
    ) -> Vec<T> {
        let path = Path::Key(path, key);
        let items = self.items(parent, key, &path);
        self.each(items, &path, &mut item)
    }

    /// The items of the optional array `parent[key]` (at `path`): none when
    /// absent, no array, or too long (reported). Not generic: one copy for
    /// the five kinds of list (-12 B gzip).
    fn items<'v, 'a>(&mut self, parent: &'v Value<'a>, key: &str, path: &Path) -> &'v [Value<'a>] {
        match Self::field(parent, key) {
            None => &[],
            Some(Value::Array(items)) if self.max_len(items.len(), MAX_ITEMS, path) => items,
            Some(Value::Array(_)) => &[],
            Some(v) => {
                self.wrong_type(path, "an array", v);
                &[]
            }
        }
    }

    /// Every item of an array that `item` could read (it reports those it
    /// could not). Reading goes on past an invalid item, so that every
    /// problem is reported.
    /// (`item` is `dyn` so that the readers are not inlined here: a smaller
    /// module; not inlined itself: see [`Checker::list`].)
    #[inline(never)]
    fn each<T>(&mut self, items: &[Value], path: &Path, item: &mut dyn FnMut(&mut Self, &Value, &Path) -> Option<T>) -> Vec<T> {
        // Not `with_capacity`: a call less in each of the seven kinds of list.
        // The first push allocates room for four, as many as the example
        // briefs' lists hold, so they allocate no more often.
        let mut read = Vec::new();
        for (i, v) in items.iter().enumerate() {
            if let Some(t) = item(self, v, &Path::Index(path, i)) {
                read.push(t);
            }
        }
        read
    }

    /// A labels object: known keys must be strings; unknown keys are ignored.
    pub fn labels(&mut self, parent: &Value, key: &str, path: &Path) -> Labels {
        let mut labels = Labels::default();
        let Some(v) = Self::field(parent, key) else { return labels };
        let path = Path::Key(path, key);
        if self.object(v, &path) {
            // Through a reference: iterating the const array by value copies it
            // onto the stack first.
            for &(name, label) in &KEYS {
                if let Some(s) = self.opt_string(v, name, &path, MAX_SHORT_CHARS) {
                    if !is_blank(&s) {
                        labels.0.push((label, s));
                    }
                }
            }
        }
        labels
    }

    fn brief(&mut self, v: &Value, path: &Path) -> Option<Brief> {
        if !self.object(v, path) {
            return None;
        }
        if let Some(version) = Self::field(v, "version") {
            let is_one = matches!(version, Value::Number(n) if is_one(n));
            if !is_one {
                self.report(&Path::Key(path, "version"), "unsupported version (this renderer reads version 1)");
            }
        }
        // Every field is read with a default (an invalid one is reported,
        // and then the whole document is dropped). Struct fields are
        // evaluated in the order written: the order of the problems.
        let id = self.opt_string(v, "id", path, MAX_SHORT_CHARS);
        if let Some(id) = &id {
            let ok = !id.is_empty() && id.as_bytes().iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
            if !ok {
                self.report(&Path::Key(path, "id"), "must be letters, digits, '-', '_', '.' or ':' (it is used as an anchor)");
            }
        }
        let kind = self.opt_string(v, "kind", path, MAX_SHORT_CHARS);
        let title = self.req_string(v, "title", path, MAX_SHORT_CHARS);
        let date = self.opt_date(v, "date", path);
        let url = self.opt_url(v, "url", path, UrlUse::Link);
        let lang = self.opt_string(v, "lang", path, 35);
        if let Some(l) = &lang {
            if !is_language_tag(l) {
                self.report(&Path::Key(path, "lang"), "must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"");
            }
        }
        let dir = match Self::field(v, "dir") {
            None => None,
            Some(Value::String(s)) if s == "ltr" => Some(Dir::Ltr),
            Some(Value::String(s)) if s == "rtl" => Some(Dir::Rtl),
            Some(Value::String(s)) if s == "auto" => Some(Dir::Auto),
            Some(_) => {
                self.report(&Path::Key(path, "dir"), "must be \"ltr\", \"rtl\" or \"auto\"");
                None
            }
        };
        let lang = lang.unwrap_or_else(|| "en".into());
        let dir = dir.unwrap_or_else(|| Dir::of_lang(&lang));
        Some(Brief {
            id,
            kind,
            title,
            date,
            url,
            lang,
            dir,
            publisher: self.opt_object(v, "publisher", path, Self::publisher),
            image: self.opt_object(v, "image", path, Self::image),
            summary: self.opt_object(v, "summary", path, Self::summary),
            quotes: self.list(v, "quotes", path, Self::quote),
            sections: self.list(v, "sections", path, Self::section),
            related: self.list(v, "related", path, Self::related),
            tags: self.list(v, "tags", path, Self::tag),
            labels: self.labels(v, "labels", path),
        })
    }

    /// A publisher: `{name, url?, logo?}`.
    #[inline(never)] // see `list`
    fn publisher(&mut self, v: &Value, p: &Path) -> Publisher {
        Publisher {
            name: self.req_string(v, "name", p, MAX_SHORT_CHARS),
            url: self.opt_url(v, "url", p, UrlUse::Link),
            logo: self.opt_url(v, "logo", p, UrlUse::Resource),
        }
    }

    /// An image: `{src, alt, caption?}` (`alt` may be `""`, for a decorative image).
    #[inline(never)] // see `list`
    fn image(&mut self, v: &Value, p: &Path) -> Image {
        Image {
            src: self.req_url(v, "src", p, UrlUse::Resource),
            alt: self
                .required(v, "alt", p, "is required (use \"\" for a decorative image)")
                .and_then(|a| self.string(a, &Path::Key(p, "alt"), MAX_SHORT_CHARS, false))
                .unwrap_or_default(),
            caption: self.opt_string(v, "caption", p, MAX_SHORT_CHARS),
        }
    }

    /// A summary: `{heading?, paragraphs}`.
    #[inline(never)] // see `list`
    fn summary(&mut self, v: &Value, p: &Path) -> Summary {
        Summary { heading: self.opt_string(v, "heading", p, MAX_SHORT_CHARS), paragraphs: self.list(v, "paragraphs", p, Self::paragraph) }
    }

    /// A quote: `{text, author, role?, url?}`.
    fn quote(&mut self, v: &Value, p: &Path) -> Option<Quote> {
        if !self.object(v, p) {
            return None;
        }
        Some(Quote {
            text: self.required(v, "text", p, "is required").and_then(|t| self.paragraph(t, &Path::Key(p, "text"))).unwrap_or_default(),
            author: self.req_string(v, "author", p, MAX_SHORT_CHARS),
            role: self.opt_string(v, "role", p, MAX_SHORT_CHARS),
            url: self.opt_url(v, "url", p, UrlUse::Link),
        })
    }

    /// A section: `{heading, paragraphs}`.
    fn section(&mut self, v: &Value, p: &Path) -> Option<Section> {
        if !self.object(v, p) {
            return None;
        }
        Some(Section { heading: self.req_string(v, "heading", p, MAX_SHORT_CHARS), paragraphs: self.list(v, "paragraphs", p, Self::paragraph) })
    }

    /// A related item: `{title, url, author?, date?, kind?}`.
    fn related(&mut self, v: &Value, p: &Path) -> Option<Related> {
        if !self.object(v, p) {
            return None;
        }
        Some(Related {
            title: self.req_string(v, "title", p, MAX_SHORT_CHARS),
            url: self.req_url(v, "url", p, UrlUse::Link),
            author: self.opt_string(v, "author", p, MAX_SHORT_CHARS),
            date: self.opt_date(v, "date", p),
            kind: self.opt_string(v, "kind", p, MAX_SHORT_CHARS),
        })
    }

    /// A tag: `{label, url?}`.
    fn tag(&mut self, v: &Value, p: &Path) -> Option<Tag> {
        if !self.object(v, p) {
            return None;
        }
        Some(Tag { label: self.req_string(v, "label", p, MAX_SHORT_CHARS), url: self.opt_url(v, "url", p, UrlUse::Link) })
    }

    /// An optional object field, read by `read`: `None` when absent (or not an object, reported).
    fn opt_object<T>(&mut self, parent: &Value, key: &str, path: &Path, read: impl FnOnce(&mut Self, &Value, &Path) -> T) -> Option<T> {
        let v = Self::field(parent, key)?;
        let path = Path::Key(path, key);
        if !self.object(v, &path) {
            return None;
        }
        Some(read(self, v, &path))
    }

    /// A paragraph: a plain string, or an array of runs (strings or `{text, href?, strong?, em?}`).
    fn paragraph(&mut self, v: &Value, path: &Path) -> Option<Paragraph> {
        match v {
            // One plain run, read as such (not a second Run literal).
            Value::String(_) => self.run(v, path).map(|run| vec![run]),
            Value::Array(runs) => {
                if !self.max_len(runs.len(), MAX_ITEMS, path) {
                    return None;
                }
                Some(self.each(runs, path, &mut Self::run))
            }
            other => {
                self.wrong_type(path, "a string or an array of runs", other);
                None
            }
        }
    }

    fn run(&mut self, v: &Value, path: &Path) -> Option<Run> {
        match v {
            Value::String(_) => {
                let text = self.string(v, path, MAX_TEXT_CHARS, false)?;
                Some(Run { text, href: None, strong: false, em: false })
            }
            Value::Object(_) => Some(Run {
                text: self
                    .required(v, "text", path, "is required")
                    .and_then(|t| self.string(t, &Path::Key(path, "text"), MAX_TEXT_CHARS, false))
                    .unwrap_or_default(),
                href: self.opt_url(v, "href", path, UrlUse::Link),
                strong: self.opt_bool(v, "strong", path),
                em: self.opt_bool(v, "em", path),
            }),
            other => {
                self.wrong_type(path, "a string or a run object", other);
                None
            }
        }
    }

    fn opt_date(&mut self, parent: &Value, key: &str, path: &Path) -> Option<BriefDate> {
        let v = Self::field(parent, key)?;
        let path = Path::Key(path, key);
        let date = parse_date(trim(self.str(v, &path, 64, false)?));
        if date.is_none() {
            self.report(&path, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2023-06-13T09:30:00Z)");
        }
        date
    }
}

/// `YYYY-MM-DD`, or an RFC 3339 date-time `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
pub fn parse_date(s: &str) -> Option<BriefDate> {
    let b = s.as_bytes();
    // The date, or the date and time (then fraction and offset).
    let (head, rest) = b.split_at_checked(if b.len() > 10 { 19 } else { 10 })?;
    // The fractional seconds: the length of the dot and its digits, 0 for none.
    let mut frac = 0;
    if rest.first() == Some(&b'.') {
        // (A plain loop: `take_while(…).count()` costs a `try_fold` of its own.)
        frac = 1;
        while rest.get(frac).is_some_and(u8::is_ascii_digit) {
            frac += 1;
        }
        if frac == 1 {
            return None;
        }
    }
    // The offset: none after a date (nothing follows it), `Z` or `±HH:MM` after a time.
    let date_only = head.len() == 10;
    let (zone, zone_shape): (&[u8], &[u8]) = match rest.get(frac..).unwrap_or_default() {
        [b'+' | b'-', offset @ ..] => (offset, b"00:00"),
        zone => (zone, if date_only { b"" } else { b"Z" }),
    };
    // Year, month, day, hours, minutes, seconds (0 for a date), and the offset's hours and minutes.
    let (mut n, mut offset) = ([0; 6], [0; 2]);
    if !read_shape(head, if date_only { b"0000-00-00" } else { b"0000-00-00T00:00:00" }, &mut n) || !read_shape(zone, zone_shape, &mut offset) {
        return None;
    }
    let [year, month, day, hours, minutes, seconds] = n;
    let [offset_hours, offset_minutes] = offset;
    if month > 12 || hours > 23 || minutes > 59 || seconds > 59 || offset_hours > 23 || offset_minutes > 59 {
        return None;
    }
    // Divisible by 4, and by 400 if by 100 (then by 16 is the same).
    let leap = (year & if year % 100 == 0 { 15 } else { 3 }) == 0;
    // Each month's days past 28, two bits a month from bit 2 (January) on:
    // a constant, not a table in memory with its bounds check (-4 B gzip).
    // The month is at most 12 by now, so the shift stays in range.
    const PAST_28: u32 = 0x3bb_eecc;
    let days_in_month = 28 + (PAST_28 >> (2 * month) & 3) + u32::from(month == 2 && leap);
    if month == 0 || day == 0 || day > days_in_month {
        return None;
    }
    // What HTML's `<time datetime>` accepts: upper-case `T` and `Z` (all
    // of `s` is ASCII by now), at most three digits of fractional seconds.
    let (keep, cut) = (head.len() + frac.min(4), head.len() + frac);
    let mut iso = cat(&[s.get(..keep).unwrap_or_default(), s.get(cut..).unwrap_or_default()]);
    iso.make_ascii_uppercase();
    Some(BriefDate { iso, year: year as u16, month: month as u8, day: day as u8 })
}

/// Whether `b` has the shape `shape`, where `0` stands for a digit, `T`
/// for `T` or `t`, `Z` for `Z` or `z` and any other byte for itself; the
/// numbers of the runs of digits go into `numbers`, in order. One pattern
/// and one pass, instead of a check per separator and digit and a second
/// pass for the numbers.
fn read_shape(b: &[u8], shape: &[u8], numbers: &mut [u32]) -> bool {
    if b.len() != shape.len() {
        return false;
    }
    let mut at = 0;
    for (&want, &got) in shape.iter().zip(b) {
        if want != b'0' {
            if got.to_ascii_uppercase() != want {
                return false;
            }
            at += 1;
        } else if let (true, Some(n)) = (got.is_ascii_digit(), numbers.get_mut(at)) {
            *n = *n * 10 + u32::from(got - b'0');
        } else {
            return false;
        }
    }
    true
}

/// The number of characters in `s`: the bytes that start one (not UTF-8
/// continuation bytes `10xxxxxx`).
fn char_count(s: &str) -> usize {
    let mut n = 0;
    for &b in s.as_bytes() {
        n += usize::from(b & 0xC0 != 0x80);
    }
    n
}

/// A loose BCP 47 check: a 2–8 letter primary subtag, then 1–8 character subtags.
fn is_language_tag(s: &str) -> bool {
    // One pass over the bytes: `len` counts the current subtag, `primary`
    // says whether it is the first; each '-' closes one, and the last is
    // closed after the loop (chaining a final '-' onto `bytes()` cost the
    // module an iterator of its own).
    let fits = |len: usize, primary: bool| (if primary { 2 } else { 1 }..=8).contains(&len);
    let (mut len, mut primary) = (0, true);
    for &b in s.as_bytes() {
        if b == b'-' {
            if !fits(len, primary) {
                return false;
            }
            (len, primary) = (0, false);
        } else if b.is_ascii_alphabetic() || (!primary && b.is_ascii_digit()) {
            len += 1;
        } else {
            return false;
        }
    }
    fits(len, primary)
}

#[cfg(test)]
mod tests {
    use super::{describe, is_language_tag, parse_date, parse_document, Problem};

    #[test]
    fn language_tags_are_checked_subtag_by_subtag() {
        // The rule as written: the one-pass check must agree with it.
        let rule = |s: &str| {
            let mut parts = s.split('-');
            let primary = parts.next().unwrap_or("");
            (2..=8).contains(&primary.len())
                && primary.bytes().all(|b| b.is_ascii_alphabetic())
                && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        };
        let pieces = ["", "-", "e", "en", "EN", "abcdefgh", "abcdefghi", "1", "419", "x", "Latn", "12345678", "123456789", "é", "_", " "];
        for a in pieces {
            for b in pieces {
                for c in ["", "-", "-x", "--", "-1a"] {
                    let tag = [a, b, c].concat();
                    assert_eq!(is_language_tag(&tag), rule(&tag), "{tag:?}");
                    let tag = [a, "-", b, c].concat();
                    assert_eq!(is_language_tag(&tag), rule(&tag), "{tag:?}");
                }
            }
        }
        assert!(is_language_tag("pt-BR") && is_language_tag("zh-Hant-TW") && is_language_tag("es-419"));
        assert!(!is_language_tag("not a tag") && !is_language_tag("e") && !is_language_tag("en-") && !is_language_tag("1en"));
    }

    #[test]
    fn describe_writes_each_problem_as_its_line() {
        let problems = parse_document(r#"{"title": " ", "tags": [1], "related": [{"title": "r", "url": "javascript:x"}]}"#).unwrap_err();
        let lines: Vec<String> = problems.iter().map(Problem::line).collect();
        assert_eq!(describe(&problems), lines.join("\n"));
        assert_eq!(lines[1..], ["related[0].url: scheme \"javascript\" is not allowed", "tags[0]: expected an object, found a number"]);
        let root = parse_document("[]").unwrap_err();
        assert_eq!((describe(&root), root[0].line()), ("a feed needs at least one brief".into(), "a feed needs at least one brief".into()));
        assert_eq!(describe(&[]), "");
    }

    #[test]
    fn dates_check_every_part() {
        let ymd = |s: &str| parse_date(s).map(|d| (d.year, d.month, d.day));
        assert_eq!(ymd("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(ymd("2024-12-31"), Some((2024, 12, 31)));
        assert_eq!(ymd("2023-04-30T23:59:59+23:59"), Some((2023, 4, 30)));
        for bad in [
            "1900-02-29", "2023-04-31", "2023-00-10", "2023-13-10", "2023-01-00", "2023-01-1", "2023/01/10", "2023-01-10 ",
            "2023-01-10T", "2023-01-10T09:30", "2023-01-10T24:00:00Z", "2023-01-10T09:60:00Z", "2023-01-10T09:30:60Z",
            "2023-01-10T09:30:00.Z", "2023-01-10T09:30:00+24:00", "2023-01-10T09:30:00+23:60", "2023-01-10T09:30:00+0100",
            "2023-01-10T09:30:00+01:00:00", "2023-01-10T09:30:00ZZ", "2023-01-10X09:30:00Z", "２０２３-01-10", "+023-01-10",
        ] {
            assert_eq!(ymd(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_month_has_its_days() {
        for year in [1900, 2000, 2023, 2024] {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            for (month, days) in [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].into_iter().enumerate() {
                let date = |day: u32| parse_date(&format!("{year}-{:02}-{day:02}", month + 1)).is_some();
                assert!(date(1) && date(days) && !date(days + 1) && !date(0), "{year}-{}", month + 1);
            }
        }
    }

    #[test]
    fn date_times_keep_at_most_three_fraction_digits_in_upper_case() {
        let iso = |s: &str| parse_date(s).map(|d| d.iso);
        assert_eq!(iso("2023-06-13").as_deref(), Some("2023-06-13"));
        assert_eq!(iso("2023-06-13t09:30:00z").as_deref(), Some("2023-06-13T09:30:00Z"));
        assert_eq!(iso("2023-06-13T09:30:00.12-05:30").as_deref(), Some("2023-06-13T09:30:00.12-05:30"));
        assert_eq!(iso("2023-06-13T09:30:00.123456789+01:00").as_deref(), Some("2023-06-13T09:30:00.123+01:00"));
    }
}
