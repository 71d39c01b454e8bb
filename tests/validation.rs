//! Validation end to end: the examples are valid; bad input yields every
#![cfg(not(target_arch = "wasm32"))]
//! problem with its JSON path; limits hold; nothing panics.

use brief_card::{check, load, render_html, validate, Options};

const EXAMPLES: &[(&str, &str)] = &[
    ("flash-brief", include_str!("../www/briefs/flash-brief.json")),
    ("resumen-es", include_str!("../www/briefs/resumen-es.json")),
    ("gozaresh-fa", include_str!("../www/briefs/gozaresh-fa.json")),
    ("minimal", include_str!("../www/briefs/minimal.json")),
    ("feed", include_str!("../www/briefs/feed.json")),
];

fn paths(json: &str) -> Vec<String> {
    check(json).into_iter().map(|p| p.path).collect()
}

fn messages(json: &str) -> Vec<String> {
    check(json).into_iter().map(|p| p.to_string()).collect()
}

#[test]
fn every_example_is_valid() {
    for (name, json) in EXAMPLES {
        assert_eq!(check(json), vec![], "{name}");
    }
    assert!(matches!(load(EXAMPLES[4].1, &Options::default()).unwrap(), brief_card::Document::Feed(v) if v.len() > 1));
}

#[test]
fn reports_every_problem_with_its_path_not_just_the_first() {
    let json = r#"{
        "version": 2, "title": "  ", "date": "2023-02-30", "lang": "not a tag!", "dir": "sideways",
        "image": {"src": "data:image/png;base64,AAAA"},
        "summary": {"paragraphs": ["ok", 3]},
        "quotes": [{"text": "q"}],
        "sections": [{"heading": "h", "paragraphs": ["a", ["b", {"text": "c", "href": "java\tscript:alert(1)"}]]}],
        "related": [{"title": "a", "url": "https://ok.example/"}, {"title": "b", "url": "/rel"}, {"title": "c", "url": " javascript:alert(1)"}],
        "tags": [{"label": ""}, "x"],
        "labels": {"tags": 5}
    }"#;
    assert_eq!(
        messages(json),
        [
            "version: unsupported version (this renderer reads version 1)",
            "title: must not be empty",
            "date: must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2023-06-13T09:30:00Z)",
            "lang: must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\"",
            "dir: must be \"ltr\", \"rtl\" or \"auto\"",
            "image.src: scheme \"data\" is not allowed",
            "image.alt: is required (use \"\" for a decorative image)",
            "summary.paragraphs[1]: expected a string or an array of runs, found a number",
            "quotes[0].author: is required",
            "sections[0].paragraphs[1][1].href: scheme \"javascript\" is not allowed",
            "related[2].url: scheme \"javascript\" is not allowed",
            "tags[0].label: must not be empty",
            "tags[1]: expected an object, found a string",
            "labels.tags: expected a string, found a number",
        ]
    );
}

