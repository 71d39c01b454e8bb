//! The HTML sink, through the whole pipeline: structure and semantics of the
#![cfg(not(target_arch = "wasm32"))]
//! card, escaping of hostile text, options.

#[path = "support/examples.rs"]
mod examples;

use brief_card::validate::options::{Layout, LinkTarget, Theme};
use brief_card::{render_html, Options};
use scraper::{Html, Selector};

const FLASH: &str = include_str!("../www/briefs/flash-brief.json");

fn doc(json: &str, options: &Options) -> Html {
    Html::parse_fragment(&render_html(json, options).expect("valid"))
}

fn all<'a>(h: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    h.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text().collect()
}

#[test]
fn the_card_has_every_block_in_order_with_semantic_elements() {
    let h = doc(FLASH, &Options::default());
    let article = &all(&h, "article.bc-card")[0];
    assert_eq!(article.value().attr("id"), Some("raisi-latin-america-tour-2023"));
    assert_eq!(article.value().attr("lang"), Some("en"));
    assert_eq!(text(&all(&h, "article > header .bc-kind")[0]), "Flash Brief");
    assert_eq!(all(&h, "header time")[0].value().attr("datetime"), Some("2023-06-13"));
    assert_eq!(text(&all(&h, "header time")[0]), "June 13, 2023");
    assert_eq!(text(&all(&h, "header h2")[0]), "Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries");
    let headings: Vec<String> = all(&h, "article h3").iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "Latest Developments",
            "Expert Analysis",
            "Challenging America in the Western Hemisphere",
            "Deepening Defense and Disinformation Cooperation",
            "Related Analysis",
            "Issues"
        ]
    );
    assert_eq!(all(&h, "figure.bc-quote > blockquote").len(), 1);
    assert!(text(&all(&h, "figure.bc-quote > figcaption")[0]).contains("Emanuele Ottolenghi"));
    let nav = &all(&h, "nav.bc-related")[0];
    // Named apart from the related links of any other card on the page.
    assert_eq!(nav.value().attr("aria-label"), Some("Related Analysis: Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries"));
    assert_eq!(all(&h, "nav li").len(), 4);
    assert_eq!(all(&h, ".bc-tags li a").len(), 3);
    let more = &all(&h, "footer a.bc-read-more")[0];
    assert_eq!(
        (text(more).as_str(), more.value().attr("href")),
        ("Read the full brief", Some("https://example.org/briefs/raisi-latin-america-tour"))
    );
    assert_eq!(all(&h, "em").len(), 1);
    assert_eq!(text(&all(&h, "a strong")[0]), "HispanTV");
    // The brief's prose reads in the card's direction; names, tags and
    // related titles, which may be in another language, are isolated.
    assert!(all(&h, ".bc-title, .bc-heading, p.bc-p").iter().all(|p| p.value().attr("dir").is_none()));
    for isolated in [".bc-kind", ".bc-publisher-name", ".bc-author", ".bc-related-link", ".bc-chip"] {
        assert!(all(&h, isolated).iter().all(|e| e.value().attr("dir") == Some("auto")), "{isolated}");
    }
    // (Inside an item that has a separator before it, which keeps the card's
    // direction: see the test of the separator below.)
    for isolated in [".bc-date > span", ".bc-role > span", ".bc-meta-author > span"] {
        assert!(all(&h, isolated).iter().all(|e| e.value().attr("dir") == Some("auto")), "{isolated}");
    }
    // Static HTML has no script-only controls and no DOM-only attributes.
    assert!(all(&h, "button, [part], [data-block], style, script").is_empty());
}

#[test]
fn hostile_text_stays_text_and_never_becomes_markup() {
    let evil = r#"<img src=x onerror=alert(1)>\"'><script>alert(2)</script>&amp;"#;
    let json = format!(
        r#"{{"title": "{evil}", "kind": "{evil}", "summary": {{"paragraphs": ["{evil}", [{{"text": "{evil}", "strong": true}}]]}}, "tags": [{{"label": "{evil}"}}]}}"#
    );
    let html = render_html(&json, &Options::default()).unwrap();
    assert!(!html.contains("<img src=x") && !html.contains("<script>"));
    let h = Html::parse_fragment(&html);
    assert!(all(&h, "img, script").is_empty());
    let literal = r#"<img src=x onerror=alert(1)>"'><script>alert(2)</script>&amp;"#;
    assert_eq!(text(&all(&h, "h2")[0]), literal);
    assert_eq!(text(&all(&h, "strong")[0]), literal);
    assert_eq!(text(&all(&h, ".bc-chip")[0]), literal);
}

