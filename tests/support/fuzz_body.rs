//! One fuzz input through the whole native pipeline. Shared by the cargo-fuzz
//! target (fuzz/fuzz_targets/parse_render.rs) and the stable-Rust smoke
//! fuzzer (tests/fuzz_smoke.rs): parse, validate, render every static
//! output, read the input as options too; and check on the way that
//! validation and loading agree, that every problem is described, and that
//! the static HTML only ever holds the card's own tags.

use brief_card::format::{self, from_json_text};
use brief_card::render::{self as static_html, page};
use brief_card::{validate, Options};

/// The tags the static outputs may contain; anything else after a `<` means text became markup.
const TAGS: &[&str] = &[
    "a",
    "article",
    "blockquote",
    "button",
    "div",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h2",
    "h3",
    "header",
    "img",
    "li",
    "nav",
    "p",
    "section",
    "span",
    "strong",
    "time",
    "ul",
    "table",
    "tr",
    "td",
];

/// Bytes as UTF-8, or nothing (the module only ever receives strings).
pub fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        run_str(text);
    }
}

pub fn run_str(text: &str) {
    let problems = brief_card::check(text);
    for p in &problems {
        assert!(!p.message.is_empty(), "a problem without a message at {:?}", p.path);
        assert!(!p.to_string().is_empty());
    }
    for (i, opts) in option_sets().iter().enumerate() {
        match brief_card::load(text, opts) {
            Ok(doc) => {
                if i == 0 {
                    assert!(problems.is_empty(), "load() accepted what check() refuses: {problems:?}");
                }
                let fragment = static_html::fragment(&doc, opts, static_html::dates::icu);
                markup_is_ours(&fragment);
                let email = static_html::email(&doc, opts, static_html::dates::icu);
                // Outlook's table around each column is email's one comment, the same every time.
                markup_is_ours(&email.replace(static_html::OUTLOOK_COLUMN_OPEN, "").replace(static_html::OUTLOOK_COLUMN_CLOSE, ""));
                let _ = page::page(&doc, opts);
            }
            Err(p) => {
                assert!(!p.is_empty(), "load() failed without a problem");
                if i == 0 {
                    assert_eq!(p, problems, "check() and load() report different problems");
                }
            }
        }
    }
    if let Ok(v) = from_json_text::<format::Options>(text) {
        let _ = validate::options(v);
    }
}

fn option_sets() -> [Options; 3] {
    let mut email = Options::default();
    email.email = true;
    email.base_url = Some("https://example.org/briefs/".into());
    let other = from_json_text::<format::Options>(
        r#"{"theme":"auto","layout":"compact","linkTarget":"_blank","locale":"ar","labels":{"feed":"<b>&"}}"#,
    )
    .ok()
    .and_then(|v| validate::options(v).ok())
    .unwrap_or_default();
    [Options::default(), email, other]
}

/// Every `<` in `html` opens or closes one of the card's own tags.
fn markup_is_ours(html: &str) {
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(TAGS.contains(&name.as_str()), "unexpected markup <{}… at byte {i}", rest.chars().take(30).collect::<String>());
    }
}
