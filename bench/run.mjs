// The benchmark: the wasm widget against two hand-written JavaScript cards,
// in one headless Chromium run: bench/vanilla.js (the widget's DOM and
// stylesheet, written by hand) and bench/plain.js (the same content in a
// DOM of its own with a short, ordinary stylesheet, as an outside benchmark
// would write it).
//
//   node bench/run.mjs                 build (scripts/build.sh), check, measure, print the table
//   node bench/run.mjs --no-build      use the pkg/ already built
//   options: --rounds N (9)  --warmup N (1)  --cold N (9)  --reps1 N (10)
//            --brief FILE (www/briefs/flash-brief.json)  --quick (3 rounds, 3 cold loads)
//            --pkg DIR (measure another wasm-pack build, e.g. a prototype's pkg/)
//            --skip-cold  --json FILE (write every sample as JSON)
//            --identity (step 1 only: the test command's check that the baseline still renders the widget's DOM)
//
// Steps:
//  1. DOM identity: for every www/briefs/*.json, with default and with
//     non-default options, both implementations render into shadow roots
//     whose serialized DOM (shadowRoot.innerHTML), render events and adopted
//     stylesheet must be identical; a diff is printed and the run fails if not.
//  2. Warm page (the three implementations loaded in one page, the order
//     rotating each round, GC before every timed step, a fresh container
//     of host elements for every measurement, removed afterwards): create 1
//     card (mean of --reps1 single creates per round), 100 and 1,000 cards,
//     update the 1,000 in place, destroy them. "script" is performance.now()
//     around the JS calls; "total" adds a forced layout (document.body.offsetHeight).
//     Medians over --rounds rounds after --warmup rounds.
//  3. Cold first card: a new browser context per load with the cache
//     disabled loads a page whose module script loads the implementation
//     (widget: glue + wasm fetch/compile/init; vanilla, plain: its script),
//     renders one card and forces layout; performance.now() at that point (ms
//     since navigation start). Medians over --cold loads of each, alternating;
//     the widget's page with the README's preload hints is reported too.
//  4. Download size (raw, gzip -9, brotli q11) and wasm memory after 1,000 cards.
import { execFileSync } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import zlib from "node:zlib";
import { launch, nextOf, openBench, prepareRoot, repo, serve, widgetFiles } from "./lib.mjs";

// ---- options -------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const quick = flag("--quick");
const ROUNDS = Number(opt("--rounds", quick ? 3 : 9));
const WARMUP = Number(opt("--warmup", 1));
const COLD = Number(opt("--cold", quick ? 3 : 9));
const REPS1 = Number(opt("--reps1", 10));
const BRIEF = resolve(opt("--brief", join(repo, "www", "briefs", "flash-brief.json")));
const JSON_OUT = opt("--json", null);
const PKG = resolve(opt("--pkg", join(repo, "pkg")));

const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...a);

// ---- build and the served root ---------------------------------------------------

if (!flag("--no-build")) {
  log("building: bash scripts/build.sh");
  execFileSync("bash", [join(repo, "scripts", "build.sh")], { stdio: "inherit" });
}
for (const f of ["brief_card_bg.wasm", "brief_card.js"]) {
  if (!existsSync(join(PKG, f))) throw new Error(`${join(PKG, f)} is missing: run without --no-build`);
}

const brief = JSON.parse(await readFile(BRIEF, "utf8"));
const next = nextOf(brief);
const { root, vanilla: vanillaBuilt, dispose } = await prepareRoot({ pkg: PKG, brief });
const server = await serve(root);
const base = server.base;

// ---- helpers ------------------------------------------------------------------------

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); const i = (s.length - 1) * q; const lo = Math.floor(i); return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo); };

/** A line diff (LCS) of two HTML serializations, one tag per line. */
function diff(a, b) {
  const A = a.split(/(?=<)/), B = b.split(/(?=<)/);
  const n = A.length, m = B.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) { out.push(`  ${A[i]}`); i++; j++; }
    else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) out.push(`+ ${B[j++]}`);
    else out.push(`- ${A[i++]}`);
  }
  // Changed lines with two lines of context.
  const keep = out.map((l, k) => out.slice(Math.max(0, k - 2), k + 3).some((x) => x[0] !== " "));
  return out.filter((_, k) => keep[k]).join("\n");
}