#[test]
fn options_change_theme_layout_labels_and_link_targets() {
    let mut o = Options::default();
    o.theme = Theme::Dark;
    o.layout = Layout::Compact;
    o.link_target = LinkTarget::Blank;
    o.locale = Some("es".into());
    let h = doc(FLASH, &o);
    let article = &all(&h, "article")[0];
    assert_eq!(article.value().attr("class"), Some("bc-card bc-dark bc-compact"));
    assert!(article.value().attr("style").unwrap().contains("#15181e"), "dark colours inline");
    assert!(all(&h, ".bc-quotes, .bc-section, .bc-related, .bc-tags").is_empty(), "compact keeps header, summary, footer");
    assert_eq!(all(&h, ".bc-summary p").len(), 1);
    assert_eq!(text(&all(&h, "time")[0]), "13 de junio de 2023");
    for a in all(&h, "a") {
        assert_eq!((a.value().attr("target"), a.value().attr("rel")), (Some("_blank"), Some("noopener noreferrer")));
    }
    let json = r#"{"title": "t", "lang": "es", "tags": [{"label": "x"}], "labels": {"tags": "Etiquetas"}, "quotes": [{"text": "q", "author": "a"}]}"#;
    let h = doc(json, &Options::default());
    assert_eq!(all(&h, "h3").iter().map(text).collect::<Vec<_>>(), ["Análisis de expertos", "Etiquetas"]);
    let mut o = Options::default();
    o.labels.0.push((brief_card::validate::labels::Label::Tags, "Topics".into()));
    assert_eq!(text(&all(&doc(json, &o), ".bc-tags h3")[0]), "Topics");
}

#[test]
fn rtl_briefs_are_marked_rtl() {
    let h = doc(include_str!("../www/briefs/gozaresh-fa.json"), &Options::default());
    let a = &all(&h, "article")[0];
    assert_eq!((a.value().attr("lang"), a.value().attr("dir")), (Some("fa"), Some("rtl")));
    assert_eq!(text(&all(&h, ".bc-quotes h3")[0]), "تحلیل کارشناسان");
    // 2023-06-13 in the Persian calendar and digits, as the live card's `Intl` writes it (tests/e2e/dates.test.mjs).
    assert_eq!(text(&all(&h, "header time")[0]), "۲۳ خرداد ۱۴۰۲");
}

