//! The JSON-LD of a saved HTML page (native only: the command line reads
//! `article.html`; in the browser the element reads the live page's scripts).
//! The page is parsed as browsers parse it (html5ever, into `scraper`'s
//! tree), so a `</script>` inside a comment, an attribute or a `<textarea>`
//! cannot fool it.
//!
//! A tree builder's work on each tag grows with the depth of the elements
//! left open, so a hostile page of a megabyte of unclosed `<div>`s would
//! take it minutes (and the 8 MB a saved page may be, hours). The page is
//! therefore parsed a piece at a time, and refused as soon as it nests
//! elements deeper than [`MAX_HTML_DEPTH`], which no page a browser lays
//! out does (Chromium stops nesting at 512).

use std::borrow::Cow;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, QualName};
use scraper::{Html, Selector};

use super::{json_in_script, PageFacts, Script};
use crate::format::json_value;
use crate::format::Problem;

/// What a saved page gives the card: its JSON-LD, its language and its
/// description.
#[derive(Debug)]
pub struct SavedPage {
    /// Each `<script type="application/ld+json">`, parsed, named by its
    /// `id` else its index among them.
    pub scripts: Vec<Script>,
    /// A problem for each script that is not JSON (within the limits), with
    /// the script's name as its path.
    pub unreadable: Vec<Problem>,
    /// Its `<html lang>` and its description, for an article whose JSON-LD
    /// leaves them out.
    pub facts: PageFacts,
}

/// How deep a saved page may nest its elements.
const MAX_HTML_DEPTH: usize = 512;

/// Why a saved page was not read.
enum Refused {
    /// Its elements nest deeper than [`MAX_HTML_DEPTH`].
    TooDeep,
    /// Its parser made more elements than the page has tags: formatting
    /// elements left open (`<b>` after `<b>`) are made again in every block
    /// after them, as the standard says, so a page of a few hundred of them
    /// and many blocks would take gigabytes.
    TooManyElements,
}

