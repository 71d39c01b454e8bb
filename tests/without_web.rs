//! What a Rust program that depends on the crate without its default
//! features uses (README, "For Rust programs"): JSON text read within the
//! limits, validated, and written as static HTML, with no browser API. Run
//! natively; the test command also compiles it for wasm32 without the `web`
//! feature (`cargo check --tests --target wasm32-unknown-unknown
//! --no-default-features`), where a Leptos or Yew app would call it.

use brief_card::{format, render, validate};

#[test]
fn a_brief_is_read_validated_and_written_as_static_html_without_the_browser_api() {
    let value = format::json_value(r#"{"title": "Talks resume", "date": "2024-03-20", "url": "//news.example/1"}"#).unwrap();
    let doc = validate::from_value(value, &validate::UrlSettings::default()).unwrap();
    let html = render::fragment(&doc, &validate::Options::default(), render::dates::builtin);
    assert!(html.contains("Talks resume") && html.contains("March 20, 2024"), "{html}");
    // Every problem, with its path, as anywhere else.
    let problems = validate::from_value(format::json_value(r#"{"title": 5}"#).unwrap(), &validate::UrlSettings::default()).unwrap_err();
    assert_eq!(problems.iter().map(ToString::to_string).collect::<Vec<_>>(), ["title: expected a string, found a number"]);
}
