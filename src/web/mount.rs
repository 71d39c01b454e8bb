//! Where a card lives on the page: the target's open shadow root (by
//! default) or the target itself (`shadow: false`), the card's stylesheet,
//! its click listener, and what the target showed before, which comes back
//! when the card is destroyed.

use std::cell::OnceCell;

use js_sys::{Array, WeakMap};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, DocumentFragment, Element, EventTarget, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::events;
use super::place::{self, Place};
use crate::CARD_CSS;

/// The node a card is put in.
pub(super) enum Root {
    /// The target's open shadow root: the host's CSS cannot reach the card,
    /// and the host's own children stay in the light DOM, hidden.
    Shadow(ShadowRoot),
    /// The target itself (its children were moved out, into [`HELD`]).
    Light(Element),
}

impl Root {
    fn event_target(&self) -> &EventTarget {
        match self {
            Root::Shadow(root) => root,
            Root::Light(target) => target,
        }
    }

    fn node(&self) -> &Node {
        match self {
            Root::Shadow(root) => root,
            Root::Light(target) => target,
        }
    }

    /// Puts `new` where the first of `old` still in the root is (else at the
    /// end), and takes `old` out: whatever else the root holds (nodes a page
    /// script added beside the card) stays where it is.
    fn swap(&self, old: &Array, new: &Array) {
        let root = self.node();
        // What of `old` is still in the root, however deep (a page script may
        // have wrapped it), and not among `new` (the same `<style>` stays).
        let going: Vec<Node> = old
            .iter()
            .filter(|n| !new.includes(n, 0))
            .map(JsCast::unchecked_into)
            .filter(|n: &Node| n != root && root.contains(Some(n)))
            .collect();
        let anchor = going.iter().find(|n| n.parent_node().as_ref() == Some(root));
        for n in new.iter() {
            root.insert_before(n.unchecked_ref(), anchor).ok();
        }
        for n in &going {
            if let Some(parent) = n.parent_node() {
                parent.remove_child(n).ok();
            }
        }
    }

    fn replace_children(&self, nodes: &Array) {
        match self {
            Root::Shadow(root) => root.replace_children_with_node(nodes),
            Root::Light(target) => target.replace_children_with_node(nodes),
        }
    }

    /// The elements in the root that `selector` selects, in document order.
    pub(super) fn query_all(&self, selector: &str) -> Vec<Element> {
        let list = match self {
            Root::Shadow(root) => root.query_selector_all(selector),
            Root::Light(target) => target.query_selector_all(selector),
        };
        let Ok(list) = list else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.get(i)).map(JsCast::unchecked_into).collect()
    }

    /// The holders of the reader's place in the card (see [`Place`]), in document order.
    fn holders(&self) -> Vec<Element> {
        self.query_all(place::HOLDERS)
    }

    /// The reader's place in the card the root holds.
    fn place(&self) -> Place {
        Place::of(&self.holders(), self.focused())
    }

    /// The element in the root that has focus, if any.
    fn focused(&self) -> Option<Element> {
        match self {
            Root::Shadow(root) => root.active_element(),
            Root::Light(target) => target.owner_document()?.active_element().filter(|el| target.contains(Some(el)) && el != target),
        }
    }

    pub(super) fn query_selector(&self, selector: &str) -> Option<Element> {
        match self {
            Root::Shadow(root) => root.query_selector(selector),
            Root::Light(target) => target.query_selector(selector),
        }
        .ok()
        .flatten()
    }
}

/// The root of the card `target` holds, if it holds one (its [`HELD`]
/// entry says so): how the page's cards are found without a list of them
/// that could outlive them.
pub(super) fn card_root(target: &Element) -> Option<Root> {
    let held = HELD.with(|map| map.get(target));
    if held.is_undefined() {
        return None;
    }
    Before::from_js(held.unchecked_ref()).root_in(target)
}

/// A mounted card's place on the page.
pub(super) struct Mount {
    target: Element,
    root: Root,
    /// The card's stylesheet as a `<style>`, kept before the card, where the
    /// page's shared sheet cannot be adopted (another document, or no
    /// constructable stylesheets).
    style: Option<Element>,
    /// What the target showed before.
    before: Before,
    /// `before` as [`HELD`] keeps it: while this very array is the
    /// target's entry there, the target is this card's.
    held: Array,
}

thread_local! {
    /// The page's one stylesheet for every card (`None` without constructable stylesheets).
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };

    /// For each target holding a card, what it showed before the card went
    /// in, as [`Before::to_js`] writes it. It is kept here,
    /// beside the target, rather than in the card's handle, because a card
    /// outlives a dropped handle, and a card rendered into the same target
    /// later takes the older one's place: it must put back what the host
    /// had, not the older card. Keyed weakly: a target the page lets go takes
    /// its entry with it.
    static HELD: WeakMap = WeakMap::new();
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

