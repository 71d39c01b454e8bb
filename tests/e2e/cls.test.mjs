// Cumulative layout shift while cards upgrade from their fallback. The
// recommended fallback is the card's own static HTML (renderBriefHtml or
// `brief-card render`; `brief-card page` writes it that way), which the live
// card replaces at nearly the same size. Pages are generated here so the
// fallback always matches the current renderer. CLS comes from
// PerformanceObserver("layout-shift", buffered), and is printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();
const VIEWPORT = { width: 1000, height: 1400 };

const page = (cards, bodies) => `<!doctype html>
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

/** Writes the page with static-HTML fallbacks; returns the fallbacks' heights (no script). */
async function staticPage(name, cards) {
  const t = await open(env, "/blank.html");
  const html = await t.page.evaluate(async (cards) => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    return Promise.all(cards.map(async ([b, layout]) => m.renderBriefHtml(await (await fetch(`/briefs/${b}.json`)).text(), { layout })));
  }, cards);
  await t.close();
  await writePage(env, name, page(cards, html));
  const n = await open(env, `/${name}`, { viewport: VIEWPORT, javaScriptEnabled: false });
  const heights = await n.page.$$eval("brief-card", (els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
  await n.close();
  return heights;
}

async function measure(path) {
  const t = await open(env, null, { viewport: VIEWPORT });
  await t.page.addInitScript(() => {
    window.__cls = { total: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls.total += e.value;
        window.__cls.shifts.push(+e.value.toFixed(4));
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await t.page.goto(env.base + path);
  await t.page.waitForFunction(() => [...document.querySelectorAll("brief-card")].every((e) => e.dataset.state === "rendered"), null, { timeout: 15000 });
  await t.page.waitForTimeout(300);
  const r = await t.page.evaluate(() => ({ ...window.__cls, heights: [...document.querySelectorAll("brief-card")].map((e) => Math.round(e.getBoundingClientRect().height)) }));
  await t.close();
  return r;
}

const report = (what, r, before) => console.log(`CLS (${what}): ${r.total.toFixed(4)}; shifts ${JSON.stringify(r.shifts)}` +
  (before ? `; card heights fallback→live: ${before.map((h, i) => `${h}→${r.heights[i]}`).join(", ")}` : ""));

test("CLS < 0.1 while several full cards upgrade from a static-HTML fallback", async () => {
  const cards = [["resumen-es", "full"], ["gozaresh-fa", "full"], ["minimal", "full"], ["flash-brief", "full"]];
  const before = await staticPage("cls-full.html", cards);
  const r = await measure("/cls-full.html");
  report("full cards, static-HTML fallback", r, before);
  assert.ok(r.total < 0.1, `CLS ${r.total}`);
});

// The static HTML has the compact rules too (card.css, through src/render/style.rs).
// A card with an id but no url differs by its footer: the live card adds a
// "Copy link" button, which needs script, so static HTML has no footer.
test("CLS < 0.1 while compact cards upgrade from a static-HTML fallback", async () => {
  const cards = [["flash-brief", "compact"], ["resumen-es", "compact"], ["gozaresh-fa", "compact"], ["minimal", "compact"], ["feed", "compact"]];
  const before = await staticPage("cls-compact.html", cards);
  const r = await measure("/cls-compact.html");
  report("compact cards, static-HTML fallback", r, before);
  for (const [i, h] of before.entries()) assert.ok(Math.abs(h - r.heights[i]) <= 0.25 * r.heights[i], `card ${i}: fallback ${h}px, live ${r.heights[i]}px`);
  assert.ok(r.total < 0.1, `CLS ${r.total}`);
});

test("CLS with a one-line link fallback and no reserved space (reported only)", async () => {
  const cards = [["flash-brief", "compact"], ["resumen-es", "compact"], ["gozaresh-fa", "compact"], ["minimal", "full"]];
  await writePage(env, "cls-link.html", page(cards, cards.map(([b]) => `<a href="https://example.org/briefs/${b}">Read the brief</a>`)));
  const r = await measure("/cls-link.html");
  report("one-line link fallback, no reserved space", r);
  assert.ok(Number.isFinite(r.total));
});

// An image whose size the brief gives (`image.width`, `height`) keeps its
// space while it loads; one without moves everything below it when it
// arrives. The image is held back until the card has rendered.
test("a sized image keeps its space while it loads; an unsized one shifts the page", async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="#8ab"/></svg>`;
  const shiftWhileLoading = async (size) => {
    const brief = { title: "A brief with a lead image", image: { src: "/lead.svg", alt: "A lead image", ...size }, summary: { paragraphs: ["Text below the image."] } };
    await writePage(env, "cls-image.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Image</title>
<script type="module" src="/brief-card.js"></script></head><body><brief-card loading="eager"><script type="application/json">${JSON.stringify(brief)}</script></brief-card>
<p id="after">Text after the card.</p></body></html>`);
    const t = await open(env, null, { viewport: { width: 800, height: 1200 } });
    let release;
    const held = new Promise((r) => (release = r));
    await t.page.route("**/lead.svg", async (route) => { await held; await route.fulfill({ contentType: "image/svg+xml", body: svg }); });
    await t.page.goto(env.base + "/cls-image.html");
    await t.page.waitForFunction(() => document.querySelector("brief-card")?.dataset.state === "rendered");
    const top = () => t.page.$eval("#after", (e) => e.getBoundingClientRect().top);
    const before = await top();
    await t.page.evaluate(() => { window.__shift = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: "layout-shift" }); });
    release();
    await t.page.waitForFunction(() => document.querySelector("brief-card").shadowRoot.querySelector("img")?.complete);
    await t.page.waitForTimeout(300);
    const r = { moved: (await top()) - before, shift: await t.page.evaluate(() => window.__shift) };
    assert.deepEqual(t.errors, []);
    await t.close();
    return r;
  };
  const sized = await shiftWhileLoading({ width: 1200, height: 675 });
  const unsized = await shiftWhileLoading({});
  console.log(`image load: sized moved the text below by ${sized.moved}px (shift ${sized.shift.toFixed(4)}); unsized by ${unsized.moved}px (shift ${unsized.shift.toFixed(4)})`);
  assert.equal(sized.moved, 0, "the sized image's space was kept");
  assert.equal(sized.shift, 0);
  assert.ok(unsized.moved > 100 && unsized.shift > 0, `an unsized image moves what follows (${unsized.moved}px)`);
});
