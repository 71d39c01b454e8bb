//! The site (`brief-card site`): a folder of briefs made into a folder any
//! static host can serve, for newsletters and the editors that embed links.
//!
//! ```text
//! index.html              the briefs, newest first, linking to the feeds
//! feed.xml  feed.json     an Atom feed and a JSON Feed 1.1
//! sitemap.xml             the index and every brief's page
//! NAME/index.html         the brief's page (`render::page`), advertising its oEmbed
//! NAME/embed.html         the card alone, for the oEmbed iframe
//! NAME/oembed.json        oEmbed 1.0, type "rich"
//! brief-card.js, pkg/…    the element and the wasm (the caller's assets, as given)
//! ```
//!
//! Each brief gets a folder, so its address is `BASE/NAME/` on any host
//! (no `.html` to hide) and the embed page and oEmbed JSON sit beside it.
//! `NAME` is the brief's `id`, else its file's name (with `-2`, `-3`… for
//! the briefs of a feed that have no id), in the characters a URL path
//! keeps as they are. Two briefs with the same name, compared without case
//! (as macOS and Windows file systems and many hosts compare), are a
//! problem, as is a name the site itself uses (`pkg`, `feed.xml`, …).
//!
//! Every URL written is absolute, from the base URL: feed readers and
//! oEmbed consumers read these files away from the site. Only the pages'
//! script, `../brief-card.js`, is relative, so a page works wherever its
//! folder is served from.
//!
//! Pure: documents in, files (relative path, bytes) out. Reading the
//! briefs and writing the folder are the binary's.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use serde_json::{json, Value};

use super::page::{self, description, is_absolute_http};
use super::{escape, fragment};
use crate::format::Problem;
use crate::validate::model::{Brief, BriefDate, Document};
use crate::validate::options::{LinkTarget, Options};

/// The site's own files and folders at its root: no brief may be named so.
const RESERVED: [&str; 7] = ["index.html", "feed.xml", "feed.json", "sitemap.xml", "brief-card.js", "pkg", "embed.html"];

/// The width of the embedded card when the consumer sets no `maxwidth`: a
/// blog or newsletter column (the card itself is at most 45em wide).
pub const EMBED_WIDTH: u32 = 600;

/// The narrowest width the height estimate assumes (the card has a layout
/// for 320 px screens; a narrower frame just scrolls).
const MIN_WIDTH: u32 = 280;

/// How long a consumer may keep an oEmbed answer, in seconds (a day).
pub const CACHE_AGE: u32 = 86_400;

/// One input file, loaded: its name as the reader wrote it (for problems)
/// and what it holds.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file, e.g. `briefs/a.json`; its name without extension names
    /// the briefs that have no `id`.
    pub file: String,
    /// The brief, or the feed whose briefs each get a page.
    pub doc: Document,
}

/// What a host says about its site.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Settings {
    /// The absolute http(s) URL the site is served from (a `/` is added
    /// when the path does not end with one).
    pub base_url: String,
    /// Who publishes the site: oEmbed's `provider_name`, the index's and
    /// the feeds' title.
    pub provider_name: String,
    /// An RFC 3339 date-time for the `updated` of briefs that have no date
    /// (the time of the build; a parameter, so output is reproducible).
    pub now: String,
    /// How to render the cards (theme, layout, …).
    pub options: Options,
}

impl Settings {
    /// A site served from `base_url`, published by `provider_name`, built
    /// at `now`, its cards rendered with the default options.
    pub fn new(base_url: impl Into<String>, provider_name: impl Into<String>, now: impl Into<String>) -> Settings {
        Settings { base_url: base_url.into(), provider_name: provider_name.into(), now: now.into(), options: Options::default() }
    }
}

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative to the site's root, with `/` between folders.
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// A problem in one of the input files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file, as in [`Source::file`].
    pub file: String,
    /// Where in it, and what.
    pub problem: Problem,
}

/// `briefs/a.json: related[2].url: scheme "javascript" is not allowed`
impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

/// One brief of the site, with where it came from and its name.
struct Entry<'a> {
    file: &'a str,
    /// The JSON path of the brief in its file: `""`, or `[2]` in a feed.
    at: String,
    brief: &'a Brief,
    name: String,
    /// Whether the name came from the brief's `id` (else from the file name).
    from_id: bool,
}