#[test]
fn prose_that_opens_in_another_script_keeps_the_cards_direction() {
    // Persian headlines often open with a Latin acronym or name: the title
    // and paragraphs still read right to left, as the card does (with
    // `dir="auto"` the first Latin letter made them left to right).
    let brief = serde_json::json!({
        "lang": "fa", "title": "IRGC در خلیج فارس: ۳ نفتکش توقیف شد",
        "summary": {"paragraphs": ["IAEA گزارش داد که …"]},
        "sections": [{"heading": "NATO و ایران", "paragraphs": ["UN …"]}],
        "tags": [{"label": "IAEA"}]
    });
    let h = doc(&brief.to_string(), &Options::default());
    assert_eq!(all(&h, "article")[0].value().attr("dir"), Some("rtl"));
    for prose in all(&h, ".bc-title, .bc-section-heading, p.bc-p") {
        assert_eq!(prose.value().attr("dir"), None, "{}", text(&prose));
    }
    assert_eq!(all(&h, ".bc-chip")[0].value().attr("dir"), Some("auto"), "a tag may be in any language");
    // A quote in another language is marked so, and reads in its direction.
    let mut quoted = brief.clone();
    quoted["quotes"] = serde_json::json!([{"text": "We will not be pushed.", "author": "A", "lang": "en"}, {"text": "نه", "author": "B"}]);
    let h = doc(&quoted.to_string(), &Options::default());
    let quotes: Vec<_> = all(&h, "blockquote").iter().map(|q| (q.value().attr("lang"), q.value().attr("dir"))).collect();
    assert_eq!(quotes, [(Some("en"), Some("ltr")), (None, None)]);
    // A quote marked with the card's own language needs no mark (and keeps
    // the card's direction, here an explicit one).
    let same = serde_json::json!({"title": "t", "lang": "ku", "dir": "rtl", "quotes": [{"text": "q", "author": "a", "lang": "KU"}]});
    let h = doc(&same.to_string(), &Options::default());
    assert_eq!((all(&h, "blockquote")[0].value().attr("lang"), all(&h, "blockquote")[0].value().attr("dir")), (None, None));
    // In a card of direction `auto`, a quote's own language still sets its
    // paragraph's direction; one in the card's language finds its own.
    quoted["dir"] = "auto".into();
    quoted["quotes"][1]["text"] = "IRGC گفت".into();
    let h = doc(&quoted.to_string(), &Options::default());
    let paragraphs: Vec<_> = all(&h, "blockquote p").iter().map(|p| p.value().attr("dir")).collect();
    assert_eq!(paragraphs, [None, Some("auto")]);
    // In email, a Persian quote in an English card is upright and aligned right, by its own direction.
    let english = serde_json::json!({"title": "t", "quotes": [{"text": "نه", "author": "B", "lang": "fa"}]});
    let mut email_options = Options::default();
    email_options.email = true;
    let email = brief_card::render_html(&english.to_string(), &email_options).unwrap();
    let h = Html::parse_fragment(&email);
    let quote = all(&h, "blockquote")[0].value().attr("style").unwrap_or_default().to_owned();
    assert!(quote.ends_with("text-align:right"), "{quote}");
    let p = all(&h, "blockquote p")[0].value().attr("style").unwrap_or_default().to_owned();
    assert!(p.ends_with("font-style:normal"), "{p}");
    // A card whose direction is `auto` leaves each block to find its own.
    let mut mixed = brief;
    mixed["dir"] = "auto".into();
    let h = doc(&mixed.to_string(), &Options::default());
    assert!(all(&h, ".bc-title, .bc-section-heading, p.bc-p").iter().all(|e| e.value().attr("dir") == Some("auto")));
}

#[test]
fn a_feed_is_a_list_of_cards() {
    let h = doc(include_str!("../www/briefs/feed.json"), &Options::default());
    let items = all(&h, ".bc-feed > .bc-feed-item > article");
    assert!(items.len() > 1);
    assert_eq!(all(&h, ".bc-feed")[0].value().attr("role"), Some("list"));
    // Each card's related links are a landmark of their own: a screen
    // reader's list of landmarks tells them apart by name.
    let names: std::collections::BTreeSet<_> = all(&h, "nav").iter().map(|n| n.value().attr("aria-label").unwrap_or("")).collect();
    assert_eq!(names.len(), items.len(), "{names:?}");
}

#[test]
fn the_minimal_brief_is_just_a_header() {
    let h = doc(include_str!("../www/briefs/minimal.json"), &Options::default());
    assert_eq!(text(&all(&h, "article h2")[0]), "A brief with nothing but a title");
    assert!(all(&h, "footer, section, nav, time").is_empty());
}

