//! Deep links into cards: a page's `#fragment` that names a card or one
//! of its quotes scrolls to it and highlights it, at each render and when
//! the reader follows a link on the page. The browser cannot do it itself:
//! it looks for the id in the document, not in shadow roots.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::mount::{card_root, Mount, Root};
use crate::format::patterns::is_anchor_id;

/// A card just rendered: when the page's `#fragment` names it or one of
/// its quotes, scrolled to and highlighted. The hash is read at each
/// render: a script may change it between two. The page's listener for
/// the deep links a reader follows later is added with the first card.
pub(super) fn reveal_on_render(mount: &Mount) {
    follow();
    reveal_in(mount.root(), &hash_id(), false);
}

/// The page's `#fragment`, without its `#` (empty when it has none).
fn hash_id() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or_default().to_owned()
}

/// The element of `root` that `id` (the page's fragment) names, scrolled to
/// and highlighted; any that was highlighted before is no longer. With
/// `focus` (a link the reader followed), it takes the keyboard's focus too,
/// as the browser's own fragment navigation would move where the next Tab
/// goes: otherwise Tab would lead from the link back up the page.
fn reveal_in(root: &Root, id: &str, focus: bool) {
    for old in root.query_all(".bc-target") {
        old.class_list().remove_1("bc-target").ok();
    }
    // Only ids the view can write; anything else could not be put in a selector as it is.
    if !is_anchor_id(id) {
        return;
    }
    if let Some(el) = root.query_selector(&["[id=\"", id, "\"]"].concat()) {
        el.class_list().add_1("bc-target").ok();
        el.scroll_into_view();
        HIGHLIGHTED.set(true);
        if focus {
            // A quote or a card is no control: focusable from script only, never a Tab stop.
            if !el.has_attribute("tabindex") {
                el.set_attribute("tabindex", "-1").ok();
            }
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                el.focus().ok();
            }
        }
    }
}

thread_local! {
    /// The page's one `hashchange` listener, added with the first card.
    static HASH_LISTENER: Closure<dyn Fn(Event)> = Closure::new(follow_hash);
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
    /// Whether a card may show a highlighted target (one to let go when the hash moves on).
    static HIGHLIGHTED: Cell<bool> = const { Cell::new(false) };
}

/// Listens for deep links the reader follows on the page (a link to
/// `#id`), once.
fn follow() {
    if FOLLOWING.replace(true) {
        return;
    }
    if let Some(window) = web_sys::window() {
        HASH_LISTENER.with(|f| window.add_event_listener_with_callback("hashchange", f.as_ref().unchecked_ref()).ok());
    }
}

/// A deep link followed on the page: every card reveals what the new
/// `#fragment` names, as a render does. The browser cannot: it looks for
/// the id in the document, not in shadow roots. (A light-DOM card's ids are
/// the page's, so there the browser scrolls, and this highlights.)
///
/// The cards are found by walking the page, into open shadow roots (a card
/// inside another component's), each target known by [`card_root`]:
/// the module keeps no list of cards that could outlive them. A hash that
/// names nothing a card can hold (`#/inbox`, a route) costs no walk unless
/// a highlight is to be let go.
fn follow_hash(_: Event) {
    let id = hash_id();
    let highlighted = HIGHLIGHTED.replace(false);
    if !is_anchor_id(&id) && !highlighted {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(elements) = doc.query_selector_all("*") {
        reveal_in_cards(&elements, &id);
    }
}

/// Reveals what `id` names in every card among `elements` and the open
/// shadow roots they hold (a card's own is not looked into: cards hold no cards).
fn reveal_in_cards(elements: &web_sys::NodeList, id: &str) {
    for el in (0..elements.length()).filter_map(|i| elements.get(i)).map(JsCast::unchecked_into::<Element>) {
        match card_root(&el) {
            Some(root) => reveal_in(&root, id, true),
            None => {
                if let Some(inner) = el.shadow_root().and_then(|root| root.query_selector_all("*").ok()) {
                    reveal_in_cards(&inner, id);
                }
            }
        }
    }
}
