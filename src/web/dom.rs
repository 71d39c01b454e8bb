//! The DOM sink: the view's stream as one instruction buffer, which
//! src/web/build.js turns into the card's nodes in one crossing of the wasm
//! boundary (or writes into the card on the page, for an update). One call
//! per card instead of one per node and attribute is what keeps the wasm
//! card as fast as a hand-written JS one (see bench/).
//!
//! The instructions: `OPEN tag`, `ATTR name value`, `TEXT text`, `CLOSE`,
//! each a `u32` code followed by its operands. An operand names a string:
//! one of the card's own ([`Strings`], sent with every card), or, with the
//! [`STATIC`] bit, a static string of the view's code (tags, attribute
//! names, class names), which build.js learns once per page: the first card
//! that uses one sends it, and later cards name it by the number it got then.
//! Like the HTML sink, this knows nothing about briefs.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Node};

use crate::view::sink::Sink;

#[wasm_bindgen(module = "/src/web/build.js")]
extern "C" {
    /// build.js's record of a card: what it put on the page and what a patch needs.
    pub(super) type Built;

    /// What goes on the page (the card's top element, or a fragment of
    /// several); null when an update patched the card in place.
    #[wasm_bindgen(method, getter)]
    pub(super) fn node(this: &Built) -> Option<Node>;

    #[wasm_bindgen(catch, js_name = build)]
    fn build_js(doc: &Document, ops: &[u32], text: &str, ends: &[u32], statics: &str, static_ends: &[u32]) -> Result<Built, JsValue>;

    #[wasm_bindgen(catch, js_name = update)]
    fn update_js(
        doc: &Document,
        card: &Built,
        ops: &[u32],
        text: &str,
        ends: &[u32],
        statics: &str,
        static_ends: &[u32],
    ) -> Result<Built, JsValue>;
}

// The instruction codes; build.js reads the same numbers.
const OPEN: u32 = 0;
const ATTR: u32 = 1;
const TEXT: u32 = 2;
const CLOSE: u32 = 3;

/// An operand with this bit names a static string, not one of the card's.
const STATIC: u32 = 1 << 31;

/// Strings for JS in one buffer: string `i` is `text` from the end of
/// string `i - 1` to `ends[i]`, counted in UTF-16 units as JS counts. One
/// buffer crosses the boundary at the cost of one string instead of many.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
    utf16: u32,
}

impl Strings {
    /// Adds `s`; returns its index.
    fn push(&mut self, s: &str) -> u32 {
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        self.text.push_str(s);
        self.utf16 = self.utf16.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.ends.push(self.utf16);
        u32::try_from(self.ends.len() - 1).unwrap_or(u32::MAX)
    }
}

/// The static strings build.js knows, by their text, with the number each
/// got there; and those to send with the next call.
#[derive(Default)]
struct Statics {
    known: HashMap<&'static str, u32>,
    unsent: Strings,
}

thread_local! {
    static STATICS: RefCell<Statics> = RefCell::default();
}

/// The instructions for one card and their strings.
pub(super) struct DomSink {
    ops: Vec<u32>,
    strings: Strings,
}

impl DomSink {
    pub(super) fn new() -> DomSink {
        DomSink { ops: Vec::with_capacity(1024), strings: Strings::default() }
    }

    /// The operand for the static string `s`, which build.js learns with
    /// this card if it does not know it yet.
    fn interned(s: &'static str) -> u32 {
        STATICS.with(|statics| {
            let Ok(mut statics) = statics.try_borrow_mut() else {
                // Never: nothing calls back into the sink while it writes.
                return 0;
            };
            let next = u32::try_from(statics.known.len()).unwrap_or(0);
            let statics = &mut *statics;
            *statics.known.entry(s).or_insert_with(|| {
                statics.unsent.push(s);
                next
            }) | STATIC
        })
    }

    /// The static strings to send with this call (and counted as sent from now on).
    fn take_unsent() -> Strings {
        STATICS.with(|statics| statics.try_borrow_mut().map(|mut s| std::mem::take(&mut s.unsent)).unwrap_or_default())
    }

    /// Builds the card for `doc`, detached (a failure part-way leaves nothing
    /// half-built on the page); returns build.js's record of it.
    pub(super) fn build(self, doc: &Document) -> Result<Built, JsValue> {
        let statics = Self::take_unsent();
        build_js(doc, &self.ops, &self.strings.text, &self.strings.ends, &statics.text, &statics.ends)
    }

    /// Updates the card `card` on the page to this: in place when only its
    /// strings changed (the new record's `node` is then null), else built
    /// anew, detached, for the caller to put in its place.
    pub(super) fn update(self, doc: &Document, card: &Built) -> Result<Built, JsValue> {
        let statics = Self::take_unsent();
        update_js(doc, card, &self.ops, &self.strings.text, &self.strings.ends, &statics.text, &statics.ends)
    }
}

impl Sink for DomSink {
    fn open(&mut self, tag: &'static str) {
        let tag = Self::interned(tag);
        self.ops.extend([OPEN, tag]);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        let (name, value) = (Self::interned(name), self.strings.push(value));
        self.ops.extend([ATTR, name, value]);
    }

    fn fixed(&mut self, name: &'static str, value: &'static str) {
        let (name, value) = (Self::interned(name), Self::interned(value));
        self.ops.extend([ATTR, name, value]);
    }

    fn text(&mut self, text: &str) {
        let text = self.strings.push(text);
        self.ops.extend([TEXT, text]);
    }

    fn close(&mut self) {
        self.ops.push(CLOSE);
    }
}
