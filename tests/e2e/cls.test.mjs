// Cumulative layout shift while cards upgrade from their fallback. The
// recommended fallback is the card's own static HTML (renderBriefHtml or
// `brief-card render`), which the live card replaces at nearly the same size.
// The page is generated here so the fallback always matches the current
// renderer. CLS comes from PerformanceObserver("layout-shift", buffered).
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();
const cards = [
  ["flash-brief", "compact"], ["resumen-es", "compact"], ["gozaresh-fa", "compact"], ["minimal", "full"], ["resumen-es", "full"],
];

const page = (bodies) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Layout shift while cards upgrade</title>
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/brief-card.js"></script>
</head>
<body>
  <main>
    <h1>Briefs</h1>
    <p>Cards below upgrade from their fallback when the module has loaded.</p>
${cards.map(([b, layout], i) => `    <brief-card src="/briefs/${b}.json?delay=${150 + 120 * i}" layout="${layout}">${bodies[i]}</brief-card>`).join("\n")}
    <p id="after">Text after the cards, which moves if they change size.</p>
  </main>
</body>
</html>`;

async function measure(path) {
  const t = await open(env, null, { viewport: { width: 1000, height: 1400 } });
  await t.page.addInitScript(() => {
    window.__cls = { total: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls.total += e.value;
        window.__cls.shifts.push({ value: +e.value.toFixed(4), at: Math.round(e.startTime), nodes: e.sources.map((s) => s.node?.id || s.node?.nodeName) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await t.page.goto(env.base + path);
  await t.page.waitForFunction(() => [...document.querySelectorAll("brief-card")].every((e) => e.dataset.state === "rendered"), null, { timeout: 15000 });
  await t.page.waitForTimeout(400);
  const r = await t.page.evaluate(() => ({ ...window.__cls, heights: [...document.querySelectorAll("brief-card")].map((e) => Math.round(e.getBoundingClientRect().height)) }));
  await t.close();
  return r;
}

test("CLS < 0.1 while several cards upgrade from a static-HTML fallback", async () => {
  const t = await open(env, "/blank.html");
  const html = await t.page.evaluate(async (cards) => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    return Promise.all(cards.map(async ([b, layout]) => m.renderBriefHtml(await (await fetch(`/briefs/${b}.json`)).text(), { layout })));
  }, cards);
  // Fallback heights, to report how far the static HTML is from the live card.
  await writePage(env, "cls-static.html", page(html));
  const before = await t.page.goto(env.base + "/cls-static.html?nojs").then(() => t.page.$$eval("brief-card", (els) => els.map((e) => Math.round(e.getBoundingClientRect().height))));
  await t.close();
  const r = await measure("/cls-static.html");
  console.log(`CLS (static-HTML fallback): ${r.total.toFixed(4)}; card heights fallback→live: ${before.map((h, i) => `${h}→${r.heights[i]}`).join(", ")}`);
  if (r.shifts.length) console.log(`  shifts: ${JSON.stringify(r.shifts)}`);
  assert.ok(r.total < 0.1, `CLS ${r.total}`);
});

test("CLS with a one-line link fallback (reported; the host should reserve space)", async () => {
  await writePage(env, "cls-link.html", page(cards.map(([b]) => `<a href="https://example.org/briefs/${b}">Read the brief</a>`)));
  const r = await measure("/cls-link.html");
  console.log(`CLS (one-line link fallback, no reserved space): ${r.total.toFixed(4)}`);
  assert.ok(Number.isFinite(r.total));
});
