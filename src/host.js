// What the card needs from the page, in a few calls from src/wasm_api.rs:
// reading the input, errors and events, mounting (shadow root, shared
// stylesheet, the host's own children kept), the reader's clicks (links,
// Show more, Copy link) and dates through Intl. Plain DOM calls; no string
// is ever parsed as HTML. Kept here rather than as dozens of web-sys
// imports: each import costs glue code and a boundary crossing.

// The brief or options in the flat form src/json_tokens.rs reads (the
// module has no JSON parser of its own). Strings are JSON text, read by
// JSON.parse. Anything else is JSON text as JSON.stringify writes it, read
// back: by then every value is plain data. Most hosts pass plain data in the
// first place, which is read directly, in a third of the time; anything
// JSON.stringify has rules for (toJSON, undefined, functions, classes,
// NaN, depth, cycles, a throwing getter) takes the long way. Throws the
// message of the problem.
export function json_form(v, what, limit) {
  if (v !== null && typeof v === "object") {
    // At most 8 bytes of JSON text per character read (`\u0001`, `,"":`),
    // so a form this short stands for text within the limit.
    try { return form(v, limit / 8); } catch {}
  }
  let t = v;
  if (typeof v !== "string") {
    const found = v === null ? "null" : typeof v;
    if (v == null || found === "function" || found === "symbol") throw `expected ${what}, found ${found}`;
    try { t = JSON.stringify(v); } catch (e) { throw `could not be read as JSON: ${e?.message ?? "unknown error"}`; }
    if (typeof t !== "string") throw `expected ${what}, found ${found}`;
  }
  // Refused before it is copied into wasm memory, which never shrinks; a
  // character is at most 3 bytes, so only long text is counted in bytes.
  if (t.length > limit) throw `input is ${t.length} characters; the limit is ${limit} bytes`;
  const bytes = t.length * 3 > limit ? utf8.encode(t).length : 0;
  if (bytes > limit) throw `input is ${bytes} bytes; the limit is ${limit} bytes`;
  let value;
  // A byte-order mark is not JSON, but editors write one.
  try { value = JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t); } catch (e) { throw `invalid JSON: ${e.message}`; }
  return form(value, 0);
}

// `value` in the flat form. `max` > 0: the host's own value, which throws
// (anything) at the first thing that is not plain data, deeper than JSON
// text may nest, or once the form is longer than `max` (checked at each
// object or array, so that a huge one is given up early, not walked whole
// before JSON.stringify refuses it); else (0) a value from JSON.parse.
function form(value, max) {
  const direct = max > 0;
  let out = "";
  const text = (mark, s) => { out += mark + (s.includes("\0") ? s.replaceAll("\0", "\0\x01") : s) + "\0"; };
  // Index loops, not for…of: a page may have replaced the array iterator.
  const write = (x, depth) => {
    if (x === null) out += "n";
    else if (typeof x === "boolean") out += x ? "t" : "f";
    else if (typeof x === "string") text('"', x);
    else if (typeof x === "number" && Number.isFinite(x)) text("#", String(x));
    else if (depth > 16) throw "invalid JSON: nested too deeply (the limit is 16 levels)"; // limits::MAX_DEPTH
    else if (direct && (typeof x !== "object" || x.toJSON !== undefined || !(Array.isArray(x) || plain(x)) || out.length > max)) throw 0;
    else if (Array.isArray(x)) { out += "["; for (let i = 0; i < x.length; i++) write(x[i], depth + 1); out += "]"; }
    else { out += "{"; const names = Object.keys(x); for (let i = 0; i < names.length; i++) { text('"', names[i]); write(x[names[i]], depth + 1); } out += "}"; }
  };
  write(value, 0);
  if (direct && out.length > max) throw 0;
  return out;
}

const plain = (o) => { const p = Object.getPrototypeOf(o); return p === Object.prototype || p === null; };

// [{path, message}] from strings laid out as in dom_builder.js: path, message, path, …
export function problems(text, ends) {
  const list = [];
  for (let i = 0, from = 0; i < ends.length; i += 2) {
    list.push({ path: text.substring(from, ends[i]), message: text.substring(ends[i], ends[i + 1]) });
    from = ends[i + 1];
  }
  return list;
}

