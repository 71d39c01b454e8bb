//! The JavaScript API (`renderBrief`, `renderBriefHtml`, `validateBrief`,
//! `BriefCard`), kept thin: it converts JS values to JSON text and options,
//! calls the pure-Rust pipeline, mounts what the DOM sink built, and
//! dispatches events. Every failure is an `Error` with a `problems` array;
//! nothing here panics, so no input can leave the module unusable.

#[allow(unused_imports)]
use crate::prelude::*;

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Document, DocumentFragment, Element, Event, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::model::BriefDate;
use crate::options::{self, Options};
use crate::text::cat;
use crate::validate::{self, Problem};
use crate::view::{self, Context};
use crate::{dom, static_html, CARD_CSS};

// ---- reading JS values -------------------------------------------------

fn problem(path: &str, message: String) -> Vec<Problem> {
    vec![Problem { path: path.into(), message }]
}

/// The brief (or options) as JSON text: strings are taken as JSON text,
/// anything else goes through `JSON.stringify` (whose exceptions, from
/// cycles, BigInts or throwing getters, become problems).
fn json_text(v: &JsValue, path: &str, what: &str) -> Result<String, Vec<Problem>> {
    let found = || -> String {
        if v.is_null() {
            return "null".into();
        }
        v.js_typeof().as_string().unwrap_or_default()
    };
    let text = match v.dyn_ref::<js_sys::JsString>() {
        Some(s) => s.clone(),
        None if v.is_undefined() || v.is_null() || v.is_function() || v.is_symbol() => {
            return Err(problem(path, cat(&["expected ", what, ", found ", &found()])));
        }
        None => match JSON::stringify(v) {
            Ok(s) if s.is_string() => s,
            Ok(_) => return Err(problem(path, cat(&["expected ", what, ", found ", &found()]))),
            Err(e) => return Err(problem(path, cat(&["could not be read as JSON: ", &error_message(&e)]))),
        },
    };
    // Refuse oversized input before copying it into wasm memory, which never shrinks.
    let len = text.length() as usize;
    if len > crate::limits::MAX_INPUT_BYTES {
        return Err(problem(path, cat(&["input is ", &crate::text::num(len), " characters; the limit is ", &crate::text::num(crate::limits::MAX_INPUT_BYTES), " bytes"])));
    }
    Ok(String::from(text))
}

fn error_message(e: &JsValue) -> String {
    Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "unknown error".into())
}

fn read_options(v: &JsValue) -> Result<Options, Vec<Problem>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    let text = json_text(v, "options", "an object")?;
    let value = crate::json::parse(&text).map_err(|e| problem("options", e.message()))?;
    options::parse(&value)
}

fn read_brief(v: &JsValue, options: &Options) -> Result<crate::Document, Vec<Problem>> {
    let text = json_text(v, "", "a brief (an object), a feed (an array) or JSON text")?;
    crate::load(&text, options)
}

// ---- errors and events -------------------------------------------------

fn problems_js(problems: &[Problem]) -> Array {
    problems
        .iter()
        .map(|p| {
            let o = Object::new();
            let _ = Reflect::set(&o, &"path".into(), &p.path.as_str().into());
            let _ = Reflect::set(&o, &"message".into(), &p.message.as_str().into());
            JsValue::from(o)
        })
        .collect()
}

/// An `Error` listing every problem, with the list in its `problems` property.
fn error(problems: &[Problem]) -> JsValue {
    let e = js_sys::Error::new(&validate::describe(problems));
    let _ = Reflect::set(&e, &"problems".into(), &problems_js(problems));
    e.into()
}

/// Dispatches a bubbling, composed event; false if a listener cancelled it.
fn emit(target: &Element, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(ev) => target.dispatch_event(&ev).unwrap_or(true),
        Err(_) => true,
    }
}

