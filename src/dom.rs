//! The live DOM sink: writes the view's stream as real DOM nodes in one
//! crossing of the wasm/JS boundary. The stream becomes a list of
//! instructions (open element, set attribute, add text, close) over a table
//! of strings; `dom_builder.js` applies it with `createElement`,
//! `setAttribute`, `createTextNode` and `appendChild` only, so no string is
//! ever parsed as HTML; the next card of the same structure is a deep clone
//! of an earlier one with only its differing strings written. The strings
//! the view's code fixes (names, class names) are sent once per page, not
//! per card. One call per card instead of one per node and attribute is what
//! makes the wasm card as fast as hand-written JS (see bench/). An update
//! sends the new instructions to `update_dom`, which writes only the strings
//! that changed when the structure is the same. Like the HTML sink, it knows
//! nothing about briefs.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::prelude::*;

use crate::fixed_strings::{FixedTable, FIXED_MAX};
use crate::sink::Sink;
use crate::wasm_api::PageLocal;

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
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        self.text.push_str(s);
        self.utf16 = self.utf16.saturating_add(units as u32);
        self.ends.push(self.utf16);
        (self.ends.len() - 1) as u32
    }
}

/// An operand with this bit names a fixed string (see `fixed_strings`), not one of the card's.
const FIXED: u32 = 1 << 31;

/// The page's one table; the `RefCell` lets one program at a time hold it.
static TABLE: PageLocal<core::cell::RefCell<FixedTable>> = PageLocal(core::cell::RefCell::new(FixedTable::new()));

/// The instructions for one card and their strings.
pub(crate) struct Program {
    ops: Vec<u32>,
    strings: Strings,
    /// The table, held while the card is written (a second program, which
    /// never exists, would send its fixed strings as its own).
    table: Option<core::cell::RefMut<'static, FixedTable>>,
    /// The fixed strings this card is the first to use (numbered from
    /// `first_new`), sent with it: if it is not sent, they leave the table.
    new_fixed: Strings,
    first_new: u32,
    sent: bool,
}

impl Program {
    fn string(&mut self, s: &str) -> u32 {
        self.strings.push(s)
    }

    fn fixed_string(&mut self, s: &'static str) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        let Some(t) = self.table.as_mut().filter(|t| t.len() < FIXED_MAX) else {
            return self.string(s); // a full table: sent as the card's own
        };
        let n = match t.find(key) {
            Some(n) => n,
            None => {
                self.new_fixed.push(s);
                t.add(key)
            }
        };
        FIXED | n
    }
}

impl Drop for Program {
    /// A card not sent takes its new fixed strings out of the table again.
    fn drop(&mut self) {
        if let (Some(t), false) = (self.table.as_mut(), self.sent) {
            t.truncate(self.first_new);
        }
    }
}

/// The view writes straight into the instructions.
impl Sink for Program {
    fn open(&mut self, tag: &'static str) {
        let tag = self.fixed_string(tag);
        self.ops.extend_from_slice(&[OPEN, tag]);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        let (n, v) = (self.fixed_string(name), self.string(value));
        self.ops.extend_from_slice(&[ATTR, n, v]);
    }

    fn fixed(&mut self, name: &'static str, value: &'static str) {
        let (n, v) = (self.fixed_string(name), self.fixed_string(value));
        self.ops.extend_from_slice(&[ATTR, n, v]);
    }

    fn text(&mut self, text: &str) {
        let s = self.string(text);
        self.ops.extend_from_slice(&[TEXT, s]);
    }

    fn close(&mut self) {
        self.ops.push(CLOSE);
    }
}

impl Program {
    /// An empty program, sized for a card; the view writes into it.
    pub(crate) fn new() -> Program {
        let table = TABLE.0.try_borrow_mut().ok();
        let first_new = table.as_ref().map_or(0, |t| t.len() as u32);
        let mut p = Program { ops: Vec::with_capacity(1024), strings: Strings::default(), table, new_fixed: Strings::default(), first_new, sent: false };
        p.strings.text.reserve(8192);
        p
    }

    /// Builds the card into a new fragment of the target's document (not yet
    /// attached anywhere, so a failure part-way never leaves a half-built
    /// card on the page); returns dom_builder.js's record of it, for mounting.
    pub(crate) fn build(mut self, target: &JsValue) -> Result<JsValue, JsValue> {
        self.sent = true; // dom_builder.js learns the new fixed strings first thing
        build_dom(target, &self.ops, &self.strings.text, &self.strings.ends, &self.new_fixed.text, &self.new_fixed.ends)
    }

    /// Updates the mounted `card` (host.js's handle) to this: in place when
    /// only strings changed, else built anew.
    pub(crate) fn update(mut self, card: &JsValue) -> Result<(), JsValue> {
        self.sent = true; // as in build
        update_dom(card, &self.ops, &self.strings.text, &self.strings.ends, &self.new_fixed.text, &self.new_fixed.ends)
    }
}
