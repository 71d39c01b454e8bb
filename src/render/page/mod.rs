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
//! `script_json` escapes `<`, `>` and `&` as `\u003c`…, so no string in a
//! brief can close the script (`</script>`) or open a comment (`<!--`).
//!
//! Native only: the browser's card has no page to write.
//!
//! The page's two JSON payloads have a file each: `brief_json.rs` (the
//! brief for the live card) and `linked_data.rs` (schema.org JSON-LD).

use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

use super::{declarative, escape, fragment};
use crate::validate::balanced;
use crate::validate::model::{Brief, Document, Paragraph, Publisher};
use crate::validate::options::{Options, Theme};
use crate::validate::url_policy::{self, UrlUse};
use crate::view::words::{word, Label, Labels};

mod brief_json;
mod linked_data;

pub(crate) use brief_json::document_json;
pub(crate) use linked_data::linked_data;

/// Where the page loads the custom element from, unless told otherwise.
pub const DEFAULT_SCRIPT: &str = "brief-card.js";

/// The meta description is cut (at a word) to at most this many characters.
pub const DESCRIPTION_CHARS: usize = 160;

/// What a share preview of `doc`'s page lacks because its address is
/// relative (Open Graph takes absolute URLs only): the JSON path of each
/// such field of a one-brief page (`url`, `image.src`), for a warning.
pub fn relative_for_previews(doc: &Document) -> Vec<&'static str> {
    let Document::One(b) = doc else { return Vec::new() };
    let mut paths = Vec::new();
    if b.url.as_deref().is_some_and(|u| !is_absolute_http(u)) {
        paths.push("url");
    }
    if b.image.as_ref().is_some_and(|i| for_previews(b, &i.src).is_none()) {
        paths.push("image.src");
    }
    paths
}

/// An address a share preview can use (Open Graph takes absolute ones
/// only): `u` when it is one, else `u` resolved against the brief's own
/// absolute `url`, the page it is read at (as email resolves it); `None`
/// without either.
fn for_previews(b: &Brief, u: &str) -> Option<String> {
    if is_absolute_http(u) {
        return Some(u.to_owned());
    }
    let page = url::Url::parse(b.url.as_deref().filter(|p| is_absolute_http(p))?).ok()?;
    page.join(u).ok().map(String::from).filter(|resolved| is_absolute_http(resolved))
}

/// The whole page for `doc`, loading the element from [`DEFAULT_SCRIPT`].
pub fn page(doc: &Document, options: &Options) -> String {
    page_with_script(doc, options, DEFAULT_SCRIPT)
}

/// The whole page for `doc`, loading the custom element from `script` (a
/// URL; one the URL policy refuses is replaced by [`DEFAULT_SCRIPT`]).
pub fn page_with_script(doc: &Document, options: &Options, script: &str) -> String {
    page_with(doc, options, script, "", None)
}

