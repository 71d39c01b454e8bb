//! The JSON-LD of a saved HTML page (native only: the command line reads
//! `article.html`; in the browser the element reads the live page's scripts).
//!
//! The page is read by html5ever's tokenizer, the HTML standard's own
//! tokenization, so a `</script>` inside a comment, an attribute or a
//! `<textarea>` cannot fool it. No tree is built: finding the scripts needs
//! only the tokens and the few tree-building rules below, and a tree
//! builder's work grows with the square of the nesting depth, which a
//! hostile page of a megabyte of unclosed `<div>`s makes minutes long.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use super::{script_json, PageFacts, Script};
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

/// The JSON-LD, the language and the description of `html` (see [`SavedPage`]).
pub fn scripts_in_html(html: &str) -> SavedPage {
    let mut input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let mut tokenizer = Tokenizer::new(Reader::default(), TokenizerOpts::default());
    // The reader never pauses the tokenizer (it runs no script), so one feed reads it all.
    let _ = tokenizer.feed(&mut input);
    tokenizer.end();
    let page = tokenizer.sink;
    let (mut scripts, mut problems) = (Vec::new(), Vec::new());
    for (i, (id, text)) in page.scripts.iter().enumerate() {
        match json_value(script_json(text)) {
            Ok(value) => scripts.push(Script::in_page(id.as_deref(), i, value)),
            Err(found) => {
                let name = Script::name(id.as_deref(), i);
                problems.extend(found.into_iter().map(|p| Problem::new(name.clone(), p.message)));
            }
        }
    }
    let not_blank = |d: Option<String>| d.filter(|d| !d.is_empty());
    let facts = PageFacts { lang: page.lang, description: not_blank(page.description).or_else(|| not_blank(page.og_description)) };
    SavedPage { scripts, unreadable: problems, facts }
}

/// Elements whose text the tokenizer reads raw, as the tree builder tells
/// it to (a browser runs scripts, so `<noscript>` is one). Inside them a
/// `<script …>` is only text.
const RAW: &[(&str, RawKind)] = &[
    ("script", RawKind::ScriptData),
    ("style", RawKind::Rawtext),
    ("xmp", RawKind::Rawtext),
    ("iframe", RawKind::Rawtext),
    ("noembed", RawKind::Rawtext),
    ("noframes", RawKind::Rawtext),
    ("noscript", RawKind::Rawtext),
    ("title", RawKind::Rcdata),
    ("textarea", RawKind::Rcdata),
];

/// The HTML start tags that end SVG and MathML content the page left open
/// (the standard's "breakout" list; `<font>` only with some attributes, so not here).
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// The start tags the tree builder puts in the page's `<head>` (even after
/// `</head>`); any other, or text, begins the body.
const HEAD: &[&str] =
    &["html", "head", "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title", "noscript"];