impl Entry<'_> {
    fn page_url(&self, base: &str) -> String {
        format!("{base}{}/", self.name)
    }
}

/// The whole site for `sources`, with `assets` (the element and the wasm,
/// as the caller read them) at their paths. Problems: names that two
/// briefs (or a brief and the site) would share.
pub fn build(sources: &[Source], assets: Vec<File>, settings: &Settings) -> Result<Vec<File>, Vec<FileProblem>> {
    let base = with_slash(&settings.base_url);
    let mut entries = entries(sources);
    let reserved: Vec<String> = RESERVED.iter().map(|r| r.to_string()).chain(assets.iter().filter_map(|a| a.path.split('/').next().map(str::to_owned))).collect();
    check_names(&entries, &reserved)?;
    // Newest first; undated briefs last; then by name, so the order is stable.
    entries.sort_by(|a, b| (Reverse(date_key(a.brief)), &a.name).cmp(&(Reverse(date_key(b.brief)), &b.name)));

    let mut files = Vec::with_capacity(entries.len() * 3 + 4 + assets.len());
    for e in &entries {
        let page_url = e.page_url(&base);
        let oembed_url = format!("{page_url}oembed.json");
        let discovery = discovery_link(&oembed_url, &e.brief.title);
        let doc = Document::One(e.brief.clone());
        let html = page::page_with(&doc, &settings.options, "../brief-card.js", &discovery);
        files.push(text_file(format!("{}/index.html", e.name), html));
        files.push(text_file(format!("{}/embed.html", e.name), embed_page(e.brief, &page_url, &discovery, &settings.options)));
        let request = Embed { page_url: &page_url, provider_name: &settings.provider_name, provider_url: &base, maxwidth: None, maxheight: None };
        files.push(json_file(format!("{}/oembed.json", e.name), &oembed(e.brief, &request)));
    }
    files.push(text_file("index.html".into(), index_page(&entries, &base, settings)));
    files.push(File { path: "feed.xml".into(), bytes: atom(&entries, &base, settings) });
    files.push(json_file("feed.json".into(), &json_feed(&entries, &base, settings)));
    files.push(File { path: "sitemap.xml".into(), bytes: sitemap(&entries, &base) });
    files.extend(assets);
    Ok(files)
}

/// Every brief of every source, named.
fn entries(sources: &[Source]) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for s in sources {
        let stem = std::path::Path::new(&s.file).file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let feed = matches!(s.doc, Document::Feed(_));
        for (i, brief) in s.doc.briefs().iter().enumerate() {
            let from_id = brief.id.as_deref().and_then(url_name);
            let from_file = || {
                let base = url_name(&stem).unwrap_or_else(|| "brief".into());
                if feed { format!("{base}-{}", i + 1) } else { base }
            };
            entries.push(Entry {
                file: &s.file,
                at: if feed { format!("[{i}]") } else { String::new() },
                brief,
                from_id: from_id.is_some(),
                name: from_id.unwrap_or_else(from_file),
            });
        }
    }
    entries
}

/// `s` in the characters a URL path and every file system keep as they
/// are (ASCII letters, digits, `-`, `_`, `.`), each run of others as one
/// `-`, without leading dots (no hidden files, no `..`) or dashes; `None`
/// when nothing is left.
fn url_name(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let name = out.trim_start_matches(['.', '-']).trim_end_matches('-');
    Some(name.to_owned()).filter(|n| !n.is_empty())
}

