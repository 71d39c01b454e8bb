// Applies the instructions written by src/dom.rs, in one call per card:
// only createElement, setAttribute (className), createTextNode / textContent
// and appendChild, so no string is ever parsed as HTML (and Trusted Types have nothing to check).
//   ops: 0 OPEN tag | 1 ATTR name value | 2 TEXT text | 3 CLOSE
//   strings: string i is text.substring(ends[i - 1], ends[i])
export function build_dom(target, ops, text, ends) {
  const doc = target.ownerDocument;
  const s = new Array(ends.length);
  for (let i = 0, from = 0; i < ends.length; from = ends[i++]) s[i] = text.substring(from, ends[i]);
  const root = doc.createDocumentFragment();
  const stack = [];
  let top = root, empty = false; // empty: `top` has no child yet (tracked here, not asked of the DOM)
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
  return root;
}
