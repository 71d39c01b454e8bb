//! From what serde read (the [`crate::format`] types) to the validated
//! [`Document`], collecting *every* problem with its JSON path
//! (`related[2].url`, `sections[0].paragraphs[1][0].href`).
//!
//! Validation never stops at the first problem and never panics. A document
//! is returned only when there is no problem at all, so no output can be
//! made from an unchecked brief, and nothing ever half-renders. Unknown
//! fields are ignored; `null` counts as absent for optional fields (content
//! systems write it for "no value").
//!
//! - `checker.rs`: the JSON path of a value (`Path`), and the checker that collects problems with
//!   the readers every block uses (required, text, URL, list, date);
//! - `bidi.rs`: each text's directional controls kept to itself;
//! - `brief.rs`: what each block of a brief must be;
//! - [`options`](mod@options), [`labels`]: the rendering options, the fixed words;
//! - [`url_policy`]: the one URL policy; [`date`]: strict RFC 3339 dates;
//! - `jsonld.rs`: schema.org JSON-LD, validated as the brief it maps to;
//! - [`model`]: the validated types, the only ones the view renders.

mod bidi;
mod brief;
mod checker;
pub mod date;
mod jsonld;
pub mod labels;
pub mod model;
pub mod options;
pub mod url_policy;

// For the page's shortened descriptions (render::page, native only).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use bidi::balanced;
pub(crate) use checker::Checker;
pub(crate) use checker::Path;
pub use date::parse_date;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub(crate) use jsonld::from_value_on_page;
pub use jsonld::{from_value, json_ld, page};
pub use model::*;
pub use options::{options, Options};
pub use url_policy::UrlSettings;

use crate::format::limits::MAX_FEED;
use crate::format::{Checked, Expected, Input, Problem};

/// Validates what was read as a brief (an object) or a feed (an array of briefs).
pub fn document(input: Checked<Input>, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    let (doc, c) = checked_document(input, urls, false);
    c.finish(doc)
}

/// The document (if it could be read at all) and the checker holding its
/// problems, for callers that report them in other terms ([`json_ld`]);
/// text too long for its field is shortened when `shortens` (see [`Checker`]).
fn checked_document<'u>(input: Checked<Input>, urls: &'u UrlSettings, shortens: bool) -> (Option<Document>, Checker<'u>) {
    let mut c = Checker::new(urls);
    c.shortens = shortens;
    let root = Path::Root;
    let doc = match input {
        Checked::Valid(Input::One(brief)) => Some(Document::One(c.brief(*brief, &root))),
        Checked::Valid(Input::Feed(items)) if items.is_empty() => {
            c.report(&root, "a feed needs at least one brief");
            None
        }
        Checked::Valid(Input::Feed(items)) => {
            c.max_len(items.len(), MAX_FEED, &root).then(|| Document::Feed(c.each(items, &root, |c, brief, path| c.brief(*brief, path))))
        }
        Checked::Absent => {
            c.report(&root, format!("expected {}, found null", Input::EXPECTED));
            None
        }
        Checked::Invalid(found) => {
            c.wrong_type(&root, Input::EXPECTED, found);
            None
        }
    };
    (doc, c)
}

/// JSON text as a validated document with the default options: for the
/// tests of the layers above.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn load_default(json_text: &str) -> Result<Document, Vec<Problem>> {
    from_value(crate::format::json_value(json_text)?, &UrlSettings::default())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{describe, from_json_text};

    fn check(json: &str) -> Vec<Problem> {
        from_json_text(json).and_then(|input| document(input, &UrlSettings::default())).err().unwrap_or_default()
    }

    #[test]
    fn describe_writes_each_problem_as_its_line() {
        let problems = check(r#"{"title": " ", "tags": [1], "related": [{"title": "r", "url": "javascript:x"}]}"#);
        let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(describe(&problems), lines.join("\n"));
        assert_eq!(lines[1..], ["related[0].url: scheme \"javascript\" is not allowed", "tags[0]: expected an object, found a number"]);
        let root = check("[]");
        assert_eq!(
            (describe(&root), root[0].to_string()),
            ("a feed needs at least one brief".into(), "a feed needs at least one brief".into())
        );
        assert_eq!(describe(&[]), "");
    }

    #[test]
    fn null_items_and_null_inputs_are_of_the_wrong_kind() {
        let lines = |json: &str| check(json).iter().map(Problem::to_string).collect::<Vec<_>>();
        assert_eq!(lines("null"), ["expected a brief (an object) or a feed (an array of briefs), found null"]);
        assert_eq!(
            lines(r#"{"title": "t", "tags": [null], "summary": {"paragraphs": [null]}}"#),
            ["summary.paragraphs[0]: expected a string or an array of runs, found null", "tags[0]: expected an object, found null",]
        );
        assert_eq!(lines(r#"{"title": null, "kind": null, "quotes": null}"#), ["title: is required"]);
    }
}