/// Every brief whose name is taken, by an earlier brief or by the site.
fn check_names(entries: &[Entry], reserved: &[String]) -> Result<(), Vec<FileProblem>> {
    let mut taken: HashMap<String, &Entry> = HashMap::new();
    let mut problems = Vec::new();
    for e in entries {
        let key = e.name.to_lowercase();
        let path = if e.from_id { format!("{}.id", e.at).trim_start_matches('.').to_owned() } else { e.at.clone() };
        let whose = if e.from_id { "its id" } else { "its file name" };
        if reserved.iter().any(|r| r.eq_ignore_ascii_case(&key)) {
            let message = format!("its page would be named \"{}\" (from {whose}), a name the site itself uses; give the brief another id", e.name);
            problems.push(FileProblem { file: e.file.into(), problem: Problem::new(path, message) });
        } else if let Some(first) = taken.get(&key) {
            let other = if first.at.is_empty() { first.file.to_owned() } else { format!("{} {}", first.file, first.at) };
            let message = format!("its page would be named \"{}\" (from {whose}), as is the page of {other}; give one of them another id", e.name);
            problems.push(FileProblem { file: e.file.into(), problem: Problem::new(path, message) });
        } else {
            taken.insert(key, e);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The brief's date for ordering: the calendar day, then the written time.
fn date_key(b: &Brief) -> Option<(u16, u8, u8, &str)> {
    b.date.as_ref().map(|d| (d.year, d.month, d.day, d.iso.as_str()))
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.into()
    } else {
        format!("{url}/")
    }
}

fn text_file(path: String, text: String) -> File {
    File { path, bytes: text.into_bytes() }
}

fn json_file(path: String, value: &Value) -> File {
    // Serialising a Value into memory cannot fail.
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    File { path, bytes }
}

/// `<link rel="alternate" type="application/json+oembed">`: how WordPress,
/// Ghost and other consumers find the oEmbed of a pasted link.
fn discovery_link(oembed_url: &str, title: &str) -> String {
    let mut out = String::from("<link rel=\"alternate\" type=\"application/json+oembed\"");
    super::html::write_attr(&mut out, "href", oembed_url);
    super::html::write_attr(&mut out, "title", title);
    out.push_str(">\n");
    out
}

/// The card alone, for the oEmbed iframe: no page around it, no margins,
/// links opening outside the frame (the frame's sandbox lets them).
fn embed_page(b: &Brief, page_url: &str, discovery: &str, options: &Options) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!doctype html>\n<html");
    super::html::write_attr(&mut out, "lang", &b.lang);
    super::html::write_attr(&mut out, "dir", b.dir.as_str());
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // The page is the one to index; the embed is a part of other pages.
    out.push_str("<meta name=\"robots\" content=\"noindex\">\n<title>");
    escape::text(&mut out, &b.title);
    out.push_str("</title>\n<link rel=\"canonical\"");
    super::html::write_attr(&mut out, "href", page_url);
    out.push_str(">\n");
    out.push_str(discovery);
    out.push_str("<style>html,body{margin:0;padding:0;background:transparent}brief-card{display:block}</style>\n</head>\n<body>\n");
    let options = Options { link_target: LinkTarget::Blank, ..options.clone() };
    page::card_element(&mut out, &Document::One(b.clone()), &options);
    out.push_str("\n<script type=\"module\" src=\"../brief-card.js\"></script>\n</body>\n</html>\n");
    out
}

/// What an oEmbed consumer asked for (the `url`, `maxwidth` and
/// `maxheight` of its request) and who answers.
#[derive(Debug, Clone)]
pub struct Embed<'a> {
    /// The brief's page, as `brief-card site` publishes it (`BASE/NAME/`).
    pub page_url: &'a str,
    /// oEmbed's `provider_name`.
    pub provider_name: &'a str,
    /// oEmbed's `provider_url`.
    pub provider_url: &'a str,
    /// The widest the embed may be.
    pub maxwidth: Option<u32>,
    /// The tallest the embed may be (the card then scrolls inside its frame).
    pub maxheight: Option<u32>,
}

/// The embed page of the brief whose page is `page_url`: `embed.html` in
/// the page's folder (`…/NAME/`, `…/NAME/index.html` or `…/NAME`).
pub fn embed_url(page_url: &str) -> String {
    let page = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let folder = page.strip_suffix("index.html").unwrap_or(page);
    format!("{}embed.html", with_slash(folder))
}

