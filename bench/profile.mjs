// Where the widget's create path spends its time, through the Chrome
// DevTools Protocol: call counts of the JS glue per card (precise coverage)
// and a sampling CPU profile of creating many cards (script only, no layout).
//
//   node bench/profile.mjs [--pkg DIR] [--n 300] [--impl widget|vanilla] [--brief FILE] [--json-text] [--vary N] [--top 30] [--update]
//
// --update profiles updating N cards in place instead of creating them.
//
// For wasm function names in the profile, profile a build whose wasm-opt
// keeps the name section: add "-g" to the wasm-opt flags in Cargo.toml's
// [package.metadata.wasm-pack.profile.release] (in a scratch copy), build,
// and pass its pkg/ with --pkg. --json-text passes the brief as JSON text
// instead of an object (no JSON.stringify on the way in).
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { launch, nextOf, openBench, prepareRoot, repo, serve, variantsOf } from "./lib.mjs";

const argv = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const PKG = resolve(opt("--pkg", join(repo, "pkg")));
const N = Number(opt("--n", 300));
const IMPL = opt("--impl", "widget");
const TOP = Number(opt("--top", 30));
const UPDATE = argv.includes("--update");
const BRIEF = resolve(opt("--brief", join(repo, "www", "briefs", "flash-brief.json")));
const briefObj = JSON.parse(await readFile(BRIEF, "utf8"));
const VARY = Number(opt("--vary", 0)); // N different briefs of the brief's structure, in turn (as compare.mjs --vary)
const brief = VARY ? variantsOf(briefObj, VARY) : argv.includes("--json-text") ? JSON.stringify(briefObj) : briefObj;

