//! The standalone page (`brief-card page`): a whole HTML5 document to link
//! to from a newsletter or to publish as is. It carries
//!
//! - the metadata link previews and search engines read: `<title>`, a meta
//!   description, Open Graph and Twitter-card tags, a canonical link, and
//!   schema.org JSON-LD (`NewsArticle` / `AnalysisNewsArticle`, or an
//!   `ItemList` of them for a feed);
//! - the card as a `<brief-card>` element whose content is the brief's JSON
//!   (for the live card to render) and the static fragment (what readers
//!   without script, and crawlers, see; the live card replaces it).
//!
//! JSON goes inside `<script>` elements, where HTML escaping does not apply:
//! [`write_json`] escapes `<`, `>` and `&` as `\u003c`…, so no string in a
//! brief can close the script (`</script>`) or open a comment (`<!--`).

#[allow(unused_imports)]
use crate::prelude::*;

use super::escape;
use alloc::borrow::Cow;

use crate::json::Value;
use crate::view::words::{builtin, Label, KEYS};
use crate::model::{Brief, Document, Paragraph, Run};
use crate::options::{LinkTarget, Options, Theme};
use super::fragment;
use crate::url_policy::{self, UrlUse};

/// Where the page loads the custom element from, unless told otherwise.
pub const DEFAULT_SCRIPT: &str = "brief-card.js";

/// The meta description is cut (at a word) to at most this many characters.
pub const DESCRIPTION_CHARS: usize = 160;

/// The whole page for `doc`, loading the element from [`DEFAULT_SCRIPT`].
pub fn page(doc: &Document, options: &Options) -> String {
    page_with_script(doc, options, DEFAULT_SCRIPT)
}