/// The inline styles come from card.css (the build script, build/); what only the live card
/// can use (container units, clamp() and its kin) must never reach them, for
/// any example, theme, layout, or email.
#[test]
fn inline_styles_hold_only_what_static_html_can_use() {
    for (name, json) in examples::all() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            for layout in [Layout::Full, Layout::Compact] {
                for email in [false, true] {
                    let mut options = Options::default();
                    options.theme = theme;
                    options.layout = layout;
                    options.email = email;
                    options.base_url = Some("https://example.org/".into());
                    let h = doc(&json, &options);
                    for e in all(&h, "[style]") {
                        let style = e.value().attr("style").unwrap_or_default();
                        let mut bad =
                            vec!["clamp(", "min(", "max(", "calc(", "color-mix(", "cqi", "cqw", "container-type", "transition", "cursor:"];
                        if email {
                            bad.extend([
                                "var(",
                                "--",
                                "inherit",
                                "inline-start",
                                "inline-end",
                                "block-start",
                                "block-end",
                                ":start",
                                ":end",
                            ]);
                        }
                        for b in bad {
                            assert!(!style.contains(b), "{name} {theme:?} {layout:?} email={email}: {b} in {style}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_byline_and_the_update_are_in_the_header() {
    let json = r#"{"title": "T", "lang": "fr", "date": "2024-05-01", "updated": "2024-05-03T10:00:00Z",
        "authors": [{"name": "Ana", "url": "https://e.org/ana"}, {"name": "Ben"}]}"#;
    let h = doc(json, &Options::default());
    let byline = &all(&h, "header h2 + p.bc-byline")[0];
    assert_eq!(text(byline), "Par Ana, Ben");
    assert_eq!(all(&h, ".bc-byline a.bc-byline-name")[0].value().attr("href"), Some("https://e.org/ana"));
    assert_eq!(all(&h, ".bc-byline span.bc-byline-name").len(), 1);
    let updated = &all(&h, ".bc-eyebrow > .bc-date + .bc-updated")[0];
    assert_eq!(text(updated), "Mis à jour 3 mai 2024");
    assert_eq!(all(&h, ".bc-updated > time")[0].value().attr("datetime"), Some("2024-05-03T10:00:00Z"));

    // An update on the day of publication is not worth a line; without a date it is.
    let same_day = doc(r#"{"title": "T", "date": "2024-05-01", "updated": "2024-05-01T18:00:00+02:00"}"#, &Options::default());
    assert!(all(&same_day, ".bc-updated").is_empty());
    // Nor one before it, which can only be a mistake of the data.
    let before = doc(r#"{"title": "T", "date": "2024-06-01", "updated": "2024-01-01"}"#, &Options::default());
    assert!(all(&before, ".bc-updated").is_empty());
    let no_date = doc(r#"{"title": "T", "updated": "2024-05-01"}"#, &Options::default());
    assert_eq!(text(&all(&no_date, ".bc-eyebrow .bc-updated")[0]), "Updated May 1, 2024");

    // Both words are labels, overridable by the brief and by the page.
    let mut o = Options::default();
    o.labels.0.push((brief_card::validate::labels::Label::By, "Written by".into()));
    let relabelled =
        doc(r#"{"title": "T", "updated": "2024-05-01", "authors": [{"name": "A"}], "labels": {"updated": "Revised", "by": "From"}}"#, &o);
    assert_eq!(text(&all(&relabelled, ".bc-byline")[0]), "Written by A");
    assert!(text(&all(&relabelled, ".bc-updated")[0]).starts_with("Revised "));
}

#[test]
fn heading_level_sets_the_title_and_block_headings() {
    let json = r#"{"title": "T", "summary": {"paragraphs": ["p"]}, "sections": [{"heading": "S", "paragraphs": ["q"]}], "tags": [{"label": "x"}]}"#;
    let level = |n: u8| {
        let mut o = Options::default();
        o.heading_level = n;
        doc(json, &o)
    };
    let h = level(3);
    assert_eq!(all(&h, "h3.bc-title").len(), 1, "the title is an h3");
    assert_eq!(all(&h, "h4.bc-heading").len(), 3, "summary, section and tags headings are h4");
    assert!(all(&h, "h2, h5").is_empty());
    let top = level(1);
    assert_eq!((all(&top, "h1.bc-title").len(), all(&top, "h2.bc-heading").len()), (1, 3));
    assert_eq!((all(&level(2), "h2.bc-title").len(), all(&level(4), "h5.bc-heading").len()), (1, 3));
}

#[test]
fn images_send_no_referrer_and_image_origins_refuse_other_hosts() {
    let json = r#"{"title": "T", "publisher": {"name": "P", "logo": "https://cdn.example/logo.png"},
        "image": {"src": "https://img.example/a.jpg", "alt": "A"}}"#;
    let h = doc(json, &Options::default());
    let imgs = all(&h, "img");
    assert_eq!(imgs.len(), 2);
    assert!(imgs.iter().all(|i| i.value().attr("referrerpolicy") == Some("no-referrer")));
    // The logo is 20 px tall and as wide as its shape makes it (wordmarks are wide), in every output.
    let mut email = Options::default();
    email.email = true;
    for options in [Options::default(), email] {
        let h = doc(json, &options);
        let logo = all(&h, "img[src*=logo]")[0].value().clone();
        assert_eq!((logo.attr("height"), logo.attr("width")), (Some("20"), None));
        assert!(logo.attr("style").is_some_and(|s| s.contains("height:20px") && s.contains("width:auto")), "{:?}", logo.attr("style"));
    }

    let only = |origins: &[&str]| {
        let mut o = Options::default();
        o.image_origins = Some(origins.iter().map(|o| o.to_string()).collect());
        o
    };
    assert!(render_html(json, &only(&["https://img.example", "https://cdn.example"])).is_ok());
    let problems = render_html(json, &only(&["https://img.example"])).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines, ["publisher.logo: comes from https://cdn.example, which options.imageOrigins does not allow"]);
    // A protocol-relative image is another host's too; a path-relative one is the page's own.
    let relative = r#"{"title": "T", "image": {"src": "//evil.example/a.jpg", "alt": ""}}"#;
    assert_eq!(render_html(relative, &only(&["https://img.example"])).unwrap_err()[0].path, "image.src");
    assert!(render_html(r#"{"title": "T", "image": {"src": "/a.jpg", "alt": ""}}"#, &only(&["https://img.example"])).is_ok());
    assert!(render_html(relative, &only(&["https://evil.example"])).is_ok());
    // A scheme's default port names the same origin (`imageOrigins` are written so too: validate::options).
    let port = r#"{"title": "T", "image": {"src": "https://img.example:443/a.jpg", "alt": ""}}"#;
    assert!(render_html(port, &only(&["https://img.example"])).is_ok());
}

/// `image.width` and `height` become the `<img>`'s attributes, so the page
/// keeps the image's space while it loads; email writes an image wider than
/// its column at the column's width, its height scaled to keep its shape
/// (Outlook sizes images by these attributes), and one within it as given.
#[test]
fn image_sizes_reserve_the_space_and_fit_the_email_column() {
    let sized = |w: u32, h: u32| {
        format!(r#"{{"title": "T", "image": {{"src": "https://img.example/a.jpg", "alt": "A", "width": {w}, "height": {h}}}}}"#)
    };
    let img = |json: &str, options: &Options| {
        let h = doc(json, options);
        let img = all(&h, "img[alt=A]").into_iter().next().expect("the image");
        (img.value().attr("width").map(str::to_owned), img.value().attr("height").map(str::to_owned))
    };
    assert_eq!(img(&sized(1200, 675), &Options::default()), (Some("1200".into()), Some("675".into())));
    let mut email = Options::default();
    email.email = true;
    assert_eq!(img(&sized(1200, 675), &email), (Some("542".into()), Some("305".into())));
    assert_eq!(img(&sized(4000, 1), &email), (Some("542".into()), Some("1".into())), "never 0 px tall");
    assert_eq!(img(&sized(300, 200), &email), (Some("300".into()), Some("200".into())));
    assert_eq!(img(r#"{"title": "T", "image": {"src": "https://img.example/a.jpg", "alt": "A"}}"#, &email), (Some("542".into()), None));
    // A narrower image keeps its width at most in clients that read CSS too: not stretched to the column, and still shrinking on a phone.
    let h = doc(&sized(300, 200), &email);
    let style = all(&h, "img[alt=A]").into_iter().next().and_then(|i| i.value().attr("style").map(str::to_owned)).expect("style");
    assert!(style.ends_with(";max-width:300px") && style.contains("width:100%"), "{style}");
}

#[test]
fn a_summary_without_paragraphs_is_no_block() {
    let html = brief_card::render_html(r#"{"title": "T", "summary": {"heading": "H", "paragraphs": []}}"#, &brief_card::Options::default())
        .unwrap();
    assert!(!html.contains("bc-summary") && !html.contains(">H<"), "{html}");
}

/// The cards of a feed share one shadow root, so the ids they give their
/// elements are each their own: a repeated brief id gets a number, and
/// cards without one number their "Show more" ids by their place.
#[test]
fn the_cards_of_a_feed_give_their_elements_ids_of_their_own() {
    let paragraphs: Vec<String> = (1..=6).map(|i| format!("p{i}")).collect();
    let brief = |id: Option<&str>| {
        let mut b = serde_json::json!({"title": "T", "summary": {"paragraphs": paragraphs}, "quotes": [{"text": "q", "author": "A"}]});
        if let Some(id) = id {
            b["id"] = id.into();
        }
        b
    };
    let mut options = brief_card::Options::default();
    options.declarative_shadow_dom = true;
    // Every id the live card of `feed` gives, each checked to be given once.
    let ids_of = |feed: serde_json::Value| {
        let html = brief_card::render_html(&feed.to_string(), &options).unwrap();
        let ids: Vec<String> = html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        (html, ids)
    };
    let (html, ids) =
        ids_of(serde_json::json!([brief(Some("same")), brief(Some("same")), brief(None), brief(None), brief(Some("same-2"))]));
    for id in [
        "same",
        "same-2",
        "same-2-2",
        "same-more-summary",
        "same-2-more-summary",
        "bc3-more-summary",
        "bc4-more-summary",
        "same-quote-1",
        "same-2-quote-1",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
    }
    assert!(html.contains("aria-controls=\"bc4-more-summary\""));
    // Anchors one card makes from its id (`a-quote-1`) and another's id, in either order.
    let (_, ids) = ids_of(serde_json::json!([brief(Some("a")), brief(Some("a-quote-1")), brief(Some("x-more-summary")), brief(Some("x"))]));
    for id in ["a", "a-quote-1", "a-quote-1-2", "x-more-summary", "x-2", "x-2-more-summary"] {
        assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
    }
}

/// A card in a language it has no words for shows its English words marked
/// as English, so that a screen reader reads them so (WCAG 3.1.2); words
/// the brief or the page gives are the card's language.
#[test]
fn the_cards_english_words_in_another_language_are_marked_english() {
    let paragraphs: Vec<String> = (1..=6).map(|i| format!("p{i}")).collect();
    let brief = serde_json::json!({"id": "b", "title": "Titolo", "lang": "it", "url": "https://e.example/b", "summary": {"paragraphs": paragraphs},
        "date": "2024-03-01", "updated": "2024-03-04", "authors": [{"name": "Anna Rossi"}],
        "quotes": [{"text": "q", "author": "A"}], "tags": [{"label": "t"}], "labels": {"tags": "Temi"}});
    let mut options = brief_card::Options::default();
    options.declarative_shadow_dom = true;
    let html = brief_card::render_html(&brief.to_string(), &options).unwrap();
    for marked in [
        "lang=\"en\">Latest Developments<",
        "lang=\"en\">Expert Analysis<",
        "lang=\"en\">Read the full brief<",
        "lang=\"en\">Copy link<",
        "lang=\"en\" data-more=\"Show more\"",
        // Words inside a phrase: the byline's and the update's.
        "<span lang=\"en\">By</span> ",
        "<span lang=\"en\">Updated</span> ",
    ] {
        assert!(html.contains(marked), "{marked} in {html}");
    }
    assert!(html.contains(">Temi<") && !html.contains("lang=\"en\">Temi<"), "the brief's own word is Italian: {html}");
    let english = brief_card::render_html(&brief.to_string().replace("\"it\"", "\"en-GB\""), &options).unwrap();
    assert!(!english.contains("lang=\"en\">"), "an English card's words need no mark");
}

#[test]
fn the_separator_of_a_row_keeps_the_cards_side_whatever_the_items_direction() {
    // An English role in a Persian card, and a Persian date in an English
    // card: the item (which carries the separator, `border-inline-start`)
    // reads in the card's direction; only its text is isolated, in its own.
    let fa = r#"{"title": "گزارش", "lang": "fa", "date": "2024-02-01",
        "quotes": [{"text": "متن", "author": "Example Analyst", "role": "Senior Fellow, CSIS"}],
        "related": [{"title": "t", "url": "https://example.org/", "kind": "Analysis", "author": "John Smith", "date": "2024-02-01"}]}"#;
    let h = doc(fa, &Options::default());
    for item in [".bc-role", ".bc-meta-kind", ".bc-meta-author", ".bc-meta-date", ".bc-date"] {
        let el = &all(&h, item)[0];
        assert_eq!(el.value().attr("dir"), None, "{item} takes the card's direction");
        assert_eq!(all(&h, &format!("{item} > span[dir=auto]")).len(), 1, "{item}'s text is isolated");
    }
    assert_eq!(text(&all(&h, ".bc-role")[0]), "Senior Fellow, CSIS");
}

#[test]
fn a_date_in_another_language_than_the_cards_is_marked_with_it() {
    let mut o = Options::default();
    o.locale = Some("fa".into());
    let h = doc(r#"{"title": "t", "date": "2024-03-20", "updated": "2024-04-01"}"#, &o);
    let dates: Vec<_> = all(&h, "time").iter().map(|t| t.value().attr("lang")).collect();
    assert_eq!(dates, [Some("fa"), Some("fa")]);
    // The card's own language (a region of it, too) needs no mark.
    o.locale = Some("en-GB".into());
    let h = doc(r#"{"title": "t", "date": "2024-03-20"}"#, &o);
    assert_eq!(all(&h, "time")[0].value().attr("lang"), None);
}

#[test]
fn a_static_card_with_an_id_is_named_by_its_title_and_its_read_more_described_by_it() {
    let h = doc(FLASH, &Options::default());
    let article = &all(&h, "article")[0];
    assert_eq!(article.value().attr("aria-labelledby"), Some("raisi-latin-america-tour-2023-title"));
    assert_eq!(all(&h, "h2#raisi-latin-america-tour-2023-title").len(), 1);
    let more = &all(&h, "a.bc-read-more")[0];
    assert_eq!(more.value().attr("aria-describedby"), Some("raisi-latin-america-tour-2023-title"));
    // Without an id, static HTML makes none of its own (a newsletter holds
    // cards rendered one by one): no name, no description.
    let h = doc(r#"{"title": "t", "url": "https://example.org/"}"#, &Options::default());
    assert_eq!(all(&h, "[id], [aria-labelledby], [aria-describedby]").len(), 0);
}

#[test]
fn a_tag_without_a_page_does_not_look_like_a_link() {
    let h = doc(r#"{"title":"t","tags":[{"label":"linked","url":"https://example.org/"},{"label":"plain"}]}"#, &Options::default());
    let style = |css: &str| all(&h, css)[0].value().attr("style").unwrap_or_default().to_owned();
    // The later declaration wins: the linked chip keeps its fill, the plain one has none.
    assert!(style("a.bc-chip").ends_with("overflow-wrap:anywhere"), "{}", style("a.bc-chip"));
    assert!(style("span.bc-chip").ends_with("background:none;color:var(--brief-muted,#555b66)"), "{}", style("span.bc-chip"));
}

#[test]
fn a_link_that_opens_a_new_tab_says_so_to_screen_readers() {
    let brief = r#"{"id": "b1", "title": "t", "url": "https://example.org/", "lang": "es",
        "publisher": {"name": "P", "url": "https://example.org/p"},
        "summary": {"paragraphs": [["see ", {"text": "this", "href": "https://example.org/x", "strong": true}]]},
        "quotes": [{"text": "q", "author": "A", "url": "https://example.org/a"}],
        "related": [{"title": "r", "url": "https://example.org/r"}],
        "tags": [{"label": "linked", "url": "https://example.org/t"}, {"label": "plain"}]}"#;
    let mut o = Options::default();
    o.link_target = LinkTarget::Blank;
    let h = doc(brief, &o);
    let links = all(&h, "a");
    assert_eq!(links.len(), 7);
    for a in &links {
        // Its title, in the card's language: screen readers read it as the
        // link's description (its name stays its text), a mouse shows it.
        assert_eq!(a.value().attr("title"), Some("Se abre en una pestaña nueva"), "{}", a.html());
    }
    // The text is the text: a heading's, a link's, what names the card.
    assert_eq!(text(&all(&h, "h2")[0]), "t");
    assert_eq!(text(&all(&h, "#b1-title")[0]), "t");
    // The same page's own links say nothing, and email never does.
    assert!(all(&doc(brief, &Options::default()), "[title]").is_empty());
    o.email = true;
    assert!(!render_html(brief, &o).expect("renders").contains("pestaña"));
    // A label of its own.
    o.email = false;
    o.labels.0.push((brief_card::validate::labels::Label::NewTab, "Nueva ventana".into()));
    assert_eq!(all(&doc(brief, &o), "a")[0].value().attr("title"), Some("Nueva ventana"));
}
