// Shared set-up of the benchmark (run.mjs) and the profiler (profile.mjs):
// the served root, the loopback server, the browser.
import { createRequire } from "node:module";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "..");
const require = createRequire(join(repo, "tools", "package.json"));
export const { chromium } = require("playwright-core");
const { createServer } = await import(join(repo, "tools", "serve.mjs"));

export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--js-flags=--expose-gc"];

/** A fresh headless Chromium (playwright gives it a fresh temporary user-data dir). */
export const launch = () => chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS, headless: true });

/** bench/vanilla.js with src/card.css inlined (what a hand-written widget would ship). */
export function buildVanilla() {
  const css = readFileSync(join(repo, "src", "card.css"), "utf8");
  const src = readFileSync(join(here, "vanilla.js"), "utf8");
  if (!src.includes('"__CARD_CSS__"')) throw new Error("bench/vanilla.js lost its CSS placeholder");
  return src.replace('"__CARD_CSS__"', () => JSON.stringify(css));
}

/** The brief of an update: the same shape with different text. */
export function nextOf(brief) {
  const next = structuredClone(brief);
  if (!Array.isArray(next)) {
    next.title = `${next.title} (updated)`;
    if (next.summary?.paragraphs?.length) next.summary.paragraphs[0] = `Updated: ${JSON.stringify(next.summary.paragraphs[0])}`;
  }
  return next;
}

/**
 * `n` briefs of the shape of `brief` whose every text differs (` #k` added;
 * ids, dates, languages and URLs kept, a path segment added to URLs): a
 * feed of different briefs of one structure, as `{ variants }` for page.js.
 */
export function variantsOf(brief, n) {
  const fixed = new Set(["date", "lang", "dir", "version", "id"]);
  const urls = new Set(["url", "href", "src", "logo"]);
  const vary = (v, k, key) => {
    if (typeof v === "string") return urls.has(key) ? v.replace(/^(https?:\/\/[^/?#]+)/, `$1/v${k}`) : fixed.has(key) ? v : `${v} #${k}`;
    if (Array.isArray(v)) return v.map((x) => vary(x, k, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, vary(x, k, kk)]));
    return v;
  };
  return { variants: Array.from({ length: n }, (_, k) => vary(brief, k, "")) };
}

const coldPage = (brief, imp, call, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cold</title>${head}</head>
<body style="margin:0"><div id="host"></div>
<script type="module">
${imp}
const brief = ${JSON.stringify(brief)};
const t0 = performance.now();
${call}
document.body.offsetHeight;
const t2 = performance.now();
window.__result = { total: t2, start: t0, init: t1 - t0, render: t2 - t1 };
</script></body></html>`;

/**
 * A temporary root holding www/ with `pkg` (the wasm package to measure)
 * in pkg/, and bench/: vanilla.js (CSS inlined), plain.js, page.js,
 * index.html and the cold pages for `brief`. Returns {root, vanilla (its text), dispose}.
 */
export async function prepareRoot({ pkg = join(repo, "pkg"), brief }) {
  const root = await mkdtemp(join(tmpdir(), "brief-card-bench-"));
  await cp(join(repo, "www"), root, { recursive: true });
  await rm(join(root, "pkg"), { recursive: true, force: true });
  await mkdir(join(root, "pkg"));
  for (const f of ["brief_card.js", "brief_card_bg.wasm"]) await cp(join(pkg, f), join(root, "pkg", f));
  // JS snippets (`#[wasm_bindgen(module = …)]` / inline_js), if the build has any.
  if (existsSync(join(pkg, "snippets"))) await cp(join(pkg, "snippets"), join(root, "pkg", "snippets"), { recursive: true });
  await mkdir(join(root, "bench"), { recursive: true });
  const vanilla = buildVanilla();
  await writeFile(join(root, "bench", "vanilla.js"), vanilla);
  await cp(join(here, "page.js"), join(root, "bench", "page.js"));
  await cp(join(here, "plain.js"), join(root, "bench", "plain.js"));
  await writeFile(join(root, "bench", "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head>` +
    `<body style="margin:0"><script type="module" src="/bench/page.js"></script></body></html>`);
  const widgetImport = `import init, { renderBrief } from "/pkg/brief_card.js";`;
  const widgetCall = `await init();\nconst t1 = performance.now();\nrenderBrief(document.getElementById("host"), brief);`;
  await writeFile(join(root, "bench", "cold-widget.html"), coldPage(brief, widgetImport, widgetCall));
  // The same with the two hints the README gives a page whose first screen shows a card.
  const hints = `<link rel="modulepreload" href="/pkg/brief_card.js"><link rel="preload" href="/pkg/brief_card_bg.wasm" as="fetch" crossorigin>`;
  await writeFile(join(root, "bench", "cold-widget-preload.html"), coldPage(brief, widgetImport, widgetCall, hints));
  await writeFile(join(root, "bench", "cold-vanilla.html"), coldPage(brief, `import { render } from "/bench/vanilla.js";`,
    `const t1 = performance.now();\nrender(document.getElementById("host"), brief);`));
  await writeFile(join(root, "bench", "cold-plain.html"), coldPage(brief, `import { render } from "/bench/plain.js";`,
    `const t1 = performance.now();\nrender(document.getElementById("host"), brief);`));
  return { root, vanilla, dispose: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Serves `root` on loopback through tools/serve.mjs, cross-origin isolated
 * (COOP + COEP) so that performance.now() has 5 µs resolution instead of 100 µs.
 */
export async function serve(root) {
  const handler = createServer(root).listeners("request")[0];
  const server = http.createServer((req, res) => {
    res.setHeader("cross-origin-opener-policy", "same-origin");
    res.setHeader("cross-origin-embedder-policy", "require-corp");
    handler(req, res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: async () => { server.closeAllConnections?.(); await new Promise((ok) => server.close(ok)); },
  };
}

/** Opens the benchmark page in a new context; resolves when window.bench is ready. */
export async function openBench(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`${base}/bench/index.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  return { context, page };
}

/** The files a page downloads for the widget: the wasm, the glue, its snippets, www/brief-card.js. */
export function widgetFiles(pkg) {
  const files = [join(pkg, "brief_card_bg.wasm"), join(pkg, "brief_card.js")];
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)); };
  if (existsSync(join(pkg, "snippets"))) walk(join(pkg, "snippets"));
  if (existsSync(join(repo, "www", "brief-card.js"))) files.push(join(repo, "www", "brief-card.js"));
  return files;
}