/// Whether a shadow root we did not attach holds a card rendered on the
/// server (declarative shadow DOM): that card is the element's own, so, as
/// in a root we attached, destroying the live card shows the fallback.
fn holds_server_card(root: &ShadowRoot) -> bool {
    root.query_selector(".bc-card").ok().flatten().is_some()
}

/// The children of `parent`, moved into a fragment of `doc`.
fn moved_out(doc: &Document, parent: &Node) -> DocumentFragment {
    let saved = doc.create_document_fragment();
    while let Some(child) = parent.first_child() {
        if saved.append_child(&child).is_err() {
            break;
        }
    }
    saved
}

/// Where [`HELD`]'s entry for a target keeps the card's own nodes in the
/// root (after `[shadow, content, sheets]`), once it is shown.
const SHOWN: u32 = 3;

/// The nodes of the card shown in a target, from its [`HELD`] entry.
fn shown(held: &JsValue) -> Option<Array> {
    let nodes = held.dyn_ref::<Array>()?.get(SHOWN);
    (!nodes.is_undefined()).then(|| nodes.unchecked_into())
}

/// What a target showed before a card went in, put back when the card goes.
struct Before {
    /// Whether the card is in the target's shadow root (else in the target itself).
    shadow: bool,
    /// The root's children, moved out; `None` for a shadow root that had
    /// none of the host's (one we attached, or a server-rendered card's),
    /// where a `<slot>` shows the host's own children again.
    content: Option<DocumentFragment>,
    /// The shadow root's adopted sheets; `None` for one we attached, which had none.
    sheets: Option<Array>,
}

impl Before {
    /// As [`HELD`] keeps it: `[shadow, content, sheets]`.
    fn to_js(&self) -> Array {
        let content = self.content.as_ref().map_or(JsValue::UNDEFINED, JsValue::from);
        let sheets = self.sheets.as_ref().map_or(JsValue::UNDEFINED, JsValue::from);
        Array::of3(&self.shadow.into(), &content, &sheets)
    }

    /// As read back from [`HELD`]: values this module wrote there, so unchecked
    /// (an iframe's fragment is of another class than this window's).
    fn from_js(held: &Array) -> Before {
        let (content, sheets) = (held.get(1), held.get(2));
        Before {
            shadow: held.get(0).as_bool() == Some(true),
            content: (!content.is_undefined()).then(|| content.unchecked_into()),
            sheets: (!sheets.is_undefined()).then(|| sheets.unchecked_into()),
        }
    }

    /// The root of `target` this card is in.
    fn root_in(&self, target: &Element) -> Option<Root> {
        if self.shadow {
            target.shadow_root().map(Root::Shadow)
        } else {
            Some(Root::Light(target.clone()))
        }
    }

    /// Puts it back in `root`, the card's, and lets the target go: the root's
    /// children (else a `<slot>`) and, in a shadow root, its sheets as they were.
    fn put_back(&self, target: &Element, root: &Root) {
        let entry = HELD.with(|map| map.get(target));
        events::unlisten(root.event_target());
        let what: Option<Node> = match &self.content {
            Some(content) => Some(content.clone().into()),
            None => target.owner_document().and_then(|doc| doc.create_element("slot").ok()).map(Node::from),
        };
        if let Some(what) = what {
            // In the card's place, beside anything a page script added since.
            match shown(&entry) {
                Some(card) => root.swap(&card, &Array::of1(&what)),
                None => root.replace_children(&Array::of1(&what)),
            }
        }
        // Taking the card's nodes out may run the page's code (a `focusout`
        // listener), which may have rendered another card into the target
        // meanwhile: its sheets and entry are its own.
        if HELD.with(|map| map.get(target)) != entry {
            return;
        }
        if let Root::Shadow(root) = root {
            root.set_adopted_style_sheets(&self.sheets.clone().unwrap_or_default());
        }
        HELD.with(|map| map.delete(target));
    }
}