/// The JSON-LD, the language and the description of `html` (see [`SavedPage`]).
pub fn scripts_in_html(html: &str) -> SavedPage {
    let page = match parse(html) {
        Ok(page) => page,
        Err(refused) => {
            let message = match refused {
                Refused::TooDeep => {
                    format!("the page nests its elements more than {MAX_HTML_DEPTH} deep, which no browser lays out; it is not read")
                }
                Refused::TooManyElements => {
                    "the page's unclosed formatting elements are made again so often that it holds more elements than tags; it is not read"
                        .to_owned()
                }
            };
            return SavedPage { scripts: Vec::new(), unreadable: vec![Problem::new("", message)], facts: PageFacts::default() };
        }
    };
    let lang = page.root_element().value().attr("lang").map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    let facts = PageFacts { lang, description: description(&page), address: address(&page) };
    let (mut scripts, mut problems) = (Vec::new(), Vec::new());
    let Ok(selector) = Selector::parse("script") else { return SavedPage { scripts, unreadable: problems, facts } };
    // As `<brief-card jsonld>` finds them on the live page (`document.scripts`):
    // HTML's scripts, not SVG's, and never inside a `<template>`, whose
    // content (a declarative shadow root's too) is no part of the document's tree.
    let in_template = |s: &scraper::ElementRef| s.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "template"));
    let json_ld = page
        .select(&selector)
        .filter(|s| &*s.value().name.ns == "http://www.w3.org/1999/xhtml")
        // The type's essence: `application/ld+json; charset=utf-8` is one too.
        .filter(|s| {
            s.value()
                .attr("type")
                .is_some_and(|t| t.split(';').next().unwrap_or_default().trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .filter(|s| !in_template(s));
    for (i, element) in json_ld.enumerate() {
        let text: String = element.text().collect();
        let id = element.value().attr("id");
        match json_value(json_in_script(&text)) {
            Ok(value) => scripts.push(Script::in_page(id, i, value)),
            Err(found) => {
                let name = Script::name(id, i);
                problems.extend(found.into_iter().map(|p| Problem::new(name.clone(), p.message)));
            }
        }
    }
    SavedPage { scripts, unreadable: problems, facts }
}

/// The text of a saved page that is not UTF-8, decoded as a browser decodes
/// a file it has no HTTP header for: by its byte-order mark, else by the
/// first encoding it declares that there is (`<meta charset>`, or the
/// `charset` of a `<meta http-equiv="Content-Type">`, in the order written,
/// wherever they are: a browser parsing the page changes to one it meets
/// late), else as windows-1252, the default for most of the web's older
/// pages. Bytes the encoding has no character for become U+FFFD, as in the
/// browser. (A page that is UTF-8 is read as UTF-8, whatever it declares:
/// what a browser decoding it by a wrong declaration shows is mojibake no
/// reader wants.)
pub fn decode_page(bytes: &[u8]) -> String {
    // `decode` lets a byte-order mark override the declaration.
    let (text, _, _) = declared_encoding(bytes).unwrap_or(encoding_rs::WINDOWS_1252).decode(bytes);
    text.into_owned()
}

/// The encoding a page declares, found by parsing it (as windows-1252,
/// which reads every byte and keeps ASCII as it is) and looking at its
/// `<meta>`s; a page refused for its depth declares none. As the HTML
/// standard has it, a declared UTF-16 is read as UTF-8 (a page in UTF-16
/// starts with a mark) and `x-user-defined` as windows-1252.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let page = parse(&text).ok()?;
    let metas = Selector::parse("meta").ok()?;
    let declared = |meta: scraper::ElementRef| {
        let meta = meta.value();
        let label = match meta.attr("charset") {
            Some(label) => label.to_owned(),
            None if meta.attr("http-equiv").is_some_and(|h| h.trim().eq_ignore_ascii_case("content-type")) => {
                charset_in(meta.attr("content")?)?
            }
            None => return None,
        };
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
    };
    let encoding = page.select(&metas).find_map(declared)?;
    Some(match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => encoding_rs::UTF_8,
        "x-user-defined" => encoding_rs::WINDOWS_1252,
        _ => encoding,
    })
}

/// The `charset` parameter of a content type (`text/html; charset="shift_jis"`).
fn charset_in(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    // The first `charset` that is followed by `=` (not `x-charsetish=1`'s).
    lower.match_indices("charset").find_map(|(at, name)| {
        let value = content.get(at + name.len()..)?.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value.find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace()).unwrap_or(value.len());
        value.get(..end).filter(|v| !v.is_empty()).map(str::to_owned)
    })
}

/// `html` parsed as a browser parses it, unless it is refused on the way.
fn parse(html: &str) -> Result<Html, Refused> {
    // Small enough pieces that what is parsed past a limit before it is noticed costs nothing.
    const PIECE: usize = 16 * 1024;
    // A tag is three bytes at least (`<b>`), and a page's elements are its
    // tags, the few the parser adds (`<html>`, `<tbody>`) and the formatting
    // it carries into the next block (an unclosed `<font>` in each `<p>`):
    // one for every two bytes leaves room for all of them.
    let most_elements = html.len() / 2 + 64;
    let mut parser =
        html5ever::parse_document(Bounded { html: Html::new_document(), refused: None, elements: 0, most_elements }, Default::default());
    let mut rest = html;
    while !rest.is_empty() {
        let mut end = PIECE.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, after) = rest.split_at(end);
        parser.process(StrTendril::from(piece));
        if let Some(refused) = parser.tokenizer.sink.sink.refused.take() {
            return Err(refused);
        }
        rest = after;
    }
    let page = parser.finish();
    page.refused.map_or(Ok(page.html), Err)
}