/// What the tokens of a page say, as `<brief-card jsonld>` reads the live
/// page: its HTML `<script>`s of the JSON-LD type (never inside a
/// `<template>`, whose content, a declarative shadow root's too, is no part
/// of the document, nor SVG's or MathML's scripts, HTML inside an SVG
/// `<foreignObject>` taken for SVG's), the first `<html lang>`
/// (later `<html>` tags only add what the first lacks), and the first
/// `<meta name="description">` (the name in any case) and `og:description`
/// in the head, if not blank.
#[derive(Default)]
struct Reader {
    /// Each JSON-LD script's `id` and text, in page order.
    scripts: Vec<(Option<String>, String)>,
    lang: Option<String>,
    description: Option<String>,
    og_description: Option<String>,
    /// Whether the tokens are the text of a JSON-LD script (the last of `scripts`).
    in_script: bool,
    /// How many `<template>`s, and `<svg>` or `<math>` elements, the next token is in.
    templates: usize,
    foreign: usize,
    /// Whether the body has begun (no more head elements).
    in_body: bool,
    /// Whether `<plaintext>` has begun: everything after it is text.
    plaintext: bool,
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&mut self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return self.start(&tag),
            Token::TagToken(tag) => self.end(&tag),
            Token::CharacterTokens(text) => {
                let opens_body = !self.plaintext && !text.trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']).is_empty();
                match self.script_text() {
                    Some(script) => script.push_str(&text),
                    // Text outside an element read raw begins the body (whitespace does not).
                    None if opens_body => self.in_body = true,
                    None => {}
                }
            }
            Token::NullCharacterToken => {
                if let Some(script) = self.script_text() {
                    script.push('\u{fffd}');
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Reader {
    /// The text of the JSON-LD script being read, if any.
    fn script_text(&mut self) -> Option<&mut String> {
        self.scripts.last_mut().filter(|_| self.in_script).map(|(_, text)| text)
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        let attr = |name: &str| tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| a.value.trim());
        if !HEAD.contains(&name) {
            self.in_body = true;
        }
        match name {
            "html" if self.lang.is_none() => self.lang = attr("lang").filter(|l| !l.is_empty()).map(str::to_owned),
            "meta" if !self.in_body && self.templates == 0 => self.description(tag),
            "template" => self.templates += 1,
            "svg" | "math" if !tag.self_closing => self.foreign += 1,
            _ if BREAKOUT.contains(&name) => self.foreign = 0,
            "plaintext" => {
                self.plaintext = true;
                return TokenSinkResult::Plaintext;
            }
            _ => {}
        }
        if self.foreign > 0 {
            // SVG's and MathML's elements are not HTML's: none is read raw, and their scripts are not the page's.
            return TokenSinkResult::Continue;
        }
        let Some(&(_, raw)) = RAW.iter().find(|(raw, _)| *raw == name) else { return TokenSinkResult::Continue };
        // The type's essence: `application/ld+json; charset=utf-8` is one too.
        let json_ld =
            attr("type").is_some_and(|t| t.split(';').next().unwrap_or_default().trim().eq_ignore_ascii_case("application/ld+json"));
        if name == "script" && json_ld && self.templates == 0 {
            self.scripts.push((attr("id").filter(|id| !id.is_empty()).map(str::to_owned), String::new()));
            self.in_script = true;
        }
        TokenSinkResult::RawData(raw)
    }

    fn end(&mut self, tag: &Tag) {
        match &*tag.name {
            "script" => self.in_script = false,
            "template" => self.templates = self.templates.saturating_sub(1),
            "svg" | "math" => self.foreign = self.foreign.saturating_sub(1),
            _ => {}
        }
    }

    /// A `<meta>` in the head: the first description and the first
    /// `og:description` are kept (blank or not, as the element reads them).
    fn description(&mut self, tag: &Tag) {
        let attr = |name: &str| tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value);
        let first = if attr("name").is_some_and(|n| n.eq_ignore_ascii_case("description")) {
            &mut self.description
        } else if attr("property") == Some("og:description") {
            &mut self.og_description
        } else {
            return;
        };
        if first.is_none() {
            *first = Some(attr("content").unwrap_or_default().trim().to_owned());
        }
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
    fn a_script_tag_inside_text_read_raw_or_foreign_content_is_no_script() {
        let ld = r#"<script type="application/ld+json">{"x": 1}</script>"#;
        for inside in ["textarea", "title", "noscript", "style", "xmp", "iframe", "noembed", "noframes", "svg", "math"] {
            let page = scripts_in_html(&format!("<!doctype html><body><{inside}>{ld}</{inside}>{ld}"));
            assert_eq!(page.scripts.len(), 1, "{inside}");
        }
        assert_eq!(scripts_in_html(&format!("<svg><style>{ld}</style></svg>{ld}")).scripts.len(), 1);
        assert!(scripts_in_html(&format!("<plaintext>{ld}")).scripts.is_empty());
        // An HTML element ends SVG content left open.
        assert_eq!(scripts_in_html(&format!("<svg><circle r=1><p>{ld}")).scripts.len(), 1);
        // A script's own text may hold what looks like a tag.
        let page = scripts_in_html(r#"<script type="application/ld+json">{"a": "<!-- <script> -->", "b": "<b>"}</script>"#);
        assert_eq!(page.scripts.first().map(|s| s.value["b"].clone()), Some(serde_json::json!("<b>")));
    }

    #[test]
    fn the_language_is_the_first_html_tags_and_the_description_the_heads() {
        let page = scripts_in_html(
            r#"<html lang=" es "><html lang="fr"><head><meta name="Description" content=" Lo que pasó. ">
            <meta property="og:description" content="og"></head>
            <meta name="description" content="after the head, still in it"><body><meta name="description" content="body">"#,
        );
        assert_eq!(page.facts, PageFacts { lang: Some("es".into()), description: Some("Lo que pasó.".into()) });
        let og = scripts_in_html(r#"<meta name="description" content=" "><meta property="og:description" content="og"><p>x</p>"#);
        assert_eq!(og.facts.description.as_deref(), Some("og"));
        // A meta after the body has begun is the body's, and the page has no description.
        let late = scripts_in_html(r#"<title>t</title>text<meta name="description" content="late">"#);
        assert_eq!(late.facts.description, None);
    }

    #[test]
    fn a_page_nested_deep_is_read_in_time_linear_in_its_length() {
        // A tree builder took minutes for this megabyte (its work grows with the square of the depth).
        let ld = r#"<script type="application/ld+json">{"@context": "https://schema.org", "headline": "h"}</script>"#;
        let html = format!("<html><head>{ld}</head><body>{}{ld}</body></html>", "<div>".repeat(200_000));
        let started = std::time::Instant::now();
        assert_eq!(scripts_in_html(&html).scripts.len(), 2);
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    }
}
