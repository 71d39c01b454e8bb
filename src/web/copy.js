// brief-card's input copier (see src/web/mod.rs, "JS snippets"): a plain,
// bounded copy of what the host passed, made before the module reads any of
// it. Reading a host's value runs the host's code (getters, Proxy traps,
// toJSON) and may meet cycles, BigInts or a string of 20 MB; read from Rust
// field by field, such a value would escape as a raw exception or grow the
// module's memory before any limit was checked. Here every one of these
// becomes a problem message (thrown as a string, which the caller turns into
// a problem), and what comes back is plain data only: null, booleans,
// finite numbers, strings, arrays and objects without prototype, at most
// `maxDepth` levels deep (limits::MAX_DEPTH), from JSON text within `limit`
// bytes (limits::MAX_INPUT_BYTES or MAX_PAGE_BYTES).
//
// JSON text is read by JSON.parse. Any other value is copied directly when
// it is plain data already (most hosts pass that), in one walk; anything
// JSON.stringify has rules for (toJSON, undefined, functions, class
// instances, NaN, a throwing getter, a Proxy, cycles) takes JSON.stringify
// and JSON.parse, whose rules are the ones a host expects, and whose
// exceptions become problems.

export function plain_copy(v, what, limit, maxDepth) {
  if (v !== null && typeof v === "object") {
    // Counted as JSON text would be (at most 6 characters per character of
    // a string, as `\u0001`): a copy counted within a sixth of the limit is
    // within the limit as text too; a bigger one is measured exactly below.
    try { return copy(v, maxDepth, { left: limit / 6 }); } catch {}
  }
  let t = v;
  if (typeof v !== "string") {
    const found = v === null ? "null" : typeof v;
    if (v == null || found === "function" || found === "symbol") throw `expected ${what}, found ${found}`;
    try { t = JSON.stringify(v); } catch (e) { throw `could not be read as JSON: ${e?.message ?? "unknown error"}`; }
    if (typeof t !== "string") throw `expected ${what}, found ${found}`;
  }
  // Refused before anything reaches the module; a character is at most 3
  // bytes, so only long text is counted in bytes.
  // (Each UTF-16 unit is a byte of UTF-8 at least.)
  if (t.length > limit) throw `input is at least ${t.length} bytes; the limit is ${limit} bytes`;
  const bytes = t.length * 3 > limit ? new TextEncoder().encode(t).length : 0;
  if (bytes > limit) throw `input is ${bytes} bytes; the limit is ${limit} bytes`;
  let value;
  // A byte-order mark is not JSON, but editors write one.
  const text = t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  if (!text.trim()) throw "invalid JSON: the input is empty"; // as format/json.rs says it
  try { value = JSON.parse(text); } catch (e) { throw `invalid JSON: ${e.message}`; }
  try { return copy(value, maxDepth, null); } catch (e) {
    if (e !== TOO_DEEP) throw e;
    // As format/json.rs says it, with where, so that a host can find the branch.
    const at = deepest(value, maxDepth) ?? "";
    throw `invalid JSON: nested too deeply (the limit is ${maxDepth} levels)${at && ` at ${at[0] === "." ? at.slice(1) : at}`}`;
  }
}

// The path in `x` (JSON.parse's, nested too deeply) of the first array or
// object more than `levels` deep, in `copy`'s order, each key after a `.`
// and shortened to 40 characters and "…" as format/json.rs shortens it (a
// hostile key may be megabytes long); null when there is none. Walked only
// once the copy has failed.
function deepest(x, levels) {
  if (x === null || typeof x !== "object") return null;
  if (levels < 1) return "";
  const names = Object.keys(x);
  for (let i = 0; i < names.length; i++) {
    const below = deepest(x[names[i]], levels - 1);
    if (below === null) continue;
    if (Array.isArray(x)) return `[${names[i]}]` + below;
    const key = [...names[i].slice(0, 82)]; // more than 40 characters, if it has them (each is 1 or 2 UTF-16 units)
    return `.${shown(key.length > 40 ? key.slice(0, 40).join("") + "…" : names[i])}` + below;
  }
  return null;
}

// A key as a problem's path shows it, as format/json.rs does: its controls
// and bidirectional formatting characters as U+FFFD, so that a key cannot
// break the message's line or turn the text after it around.
const shown = (key) => key.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd");

// Thrown by `copy` for arrays and objects nested deeper than the limit.
const TOO_DEEP = Symbol("too deep");

// A copy of `x` and what it holds, `levels` deep at most, which is plain
// data: from JSON.parse (`budget` null), or
// the host's own value, which throws (anything) at the first thing that is
// not plain data or once the budget of characters is spent, so that the
// caller takes the JSON.stringify way.
function copy(x, levels, budget) {
  // Every value counts, `null` and booleans too (with a separator): an array
  // of five million nulls is 25 MB of JSON, and is measured as such below.
  if (x === null || typeof x === "boolean") { if (budget && (budget.left -= 6) < 0) throw 0; return x; }
  if (typeof x === "string") { if (budget && (budget.left -= x.length + 3) < 0) throw 0; return x; }
  if (typeof x === "number" && Number.isFinite(x)) { if (budget && (budget.left -= 24) < 0) throw 0; return x; }
  // JSON.parse reads `1e400` as Infinity, where format/json.rs refuses it.
  if (typeof x === "number" && !budget) throw "invalid JSON: number out of range";
  if (levels < 1) throw TOO_DEEP;
  if (budget && (typeof x !== "object" || x.toJSON !== undefined || !(Array.isArray(x) || plain(x)) || (budget.left -= 2) < 0)) throw 0;
  // Index loops, not for…of: a page may have replaced the array iterator.
  if (Array.isArray(x)) {
    const n = x.length, out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = copy(x[i], levels - 1, budget);
    return out;
  }
  // Without a prototype, a member named "__proto__" is a member like any other.
  const out = Object.create(null), names = Object.keys(x);
  for (let i = 0; i < names.length; i++) {
    if (budget && (budget.left -= names[i].length + 4) < 0) throw 0;
    out[names[i]] = copy(x[names[i]], levels - 1, budget);
  }
  return out;
}

const plain = (o) => { const p = Object.getPrototypeOf(o); return p === Object.prototype || p === null; };
