//! What the host passed, read as a validated document or options.
//!
//! Both first take a plain, bounded copy of the host's value (src/web/copy.js:
//! the host's code, getters, Proxies, cycles and size are dealt with there,
//! and come back as problems). What reads the copy is transitional: the copy
//! is written in the flat form of src/json_tokens.rs (src/web/flat_form.js)
//! and validated as a `json::Value`. When the format types come, the bodies
//! of [`read_document`] and [`read_options`] become `serde_wasm_bindgen::from_value`
//! of the copy and `validate::document` / `validate::options`; nothing else
//! in `web` knows how the copy is read.

use wasm_bindgen::prelude::*;

use crate::json_tokens;
use crate::limits::MAX_INPUT_BYTES;
use crate::model::Document;
use crate::options::{self, Options};
use crate::validate::{self, Problem};

#[wasm_bindgen(module = "/src/web/copy.js")]
extern "C" {
    /// A plain copy of `v` (see copy.js); throws a problem's message as a string.
    #[wasm_bindgen(catch)]
    fn plain_copy(v: &JsValue, what: &str, limit: u32) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/web/flat_form.js")]
extern "C" {
    /// The flat form of a plain copy (transitional, see the module's doc).
    fn flat_form(plain: &JsValue) -> String;
}

/// One problem at `path`.
pub(super) fn problem(path: &str, message: &str) -> Vec<Problem> {
    vec![Problem { path: path.into(), message: message.into() }]
}

/// The plain copy of `v`, or the problem copy.js found, at `path`.
fn copy_of(v: &JsValue, path: &str, what: &str) -> Result<JsValue, Vec<Problem>> {
    plain_copy(v, what, MAX_INPUT_BYTES as u32).map_err(|thrown| {
        // copy.js throws only strings; anything else would be a bug of ours, still reported.
        problem(path, &thrown.as_string().unwrap_or_else(|| "could not be read".into()))
    })
}

/// The value a plain copy stands for, validated by `check`.
fn read<T>(plain: &JsValue, path: &str, check: impl FnOnce(&crate::json::Value) -> Result<T, Vec<Problem>>) -> Result<T, Vec<Problem>> {
    let form = flat_form(plain);
    // Only a bug of flat_form.js could write what does not decode.
    let value = json_tokens::decode(&form).ok_or_else(|| problem(path, "could not be read as JSON"))?;
    check(&value)
}

/// The brief or feed the host passed (an object, an array or JSON text),
/// validated for `options`: every problem with its path if it is not one.
pub fn read_document(v: &JsValue, options: &Options) -> Result<Document, Vec<Problem>> {
    let plain = copy_of(v, "", "a brief (an object), a feed (an array) or JSON text")?;
    read(&plain, "", |value| validate::document(value, &crate::url_settings(options)))
}

/// The options the host passed; `undefined` and `null` are the defaults.
pub fn read_options(v: &JsValue) -> Result<Options, Vec<Problem>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    let plain = copy_of(v, "options", "an object")?;
    read(&plain, "options", options::parse)
}
