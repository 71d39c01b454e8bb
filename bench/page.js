// The in-page half of the benchmark (loaded by bench/index.html, driven by
// bench/run.mjs through page.evaluate). Both implementations are loaded in
// the same page; every measurement creates its own host elements in a fresh
// container and removes them afterwards.
import init, { renderBrief } from "/pkg/brief_card.js";
import { render } from "/bench/vanilla.js";
import { render as renderPlain } from "/bench/plain.js";

const wasm = await init();

export const impls = {
  widget: { render: (t, b, o) => renderBrief(t, b, o) },
  vanilla: { render },
  plain: { render: renderPlain },
};
const memories = { widget: wasm.memory };

// Other wasm-pack builds to compare (bench/compare.mjs): ?pkgs=a,b loads /pkgs/a/brief_card.js, …
for (const label of (new URLSearchParams(location.search).get("pkgs") || "").split(",").filter(Boolean)) {
  const m = await import(`/pkgs/${label}/brief_card.js`);
  memories[label] = (await m.default()).memory;
  impls[label] = { render: (t, b, o) => m.renderBrief(t, b, o) };
}

// The vanilla card with other stylesheets (bench/css-cost.mjs): ?css=a,b loads /bench/css/a.js, … as "css:a", …
for (const label of (new URLSearchParams(location.search).get("css") || "").split(",").filter(Boolean)) {
  impls[`css:${label}`] = { render: (await import(`/bench/css/${label}.js`)).render };
}

const gc = () => { if (typeof window.gc === "function") { window.gc(); window.gc(); } };
const layout = () => document.body.offsetHeight;
const now = () => performance.now();

function hosts(n) {
  const box = document.createElement("div");
  box.className = "bench-box";
  const list = new Array(n);
  for (let i = 0; i < n; i++) box.append((list[i] = document.createElement("div")));
  document.body.append(box);
  layout(); // the empty hosts are laid out before the clock starts
  return { box, list };
}

const state = {};

/** Card i's brief: `brief`, or with `{ variants: [...] }` (compare.mjs --vary) one of them in turn. */
const pick = (brief, i) => (brief?.variants ? brief.variants[i % brief.variants.length] : brief);

/** create N cards (each into its own host): {script, total} in ms. */
function create(name, n, brief, keep) {
  const impl = impls[name];
  const { box, list } = hosts(n);
  const cards = new Array(n);
  gc();
  const t0 = now();
  for (let i = 0; i < n; i++) cards[i] = impl.render(list[i], pick(brief, i));
  const t1 = now();
  layout();
  const t2 = now();
  if (keep) state[name] = { box, cards };
  else { for (const c of cards) c.destroy(); box.remove(); }
  return { script: t1 - t0, total: t2 - t0 };
}

/** create 1 card, `reps` times (fresh host each, layout after each): the mean. */
function createOne(name, brief, reps) {
  let script = 0, total = 0;
  for (let r = 0; r < reps; r++) {
    const m = create(name, 1, brief, false);
    script += m.script; total += m.total;
  }
  return { script: script / reps, total: total / reps };
}

function update(name, next) {
  const { cards } = state[name];
  gc();
  const t0 = now();
  for (const c of cards) c.update(next);
  const t1 = now();
  layout();
  const t2 = now();
  return { script: t1 - t0, total: t2 - t0 };
}

function destroy(name) {
  const { box, cards } = state[name];
  gc();
  const t0 = now();
  for (const c of cards) c.destroy();
  const t1 = now();
  layout();
  const t2 = now();
  box.remove();
  delete state[name];
  return { script: t1 - t0, total: t2 - t0 };
}

/** Renders n cards and keeps them (for the profiler): the script time. */
function renderMany(name, n, brief) {
  const { box, list } = hosts(n);
  const cards = new Array(n);
  gc();
  const t0 = now();
  for (let i = 0; i < n; i++) cards[i] = impls[name].render(list[i], pick(brief, i));
  const t1 = now();
  state[name] = { box, cards };
  return t1 - t0;
}

/** Script time only (no layout: the hosts sit in a display:none box): create, update, destroy n cards. */
function scriptRound(name, n, brief, next) {
  const impl = impls[name];
  const box = document.createElement("div");
  box.style.display = "none";
  const list = new Array(n);
  for (let i = 0; i < n; i++) box.append((list[i] = document.createElement("div")));
  document.body.append(box);
  const cards = new Array(n);
  gc();
  const t0 = now();
  for (let i = 0; i < n; i++) cards[i] = impl.render(list[i], pick(brief, i));
  const t1 = now();
  for (let i = 0; i < n; i++) cards[i].update(next);
  const t2 = now();
  for (let i = 0; i < n; i++) cards[i].destroy();
  const t3 = now();
  box.remove();
  return { create: t1 - t0, update: t2 - t1, destroy: t3 - t2 };
}

/** Updates the cards renderMany kept (for the profiler): the script time. */
function updateMany(name, next) {
  const { cards } = state[name];
  gc();
  const t0 = now();
  for (const c of cards) c.update(next);
  return now() - t0;
}

function renderOnce(name, brief, options) {
  const host = document.createElement("div");
  document.body.append(host);
  const events = [];
  host.addEventListener("brief-card:render", (e) => events.push({ detail: JSON.stringify(e.detail), bubbles: e.bubbles, composed: e.composed }));
  let error = null, card = null;
  try { card = impls[name].render(host, brief, options); } catch (e) { error = e.message; }
  const root = host.shadowRoot;
  const sheets = root ? root.adoptedStyleSheets.map((s) => Array.from(s.cssRules, (r) => r.cssText).join("\n")) : [];
  const out = { html: root ? root.innerHTML : null, events, sheets, error, mode: root?.mode ?? null };
  card?.destroy();
  out.afterDestroy = root ? root.innerHTML : null;
  host.remove();
  return out;
}

/** The DOM both implementations render, for the identity check. */
function identity(brief, options) {
  return { widget: renderOnce("widget", brief, options), vanilla: renderOnce("vanilla", brief, options) };
}

/** Whether one sheet object is shared by all cards of an implementation. */
function sharedSheet(name, brief) {
  const { box, list } = hosts(2);
  const cards = list.map((h) => impls[name].render(h, brief));
  const same = list[0].shadowRoot.adoptedStyleSheets[0] === list[1].shadowRoot.adoptedStyleSheets[0];
  cards.forEach((c) => c.destroy());
  box.remove();
  return same;
}

const wasmMemory = (name = "widget") => memories[name].buffer.byteLength;

window.bench = { create, createOne, update, destroy, renderMany, updateMany, scriptRound, identity, sharedSheet, wasmMemory, hasGc: typeof window.gc === "function", isolated: window.crossOriginIsolated };
window.benchReady = true;
