//! The wasm boundary: the JavaScript API of docs/brief-format.md
//! (`renderBrief`, `renderBriefHtml`, `validateBrief`, and the [`BriefCard`]
//! `renderBrief` returns), on wasm-bindgen, web-sys and js-sys.
//!
//! - [`input`]: what the host passed, as a validated document or options;
//! - [`dom`]: the DOM sink, the view's stream as one instruction buffer;
//! - `mount`: the shadow root (or light DOM), the stylesheet, deep links;
//! - `events`: the card's events and the reader's clicks;
//! - `place`: the reader's place (what they expanded, their focus), kept when a card is rebuilt;
//! - `dates`: dates in the reader's locale through `Intl`.
//!
//! Nothing here panics on any input: every failure is a thrown `Error` with
//! a `problems` array, and the module stays usable for the next call.
//!
//! # JS snippets
//!
//! Everything else is web-sys and js-sys. These are the module's only
//! JavaScript files (wasm-bindgen copies them into the package's `snippets/`):
//!
//! - `src/web/build.js`: builds a card's nodes from one instruction buffer
//!   in one boundary crossing (one web-sys call per node and attribute is
//!   what made a wasm card slower than a hand-written JS one), cloning a
//!   template for cards of a structure already seen, and patches a card in
//!   place on update, so that the reader keeps focus, scroll and what they
//!   expanded.
//! - `src/web/copy.js`: a plain, bounded copy of what the host passed, made
//!   before the module reads it: throwing getters, Proxy traps, `toJSON`,
//!   cycles, BigInts, nesting deeper than 16 and input over 1,000,000 bytes
//!   become problems instead of raw exceptions or a grown wasm memory (tests/hostile).

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::format::limits::{MAX_LANG_CHARS, MAX_SHORT_CHARS};
use crate::format::{self, Problem};
use crate::jsonld::PageFacts;
use crate::render;
use crate::validate::{Document, Options};
use crate::view::{self, Context};

mod dates;
mod deep_links;
mod dom;
mod events;
pub(crate) mod input;
mod mount;
mod place;

use dom::{Built, DomSink};
use input::{problem, read_document, read_options};
use mount::Mount;

/// The types the exports' signatures name (`Brief`, `BriefOptions`,
/// `Problem`, …), generated from the format types (types/format.d.ts):
/// with the signatures wasm-bindgen writes for the exports below, the
/// package's declarations are typed as wasm-pack emits them.
#[wasm_bindgen(typescript_custom_section)]
const FORMAT_TYPES: &str = include_str!("../../types/format.d.ts");

// ---- problems as JS values ------------------------------------------------

/// `[{path, message}]`.
fn problems_js(list: &[Problem]) -> JsValue {
    list.iter()
        .map(|p| events::object(&[("path", &p.path.as_str().into()), ("message", &p.message.as_str().into())]))
        .collect::<js_sys::Array>()
        .into()
}

/// An `Error` listing every problem, one a line, with the list in its `problems` property.
fn error_with(list: &JsValue, problems: &[Problem]) -> JsValue {
    let error = js_sys::Error::new(&format::describe(problems));
    js_sys::Reflect::set(&error, &"problems".into(), list).ok();
    error.into()
}

fn to_error(problems: &[Problem]) -> JsValue {
    error_with(&problems_js(problems), problems)
}

/// Reports problems on `target` (`brief-card:error`) and returns the `Error` to throw.
fn fail(target: &Element, problems: &[Problem]) -> JsValue {
    let list = problems_js(problems);
    events::failed(target, &list);
    error_with(&list, problems)
}

/// What the browser said when building the card's nodes failed (nothing the
/// brief can cause: a target in a document that cannot hold them, say), as a problem.
fn not_built(thrown: &JsValue) -> Vec<Problem> {
    let said = thrown.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| thrown.as_string()).unwrap_or_default();
    problem("target", &format!("the card could not be built there ({said})"))
}

fn destroyed() -> JsValue {
    to_error(&problem("", "this card was destroyed"))
}

/// The card's target holds another card now (rendered into it later), which
/// this handle must not touch.
fn replaced() -> JsValue {
    to_error(&problem("", "another card has taken this card's place in its target"))
}

// ---- the exports ------------------------------------------------------------

/// Every problem with `brief` (anything at all), or `[]` when it is a valid brief or feed.
#[wasm_bindgen(js_name = validateBrief, unchecked_return_type = "Problem[]")]
pub fn validate_brief(#[wasm_bindgen(unchecked_param_type = "unknown")] brief: JsValue) -> JsValue {
    problems_js(&read_document(&brief, &Options::default(), None).err().unwrap_or_default())
}