// ---- the run -------------------------------------------------------------------------

const browser = await launch();
let failed = false;
const samples = {};
const results = {};
try {
  steps: {
    const { context, page } = await openBench(browser, base);
    const env = await page.evaluate(() => ({ gc: window.bench.hasGc, isolated: window.bench.isolated, ua: navigator.userAgent }));
    log(`browser: ${env.ua.match(/Chrome\/[\d.]+/)?.[0]}, gc exposed: ${env.gc}, cross-origin isolated: ${env.isolated}`);

    // 1. DOM identity.
    const examples = (await readdir(join(repo, "www", "briefs"))).filter((f) => f.endsWith(".json")).sort();
    const optionSets = [undefined, { theme: "dark", layout: "compact", linkTarget: "_blank", locale: "de" },
      { theme: "auto", linkTarget: "_blank", labels: { tags: "Topics", readMore: "More" } }];
    let checked = 0;
    for (const f of examples) {
      const b = JSON.parse(await readFile(join(repo, "www", "briefs", f), "utf8"));
      for (const o of optionSets) {
        const r = await page.evaluate(([b, o]) => window.bench.identity(b, o), [b, o]);
        const what = `${f} with options ${JSON.stringify(o ?? {})}`;
        const problems = [];
        if (r.widget.error || r.vanilla.error) problems.push(`errors: widget ${r.widget.error}, vanilla ${r.vanilla.error}`);
        if (r.widget.html !== r.vanilla.html) problems.push(`shadow DOM differs (- widget, + vanilla):\n${diff(r.widget.html ?? "", r.vanilla.html ?? "")}`);
        for (const k of ["events", "sheets", "mode", "afterDestroy"]) {
          if (JSON.stringify(r.widget[k]) !== JSON.stringify(r.vanilla[k])) problems.push(`${k} differ: widget ${JSON.stringify(r.widget[k]).slice(0, 300)} vs vanilla ${JSON.stringify(r.vanilla[k]).slice(0, 300)}`);
        }
        if (r.widget.sheets.length !== 1) problems.push(`widget adopted ${r.widget.sheets.length} stylesheets`);
        if (problems.length) { failed = true; console.log(`DOM identity FAILED for ${what}:\n${problems.join("\n")}\n`); }
        checked++;
      }
    }
    for (const name of ["widget", "vanilla", "plain"]) {
      if (!(await page.evaluate(([n, b]) => window.bench.sharedSheet(n, b), [name, brief]))) { failed = true; console.log(`${name}: cards do not share one stylesheet`); }
    }
    if (failed) throw new Error("the vanilla baseline does not render the widget's DOM: fix bench/vanilla.js (or the view)");
    log(`DOM identity: ${checked} renders (${examples.length} briefs × ${optionSets.length} option sets) identical`);
    if (flag("--identity")) break steps; // --identity: this step only

    // 2. Warm measurements.
    const rows = ["create 1", "create 100", "create 1,000", "update 1,000", "destroy 1,000"];
    const IMPLS = ["widget", "vanilla", "plain"];
    for (const r of rows) for (const n of IMPLS) samples[`${r}|${n}|script`] = [], samples[`${r}|${n}|total`] = [];
    const put = (row, name, m) => { samples[`${row}|${name}|script`].push(m.script); samples[`${row}|${name}|total`].push(m.total); };
    const memory = [];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const measured = round >= WARMUP;
      const order = IMPLS.map((_, i) => IMPLS[(i + round) % IMPLS.length]);
      for (const name of order) {
        const m = await page.evaluate(([n, b, k]) => window.bench.createOne(n, b, k), [name, brief, REPS1]);
        if (measured) put("create 1", name, m);
      }
      for (const name of order) {
        const m = await page.evaluate(([n, b]) => window.bench.create(n, 100, b, false), [name, brief]);
        if (measured) put("create 100", name, m);
      }
      for (const name of order) {
        const c = await page.evaluate(([n, b]) => window.bench.create(n, 1000, b, true), [name, brief]);
        if (name === "widget") memory.push(await page.evaluate(() => window.bench.wasmMemory()));
        const u = await page.evaluate(([n, b]) => window.bench.update(n, b), [name, next]);
        const d = await page.evaluate((n) => window.bench.destroy(n), name);
        if (measured) { put("create 1,000", name, c); put("update 1,000", name, u); put("destroy 1,000", name, d); }
      }
      log(`round ${round + 1}/${WARMUP + ROUNDS}${measured ? "" : " (warm-up)"}: create 1,000 total widget ${samples["create 1,000|widget|total"].at(-1)?.toFixed(1) ?? "-"} ms, vanilla ${samples["create 1,000|vanilla|total"].at(-1)?.toFixed(1) ?? "-"} ms, plain ${samples["create 1,000|plain|total"].at(-1)?.toFixed(1) ?? "-"} ms`);
    }
    results.memory = { first: memory[0], last: memory.at(-1) };
    await context.close();

    // 3. Cold first card.
    if (!flag("--skip-cold")) {
      const pages = ["widget", "vanilla", "widget-preload", "plain"];
      for (const n of pages) samples[`cold|${n}|total`] = [], samples[`cold|${n}|start`] = [], samples[`cold|${n}|init`] = [], samples[`cold|${n}|render`] = [];
      for (let i = 0; i < COLD * pages.length; i++) {
        const round = Math.floor(i / pages.length), at = i % pages.length;
        const name = pages[round % 2 ? pages.length - 1 - at : at]; // w v wp p, p wp v w, …
        const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
        const p = await ctx.newPage();
        const cdp = await ctx.newCDPSession(p);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        await p.goto(`${base}/bench/cold-${name}.html`);
        const r = await p.waitForFunction(() => window.__result, null, { timeout: 30000 }).then((h) => h.jsonValue());
        for (const k of ["total", "start", "init", "render"]) samples[`cold|${name}|${k}`].push(r[k]);
        await ctx.close();
      }
      log(`cold loads: ${COLD} of each`);
    }
  }
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await browser.close();
  await server.close();
  await dispose();
}
if (failed) process.exit(1);
if (flag("--identity")) process.exit(0);

