//! schema.org JSON-LD through the validator: the mapping
//! ([`crate::jsonld`]) makes a brief of it, the validator checks
//! that brief as it checks any, and its problems are told again with the
//! paths of the JSON-LD the host wrote.

use serde::Deserialize;
use serde_json::Value;

use super::{checked_document, Document, UrlSettings};
use crate::format::{Checked, Input, Problem, Problems};
use crate::jsonld::{self, PageFacts, Script};

/// Validates a JSON value that is a brief, a feed, or a schema.org JSON-LD
/// document (told apart by its `@context`, see [`jsonld::is_json_ld`]).
///
/// This is what any reader of parsed JSON calls: the command line with
/// serde_json's `Value`, the wasm boundary with the `Value` it reads from
/// the host's plain JS copy (`serde_wasm_bindgen::from_value`).
pub fn from_value(value: Value, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    from_value_on_page(value, || None, urls)
}

/// [`from_value`] for a card on a page: a JSON-LD article without a
/// language of its own is in `page_lang()`, the page's where the card goes
/// (asked only of JSON-LD).
pub(crate) fn from_value_on_page(
    value: Value,
    page_lang: impl FnOnce() -> Option<String>,
    urls: &UrlSettings,
) -> Result<Document, Vec<Problem>> {
    if jsonld::is_json_ld(&value) {
        return json_ld(&[Script::document(value)], &PageFacts { lang: page_lang(), description: None, address: None }, urls);
    }
    // Reading a `Checked` value cannot fail; an error here would be a bug in the format types.
    let input = Checked::<Input>::deserialize(value).map_err(|e| vec![Problem::new("", format!("could not be read: {e}"))])?;
    super::document(input, urls)
}

/// Validates a page's JSON-LD scripts as one graph: the element's `jsonld`,
/// the command line's saved page. `unreadable` holds the problems of the
/// scripts whose text is not JSON, skipped, and reported (first) only when
/// no card can be made without them. What the page says of itself
/// (`facts`) stands in for what its article's JSON-LD leaves out.
pub fn page(scripts: &[Script], unreadable: Problems, facts: &PageFacts, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    if scripts.is_empty() && unreadable.is_empty() {
        return Err(vec![Problem::new("", "the page has no JSON-LD (no <script type=\"application/ld+json\">)")]);
    }
    let mut all = unreadable;
    if scripts.is_empty() {
        // Every script was unreadable: that is the whole story ("no @context names schema.org" would not be true).
        return Err(all.into_vec());
    }
    // The unreadable scripts first: they may be why no card can be made.
    graph(scripts, facts, urls).map_err(|problems| {
        all.append(problems);
        all.into_vec()
    })
}

/// Validates the article (or feed) of these JSON-LD documents, read as one
/// graph: every problem, the mapping's and the validator's, with a path
/// into the JSON-LD as written (`script#ld.@graph[1].citation[0].url`).
/// An article without a language of its own has the page's when that is a
/// language tag; the page's one article without a summary has its
/// description.
pub fn json_ld(scripts: &[Script], page: &PageFacts, urls: &UrlSettings) -> Result<Document, Vec<Problem>> {
    graph(scripts, page, urls).map_err(Problems::into_vec)
}

/// [`json_ld`], its problems still counted (to be told after others').
fn graph(scripts: &[Script], page: &PageFacts, urls: &UrlSettings) -> Result<Document, Problems> {
    let mapped = jsonld::read(scripts, page.description.as_deref());
    let mut problems = mapped.problems;
    let mut doc = None;
    if let Some(mut input) = mapped.input {
        if let Some(lang) = page.lang.as_deref().and_then(jsonld::language_code) {
            with_language(&mut input, &lang);
        }
        let (checked, c) = checked_document(input, urls, true);
        doc = checked;
        problems.append(c.into_problems().retold(|found| mapped.sources.rewrite(found)));
    }
    match doc {
        Some(doc) if problems.is_empty() => Ok(doc),
        _ => Err(problems),
    }
}

/// Gives each article of `input` without a language `lang`.
fn with_language(input: &mut Checked<Input>, lang: &str) {
    let give = |b: &mut crate::format::Brief| {
        b.lang.get_or_insert_with(|| Checked::Valid(lang.to_owned()));
    };
    match input {
        Checked::Valid(Input::One(b)) => give(b),
        Checked::Valid(Input::Feed(briefs)) => briefs.iter_mut().for_each(|b| {
            if let Checked::Valid(b) = b {
                give(b);
            }
        }),
        _ => {}
    }
}