/// The static HTML of the card (`{ email: true }`: the email-safe variant),
/// for newsletters, server-side rendering and the no-script fallback; with
/// `{ declarativeShadowDom: true }`, the live card as a `<brief-card>` in
/// declarative shadow DOM, which the element upgrades with no flash.
/// @throws {BriefError}
#[wasm_bindgen(js_name = renderBriefHtml)]
pub fn render_brief_html(
    #[wasm_bindgen(unchecked_param_type = "BriefInput")] brief: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BriefOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let options = read_options(&options).map_err(|p| to_error(&p))?;
    let (doc, json) = input::read_document_and_json(&brief, &options).map_err(|p| to_error(&p))?;
    // The browser's own `Intl` writes the dates, as the live card does.
    Ok(if let Some(json) = json {
        // The element reads the brief as the host gave it, as renderBrief would.
        render::declarative(&doc, &options, dates::format, &json)
    } else if options.email {
        render::email(&doc, &options, dates::format)
    } else {
        render::fragment(&doc, &options, dates::format)
    })
}

/// Renders the card into `target` (into its open shadow root unless
/// `shadow: false`) and returns its handle. On any problem the target is
/// left exactly as it was, `brief-card:error` is dispatched on it, and this throws.
/// @throws {BriefError}
#[wasm_bindgen(js_name = renderBrief)]
pub fn render_brief(
    #[wasm_bindgen(unchecked_param_type = "Element")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BriefInput")] brief: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BriefOptions")] options: JsValue,
) -> Result<BriefCard, JsValue> {
    render_into(&target, &options, |options, target| read_document(&brief, options, Some(target)))
}

/// Renders the card of a page's own schema.org JSON-LD (what
/// `<brief-card jsonld>` reads: the text of its
/// `<script type="application/ld+json">` elements, each with its `id`), read
/// as one graph; otherwise as [`render_brief`]. A problem's path names its
/// script: `script#id.…`, else `script[i].…` by its place in `scripts`.
/// `pageLang`, the page's language where the element is (its `lang`, as
/// HTML inherits it), is the article's when its JSON-LD has no `inLanguage`.
/// `pageDescription`, the page's `<meta name="description">` (else its
/// `og:description`), is the summary of the page's one article when no
/// JSON-LD describes it; a problem with it is at `meta[name=description]`.
/// @throws {BriefError}
#[wasm_bindgen(js_name = renderJsonLd)]
pub fn render_json_ld(
    #[wasm_bindgen(unchecked_param_type = "Element")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JsonLdScript[]")] scripts: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BriefOptions")] options: JsValue,
    #[wasm_bindgen(js_name = pageLang, unchecked_optional_param_type = "string")] page_lang: JsValue,
    #[wasm_bindgen(js_name = pageDescription, unchecked_optional_param_type = "string")] page_description: JsValue,
) -> Result<BriefCard, JsValue> {
    // No more of the page's words crosses than the card can keep: a
    // language tag, and the opening of a description that may be a summary.
    let head = |v: &JsValue, most: usize| {
        let most = u32::try_from(most).unwrap_or(u32::MAX);
        v.dyn_ref::<js_sys::JsString>().map(|s| String::from(s.slice(0, most)))
    };
    let page =
        PageFacts { lang: head(&page_lang, 2 * MAX_LANG_CHARS), description: head(&page_description, 4 * MAX_SHORT_CHARS), address: None };
    render_into(&target, &options, |options, _| input::read_json_ld(&scripts, options, &page))
}

/// Renders what `read` reads, with `options`, into `target`: the shared
/// steps of the render exports. Nothing on the page changes until the
/// card is valid and built whole.
fn render_into(
    target: &JsValue,
    options: &JsValue,
    read: impl FnOnce(&Options, &Element) -> Result<Document, Vec<Problem>>,
) -> Result<BriefCard, JsValue> {
    let Some(target) = element(target) else {
        return Err(to_error(&problem("target", "expected a DOM element")));
    };
    let doc = target.owner_document().ok_or_else(|| fail(&target, &problem("target", "has no document")))?;
    // The card keeps the options as they are now: a host that changes its
    // options object later does not change the card's updates.
    let options = read_options(options).map_err(|p| fail(&target, &p))?;
    let document = read(&options, &target).map_err(|p| fail(&target, &p))?;
    let number = (!options.shadow).then(next_light_dom_number);
    let built = sink_for(&document, &options, number).build(&doc).map_err(|e| fail(&target, &not_built(&e)))?;
    let (mount, place) = Mount::new(&target, options.shadow).map_err(|message| fail(&target, &problem("target", &message)))?;
    if let Some(node) = built.node() {
        mount.show(&node, &place);
    }
    deep_links::reveal_on_render(&mount);
    events::rendered(&target, document.briefs().len());
    Ok(BriefCard { live: RefCell::new(Some(Live { target, mount, options, number, built })), destroy_when_updated: Cell::new(false) })
}

/// `v` as an element of any document (an iframe's too, whose `Element` is
/// another class), or `None`: `Node.prototype.nodeType`'s own getter asks
/// what the value really is, and throws for anything that only looks like
/// a node (a Proxy, `{nodeType: 1}`).
fn element(v: &JsValue) -> Option<Element> {
    thread_local! {
        static NODE_TYPE: Option<js_sys::Function> = {
            let node = js_sys::Reflect::get(&js_sys::global(), &"Node".into()).ok()?;
            let prototype = js_sys::Reflect::get(&node, &"prototype".into()).ok()?;
            let descriptor = js_sys::Reflect::get_own_property_descriptor(prototype.dyn_ref::<js_sys::Object>()?, &"nodeType".into()).ok()?;
            js_sys::Reflect::get(&descriptor, &"get".into()).ok()?.dyn_into().ok()
        };
    }
    let node_type = NODE_TYPE.with(|getter| getter.as_ref()?.call0(v).ok()?.as_f64())?;
    (node_type == f64::from(web_sys::Node::ELEMENT_NODE)).then(|| v.clone().unchecked_into())
}