// A JS string as a Rust one, "" for anything else: what host.js threw (it
// throws only strings), a card's options form, a date, a URL. In two steps:
// the string is held here and the room its UTF-8 needs returned (a byte per
// UTF-16 unit when all are ASCII, else at most three); the module allocates
// that much and has it written in (take_text, straight away), which returns
// the bytes written. Straight into the module's memory, with no buffer in
// between. wasm-bindgen's own String return would cost the module its
// boxed-slice code and the glue its string writer (-0.5 KB gzip).
const utf8 = new TextEncoder(), NON_ASCII = /[^\0-\x7f]/;
let held = "";
export function text_of(v) {
  held = typeof v === "string" ? v : "";
  return NON_ASCII.test(held) ? held.length * 3 : held.length;
}
export function take_text(into) {
  const { written } = utf8.encodeInto(held, into);
  held = "";
  return written;
}

export function error(message, problems) {
  const e = new Error(message);
  e.problems = problems;
  return e;
}

// A bubbling, composed event on the target; false if a listener cancelled it.
const emit = (target, name, detail, cancelable = false) =>
  target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
export const rendered = (target, count) => emit(target, "brief-card:render", { count });
export const failed = (target, problems) => emit(target, "brief-card:error", { reason: "invalid", problems }); // the reason as <brief-card> names it

// undefined or null (one import where wasm-bindgen's is_undefined and is_null
// are two). Not `v === undefined || v === null`, which terser writes as
// `v == null`, true of document.all too (then options, refused as before).
export const is_none = (v) => v === null || Object.is(v, undefined);

// An element of any document, an iframe's too (whose Element is another
// class): Node's own nodeType getter checks what the value really is, and
// throws for anything that only looks like a node (a Proxy, {nodeType: 1}).
let nodeType; // looked up at first use: in Node.js (renderBriefHtml) there is no Node class
export function is_element(v) {
  try {
    nodeType ??= Object.getOwnPropertyDescriptor(Node.prototype, "nodeType").get;
    return nodeType.call(v) === 1;
  } catch { return false; }
}

// ---- mounting ------------------------------------------------------------

let css, sheet; // one constructable stylesheet per page, shared by every card
export function set_css(text) {
  css = text;
  try { sheet = new CSSStyleSheet(); sheet.replaceSync(text); } catch { sheet = null; }
}

// The handle renderBrief returns (BriefCard in the types), which holds all
// of a card's state (the module keeps none, so there is nothing to free):
// `onto` is where the card is (the target's shadow root, or the target),
// `o` the form of the options it was rendered with (from json_form, ""
// for the defaults; null once destroyed), which update() reads back, so
// that the host's changes to its options object after rendering change
// nothing. update() is the module's `update` export, a function of `this`
// (src/wasm_api.rs), which scripts/package.mjs makes Card's method.
//
// The constructor puts what build_dom built in place (the target's open
// shadow root unless `shadow` is false); it throws the message if the target
// cannot hold a shadow root, before anything changed.
export class Card {
  constructor(target, built, shadow, options) {
    let root = target, saved = null, fresh = false;
    if (shadow) {
      try { root = target.shadowRoot ?? ((fresh = true), target.attachShadow({ mode: "open" })); } catch (e) {
        throw `cannot hold a shadow root (${e?.message}); render with { shadow: false }`;
      }
    } else {
      saved = target.ownerDocument.createDocumentFragment();
      while (target.firstChild) saved.appendChild(target.firstChild);
    }
    if (!adopt(shadow ? root : target.ownerDocument, shadow && fresh)) {
      // Without constructable sheets: a <style>, kept before the card (a strict style-src blocks it; adopted sheets it does not).
      this.styleEl = target.ownerDocument.createElement("style");
      this.styleEl.textContent = css;
    }
    root.addEventListener("click", onClick);
    // dom_builder.js's update_dom reads target, built and show.
    this.target = target; this.onto = root; this.saved = saved; this.built = built; this.o = options;
    this.show(built.frag);
    built.frag = null;
    reveal(root);
  }

  show(frag) {
    if (this.styleEl) this.onto.replaceChildren(this.styleEl, frag); else this.onto.replaceChildren(frag);
  }

  // Removes the card and its listener; the target shows what it had before
  // (in a shadow root, a <slot> lets the host's own children, its fallback,
  // show again). Once only: then update() throws.
  destroy() {
    const { onto: root, saved } = this;
    if (this.o == null) return;
    this.o = this.built = null;
    root.removeEventListener("click", onClick);
    if (saved) root.replaceChildren(saved);
    else root.replaceChildren(root.ownerDocument.createElement("slot"));
  }

  // Kept from when the module held a handle per card: now nothing to release.
  free() {}
  // The same for `using` (where there is no Symbol.dispose, this is free again).
  [Symbol.dispose ?? "free"]() {}
}