impl Mount {
    /// Prepares `target` for a card: its open shadow root (attached if it
    /// has none), or, with `shadow` false, the target itself. A card already
    /// in the target (rendered before, its handle kept or dropped) gives way,
    /// and the older handle no longer touches the target: in the same kind
    /// of root the new card takes its place (see [`Mount::show`]); else what
    /// the host had comes back first. Then what the root holds is moved out,
    /// kept in [`HELD`] to be put back. Fails, before anything changed, where the
    /// target cannot hold a shadow root. With the mount comes the reader's
    /// place in the card the target showed before (if any), for [`Mount::show`].
    pub(super) fn new(target: &Element, shadow: bool) -> Result<(Mount, Place), String> {
        let doc = target.owner_document().ok_or("has no document")?;
        // A card shows in the target now when its shadow root holds one (a
        // server-rendered card too), or when HELD has it (a card in light DOM).
        let previous = HELD.with(|map| map.get(target));
        let place = match target.shadow_root() {
            Some(root) => Root::Shadow(root).place(),
            None if !previous.is_undefined() => Root::Light(target.clone()).place(),
            None => Place::default(),
        };
        let sheet = sheet_for(&doc);
        let attached = match (shadow, target.shadow_root()) {
            (false, _) => None,
            (true, Some(root)) => Some((root, false)),
            (true, None) => {
                let root = target
                    .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                    .map_err(|e| ["cannot hold a shadow root (", &message_of(&e), "); render with { shadow: false }"].concat())?;
                Some((root, true))
            }
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
        if !previous.is_undefined() {
            let before = Before::from_js(previous.unchecked_ref());
            if let Some(root) = before.root_in(target) {
                // A card in the same kind of root: the new one takes over what
                // the old one kept of the target (what it showed before, its
                // sheets) and shows in the old card's place, so that what a
                // page script put beside it stays there.
                if let Some(card) = shown(&previous).filter(|_| before.shadow == shadow) {
                    let held = before.to_js();
                    held.set(SHOWN, card.into());
                    HELD.with(|map| map.set(target, &held));
                    return Ok((Mount { target: target.clone(), root, style, before, held }, place));
                }
                before.put_back(target, &root);
            }
        }
        let (root, content, sheets) = match attached {
            Some((root, true)) => {
                // A root of our own: nothing of the host's in it, and no sheets but the card's.
                if let Some(sheet) = &sheet {
                    root.set_adopted_style_sheets(&Array::of1(sheet));
                }
                (Root::Shadow(root), None, None)
            }
            Some((root, false)) => {
                // A copy: the getter's array is the root's own, live.
                let sheets = Array::from(&root.adopted_style_sheets());
                if let Some(list) = sheet.as_ref().and_then(|sheet| with_sheet(root.adopted_style_sheets(), sheet)) {
                    root.set_adopted_style_sheets(&list);
                }
                // What the host put in a shadow root of its own is kept; a
                // server-rendered card's root had nothing of the host's.
                let content = (!holds_server_card(&root)).then(|| moved_out(&doc, &root));
                (Root::Shadow(root), content, Some(sheets))
            }
            None => {
                if let Some(list) = sheet.as_ref().and_then(|sheet| with_sheet(doc.adopted_style_sheets(), sheet)) {
                    doc.set_adopted_style_sheets(&list);
                }
                (Root::Light(target.clone()), Some(moved_out(&doc, target)), None)
            }
        };
        let before = Before { shadow, content, sheets };
        let held = before.to_js();
        HELD.with(|map| map.set(target, &held));
        events::listen(root.event_target());
        Ok((Mount { target: target.clone(), root, style, before, held }, place))
    }

    /// Whether the target still holds this card: not once another card
    /// rendered into the same target has taken its place.
    pub(super) fn is_current(&self) -> bool {
        HELD.with(|map| map.get(&self.target)) == JsValue::from(&self.held)
    }

    /// The reader's place in the card shown now.
    pub(super) fn place(&self) -> Place {
        self.root.place()
    }

    /// Shows `card` (nodes build.js made) as the root's content, in place
    /// of what was there, and puts the reader at `place` in it.
    pub(super) fn show(&self, card: &Node, place: &Place) {
        // The card's own nodes: a fragment's children (it empties as it goes in).
        let nodes: Array = self.style.iter().map(JsValue::from).collect();
        if card.node_type() == Node::DOCUMENT_FRAGMENT_NODE {
            let children = card.child_nodes();
            (0..children.length()).filter_map(|i| children.get(i)).for_each(|child| {
                nodes.push(&child);
            });
        } else {
            nodes.push(card);
        }
        match shown(&self.held) {
            // A card shown before: the new one takes its place, and what a
            // page script put beside it stays. Until the old nodes are out,
            // both are the card's: taking a node out may run the page's code
            // (a `focusout` listener), which may render into the target.
            Some(old) => {
                self.held.set(SHOWN, old.concat(&nodes).into());
                self.root.swap(&old, &nodes);
            }
            // The first: the root holds nothing of the host's (that was moved
            // out), or a server-rendered card, which this one replaces.
            None => self.root.replace_children(&nodes),
        }
        if self.is_current() {
            self.held.set(SHOWN, nodes.into());
        }
        if !place.is_empty() {
            place.restore(&self.root.holders());
        }
    }

    /// After a patch in place: the patch writes each "Show more" button's
    /// words as the view describes a collapsed block, so an expanded block's
    /// button is given back its "Show less", in the card's words, which the
    /// update may have changed (another language, or the brief's own labels).
    pub(super) fn relabel_expanded(&self) {
        for button in self.root.query_all("button.bc-toggle[aria-expanded=\"true\"]") {
            let less = button.get_attribute("data-less");
            if button.text_content() != less {
                button.set_text_content(less.as_deref());
            }
        }
    }

    /// The node the card is in.
    pub(super) fn root(&self) -> &Root {
        &self.root
    }

    /// Removes the card and its listener: the target shows what it had
    /// before. A card whose place another has taken leaves the target alone.
    pub(super) fn remove(self) {
        if self.is_current() {
            self.before.put_back(&self.target, &self.root);
        }
    }
}