/// The oEmbed 1.0 answer (type `rich`) for `b`: an `<iframe>` of its
/// embed page, then a `<blockquote>` linking to its page, which is what a
/// consumer that strips frames (as WordPress and Ghost do for providers
/// they do not know) keeps. The brief's image is the thumbnail when its
/// size is given and it fits `maxwidth` and `maxheight` (oEmbed wants
/// `thumbnail_url`, `_width` and `_height` together, and a thumbnail within
/// the consumer's bounds; the image cannot be scaled here).
pub fn oembed(b: &Brief, request: &Embed) -> Value {
    let width = request.maxwidth.map_or(EMBED_WIDTH, |max| max.min(EMBED_WIDTH));
    let height = request.maxheight.map_or(estimate_height(b, width), |max| max.min(estimate_height(b, width)));
    let author = byline(b);
    let author_url = b.authors.first().and_then(|a| a.url.as_deref()).or(b.publisher.as_ref().and_then(|p| p.url.as_deref())).filter(|u| is_absolute_http(u));
    let fits = |size: u32, max: Option<u32>| max.is_none_or(|max| size <= max);
    let thumbnail = b
        .image
        .as_ref()
        .filter(|i| is_absolute_http(&i.src))
        .and_then(|i| Some((i.src.as_str(), i.width?, i.height?)))
        .filter(|&(_, w, h)| fits(w, request.maxwidth) && fits(h, request.maxheight));
    let mut html = String::new();
    html.push_str("<iframe");
    for (name, value) in [
        ("src", embed_url(request.page_url).as_str()),
        ("width", &width.to_string()),
        ("height", &height.to_string()),
        ("title", &b.title),
        ("loading", "lazy"),
        // The card's module needs scripts, and the site's own origin (it
        // fetches the wasm); links open in a new, unsandboxed tab.
        ("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"),
        ("style", "border:0;max-width:100%"),
    ] {
        super::html::write_attr(&mut html, name, value);
    }
    html.push_str("></iframe><blockquote");
    super::html::write_attr(&mut html, "cite", request.page_url);
    super::html::write_attr(&mut html, "lang", &b.lang);
    super::html::write_attr(&mut html, "dir", b.dir.as_str());
    html.push_str("><p><a");
    super::html::write_attr(&mut html, "href", request.page_url);
    html.push('>');
    escape::text(&mut html, &b.title);
    html.push_str("</a></p>");
    if let Some(a) = &author {
        html.push_str("<p>— ");
        escape::text(&mut html, a);
        html.push_str("</p>");
    }
    html.push_str("</blockquote>");
    page::without_nulls(json!({
        "version": "1.0",
        "type": "rich",
        "title": b.title,
        "author_name": author,
        "author_url": author.as_ref().and(author_url),
        "provider_name": request.provider_name,
        "provider_url": request.provider_url,
        "cache_age": CACHE_AGE,
        "thumbnail_url": thumbnail.map(|t| t.0),
        "thumbnail_width": thumbnail.map(|t| t.1),
        "thumbnail_height": thumbnail.map(|t| t.2),
        "html": html,
        "width": width,
        "height": height,
    }))
}

