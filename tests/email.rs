//! The email variant (`renderBriefHtml(brief, { email: true })`,
//! `brief-card render --email`) follows the rules email clients need, for
//! every example brief, theme and layout, and for a brief that uses every
//! field (image, logo, relative URLs):
//!
//! - inline `style` attributes only: no `<style>`, `<link>`, `<script>`,
//!   `<svg>`, no classes, no `var(--…)`, no `position`, no web fonts or
//!   `url(…)` in styles, no logical properties or values;
//! - none of HTML5's sectioning elements, which Outlook and Yahoo drop with
//!   their styles and Gmail rewrites (`<nav>` as `<u>`): `<div>`s;
//! - one column at most 600 px wide that shrinks to the screen;
//! - only absolute http(s) URLs (and `mailto:` for links);
//! - images with `alt` and a numeric `width` within the column;
//! - explicit background and text colours on the card (dark-mode tolerant).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/examples.rs"]
mod examples;

use brief_card::validate::options::{Layout, Theme};
use brief_card::{render_html, Options};
use scraper::{Html, Selector};

const BASE: &str = "https://example.org/briefs/";

/// A brief with every field, relative URLs included.
const FULL: &str = r#"{
  "id": "full", "kind": "Analysis", "title": "Everything <b>at once</b>", "date": "2023-06-13T09:30:00Z",
  "url": "/briefs/full", "lang": "en",
  "publisher": {"name": "Example Institute", "url": "https://example.org/", "logo": "/logo.png"},
  "image": {"src": "img/lead.jpg", "alt": "A delegation on a runway", "caption": "Caracas, June 12"},
  "summary": {"paragraphs": ["Plain.", ["Run ", {"text": "link", "href": "../x?y=1#z", "em": true}, {"text": "mail", "href": "mailto:desk@example.org"}]]},
  "quotes": [{"text": "Quoted.", "author": "A. Expert", "role": "Fellow", "url": "//people.example.org/a"}],
  "sections": [{"heading": "One", "paragraphs": ["a", "b", "c", "d", "e", "f", "g"]}],
  "related": [{"title": "R", "url": "related/1", "date": "2023-05-01", "kind": "Memo", "author": "B"}],
  "tags": [{"label": "Tag", "url": "/tags/t"}, {"label": "Plain tag"}]
}"#;

fn examples() -> Vec<(String, String)> {
    let mut out = examples::all();
    out.push(("(full brief)".into(), FULL.into()));
    out
}

/// The email variant's options, with `base` to make relative URLs absolute.
fn email(base: Option<&str>) -> Options {
    let mut o = Options::default();
    o.email = true;
    o.base_url = base.map(Into::into);
    o
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// Every email rendering of every example: (label, html).
fn emails() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in examples() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            for layout in [Layout::Full, Layout::Compact] {
                let mut options = email(Some(BASE));
                options.theme = theme;
                options.layout = layout;
                let html = render_html(&text, &options).unwrap_or_else(|p| panic!("{name}: {p:?}"));
                out.push((format!("{name} {} {}", theme.as_str(), layout.as_str()), html));
            }
        }
    }
    out
}

/// The cards of an email: each its column's cell's element (a `<div>`).
fn is_card(e: &scraper::node::Element) -> bool {
    e.name() == "div" && e.attr("lang").is_some() && e.attr("style").is_some_and(|s| s.contains("border-top:4px"))
}

fn cards(doc: &Html) -> Vec<scraper::ElementRef<'_>> {
    doc.select(&sel("td > div[lang]")).filter(|c| is_card(c.value())).collect()
}

fn px_values<'a>(style: &'a str, property: &str) -> Vec<&'a str> {
    style.split(';').filter_map(|decl| decl.split_once(':')).filter(|(p, _)| p.trim() == property).map(|(_, v)| v.trim()).collect()
}

