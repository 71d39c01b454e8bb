//! The JavaScript API (`renderBrief`, `renderBriefHtml`, `validateBrief`,
//! and `update`, the method of the card `renderBrief` returns), kept thin:
//! it takes the input in the flat form host.js writes of what `JSON.parse`
//! read, calls the pure-Rust pipeline, and hands what the DOM sink built to
//! `host.js`, which mounts it, dispatches the events and handles the
//! reader's clicks. The module keeps no state per card: host.js's `Card`
//! holds all of it.
//! Every failure is an `Error` with a `problems` array; nothing here
//! panics, so no input can leave the module unusable.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::dom::Strings;
use crate::json::Value;
use crate::json_tokens;
use crate::model::BriefDate;
use crate::options::{self, Options};
use crate::validate::{self, Problem};
use crate::view::{self, Context};
use crate::render;
use crate::{dom, CARD_CSS};

#[wasm_bindgen(module = "/src/host.js")]
extern "C" {
    /// The form as a JS string (made a Rust one by text_of: less glue than a
    /// String return); `limit` an i32, as rendered's count.
    #[wasm_bindgen(catch)]
    fn json_form(v: &JsValue, what: &str, limit: i32) -> Result<JsValue, JsValue>;
    fn problems(text: &str, ends: &[u32]) -> JsValue;
    fn error(message: &str, problems: JsValue) -> JsValue;
    /// (An i32, which the glue passes as it is: a u32 would need a wrapper to read it unsigned.)
    fn rendered(target: &JsValue, count: i32);
    fn failed(target: &JsValue, problems: JsValue);
    fn is_element(v: &JsValue) -> bool;
    fn is_none(v: &JsValue) -> bool;
    fn set_css(text: &str);
    /// host.js's handle of a mounted card, which `renderBrief` returns.
    type Card;
    /// Mounts what build_dom built; `options` is the options' form, kept for `update`.
    #[wasm_bindgen(constructor, catch)]
    fn new(target: &JsValue, built: JsValue, shadow: bool, options: &str) -> Result<Card, JsValue>;
    /// The options' form the card was rendered with (a JS string); null once
    /// it was destroyed, or for what is no card. (A JsValue, which the glue
    /// passes as it is, then text_of: cheaper glue than an Option<String>.)
    fn card_options(card: &JsValue) -> JsValue;
    fn card_target(card: &JsValue) -> JsValue;
    fn format_date(year: u16, month: u8, day: u8, locale: &str) -> JsValue;
    /// Holds `v` (see text_of) and returns the room its UTF-8 needs, in bytes.
    #[wasm_bindgen(js_name = text_of)]
    fn hold_text(v: &JsValue) -> i32;
    /// Writes the held string into `into` as UTF-8; returns the bytes written.
    fn take_text(into: &mut [u8]) -> i32;
}

/// A JS string as a Rust one, "" for anything else: every string from the
/// page comes in this way. (i32 sizes, which the glue passes as they are;
/// host.js never returns a negative one.)
pub(crate) fn text_of(v: &JsValue) -> String {
    let mut bytes = vec![0; hold_text(v) as usize];
    let written = take_text(&mut bytes) as usize;
    bytes.truncate(written);
    // SAFETY: what TextEncoder.encodeInto wrote: whole UTF-8 characters (lone
    // surrogates become U+FFFD), the same trust wasm-bindgen's own string
    // passing puts in it.
    unsafe { String::from_utf8_unchecked(bytes) }
}

// ---- reading JS values -------------------------------------------------

fn problem(path: &str, message: &str) -> Vec<Problem> {
    vec![Problem { path: path.into(), message: message.into() }]
}

/// The problem a JS exception (host.js throws its message) stands for.
fn thrown(path: &str, e: JsValue) -> Vec<Problem> {
    problem(path, &text_of(&e))
}

/// The brief (or options) in the flat form host.js writes of what the
/// browser's `JSON.parse` read (JSON text as it is, anything else through
/// `JSON.stringify`, whose exceptions, from cycles, BigInts or throwing
/// getters, become problems).
fn form_of(v: &JsValue, path: &str, what: &str) -> Result<String, Vec<Problem>> {
    json_form(v, what, crate::limits::MAX_INPUT_BYTES as i32).map(|form| text_of(&form)).map_err(|e| thrown(path, e))
}

/// The value a form stands for, borrowing from it. (Not generic over a
/// reader of the value: one copy of this for the brief and the options.)
fn decode<'f>(form: &'f str, path: &str) -> Result<Value<'f>, Vec<Problem>> {
    // Only a host.js bug could write what does not decode.
    json_tokens::decode(form).ok_or_else(|| problem(path, "could not be read as JSON"))
}

/// The options' form: `""` for none (`undefined`, `null`), which are the defaults.
fn options_form(v: &JsValue) -> Result<String, Vec<Problem>> {
    if is_none(v) {
        return Ok(String::new());
    }
    form_of(v, "options", "an object")
}

/// The options a form of `options_form` stands for.
fn parse_options(form: &str) -> Result<Options, Vec<Problem>> {
    if form.is_empty() {
        return Ok(Options::default());
    }
    options::parse(&decode(form, "options")?)
}

fn read_brief(v: &JsValue, options: &Options) -> Result<crate::Document, Vec<Problem>> {
    let form = form_of(v, "", "a brief (an object), a feed (an array) or JSON text")?;
    validate::document(&decode(&form, "")?, &crate::url_settings(options))
}

// ---- errors --------------------------------------------------------------