/// The byline: the authors' names joined, else the publisher's name.
fn byline(b: &Brief) -> Option<String> {
    if b.authors.is_empty() {
        b.publisher.as_ref().map(|p| p.name.clone())
    } else {
        Some(b.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "))
    }
}

/// The height of the full static card at `width` CSS pixels, estimated
/// from its text (the frame needs a height before anything renders;
/// oEmbed has no way to say "as tall as it gets"). Rough on purpose: a
/// line of body text holds about one character per 9 px and is 27 px tall.
fn estimate_height(b: &Brief, width: u32) -> u32 {
    let inner = width.max(MIN_WIDTH).saturating_sub(64);
    let lines = |chars: usize, px_per_char: u32| (chars as u32 * px_per_char).div_ceil(inner.max(1)).max(1);
    let para = |p: &Vec<crate::validate::model::Run>| lines(p.iter().map(|r| r.text.chars().count()).sum(), 9) * 27 + 16;
    let mut h = 64 + 28; // padding, eyebrow and date
    h += lines(b.title.chars().count(), 16) * 36 + 16;
    if b.publisher.is_some() || !b.authors.is_empty() {
        h += 32;
    }
    if b.image.is_some() {
        h += inner * 9 / 16 + 36;
    }
    if let Some(s) = &b.summary {
        h += 40 + s.paragraphs.iter().map(para).sum::<u32>();
    }
    if !b.quotes.is_empty() {
        h += 40 + b.quotes.iter().map(|q| para(&q.text) + 64).sum::<u32>();
    }
    h += b.sections.iter().map(|s| 56 + s.paragraphs.iter().map(para).sum::<u32>()).sum::<u32>();
    if !b.related.is_empty() {
        h += 40 + 64 * b.related.len() as u32;
    }
    if !b.tags.is_empty() {
        let chars: usize = b.tags.iter().map(|t| t.label.chars().count() + 4).sum();
        h += 40 + lines(chars, 9) * 36;
    }
    if b.url.is_some() {
        h += 80;
    }
    h.clamp(160, 4000)
}

/// The index: every brief's title, kind, date and description, newest first.
fn index_page(entries: &[Entry], base: &str, settings: &Settings) -> String {
    let title = &settings.provider_name;
    let lang = most_common_lang(entries);
    let mut out = String::with_capacity(4096 + entries.len() * 512);
    out.push_str("<!doctype html>\n<html");
    super::html::write_attr(&mut out, "lang", lang);
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape::text(&mut out, title);
    out.push_str("</title>\n<link rel=\"canonical\"");
    super::html::write_attr(&mut out, "href", base);
    out.push_str(">\n");
    for (ty, file) in [("application/atom+xml", "feed.xml"), ("application/feed+json", "feed.json")] {
        out.push_str("<link rel=\"alternate\"");
        super::html::write_attr(&mut out, "type", ty);
        super::html::write_attr(&mut out, "href", &format!("{base}{file}"));
        super::html::write_attr(&mut out, "title", title);
        out.push_str(">\n");
    }
    out.push_str(INDEX_STYLE);
    out.push_str("</head>\n<body>\n<main>\n<h1>");
    escape::text(&mut out, title);
    out.push_str("</h1>\n<ol class=\"briefs\">\n");
    for e in entries {
        let b = e.brief;
        out.push_str("<li");
        super::html::write_attr(&mut out, "lang", &b.lang);
        super::html::write_attr(&mut out, "dir", b.dir.as_str());
        out.push('>');
        if b.kind.is_some() || b.date.is_some() {
            out.push_str("<p class=\"meta\">");
            if let Some(k) = &b.kind {
                escape::text(&mut out, k);
            }
            if let Some(d) = &b.date {
                if b.kind.is_some() {
                    out.push_str(" · ");
                }
                out.push_str("<time");
                super::html::write_attr(&mut out, "datetime", &d.iso);
                out.push('>');
                let locale = settings.options.locale.as_deref().unwrap_or(&b.lang);
                escape::text(&mut out, &super::dates::icu(d, locale));
                out.push_str("</time>");
            }
            out.push_str("</p>");
        }
        out.push_str("<h2><a");
        super::html::write_attr(&mut out, "href", &format!("{}/", e.name));
        out.push('>');
        escape::text(&mut out, &b.title);
        out.push_str("</a></h2>");
        if let Some(d) = description(b) {
            out.push_str("<p>");
            escape::text(&mut out, &d);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n<p class=\"feeds\"><a href=\"feed.xml\">Atom feed</a> · <a href=\"feed.json\">JSON Feed</a></p>\n</main>\n</body>\n</html>\n");
    out
}

const INDEX_STYLE: &str = "<style>body{margin:0;padding:24px 16px 48px;background:#f3f4f6;color:#1a1d23;\
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5}\
main{max-width:760px;margin:0 auto}h1{font-size:28px;line-height:1.2}ol{list-style:none;margin:0;padding:0}\
li{margin:0 0 16px;padding:16px 20px;background:#fff;border:1px solid #d8dbe0;border-radius:8px}\
h2{margin:0 0 8px;font-size:20px;line-height:1.3}a{color:#1d4ed8}.meta{margin:0 0 4px;font-size:14px;color:#4b5563}\
li>p:last-child{margin-bottom:0}\
@media (prefers-color-scheme:dark){body{background:#0e1014;color:#eceef2}li{background:#16191f;border-color:#2b3038}a{color:#93b4ff}.meta{color:#a3aab5}}</style>\n";

/// The language most briefs are in (the first of equals), for the index's `lang`.
fn most_common_lang<'a>(entries: &[Entry<'a>]) -> &'a str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in entries {
        match counts.iter_mut().find(|(l, _)| *l == e.brief.lang) {
            Some((_, n)) => *n += 1,
            None => counts.push((&e.brief.lang, 1)),
        }
    }
    // max_by_key keeps the last of equals; reversing first keeps the first.
    counts.into_iter().rev().max_by_key(|&(_, n)| n).map_or("en", |(l, _)| l)
}

/// A date as RFC 3339 (Atom, JSON Feed): a plain date is midnight UTC.
fn rfc3339(d: &BriefDate) -> String {
    if d.iso.len() == 10 {
        format!("{}T00:00:00Z", d.iso)
    } else {
        d.iso.clone()
    }
}