#[test]
fn no_forbidden_constructs() {
    // The one comment email has: Outlook's own table around each column (Outlook reads no max-width).
    use brief_card::render::{OUTLOOK_COLUMN_CLOSE as OUTLOOK_CLOSE, OUTLOOK_COLUMN_OPEN as OUTLOOK_OPEN};
    for (label, html) in emails() {
        let columns = html.matches("<table role=\"presentation\" width=\"600\" cellpadding").count();
        assert!(columns > 0, "{label}: a column");
        assert_eq!(
            (html.matches(OUTLOOK_OPEN).count(), html.matches(OUTLOOK_CLOSE).count()),
            (columns, columns),
            "{label}: Outlook's table around each column"
        );
        let lower = html.replace(OUTLOOK_OPEN, "").replace(OUTLOOK_CLOSE, "").to_ascii_lowercase();
        for bad in ["<style", "<link", "<script", "<svg", "<iframe", "<form", "<button", "var(--", "@font-face", "@import", "url(", "<!--"]
        {
            assert!(!lower.contains(bad), "{label}: contains {bad}");
        }
        let doc = Html::parse_fragment(&html);
        for el in doc.select(&sel("*")) {
            let e = el.value();
            let sectioning = ["article", "section", "header", "footer", "nav", "aside", "figure", "figcaption", "time", "main"];
            assert!(!sectioning.contains(&e.name()), "{label}: <{}>", e.name());
            for (name, value) in e.attrs() {
                assert!(
                    !matches!(name, "class" | "part" | "hidden") && !name.starts_with("data-") && !name.starts_with("on"),
                    "{label}: <{}> has attribute {name}",
                    e.name()
                );
                if name == "style" {
                    let v = value.to_ascii_lowercase();
                    for bad in [
                        "position",
                        "inline-start",
                        "inline-end",
                        "text-align:start",
                        "text-align:end",
                        "var(",
                        "url(",
                        "expression(",
                        "!important",
                    ] {
                        assert!(!v.contains(bad), "{label}: <{}> style has {bad}: {value}", e.name());
                    }
                }
            }
        }
    }
}

#[test]
fn urls_are_absolute() {
    for (label, html) in emails() {
        let doc = Html::parse_fragment(&html);
        for el in doc.select(&sel("[href], [src]")) {
            if let Some(href) = el.value().attr("href") {
                assert!(href.starts_with("https://") || href.starts_with("http://") || href.starts_with("mailto:"), "{label}: href {href}");
            }
            if let Some(src) = el.value().attr("src") {
                assert!(src.starts_with("https://") || src.starts_with("http://"), "{label}: src {src}");
            }
        }
    }
}

#[test]
fn images_have_alt_and_width_within_the_column() {
    let mut seen = 0;
    for (label, html) in emails() {
        let doc = Html::parse_fragment(&html);
        for img in doc.select(&sel("img")) {
            seen += 1;
            let e = img.value();
            assert!(e.attr("alt").is_some(), "{label}: img without alt");
            // Outlook sizes an image by its attributes: the lead image by its
            // width, the logo by its height (20 px; its width follows its shape).
            let logo = e.attr("src").is_some_and(|s| s.contains("logo"));
            let (dimension, max) = if logo { ("height", 20) } else { ("width", brief_card::render::EMAIL_IMAGE_WIDTH) };
            let size: u32 =
                e.attr(dimension).and_then(|w| w.parse().ok()).unwrap_or_else(|| panic!("{label}: img without a numeric {dimension}"));
            assert!((1..=max).contains(&size), "{label}: img {dimension} {size}");
            assert!(e.attr("style").is_some_and(|s| s.contains("border:0")), "{label}: img border");
        }
    }
    assert!(seen > 0, "the full brief has images");
    let full = render_html(FULL, &email(Some(BASE))).expect("renders");
    assert!(full.contains("src=\"https://example.org/logo.png\""));
    assert!(full.contains("src=\"https://example.org/briefs/img/lead.jpg\" alt=\"A delegation on a runway\""));
    assert!(full.contains("href=\"https://people.example.org/a\""), "protocol-relative URLs get the base's scheme");
    assert!(full.contains("href=\"https://example.org/x?y=1#z\""));
    assert!(full.contains("href=\"mailto:desk@example.org\""));
}