const { root, dispose } = await prepareRoot({ pkg: PKG, brief: briefObj });
const server = await serve(root);
const browser = await launch();
try {
  const { page } = await openBench(browser, server.base);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");

  // Warm up the JIT.
  for (let i = 0; i < 3; i++) {
    await page.evaluate(([n, k, b]) => window.bench.renderMany(n, k, b), [IMPL, 100, brief]);
    await page.evaluate((n) => window.bench.destroy(n), IMPL);
  }

  // 1. How many times each glue function runs for one card.
  await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  await cdp.send("Profiler.takePreciseCoverage");
  await page.evaluate(([n, b]) => window.bench.renderMany(n, 1, b), [IMPL, brief]);
  const cov = (await cdp.send("Profiler.takePreciseCoverage")).result;
  await cdp.send("Profiler.stopPreciseCoverage");
  await page.evaluate((n) => window.bench.destroy(n), IMPL);
  const counts = [];
  for (const s of cov) {
    if (!/brief_card\.js|vanilla\.js/.test(s.url)) continue;
    for (const f of s.functions) {
      const c = f.ranges[0].count;
      if (c > 0 && f.functionName) counts.push([f.functionName.replace(/_[0-9a-f]{16}$/, ""), c]);
    }
  }
  counts.sort((a, b) => b[1] - a[1]);
  const imports = counts.filter(([n]) => n.startsWith("__wbg_"));
  console.log(`\n== calls for ONE card (${IMPL}, ${BRIEF.replace(repo + "/", "")}): ${imports.reduce((s, [, c]) => s + c, 0)} wasm→JS import calls`);
  for (const [n, c] of counts.slice(0, 40)) console.log(`${String(c).padStart(6)}  ${n}`);

  // 2. A sampling CPU profile of creating N cards.
  await cdp.send("Profiler.setSamplingInterval", { interval: 25 });
  await page.evaluate(() => window.gc?.());
  let scriptMs, profile;
  if (UPDATE) {
    await page.evaluate(([n, k, b]) => window.bench.renderMany(n, k, b), [IMPL, N, brief]);
    const next = typeof brief === "string" ? JSON.stringify(nextOf(briefObj)) : nextOf(briefObj);
    await page.evaluate(() => window.gc?.());
    await cdp.send("Profiler.start");
    scriptMs = await page.evaluate(([n, b]) => window.bench.updateMany(n, b), [IMPL, next]);
    ({ profile } = await cdp.send("Profiler.stop"));
  } else {
    await cdp.send("Profiler.start");
    scriptMs = await page.evaluate(([n, k, b]) => window.bench.renderMany(n, k, b), [IMPL, N, brief]);
    ({ profile } = await cdp.send("Profiler.stop"));
  }
  await page.evaluate((n) => window.bench.destroy(n), IMPL);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Only samples taken inside the timed loop (under renderMany): not the
  // rendering update (style, layout, paint) the browser runs afterwards.
  const inLoop = new Map();
  const underLoop = (id) => {
    if (inLoop.has(id)) return inLoop.get(id);
    const n = byId.get(id);
    const r = n.callFrame.functionName === (UPDATE ? "updateMany" : "renderMany") || (parent.has(id) && underLoop(parent.get(id)));
    inLoop.set(id, r);
    return r;
  };
  const self = new Map();
  let outside = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!underLoop(profile.samples[i])) { outside += dt; continue; }
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const name = (n) => {
    const f = n.callFrame;
    const fn = f.functionName || "(anonymous)";
    return f.url.includes("brief_card.js") ? `glue ${fn.replace(/_[0-9a-f]{16}$/, "")}` : f.url.includes(".wasm") || f.url.startsWith("wasm") ? `wasm ${fn}` : f.url ? `${f.url.split("/").pop()} ${fn}` : fn;
  };
  const category = (n) => {
    const f = n.callFrame;
    if (f.url.includes(".wasm") || f.url.startsWith("wasm")) return "wasm (Rust: reading the input, validation, view, DOM sink, allocator)";
    if (f.url.includes("brief_card.js")) return "JS glue (imports: string decoding, externref table)";
    if (/^\((program|idle|root)\)$/.test(f.functionName)) return "(program: browser internals, e.g. style invalidation)";
    if (f.functionName === "(garbage collector)") return "(garbage collector)";
    if (!f.url) return "native (DOM API, JSON.stringify, TextDecoder, Intl)";
    return `other JS (${f.url.split("/").pop()})`;
  };
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const agg = (key) => {
    const m = new Map();
    for (const [id, t] of self) { const k = key(byId.get(id)); m.set(k, (m.get(k) ?? 0) + t); }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const pct = (t) => `${t.toFixed(1).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%`;
  console.log(`\n== CPU profile: ${N} cards ${UPDATE ? "updated" : "created"} by ${IMPL} in ${scriptMs.toFixed(1)} ms of script (${(scriptMs / N).toFixed(3)} ms per card); ${total.toFixed(1)} ms sampled in the loop (${outside.toFixed(0)} ms outside it left out)`);
  console.log("-- self time by category");
  for (const [k, t] of agg(category)) console.log(`${pct(t)}  ${k}`);
  console.log(`-- top ${TOP} functions by self time`);
  for (const [k, t] of agg(name).slice(0, TOP)) console.log(`${pct(t)}  ${k.slice(0, 140)}`);

  // Inclusive time of phases: a node counts once, under its outermost match.
  const inclusive = (re) => {
    const memo = new Map();
    const sub = (id) => {
      if (memo.has(id)) return memo.get(id);
      const n = byId.get(id);
      const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((s, c) => s + sub(c), 0);
      memo.set(id, t);
      return t;
    };
    let t = 0;
    for (const n of profile.nodes) {
      if (!re.test(name(n))) continue;
      let p = parent.get(n.id), nested = false;
      while (p !== undefined) { if (re.test(name(byId.get(p)))) { nested = true; break; } p = parent.get(p); }
      if (!nested) t += sub(n.id);
    }
    return t;
  };
  const phases = [
    ["the host's input copied (copy.js)", /copy\.js|glue __wbg_plain_copy/],
    ["the copy read into a serde_json::Value (serde-wasm-bindgen)", /wasm .*input(::|\.\.)value_of/],
    ["the Value read into the format types and validated", /wasm .*validate(::|\.\.)checked_document/],
    ["validation (Rust, incl. URL policy)", /wasm .*validate(::|\.\.)(document|Checker)/],
    ["URL policy (Rust)", /wasm .*url_policy/],
    ["JSON-LD mapping (Rust)", /wasm .*jsonld/],
    ["view tree into the DOM sink (Rust)", /wasm .*view(::|\.\.)document/],
    ["the card's nodes built (build.js, incl. cloneNode)", /glue __wbg_build|build\.js build/],
    ["mount: shadow root, stylesheet, listener (Rust + imports)", /wasm .*mount(::|\.\.)Mount(::|\.\.)new/],
    ["deep-link check (location.hash)", /wasm .*mount(::|\.\.)Mount(::|\.\.)reveal/],
    ["the render event (Rust + imports)", /wasm .*events(::|\.\.)rendered/],
    ["date formatting (Intl, via glue)", /format_date|glue __wbg_format|DateTimeFormat/],
    ["string decoding (getStringFromWasm0/TextDecoder)", /getStringFromWasm0|decodeText|^decode$/],
    ["strings handed to wasm (passStringToWasm0/encodeInto)", /passStringToWasm0|^encodeInto$/],
    ["cloneNode", /^cloneNode$/], ["createElement", /^createElement$/], ["setAttribute", /^setAttribute$/], ["appendChild", /^appendChild$/], ["createTextNode", /^createTextNode$/],
    ["attachShadow + adoptedStyleSheets", /^attachShadow$|adoptedStyleSheets/],
    ["dispatchEvent (render event)", /^dispatchEvent$/],
    ["replaceChildren", /^replaceChildren$/],
    ["allocator (dlmalloc)", /wasm .*(dlmalloc|malloc|__rust_alloc|__rust_dealloc|__rust_realloc)/],
  ];

  // Inclusive time by function: each sample counts once per function on its stack.
  const incl = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = name(byId.get(n));
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); }
    }
  }
  console.log(`-- top ${TOP} functions by inclusive time (what each spends, callees included)`);
  for (const [k, t] of [...incl].filter(([k]) => !/^(page\.js|\(root\))/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(t)}  ${k.slice(0, 140)}`);
  console.log("-- inclusive time of phases (outermost match)");
  for (const [label, re] of phases) { const t = inclusive(re); if (t > 0) console.log(`${pct(t)}  ${label}`); }
} finally {
  await browser.close();
  await server.close();
  await dispose();
}
