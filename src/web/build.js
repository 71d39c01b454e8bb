// brief-card's DOM builder (see src/web/mod.rs, "JS snippets"): builds a
// card's nodes from the instruction buffer src/web/dom.rs writes, in one
// crossing of the wasm boundary per card instead of one per node and
// attribute, and updates a card on the page in place.
//
// It calls only createElement, setAttribute (className), createTextNode /
// textContent / Text.data, appendChild and cloneNode (of a card built so),
// so no string is ever parsed as HTML (and Trusted Types have nothing to check).
//
//   ops: 0 OPEN tag | 1 ATTR name value | 2 TEXT text | 3 CLOSE
//   operands: k < STATIC is the card's string k, text.substring(ends[k - 1], ends[k]);
//   k >= STATIC is the static string k - STATIC: a tag, attribute name or
//   fixed value of the view's own code. src/web/dom.rs sends each static
//   string once per page, the first time a card uses it (`statics`, appended
//   in order to the list here), and names it by its place in that list after that.

const STATIC = 2 ** 31;
const statics = []; // every static string src/web/dom.rs has sent, in the order sent

const strings = (text, ends) => {
  const s = new Array(ends.length);
  for (let i = 0, from = 0; i < ends.length; from = ends[i++]) s[i] = text.substring(from, ends[i]);
  return s;
};
const learn = (text, ends) => { for (let i = 0, from = 0; i < ends.length; from = ends[i++]) statics.push(text.substring(from, ends[i])); };
const at = (s, k) => (k < STATIC ? s[k] : statics[k - STATIC]);

// Builds the card for `doc`, detached, and returns its record: `node`, what
// goes on the page (the card's one top element, or a fragment of several),
// with what a later update needs to patch it in place: `top`, the card's
// first top node; `shape`, a 64-bit hash of the instructions (a copy of
// them would cost every card an ArrayBuffer); `s`, its strings.
//
// Cards of one structure differ only in their strings, so a structure seen
// again is kept as a template and the next cards are deep clones of it (one
// native call instead of a createElement, appendChild and setAttribute per
// node) with only the strings that differ written: on a feed, the class
// names and fixed labels are never written twice. (A structure seen once is
// only noted: a copy of a card no other card shares would be wasted work.)
const templates = new WeakMap(); // Document → Map("shape" → null when seen once, else {node, s})
export function build(doc, ops, text, ends, staticText, staticEnds) {
  learn(staticText, staticEnds); // first: src/web/dom.rs counts them as sent
  return built(doc, ops, strings(text, ends));
}

function built(doc, ops, s) {
  const h = shape(ops), key = h[0] + ":" + h[1];
  let kept = templates.get(doc);
  if (!kept) templates.set(doc, (kept = new Map()));
  const t = kept.get(key);
  let node = null;
  if (t && t.s.length === s.length) {
    const clone = t.node.cloneNode(true);
    try { if (fill(clone.nodeType === 11 ? clone.firstChild : clone, ops, s, t.s)) node = clone; } catch { node = null; }
  }
  if (!node) {
    const frag = create(doc, ops, s);
    node = frag.childNodes.length === 1 ? frag.firstChild : frag; // an element goes in faster than a fragment
    if (kept.size >= 64) kept.clear(); // bounds the copies a document keeps (a page with more structures than this is not a feed of alike cards)
    kept.set(key, t === undefined ? null : template(node, ops, s));
  }
  return { node, top: node.nodeType === 11 ? node.firstChild : node, shape: h, s };
}

// Builds the nodes one by one.
function create(doc, ops, s) {
  const frag = doc.createDocumentFragment();
  const stack = [];
  let top = frag, empty = false; // empty: `top` has no child yet (tracked here, not asked of the DOM)
  for (let i = 0; i < ops.length; ) {
    switch (ops[i]) {
      case 0: { const e = doc.createElement(at(s, ops[i + 1])); top.appendChild(e); stack.push(top); top = e; empty = true; i += 2; break; }
      case 1: { const n = at(s, ops[i + 1]), v = at(s, ops[i + 2]); if (n === "class") top.className = v; else top.setAttribute(n, v); i += 3; break; }
      // A lone text child (the common case) is set as textContent: one call instead of two.
      case 2: if (empty && ops[i + 2] === 3) top.textContent = at(s, ops[i + 1]); else top.appendChild(doc.createTextNode(at(s, ops[i + 1]))); empty = false; i += 2; break;
      case 3: top = stack.pop(); empty = false; i += 1; break;
      default: throw new Error("brief-card: bad DOM instruction");
    }
  }
  return frag;
}