/// The whole page for `doc`, loading the custom element from `script` (a
/// URL; one the URL policy refuses is replaced by [`DEFAULT_SCRIPT`]).
pub fn page_with_script(doc: &Document, options: &Options, script: &str) -> String {
    let briefs = doc.briefs();
    let first = briefs.first();
    let one = match doc {
        Document::One(b) => Some(b),
        Document::Feed(_) => None,
    };
    let lang = first.map_or("en", |b| b.lang.as_str());
    let feed_label = options.labels.get(Label::Feed).or_else(|| first.and_then(|b| b.labels.get(Label::Feed))).unwrap_or_else(|| builtin(lang, Label::Feed));
    let title = one.map_or(feed_label, |b| b.title.as_str());
    let description = match one {
        Some(b) => description(b),
        None => {
            let titles: Vec<&str> = briefs.iter().map(|b| b.title.as_str()).collect();
            Some(truncate(&squeeze(&titles.join(" · ")), DESCRIPTION_CHARS))
        }
    };

    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!doctype html>\n<html");
    attr(&mut out, "lang", lang);
    attr(&mut out, "dir", first.map_or("ltr", |b| b.dir.as_str()));
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    meta(&mut out, "name", "color-scheme", color_scheme(options.theme));
    out.push_str("<title>");
    escape::text(&mut out, title);
    out.push_str("</title>\n");
    if let Some(d) = &description {
        meta(&mut out, "name", "description", d);
    }
    let url = one.and_then(|b| b.url.as_deref());
    if let Some(u) = url {
        out.push_str("<link rel=\"canonical\"");
        attr(&mut out, "href", u);
        out.push_str(">\n");
    }

    // Open Graph (https://ogp.me) and Twitter cards. Both want absolute URLs.
    meta(&mut out, "property", "og:type", if one.is_some() { "article" } else { "website" });
    meta(&mut out, "property", "og:title", title);
    if let Some(d) = &description {
        meta(&mut out, "property", "og:description", d);
    }
    if let Some(u) = url.filter(|u| is_absolute_http(u)) {
        meta(&mut out, "property", "og:url", u);
    }
    let image = one.and_then(|b| b.image.as_ref()).filter(|i| is_absolute_http(&i.src));
    if let Some(i) = image {
        meta(&mut out, "property", "og:image", &i.src);
        if !i.alt.is_empty() {
            meta(&mut out, "property", "og:image:alt", &i.alt);
        }
    }
    if let Some(p) = first.and_then(|b| b.publisher.as_ref()) {
        meta(&mut out, "property", "og:site_name", &p.name);
    }
    if let Some(b) = one {
        if let Some(d) = &b.date {
            meta(&mut out, "property", "article:published_time", &d.iso);
        }
        if let Some(k) = &b.kind {
            meta(&mut out, "property", "article:section", k);
        }
        for t in &b.tags {
            meta(&mut out, "property", "article:tag", &t.label);
        }
    }
    meta(&mut out, "name", "twitter:card", if image.is_some() { "summary_large_image" } else { "summary" });
    meta(&mut out, "name", "twitter:title", title);
    if let Some(d) = &description {
        meta(&mut out, "name", "twitter:description", d);
    }
    if let Some(i) = image {
        meta(&mut out, "name", "twitter:image", &i.src);
        if !i.alt.is_empty() {
            meta(&mut out, "name", "twitter:image:alt", &i.alt);
        }
    }

    out.push_str("<style>");
    out.push_str(STYLE);
    match options.theme {
        Theme::Light => {}
        Theme::Dark => out.push_str(DARK),
        Theme::Auto => {
            out.push_str("@media (prefers-color-scheme:dark){");
            out.push_str(DARK);
            out.push('}');
        }
    }
    out.push_str("</style>\n<script type=\"application/ld+json\">");
    write_json(&linked_data(doc, feed_label), &mut out);
    out.push_str("</script>\n</head>\n<body>\n<main>\n");
    if one.is_none() {
        out.push_str("<h1 class=\"page-title\"");
        attr(&mut out, "dir", "auto");
        out.push('>');
        escape::text(&mut out, feed_label);
        out.push_str("</h1>\n");
    }

    // The element: its data for the live card, the static card as fallback.
    out.push_str("<brief-card");
    attr(&mut out, "theme", options.theme.as_str());
    attr(&mut out, "layout", options.layout.as_str());
    if let Some(l) = &options.locale {
        attr(&mut out, "locale", l);
    }
    if options.link_target == LinkTarget::Blank {
        attr(&mut out, "link-target", "_blank");
    }
    out.push_str(">\n<script type=\"application/json\">");
    write_json(&document_json(doc), &mut out);
    out.push_str("</script>\n");
    let static_options = Options { email: false, ..options.clone() };
    out.push_str(&fragment(doc, &static_options));
    out.push_str("\n</brief-card>\n</main>\n<script type=\"module\"");
    let src = url_policy::check(script, UrlUse::Resource).unwrap_or_else(|_| DEFAULT_SCRIPT.into());
    attr(&mut out, "src", &src);
    out.push_str("></script>\n</body>\n</html>\n");
    out
}

/// Page layout only: the card styles itself (inline styles, or its shadow root).
const STYLE: &str = "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\
body{margin:0;padding:24px 16px 48px;background:#f3f4f6;color:#1a1d23;\
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5}\
main{display:block;box-sizing:border-box;max-width:760px;margin:0 auto}\
.page-title{margin:0 0 16px;font-size:28px;line-height:1.2}\
brief-card{display:block}";

/// The page around the card, dark.
const DARK: &str = "body{background:#0e1014;color:#eceef2}";

fn color_scheme(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "light dark",
    }
}

/// ` name="value"`, escaped.
fn attr(out: &mut String, name: &str, value: &str) {
    super::html::write_attr(out, name, value);
}

/// `<meta {kind}="{key}" content="{content}">` (`kind` is `name` or `property`).
fn meta(out: &mut String, kind: &str, key: &str, content: &str) {
    out.push_str("<meta");
    attr(out, kind, key);
    attr(out, "content", content);
    out.push_str(">\n");
}

/// An absolute `http(s)` URL (as the URL policy writes them: scheme lower-cased).
fn is_absolute_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// The text of a paragraph, without its markup.
fn plain_text(p: &Paragraph) -> String {
    p.iter().map(|r| r.text.as_str()).collect()
}