/// The whole page, with `head` (markup written as it is, such as the site's
/// oEmbed discovery link) added to its `<head>`. `address` is where the page
/// will be (a site knows it): its canonical URL when the brief names none.
pub(crate) fn page_with(doc: &Document, options: &Options, script: &str, head: &str, address: Option<&str>) -> String {
    let first = doc.briefs().first();
    let one = match doc {
        Document::One(b) => Some(b),
        Document::Feed(_) => None,
    };
    // The page is the whole outline, so it sets the level: a page of one
    // brief has the card's title as its h1 (the element keeps that level
    // when it upgrades); a feed's page has an h1 of its own, and its cards'
    // titles are the h2s under it, whatever level was asked for.
    let options = &Options { heading_level: if one.is_some() { 1 } else { 2 }, ..options.clone() };
    let lang = first.map_or("en", |b| b.lang.as_str());
    let no_labels = Labels::default();
    let feed_label = word(&options.labels, first.map_or(&no_labels, |b| &b.labels), lang, Label::Feed);
    let about = About {
        one,
        title: one.map_or(feed_label, |b| b.title.as_str()),
        description: match one {
            Some(b) => description(b),
            None => {
                let titles: Vec<&str> = doc.briefs().iter().map(|b| b.title.as_str()).collect();
                Some(truncate(&squeeze(&titles.join(" · ")), DESCRIPTION_CHARS))
            }
        },
        url: one.and_then(|b| b.url.as_deref()).or(address),
    };

    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!doctype html>\n<html");
    attr(&mut out, "lang", lang);
    attr(&mut out, "dir", first.map_or("ltr", |b| b.dir.as_str()));
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    meta(&mut out, "name", "color-scheme", color_scheme(options.theme));
    page_meta(&mut out, &about);
    share_meta(&mut out, &about, lang, first.and_then(|b| b.publisher.as_ref()));
    out.push_str(head);
    out.push_str("<style>");
    page_style(&mut out, options.theme);
    out.push_str("</style>\n<script type=\"application/ld+json\">");
    out.push_str(&script_json(&linked_data(doc, feed_label)));
    out.push_str("</script>\n</head>\n<body>\n<main>\n");
    if one.is_none() {
        out.push_str("<h1 class=\"page-title\"");
        attr(&mut out, "dir", "auto");
        out.push('>');
        escape::text(&mut out, feed_label);
        out.push_str("</h1>\n");
    }

    card_element(&mut out, doc, options);
    out.push_str("\n</main>\n<script type=\"module\"");
    let src = url_policy::check(script, UrlUse::Resource).unwrap_or_else(|_| DEFAULT_SCRIPT.into());
    attr(&mut out, "src", &src);
    out.push_str("></script>\n</body>\n</html>\n");
    out
}

/// What the page's metadata says of it.
struct About<'a> {
    /// The brief, on a page of one.
    one: Option<&'a Brief>,
    /// The brief's title, or a feed's label.
    title: &'a str,
    description: Option<String>,
    /// Its canonical address.
    url: Option<&'a str>,
}

/// The `<title>`, meta description and author, and the canonical link.
fn page_meta(out: &mut String, about: &About) {
    out.push_str("<title>");
    escape::text(out, about.title);
    out.push_str("</title>\n");
    if let Some(d) = &about.description {
        meta(out, "name", "description", d);
    }
    if let Some(b) = about.one.filter(|b| !b.authors.is_empty()) {
        let names: Vec<&str> = b.authors.iter().map(|a| a.name.as_str()).collect();
        meta(out, "name", "author", &names.join(", "));
    }
    if let Some(u) = about.url {
        out.push_str("<link rel=\"canonical\"");
        attr(out, "href", u);
        out.push_str(">\n");
    }
}

/// Open Graph (https://ogp.me) and Twitter cards, for share previews. Both
/// want absolute URLs.
fn share_meta(out: &mut String, about: &About, lang: &str, publisher: Option<&Publisher>) {
    let one = about.one;
    meta(out, "property", "og:type", if one.is_some() { "article" } else { "website" });
    meta(out, "property", "og:title", about.title);
    if let Some(d) = &about.description {
        meta(out, "property", "og:description", d);
    }
    if let Some(u) = about.url.filter(|u| is_absolute_http(u)) {
        meta(out, "property", "og:url", u);
    }
    let image = one.and_then(|b| {
        let i = b.image.as_ref()?;
        Some((i, for_previews(b, &i.src)?))
    });
    if let Some((i, src)) = &image {
        meta(out, "property", "og:image", src);
        // With its size, a share preview can lay the image out before it loads.
        if let (Some(w), Some(h)) = (i.width, i.height) {
            meta(out, "property", "og:image:width", &w.to_string());
            meta(out, "property", "og:image:height", &h.to_string());
        }
        if !i.alt.is_empty() {
            meta(out, "property", "og:image:alt", &i.alt);
        }
    }
    // Without an image of its own, a share preview shows the publisher's logo rather than nothing.
    let logo = one.filter(|_| image.is_none()).and_then(|b| for_previews(b, b.publisher.as_ref()?.logo.as_deref()?));
    if let Some(logo) = &logo {
        meta(out, "property", "og:image", logo);
    }
    if let Some(locale) = og_locale(lang) {
        meta(out, "property", "og:locale", &locale);
    }
    if let Some(p) = publisher {
        meta(out, "property", "og:site_name", &p.name);
    }
    if let Some(b) = one {
        article_meta(out, b);
    }
    meta(out, "name", "twitter:card", if image.is_some() { "summary_large_image" } else { "summary" });
    meta(out, "name", "twitter:title", about.title);
    if let Some(d) = &about.description {
        meta(out, "name", "twitter:description", d);
    }
    if let Some((i, src)) = &image {
        meta(out, "name", "twitter:image", src);
        if !i.alt.is_empty() {
            meta(out, "name", "twitter:image:alt", &i.alt);
        }
    } else if let Some(logo) = &logo {
        meta(out, "name", "twitter:image", logo);
    }
}