fn detail(pairs: &[(&str, &JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Reports problems on `target` (`brief-card:error`) and returns the `Error` to throw.
fn fail(target: Option<&Element>, problems: Vec<Problem>) -> JsValue {
    if let Some(t) = target {
        emit(t, "brief-card:error", &detail(&[("problems", &problems_js(&problems))]), false);
    }
    error(&problems)
}

// ---- the exported functions --------------------------------------------

/// `validateBrief(brief)`: `[]`, or every problem as `{path, message}`.
#[wasm_bindgen(js_name = validateBrief)]
pub fn validate_brief(brief: JsValue) -> Array {
    match read_brief(&brief, &Options::default()) {
        Ok(_) => Array::new(),
        Err(p) => problems_js(&p),
    }
}

/// `renderBriefHtml(brief, options)`: the static HTML (`{ email: true }` for the email variant).
#[wasm_bindgen(js_name = renderBriefHtml)]
pub fn render_brief_html(brief: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = read_options(&options).map_err(|p| error(&p))?;
    let doc = read_brief(&brief, &options).map_err(|p| error(&p))?;
    Ok(if options.email { static_html::email(&doc, &options) } else { static_html::fragment(&doc, &options) })
}

/// `renderBrief(target, brief, options)`: renders the card into `target`
/// (into its open shadow root unless `shadow: false`) and returns its handle.
/// On any problem the target is left exactly as it was.
#[wasm_bindgen(js_name = renderBrief)]
pub fn render_brief(target: JsValue, brief: JsValue, options: JsValue) -> Result<BriefCard, JsValue> {
    let Some(target) = target.dyn_ref::<Element>().cloned() else {
        return Err(error(&problem("target", "expected a DOM element".into())));
    };
    let options = read_options(&options).map_err(|p| fail(Some(&target), p))?;
    let (frag, count) = build(&target, &brief, &options)?;
    let root = Root::prepare(&target, options.shadow).map_err(|p| fail(Some(&target), p))?;
    let saved = root.mount(frag);
    let card = Mounted { target, root, options, saved };
    card.rendered(count);
    card.root.reveal_hash_target();
    Ok(BriefCard { card: Some(card) })
}

/// Validates and builds the card off-document (nothing on the page
/// changes); returns it with the number of briefs in it.
fn build(target: &Element, brief: &JsValue, options: &Options) -> Result<(DocumentFragment, usize), JsValue> {
    let doc = read_brief(brief, options).map_err(|p| fail(Some(target), p))?;
    let cx = Context { options, format_date: &format_date, interactive: true };
    let tree = view::document(&doc, &cx);
    let document = target.owner_document().ok_or_else(|| error(&problem("target", "is not in a document".into())))?;
    Ok((dom::build(&document, &tree)?, doc.briefs().len()))
}

/// A rendered card: `update(brief)` re-renders it in place, `destroy()` removes it.
#[wasm_bindgen]
pub struct BriefCard {
    card: Option<Mounted>,
}

struct Mounted {
    target: Element,
    root: Root,
    options: Options,
    /// Light DOM only: the target's own children, put back by `destroy`.
    saved: Option<DocumentFragment>,
}

impl Mounted {
    fn rendered(&self, count: usize) {
        emit(&self.target, "brief-card:render", &detail(&[("count", &JsValue::from(count as u32))]), false);
    }
}

#[wasm_bindgen]
impl BriefCard {
    /// Re-renders with `brief`; on problems the current card stays and this throws.
    pub fn update(&mut self, brief: JsValue) -> Result<(), JsValue> {
        let Some(card) = &self.card else {
            return Err(error(&problem("", "this card was destroyed".into())));
        };
        let (frag, count) = build(&card.target, &brief, &card.options)?;
        card.root.replace(frag);
        card.rendered(count);
        Ok(())
    }

    /// Removes the card and its listener; the target shows what it had before.
    pub fn destroy(&mut self) {
        if let Some(card) = self.card.take() {
            card.root.unmount(card.saved);
        }
    }
}

// ---- where the card lives ----------------------------------------------

enum Root {
    Shadow(ShadowRoot),
    Light(Element),
}

impl Root {
    /// The target's open shadow root (attached if needed), or the target itself.
    fn prepare(target: &Element, shadow: bool) -> Result<Root, Vec<Problem>> {
        if !shadow {
            adopt_into_document(target);
            return Ok(Root::Light(target.clone()));
        }
        let root = match target.shadow_root() {
            Some(r) => r,
            None => target.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|e| {
                problem("target", cat(&["cannot hold a shadow root (", &error_message(&e), "); render with { shadow: false }"]))
            })?,
        };
        adopt_into_shadow(&root);
        Ok(Root::Shadow(root))
    }

    fn node(&self) -> &web_sys::Node {
        match self {
            Root::Shadow(r) => r,
            Root::Light(e) => e,
        }
    }

    /// Puts the card in place; returns the light-DOM children it displaced.
    fn mount(&self, frag: DocumentFragment) -> Option<DocumentFragment> {
        let _ = self.node().add_event_listener_with_callback("click", &click_handler());
        match self {
            Root::Shadow(_) => {
                self.replace(frag);
                None
            }
            Root::Light(e) => {
                let saved = e.owner_document().map(|d| d.create_document_fragment());
                if let Some(s) = &saved {
                    while let Some(child) = e.first_child() {
                        let _ = s.append_child(&child);
                    }
                }
                self.replace(frag);
                saved
            }
        }
    }

    fn replace(&self, frag: DocumentFragment) {
        match self {
            Root::Shadow(r) => r.replace_children_with_node_1(&frag),
            Root::Light(e) => e.replace_children_with_node_1(&frag),
        }
    }

    fn unmount(&self, saved: Option<DocumentFragment>) {
        let _ = self.node().remove_event_listener_with_callback("click", &click_handler());
        match self {
            // A slot lets the host's own children (its fallback) show again.
            Root::Shadow(r) => match r.owner_document().and_then(|d| d.create_element("slot").ok()) {
                Some(slot) => r.replace_children_with_node_1(&slot),
                None => r.replace_children_with_node_0(),
            },
            Root::Light(e) => match saved {
                Some(s) => e.replace_children_with_node_1(&s),
                None => e.replace_children_with_node_0(),
            },
        }
    }

    fn query(&self, selector: &str) -> Option<Element> {
        match self {
            Root::Shadow(r) => r.query_selector(selector).ok().flatten(),
            Root::Light(e) => e.query_selector(selector).ok().flatten(),
        }
    }

    /// Deep links: when the page's `#fragment` names this card or one of its
    /// quotes, scroll to it and highlight it.
    fn reveal_hash_target(&self) {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let id = hash.trim_start_matches('#');
        let safe = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
        if !safe {
            return;
        }
        if let Some(el) = self.query(&cat(&["[id=\"", id, "\"]"])) {
            let _ = el.class_list().add_1("bc-target");
            el.scroll_into_view();
        }
    }
}

// ---- the shared stylesheet -----------------------------------------------

/// Page-wide state. The module runs on the page's one thread (wasm32
/// without threads), so a static cell is never shared across threads.
struct PageLocal<T>(core::cell::OnceCell<T>);
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl<T> Sync for PageLocal<T> {}

impl<T> PageLocal<T> {
    const fn new() -> Self {
        PageLocal(core::cell::OnceCell::new())
    }
    fn get(&self, init: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(init)
    }
}

/// One constructable stylesheet per page, shared by every card
/// (`None` where constructable stylesheets are unsupported).
static SHEET: PageLocal<Option<CssStyleSheet>> = PageLocal::new();

fn sheet() -> Option<&'static CssStyleSheet> {
    SHEET.get(|| CssStyleSheet::new().ok().filter(|s| s.replace_sync(CARD_CSS).is_ok())).as_ref()
}

fn adopt_into_shadow(root: &ShadowRoot) {
    let adopted = sheet().map(|sheet| Reflect::set(root, &"adoptedStyleSheets".into(), &Array::of1(sheet)).is_ok());
    if adopted != Some(true) && root.query_selector("style").ok().flatten().is_none() {
        // Old browsers: a <style> element (blocked by a strict style-src, where constructable sheets are not).
        if let Some(style) = root.owner_document().and_then(|d| d.create_element("style").ok()) {
            style.set_text_content(Some(CARD_CSS));
            let _ = root.prepend_with_node_1(&style);
        }
    }
}

fn adopt_into_document(target: &Element) {
    let Some(doc) = target.owner_document() else { return };
    let Some(sheet) = sheet() else { return };
    let key: JsValue = "adoptedStyleSheets".into();
    let Some(list) = Reflect::get(&doc, &key).ok().and_then(|l| l.dyn_into::<Array>().ok()) else { return };
    if !list.includes(sheet, 0) {
        let _ = Reflect::set(&doc, &key, &list.concat(&Array::of1(sheet)));
    }
}

// ---- interaction: one delegated click handler per page -----------------

/// Created once and never dropped: one listener function for every card,
/// so cards hold no closures of their own and `destroy` frees everything.
static CLICK: PageLocal<Closure<dyn Fn(Event)>> = PageLocal::new();

fn click_handler() -> js_sys::Function {
    CLICK.get(|| Closure::new(on_click)).as_ref().unchecked_ref::<js_sys::Function>().clone()
}

fn on_click(ev: Event) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let host = match ev.current_target() {
        Some(t) => match t.dyn_ref::<ShadowRoot>() {
            Some(r) => r.host(),
            None => match t.dyn_into::<Element>() {
                Ok(e) => e,
                Err(_) => return,
            },
        },
        None => return,
    };
    let block = |e: &Element| -> JsValue {
        e.closest("[data-block]").ok().flatten().and_then(|b| b.get_attribute("data-block")).unwrap_or_else(|| "card".into()).into()
    };
    if let Ok(Some(a)) = el.closest("a[href]") {
        let url = Reflect::get(&a, &"href".into()).unwrap_or(JsValue::UNDEFINED);
        if !emit(&host, "brief-card:link", &detail(&[("url", &url), ("block", &block(&a))]), true) {
            ev.prevent_default();
        }
    } else if let Ok(Some(button)) = el.closest("button.bc-toggle") {
        let expanded = button.get_attribute("aria-expanded").as_deref() != Some("true");
        if let Some(region) = button.previous_element_sibling() {
            let _ = region.toggle_attribute_with_force("hidden", !expanded);
        }
        let _ = button.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
        let text = button.get_attribute(if expanded { "data-less" } else { "data-more" });
        button.set_text_content(text.as_deref());
        emit(&host, "brief-card:toggle", &detail(&[("block", &block(&button)), ("expanded", &JsValue::from(expanded))]), false);
    } else if let Ok(Some(button)) = el.closest("button.bc-copy") {
        copy_link(&button);
    }
}

