//! Where a card lives on the page: the target's open shadow root (by
//! default) or the target itself (`shadow: false`), the card's stylesheet,
//! its click listener, and what the target showed before, which comes back
//! when the card is destroyed.

use std::cell::OnceCell;

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, DocumentFragment, Element, EventTarget, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::events;
use crate::CARD_CSS;

/// The node a card is put in.
enum Root {
    /// The target's open shadow root: the host's CSS cannot reach the card,
    /// and the host's own children stay in the light DOM, hidden.
    Shadow(ShadowRoot),
    /// The target itself; its children were moved out, kept to be put back.
    Light(Element, DocumentFragment),
}

impl Root {
    fn event_target(&self) -> &EventTarget {
        match self {
            Root::Shadow(root) => root,
            Root::Light(target, _) => target,
        }
    }

    fn replace_children(&self, nodes: &[&Node]) {
        let nodes: Array = nodes.iter().copied().collect();
        match self {
            Root::Shadow(root) => root.replace_children_with_node(&nodes),
            Root::Light(target, _) => target.replace_children_with_node(&nodes),
        }
    }

    fn query_selector(&self, selector: &str) -> Option<Element> {
        match self {
            Root::Shadow(root) => root.query_selector(selector),
            Root::Light(target, _) => target.query_selector(selector),
        }
        .ok()
        .flatten()
    }
}

/// A mounted card's place on the page.
pub(super) struct Mount {
    root: Root,
    /// The card's stylesheet as a `<style>`, kept before the card, where the
    /// page's shared sheet cannot be adopted (another document, or no
    /// constructable stylesheets).
    style: Option<Element>,
}

thread_local! {
    /// The page's one stylesheet for every card (`None` without constructable stylesheets).
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CARD_CSS).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// The sheet, if `doc` can adopt it: a constructed sheet belongs to the
/// document of the window that made it (this page's), and no other may adopt it.
fn sheet_for(doc: &Document) -> Option<CssStyleSheet> {
    let page = web_sys::window()?.document()?;
    if !doc.is_same_node(Some(&page)) {
        return None;
    }
    shared_sheet()
}

/// `list` with `sheet` added, if it is not in it already; `None` if it is.
fn with_sheet(list: Array, sheet: &CssStyleSheet) -> Option<Array> {
    if list.includes(sheet, 0) {
        return None;
    }
    let list = Array::from(&list);
    list.push(sheet);
    Some(list)
}

/// The message of a JS exception.
fn message_of(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default()
}

impl Mount {
    /// Prepares `target` for a card: its open shadow root (attached if it
    /// has none), or, with `shadow` false, the target itself with its
    /// children moved out. Fails, before anything changed, where the target
    /// cannot hold a shadow root.
    pub(super) fn new(target: &Element, shadow: bool) -> Result<Mount, String> {
        let doc = target.owner_document().ok_or("has no document")?;
        let sheet = sheet_for(&doc);
        let root = if shadow {
            let (root, fresh) = match target.shadow_root() {
                Some(root) => (root, false),
                None => {
                    let root = target
                        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                        .map_err(|e| ["cannot hold a shadow root (", &message_of(&e), "); render with { shadow: false }"].concat())?;
                    (root, true)
                }
            };
            if let Some(sheet) = &sheet {
                // A root of our own takes the sheet as it is.
                if fresh {
                    root.set_adopted_style_sheets(&Array::of1(sheet));
                } else if let Some(list) = with_sheet(root.adopted_style_sheets(), sheet) {
                    root.set_adopted_style_sheets(&list);
                }
            }
            Root::Shadow(root)
        } else {
            let saved = doc.create_document_fragment();
            while let Some(child) = target.first_child() {
                if saved.append_child(&child).is_err() {
                    break;
                }
            }
            if let Some(sheet) = &sheet {
                if let Some(list) = with_sheet(doc.adopted_style_sheets(), sheet) {
                    doc.set_adopted_style_sheets(&list);
                }
            }
            Root::Light(target.clone(), saved)
        };
        // Without the shared sheet: a <style> (which a strict style-src blocks; adopted sheets it does not).
        let style = match sheet {
            Some(_) => None,
            None => {
                let style = doc.create_element("style").map_err(|e| message_of(&e))?;
                style.set_text_content(Some(CARD_CSS));
                Some(style)
            }
        };
        events::listen(root.event_target());
        Ok(Mount { root, style })
    }

    /// Shows `card` (nodes build.js made) as the root's content, in place of what was there.
    pub(super) fn show(&self, card: &Node) {
        match &self.style {
            Some(style) => self.root.replace_children(&[style, card]),
            None => self.root.replace_children(&[card]),
        }
    }

    /// Deep links: when the page's `#fragment` names this card or one of its
    /// quotes, scrolls to it and highlights it. The hash is read at each
    /// render: a script may change it between two.
    pub(super) fn reveal(&self) {
        let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return };
        let id = hash.strip_prefix('#').unwrap_or_default();
        // Only ids the view can write; anything else could not be put in a selector as it is.
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-')) {
            return;
        }
        if let Some(el) = self.root.query_selector(&["[id=\"", id, "\"]"].concat()) {
            el.class_list().add_1("bc-target").ok();
            el.scroll_into_view();
        }
    }

    /// Removes the card and its listener: the target shows what it had before
    /// (in a shadow root, a `<slot>` shows the host's own children again).
    pub(super) fn remove(self) {
        events::unlisten(self.root.event_target());
        match &self.root {
            Root::Light(_, saved) => self.root.replace_children(&[saved]),
            Root::Shadow(root) => {
                if let Ok(slot) = root.owner_document().map_or(Err(JsValue::NULL), |doc| doc.create_element("slot")) {
                    self.root.replace_children(&[&slot]);
                }
            }
        }
    }
}
