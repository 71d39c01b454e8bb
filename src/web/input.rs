//! What the host passed, read as a validated document or options: a plain,
//! bounded copy made by src/web/copy.js (which says why), read into the
//! format types by serde-wasm-bindgen, then validated.

use js_sys::JsString;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use crate::format::limits::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_PAGE_BYTES};
use crate::format::{self, Checked, Expected, Input, Problem};
use crate::jsonld::{PageFacts, Script, SCRIPT_WRAPPERS};
use crate::validate::{self, Document, Options, UrlSettings};

#[wasm_bindgen(module = "/src/web/copy.js")]
extern "C" {
    /// A plain copy of `v` (see copy.js), within `limit` bytes of JSON and
    /// `max_depth` levels; throws a problem's message as a string.
    #[wasm_bindgen(catch)]
    fn plain_copy(v: &JsValue, what: &str, limit: u32, max_depth: u32) -> Result<JsValue, JsValue>;
}

/// One problem at `path`.
pub(super) fn problem(path: &str, message: &str) -> Vec<Problem> {
    vec![Problem::new(path, message)]
}

/// The brief or feed the host passed (an object, an array, schema.org
/// JSON-LD, or any of them as JSON text), validated for `options`: every
/// problem with its path if it is not one. A JSON-LD article that names no
/// language of its own (publishers often leave `inLanguage` out) is in the
/// language the page gives `target`, the element it is rendered into, as
/// it would be the page's own text there.
pub(crate) fn read_document(v: &JsValue, options: &Options, target: Option<&Element>) -> Result<Document, Vec<Problem>> {
    read_document_in(v, options, target).map(|(document, _)| document)
}

/// [`read_document`], and the JSON text of what the host passed (its plain
/// copy), for `<brief-card>` to read the same document from
/// (`declarativeShadowDom`); `None` without that option.
pub(crate) fn read_document_and_json(v: &JsValue, options: &Options) -> Result<(Document, Option<String>), Vec<Problem>> {
    read_document_in(v, options, None)
}

/// [`read_document_and_json`], with JSON-LD read as on the page where `target` is.
fn read_document_in(v: &JsValue, options: &Options, target: Option<&Element>) -> Result<(Document, Option<String>), Vec<Problem>> {
    let plain = plain_copy_of(v, "", Input::EXPECTED, MAX_INPUT_BYTES)?;
    // The copy is plain data, which JSON.stringify always writes.
    let json = options.declarative_shadow_dom.then(|| js_sys::JSON::stringify(&plain).ok().and_then(|s| s.as_string())).flatten();
    // Relative URLs resolve against a base URL with the browser's own WHATWG parser.
    let urls = UrlSettings { whatwg: browser_url, ..options.url_settings() };
    let page_lang = || target.and_then(inherited_lang);
    validate::from_value_on_page(value_of(plain, "")?, page_lang, &urls).map(|document| (document, json))
}

/// The language HTML gives `element`: its own `lang`, else its nearest
/// ancestor's, across the shadow roots it is in (as `<brief-card>` reads it,
/// src/brief-card.js's `inheritedLang`).
fn inherited_lang(element: &Element) -> Option<String> {
    let mut at = Some(element.clone());
    while let Some(element) = at {
        if let Some(lang) = element.get_attribute("lang") {
            return Some(lang);
        }
        at = element.parent_element().or_else(|| element.get_root_node().dyn_into::<ShadowRoot>().ok().map(|root| root.host()));
    }
    None
}

