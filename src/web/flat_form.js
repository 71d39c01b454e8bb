// Transitional (see src/web/input.rs): the flat form src/json_tokens.rs
// reads, written from a plain copy (src/web/copy.js). It goes when the
// validator reads the plain copy through serde_wasm_bindgen.
//
// One value after another in document order: `n`, `t`, `f`; `#` then a
// number's text, `"` then a string, each ended by NUL (a NUL of their own is
// written as NUL and U+0001); `[` items `]`; `{` name value … `}`.

export function flat_form(value) {
  let out = "";
  const text = (mark, s) => { out += mark + (s.includes("\0") ? s.replaceAll("\0", "\0\x01") : s) + "\0"; };
  const write = (x) => {
    if (x === null) out += "n";
    else if (typeof x === "boolean") out += x ? "t" : "f";
    else if (typeof x === "string") text('"', x);
    else if (typeof x === "number") text("#", String(x));
    else if (Array.isArray(x)) { out += "["; for (let i = 0; i < x.length; i++) write(x[i]); out += "]"; }
    else { out += "{"; const names = Object.keys(x); for (let i = 0; i < names.length; i++) { text('"', names[i]); write(x[names[i]]); } out += "}"; }
  };
  write(value);
  return out;
}