fn problems_js(list: &[Problem]) -> JsValue {
    let mut s = Strings::default();
    for p in list {
        s.push(&p.path);
        s.push(&p.message);
    }
    problems(&s.text, &s.ends)
}

/// An `Error` listing every problem, with the list in its `problems` property.
fn to_error(list: &[Problem]) -> JsValue {
    error(&validate::describe(list), problems_js(list))
}

/// Reports problems on `target` (`brief-card:error`) and returns the `Error` to throw.
fn fail(target: &JsValue, list: Vec<Problem>) -> JsValue {
    failed(target, problems_js(&list));
    to_error(&list)
}

// ---- the exported functions --------------------------------------------

/// `validateBrief(brief)`: `[]`, or every problem as `{path, message}`.
#[wasm_bindgen(js_name = validateBrief)]
pub fn validate_brief(brief: JsValue) -> JsValue {
    problems_js(&read_brief(&brief, &Options::default()).err().unwrap_or_default())
}

/// `renderBriefHtml(brief, options)`: the static HTML (`{ email: true }` for the email variant).
// A JS string made from the Rust one, rather than the `String` return
// wasm-bindgen would shrink into a boxed slice first (its code only for this).
#[wasm_bindgen(js_name = renderBriefHtml, unchecked_return_type = "string")]
pub fn render_brief_html(brief: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_form(&options).and_then(|form| parse_options(&form)).map_err(|p| to_error(&p))?;
    let doc = read_brief(&brief, &options).map_err(|p| to_error(&p))?;
    let html = if options.email { render::email(&doc, &options) } else { render::fragment(&doc, &options) };
    Ok(JsValue::from_str(&html))
}

/// `renderBrief(target, brief, options)`: renders the card into `target`
/// (into its open shadow root unless `shadow: false`) and returns its handle
/// (host.js's `Card`). On any problem the target is left exactly as it was.
#[wasm_bindgen(js_name = renderBrief, unchecked_return_type = "BriefCard")]
pub fn render_brief(target: JsValue, brief: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if !is_element(&target) {
        return Err(to_error(&problem("target", "expected a DOM element")));
    }
    // The card keeps the options' form, not the host's object: options the
    // host changes after rendering do not change the card's updates.
    let form = options_form(&options).map_err(|p| fail(&target, p))?;
    let options = parse_options(&form).map_err(|p| fail(&target, p))?;
    let (program, count) = program(&target, &brief, &options)?;
    let built = program.build(&target)?;
    if !CSS_SENT.0.replace(true) {
        set_css(CARD_CSS);
    }
    let card = Card::new(&target, built, options.shadow, &form).map_err(|e| fail(&target, thrown("target", e)))?;
    rendered(&target, count);
    Ok(card.into())
}

/// Validates the brief and writes the instructions for its card (nothing
/// on the page changes); returns them with the number of briefs in it.
fn program(target: &JsValue, brief: &JsValue, options: &Options) -> Result<(dom::Program, i32), JsValue> {
    let doc = read_brief(brief, options).map_err(|p| fail(target, p))?;
    let cx = Context { options, format_date: &local_date, interactive: true };
    let mut program = dom::Program::new();
    view::document(&doc, &cx, &mut program);
    Ok((program, doc.briefs().len() as i32)) // at most limits::MAX_FEED
}

/// The card's `update(brief)`: re-renders the card (`this`, host.js's `Card`)
/// with `brief`, with the options it was rendered with: in place when only
/// its text changed (the reader keeps focus and what they expanded), else
/// anew. On problems the current card stays and this throws.
//
// A function of `this` rather than a method of an exported Rust class: the
// card's state is all in host.js's `Card`, so the module needs no handle, no
// free, no finalizer and no borrow checks for it. The glue wasm-bindgen
// writes exports it as `update`; scripts/package.mjs (GLUE_EDITS) makes it
// `Card`'s method instead, so the package exports only the documented API.
#[wasm_bindgen(this)]
pub fn update(card: JsValue, brief: JsValue) -> Result<(), JsValue> {
    let destroyed = || to_error(&problem("", "this card was destroyed"));
    let form = card_options(&card);
    if is_none(&form) {
        return Err(destroyed());
    }
    let form = text_of(&form);
    let target = card_target(&card);
    // The form read as it was when the card was rendered: it cannot fail.
    let options = parse_options(&form).unwrap_or_default();
    let (program, count) = program(&target, &brief, &options)?;
    // Reading the brief may have run the host's code (toJSON, getters), and that may have destroyed the card.
    if is_none(&card_options(&card)) {
        return Err(destroyed());
    }
    program.update(&card)?;
    rendered(&target, count);
    Ok(())
}

/// Page-wide state. The module runs on the page's one thread (wasm32
/// without threads), so a static cell is never shared across threads.
pub(crate) struct PageLocal<T>(pub(crate) T);
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl<T> Sync for PageLocal<T> {}

/// Set once the stylesheet's text was handed to host.js (shared by every
/// card). A plain flag: a `OnceCell` would bring its reentrancy panic.
static CSS_SENT: PageLocal<core::cell::Cell<bool>> = PageLocal(core::cell::Cell::new(false));

/// "June 13, 2023" in `locale` through `Intl.DateTimeFormat`, else the built-in tables.
fn local_date(d: &BriefDate, locale: &str) -> String {
    // The date as a JsValue made a Rust string by text_of (less glue than an
    // Option<String>): "" where Intl refused, which it never formats a date as.
    let s = text_of(&format_date(d.year, d.month, d.day, locale));
    if s.is_empty() { crate::render::dates::format(d, locale) } else { s }
}