/// Open Graph's `article:` properties of a page of one brief.
fn article_meta(out: &mut String, b: &Brief) {
    for a in &b.authors {
        // Open Graph wants a profile's address; a name is what most sites write without one.
        meta(out, "property", "article:author", a.url.as_deref().filter(|u| is_absolute_http(u)).unwrap_or(&a.name));
    }
    if let Some(d) = &b.date {
        meta(out, "property", "article:published_time", &d.iso);
    }
    if let Some(d) = &b.updated {
        meta(out, "property", "article:modified_time", &d.iso);
    }
    if let Some(k) = &b.kind {
        meta(out, "property", "article:section", k);
    }
    for t in &b.tags {
        meta(out, "property", "article:tag", &t.label);
    }
}

/// The page's own styles, then the dark theme's as `theme` asks.
fn page_style(out: &mut String, theme: Theme) {
    out.push_str(STYLE);
    match theme {
        Theme::Light => {}
        Theme::Dark => out.push_str(DARK),
        Theme::Auto => {
            out.push_str("@media (prefers-color-scheme:dark){");
            out.push_str(DARK);
            out.push('}');
        }
    }
}

/// The `<brief-card>` element: the document's JSON for the live card, and
/// the static card as its fallback (what readers without script, and
/// crawlers, see until the live card replaces it).
pub(crate) fn card_element(out: &mut String, doc: &Document, options: &Options) {
    declarative::start_tag(out, options);
    out.push('\n');
    declarative::data_script(out, &document_json(doc, &options.labels).to_string());
    out.push('\n');
    let static_options = Options { email: false, ..options.clone() };
    out.push_str(&fragment(doc, &static_options, super::dates::icu));
    out.push_str("\n</brief-card>");
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
    super::html_writer::write_attr(out, name, value);
}

/// `<meta {kind}="{key}" content="{content}">` (`kind` is `name` or `property`).
fn meta(out: &mut String, kind: &str, key: &str, content: &str) {
    out.push_str("<meta");
    attr(out, kind, key);
    attr(out, "content", content);
    out.push_str(">\n");
}

/// An absolute `http(s)` URL (as the URL policy writes them: scheme lower-cased).
pub(crate) fn is_absolute_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// The text of a paragraph, without its markup.
fn plain_text(p: &Paragraph) -> String {
    p.iter().map(|r| r.text.as_str()).collect()
}