/// The article (or feed) of a page's JSON-LD scripts (`[{id?, text,
/// reference?}]`, in page order), read as one graph, with what the page says
/// of itself standing in for what the article leaves out. A script marked
/// `reference` is read only for the nodes the others refer to
/// (`Script::for_references`). A script whose text is not JSON is skipped,
/// and reported only when no card can be made without it.
pub(crate) fn read_json_ld(scripts: &JsValue, options: &Options, page: &PageFacts) -> Result<Document, Vec<Problem>> {
    // A plain copy first, as of any host value, within the most a saved page may hold.
    let scripts = plain_copy_of(scripts, "", "an array of JSON-LD scripts", MAX_PAGE_BYTES)?;
    let list = scripts.dyn_ref::<js_sys::Array>().ok_or_else(|| problem("", "expected an array of JSON-LD scripts"))?;
    let (mut read, mut unreadable) = (Vec::new(), format::Problems::default());
    for (i, script) in list.iter().enumerate() {
        let id = js_sys::Reflect::get(&script, &"id".into()).ok().and_then(|id| id.as_string());
        let text = js_sys::Reflect::get(&script, &"text".into()).unwrap_or(JsValue::UNDEFINED);
        let text = unwrapped(text);
        let behind = js_sys::Reflect::get(&script, &"reference".into()).is_ok_and(|r| r.is_truthy());
        let named = Script::name(id.as_deref(), i);
        match plain_value(&text, &named, "JSON-LD text") {
            Ok(value) if behind => read.push(Script::in_page(id.as_deref(), i, value).for_references()),
            Ok(value) => read.push(Script::in_page(id.as_deref(), i, value)),
            // One behind that cannot be read is none of the article's business.
            Err(_) if behind => {}
            Err(problems) => unreadable.extend(problems),
        }
    }
    let urls = UrlSettings { whatwg: browser_url, ..options.url_settings() };
    validate::page(&read, unreadable, page, &urls)
}

/// A page script's text without the comment or CDATA wrapper of older
/// templates, as `jsonld::json_in_script` reads a saved page's: taken off the JS
/// string itself, so that nothing is copied into wasm before the copy's
/// size check (the wrappers are ASCII, so their lengths are the same in
/// UTF-16 units).
fn unwrapped(text: JsValue) -> JsValue {
    let Some(s) = text.dyn_ref::<JsString>() else { return text };
    let mut json = s.trim();
    loop {
        let length = json.length();
        let inside = SCRIPT_WRAPPERS.iter().find_map(|&(open, close)| {
            let (open_len, close_len) = (u32::try_from(open.len()).ok()?, u32::try_from(close.len()).ok()?);
            let whole = length >= open_len + close_len && json.starts_with(open, 0) && json.ends_with(close, i32::try_from(length).ok()?);
            whole.then(|| json.slice(open_len, length - close_len).trim())
        });
        match inside {
            Some(inside) => json = inside,
            None => return json.into(),
        }
    }
}

/// The options the host passed; `undefined` and `null` are the defaults.
pub(crate) fn read_options(v: &JsValue) -> Result<Options, Vec<Problem>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    let value = plain_value(v, "options", "an object")?;
    // Reading a `Checked` value never fails; an error would be a bug in the format types.
    let options = Checked::<format::Options>::deserialize(value).map_err(|_| problem("options", "could not be read"))?;
    validate::options(options)
}

/// The plain copy of `v` as one untyped tree (serde-wasm-bindgen reads the
/// JS values once; the format types are read from the tree), or the problem
/// copy.js found, at `path`.
fn plain_value(v: &JsValue, path: &str, what: &str) -> Result<serde_json::Value, Vec<Problem>> {
    value_of(plain_copy_of(v, path, what, MAX_INPUT_BYTES)?, path)
}

/// The plain copy of `v` (copy.js) within `limit` bytes of JSON, or the problem copy.js found, at `path`.
fn plain_copy_of(v: &JsValue, path: &str, what: &str, limit: usize) -> Result<JsValue, Vec<Problem>> {
    let max_depth = u32::try_from(MAX_DEPTH).unwrap_or(u32::MAX);
    plain_copy(v, what, u32::try_from(limit).unwrap_or(u32::MAX), max_depth).map_err(|thrown| {
        // copy.js throws only strings; anything else would be a bug of ours, still reported.
        problem(path, &thrown.as_string().unwrap_or_else(|| "could not be read".into()))
    })
}

/// A plain copy as an untyped tree.
fn value_of(plain: JsValue, path: &str) -> Result<serde_json::Value, Vec<Problem>> {
    // The copy is plain data, which serde-wasm-bindgen always reads; its
    // error's text would need wasm-bindgen's debug formatting of JS values.
    serde_wasm_bindgen::from_value(plain).map_err(|_| problem(path, "could not be read"))
}

/// The browser's own WHATWG URL parser, for the URL policy's one question to it.
fn browser_url(base: &str, reference: &str) -> Option<String> {
    web_sys::Url::new_with_base(reference, base).ok().map(|url| url.href())
}
