// What the card's stylesheet costs in layout: bench/vanilla.js (the widget's
// DOM, built by the same script every time) with src/card.css changed one
// rule at a time, against the plain card (bench/plain.js), creating N cards
// through layout in one page, the order rotating each round. Script time is
// the same for every variant, so the differences in total are layout.
//
//   node bench/css-cost.mjs [--n 1000] [--rounds 7] [--brief FILE] [--only a,b] [--css LABEL=FILE …]
//
// --css adds a whole stylesheet of your own as a variant (a candidate card.css).
// Prints, per variant, the median total and script, and the median of the
// per-round ratios to the plain card (each ratio from one round).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { launch, openBench, prepareRoot, repo, serve } from "./lib.mjs";

const argv = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const N = Number(opt("--n", 1000));
const ROUNDS = Number(opt("--rounds", 7));
const WARMUP = Number(opt("--warmup", 1));
const BRIEF = resolve(opt("--brief", join(repo, "www", "briefs", "flash-brief.json")));
const ONLY = opt("--only", null)?.split(",");
const brief = JSON.parse(await readFile(BRIEF, "utf8"));
const css = await readFile(join(repo, "src", "card.css"), "utf8");

/** Takes `re` out of `text`, failing if it is not there (so a variant cannot silently test nothing). */
const without = (text, re) => {
  const out = text.replace(re, "");
  if (out === text) throw new Error(`${re} not found in src/card.css`);
  return out;
};
const CV = "\n.bc-card{content-visibility:auto;contain-intrinsic-size:auto 40em}\n";
const removals = {
  "no container-type": (t) => without(t, /container-type:inline-size;?/g),
  "no text-wrap:balance": (t) => without(t, /;?text-wrap:balance/g),
  "no all:initial": (t) => without(without(t, /all:initial;?/g), /\.bc-feed,\.bc-card\{\}/g),
  "no clamp() padding": (t) => without(t, /;padding:clamp\([^;}]*/g),
  "no @container rules": (t) => without(t, /@container[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}/g),
};
const variants = {
  "card.css as it is": (t) => t,
  ...removals,
  "none of the five": (t) => Object.values(removals).reduce((x, f) => f(x), t),
  "+ content-visibility:auto": (t) => t + CV,
  "one-line sheet": () => ":host{display:block}",
};
for (const [label, file] of argv.flatMap((a, i) => (a === "--css" ? [argv[i + 1].split("=")] : []))) {
  const text = await readFile(resolve(file), "utf8");
  variants[label] = () => text;
}
const chosen = Object.keys(variants).filter((k) => !ONLY || ONLY.some((o) => k.includes(o)));

const { root, dispose } = await prepareRoot({ brief });
const vanillaSrc = await readFile(join(repo, "bench", "vanilla.js"), "utf8");
await mkdir(join(root, "bench", "css"), { recursive: true });
const labels = chosen.map((_, i) => `v${i}`);
for (const [i, k] of chosen.entries()) {
  await writeFile(join(root, "bench", "css", `${labels[i]}.js`), vanillaSrc.replace('"__CARD_CSS__"', () => JSON.stringify(variants[k](css))));
}
const server = await serve(root);
const browser = await launch();
const names = ["plain", ...labels.map((l) => `css:${l}`)];
const samples = Object.fromEntries(names.map((n) => [n, { total: [], script: [] }]));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
try {
  const { page } = await openBench(browser, server.base);
  await page.goto(`${server.base}/bench/index.html?css=${labels.join(",")}`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      const m = await page.evaluate(([n, k, b]) => window.bench.create(n, k, b, false), [name, N, brief]);
      if (r >= WARMUP) { samples[name].total.push(m.total); samples[name].script.push(m.script); }
    }
    console.error(`round ${r + 1}/${WARMUP + ROUNDS}${r < WARMUP ? " (warm-up)" : ""}: plain ${samples.plain.total.at(-1)?.toFixed(0) ?? "-"} ms`);
  }
} finally {
  await browser.close();
  await server.close();
  await dispose();
}
const plain = samples.plain;
console.log(`\ncreate ${N} cards, ${ROUNDS} rounds after ${WARMUP} warm-up, ${BRIEF.replace(repo + "/", "")}; medians; ratio = median over rounds of total / plain's total in that round\n`);
console.log("| stylesheet (vanilla.js's DOM) | total | script | total / plain |");
console.log("|---|---:|---:|---:|");
console.log(`| plain card (bench/plain.js) | ${median(plain.total).toFixed(0)} ms | ${median(plain.script).toFixed(0)} ms | 1.00x |`);
for (const [i, k] of chosen.entries()) {
  const s = samples[`css:${labels[i]}`];
  const ratios = s.total.map((t, j) => t / plain.total[j]);
  console.log(`| ${k} | ${median(s.total).toFixed(0)} ms | ${median(s.script).toFixed(0)} ms | ${median(ratios).toFixed(2)}x |`);
}