/// Copies the deep link `page#anchor` (Clipboard API, else a hidden textarea
/// and `execCommand`) and announces it in the card's status line once copied.
fn copy_link(button: &Element) {
    let Some(window) = web_sys::window() else { return };
    let href = window.location().href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or("");
    let anchor = button.get_attribute("data-anchor").unwrap_or_default();
    let url = cat(&[page, "#", &anchor]);
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).ok().filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| Reflect::get(c, &"writeText".into()).ok()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &url.as_str().into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        _ => None,
    };
    match promise {
        // The Clipboard API may still refuse (no permission, an iframe): then the fallback runs.
        Some(p) => {
            if let Ok(mut pending) = PENDING_COPY.get(Default::default).try_borrow_mut() {
                *pending = Some((button.clone(), url));
            }
            let _ = p.then2(copy_settled(true), copy_settled(false));
        }
        None => {
            if copy_with_textarea(button, &url) {
                announce_copied(button, &url);
            }
        }
    }
}

/// The copy waiting for the Clipboard API's answer (one at a time: a reader clicks one button).
static PENDING_COPY: PageLocal<core::cell::RefCell<Option<(Element, String)>>> = PageLocal::new();
/// Page-lifetime handlers for that answer, like [`CLICK`].
static COPY_OK: PageLocal<Closure<dyn FnMut(JsValue)>> = PageLocal::new();
static COPY_REFUSED: PageLocal<Closure<dyn FnMut(JsValue)>> = PageLocal::new();