/// A number for a card rendered into the light DOM, where cards share the
/// page's ids, its own for as long as it lives (see [`Context::number`]).
fn next_light_dom_number() -> u32 {
    thread_local! {
        /// How many cards have been rendered into the light DOM.
        static LIGHT_CARDS: Cell<u32> = const { Cell::new(0) };
    }
    LIGHT_CARDS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// The instructions of the card for `document`; `number` is a light-DOM card's.
fn sink_for(document: &Document, options: &Options, number: Option<u32>) -> DomSink {
    let cx = Context { options, format_date: &dates::format, interactive: true, number };
    let mut sink = DomSink::new();
    view::document(document, &cx, &mut sink);
    sink
}

/// A card on the page, as `renderBrief` returns it: `update(brief)`
/// re-renders it in place, `destroy()` removes it.
///
/// The handle is not the card: `free()`, `[Symbol.dispose]()` and garbage
/// collection release the handle only, and the card stays on the page (as
/// `<brief-card>` relies on). `destroy()` is what removes it.
#[wasm_bindgen]
pub struct BriefCard {
    /// `None` once destroyed.
    live: RefCell<Option<Live>>,
    /// `destroy()` was called while an update held the card (from a host's
    /// listener of an event the update caused, such as `focusin` as it
    /// gives the reader's focus back): the update destroys it when done.
    destroy_when_updated: Cell<bool>,
}

struct Live {
    target: Element,
    mount: Mount,
    /// As they were when the card was rendered.
    options: Options,
    /// A light-DOM card's number, which its updates keep (ids stay put).
    number: Option<u32>,
    /// build.js's record of the card on the page.
    built: Built,
}

/// Another call into this card while it is being updated (from the host's
/// code that reading the brief or an event ran).
fn busy() -> JsValue {
    to_error(&problem("", "this card is being updated"))
}

#[wasm_bindgen]
impl BriefCard {
    /// Re-renders with `brief` and the options the card was rendered with (as
    /// they were then): in place when only its text changed, so the reader
    /// keeps focus, scroll and what they expanded; else anew. On problems the
    /// current card stays and this throws, as it does once the card was
    /// destroyed or another card rendered into its target has taken its place.
    /// @throws {BriefError}
    pub fn update(&self, #[wasm_bindgen(unchecked_param_type = "BriefInput")] brief: JsValue) -> Result<(), JsValue> {
        let (target, options, number) = match &*self.live.try_borrow().map_err(|_| busy())? {
            Some(live) if live.mount.is_current() => (live.target.clone(), live.options.clone(), live.number),
            Some(_) => return Err(replaced()),
            None => return Err(destroyed()),
        };
        // Reading the brief may run the host's code (getters, toJSON), which
        // may destroy or update this card: nothing of it is borrowed meanwhile.
        let document = read_document(&brief, &options, Some(&target)).map_err(|p| fail(&target, &p))?;
        let sink = sink_for(&document, &options, number);
        let shown = self.show_update(sink, &target);
        if self.destroy_when_updated.take() {
            // The host destroyed the card meanwhile: it is gone, and there is no render to tell of.
            self.destroy();
            return shown;
        }
        shown?;
        events::rendered(&target, document.briefs().len());
        Ok(())
    }

    /// Removes the card and its listener; the target shows what it had
    /// before. Once is enough; again does nothing, as it does once another
    /// card rendered into the same target has taken this one's place.
    pub fn destroy(&self) {
        let Ok(mut live) = self.live.try_borrow_mut() else {
            self.destroy_when_updated.set(true);
            return;
        };
        if let Some(live) = live.take() {
            live.mount.remove();
        }
    }
}

impl BriefCard {
    /// The card of `sink` in place of the current one: patched in place, or
    /// built anew with the reader's place carried over.
    fn show_update(&self, sink: DomSink, target: &Element) -> Result<(), JsValue> {
        let mut live = self.live.try_borrow_mut().map_err(|_| busy())?;
        let live = live.as_mut().ok_or_else(destroyed)?;
        if !live.mount.is_current() {
            return Err(replaced());
        }
        let doc = target.owner_document().ok_or_else(destroyed)?;
        let built = sink.update(&doc, &live.built).map_err(|e| fail(target, &not_built(&e)))?;
        // A node: the card built anew, which takes the old one's place
        // (until then the old card is on the page as it was).
        match built.node() {
            Some(node) => live.mount.show(&node, &live.mount.place()),
            None => live.mount.relabel_expanded(),
        }
        live.built = built;
        Ok(())
    }
}