// What src/wasm_api.rs's update reads of `this` (anything a host calls it with).
export const card_options = (card) => (card instanceof Card ? card.o : null);
export const card_target = (card) => card.target;

// Adds the shared sheet to a shadow root or document; false where it cannot
// (no constructable sheets, or another document's). A root of our own
// (`fresh`) takes it as it is: reading the list back costs more than the
// rest of mounting.
function adopt(where, fresh) {
  try {
    if (!sheet) return false;
    if (fresh) where.adoptedStyleSheets = [sheet];
    else if (!where.adoptedStyleSheets.includes(sheet)) where.adoptedStyleSheets = [...where.adoptedStyleSheets, sheet];
    return true;
  } catch { return false; }
}

// Deep links: when the page's #fragment names this card or one of its quotes, scroll to it and highlight it.
function reveal(root) {
  const id = location.hash.slice(1); // read each time (0.5 µs): a script may change it between two renders
  if (!/^[\w.:-]+$/.test(id)) return;
  const el = root.querySelector(`[id="${id}"]`);
  if (el) { el.classList.add("bc-target"); el.scrollIntoView(); }
}

// ---- the reader's clicks: one delegated listener for every card ------------

function onClick(ev) {
  // nodeType, not instanceof: a card in an iframe has that window's classes.
  const el = ev.target, root = ev.currentTarget, host = root.nodeType === 11 ? root.host : root;
  if (el?.nodeType !== 1) return;
  const block = (e) => e.closest("[data-block]")?.getAttribute("data-block") ?? "card";
  let b;
  if ((b = el.closest("a[href]"))) {
    if (!emit(host, "brief-card:link", { url: b.href, block: block(b) }, true)) ev.preventDefault();
  } else if ((b = el.closest("button.bc-toggle"))) {
    const expanded = b.getAttribute("aria-expanded") !== "true";
    b.previousElementSibling?.toggleAttribute("hidden", !expanded);
    b.setAttribute("aria-expanded", expanded);
    b.textContent = b.getAttribute(expanded ? "data-less" : "data-more");
    emit(host, "brief-card:toggle", { block: block(b), expanded });
  } else if ((b = el.closest("button.bc-copy"))) {
    copy(b);
  }
}

// Copies the deep link page#anchor (Clipboard API, else a hidden textarea
// and execCommand) and announces it in the card's status line once copied.
function copy(button) {
  const url = `${location.href.split("#")[0]}#${button.getAttribute("data-anchor")}`;
  const done = () => {
    const status = button.closest("article")?.querySelector(".bc-status");
    if (status) { status.textContent = ""; status.textContent = button.getAttribute("data-done"); }
    button.setAttribute("data-copied", url);
  };
  const fallback = () => { if (copyWithTextarea(button, url)) done(); };
  let p;
  try { p = navigator.clipboard.writeText(url); } catch { return fallback(); }
  // The Clipboard API may still refuse (no permission, an iframe): then the fallback runs.
  Promise.resolve(p).then(done, fallback);
}

function copyWithTextarea(near, text) {
  const doc = near.ownerDocument, area = doc.createElement("textarea");
  area.textContent = text;
  area.setAttribute("aria-hidden", "true");
  area.className = "bc-offscreen";
  near.appendChild(area);
  area.select();
  let ok = false;
  try { ok = doc.execCommand("copy"); } catch {}
  area.remove();
  return ok;
}

// ---- dates in the reader's locale ------------------------------------------

// "June 13, 2023" in `locale` (the calendar date as written, so in UTC), or
// null where Intl refuses the locale (then Rust's own tables serve).
const formatters = new Map(), formatted = new Map(); // building a formatter costs far more than using it
export function format_date(year, month, day, locale) {
  const key = `${locale} ${year} ${month} ${day}`;
  let s = formatted.get(key);
  if (s === undefined) {
    let f = formatters.get(locale);
    if (f === undefined) {
      try { f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }); } catch { f = null; }
      if (formatters.size > 64) formatters.clear();
      formatters.set(locale, f);
    }
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0-99 as 19xx
    date.setUTCHours(12);
    s = f ? f.format(date) : null;
    if (formatted.size > 4096) formatted.clear();
    formatted.set(key, s);
  }
  return s;
}

// ---- the URL policy's one question to the browser's WHATWG parser (src/url_policy.rs) ----

// Where a checked relative reference goes against a checked base; undefined if nowhere.
export function url_resolve(base, reference) {
  try { return new URL(reference, base).href; } catch {}
}