// ---- sizes --------------------------------------------------------------------------

const sizeOf = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
const sizes = { widget: { raw: 0, gzip: 0, brotli: 0 }, vanilla: sizeOf(Buffer.from(vanillaBuilt)), plain: sizeOf(readFileSync(join(repo, "bench", "plain.js"))), files: {} };
for (const f of widgetFiles(PKG)) {
  const s = sizeOf(readFileSync(f));
  sizes.files[f.replace(repo + "/", "")] = s;
  for (const k of ["raw", "gzip", "brotli"]) sizes.widget[k] += s[k];
}

// ---- the table ----------------------------------------------------------------------

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + " ms";
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const table = [];
// The targets of issue 15, against vanilla (v) and against the plain card (p).
const TARGETS = {
  "create 1,000|total": { v: 1.05, p: 1.25 }, "create 1,000|script": { v: 1.2, p: 1.3 },
  "update 1,000|total": { v: 1.2 }, "update 1,000|script": { v: 1.2 }, "destroy 1,000|total": { v: 1.2 }, "destroy 1,000|script": { v: 1.2 },
  "cold|total": { v: 1.25 },
};
const ratio = (w, b) => (b ? `${(w / b).toFixed(2)}x` : "-");
const targetText = (t) => (t ? [t.v && `v ≤ ${t.v.toFixed(2)}x`, t.p && `p ≤ ${t.p.toFixed(2)}x`].filter(Boolean).join(", ") : "");
const met = (t, w, v, p) => (t ? (!t.v || w / v <= t.v) && (!t.p || w / p <= t.p) : undefined);
const row = (label, w, v, p, fmt, target, ok) =>
  table.push([label, fmt(w), fmt(v), p === undefined ? "-" : fmt(p), ratio(w, v), p === undefined ? "-" : ratio(w, p), target ?? "", ok === undefined ? "" : ok ? "yes" : "NO"]);