/// `scraper`'s tree, noting whether an element was put deeper than
/// [`MAX_HTML_DEPTH`] or more were made than the page has room for tags
/// (every other call is the tree's own).
struct Bounded {
    html: Html,
    refused: Option<Refused>,
    elements: usize,
    most_elements: usize,
}

type Handle = <Html as TreeSink>::Handle;

impl Bounded {
    /// Notes the depth of a node put into `parent` (counted up its ancestors,
    /// which the limit keeps few).
    fn note(&mut self, parent: &Handle) {
        let depth = self.html.tree.get(*parent).map_or(0, |p| p.ancestors().count() + 1);
        if depth > MAX_HTML_DEPTH {
            self.refused.get_or_insert(Refused::TooDeep);
        }
    }
}

impl TreeSink for Bounded {
    type Handle = Handle;
    type Output = Self;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&mut self, msg: Cow<'static, str>) {
        self.html.parse_error(msg);
    }
    fn get_document(&mut self) -> Handle {
        self.html.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.html.elem_name(target)
    }
    fn create_element(&mut self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.elements += 1;
        if self.elements > self.most_elements {
            self.refused.get_or_insert(Refused::TooManyElements);
        }
        self.html.create_element(name, attrs, flags)
    }
    fn create_comment(&mut self, text: StrTendril) -> Handle {
        self.html.create_comment(text)
    }
    fn create_pi(&mut self, target: StrTendril, data: StrTendril) -> Handle {
        self.html.create_pi(target, data)
    }
    fn append(&mut self, parent: &Handle, child: NodeOrText<Handle>) {
        self.note(parent);
        self.html.append(parent, child);
    }
    fn append_based_on_parent_node(&mut self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        self.note(prev_element);
        self.html.append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(&mut self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.html.append_doctype_to_document(name, public_id, system_id);
    }
    fn mark_script_already_started(&mut self, node: &Handle) {
        self.html.mark_script_already_started(node);
    }
    fn get_template_contents(&mut self, target: &Handle) -> Handle {
        self.html.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.html.same_node(x, y)
    }
    fn set_quirks_mode(&mut self, mode: QuirksMode) {
        self.html.set_quirks_mode(mode);
    }
    fn append_before_sibling(&mut self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.note(sibling);
        self.html.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&mut self, target: &Handle, attrs: Vec<Attribute>) {
        self.html.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&mut self, target: &Handle) {
        self.html.remove_from_parent(target);
    }
    fn reparent_children(&mut self, node: &Handle, new_parent: &Handle) {
        self.note(new_parent);
        self.html.reparent_children(node, new_parent);
    }
}

/// The page's description, as `<brief-card jsonld>` reads the live page's:
/// the first `<meta name="description">` (the name in any case), else the
/// first `og:description`, if not blank.
fn description(page: &Html) -> Option<String> {
    ["head meta[name=description i]", "head meta[property=\"og:description\"]"].into_iter().find_map(|css| {
        let selector = Selector::parse(css).ok()?;
        let content = page.select(&selector).next()?.value().attr("content")?.trim();
        (!content.is_empty()).then(|| content.to_owned())
    })
}