#[test]
fn a_summary_and_a_section_need_their_paragraphs_as_a_quote_needs_its_text() {
    // docs/brief-format.md: `summary` is `{heading?, paragraphs: [Paragraph]}`, a section `{heading, paragraphs}`.
    assert_eq!(
        messages(
            r#"{"title": "t", "summary": {"heading": "h"}, "sections": [{"heading": "s"}, {"heading": "e", "paragraphs": []}], "quotes": [{"author": "a"}]}"#
        ),
        ["summary.paragraphs: is required", "quotes[0].text: is required", "sections[0].paragraphs: is required"]
    );
    assert_eq!(messages(r#"{"title": "t", "summary": {"paragraphs": null}}"#), ["summary.paragraphs: is required"]);
}

#[test]
fn a_paragraph_that_shows_nothing_is_left_out_and_a_quote_or_link_of_no_text_is_refused() {
    // An empty string between two paragraphs is none: no empty line under a heading, and a
    // summary of blank paragraphs is no block at all (as a summary of none is).
    let brief = |json: &str| load(json, &Options::default()).unwrap().briefs()[0].clone();
    let b = brief(
        r#"{"title": "t", "summary": {"paragraphs": ["", "\u3000", [], [" ", {"text": "", "em": true}]]},
            "sections": [{"heading": "s", "paragraphs": ["a", "\u200b", ["b", {"text": " ", "strong": true}, "c"]]}]}"#,
    );
    assert!(b.summary.is_none());
    let texts: Vec<String> = b.sections[0].paragraphs.iter().map(|p| p.iter().map(|r| r.text.as_str()).collect()).collect();
    assert_eq!(texts, ["a", "b c"]);
    let html = render_html(
        r#"{"title": "t", "summary": {"paragraphs": [""]}, "sections": [{"heading": "s", "paragraphs": [" "]}]}"#,
        &Options::default(),
    )
    .unwrap();
    assert!(!html.contains("Latest Developments") && !html.contains("></p>") && html.contains(">s</h3>"), "{html}");
    // A quote is its text, and a link its words: neither may show nothing.
    assert_eq!(
        messages(
            r#"{"title": "t", "quotes": [{"text": " ", "author": "a"}, {"text": [], "author": "b"}, {"text": ["", {"text": "\u200b"}], "author": "c"}]}"#
        ),
        ["quotes[0].text: must not be empty", "quotes[1].text: must not be empty", "quotes[2].text: must not be empty"]
    );
    // A text refused already (too long) is that problem only.
    let long = format!(r#"{{"title": "t", "quotes": [{{"text": "{}", "author": "a"}}]}}"#, "x".repeat(10_001));
    assert_eq!(messages(&long), ["quotes[0].text: must be at most 10000 characters (has 10001)"]);
    assert_eq!(
        messages(r#"{"title": "t", "summary": {"paragraphs": [["see ", {"text": " ", "href": "https://example.org/"}]]}}"#),
        ["summary.paragraphs[0][1].text: must not be empty (it is a link's text)"]
    );
}

#[test]
fn code_points_no_html_document_may_hold_are_dropped_from_text() {
    // Controls other than white space, and noncharacters: the Nu checker refuses them in any HTML.
    let json = r#"{"title": "ctl\u0001\u000b\u001f\u007f\u0085\ufffe\uffff\ufdd0 x\ty", "url": "https://e.example/a\u0001b",
        "summary": {"paragraphs": ["p\u0002q", [{"text": "r\u0003s"}]]}}"#;
    let html = render_html(json, &Options::default()).expect("renders");
    assert!(html.contains(">ctl x\ty<") && html.contains(">pq<") && html.contains(">rs<"), "{html}");
    assert!(!html.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "{html:?}");
    // A URL is read as browsers read it: a control in it is percent-encoded, not dropped.
    assert!(html.contains("https://e.example/a%01b"), "{html}");
}

#[test]
fn feed_paths_start_with_the_index() {
    let json = r#"[{"title": "ok"}, {"title": "x", "url": "vbscript:msgbox"}, 7]"#;
    assert_eq!(paths(json), ["[1].url", "[2]"]);
    assert_eq!(paths("[]"), [""]);
}

#[test]
fn the_root_must_be_a_brief_or_a_feed() {
    for (json, found) in [("\"text\"", "a string"), ("42", "a number"), ("null", "null"), ("true", "a boolean")] {
        assert_eq!(messages(json), [format!("expected a brief (an object) or a feed (an array of briefs), found {found}")]);
    }
}

#[test]
fn broken_json_is_one_problem_with_a_position() {
    // serde_json's words and positions.
    assert_eq!(messages("{\"title\": \"x\",}"), ["invalid JSON at line 1, column 15: trailing comma"]);
    assert_eq!(messages(""), ["invalid JSON: the input is empty"]);
}

#[test]
fn unknown_fields_are_ignored_and_null_means_absent() {
    assert!(check(r#"{"title": "t", "extra": {"deep": [1, 2]}, "kind": null, "url": null, "quotes": null}"#).is_empty());
}

#[test]
fn limits_are_enforced_with_paths() {
    let long = "x".repeat(brief_card::format::limits::MAX_SHORT_CHARS + 1);
    assert_eq!(messages(&format!(r#"{{"title": "{long}"}}"#)), ["title: must be at most 500 characters (has 501)"]);
    let many = vec![r#"{"label": "t"}"#; 101].join(",");
    assert_eq!(messages(&format!(r#"{{"title": "t", "tags": [{many}]}}"#)), ["tags: must have at most 100 items (has 101)"]);
    let feed = vec![r#"{"title": "t"}"#; 101].join(",");
    assert_eq!(paths(&format!("[{feed}]")), [""]);
    let url = format!("https://example.org/{}", "a".repeat(3000));
    assert_eq!(paths(&format!(r#"{{"title": "t", "url": "{url}"}}"#)), ["url"]);
}

#[test]
fn huge_and_deep_inputs_are_refused_quickly() {
    let start = std::time::Instant::now();
    let big = format!(r#"{{"title": "{}"}}"#, "x".repeat(5_000_000));
    assert_eq!(messages(&big), ["input is 5000013 bytes; the limit is 1000000 bytes"]);
    let list = format!(r#"{{"title": "t", "tags": [{}]}}"#, vec!["1"; 100_000].join(","));
    assert_eq!(paths(&list), ["tags"]);
    // Text nested past serde_json's own recursion limit stops reading there, and
    // a well-formed value nested past ours is refused: the same problem, as the browser says it.
    let deep = "[".repeat(200_000);
    assert_eq!(messages(&deep), ["invalid JSON: nested too deeply (the limit is 16 levels)"]);
    let nested = |levels: usize| format!(r#"{{"title": "t", "x": {}{}}}"#, "[".repeat(levels - 1), "]".repeat(levels - 1));
    assert_eq!(messages(&nested(17)), [format!("invalid JSON: nested too deeply (the limit is 16 levels) at x{}", "[0]".repeat(15))]);
    assert_eq!(messages(&nested(16)), Vec::<String>::new(), "16 levels, the brief's object the first, are within the limit");
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn the_problem_list_is_bounded() {
    let bad = vec![r#"{"label": ""}"#; 100].join(",");
    let problems = check(&format!(r#"{{"title": "t", "tags": [{bad}]}}"#));
    assert_eq!(problems.len(), brief_card::format::MAX_PROBLEMS + 1);
    assert_eq!(problems.last().unwrap().to_string(), "… and 50 more problems");
}

#[test]
fn dates_accept_iso_dates_and_rfc3339_date_times() {
    for ok in ["2024-02-29", "2023-06-13T09:30:00Z", "2023-06-13T09:30:00.123+02:00", "2023-06-13t09:30:00z"] {
        assert!(check(&format!(r#"{{"title": "t", "date": "{ok}"}}"#)).is_empty(), "{ok}");
    }
    for bad in ["2023-02-29", "2023-13-01", "13/06/2023", "2023-06-13T25:00:00Z", "2023-06-13T09:30:00", "2023-6-1"] {
        assert_eq!(paths(&format!(r#"{{"title": "t", "date": "{bad}"}}"#)), ["date"], "{bad}");
    }
}

#[test]
fn direction_follows_the_language_unless_given() {
    let doc = |json: &str| load(json, &Options::default()).unwrap().briefs()[0].dir;
    use brief_card::validate::model::Dir;
    assert_eq!(doc(r#"{"title": "t", "lang": "fa"}"#), Dir::Rtl);
    assert_eq!(doc(r#"{"title": "t", "lang": "he-IL"}"#), Dir::Rtl);
    assert_eq!(doc(r#"{"title": "t", "lang": "es"}"#), Dir::Ltr);
    assert_eq!(doc(r#"{"title": "t", "lang": "ar", "dir": "ltr"}"#), Dir::Ltr);
}

#[test]
fn email_needs_absolute_urls_and_a_base_makes_them_so() {
    let json = r#"{"title": "t", "url": "/briefs/1", "related": [{"title": "r", "url": "other"}]}"#;
    let mut email = Options::default();
    email.email = true;
    let e = render_html(json, &email).unwrap_err();
    assert_eq!(e.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["url", "related[0].url"]);
    let mut based = email;
    based.base_url = Some("https://example.org/news/".into());
    let html = render_html(json, &based).unwrap();
    assert!(html.contains(r#"href="https://example.org/briefs/1""#) && html.contains(r#"href="https://example.org/news/other""#));

    // Each within the limit, but together past it: the resolved URL is what every output writes,
    // and what the page's own <brief-card> reads back.
    based.base_url = Some(format!("https://example.org/{}/", "b".repeat(1500)));
    let long = format!(r#"{{"title": "t", "url": "{}"}}"#, "p".repeat(1000));
    let problems: Vec<String> = render_html(&long, &based).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, ["url: must be at most 2048 characters once resolved against the base URL (has 2521)"]);
}

#[test]
fn a_base_url_set_unchecked_never_makes_a_link_a_script() {
    // A Rust program sets `Options` fields directly; the command line and the
    // browser check a base, but a base the program got wrong must still not
    // turn a brief's protocol-relative link into `javascript:`.
    let json = r#"{"title": "t", "url": "//evil.example/%0aalert(document.domain)", "related": [{"title": "r", "url": "r"}]}"#;
    for base in ["javascript:alert(1)", "data:text/html,x", "vbscript:x"] {
        let mut options = Options::default();
        options.base_url = Some(base.into());
        let problems: Vec<String> = render_html(json, &options).unwrap_err().iter().map(|p| p.to_string()).collect();
        assert!(problems.first().is_some_and(|p| p.starts_with("url: resolved against the base URL, scheme ")), "{base}: {problems:?}");
        options.email = true;
        assert!(render_html(json, &options).is_err(), "{base}");
    }
}

#[test]
fn email_refuses_a_path_no_url_parser_resolved() {
    // As on wasm32 without the `web` feature, where no parser is given by default.
    let mut urls = validate::UrlSettings::default();
    urls.base = Some("https://example.org/news/".into());
    urls.absolute_only = true;
    urls.whatwg = |_, _| None;
    let value = serde_json::json!({"title": "t", "url": "//cdn.example/b", "related": [{"title": "r", "url": "other"}]});
    let problems = validate::from_value(value, &urls).unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        ["related[0].url"],
        "a protocol-relative one resolves without a parser"
    );
    assert!(problems[0].message.contains("no URL parser resolved"), "{}", problems[0]);
}

#[test]
fn date_times_are_written_the_way_html_time_accepts() {
    let iso = |s: &str| validate::parse_date(s).unwrap().iso;
    assert_eq!(iso("2023-06-13t09:30:00.123456z"), "2023-06-13T09:30:00.123Z");
    assert_eq!(iso("2023-06-13T09:30:00.5+02:00"), "2023-06-13T09:30:00.5+02:00");
    assert!(validate::parse_date("2023-06-13T09:30:60Z").is_none());
}

#[test]
fn blank_means_nothing_to_show_and_dates_are_trimmed_of_whitespace() {
    // Required fields and labels: "must not be empty" for any Unicode whitespace, not only ASCII,
    // and for what shows nothing (a_title_that_shows_nothing_is_blank).
    for blank in ["", " ", "\\t\\n", "\u{a0}", "\u{3000}\u{2028}", "\u{200b}", "\u{feff}"] {
        assert_eq!(messages(&format!(r#"{{"title": "{blank}"}}"#)), ["title: must not be empty"], "{blank:?}");
    }
    for not_blank in [" x ", "\u{200b}x"] {
        assert!(check(&format!(r#"{{"title": "{not_blank}"}}"#)).is_empty(), "{not_blank:?}");
    }
    let labels = |json: &str| load(json, &Options::default()).unwrap().briefs()[0].labels.0.len();
    assert_eq!(labels(r#"{"title": "t", "labels": {"tags": "\u3000", "summary": "Gist"}}"#), 1);
    // A date keeps its text but not the whitespace around it.
    let iso = |date: &str| {
        load(&format!(r#"{{"title": "t", "date": "{date}"}}"#), &Options::default()).map(|d| d.briefs()[0].date.clone().unwrap().iso)
    };
    assert_eq!(iso("\u{3000} 2023-06-13\\n\u{a0}").unwrap(), "2023-06-13");
    assert_eq!(iso("\u{2028}2023-06-13t09:30:00z ").unwrap(), "2023-06-13T09:30:00Z");
    assert!(iso("\u{200b}2023-06-13").is_err() && iso("2023-06-13 x").is_err() && iso("2023-06-13\u{e9}").is_err());
}

#[test]
fn only_version_one_is_read() {
    // Any number JSON.parse reads as 1, as the schema and the browser do.
    for one in ["1", "1.0", "1.000", "1e0", "10e-1", "0.1E+1", "null"] {
        assert!(check(&format!(r#"{{"title": "t", "version": {one}}}"#)).is_empty(), "{one}");
    }
    for other in ["2", "1.5", "1.01", "10", "0.1", "1e1", "-1", "\"1\"", "true", "[1]"] {
        assert_eq!(
            messages(&format!(r#"{{"title": "t", "version": {other}}}"#)),
            ["version: unsupported version (this renderer reads version 1)"],
            "{other}"
        );
    }
}

#[test]
fn authors_and_updated_are_checked_like_the_other_fields() {
    let json = r#"{"title": "t", "updated": "yesterday", "authors": [{"name": " "}, {"name": "A", "url": "javascript:alert(1)"}, "B"]}"#;
    assert_eq!(
        messages(json),
        [
            "updated: must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2023-06-13T09:30:00Z)",
            "authors[0].name: must not be empty",
            "authors[1].url: scheme \"javascript\" is not allowed",
            "authors[2]: expected an object, found a string",
        ]
    );
    let many = format!(r#"{{"title": "t", "authors": [{}]}}"#, vec![r#"{"name": "a"}"#; 101].join(","));
    assert_eq!(paths(&many), ["authors"]);
    let doc = load(r#"{"title": "t", "updated": "2024-01-02", "authors": [{"name": "A", "url": "/a"}]}"#, &Options::default()).unwrap();
    let b = &doc.briefs()[0];
    assert_eq!((b.updated.as_ref().map(|d| d.iso.as_str()), b.authors[0].url.as_deref()), (Some("2024-01-02"), Some("/a")));
}

#[test]
fn image_sizes_are_whole_pixels_within_bounds() {
    let image = |size: &str| format!(r#"{{"title": "T", "image": {{"src": "/a.jpg", "alt": "", {size}}}}}"#);
    assert_eq!(check(&image(r#""width": 1200, "height": 675"#)), vec![]);
    assert_eq!(
        messages(&image(r#""width": 0, "height": 100001"#)),
        ["image.width: must be from 1 to 100000", "image.height: must be from 1 to 100000",]
    );
    assert_eq!(
        messages(&image(r#""width": 12.5, "height": "12""#)),
        ["image.width: expected a whole number, found a number", "image.height: expected a whole number, found a string",]
    );
}

#[test]
fn a_title_that_shows_nothing_is_blank() {
    // Zero-width spaces and joiners, directional controls, the soft hyphen,
    // Hangul fillers, variation selectors, tag characters: an empty heading.
    for invisible in [
        "\u{200B}\u{200C}\u{200D}",
        "\u{2060}\u{FEFF}",
        "\u{202E}",
        "\u{200F}\u{2066}",
        "\u{AD}",
        "\u{3164}",
        "\u{115F}",
        "\u{FE0F}",
        "\u{E0020}",
        " \u{200B} ",
    ] {
        let json = serde_json::json!({"title": invisible, "tags": [{"label": invisible}]}).to_string();
        assert_eq!(messages(&json), ["title: must not be empty", "tags[0].label: must not be empty"], "{invisible:?}");
    }
    // Text with something to show keeps its joiners: an emoji sequence, a Persian word with a ZWNJ.
    for shown in ["\u{1F469}\u{200D}\u{1F52C}", "می\u{200C}خواهم", "\u{2800}"] {
        assert_eq!(check(&serde_json::json!({"title": shown}).to_string()), vec![], "{shown:?}");
    }
}

#[test]
fn codes_are_read_as_written_so_a_directional_control_in_one_is_refused() {
    // An id, a language tag and a date are codes, not text: the schema's
    // patterns refuse a control in them, and so does validation (text is
    // balanced instead; see a_title_that_shows_nothing_is_blank).
    let json = serde_json::json!({"title": "t", "id": "\u{202E}ab", "lang": "\u{2066}fa", "date": "\u{202E}2024-03-20"}).to_string();
    assert_eq!(paths(&json), ["id", "date", "lang"]);
    // Nor is any other control dropped from a code: it is refused.
    let json = serde_json::json!({"title": "t", "id": "a\u{1}b", "lang": "fa\u{85}", "date": "2024-03-20\u{1}",
        "quotes": [{"text": "q", "author": "a", "lang": "en\u{FDD0}"}]})
    .to_string();
    assert_eq!(paths(&json), ["id", "date", "lang", "quotes[0].lang"]);
    let json = serde_json::json!({"title": "t", "quotes": [{"text": "q", "author": "a", "lang": "not a tag"}]}).to_string();
    assert_eq!(messages(&json), ["quotes[0].lang: must be a BCP 47 language tag, e.g. \"en\" or \"pt-BR\""]);
}

/// NUL is shown as U+FFFD everywhere, as HTML parsers read it in the static
/// outputs: the live card's text nodes kept it (an invisible character there).
#[test]
fn nul_is_the_replacement_character_in_every_output() {
    let doc = load(r#"{"title": "a\u0000b", "tags": [{"label": "x\u0000"}]}"#, &Options::default()).expect("valid");
    let b = &doc.briefs()[0];
    assert_eq!((b.title.as_str(), b.tags[0].label.as_str()), ("a\u{fffd}b", "x\u{fffd}"));
    // A title of NUL alone shows something, as the JSON Schema says.
    assert!(check(r#"{"title": "\u0000"}"#).is_empty());
}