// A private copy of a new card to clone the next ones from. Its images get
// an empty src (which fetches nothing, and keeps the attribute in its place)
// and their strings are marked as never equal, so each clone writes its own.
function template(node, ops, s) {
  const clone = node.cloneNode(true), was = s.slice();
  for (const img of clone.querySelectorAll("img[src]")) img.setAttribute("src", "");
  for (let i = 0; i < ops.length; i += ops[i] === 1 ? 3 : ops[i] === 3 ? 1 : 2) if (ops[i] === 1 && at(s, ops[i + 1]) === "src") was[ops[i + 2]] = null;
  return { node: clone, s: was };
}

// Two 32-bit hashes of the instructions (FNV-1a and a multiplicative one):
// equal for the same structure; a collision is a 1 in 2^64 chance.
function shape(ops) {
  let a = 0x811c9dc5, b = ops.length;
  for (let i = 0; i < ops.length; i++) { a = Math.imul(a ^ ops[i], 16777619); b = (Math.imul(b, 31) + ops[i]) | 0; }
  return [a, b];
}

// Writes the strings of `s` that differ from `was` into nodes of the same
// structure as `ops` builds, starting at its first top node `first`: a clone
// of a template, or a card on the page. (Static strings never differ: they
// are part of the structure.) False when a tag or attribute name differs
// (then the structure is not the same after all). Nodes are found by
// walking the tree in the order the instructions made it, and only as far as
// the last string that differs: the strings are numbered in that order too.
// On a card on the page (`onPage`), where a page script or an extension may
// have added or removed nodes, each node is checked to be what the walk
// expects: false at the first that is not, so the card is built anew rather
// than written into the wrong nodes.
function fill(first, ops, s, was, onPage = false) {
  let last = s.length - 1;
  while (last >= 0 && s[last] === was[last]) last--;
  const differs = (k) => k < STATIC && s[k] !== was[k];
  const stack = [];
  let el = null, next = first, empty = false; // el: the open element; next: the node the next child instruction is
  for (let i = 0, k; last >= 0 && i < ops.length; ) {
    switch (ops[i]) {
      case 0:
        if (differs((k = ops[i + 1])) || (onPage && next?.localName !== at(s, k))) return false;
        stack.push(el, next.nextSibling); el = next; next = el.firstChild; empty = true; i += 2;
        break;
      case 1: {
        const n = ops[i + 1];
        if (differs(n)) return false;
        if (differs((k = ops[i + 2]))) { const name = at(s, n); if (name === "class") el.className = s[k]; else el.setAttribute(name, s[k]); }
        i += 3;
        break;
      }
      case 2:
        // As create() wrote it: the element's textContent, or a text node among its children.
        k = ops[i + 1];
        if (empty && ops[i + 2] === 3) {
          // The text node's data, in place: cheaper than textContent, which
          // replaces the node (as it must when a page script or a translator
          // has put other nodes there).
          if (differs(k)) { const t = el.firstChild; if (s[k] && t?.nodeType === 3 && !t.nextSibling) t.data = s[k]; else el.textContent = s[k]; }
        } else {
          if (onPage && next?.nodeType !== 3) return false;
          if (differs(k)) next.data = s[k];
          next = next.nextSibling;
        }
        empty = false; i += 2;
        break;
      default: next = stack.pop(); el = stack.pop(); empty = false; i += 1; continue;
    }
    if (k < STATIC && k >= last) break; // nothing after this differs
  }
  return true;
}

// card.update(): when the new instructions have the structure of the card
// on the page (`card`, the record `build` returned), writes only the strings
// that changed into its nodes, so the reader keeps focus, scroll position
// and what they expanded, and the browser re-lays out only what changed;
// returns the card's new record. Otherwise (another structure, or a page
// script changed the card's nodes so that a patch could land in the wrong
// place) returns the record of a new card built detached, for
// src/web/mod.rs to put in the old one's place: the card on the page is
// never left half-updated.
export function update(doc, card, ops, text, ends, staticText, staticEnds) {
  learn(staticText, staticEnds); // first: src/web/dom.rs counts them as sent
  const s = strings(text, ends), h = shape(ops);
  let same = card.s.length === s.length && h[0] === card.shape[0] && h[1] === card.shape[1];
  try { same = same && fill(card.top, ops, s, card.s, true); } catch { same = false; }
  return same ? { node: null, top: card.top, shape: h, s } : built(doc, ops, s);
}
