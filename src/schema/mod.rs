//! The brief format for other tools: a JSON Schema (draft 2020-12, here),
//! TypeScript declarations ([`typescript()`], typescript.rs) and a Markdown
//! format reference ([`format_reference`], reference.rs), all generated
//! from the format's own serde types ([`crate::format::Input`], [`crate::format::Options`],
//! [`crate::format::Problem`]: a `Checked<T>` field is simply a `T` to them) and
//! the event details below.
//! Native only: none of this reaches the wasm.
//!
//! Their doc comments become the schema's descriptions, and their
//! constraints come from [`crate::format::limits`] and
//! [`crate::format::patterns`]. Regenerate the committed files with
//! `UPDATE=1 cargo test --test generated`; without `UPDATE` that test fails
//! when they differ from what these types generate.
//!
//! JSON Schema cannot say everything the validator checks; what differs is
//! listed in [`GAPS`] (and in docs/format-reference.md).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::JsonSchema;
use schemars::Schema;
use serde_json::Value;

use crate::format::{Input as BriefDocument, Problem};

mod reference;
mod typescript;

pub use reference::format_reference;
pub use typescript::{typescript, typescript_element, typescript_react};

/// Where JSON Schema and the validator differ: the schema accepts a
/// superset or a subset of what `validateBrief` accepts in these cases only.
pub const GAPS: [&str; 5] = [
    "**Input size and depth.** The validator refuses JSON text over 1,000,000 bytes and nesting deeper than 16 arrays/objects; JSON Schema sees a parsed value and has no such limits.",
    "**February 29.** The date pattern accepts `02-29` in every year; the validator only in leap years.",
    "**Tabs and newlines inside an http(s) host.** Browsers (and the validator) remove them (`https://exa\\tmple.org/`); the URL pattern refuses them. Inside the scheme (`java\\tscript:`) and before the path both read them the same way.",
    "**A quote's text, or a link's, that shows nothing.** The validator refuses a quote whose text is blank (white space, or runs that are all blank) and a run with an `href` whose text is blank: a quote is its words, and a link without any is one no reader sees and no screen reader can name. The schema, which cannot say \"not blank\" of an array of runs, accepts them.",
    "**Relative URLs in email and with a base URL.** `renderBriefHtml(brief, { email: true })` without `baseUrl` refuses relative URLs; the schema, like `validateBrief`, describes the brief alone, not the options.",
];

// ---- the API's other data, for the TypeScript declarations ---------------

/// `detail` of `brief-card:render`.
#[derive(JsonSchema)]
pub struct BriefRenderDetail {
    /// How many cards were rendered (1, or the briefs in a feed).
    pub count: u32,
}

/// `detail` of `brief-card:error`.
#[derive(JsonSchema)]
pub struct BriefErrorDetail {
    /// Every problem: with the brief or the options when the data was invalid, else the one failure (at path `""`).
    pub problems: Vec<Problem>,
    /// Why: `"invalid"` from `renderBrief` (and `<brief-card>` with invalid data); `<brief-card>`'s other reasons for showing its fallback.
    pub reason: ErrorReason,
    /// `<brief-card>` with `reason: "http"`: the HTTP status.
    pub status: Option<u16>,
    /// `<brief-card>` with `reason: "timeout"`: the timeout in milliseconds.
    pub timeout: Option<u32>,
}

/// Why `<brief-card>` could not render: `http`, `timeout`, `network` (fetching
/// `src`), `json` (not JSON), `invalid` (problems), `wasm` (the module did not load).
#[allow(missing_docs)] // the values are named in the enum's doc; variant docs would change the schema
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub enum ErrorReason {
    Http,
    Timeout,
    Network,
    Json,
    Invalid,
    Wasm,
}

/// `detail` of `brief-card:link`, dispatched when a reader follows a link;
/// `preventDefault()` cancels the navigation.
#[derive(JsonSchema)]
pub struct BriefLinkDetail {
    /// The link's absolute URL.
    pub url: String,
    /// The block the link is in (`data-block`), or `card`.
    pub block: String,
}

/// `detail` of `brief-card:toggle`, dispatched when a reader opens or closes a long block.
#[derive(JsonSchema)]
pub struct BriefToggleDetail {
    /// The block (`data-block`).
    pub block: String,
    /// Whether it is now open.
    pub expanded: bool,
}

// ---- generating ------------------------------------------------------------

fn settings() -> SchemaSettings {
    // schemars names Rust's integer types as formats (`"uint32"`), which
    // JSON Schema does not define and strict validators (Ajv) refuse; the
    // type and the range say what they would.
    SchemaSettings::draft2020_12().with_transform(RecursiveTransform(|schema: &mut Schema| {
        if schema.get("format").and_then(Value::as_str).is_some_and(|f| f.starts_with("uint") || f.starts_with("int")) {
            schema.remove("format");
        }
    }))
}

/// The JSON Schema of a brief or a feed (docs/brief.schema.json).
pub fn brief_schema() -> Value {
    let schema = settings().into_generator().into_root_schema_for::<BriefDocument>();
    schema.to_value()
}

/// docs/brief.schema.json as text: the schema, pretty-printed, with a final newline.
pub fn brief_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&brief_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The first line of every generated file says so.
const GENERATED: &str = "Generated from the Rust types in src/format/ by `UPDATE=1 cargo test --test generated`; do not edit.";
