//! The live DOM sink: writes the view's stream as real DOM nodes in one
//! crossing of the wasm/JS boundary. The stream becomes a list of
//! instructions (open element, set attribute, add text, close) over a table
//! of strings; `dom_builder.js` applies it with `createElement`,
//! `setAttribute`, `createTextNode` and `appendChild` only, so no string is
//! ever parsed as HTML; the next card of the same structure is a deep clone
//! of an earlier one with only its differing strings written. Every string,
//! tags and names included, goes with its card. One call per card
//! instead of one per node and attribute is what makes the wasm card as
//! fast as hand-written JS (see bench/). An update sends the new
//! instructions to `update_dom`, which writes only the strings that changed
//! when the structure is the same. Like the HTML sink, it knows nothing
//! about briefs.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::view::sink::Sink;

#[wasm_bindgen(module = "/src/dom_builder.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn build_dom(target: &JsValue, ops: &[u32], text: &str, ends: &[u32], fixed_text: &str, fixed_ends: &[u32]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn update_dom(card: &JsValue, ops: &[u32], text: &str, ends: &[u32], fixed_text: &str, fixed_ends: &[u32]) -> Result<(), JsValue>;
}

// The instruction codes; dom_builder.js reads the same numbers.
const OPEN: u32 = 0; // OPEN tag
const ATTR: u32 = 1; // ATTR name value
const TEXT: u32 = 2; // TEXT text
const CLOSE: u32 = 3; // CLOSE

/// Strings for JS in one buffer: string `i` is `text` from the end of
/// string `i - 1` to `ends[i]`, counted in UTF-16 units as JS counts. One
/// buffer crosses the boundary at the cost of one string instead of many.
#[derive(Default)]
pub(crate) struct Strings {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
    utf16: u32,
}

impl Strings {
    /// Adds `s`; returns its index.
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        // UTF-16 units: a byte each for ASCII (the common case, checked a
        // word at a time); else one for each byte that starts a character
        // and one more for a 4-byte one (a surrogate pair), by a byte loop
        // rather than encode_utf16's decoder, which only this used.
        let mut units = s.len() as u32;
        if !s.is_ascii() {
            units = 0;
            for b in s.bytes() {
                units += u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0);
            }
        }
        self.text.push_str(s);
        self.utf16 = self.utf16.saturating_add(units);
        self.ends.push(self.utf16);
        (self.ends.len() - 1) as u32
    }
}

/// No table of shared strings any more: every tag, name and value goes
/// with its card (dom_builder.js then learns an empty table).
fn table_to_send() -> Strings {
    Strings::default()
}

/// The instructions for one card and their strings.
pub struct Program {
    ops: Vec<u32>,
    strings: Strings,
}

/// The view writes straight into the instructions, a `push` per word:
/// `extend_from_slice` would bring its own slice-extending code (and a
/// memory copy for two or three words) for these four methods alone.
impl Sink for Program {
    fn open(&mut self, tag: &'static str) {
        let t = self.strings.push(tag);
        self.ops.push(OPEN);
        self.ops.push(t);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        let n = self.strings.push(name);
        let v = self.strings.push(value);
        self.ops.push(ATTR);
        self.ops.push(n);
        self.ops.push(v);
    }

    fn text(&mut self, text: &str) {
        let s = self.strings.push(text);
        self.ops.push(TEXT);
        self.ops.push(s);
    }

    fn close(&mut self) {
        self.ops.push(CLOSE);
    }
}

impl Program {
    /// An empty program, sized for a card; the view writes into it.
    pub(crate) fn new() -> Program {
        let mut p = Program { ops: Vec::with_capacity(1024), strings: Strings::default() };
        p.strings.text.reserve(8192);
        p
    }

    /// Builds the card into a new fragment of the target's document (not yet
    /// attached anywhere, so a failure part-way never leaves a half-built
    /// card on the page); returns dom_builder.js's record of it, for mounting.
    pub(crate) fn build(self, target: &JsValue) -> Result<JsValue, JsValue> {
        let table = table_to_send(); // dom_builder.js learns them first thing
        build_dom(target, &self.ops, &self.strings.text, &self.strings.ends, &table.text, &table.ends)
    }

    /// Updates the mounted `card` (host.js's handle) to this: in place when
    /// only strings changed, else built anew.
    pub(crate) fn update(self, card: &JsValue) -> Result<(), JsValue> {
        let table = table_to_send(); // as in build
        update_dom(card, &self.ops, &self.strings.text, &self.strings.ends, &table.text, &table.ends)
    }
}