/// When the brief last changed, for the feeds: `updated`, else `date`, else the build.
fn updated(b: &Brief, now: &str) -> String {
    b.updated.as_ref().or(b.date.as_ref()).map_or_else(|| now.to_owned(), rfc3339)
}

/// The static card for a feed reader: the fragment, URLs already absolute
/// (the briefs are read against the base URL), no script.
fn content_html(b: &Brief, options: &Options) -> String {
    fragment(&Document::One(b.clone()), &Options { email: false, ..options.clone() }, super::dates::icu)
}

/// Text XML 1.0 can hold: it has no escape for most C0 controls (a brief
/// may hold them; HTML output turns them into text), so they are dropped,
/// as are U+FFFE and U+FFFF. Escaping itself is quick-xml's.
fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}');
    if s.chars().all(allowed) {
        s.into()
    } else {
        s.chars().filter(|&c| allowed(c)).collect::<String>().into()
    }
}

type Xml = Writer<Vec<u8>>;

/// The document's bytes, with a final line break.
fn finish(written: bool, w: Xml) -> Vec<u8> {
    debug_assert!(written, "writing into a Vec cannot fail");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn xml_writer() -> Xml {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    w
}

/// `<name>text</name>`, the text escaped.
fn element(w: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name).write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// `<name a="v" …/>`, the values escaped.
fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, std::borrow::Cow<str>)> = attrs.iter().map(|&(k, v)| (k, xml_chars(v))).collect();
    w.create_element(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_ref()))).write_empty()?;
    Ok(())
}

/// The Atom feed (RFC 4287): every brief, with its page as the link, its
/// description as the summary and its static card as the content.
fn atom(entries: &[Entry], base: &str, settings: &Settings) -> Vec<u8> {
    let now = settings.now.as_str();
    let feed_updated = entries.iter().map(|e| updated(e.brief, now)).max().unwrap_or_else(|| now.to_owned());
    let mut w = xml_writer();
    let written = w.create_element("feed").with_attribute(("xmlns", "http://www.w3.org/2005/Atom")).write_inner_content(|w| {
        element(w, "title", &settings.provider_name)?;
        element(w, "id", base)?;
        element(w, "updated", &feed_updated)?;
        empty(w, "link", &[("rel", "self"), ("type", "application/atom+xml"), ("href", &format!("{base}feed.xml"))])?;
        empty(w, "link", &[("rel", "alternate"), ("type", "text/html"), ("href", base)])?;
        // An entry with no author of its own takes the feed's.
        w.create_element("author").write_inner_content(|w| element(w, "name", &settings.provider_name))?;
        element(w, "generator", "brief-card")?;
        for e in entries {
            let b = e.brief;
            let page_url = e.page_url(base);
            w.create_element("entry").with_attribute(("xml:lang", b.lang.as_str())).write_inner_content(|w| {
                element(w, "title", &b.title)?;
                element(w, "id", &page_url)?;
                empty(w, "link", &[("rel", "alternate"), ("type", "text/html"), ("href", &page_url)])?;
                if let Some(u) = b.url.as_deref().filter(|u| is_absolute_http(u)) {
                    empty(w, "link", &[("rel", "related"), ("type", "text/html"), ("href", u)])?;
                }
                if let Some(d) = &b.date {
                    element(w, "published", &rfc3339(d))?;
                }
                element(w, "updated", &updated(b, now))?;
                let authors: Vec<(&str, Option<&str>)> = if b.authors.is_empty() {
                    b.publisher.iter().map(|p| (p.name.as_str(), p.url.as_deref())).collect()
                } else {
                    b.authors.iter().map(|a| (a.name.as_str(), a.url.as_deref())).collect()
                };
                for (name, uri) in authors {
                    w.create_element("author").write_inner_content(|w| {
                        element(w, "name", name)?;
                        if let Some(u) = uri.filter(|u| is_absolute_http(u)) {
                            element(w, "uri", u)?;
                        }
                        Ok(())
                    })?;
                }
                for t in &b.tags {
                    empty(w, "category", &[("term", &t.label)])?;
                }
                if let Some(d) = description(b) {
                    element(w, "summary", &d)?;
                }
                w.create_element("content").with_attribute(("type", "html")).write_text_content(BytesText::new(&xml_chars(&content_html(b, &settings.options))))?;
                Ok(())
            })?;
        }
        Ok(())
    });
    finish(written.is_ok(), w)
}

