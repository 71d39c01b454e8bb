//! brief-card: renders policy and news briefs from JSON into an accessible,
//! isolated card, as live DOM (in the browser, through WebAssembly) or as
//! static HTML (fragment, email, standalone page).
//!
//! The pipeline, one module per step:
//!
//! ```text
//! JSON text ─ json ─► Value ─ validate (+ url_policy, limits) ─► model::Document
//!        ─ view ─► events into a view::sink::Sink ─┬─ dom (+ dom_builder.js, host.js; wasm only) ─► live card
//!                                                   └─ render::html (+ escape, style) ─► render ─► fragment / email / page
//! ```
//!
//! In the browser the JSON is read by the engine's `JSON.parse` (host.js)
//! and reaches `Value` through `json_tokens`: the module carries no JSON
//! reader of its own. The command line reads it with `json`.
//!
//! Everything but `dom` and `wasm_api` is plain Rust, tested with `cargo test`.
//!
//! In the browser build (wasm32 with the default `tiny` feature) the crate
//! is `no_std`: without std's panic and formatting machinery the module is
//! a fraction of the size (see `wasm_runtime`).
#![cfg_attr(all(target_arch = "wasm32", feature = "tiny"), no_std)]
#![deny(missing_docs)]

// No input may reach a panic: in the browser a panic traps the whole module.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

extern crate alloc;

mod prelude;
#[cfg(any(test, all(target_arch = "wasm32", feature = "tiny")))]
mod size_classes;
#[cfg(all(target_arch = "wasm32", feature = "tiny"))]
mod wasm_runtime;

pub mod json;
pub mod json_tokens;
pub mod labels;
pub mod limits;
pub mod model;
pub mod options;
pub mod render;
pub mod text;
pub mod url_policy;
pub mod validate;
pub mod view;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm_api;

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
    Ok(if options.email { render::email(&doc, options) } else { render::fragment(&doc, options) })
}