#[test]
fn one_column_of_at_most_600px_that_shrinks() {
    for (label, html) in emails() {
        let doc = Html::parse_fragment(&html);
        // Nothing is wider than the column.
        for el in doc.select(&sel("[width]")) {
            let w = el.value().attr("width").unwrap_or_default();
            if w != "100%" {
                let n: u32 = w.parse().unwrap_or_else(|_| panic!("{label}: width={w}"));
                assert!(n <= 600, "{label}: <{}> width={n}", el.value().name());
            }
        }
        for el in doc.select(&sel("[style]")) {
            let style = el.value().attr("style").unwrap_or_default();
            for property in ["width", "max-width", "min-width"] {
                // The last declaration of a property wins (the card's
                // `max-width:720px` is overridden by the email's 600 px).
                if let Some(v) = px_values(style, property).last() {
                    if let Some(px) = v.strip_suffix("px") {
                        let n: f32 = px.parse().unwrap_or_else(|_| panic!("{label}: {property}:{v}"));
                        assert!(n <= 600.0, "{label}: {property}:{v}");
                    }
                }
            }
        }
        // The column: a layout table at most 600 px wide, 100 % on narrow screens.
        let tables: Vec<_> = doc.select(&sel("table")).collect();
        assert!(!tables.is_empty(), "{label}: layout tables");
        for t in &tables {
            assert_eq!(t.value().attr("role"), Some("presentation"), "{label}: layout tables are presentational");
        }
        let column = doc.select(&sel("table[width='600']")).next().unwrap_or_else(|| panic!("{label}: the 600 px column"));
        let style = column.value().attr("style").unwrap_or_default();
        assert!(style.contains("max-width:600px") && style.contains("width:100%"), "{label}: {style}");
        // One card per column, never side by side.
        for td in doc.select(&sel("td")) {
            let articles = td.children().filter(|c| c.value().as_element().is_some_and(is_card)).count();
            assert!(articles <= 1, "{label}: cards side by side");
        }
        let cards = cards(&doc).len();
        let columns = doc.select(&sel("table[width='600']")).count();
        assert_eq!(cards, columns, "{label}: each card in its own column row");
    }
}

#[test]
fn explicit_colours_on_the_card() {
    for (label, html) in emails() {
        let doc = Html::parse_fragment(&html);
        for card in cards(&doc) {
            let style = card.value().attr("style").unwrap_or_default();
            let bg = px_values(style, "background");
            let fg = px_values(style, "color");
            assert!(bg.iter().any(|v| v.starts_with('#')), "{label}: card background: {style}");
            assert!(fg.iter().any(|v| v.starts_with('#')), "{label}: card colour: {style}");
        }
        for td in doc.select(&sel("td")) {
            if td.children().any(|c| c.value().as_element().is_some_and(is_card)) {
                let style = td.value().attr("style").unwrap_or_default();
                assert!(px_values(style, "background").iter().any(|v| v.starts_with('#')), "{label}: cell background: {style}");
            }
        }
        let dark = label.contains(" dark ");
        assert_eq!(html.contains("background:#15181e"), dark, "{label}: theme colours");
    }
}

#[test]
fn direction_becomes_physical() {
    let fa = examples().into_iter().find(|(n, _)| n == "gozaresh-fa.json").expect("the Persian example").1;
    let html = render_html(&fa, &email(None)).expect("renders");
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains("text-align:right"), "rtl text is right-aligned");
    assert!(!html.contains("text-align:left"));
    let en = render_html(r#"{"title":"t","quotes":[{"text":"q","author":"a","role":"r"}]}"#, &email(None)).expect("renders");
    // The role after the author: a rule and padding on its start side (`.bc-author+.bc-role` in card.css).
    assert!(en.contains("text-align:left") && en.contains("border-left:4px") && en.contains("padding-left:.6em"));
    assert!(html.contains("border-right:4px") && html.contains("padding-right:.6em"));
}

#[test]
fn relative_urls_without_a_base_name_their_path() {
    let problems = render_html(FULL, &email(None)).expect_err("relative URLs need a base");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["url", "publisher.logo", "image.src", "summary.paragraphs[1][1].href", "quotes[0].url", "related[0].url", "tags[0].url"]
    );
    for p in &problems {
        assert_eq!(p.message, "is a relative URL; email needs absolute ones (give a base URL)");
    }
    // The same brief is fine as a fragment, where relative URLs resolve against the page.
    assert!(render_html(FULL, &Options::default()).is_ok());
}

