//! The card's events, and the reader's clicks.
//!
//! Events are `CustomEvent`s on the card's target, bubbling and composed (so
//! they leave the shadow root), with plain detail objects:
//! `brief-card:render` {count}, `brief-card:error` {reason: "invalid",
//! problems}, `brief-card:link` {url, block} (cancelable: cancelling it
//! keeps the reader on the page) and `brief-card:toggle` {block, expanded}.
//!
//! Clicks are handled by one listener per mounted root (a shadow root, or
//! the target of a light-DOM card), one function for the whole page: it
//! reads what it needs from the clicked element, so it holds no card.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, EventTarget, HtmlAnchorElement, HtmlDocument, HtmlElement, HtmlTextAreaElement,
    MouseEvent, Node, ShadowRoot,
};

/// A plain object of these members.
pub(super) fn object(members: &[(&str, &JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (name, value) in members {
        js_sys::Reflect::set(&o, &JsValue::from_str(name), value).ok();
    }
    o.into()
}

/// Dispatches `name` on `target` with `detail`; false if a listener cancelled it.
fn emit(target: &EventTarget, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => target.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// `brief-card:render`: `count` briefs are on the page.
pub(super) fn rendered(target: &EventTarget, count: usize) {
    emit(target, "brief-card:render", &object(&[("count", &JsValue::from(u32::try_from(count).unwrap_or(u32::MAX)))]), false);
}

/// `brief-card:error` with the problems (the array the thrown error holds too).
pub(super) fn failed(target: &EventTarget, problems: &JsValue) {
    // The reason as `<brief-card>` names it (it also reports http, json, …).
    emit(target, "brief-card:error", &object(&[("reason", &"invalid".into()), ("problems", problems)]), false);
}

thread_local! {
    /// The page's one click listener, added to every mounted root.
    static CLICKS: Closure<dyn Fn(Event)> = Closure::new(on_click);
}

/// The events the listener takes: clicks, and the middle button's
/// `auxclick`, which opens a link in a new tab.
const CLICK_EVENTS: [&str; 2] = ["click", "auxclick"];

/// Adds the click listener to a mounted root (once: the browser ignores the same listener twice).
pub(super) fn listen(root: &EventTarget) {
    for name in CLICK_EVENTS {
        CLICKS.with(|f| root.add_event_listener_with_callback(name, f.as_ref().unchecked_ref()).ok());
    }
}

/// Removes it from a root whose card is destroyed.
pub(super) fn unlisten(root: &EventTarget) {
    for name in CLICK_EVENTS {
        CLICKS.with(|f| root.remove_event_listener_with_callback(name, f.as_ref().unchecked_ref()).ok());
    }
}

/// The block an element is in (`data-block` of its nearest block), else "card".
fn block_of(el: &Element) -> String {
    el.closest("[data-block]").ok().flatten().and_then(|b| b.get_attribute("data-block")).unwrap_or_else(|| "card".into())
}

/// The nearest `selector` from `el` up, if any.
fn nearest(el: &Element, selector: &str) -> Option<Element> {
    el.closest(selector).ok().flatten()
}

/// A link followed (`brief-card:link`, which a host may cancel), "Show more"
/// or "Show less", or "Copy link". Node types are compared rather than
/// classes, and casts are unchecked: a card in an iframe is made of that
/// window's classes, which `instanceof` this window's would refuse.
fn on_click(ev: Event) {
    // Of the other buttons' clicks, only the middle one's follows a link (in a new tab), and nothing else.
    let aux = ev.type_() == "auxclick";
    if aux && ev.unchecked_ref::<MouseEvent>().button() != 1 {
        return;
    }
    let (Some(clicked), Some(root)) = (ev.target(), ev.current_target()) else { return };
    if clicked.unchecked_ref::<Node>().node_type() != Node::ELEMENT_NODE {
        return;
    }
    let el: &Element = clicked.unchecked_ref();
    let host: EventTarget = if root.unchecked_ref::<Node>().node_type() == Node::DOCUMENT_FRAGMENT_NODE {
        root.unchecked_ref::<ShadowRoot>().host().into()
    } else {
        root
    };
    if let Some(a) = nearest(el, "a[href]") {
        let url = a.unchecked_ref::<HtmlAnchorElement>().href();
        let link = object(&[("url", &url.into()), ("block", &block_of(&a).into())]);
        if !emit(&host, "brief-card:link", &link, true) {
            ev.prevent_default();
        }
    } else if let Some(button) = nearest(el, "button.bc-toggle").filter(|_| !aux) {
        let expanded = button.get_attribute("aria-expanded").as_deref() != Some("true");
        set_expanded(&button, expanded);
        emit(&host, "brief-card:toggle", &object(&[("block", &block_of(&button).into()), ("expanded", &expanded.into())]), false);
    } else if let Some(button) = nearest(el, "button.bc-copy").filter(|_| !aux) {
        copy(button);
    }
}

/// Shows or hides the rest of a block behind its "Show more" `button`.
pub(super) fn set_expanded(button: &Element, expanded: bool) {
    // What it controls, just before it: a block's rest of paragraphs, or
    // a list whose items past the first few (`.bc-more`) are its rest.
    if let Some(rest) = button.previous_element_sibling() {
        match rest.query_selector_all(":scope > .bc-more") {
            Ok(items) if items.length() > 0 => {
                for item in (0..items.length()).filter_map(|i| items.get(i)) {
                    item.unchecked_into::<Element>().toggle_attribute_with_force("hidden", !expanded).ok();
                }
            }
            _ => {
                rest.toggle_attribute_with_force("hidden", !expanded).ok();
            }
        }
    }
    button.set_attribute("aria-expanded", if expanded { "true" } else { "false" }).ok();
    button.set_text_content(button.get_attribute(if expanded { "data-less" } else { "data-more" }).as_deref());
}

thread_local! {
    /// What follows the Clipboard API's answer, one function each for the
    /// page, bound to the button and the link at each copy (`bind` makes a
    /// plain JS function, which the browser collects once called).
    static COPY_DONE: Closure<dyn Fn(Element, String)> = Closure::new(|button: Element, url: String| copied(&button, &url));
    static COPY_REFUSED: Closure<dyn Fn(Element, String)> = Closure::new(|button: Element, url: String| {
        if copy_with_textarea(&button, &url) {
            copied(&button, &url);
        }
    });
}

/// Copies the deep link page#anchor (the Clipboard API, else a hidden
/// textarea and `execCommand`) and announces it in the card's status line.
fn copy(button: Element) {
    let Some(window) = web_sys::window() else { return };
    let page = window.location().href().unwrap_or_default();
    let mut url = page.split('#').next().unwrap_or_default().to_owned();
    url.push('#');
    url.push_str(&button.get_attribute("data-anchor").unwrap_or_default());
    // No `navigator.clipboard` outside secure contexts.
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        if copy_with_textarea(&button, &url) {
            copied(&button, &url);
        }
        return;
    }
    let written = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(&url);
    // The Clipboard API may still refuse (no permission, an iframe): then the textarea.
    let url = JsValue::from_str(&url);
    let bound = |f: &Closure<dyn Fn(Element, String)>| f.as_ref().unchecked_ref::<js_sys::Function>().bind2(&JsValue::NULL, &button, &url);
    let (done, refused) = (COPY_DONE.with(bound), COPY_REFUSED.with(bound));
    // `then` through Reflect: js-sys's typed `then` takes Rust closures, not these bound functions.
    if let Ok(then) = js_sys::Reflect::get(&written, &"then".into()) {
        let _ = then.unchecked_ref::<js_sys::Function>().call2(&written, &done, &refused);
    }
}

/// How long a copy button shows its tick after a copy.
const SHOWN_COPIED_MS: i32 = 2000;

thread_local! {
    /// How many copies this page has shown: each tick's own number, so that
    /// an earlier copy's timer does not take down a later copy's tick.
    static COPIES: Cell<u32> = const { Cell::new(0) };
    /// Takes a button's tick down, and the card's status line's words, unless
    /// a later copy put them up again (a reader who comes back to the status
    /// line later should not find "Link copied" still there).
    static COPY_SHOWN: Closure<dyn Fn(Element, String)> = Closure::new(|button: Element, copy: String| {
        let this_copy = |el: &Element| el.get_attribute("data-shown").as_deref() == Some(copy.as_str());
        if this_copy(&button) {
            button.remove_attribute("data-shown").ok();
        }
        if let Some(status) = status_line(&button).filter(this_copy) {
            status.remove_attribute("data-shown").ok();
            status.set_text_content(Some(""));
        }
    });
}

/// The status line of the card `button` is in.
fn status_line(button: &Element) -> Option<Element> {
    nearest(button, "article")?.query_selector(".bc-status").ok().flatten()
}

fn copied(button: &Element, url: &str) {
    let copy = COPIES.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get().to_string()
    });
    if let Some(status) = status_line(button) {
        // Emptied first, so that a screen reader announces the same words again.
        status.set_text_content(Some(""));
        status.set_text_content(button.get_attribute("data-done").as_deref());
        status.set_attribute("data-shown", &copy).ok();
    }
    button.set_attribute("data-copied", url).ok();
    // The status line is for screen readers; a sighted reader sees a tick
    // after the button's words for a moment (card.css: `[data-shown]`). The
    // words stay as they are, in their language, and an update may change them.
    button.set_attribute("data-shown", &copy).ok();
    if let Some(window) = web_sys::window() {
        COPY_SHOWN.with(|take_down| {
            let take_down = take_down.as_ref().unchecked_ref();
            window.set_timeout_with_callback_and_timeout_and_arguments_2(take_down, SHOWN_COPIED_MS, button, &copy.into()).ok();
        });
    }
}

fn copy_with_textarea(near: &Element, text: &str) -> bool {
    let Some(doc) = near.owner_document() else { return false };
    let Ok(area) = doc.create_element("textarea") else { return false };
    area.set_text_content(Some(text));
    area.set_attribute("aria-hidden", "true").ok();
    area.set_class_name("bc-offscreen");
    // Beside the button, not in it: a button holds no interactive content.
    let Some(beside) = near.parent_element() else { return false };
    if beside.append_child(&area).is_err() {
        return false;
    }
    area.unchecked_ref::<HtmlTextAreaElement>().select();
    let ok = doc.unchecked_ref::<HtmlDocument>().exec_command("copy").unwrap_or(false);
    area.remove();
    // Selecting moved focus into the textarea, now gone: a keyboard user's
    // focus goes back to the button rather than to the top of the page.
    if let Some(button) = near.dyn_ref::<HtmlElement>() {
        button.focus().ok();
    }
    ok
}