fn copy_settled(ok: bool) -> &'static Closure<dyn FnMut(JsValue)> {
    let slot = if ok { &COPY_OK } else { &COPY_REFUSED };
    slot.get(|| Closure::new(move |_: JsValue| on_copy_settled(ok)))
}

fn on_copy_settled(ok: bool) {
    let Some((button, url)) = PENDING_COPY.get(Default::default).try_borrow_mut().ok().and_then(|mut p| p.take()) else { return };
    if ok || copy_with_textarea(&button, &url) {
        announce_copied(&button, &url);
    }
}

fn announce_copied(button: &Element, url: &str) {
    if let Ok(Some(status)) = button.closest("article").map(|a| a.and_then(|a| a.query_selector(".bc-status").ok().flatten())) {
        status.set_text_content(None);
        status.set_text_content(button.get_attribute("data-done").as_deref());
    }
    let _ = button.set_attribute("data-copied", url);
}

/// The pre-Clipboard-API way: select a hidden textarea's text and `execCommand("copy")`.
fn copy_with_textarea(near: &Element, text: &str) -> bool {
    let Some(doc) = near.owner_document() else { return false };
    let Ok(area) = doc.create_element("textarea") else { return false };
    area.set_text_content(Some(text));
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("class", "bc-offscreen");
    let mut copied = false;
    if near.append_child(&area).is_ok() {
        if let Some(a) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            a.select();
        }
        if let Some(h) = doc.dyn_ref::<web_sys::HtmlDocument>() {
            copied = h.exec_command("copy").unwrap_or(false);
        }
        area.remove();
    }
    copied
}

