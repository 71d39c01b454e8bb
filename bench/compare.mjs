// A/B of wasm builds against each other and the vanilla baseline, in one
// page (script time and total through layout, medians, alternating order).
// For trying a change to the widget: build it in a scratch copy, then
//
//   node bench/compare.mjs --pkg base=/work/main/pkg --pkg proto=/tmp/copy/pkg [--n 1000] [--rounds 9] [--brief FILE]
//   node bench/compare.mjs --script-only --pkg …   script time only (hosts in a display:none box, so no
//                                                  layout): many quick rounds (default 100 cards × 25 rounds)
//   --json-text passes the brief as JSON text instead of an object.
//   --vary N renders N different briefs of the brief's structure in turn (every
//   text differs), as a feed of different briefs would, instead of one brief.
//
// Ratios are against vanilla, measured in the same rounds, which also
// cancels out most of the machine's background load.
import { cp, mkdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, nextOf, openBench, prepareRoot, repo, serve, variantsOf } from "./lib.mjs";

const argv = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const pkgs = argv.flatMap((a, i) => (a === "--pkg" ? [argv[i + 1].split("=")] : []));
if (!pkgs.length) throw new Error("give at least one --pkg LABEL=DIR");
const SCRIPT_ONLY = argv.includes("--script-only");
const N = Number(opt("--n", SCRIPT_ONLY ? 100 : 1000));
const ROUNDS = Number(opt("--rounds", SCRIPT_ONLY ? 25 : 9));
const WARMUP = Number(opt("--warmup", 1));
const BRIEF = resolve(opt("--brief", join(repo, "www", "briefs", "flash-brief.json")));
const JSON_TEXT = argv.includes("--json-text");
const briefObj = JSON.parse(await readFile(BRIEF, "utf8"));
const VARY = Number(opt("--vary", 0));
const brief = VARY ? variantsOf(briefObj, VARY) : JSON_TEXT ? JSON.stringify(briefObj) : briefObj;
const next = JSON_TEXT ? JSON.stringify(nextOf(briefObj)) : nextOf(briefObj);

const { root, dispose } = await prepareRoot({ brief: briefObj });
for (const [label, dir] of pkgs) {
  await mkdir(join(root, "pkgs", label), { recursive: true });
  for (const f of ["brief_card.js", "brief_card_bg.wasm", "snippets"]) {
    if (existsSync(join(dir, f))) await cp(join(dir, f), join(root, "pkgs", label, f), { recursive: true });
  }
}
const server = await serve(root);
const browser = await launch();
const names = [...pkgs.map(([l]) => l), "vanilla"];
const samples = {};
const put = (k, v) => (samples[k] ??= []).push(v);
try {
  const { page } = await openBench(browser, server.base);
  await page.goto(`${server.base}/bench/index.html?pkgs=${pkgs.map(([l]) => l).join(",")}`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      if (SCRIPT_ONLY) {
        const m = await page.evaluate(([n, k, b, x]) => window.bench.scriptRound(n, k, b, x), [name, N, brief, next]);
        if (r >= WARMUP) for (const k of ["create", "update", "destroy"]) put(`${k} ${N}|${name}|script`, m[k]);
        continue;
      }
      const c = await page.evaluate(([n, k, b]) => window.bench.create(n, k, b, true), [name, N, brief]);
      const mem = name === "vanilla" ? 0 : await page.evaluate((n) => window.bench.wasmMemory(n), name);
      const u = await page.evaluate(([n, b]) => window.bench.update(n, b), [name, next]);
      const d = await page.evaluate((n) => window.bench.destroy(n), name);
      const one = await page.evaluate(([n, b]) => window.bench.createOne(n, b, 10), [name, brief]);
      if (r < WARMUP) continue;
      for (const [k, m] of [["create 1", one], [`create ${N}`, c], [`update ${N}`, u], [`destroy ${N}`, d]]) {
        put(`${k}|${name}|script`, m.script); put(`${k}|${name}|total`, m.total);
      }
      if (mem) put(`memory|${name}`, mem);
    }
    process.stderr.write(`round ${r + 1}/${WARMUP + ROUNDS}\r`);
  }
} finally {
  await browser.close();
  await server.close();
  await dispose();
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3));
console.log(`\n${BRIEF.replace(repo + "/", "")}${JSON_TEXT ? " (as JSON text)" : ""}, ${ROUNDS} rounds, medians in ms (ratio to vanilla)`);
const head = ["", ...names];
const rows = [];
for (const k of [...(SCRIPT_ONLY ? [] : ["create 1"]), `create ${N}`, `update ${N}`, `destroy ${N}`]) {
  for (const t of SCRIPT_ONLY ? ["script"] : ["script", "total"]) {
    const v = median(samples[`${k}|vanilla|${t}`]);
    rows.push([`${k} ${t}`, ...names.map((n) => { const m = median(samples[`${k}|${n}|${t}`]); return n === "vanilla" ? f(m) : `${f(m)} (${(m / v).toFixed(2)}x)`; })]);
  }
}
if (!SCRIPT_ONLY) rows.push(["wasm memory after create", ...names.map((n) => (n === "vanilla" ? "-" : `${(Math.max(...samples[`memory|${n}`]) / 1024).toFixed(0)} KB`))]);
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => "| " + r.map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i]))).join(" | ") + " |";
console.log(line(head));
console.log("|" + w.map((x, i) => (i ? "-".repeat(x + 1) + ":" : "-".repeat(x + 2))).join("|") + "|");
for (const r of rows) console.log(line(r));
