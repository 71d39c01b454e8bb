//! The standalone page (`brief-card page`, `brief_card::render::page`): a whole
//! document with link-preview metadata, schema.org JSON-LD, and the card as
//! a `<brief-card>` element holding the brief's JSON and the static fallback.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/examples.rs"]
mod examples;

use std::fs;
use std::path::PathBuf;

use brief_card::render::page::{page, page_with_script, DESCRIPTION_CHARS};
use brief_card::{load, Options};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn example(name: &str) -> String {
    fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/briefs").join(name)).expect("example")
}

fn examples() -> Vec<(String, String)> {
    examples::all()
}

fn render(json: &str, options: &Options) -> String {
    page(&load(json, options).unwrap_or_else(|p| panic!("{p:?}")), options)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn one<'a>(doc: &'a Html, s: &str) -> Option<ElementRef<'a>> {
    doc.select(&sel(s)).next()
}

/// The `content` of `<meta name|property="key">`.
fn meta(doc: &Html, key: &str) -> Option<String> {
    one(doc, &format!("meta[property='{key}'], meta[name='{key}']")).and_then(|m| m.value().attr("content").map(str::to_owned))
}

fn scripts(doc: &Html, ty: &str) -> Vec<String> {
    doc.select(&sel(&format!("script[type='{ty}']"))).map(|s| s.text().collect()).collect()
}

fn ld(doc: &Html) -> Value {
    let all = scripts(doc, "application/ld+json");
    assert_eq!(all.len(), 1, "one JSON-LD script");
    serde_json::from_str(&all[0]).expect("JSON-LD is JSON")
}

#[test]
fn every_example_is_a_whole_page() {
    for (name, text) in examples() {
        let html = render(&text, &Options::default());
        assert!(html.starts_with("<!doctype html>\n"), "{name}");
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "{name}: parse errors {:?}", doc.errors);
        let root = one(&doc, "html").expect("html");
        let brief: Value = serde_json::from_str(&text).expect("example is JSON");
        let first = if brief.is_array() { &brief[0] } else { &brief };
        assert_eq!(root.value().attr("lang"), Some(first["lang"].as_str().unwrap_or("en")), "{name}");
        assert!(root.value().attr("dir").is_some(), "{name}");
        assert!(one(&doc, "head > meta[charset='utf-8']").is_some(), "{name}");
        assert!(meta(&doc, "viewport").is_some_and(|v| v.contains("width=device-width")), "{name}");

        let title: String = one(&doc, "head > title").expect("title").text().collect();
        let want = if brief.is_array() { "Briefs" } else { first["title"].as_str().expect("title") };
        assert_eq!(title, want, "{name}");
        assert_eq!(meta(&doc, "og:title").as_deref(), Some(want), "{name}");
        assert_eq!(meta(&doc, "twitter:title").as_deref(), Some(want), "{name}");
        assert_eq!(meta(&doc, "og:type").as_deref(), Some(if brief.is_array() { "website" } else { "article" }), "{name}");
        assert!(meta(&doc, "twitter:card").is_some(), "{name}");
        if let Some(d) = meta(&doc, "description") {
            assert!(d.chars().count() <= DESCRIPTION_CHARS && !d.is_empty(), "{name}: {d}");
            assert_eq!(meta(&doc, "og:description"), Some(d), "{name}");
        }

        // The element, its data, its static fallback, and the script that upgrades it.
        let card = one(&doc, "body brief-card").expect("a <brief-card>");
        let data = scripts(&doc, "application/json");
        assert_eq!(data.len(), 1, "{name}");
        assert!(one(&doc, "brief-card > script[type='application/json']").is_some(), "{name}");
        let reread = load(&data[0], &Options::default()).expect("the embedded JSON is a valid brief");
        assert_eq!(reread, load(&text, &Options::default()).expect("loads"), "{name}: the embedded JSON is the same brief");
        let articles = card.select(&sel("article")).count();
        assert_eq!(articles, if brief.is_array() { brief.as_array().map_or(0, Vec::len) } else { 1 }, "{name}: the static cards");
        let module = one(&doc, "body > script[type='module']").expect("the module script");
        assert_eq!(module.value().attr("src"), Some("brief-card.js"));
        assert_eq!(doc.select(&sel("script")).count(), 3, "{name}: JSON-LD, data, module");

        let ld = ld(&doc);
        assert_eq!(ld["@context"], "https://schema.org", "{name}");
        if brief.is_array() {
            assert_eq!(ld["@type"], "ItemList");
        } else {
            assert!(matches!(ld["@type"].as_str(), Some("NewsArticle" | "AnalysisNewsArticle")), "{name}");
            assert_eq!(ld["headline"], want);
            assert_eq!(ld["inLanguage"], first["lang"].as_str().unwrap_or("en"));
        }
        // No style outside <head>; the card's own styles are inline.
        assert!(one(&doc, "body style").is_none() && one(&doc, "body link").is_none(), "{name}");
    }
}