// ---- dates in the reader's locale ----------------------------------------

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;
}

/// Formatters by locale (`None` where `Intl` refused the locale).
type Formatters = core::cell::RefCell<Vec<(String, Option<DateTimeFormat>)>>;

/// Formatters by locale: building one costs far more than using it.
static FORMATTERS: PageLocal<Formatters> = PageLocal::new();

/// "June 13, 2023" in `locale` through `Intl.DateTimeFormat` (the calendar
/// date as written, so in UTC), else the built-in tables.
fn format_date(d: &BriefDate, locale: &str) -> String {
    let date = js_sys::Date::new_0();
    date.set_utc_full_year_with_month_date(u32::from(d.year), i32::from(d.month) - 1, i32::from(d.day));
    date.set_utc_hours(12);
    let formatted = (|| {
        let mut cache = FORMATTERS.get(Default::default).try_borrow_mut().ok()?;
        if !cache.iter().any(|(l, _)| l == locale) {
            let opts = detail(&[("year", &"numeric".into()), ("month", &"long".into()), ("day", &"numeric".into()), ("timeZone", &"UTC".into())]);
            cache.push((locale.into(), DateTimeFormat::new(locale, &opts).ok()));
        }
        let f = cache.iter().find(|(l, _)| l == locale)?.1.as_ref()?;
        f.format(&date).ok()
    })();
    formatted.unwrap_or_else(|| crate::dates::format(d, locale))
}

/// The document of the page (for tests).
#[allow(dead_code)]
fn document() -> Option<Document> {
    web_sys::window()?.document()
}
