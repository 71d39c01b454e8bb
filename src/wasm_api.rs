//! The JavaScript API (`renderBrief`, `renderBriefHtml`, `validateBrief`,
//! `BriefCard`), kept thin: it takes the input as JSON text, calls the
//! pure-Rust pipeline, and hands what the DOM sink built to `host.js`,
//! which mounts it, dispatches the events and handles the reader's clicks.
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
use crate::{dom, static_html, CARD_CSS};

// A function here that makes a string holds it in host.js and returns its
// length in bytes (negative: none), which `held` takes.
#[wasm_bindgen(module = "/src/host.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn json_form(v: &JsValue, what: &str, limit: u32) -> Result<i32, JsValue>;
    fn problems(text: &str, ends: &[u32]) -> JsValue;
    fn error(message: &str, problems: JsValue) -> JsValue;
    fn rendered(target: &JsValue, count: u32);
    fn failed(target: &JsValue, problems: JsValue);
    fn is_element(v: &JsValue) -> bool;
    fn set_css(text: &str);
    #[wasm_bindgen(catch)]
    fn mount(target: &JsValue, built: JsValue, shadow: bool) -> Result<JsValue, JsValue>;
    fn unmount(card: &JsValue);
    fn format_date(year: u16, month: u8, day: u8, locale: &str) -> i32;
    fn message_of(thrown: &JsValue) -> i32;
    fn take_held(into: &mut [u8]);
}

// ---- reading JS values -------------------------------------------------

fn problem(path: &str, message: &str) -> Vec<Problem> {
    vec![Problem { path: path.into(), message: message.into() }]
}

/// The problem a JS exception (host.js throws its message) stands for.
fn thrown(path: &str, e: JsValue) -> Vec<Problem> {
    problem(path, &held(message_of(&e)).unwrap_or_default())
}

/// The brief (or options) as the browser's `JSON.parse` read it (JSON
/// text as it is, anything else through `JSON.stringify`, whose exceptions,
/// from cycles, BigInts or throwing getters, become problems), borrowing
/// from `form`, which holds it as host.js wrote it. (Not generic over a
/// reader of the value: one copy of this for the brief and the options.)
fn read_json<'f>(v: &JsValue, path: &str, what: &str, form: &'f mut String) -> Result<Value<'f>, Vec<Problem>> {
    *form = held(json_form(v, what, crate::limits::MAX_INPUT_BYTES as u32).map_err(|e| thrown(path, e))?).unwrap_or_default();
    // Only a host.js bug could write what does not decode.
    json_tokens::decode(form).ok_or_else(|| problem(path, "could not be read as JSON"))
}

fn read_options(v: &JsValue) -> Result<Options, Vec<Problem>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    options::parse(&read_json(v, "options", "an object", &mut String::new())?)
}

fn read_brief(v: &JsValue, options: &Options) -> Result<crate::Document, Vec<Problem>> {
    let mut form = String::new();
    let value = read_json(v, "", "a brief (an object), a feed (an array) or JSON text", &mut form)?;
    validate::document(&value, &crate::url_settings(options))
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
    let options = read_options(&options).map_err(|p| to_error(&p))?;
    let doc = read_brief(&brief, &options).map_err(|p| to_error(&p))?;
    let html = if options.email { static_html::email(&doc, &options) } else { static_html::fragment(&doc, &options) };
    Ok(JsValue::from_str(&html))
}

/// `renderBrief(target, brief, options)`: renders the card into `target`
/// (into its open shadow root unless `shadow: false`) and returns its handle.
/// On any problem the target is left exactly as it was.
#[wasm_bindgen(js_name = renderBrief)]
pub fn render_brief(target: JsValue, brief: JsValue, options: JsValue) -> Result<BriefCard, JsValue> {
    if !is_element(&target) {
        return Err(to_error(&problem("target", "expected a DOM element")));
    }
    let options = read_options(&options).map_err(|p| fail(&target, p))?;
    let (program, count) = program(&target, &brief, &options)?;
    let built = program.build(&target)?;
    if !CSS_SENT.0.replace(true) {
        set_css(CARD_CSS);
    }
    let root = mount(&target, built, options.shadow).map_err(|e| fail(&target, thrown("target", e)))?;
    rendered(&target, count);
    Ok(BriefCard { card: Some(Mounted { target, root, options }) })
}

/// Validates the brief and writes the instructions for its card (nothing
/// on the page changes); returns them with the number of briefs in it.
fn program(target: &JsValue, brief: &JsValue, options: &Options) -> Result<(dom::Program, u32), JsValue> {
    let doc = read_brief(brief, options).map_err(|p| fail(target, p))?;
    let cx = Context { options, format_date: local_date, interactive: true };
    let mut program = dom::Program::new();
    view::document(&doc, &cx, &mut program);
    Ok((program, doc.briefs().len() as u32))
}

/// A rendered card: `update(brief)` re-renders it in place, `destroy()` removes it.
#[wasm_bindgen]
pub struct BriefCard {
    card: Option<Mounted>,
}

struct Mounted {
    target: JsValue,
    /// host.js's handle of the mounted card.
    root: JsValue,
    options: Options,
}

#[wasm_bindgen]
impl BriefCard {
    /// Re-renders with `brief`: in place when only its text changed (the
    /// reader keeps focus and what they expanded), else anew. On problems
    /// the current card stays and this throws.
    pub fn update(&mut self, brief: JsValue) -> Result<(), JsValue> {
        let Some(card) = &self.card else {
            return Err(to_error(&problem("", "this card was destroyed")));
        };
        let (program, count) = program(&card.target, &brief, &card.options)?;
        program.update(&card.root)?;
        rendered(&card.target, count);
        Ok(())
    }

    /// Removes the card and its listener; the target shows what it had before.
    pub fn destroy(&mut self) {
        if let Some(card) = self.card.take() {
            unmount(&card.root);
        }
    }
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
    held(format_date(d.year, d.month, d.day, locale)).unwrap_or_else(|| crate::dates::format(d, locale))
}

/// The string host.js holds, `len` bytes of UTF-8 (negative: none),
/// taken from it: every string from the page comes in this way.
pub(crate) fn held(len: i32) -> Option<String> {
    let mut bytes = alloc::vec![0; usize::try_from(len).ok()?];
    take_held(&mut bytes);
    // SAFETY: host.js holds what a TextEncoder wrote, which is UTF-8.
    Some(unsafe { String::from_utf8_unchecked(bytes) })
}
