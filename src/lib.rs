//! brief-card: renders policy and news briefs from JSON into an accessible,
//! isolated card, as live DOM (in the browser, through WebAssembly) or as
//! static HTML (fragment, email, standalone page).
//!
//! The pipeline, one module per step:
//!
//! ```text
//! JSON text ─ json ─► Value ─ validate (+ url_policy, limits) ─► model::Document
//!        ─ view ─► events into a sink::Sink ─┬─ web::dom (+ web/build.js; wasm only) ─► live card
//!                                             └─ html (+ escape) ─► static_html ─► fragment / email
//! ```
//!
//! In the browser (`web`, wasm32 only) the input is a plain copy of what
//! the host passed, made by the engine (`JSON.parse` for text); the command
//! line reads JSON with `json`.
//!
//! Everything but `web` is plain Rust, tested with `cargo test`.
#![deny(missing_docs)]

// No input may reach a panic: in the browser a panic traps the whole module.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

extern crate alloc;

mod prelude;

pub mod dates;
pub mod escape;
pub mod fixed_strings;
pub mod html;
pub mod json;
pub mod json_tokens;
pub mod labels;
pub mod limits;
pub mod model;
pub mod options;
pub mod page;
pub mod sink;
pub mod static_html;
pub mod static_style;
pub mod text;
pub mod url_policy;
pub mod validate;
pub mod view;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[allow(unused_imports)]
use prelude::*;

pub use model::Document;
pub use options::Options;
pub use validate::Problem;

/// The stylesheet of the live card (adopted into its shadow root). Pages
/// theme it with `--brief-{bg,fg,muted,accent,link,border,quote,chip}`,
/// their `--brief-dark-*` twins, `--brief-font`, `--brief-heading-font`,
/// `--brief-radius` and `--brief-max-width` (see the README). No comments
/// in it: every byte goes to every page. Its rules are one a line in
/// card.css, for reading and diffs; the module holds them without the line
/// breaks, which are only whitespace between rules (-11 B gzip).
pub const CARD_CSS: &str = match core::str::from_utf8(&CSS_ONE_LINE) {
    Ok(css) => css,
    Err(_) => panic!("card.css is not UTF-8"),
};

const CSS_SOURCE: &[u8] = include_bytes!("card.css");
const CSS_ONE_LINE: [u8; CSS_SOURCE.len() - count_line_breaks(CSS_SOURCE)] = without_line_breaks(CSS_SOURCE);

// Evaluated when compiling (an index out of range is a build error, not a
// panic at run time), in loops because const fns have no iterators.
#[allow(clippy::indexing_slicing)]
const fn count_line_breaks(s: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        n += (s[i] == b'\n') as usize;
        i += 1;
    }
    n
}

#[allow(clippy::indexing_slicing)]
const fn without_line_breaks<const N: usize>(s: &[u8]) -> [u8; N] {
    let (mut out, mut from, mut to) = ([0; N], 0, 0);
    while from < s.len() {
        if s[from] != b'\n' {
            out[to] = s[from];
            to += 1;
        }
        from += 1;
    }
    out
}

/// How `options` asks relative URLs to be treated.
pub fn url_settings(options: &Options) -> validate::UrlSettings {
    validate::UrlSettings { base: options.base_url.clone(), absolute_only: options.email }
}

/// Parses and validates JSON text as a brief or a feed, for these options.
pub fn load(json_text: &str, options: &Options) -> Result<Document, Vec<Problem>> {
    validate::document(&validate::parse_json(json_text)?, &url_settings(options))
}

/// Every problem with `json_text` (empty when it is a valid brief or feed).
pub fn check(json_text: &str) -> Vec<Problem> {
    validate::parse_document(json_text).err().unwrap_or_default()
}

/// The static HTML for `json_text`: the fragment, or the email variant when `options.email`.
pub fn render_html(json_text: &str, options: &Options) -> Result<String, Vec<Problem>> {
    let doc = load(json_text, options)?;
    Ok(if options.email { static_html::email(&doc, options) } else { static_html::fragment(&doc, options) })
}