const iqr = (xs) => [quantile(xs, 0.25), quantile(xs, 0.75)];
for (const r of ["create 1", "create 100", "create 1,000", "update 1,000", "destroy 1,000"]) {
  for (const k of ["script", "total"]) {
    const [w, v, p] = ["widget", "vanilla", "plain"].map((n) => median(samples[`${r}|${n}|${k}`]));
    const t = TARGETS[`${r}|${k}`];
    results[`${r}|${k}`] = { widget: w, vanilla: v, plain: p, ratio: w / v, ratioPlain: w / p,
      widgetIqr: iqr(samples[`${r}|widget|${k}`]), vanillaIqr: iqr(samples[`${r}|vanilla|${k}`]), plainIqr: iqr(samples[`${r}|plain|${k}`]) };
    row(`${r} ${r === "create 1" ? "card" : "cards"}, ${k === "script" ? "script" : "total (through layout)"}`, w, v, p, ms, targetText(t), met(t, w, v, p));
  }
}
if (samples["cold|widget|total"]) {
  const [w, v, p] = ["widget", "vanilla", "plain"].map((n) => median(samples[`cold|${n}|total`]));
  results.cold = Object.fromEntries(["total", "start", "init", "render"].map((k) => [k, Object.fromEntries(["widget", "vanilla", "plain"].map((n) => [n, median(samples[`cold|${n}|${k}`])]))]));
  row("cold page: first card + layout (from navigation start)", w, v, p, ms);
  // Issue 15 sets the cold target for a page with the README's two hints
  // (the glue and the wasm fetched at once), so that row carries it.
  results.coldPreload = median(samples["cold|widget-preload|total"]);
  row("cold page with the README's preload hints (widget)", results.coldPreload, v, p, ms, targetText(TARGETS["cold|total"]), met(TARGETS["cold|total"], results.coldPreload, v, p));
}
row("download, raw", sizes.widget.raw, sizes.vanilla.raw, sizes.plain.raw, kb);
row("download, gzip -9", sizes.widget.gzip, sizes.vanilla.gzip, sizes.plain.gzip, kb, "< 64.0 KB", sizes.widget.gzip < 64 * 1024);
row("download, brotli q11", sizes.widget.brotli, sizes.vanilla.brotli, sizes.plain.brotli, kb);
table.push(["wasm memory after 1,000 cards (first / last round)", `${kb(results.memory.first)} / ${kb(results.memory.last)}`, "-", "-", "-", "-", "", ""]);

const head = ["", "widget (wasm)", "vanilla JS", "plain JS", "widget/vanilla", "widget/plain", "target", "met"];
const width = head.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join(" | ") + " |";
console.log(`\nbrief-card benchmark: ${BRIEF.replace(repo + "/", "")}, ${ROUNDS} rounds after ${WARMUP} warm-up (medians), ` +
  `create 1 = mean of ${REPS1} per round, ${COLD} cold loads each; headless Chromium, ${new Date().toISOString().slice(0, 10)}\n`);
console.log(line(head));
console.log("|" + width.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
for (const r of table) console.log(line(r));
if (results.cold) {
  const c = results.cold;
  console.log(`\ncold page breakdown (medians): module script starts at ${ms(c.start.widget)} (widget glue) / ${ms(c.start.vanilla)} (vanilla.js) / ${ms(c.start.plain)} (plain.js); ` +
    `wasm fetch+compile+init ${ms(c.init.widget)}; render + layout ${ms(c.render.widget)} (widget) / ${ms(c.render.vanilla)} (vanilla) / ${ms(c.render.plain)} (plain)`);
}
console.log(`download files: ${Object.entries(sizes.files).map(([f, s]) => `${f} ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B br`).join("; ")}; ` +
  `vanilla.js (with card.css inlined, unminified) ${sizes.vanilla.raw} B raw, ${sizes.vanilla.gzip} B gzip, ${sizes.vanilla.brotli} B br; ` +
  `plain.js (its stylesheet inlined, unminified) ${sizes.plain.raw} B raw, ${sizes.plain.gzip} B gzip, ${sizes.plain.brotli} B br`);
log("done");
if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ brief: BRIEF, rounds: ROUNDS, warmup: WARMUP, cold: COLD, results, sizes, samples }, null, 1));
