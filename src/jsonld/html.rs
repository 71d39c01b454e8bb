//! The JSON-LD of a saved HTML page (native only: the command line reads
//! `article.html`; in the browser the element reads the live page's scripts).
//! The page is parsed as browsers parse it (html5ever, through `scraper`),
//! so a `</script>` inside a comment or an attribute cannot fool it.

use scraper::{Html, Selector};

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
    let page = Html::parse_document(html);
    let lang = page.root_element().value().attr("lang").map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    let facts = PageFacts { lang, description: description(&page) };
    let (mut scripts, mut problems) = (Vec::new(), Vec::new());
    let Ok(selector) = Selector::parse("script") else { return SavedPage { scripts, unreadable: problems, facts } };
    // As `<brief-card jsonld>` finds them on the live page: never inside a
    // `<template>`, whose content (a declarative shadow root's too) is no
    // part of the document's tree.
    let in_template = |s: &scraper::ElementRef| s.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "template"));
    let json_ld = page
        .select(&selector)
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
        match json_value(script_json(&text)) {
            Ok(value) => scripts.push(Script::in_page(id, i, value)),
            Err(found) => {
                let name = Script::name(id, i);
                problems.extend(found.into_iter().map(|p| Problem::new(name.clone(), p.message)));
            }
        }
    }
    SavedPage { scripts, unreadable: problems, facts }
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
}