#[test]
fn open_graph_canonical_and_json_ld_for_a_brief() {
    let html = render(&example("flash-brief.json"), &Options::default());
    let doc = Html::parse_document(&html);
    let url = "https://example.org/briefs/raisi-latin-america-tour";
    assert_eq!(one(&doc, "link[rel='canonical']").and_then(|l| l.value().attr("href").map(str::to_owned)).as_deref(), Some(url));
    assert_eq!(meta(&doc, "og:url").as_deref(), Some(url));
    assert_eq!(meta(&doc, "article:published_time").as_deref(), Some("2023-06-13"));
    assert_eq!(meta(&doc, "og:site_name").as_deref(), Some("Example Policy Institute"));
    assert_eq!(meta(&doc, "twitter:card").as_deref(), Some("summary"));
    let description = meta(&doc, "description").expect("description");
    assert!(description.starts_with("Iranian President Ebrahim Raisi arrived in Caracas on June 12"));
    assert!(description.ends_with('…') && description.chars().count() <= DESCRIPTION_CHARS);
    let tags: Vec<String> =
        doc.select(&sel("meta[property='article:tag']")).filter_map(|m| m.value().attr("content").map(str::to_owned)).collect();
    assert_eq!(tags, ["Iran", "Iran Global Threat Network", "Iran in Latin America"]);

    let ld = ld(&doc);
    assert_eq!(ld["@type"], "AnalysisNewsArticle", "a Flash Brief is analysis");
    assert_eq!(ld["headline"], "Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries");
    assert_eq!(ld["datePublished"], "2023-06-13");
    assert_eq!(ld["url"], url);
    assert_eq!(ld["description"], description.as_str());
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["name"], "Example Policy Institute");
    assert_eq!(ld["keywords"], serde_json::json!(["Iran", "Iran Global Threat Network", "Iran in Latin America"]));
    let quote = &ld["hasPart"][0];
    assert_eq!(quote["@type"], "Quotation");
    assert!(quote["text"].as_str().is_some_and(|t| t.starts_with("Raisi intends to deepen")));
    assert_eq!(
        quote["creator"],
        serde_json::json!({"@type": "Person", "name": "Emanuele Ottolenghi", "jobTitle": "Senior Fellow", "url": "https://example.org/experts/emanuele-ottolenghi"})
    );
    assert_eq!(ld["citation"].as_array().map(Vec::len), Some(4));
    assert_eq!(ld["citation"][0]["url"], "https://example.org/analysis/venezuela-flying-to-moscow");
}

#[test]
fn types_languages_and_feeds() {
    let fa = Html::parse_document(&render(&example("gozaresh-fa.json"), &Options::default()));
    let root = one(&fa, "html").expect("html");
    assert_eq!((root.value().attr("lang"), root.value().attr("dir")), (Some("fa"), Some("rtl")));
    assert_eq!(ld(&fa)["@type"], "NewsArticle");
    assert!(one(&fa, "link[rel='canonical']").is_none() && meta(&fa, "og:url").is_none(), "no url, no canonical");

    let es = Html::parse_document(&render(&example("resumen-es.json"), &Options::default()));
    assert_eq!(ld(&es)["@type"], "AnalysisNewsArticle", "an Informe breve is analysis");

    let minimal = Html::parse_document(&render(&example("minimal.json"), &Options::default()));
    assert_eq!(ld(&minimal)["@type"], "NewsArticle");
    assert!(meta(&minimal, "description").is_none(), "nothing to describe");

    let feed = Html::parse_document(&render(&example("feed.json"), &Options::default()));
    let ld = ld(&feed);
    assert_eq!(ld["@type"], "ItemList");
    assert_eq!(ld["numberOfItems"], 3);
    let items = ld["itemListElement"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["@type"], "ListItem");
        assert_eq!(item["position"], i + 1);
        assert!(item["item"]["headline"].as_str().is_some_and(|h| h.ends_with(&format!("(part {})", i + 1))));
    }
    assert_eq!(items[0]["item"]["@type"], "AnalysisNewsArticle");
    assert_eq!(one(&feed, "h1").map(|h| h.text().collect::<String>()).as_deref(), Some("Briefs"));
}