/// The brief's description: its first non-blank summary paragraph (else
/// section paragraph), whitespace collapsed, cut at a word.
pub(crate) fn description(b: &Brief) -> Option<String> {
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
/// boundary (when there is one in the second half) and ended with `…`:
/// at most `max` characters, cut between grapheme clusters (a letter with
/// its marks, an emoji with its joiners stay whole or go together).
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.into();
    }
    let room = max.saturating_sub(1);
    let mut cut = 0;
    let mut chars = 0;
    for (at, grapheme) in s.grapheme_indices(true) {
        chars += grapheme.chars().count();
        if chars > room {
            break;
        }
        cut = at + grapheme.len();
    }
    let mut head = s.get(..cut).unwrap_or(s);
    if let Some((before, _)) = head.rsplit_once(' ').filter(|(before, _)| before.len() >= cut / 2) {
        head = before;
    }
    // The cut may fall between a directional control and its closer: the
    // head is balanced again (before the trim, which may then find a comma
    // the removed control hid), so that no override reaches what follows.
    let head = balanced(head.to_owned());
    // Punctuation that would end the cut text badly, in the scripts' own
    // forms too (Arabic's comma and semicolon, the ideographic comma).
    let dangling = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '،' | '؛' | '、' | '，' | '：' | '；');
    let mut out = String::from(head.trim_end_matches(dangling));
    out.push('…');
    out
}

/// `value` as JSON text that is safe inside an HTML `<script>` element ([`escape::script_json`]).
pub(crate) fn script_json(value: &Value) -> String {
    let mut out = String::new();
    escape::script_json(&mut out, &value.to_string());
    out
}

/// `value` with every `null` member of its objects removed, at any depth:
/// the JSON below is written with each optional field as an `Option`, and
/// an absent one is left out rather than written as `null`. (The model holds
/// no value that is `null` itself.)
pub(crate) fn without_nulls(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(members) => {
                members.retain(|_, v| !v.is_null());
                members.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

/// A list that is left out (`None`) when empty.
fn nonempty(items: impl Iterator<Item = Value>) -> Option<Vec<Value>> {
    Some(items.collect::<Vec<_>>()).filter(|items| !items.is_empty())
}

/// The Open Graph locale (`language_TERRITORY`, as `es_ES`) for a BCP 47
/// tag: its region, else the region CLDR's likely subtags give its language
/// (`fa` is `fa_IR`, `dv` is `dv_MV`); `None` when neither is known.
/// Extensions (`fa-IR-u-ca-gregory`) say nothing of the territory.
fn og_locale(lang: &str) -> Option<String> {
    let mut locale = lang.parse::<icu_locale_core::Locale>().ok()?.id;
    icu_locale::LocaleExpander::new_extended().maximize(&mut locale);
    let region = locale.region?;
    Some(format!("{}_{}", locale.language, region))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn json(v: &Value) -> String {
        script_json(v)
    }

    #[test]
    fn json_strings_are_script_safe() {
        let v = json!("</script><!-- & \"q\" \\ \n\t\u{1}\u{2028}é");
        assert_eq!(json(&v), r#""\u003c/script\u003e\u003c!-- \u0026 \"q\" \\ \n\t\u0001\u2028é""#);
        assert_eq!(serde_json::from_str::<Value>(&json(&v)).unwrap(), v);
    }

    #[test]
    fn descriptions_are_squeezed_and_cut_at_a_word() {
        assert_eq!(squeeze("  a \n b\t\tc "), "a b c");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four", 10), "one two…");
        assert_eq!(truncate("abcdefghijklmnop", 10), "abcdefghi…");
        assert_eq!(truncate("abc, defghij", 10), "abc…");
        assert!(truncate(&"é".repeat(500), DESCRIPTION_CHARS).chars().count() <= DESCRIPTION_CHARS);
        // Never inside a grapheme cluster: a Devanagari conjunct with its
        // vowel sign, an emoji family with its joiners, a decomposed é.
        assert_eq!(truncate("क्षिक्षिक्षि", 7), "क्षि…");
        assert_eq!(truncate("ab 👨‍👩‍👧 cd", 6), "ab…");
        assert_eq!(truncate("abcde\u{301}fg", 6), "abcd…");
        assert_eq!(truncate("سلام، دنیا و همه", 7), "سلام…");
    }
}
