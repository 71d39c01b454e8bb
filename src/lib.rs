//! brief-card: renders policy and news briefs from JSON into an accessible,
//! isolated card, as live DOM (in the browser, through WebAssembly) or as
//! static HTML (fragment, email, standalone page).
//!
//! # As a Rust library
//!
//! Validate a brief, with every problem and its JSON path:
//!
//! ```
//! # // Native functions: the browser build has renderBrief and renderBriefHtml instead.
//! # #[cfg(target_arch = "wasm32")] fn main() {}
//! # #[cfg(not(target_arch = "wasm32"))] fn main() {
//! let problems = brief_card::check(r#"{"title": "", "related": [{"title": "r", "url": "javascript:alert(1)"}]}"#);
//! let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
//! assert_eq!(lines, ["title: must not be empty", "related[0].url: scheme \"javascript\" is not allowed"]);
//! # }
//! ```
//!
//! Render the static HTML, or the email-safe variant (relative URLs need a base there):
//!
//! ```
//! # // Native functions: the browser build has renderBrief and renderBriefHtml instead.
//! # #[cfg(target_arch = "wasm32")] fn main() {}
//! # #[cfg(not(target_arch = "wasm32"))] fn main() {
//! use brief_card::Options;
//!
//! let brief = r#"{"title": "Talks resume", "url": "/briefs/1", "summary": {"paragraphs": ["<b> is text."]}}"#;
//! let html = brief_card::render_html(brief, &Options::default()).unwrap();
//! assert!(html.contains("Talks resume") && html.contains("&lt;b&gt; is text."));
//!
//! // Options are `#[non_exhaustive]`: start from the defaults and set what differs.
//! let mut email = Options::default();
//! email.email = true;
//! email.base_url = Some("https://news.example/".into());
//! let html = brief_card::render_html(brief, &email).unwrap();
//! assert!(html.contains(r#"href="https://news.example/briefs/1""#) && !html.contains("var(--"));
//! # }
//! ```
//!
//! Make a standalone page (its title is the page's `h1`; the `<brief-card>`
//! element upgrades it when its script loads):
//!
//! ```
//! # // Native functions: the browser build has renderBrief and renderBriefHtml instead.
//! # #[cfg(target_arch = "wasm32")] fn main() {}
//! # #[cfg(not(target_arch = "wasm32"))] fn main() {
//! use brief_card::{load, render::page, Options};
//!
//! let doc = load(r#"{"title": "Talks resume"}"#, &Options::default()).unwrap();
//! let html = page::page(&doc, &Options::default());
//! assert!(html.starts_with("<!doctype html>") && html.contains("<h1 class=\"bc-title\""));
//! # }
//! ```
//!
//! schema.org JSON-LD is read wherever a brief is ([`load`], [`load_html_page`]).
//! With `default-features = false` the crate builds without the command
//! line (no clap).
//!
//! The layers, each using only those below it:
//!
//! ```text
//! bin/       the command line
//! web/       the wasm boundary: exports, the DOM sink, mounting, events (wasm32 only)
//! render/    static outputs: HTML fragment, email, standalone page
//! view/      the one description of the card, written as events into a Sink
//! validate/  format types -> the validated model, with the URL policy
//! schema/    the JSON Schema and TypeScript generated from format/ (native)
//! jsonld/    schema.org JSON-LD read as the format's types: the graph, the mapping
//! format/    the serde types of the JSON format, limits, problems
//! ```
#![deny(missing_docs)]
#![deny(unsafe_code)]
// Only what a user of the crate needs is `pub`; the rest is `pub(crate)` or narrower.
#![warn(unreachable_pub)]
// No input may reach a panic: in the browser a panic traps the whole module.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod format;
pub mod jsonld;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod validate;
pub mod view;

pub use format::{Input, Problem};
pub use validate::{Document, Options};

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

/// The README, whose Rust example `cargo test --doc` compiles and runs
/// (natively: it uses the native functions).
#[cfg(all(doctest, not(target_arch = "wasm32")))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use render::style::CARD_CSS;

/// Parses and validates JSON text as a brief or a feed, or as a schema.org
/// JSON-LD document (its article, or its feed), for these options.
#[cfg(not(target_arch = "wasm32"))]
pub fn load(json_text: &str, options: &Options) -> Result<Document, Vec<Problem>> {
    validate::from_value(format::json_value(json_text)?, &options.url_settings())
}

/// Reads the card from the schema.org JSON-LD of a saved HTML page: its
/// `<script type="application/ld+json">` elements, read as one graph.
/// Problems name their script (`script#id.headline`, else `script[0].headline`);
/// a script that is not JSON is a problem only when no card can be made
/// without it. Relative URLs in it are relative to the page, so without a
/// `base_url` they resolve against the page's own address where the saved
/// file records it ([`jsonld::PageFacts::address`]), an absolute http(s)
/// one; else they stay relative (a canonical link names the preferred
/// copy, perhaps on another site, so `base_url` is the way to say it).
#[cfg(not(target_arch = "wasm32"))]
pub fn load_html_page(html: &str, options: &Options) -> Result<Document, Vec<Problem>> {
    use validate::url_policy::{self, UrlUse};
    let page = jsonld::scripts_in_html(html);
    let mut urls = options.url_settings();
    if urls.base.is_none() {
        // The address is absolute (a URL parser made it): the policy for
        // resources leaves only http(s).
        urls.base = page.facts.address.as_deref().and_then(|a| url_policy::check(a, UrlUse::Resource).ok());
    }
    validate::page(&page.scripts, page.unreadable.into_iter().collect(), &page.facts, &urls)
}

/// Every problem with `json_text` (empty when it is a valid brief or feed).
#[cfg(not(target_arch = "wasm32"))]
pub fn check(json_text: &str) -> Vec<Problem> {
    load(json_text, &Options::default()).err().unwrap_or_default()
}

/// The static HTML for `json_text` ([`render::html`]): the fragment, the
/// email variant when `options.email`, or the server-rendered live card when
/// `options.declarative_shadow_dom`. Dates are written by ICU4X
/// ([`render::dates::icu`]) in the brief's locale and that locale's
/// calendar, as the live card's `Intl` writes them.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_html(json_text: &str, options: &Options) -> Result<String, Vec<Problem>> {
    Ok(render::html(&load(json_text, options)?, options))
}