#[test]
fn images_and_base_urls() {
    let brief =
        r#"{"title":"With a picture","url":"/b/1","image":{"src":"/i/lead.jpg","alt":"A runway"},"summary":{"paragraphs":["Short."]}}"#;
    let relative = Html::parse_document(&render(brief, &Options::default()));
    assert!(meta(&relative, "og:image").is_none() && meta(&relative, "og:url").is_none(), "Open Graph needs absolute URLs");
    assert_eq!(one(&relative, "link[rel='canonical']").and_then(|l| l.value().attr("href").map(str::to_owned)).as_deref(), Some("/b/1"));

    let mut options = Options::default();
    options.base_url = Some("https://example.org/x/".into());
    let absolute = Html::parse_document(&render(brief, &options));
    assert_eq!(meta(&absolute, "og:image").as_deref(), Some("https://example.org/i/lead.jpg"));
    assert_eq!(meta(&absolute, "og:image:alt").as_deref(), Some("A runway"));
    assert!(meta(&absolute, "og:image:width").is_none(), "no size given, none written");
    // No image of its own: the publisher's logo, in the small card.
    let logo_only = r#"{"title":"Words only","publisher":{"name":"P","logo":"https://example.org/logo.png"}}"#;
    let logo_only = Html::parse_document(&render(logo_only, &Options::default()));
    assert_eq!(meta(&logo_only, "og:image").as_deref(), Some("https://example.org/logo.png"));
    assert_eq!(meta(&logo_only, "twitter:image").as_deref(), Some("https://example.org/logo.png"));
    assert_eq!(meta(&logo_only, "twitter:card").as_deref(), Some("summary"));
    let with_both = brief.replace(r#""url":"/b/1""#, r#""url":"/b/1","publisher":{"name":"P","logo":"https://example.org/logo.png"}"#);
    let with_both = Html::parse_document(&render(&with_both, &options));
    assert_eq!(meta(&with_both, "og:image").as_deref(), Some("https://example.org/i/lead.jpg"), "the brief's own image first");
    let sized = brief.replace(r#""alt":"A runway""#, r#""alt":"A runway","width":1200,"height":675"#);
    let sized = Html::parse_document(&render(&sized, &options));
    assert_eq!((meta(&sized, "og:image:width").as_deref(), meta(&sized, "og:image:height").as_deref()), (Some("1200"), Some("675")));
    assert_eq!(meta(&absolute, "twitter:image").as_deref(), Some("https://example.org/i/lead.jpg"));
    assert_eq!(meta(&absolute, "twitter:card").as_deref(), Some("summary_large_image"));
    assert_eq!(meta(&absolute, "og:url").as_deref(), Some("https://example.org/b/1"));
    assert_eq!(ld(&absolute)["image"]["url"], "https://example.org/i/lead.jpg");
    let data = scripts(&absolute, "application/json");
    let data: Value = serde_json::from_str(&data[0]).expect("JSON");
    assert_eq!(data["url"], "https://example.org/b/1", "the embedded brief has the resolved URLs");
}

#[test]
fn hostile_text_cannot_leave_its_script_or_attribute() {
    let evil = "</script><script>alert(1)</script><!--<script>";
    let brief = serde_json::json!({
        "id": "x",
        "kind": evil,
        "title": evil,
        "summary": {"paragraphs": [evil, [{"text": evil, "href": "https://example.org/?q=</script>"}]]},
        "quotes": [{"text": evil, "author": evil, "role": "\" onload=\"alert(1)"}],
        "related": [{"title": evil, "url": "https://example.org/\"><script>alert(1)</script>", "author": evil}],
        "tags": [{"label": evil}, {"label": "\u{2028}\u{2029}&amp;"}],
        "labels": {"readMore": evil},
        "publisher": {"name": evil}
    })
    .to_string();
    let html = render(&brief, &Options::default());
    assert!(!html.contains("<script>"), "no raw script tag from the data");
    assert_eq!(html.matches("<script").count(), 3, "only the page's own three scripts");
    assert_eq!(html.matches("</script>").count(), 3);
    assert!(!html.contains("<!--"), "no comment opened by the data");

    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors {:?}", doc.errors);
    assert_eq!(doc.select(&sel("script")).count(), 3);
    let title: String = one(&doc, "title").expect("title").text().collect();
    assert_eq!(title, evil);
    assert_eq!(meta(&doc, "og:title").as_deref(), Some(evil));
    let ld = ld(&doc);
    assert_eq!(ld["headline"], evil);
    assert_eq!(ld["hasPart"][0]["creator"]["jobTitle"], "\" onload=\"alert(1)");
    let data = scripts(&doc, "application/json");
    let data: Value = serde_json::from_str(&data[0]).expect("the embedded brief is JSON");
    assert_eq!(data["title"], evil);
    assert_eq!(data["tags"][1]["label"], "\u{2028}\u{2029}&amp;");
    for el in doc.select(&sel("*")) {
        assert!(el.value().attrs().all(|(name, _)| !name.starts_with("on")), "no event handler attribute");
    }
    // A page of one brief has the card's title as its h1.
    let h1: String = one(&doc, "article h1.bc-title").expect("card title").text().collect();
    assert_eq!(h1, evil, "the static card shows the text literally");
}

#[test]
fn directional_controls_stay_inside_the_text_that_writes_them() {
    // An override left open in one title would reverse the titles the feed's
    // description joins after it ("Trojan Source"); a stray PDI would close
    // an isolate around it. Pairs the text closes itself are the writer's.
    let (rlo, pdf, rli, pdi) = ('\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}');
    let feed = serde_json::json!([
        {"title": format!("Budget{rlo} gro"), "authors": [{"name": format!("Ana{rlo}")}, {"name": "Ben"}]},
        {"title": format!("{pdi}Rates {rli}هدف{pdi} and {rlo}x{pdf}")},
    ])
    .to_string();
    let html = render(&feed, &Options::default());
    let doc = Html::parse_document(&html);
    let description = meta(&doc, "description").expect("description");
    assert_eq!(description, format!("Budget gro · Rates {rli}هدف{pdi} and {rlo}x{pdf}"));

    let brief =
        serde_json::json!({"title": format!("{rlo}{rli}t"), "authors": [{"name": format!("Ana{rlo}")}, {"name": "Ben"}]}).to_string();
    let doc = Html::parse_document(&render(&brief, &Options::default()));
    let title: String = one(&doc, "title").expect("title").text().collect();
    assert_eq!(title, "t");
    assert_eq!(meta(&doc, "author").as_deref(), Some("Ana, Ben"));
    // A description cut between an override and its closer is balanced again.
    let long = format!("{}{rlo}{}{pdf}", "x".repeat(120), "y ".repeat(200));
    let doc = Html::parse_document(&render(
        &serde_json::json!({"title": "t", "summary": {"paragraphs": [long]}}).to_string(),
        &Options::default(),
    ));
    let description = meta(&doc, "description").expect("description");
    assert!(description.ends_with('…') && !description.contains(rlo), "{description:?}");
    // And trimmed after: the control that went may have hidden a comma.
    let comma = format!("{},{rlo}{}{pdf}", "a".repeat(157), "y ".repeat(200));
    let doc = Html::parse_document(&render(
        &serde_json::json!({"title": "t", "summary": {"paragraphs": [comma]}}).to_string(),
        &Options::default(),
    ));
    let description = meta(&doc, "description").expect("description");
    assert!(!description.ends_with(",…"), "{description:?}");
    // A title of directional controls alone shows nothing: it is blank.
    let problems = load(&serde_json::json!({"title": format!("{rlo}{pdf} ")}).to_string(), &Options::default()).unwrap_err();
    assert_eq!(problems[0].to_string(), "title: must not be empty");
}

#[test]
fn options_and_the_script_url() {
    let doc = load(&example("flash-brief.json"), &Options::default()).expect("loads");
    let mut options = Options::default();
    options.theme = brief_card::validate::options::Theme::Dark;
    options.link_target = brief_card::validate::options::LinkTarget::Blank;
    options.locale = Some("de".into());
    let html = page_with_script(&doc, &options, "https://cdn.example.org/brief-card.js");
    let parsed = Html::parse_document(&html);
    let card = one(&parsed, "brief-card").expect("element");
    assert_eq!(card.value().attr("theme"), Some("dark"));
    assert_eq!(card.value().attr("link-target"), Some("_blank"));
    assert_eq!(card.value().attr("locale"), Some("de"));
    assert!(html.contains("13. Juni 2023"), "the fallback uses the options");
    assert_eq!(meta(&parsed, "color-scheme").as_deref(), Some("dark"));
    assert_eq!(
        one(&parsed, "script[type='module']").and_then(|s| s.value().attr("src").map(str::to_owned)).as_deref(),
        Some("https://cdn.example.org/brief-card.js")
    );

    // The page sets the outline's levels, whatever was asked for: a brief's title is the h1; a
    // feed's cards are h2s under the page's own h1 (never h3 after h1, never a second h1).
    let feed = load(&example("feed.json"), &Options::default()).expect("loads");
    for level in 1..=4 {
        let mut options = Options::default();
        options.heading_level = level;
        let levels = |doc| {
            let html = page_with_script(doc, &options, "brief-card.js");
            let parsed = Html::parse_document(&html);
            let selector = scraper::Selector::parse("h1, h2, h3, h4, h5").expect("selector");
            let mut found: Vec<String> = parsed.select(&selector).map(|h| h.value().name().to_owned()).collect();
            found.dedup();
            found
        };
        assert_eq!(levels(&doc)[..2], ["h1", "h2"], "--heading-level {level}, one brief");
        assert_eq!(levels(&feed)[..3], ["h1", "h2", "h3"], "--heading-level {level}, a feed");
    }

    let refused = page_with_script(&doc, &Options::default(), "javascript:alert(1)");
    assert!(refused.contains("<script type=\"module\" src=\"brief-card.js\"></script>"), "a refused script URL falls back to the default");
    assert!(!refused.contains("javascript:"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the text, the page keeps exactly its three scripts, and the
    /// JSON in them reads back to the same text.
    #[test]
    fn any_text_stays_inside_its_script(title in "\\PC{1,40}", para in "[<>&\"'/!a-z\\- \u{2028}\u{2029}]{0,40}") {
        proptest::prop_assume!(!title.trim().is_empty());
        let brief = serde_json::json!({"title": title, "summary": {"paragraphs": [para]}, "tags": [{"label": title}]}).to_string();
        let html = render(&brief, &Options::default());
        let doc = Html::parse_document(&html);
        proptest::prop_assert_eq!(doc.select(&sel("script")).count(), 3);
        let data: Value = serde_json::from_str(&scripts(&doc, "application/json")[0]).expect("JSON");
        proptest::prop_assert_eq!(data["title"].as_str(), Some(title.as_str()));
        // A blank paragraph is none, and a summary of none is no block.
        let shown_para = (!para.trim().is_empty()).then_some(para.as_str());
        proptest::prop_assert_eq!(data["summary"]["paragraphs"][0].as_str(), shown_para);
        let ld = ld(&doc);
        proptest::prop_assert_eq!(ld["headline"].as_str(), Some(title.as_str()));
        let shown: String = one(&doc, "title").expect("title").text().collect();
        proptest::prop_assert_eq!(shown, title);
    }
}

/// A share preview's locale and authors: `og:locale` is `language_TERRITORY`
/// (the territory from CLDR's likely subtags when the brief's `lang` names
/// none), and each author is an `article:author`, by their page where they
/// have one.
#[test]
fn locale_and_authors_for_share_previews() {
    let locale =
        |lang: &str| meta(&Html::parse_document(&render(&format!(r#"{{"title":"t","lang":"{lang}"}}"#), &Options::default())), "og:locale");
    for (lang, expected) in [
        ("en", Some("en_US")),
        ("es", Some("es_ES")),
        ("fa", Some("fa_IR")),
        ("pt-BR", Some("pt_BR")),
        ("zh-Hant", Some("zh_TW")),
        ("fa-IR-u-ca-gregory", Some("fa_IR")),
        ("de-u-nu-latn", Some("de_DE")),
        ("dv", Some("dv_MV")),
        ("yi", Some("yi_UA")),
        ("qaa", None),
    ] {
        assert_eq!(locale(lang).as_deref(), expected, "{lang}");
    }
    let brief = r#"{"title":"t","authors":[{"name":"Ana Ruiz","url":"https://example.org/people/ana"},{"name":"Bo Li"},{"name":"Cy","url":"/people/cy"}]}"#;
    let doc = Html::parse_document(&render(brief, &Options::default()));
    let authors: Vec<String> =
        doc.select(&sel("meta[property='article:author']")).filter_map(|m| m.value().attr("content").map(str::to_owned)).collect();
    assert_eq!(authors, ["https://example.org/people/ana", "Bo Li", "Cy"], "a relative page is no profile address for Open Graph");
    assert_eq!(meta(&doc, "author").as_deref(), Some("Ana Ruiz, Bo Li, Cy"));
    let feed = Html::parse_document(&render(&example("feed.json"), &Options::default()));
    assert!(meta(&feed, "article:author").is_none() && meta(&feed, "author").is_none(), "a feed's page is no article");
}