#[test]
fn without_a_base_relative_urls_resolve_against_each_briefs_own_page() {
    let brief = |url: &str, link: &str| format!(r#"{{"title":"t","url":"{url}","related":[{{"title":"r","url":"{link}"}}]}}"#);
    let feed = format!("[{},{}]", brief("https://a.example/news/one", "two"), brief("https://b.example/x/", "/y"));
    let html = render_html(&feed, &email(None)).expect("each brief has a page of its own");
    assert!(html.contains("href=\"https://a.example/news/two\"") && html.contains("href=\"https://b.example/y\""), "{html}");
    // A base URL comes first.
    let html = render_html(&feed, &email(Some(BASE))).expect("renders");
    assert!(html.contains("href=\"https://example.org/briefs/two\""), "{html}");
    // A brief's page that is itself relative is refused, and gives no base.
    let problems = render_html(&brief("/news/one", "two"), &email(None)).expect_err("no absolute page");
    assert_eq!(problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["url", "related[0].url"]);
}

/// A feed's cards give each id once, numbered as the other outputs number
/// them (`same-2`; `x-quote-1-2`, since the first card makes `x-quote-1` of its own id).
#[test]
fn a_feed_gives_each_id_once_as_the_other_outputs_do() {
    let ids = |feed: &str| {
        let html = render_html(feed, &email(None)).expect("renders");
        let doc = Html::parse_fragment(&html);
        doc.select(&sel("[id]")).filter_map(|e| e.value().attr("id").map(str::to_owned)).collect::<Vec<_>>()
    };
    assert_eq!(ids(r#"[{"id":"same","title":"a"},{"id":"same","title":"b"}]"#), ["same", "same-2"]);
    let clash = r#"[{"id":"x","title":"a","quotes":[{"text":"q","author":"y"}]},{"id":"x-quote-1","title":"b"}]"#;
    assert_eq!(ids(clash), ["x", "x-quote-1", "x-quote-1-2"]);
    let fragment = render_html(clash, &Options::default()).expect("renders");
    assert!(fragment.contains(" id=\"x-quote-1-2\""), "the fragment numbers it alike");
}

/// Many clients ignore `dir="auto"`: email writes the direction a browser
/// would find (the first strong letter), and the sides and alignment of it.
#[test]
fn auto_direction_is_resolved_per_text() {
    let brief = r#"{"title":"تقرير عن الزيارة","dir":"auto","summary":{"paragraphs":["هذا نص عربي طويل.","English, then عربي."]},
        "quotes":[{"text":"اقتباس","author":"كاتب"}],"url":"https://x.example/"}"#;
    let html = render_html(brief, &email(None)).expect("renders");
    assert!(!html.contains("dir=\"auto\""), "{html}");
    let doc = Html::parse_fragment(&html);
    let style_of = |text: &str| {
        let el = doc.select(&sel("[dir]")).find(|e| e.text().collect::<String>() == text).unwrap_or_else(|| panic!("{text} in {html}"));
        (el.value().attr("dir").unwrap_or_default(), el.value().attr("style").unwrap_or_default().to_owned())
    };
    for arabic in ["تقرير عن الزيارة", "هذا نص عربي طويل.", "اقتباس"] {
        let (dir, style) = style_of(arabic);
        assert_eq!(dir, "rtl", "{arabic}");
        assert!(style.ends_with(";text-align:right"), "{arabic} aligns right: {style}");
    }
    let (dir, style) = style_of("English, then عربي.");
    assert!(dir == "ltr" && !style.contains("text-align"), "{style}");
    // The card takes its own direction from its own text ("Read the full
    // brief"), as a browser does, and so its sides: the quote's rule on the left.
    let card = &cards(&doc)[0];
    assert_eq!(card.value().attr("dir"), Some("ltr"));
    assert!(html.contains("border-left:4px solid"), "{html}");
    // A card in Arabic words reads right to left, its column's cell too.
    let arabic_card = render_html(&brief.replace(r#""dir":"auto""#, r#""dir":"auto","lang":"ar""#), &email(None)).expect("renders");
    assert!(arabic_card.contains(r#"<td lang="ar" dir="rtl""#) && arabic_card.contains("border-right:4px solid"), "{arabic_card}");
}

/// A quote in a language of the other direction aligns to its own side.
#[test]
fn a_quote_of_the_other_direction_aligns_to_its_side() {
    let brief = r#"{"title":"گزارش","lang":"fa","quotes":[{"text":"Quoted.","author":"A","lang":"en"}]}"#;
    let html = render_html(brief, &email(None)).expect("renders");
    let doc = Html::parse_fragment(&html);
    let quote = doc.select(&sel("blockquote")).next().expect("a quote");
    assert_eq!(quote.value().attr("dir"), Some("ltr"));
    assert!(quote.value().attr("style").is_some_and(|s| s.contains("text-align:left")), "{html}");
}