/// The page's own address, as far as a saved file still records it (see
/// [`PageFacts::address`]): where the browser that saved it says it came
/// from (Chromium's "Save page as" writes `<!-- saved from
/// url=(0052)https://… -->` at the top), with the page's first `<base
/// href>` read against that, as the browser resolved its links; else an
/// absolute `<base href>` alone. A canonical link or `og:url` names the
/// preferred copy, not this one (a syndicated story's, or a page `brief-card
/// page` wrote, names the original on another site), so it is not read:
/// `--base-url` says it where that is meant.
fn address(page: &Html) -> Option<String> {
    // Where the browser writes it: at the top, before the page's first element.
    let saved_from = page.tree.root().children().take_while(|node| !node.value().is_element()).find_map(|node| {
        let rest = node.value().as_comment()?.trim_start().strip_prefix("saved from url=(")?;
        url::Url::parse(rest.split_once(')')?.1.split_whitespace().next()?).ok()
    });
    let base = Selector::parse("base[href]").ok().and_then(|s| Some(page.select(&s).next()?.value().attr("href")?.trim().to_owned()));
    match (saved_from, base) {
        (Some(from), Some(base)) => from.join(&base).ok().map(String::from),
        (Some(from), None) => Some(from.into()),
        (None, Some(base)) => url::Url::parse(&base).ok().map(String::from),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_ld_scripts_are_read_and_each_is_named() {
        let html = r#"<!doctype html><title>t</title>
            <script type="application/ld+json" id="main">{"@context": "https://schema.org", "headline": "</p>"}</script>
            <!-- <script type="application/ld+json">{"in": "a comment"}</script> -->
            <script type="application/json">{"not": "ld"}</script>
            <script type="Application/LD+JSON ">[1, </script>
            <div data-x='<script type="application/ld+json">{}</script>'></div>
            <template><script type="application/ld+json">{"in": "a template"}</script></template>
            <div><template shadowrootmode="open"><script type="application/ld+json">{"in": "a shadow root"}</script></template></div>
            <svg><script type="application/ld+json">{"in": "an SVG script"}</script></svg>
            <script type="application/ld+json">{"second": true}</script>"#;
        let SavedPage { scripts, unreadable: problems, facts } = scripts_in_html(html);
        assert_eq!(facts, PageFacts::default());
        let paths: Vec<&str> = scripts.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["script#main", "script[2]"]);
        assert_eq!(scripts.first().map(|s| &s.value["headline"]), Some(&serde_json::json!("</p>")));
        assert_eq!(problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["script[1]"]);
        assert!(problems.iter().all(|p| p.message.starts_with("invalid JSON")));
    }

    #[test]
    fn the_description_is_the_heads_after_its_title_and_scripts() {
        let page = scripts_in_html(
            r#"<html lang="es"><head><title>T</title><script>var a = "<b>";</script><style>p{}</style>
            <meta name="Description" content=" Lo que pasó. "><meta property="og:description" content="og"></head><body>"#,
        );
        assert_eq!(page.facts, PageFacts { lang: Some("es".into()), description: Some("Lo que pasó.".into()), address: None });
    }

    #[test]
    fn the_address_is_where_the_saved_file_came_from_with_its_base() {
        let address =
            |top: &str, head: &str| scripts_in_html(&format!("<!DOCTYPE html>{top}<html><head>{head}</head><body>")).facts.address;
        let saved = "\n<!-- saved from url=(0041)https://news.example/2026/03/story.html -->\n";
        assert_eq!(address(saved, "").as_deref(), Some("https://news.example/2026/03/story.html"));
        assert_eq!(
            address(saved, r#"<base href="/en/">"#).as_deref(),
            Some("https://news.example/en/"),
            "a relative base, read against it"
        );
        assert_eq!(address("", r#"<base href="https://cdn.example/a/">"#).as_deref(), Some("https://cdn.example/a/"));
        assert_eq!(address("", r#"<base href="/en/">"#), None, "relative to an address the file no longer has");
        // The preferred copy is not this one: a canonical link or og:url is no address.
        let elsewhere =
            r#"<link rel="canonical" href="https://original.example/a"><meta property="og:url" content="https://original.example/a">"#;
        assert_eq!(address("", elsewhere), None);
        assert_eq!(address("<!-- a comment of the page's own -->", ""), None);
        let after =
            scripts_in_html("<!DOCTYPE html><html><head></head><body></body></html><!-- saved from url=(0021)https://evil.example/ -->");
        assert_eq!(after.facts.address, None, "only at the top, where browsers write it");
    }

    #[test]
    fn a_page_that_is_not_utf8_is_decoded_by_the_encoding_it_declares() {
        let page = |head: &str, text: &[u8]| [head.as_bytes(), b"<body><p>", text, b"</p>"].concat();
        let societe = b"Soci\xe9t\xe9 \x93quoted\x94";
        assert_eq!(
            decode_page(&page(r#"<meta charset="iso-8859-1">"#, societe)),
            format!("<meta charset=\"iso-8859-1\"><body><p>Société “quoted”</p>")
        );
        // Undeclared: windows-1252, as browsers default.
        assert!(decode_page(&page("<title>t</title>", societe)).contains("Société “quoted”"));
        // Declared in a content type, quoted, any case; Shift_JIS: 日本 is 93 FA 96 7B.
        let http_equiv = r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; Charset='Shift_JIS'">"#;
        assert!(decode_page(&page(http_equiv, b"\x93\xfa\x96\x7b")).contains("<p>日本</p>"));
        // A byte-order mark wins over the declaration; a declared UTF-16 is read as UTF-8.
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("<p>é</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_page(&utf16), "<p>é</p>");
        assert!(decode_page(&page(r#"<meta charset="utf-16">"#, b"caf\xc3\xa9 \xff")).contains("café \u{fffd}"));
        assert_eq!(charset_in("text/html;charset=euc-kr"), Some("euc-kr".into()));
        assert_eq!(charset_in("text/html; charset="), None);
        assert_eq!(charset_in("text/html; x-charsetish=1; charset=shift_jis"), Some("shift_jis".into()));
        // Late in the page, after a label no encoding has, and in the order written.
        let late = format!("<title>{}</title><meta charset=\"klingon\"><meta charset=\"shift_jis\">", "x".repeat(2000));
        assert!(decode_page(&page(&late, b"\x93\xfa\x96\x7b")).contains("<p>日本</p>"));
        let first_written = r#"<meta http-equiv="content-type" content="text/html; charset=shift_jis"><meta charset="iso-8859-1">"#;
        assert!(decode_page(&page(first_written, b"\x93\xfa\x96\x7b")).contains("<p>日本</p>"));
    }

    #[test]
    fn a_page_nested_deeper_than_a_browser_lays_out_is_refused_at_once() {
        // A tree builder took minutes for this megabyte (its work on each tag grows with the depth).
        let ld = r#"<script type="application/ld+json">{"@context": "https://schema.org", "headline": "h"}</script>"#;
        let deep = |n: usize| format!("<html><head>{ld}</head><body>{}{ld}</body></html>", "<div>".repeat(n));
        let started = std::time::Instant::now();
        let page = scripts_in_html(&deep(200_000));
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        assert!(page.scripts.is_empty());
        assert_eq!(
            page.unreadable.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            [format!("the page nests its elements more than {MAX_HTML_DEPTH} deep, which no browser lays out; it is not read")]
        );
        // At the limit it is read whole, both scripts.
        assert_eq!(scripts_in_html(&deep(MAX_HTML_DEPTH - 10)).scripts.len(), 2);
    }

    #[test]
    fn formatting_elements_made_again_in_every_block_are_refused_at_once() {
        // 300 open <b>s are made again in each of 40,000 blocks: 12 million elements from 500 KB (gigabytes).
        let ld = r#"<script type="application/ld+json">{"@context": "https://schema.org", "headline": "h"}</script>"#;
        let open: String = (0..300).map(|i| format!("<b id={i}>")).collect();
        let html = format!("<html><head>{ld}</head><body><div>{open}</div>{}</body></html>", "<div>x</div>".repeat(40_000));
        let started = std::time::Instant::now();
        let page = scripts_in_html(&html);
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        assert!(page.unreadable.first().is_some_and(|p| p.message.contains("more elements than tags")), "{:?}", page.unreadable);
        // A page of ordinary formatting is read.
        let ordinary = format!("<html><head>{ld}</head><body>{}</body></html>", "<p><b>bold</b> and <i>it</i></p>".repeat(20_000));
        assert_eq!(scripts_in_html(&ordinary).scripts.len(), 1);
    }
}
