// Applies the instructions written by src/dom.rs, in one call per card:
// only createElement, setAttribute (className), createTextNode / textContent
// and appendChild, so no string is ever parsed as HTML (and Trusted Types have nothing to check).
//   ops: 0 OPEN tag | 1 ATTR name value | 2 TEXT text | 3 CLOSE
//   strings: string i is text.substring(ends[i - 1], ends[i])

const strings = (text, ends) => {
  const s = new Array(ends.length);
  for (let i = 0, from = 0; i < ends.length; from = ends[i++]) s[i] = text.substring(from, ends[i]);
  return s;
};

// Builds a detached fragment. Returns it with what an update needs to patch
// it in place: a 64-bit hash of the instructions (a copy of them would cost
// every card an ArrayBuffer), the strings, and the card's one top node.
export function build_dom(target, ops, text, ends) {
  const doc = target.ownerDocument;
  const s = strings(text, ends);
  const frag = doc.createDocumentFragment();
  const stack = [];
  let top = frag, empty = false; // empty: `top` has no child yet (tracked here, not asked of the DOM)
  for (let i = 0; i < ops.length; ) {
    switch (ops[i]) {
      case 0: { const e = doc.createElement(s[ops[i + 1]]); top.appendChild(e); stack.push(top); top = e; empty = true; i += 2; break; }
      case 1: { const n = s[ops[i + 1]]; if (n === "class") top.className = s[ops[i + 2]]; else top.setAttribute(n, s[ops[i + 2]]); i += 3; break; }
      // A lone text child (the common case) is set as textContent: one call instead of two.
      case 2: if (empty && ops[i + 2] === 3) top.textContent = s[ops[i + 1]]; else top.appendChild(doc.createTextNode(s[ops[i + 1]])); empty = false; i += 2; break;
      case 3: top = stack.pop(); empty = false; i += 1; break;
      default: throw new Error("brief-card: bad DOM instruction");
    }
  }
  return { frag, top: frag.firstChild, shape: shape(ops), s };
}

// Two 32-bit hashes of the instructions (FNV-1a and a multiplicative one):
// equal for the same structure; a collision is a 1 in 2^64 chance.
function shape(ops) {
  let a = 0x811c9dc5, b = ops.length;
  for (let i = 0; i < ops.length; i++) { a = Math.imul(a ^ ops[i], 16777619); b = (Math.imul(b, 31) + ops[i]) | 0; }
  return [a, b];
}

// Updates a card built by build_dom in place when the new instructions have
// the same structure (same elements and attribute names): only the strings
// that changed are written, so the reader keeps focus, scroll position and
// what they expanded, and the browser re-lays out only what changed. The
// node of a changed string is found by its position, counted from the
// instructions. Returns the new record, or null when the structure differs.
function patch_dom(built, ops, text, ends) {
  const { s: was } = built, h = shape(ops);
  if (was.length !== ends.length || h[0] !== built.shape[0] || h[1] !== built.shape[1]) return null;
  const s = strings(text, ends);
  const changed = (k) => s[k] !== was[k];
  const step = (i) => (ops[i] === 1 ? 3 : ops[i] === 3 ? 1 : 2);
  for (let i = 0; i < ops.length; i += step(i)) if (ops[i] < 2 && changed(ops[i + 1])) return null; // another tag or attribute
  const path = []; // the childNodes index of each open element, the first among the top nodes
  let child = 0; // the childNodes index of the innermost open element's next child
  const node = (depth) => { let n = built.top; for (let d = 1; d < depth; d++) n = n.childNodes[path[d]]; return n; };
  for (let i = 0; i < ops.length; i += step(i)) {
    const op = ops[i];
    if (op === 0) { if (!path.length && child) return null; path.push(child); child = 0; } // one top node, as the view makes
    else if (op === 1 && changed(ops[i + 2])) {
      const name = s[ops[i + 1]], el = node(path.length);
      if (name === "class") el.className = s[ops[i + 2]]; else el.setAttribute(name, s[ops[i + 2]]);
    } else if (op === 2) {
      // As build_dom wrote it: the element's textContent, or a text node among its children.
      if (!path.length) return null;
      if (changed(ops[i + 1])) {
        const lone = child === 0 && ops[i + 2] === 3;
        const n = lone ? node(path.length) : node(path.length).childNodes[child];
        n.textContent = s[ops[i + 1]];
      }
      child++;
    } else if (op === 3) child = path.pop() + 1;
  }
  return { frag: null, top: built.top, shape: h, s };
}

// card.update(): patches the card in place, else builds it anew. `card` is
// host.js's handle of a mounted card ({target, built, show(fragment)}). A patch that
// fails part-way (a host script removed nodes of the card) ends in a new
// build, so the card is never left half-updated.
export function update_dom(card, ops, text, ends) {
  let built = null;
  try { built = patch_dom(card.built, ops, text, ends); } catch { built = null; }
  if (!built) {
    built = build_dom(card.target, ops, text, ends);
    card.show(built.frag);
  }
  built.frag = null; // on the page now: not kept
  card.built = built;
}