/// The brief's description: its first non-blank summary paragraph (else
/// section paragraph), whitespace collapsed, cut at a word.
pub fn description(b: &Brief) -> Option<String> {
    let summary = b.summary.iter().flat_map(|s| s.paragraphs.iter());
    let sections = b.sections.iter().flat_map(|s| s.paragraphs.iter());
    summary.chain(sections).map(|p| squeeze(&plain_text(p))).find(|t| !t.is_empty()).map(|t| truncate(&t, DESCRIPTION_CHARS))
}

/// Collapses every run of whitespace to one space and trims the ends.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `s` if it has at most `max` characters, else its start cut at a word
/// boundary (when there is one in the second half) and ended with `…`.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.into();
    }
    let cut = s.char_indices().nth(max.saturating_sub(1)).map_or(s.len(), |(i, _)| i);
    let mut head = s.get(..cut).unwrap_or(s);
    if let Some((before, _)) = head.rsplit_once(' ').filter(|(before, _)| before.len() >= cut / 2) {
        head = before;
    }
    let mut out = String::from(head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—')));
    out.push('…');
    out
}

/// Writes `v` as JSON text that is safe inside an HTML `<script>` element:
/// `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes.
pub fn write_json(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => json_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\0'..='\u{1f}' | '\u{7f}' => {
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from_digit((n >> shift) & 15, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The JSON the page embeds: built from the model, owning its strings.
type Json = Value<'static>;

/// A JSON object under construction; absent optional members are skipped.
#[derive(Default)]
struct Obj(Vec<(Cow<'static, str>, Json)>);

impl Obj {
    /// `{"@type": ty}`
    fn typed(ty: &str) -> Obj {
        Obj::default().s("@type", ty)
    }
    fn v(mut self, key: &'static str, value: Json) -> Obj {
        self.0.push((Cow::Borrowed(key), value));
        self
    }
    fn s(self, key: &'static str, value: &str) -> Obj {
        self.v(key, Value::String(Cow::Owned(value.into())))
    }
    fn opt(self, key: &'static str, value: Option<&str>) -> Obj {
        match value {
            Some(s) => self.s(key, s),
            None => self,
        }
    }
    fn opt_v(self, key: &'static str, value: Option<Json>) -> Obj {
        match value {
            Some(v) => self.v(key, v),
            None => self,
        }
    }
    /// A non-empty list, or nothing.
    fn list(self, key: &'static str, items: Vec<Json>) -> Obj {
        if items.is_empty() {
            self
        } else {
            self.v(key, Value::Array(items))
        }
    }
    fn done(self) -> Json {
        Value::Object(self.0)
    }
}

/// The document as brief JSON (format version 1), from the validated model:
/// URLs as the policy wrote them (resolved against the base URL, if any),
/// unknown fields gone. Reading it back gives the same document.
pub fn document_json(doc: &Document) -> Value<'static> {
    match doc {
        Document::One(b) => brief_json(b),
        Document::Feed(briefs) => Value::Array(briefs.iter().map(brief_json).collect()),
    }
}

fn brief_json(b: &Brief) -> Json {
    let publisher = b.publisher.as_ref().map(|p| Obj::default().s("name", &p.name).opt("url", p.url.as_deref()).opt("logo", p.logo.as_deref()).done());
    let image = b.image.as_ref().map(|i| Obj::default().s("src", &i.src).s("alt", &i.alt).opt("caption", i.caption.as_deref()).done());
    let summary = b.summary.as_ref().map(|s| Obj::default().opt("heading", s.heading.as_deref()).v("paragraphs", paragraphs(&s.paragraphs)).done());
    let quotes = b.quotes.iter().map(|q| {
        Obj::default().v("text", paragraph(&q.text)).s("author", &q.author).opt("role", q.role.as_deref()).opt("url", q.url.as_deref()).done()
    });
    let sections = b.sections.iter().map(|s| Obj::default().s("heading", &s.heading).v("paragraphs", paragraphs(&s.paragraphs)).done());
    let related = b.related.iter().map(|r| {
        Obj::default()
            .s("title", &r.title)
            .s("url", &r.url)
            .opt("author", r.author.as_deref())
            .opt("date", r.date.as_ref().map(|d| d.iso.as_str()))
            .opt("kind", r.kind.as_deref())
            .done()
    });
    let tags = b.tags.iter().map(|t| Obj::default().s("label", &t.label).opt("url", t.url.as_deref()).done());
    let labels: Vec<(Cow<'static, str>, Json)> = b
        .labels
        .0
        .iter()
        .filter_map(|(label, text)| KEYS.iter().find(|(_, l)| l == label).map(|(key, _)| (Cow::Borrowed(*key), Value::String(text.clone().into()))))
        .collect();
    Obj::default()
        .v("version", Value::Number("1".into()))
        .opt("id", b.id.as_deref())
        .opt("kind", b.kind.as_deref())
        .s("title", &b.title)
        .opt("date", b.date.as_ref().map(|d| d.iso.as_str()))
        .opt("url", b.url.as_deref())
        .s("lang", &b.lang)
        .s("dir", b.dir.as_str())
        .opt_v("publisher", publisher)
        .opt_v("image", image)
        .opt_v("summary", summary)
        .list("quotes", quotes.collect())
        .list("sections", sections.collect())
        .list("related", related.collect())
        .list("tags", tags.collect())
        .opt_v("labels", (!labels.is_empty()).then_some(Value::Object(labels)))
        .done()
}

fn paragraphs(ps: &[Paragraph]) -> Json {
    Value::Array(ps.iter().map(paragraph).collect())
}

/// A paragraph of one plain run is a string; any other, an array of runs.
fn paragraph(p: &Paragraph) -> Json {
    match p.as_slice() {
        [r] if is_plain(r) => Value::String(r.text.clone().into()),
        runs => Value::Array(runs.iter().map(run).collect()),
    }
}

fn is_plain(r: &Run) -> bool {
    r.href.is_none() && !r.strong && !r.em
}

fn run(r: &Run) -> Json {
    if is_plain(r) {
        return Value::String(r.text.clone().into());
    }
    let mut o = Obj::default().s("text", &r.text).opt("href", r.href.as_deref());
    if r.strong {
        o = o.v("strong", Value::Bool(true));
    }
    if r.em {
        o = o.v("em", Value::Bool(true));
    }
    o.done()
}

/// schema.org linked data: the article, or an `ItemList` of them for a feed.
pub fn linked_data(doc: &Document, feed_label: &str) -> Value<'static> {
    let context = Obj::default().s("@context", "https://schema.org");
    match doc {
        Document::One(b) => Value::Object(context.0.into_iter().chain(article(b).0).collect()),
        Document::Feed(briefs) => {
            let items = briefs.iter().enumerate().map(|(i, b)| {
                Obj::typed("ListItem").v("position", Value::Number(crate::text::num(i + 1).into())).opt("url", b.url.as_deref()).v("item", article(b).done()).done()
            });
            Value::Object(
                context
                    .0
                    .into_iter()
                    .chain(
                        Obj::typed("ItemList")
                            .s("name", feed_label)
                            .v("numberOfItems", Value::Number(crate::text::num(briefs.len()).into()))
                            .list("itemListElement", items.collect())
                            .0,
                    )
                    .collect(),
            )
        }
    }
}

/// `AnalysisNewsArticle` for analysis-like kinds ("Flash Brief", "Analysis",
/// "Informe breve", "Monograph", …), `NewsArticle` otherwise.
pub fn article_type(kind: Option<&str>) -> &'static str {
    let kind = kind.unwrap_or("").to_lowercase();
    const ANALYSIS: &[&str] = &["analy", "analis", "anális", "brief", "breve", "monograph", "monografía", "note", "nota"];
    if ANALYSIS.iter().any(|w| kind.contains(w)) {
        "AnalysisNewsArticle"
    } else {
        "NewsArticle"
    }
}

fn person(name: &str, role: Option<&str>, url: Option<&str>) -> Json {
    Obj::typed("Person").s("name", name).opt("jobTitle", role).opt("url", url).done()
}

fn article(b: &Brief) -> Obj {
    let image = b.image.as_ref().map(|i| {
        let alt = Some(i.alt.as_str()).filter(|a| !a.is_empty());
        Obj::typed("ImageObject").s("url", &i.src).opt("caption", i.caption.as_deref().or(alt)).done()
    });
    let publisher = b.publisher.as_ref().map(|p| {
        let logo = p.logo.as_deref().map(|l| Obj::typed("ImageObject").s("url", l).done());
        Obj::typed("Organization").s("name", &p.name).opt("url", p.url.as_deref()).opt_v("logo", logo).done()
    });
    let quotes = b.quotes.iter().map(|q| {
        Obj::typed("Quotation")
            .s("text", &plain_text(&q.text))
            .v("creator", person(&q.author, q.role.as_deref(), q.url.as_deref()))
            .done()
    });
    let related = b.related.iter().map(|r| {
        Obj::typed("CreativeWork")
            .s("name", &r.title)
            .s("url", &r.url)
            .opt_v("author", r.author.as_deref().map(|a| person(a, None, None)))
            .opt("datePublished", r.date.as_ref().map(|d| d.iso.as_str()))
            .opt("genre", r.kind.as_deref())
            .done()
    });
    let keywords = b.tags.iter().map(|t| Value::String(t.label.clone().into()));
    let description = description(b);
    Obj::typed(article_type(b.kind.as_deref()))
        .s("headline", &b.title)
        .opt("description", description.as_deref())
        .opt("identifier", b.id.as_deref())
        .opt("articleSection", b.kind.as_deref())
        .opt("datePublished", b.date.as_ref().map(|d| d.iso.as_str()))
        .opt("url", b.url.as_deref())
        .opt("mainEntityOfPage", b.url.as_deref())
        .s("inLanguage", &b.lang)
        .opt_v("image", image)
        .opt_v("publisher", publisher)
        .list("keywords", keywords.collect())
        .list("hasPart", quotes.collect())
        .list("citation", related.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Value) -> String {
        let mut s = String::new();
        write_json(v, &mut s);
        s
    }

    #[test]
    fn json_strings_are_script_safe() {
        let v = Value::String("</script><!-- & \"q\" \\ \n\t\u{1}\u{2028}é".into());
        assert_eq!(json(&v), r#""\u003c/script\u003e\u003c!-- \u0026 \"q\" \\ \n\t\u0001\u2028é""#);
        assert_eq!(crate::json::parse(&json(&v)).unwrap(), v);
    }

    #[test]
    fn descriptions_are_squeezed_and_cut_at_a_word() {
        assert_eq!(squeeze("  a \n b\t\tc "), "a b c");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four", 10), "one two…");
        assert_eq!(truncate("abcdefghijklmnop", 10), "abcdefghi…");
        assert_eq!(truncate("abc, defghij", 10), "abc…");
        assert!(truncate(&"é".repeat(500), DESCRIPTION_CHARS).chars().count() <= DESCRIPTION_CHARS);
    }

    #[test]
    fn article_types() {
        assert_eq!(article_type(Some("Flash Brief")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("Informe breve")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("ANALYSIS")), "AnalysisNewsArticle");
        assert_eq!(article_type(Some("Press release")), "NewsArticle");
        assert_eq!(article_type(None), "NewsArticle");
    }

    #[test]
    fn the_embedded_json_reads_back_as_the_same_document() {
        let text = r#"{"id":"x","kind":"Flash Brief","title":"T </script>","date":"2023-06-13","url":"/a b","lang":"es",
            "publisher":{"name":"P","logo":"https://e.org/l.png"},"image":{"src":"i.png","alt":"","caption":"c"},
            "summary":{"paragraphs":["one",["a",{"text":"b","href":"https://e.org/","strong":true,"em":true}]]},
            "quotes":[{"text":"q","author":"A","role":"R","url":"mailto:a@e.org"}],
            "sections":[{"heading":"H","paragraphs":[]}],"related":[{"title":"r","url":"/r","date":"2023-01-02","kind":"k","author":"au"}],
            "tags":[{"label":"t"},{"label":"u","url":"/u"}],"labels":{"tags":"Temas","readMore":"Más"},"unknown":1}"#;
        let doc = crate::validate::parse_document(text).unwrap();
        let again = crate::validate::parse_document(&json(&document_json(&doc))).unwrap();
        assert_eq!(again, doc);
        let feed = Document::Feed(vec![doc.briefs()[0].clone(), doc.briefs()[0].clone()]);
        assert_eq!(crate::validate::parse_document(&json(&document_json(&feed))).unwrap(), feed);
    }
}
