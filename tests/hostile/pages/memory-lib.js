// In-page half of tests/hostile/memory.test.mjs.
import init, { renderBrief } from "/pkg/brief_card.js";

export const wasm = await init();
const stage = document.getElementById("stage");

export const memory = () => wasm.memory.buffer.byteLength;

/** Elements in the document, including those inside (nested) shadow roots, and the shadow roots. */
export function census() {
  let elements = 0, shadowRoots = 0;
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      elements++;
      if (el.shadowRoot) { shadowRoots++; walk(el.shadowRoot); }
    }
  };
  walk(document);
  return { elements, shadowRoots, light: document.getElementsByTagName("*").length };
}

const briefs = {};
export async function load(names) {
  for (const n of names) briefs[n] = await (await fetch(`/briefs/${n}.json`)).json();
  return Object.keys(briefs);
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/**
 * `count` cycles of renderBrief → update → destroy, alternating shadow and
 * light DOM, a fresh target each time (removed afterwards), and every fifth
 * cycle into one long-lived target that is reused. `free`: also call
 * handle.free() (which does nothing now that the module keeps no state per
 * card: hosts written for the old handle still call it), else the handle is
 * left to the garbage collector, as a host that only calls destroy() does.
 * Yields to the event loop every 250 cycles so that the collector can run.
 */
export async function cycles(count, { free = false, reused } = {}) {
  const names = Object.keys(briefs);
  const keep = reused ?? (stage.querySelector("#reused") || Object.assign(stage.appendChild(document.createElement("div")), { id: "reused" }));
  for (let i = 0; i < count; i++) {
    const fresh = i % 5 !== 0;
    const target = fresh ? stage.appendChild(document.createElement("div")) : keep;
    const a = briefs[names[i % names.length]], b = briefs[names[(i + 1) % names.length]];
    const handle = renderBrief(target, a, { shadow: fresh ? i % 2 === 0 : true, theme: ["light", "dark", "auto"][i % 3] });
    handle.update(b);
    handle.destroy();
    if (free) handle.free();
    if (fresh) target.remove();
    if (i % 250 === 249) await tick();
  }
  return memory();
}

/** `count` <brief-card> elements, each rendered (eagerly) from its `brief` property then removed. */
export async function elements(count) {
  await import("/brief-card.js");
  const names = Object.keys(briefs);
  let rendered = 0;
  for (let i = 0; i < count; i++) {
    const el = document.createElement("brief-card");
    el.setAttribute("loading", "eager");
    el.addEventListener("brief-card:render", () => rendered++, { once: true });
    el.brief = briefs[names[i % names.length]];
    stage.append(el);
    if (!el.shadowRoot?.querySelector("article")) await new Promise((r) => el.addEventListener("brief-card:render", r, { once: true }));
    el.remove();
    if (i % 100 === 99) await tick();
  }
  return { rendered, memory: memory() };
}