/// The JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the same items.
fn json_feed(entries: &[Entry], base: &str, settings: &Settings) -> Value {
    let now = settings.now.as_str();
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            let b = e.brief;
            let page_url = e.page_url(base);
            let authors: Vec<Value> = if b.authors.is_empty() {
                b.publisher.iter().map(|p| json!({ "name": p.name, "url": p.url.as_deref().filter(|u| is_absolute_http(u)) })).collect()
            } else {
                b.authors.iter().map(|a| json!({ "name": a.name, "url": a.url.as_deref().filter(|u| is_absolute_http(u)) })).collect()
            };
            json!({
                "id": page_url,
                "url": page_url,
                "external_url": b.url.as_deref().filter(|u| is_absolute_http(u)),
                "title": b.title,
                "summary": description(b),
                "content_html": content_html(b, &settings.options),
                "image": b.image.as_ref().map(|i| &i.src).filter(|u| is_absolute_http(u)),
                "date_published": b.date.as_ref().map(rfc3339),
                "date_modified": updated(b, now),
                "authors": Some(authors).filter(|a| !a.is_empty()),
                "tags": Some(b.tags.iter().map(|t| t.label.as_str()).collect::<Vec<_>>()).filter(|t| !t.is_empty()),
                "language": b.lang,
            })
        })
        .collect();
    page::without_nulls(json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": settings.provider_name,
        "home_page_url": base,
        "feed_url": format!("{base}feed.json"),
        "language": most_common_lang(entries),
        "authors": [{ "name": settings.provider_name }],
        "items": items,
    }))
}

/// The sitemap (sitemaps.org 0.9): the index and every page (not the
/// embed pages, which are parts of other pages).
fn sitemap(entries: &[Entry], base: &str) -> Vec<u8> {
    let mut w = xml_writer();
    let written = w.create_element("urlset").with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")).write_inner_content(|w| {
        w.create_element("url").write_inner_content(|w| element(w, "loc", base))?;
        for e in entries {
            w.create_element("url").write_inner_content(|w| {
                element(w, "loc", &e.page_url(base))?;
                if let Some(d) = e.brief.updated.as_ref().or(e.brief.date.as_ref()) {
                    element(w, "lastmod", &d.iso)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    });
    finish(written.is_ok(), w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_what_a_url_path_keeps() {
        assert_eq!(url_name("raisi-2023").as_deref(), Some("raisi-2023"));
        assert_eq!(url_name("a:b").as_deref(), Some("a-b"));
        assert_eq!(url_name("..").as_deref(), None);
        assert_eq!(url_name(".hidden").as_deref(), Some("hidden"));
        assert_eq!(url_name("گزارش").as_deref(), None);
        assert_eq!(url_name("my brief (2)").as_deref(), Some("my-brief-2"));
    }

    #[test]
    fn xml_text_loses_only_what_xml_cannot_hold() {
        assert_eq!(xml_chars("a\tb\nc\rd é ✓"), "a\tb\nc\rd é ✓");
        assert_eq!(xml_chars("a\u{0}b\u{1}\u{1f}c\u{fffe}\u{ffff}d"), "abcd");
        // Markup characters are kept here and escaped by quick-xml.
        let mut w = Writer::new(Vec::new());
        element(&mut w, "t", "<a href=\"x\">&amp;</a>'\u{0}").unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "<t>&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;&apos;</t>");
        let mut w = Writer::new(Vec::new());
        empty(&mut w, "l", &[("href", "?a=1&b=\"2\"<")]).unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "<l href=\"?a=1&amp;b=&quot;2&quot;&lt;\"/>");
    }

    #[test]
    fn embed_urls_sit_beside_the_page() {
        assert_eq!(embed_url("https://e.org/b/x/"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x/index.html"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x"), "https://e.org/b/x/embed.html");
        assert_eq!(embed_url("https://e.org/b/x/?utm=1#top"), "https://e.org/b/x/embed.html");
    }

    #[test]
    fn dates_become_rfc3339() {
        let d = crate::validate::parse_date("2023-06-13").unwrap();
        assert_eq!(rfc3339(&d), "2023-06-13T00:00:00Z");
        let d = crate::validate::parse_date("2023-06-13T09:30:00+02:00").unwrap();
        assert_eq!(rfc3339(&d), "2023-06-13T09:30:00+02:00");
    }
}
