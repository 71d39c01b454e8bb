//! The `<brief-card>` element as a server writes it: its attributes carry
//! the options the element reads (`theme`, `layout`, …) and a
//! `<script type="application/json">` child carries the brief, so that the
//! element, when it upgrades, renders the same card.
//!
//! [`declarative`] is server rendering (`declarativeShadowDom`, CLI
//! `--declarative-shadow-dom`): the live card itself, its markup and its
//! stylesheet, in declarative shadow DOM (`<template shadowrootmode="open">`).
//! The browser attaches that shadow root while it parses the page, so the
//! card shows before any script runs; the element then finds the root and
//! renders the same markup into it, so nothing moves (no flash, no layout
//! shift). The page's standalone card ([`super::page`]) puts the static
//! fragment in the light DOM instead, for crawlers and readers without script.

use super::dates::DateFormat;
use super::escape;
use super::html_writer::{write_attr, AsIs, HtmlWriter};
use super::style::CARD_CSS;
use crate::validate::model::Document;
use crate::validate::options::{LinkTarget, Options};
use crate::view::{self, Context};

/// `<brief-card …>`: the start tag, with an attribute for each option the
/// element reads that differs from its default (theme and layout always).
pub(crate) fn start_tag(out: &mut String, options: &Options) {
    out.push_str("<brief-card");
    write_attr(out, "theme", options.theme.as_str());
    write_attr(out, "layout", options.layout.as_str());
    if let Some(l) = &options.locale {
        write_attr(out, "locale", l);
    }
    if options.link_target == LinkTarget::Blank {
        write_attr(out, "link-target", "_blank");
    }
    if options.heading_level != Options::default().heading_level {
        write_attr(out, "heading-level", &options.heading_level.to_string());
    }
    out.push('>');
}

/// The brief's JSON for the element, in the `<script type="application/json">`
/// it reads (`json`: JSON text, escaped for the script here).
pub(crate) fn data_script(out: &mut String, json: &str) {
    out.push_str("<script type=\"application/json\">");
    escape::script_json(out, json);
    out.push_str("</script>");
}

/// The server-rendered card: `<brief-card>` holding the live card in an open
/// declarative shadow root, the brief's JSON (`json`: JSON text the element
/// reads as this document), and, for a browser that has neither script nor
/// declarative shadow DOM, each brief's title (linked to its page) in the
/// light DOM, which the shadow root otherwise hides.
///
/// The element carries only its attributes and that JSON into its own
/// render, so options it has no attribute for are refused with this one
/// (validate::options): `labels` (a brief's own `labels` are in its JSON),
/// `baseUrl` (relative URLs stay relative, for the page to resolve, as the
/// element leaves them), `email`, and `shadow: false`.
///
/// The markup is the live card's, as the element builds it (buttons
/// included: they work once the element has upgraded; without script,
/// card.css's `scripting: none` rules show every paragraph and hide them).
/// Its `<style>` is an inline style: a page whose CSP has a strict
/// `style-src` shows the card unstyled until the element adopts the
/// stylesheet (the README's CSP section says so).
pub fn declarative(doc: &Document, options: &Options, dates: DateFormat, json: &str) -> String {
    let mut out = String::new();
    start_tag(&mut out, options);
    out.push_str("<template shadowrootmode=\"open\"><style>");
    // card.css has no `</`, so it cannot end the raw-text <style> (tested).
    out.push_str(CARD_CSS);
    out.push_str("</style>");
    let cx = Context { options, format_date: &dates, interactive: true, number: None };
    view::document(doc, &cx, &mut HtmlWriter::new(&mut out, &AsIs));
    out.push_str("</template>");
    data_script(&mut out, json);
    for b in doc.briefs() {
        out.push_str("<p>");
        if let Some(url) = &b.url {
            out.push_str("<a");
            write_attr(&mut out, "href", url);
            out.push('>');
            escape::text(&mut out, &b.title);
            out.push_str("</a>");
        } else {
            escape::text(&mut out, &b.title);
        }
        out.push_str("</p>");
    }
    out.push_str("</brief-card>");
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::render::dates::builtin;

    #[test]
    fn the_stylesheet_cannot_end_its_style_element() {
        assert!(!CARD_CSS.contains("</"));
    }

    #[test]
    fn the_live_card_in_a_shadow_root_its_json_and_a_fallback() {
        let doc = crate::validate::load_default(
            r#"{"id":"b1","title":"T </template><script>x()</script>","url":"https://news.example/b1","summary":{"paragraphs":["a"]}}"#,
        )
        .unwrap();
        let options = Options { heading_level: 3, ..Options::default() };
        let json = r#"{"title":"T </template><script>x()</script>","url":"https://news.example/b1"}"#;
        let html = declarative(&doc, &options, builtin, json);
        assert!(
            html.starts_with("<brief-card theme=\"light\" layout=\"full\" heading-level=\"3\"><template shadowrootmode=\"open\"><style>"),
            "{html}"
        );
        let live = &html[html.find("</style>").unwrap()..html.find("</template>").unwrap()];
        // The interactive card (its Copy link button), not the static one.
        assert!(live.contains("class=\"bc-copy\""), "{live}");
        assert!(live.contains("<h3 "), "{live}");
        assert!(live.contains("T &lt;/template&gt;&lt;script&gt;x()&lt;/script&gt;"), "{live}");
        assert!(
            html.contains(r#"<script type="application/json">{"title":"T \u003c/template\u003e\u003cscript\u003ex()\u003c/script\u003e","#),
            "{html}"
        );
        assert!(
            html.ends_with(
                "<p><a href=\"https://news.example/b1\">T &lt;/template&gt;&lt;script&gt;x()&lt;/script&gt;</a></p></brief-card>"
            ),
            "{html}"
        );
    }
}
