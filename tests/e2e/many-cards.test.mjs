// A page of many cards rendered with renderBrief, most of them far below the
// viewport: find-in-page, deep links (#id scrolls to the card, or to a quote
// in it, and it stays there), printing (every card laid out) and the
// accessibility tree (far cards' headings, text and links are there for
// screen readers). These hold today; they are what `content-visibility:
// auto` on the card (tried for the layout cost, bench/README.md) broke in
// Chromium 156: deep links and the accessibility tree failed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();
const N = 40;

// Card k: the flash brief with id card-k and a word only it has.
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Many cards</title><link rel="stylesheet" href="/page.css"></head>
<body>
<main id="cards"></main>
<script type="module">
import init, { renderBrief } from "/pkg/brief_card.js";
await init();
const brief = await (await fetch("/briefs/flash-brief.json")).json();
const main = document.getElementById("cards");
for (let k = 1; k <= ${N}; k++) {
  const host = document.createElement("div");
  main.append(host);
  const b = structuredClone(brief);
  b.id = "card-" + k;
  b.title = b.title + " (" + k + ")";
  b.summary.paragraphs[1] = "Marker word zanzibar" + k + "x for this card. " + b.summary.paragraphs[1];
  renderBrief(host, b);
}
window.__done = true;
</script>
</body>
</html>`;

const ready = async (path) => {
  await writePage(env, "many.html", PAGE);
  const t = await open(env, path, { viewport: { width: 1000, height: 800 } });
  await t.page.waitForFunction(() => window.__done === true, null, { timeout: 15000 });
  return t;
};

/** Card k's article, through its host's shadow root. */
const cardOf = (k) => `document.querySelectorAll("#cards > div")[${k - 1}].shadowRoot.querySelector("article")`;

test("find-in-page finds the text of a card far below, and scrolls to it", async () => {
  const t = await ready("/many.html");
  const k = N - 2;
  const r = await t.page.evaluate(`(() => {
    const found = window.find("zanzibar${k}x", false, false, false, false, false, false);
    const card = ${cardOf(k)};
    // The document's selection stops at the shadow host; the root's own (Chromium) is inside.
    const sel = card.getRootNode().getSelection();
    const range = sel.rangeCount ? sel.getRangeAt(0) : null;
    const inCard = !!range && card.contains(range.startContainer) && sel.toString() === "zanzibar${k}x";
    const box = card.getBoundingClientRect();
    return { found, inCard, cardTop: box.top, cardBottom: box.bottom, vh: innerHeight, scrolled: scrollY };
  })()`);
  assert.equal(r.found, true, "window.find finds the text");
  assert.equal(r.inCard, true, "the selection is in that card");
  assert.ok(r.scrolled > 0 && r.cardTop < r.vh && r.cardBottom > 0, `the card is scrolled into view (${JSON.stringify(r)})`);
  await t.close();
});

for (const [hash, what] of [["card-30", "a card"], ["card-30-quote-1", "a quote in a card"]]) {
  test(`deep link #${hash} scrolls to ${what} among many, and it stays in view`, async () => {
    const t = await ready(`/many.html#${hash}`);
    const where = () => t.page.evaluate(`(() => {
      const el = document.querySelectorAll("#cards > div")[29].shadowRoot.querySelector(".bc-target");
      const b = el?.getBoundingClientRect();
      return el && { id: el.id, top: Math.round(b.top), vh: innerHeight };
    })()`);
    await t.page.waitForTimeout(300);
    const a = await where();
    await t.page.waitForTimeout(700); // neighbours near the viewport render meanwhile
    const b = await where();
    for (const r of [a, b]) {
      assert.equal(r?.id, hash);
      assert.ok(r.top >= 0 && r.top < 100, `the target is at the top of the viewport (top ${r.top})`);
    }
    await t.close();
  });
}

test("print lays out every card", async () => {
  const t = await ready("/many.html");
  await t.page.emulateMedia({ media: "print" });
  const r = await t.page.evaluate(`({
    cv: getComputedStyle(${cardOf(N)}).contentVisibility,
    last: ${cardOf(N)}.querySelector("h2").checkVisibility({ contentVisibilityAuto: true }),
    height: Math.round(${cardOf(N)}.getBoundingClientRect().height),
  })`);
  assert.notEqual(r.cv, "auto");
  assert.equal(r.last, true);
  await t.close();
});

test("cards far below are in the accessibility tree (headings, text, links)", async () => {
  const t = await ready("/many.html");
  const cdp = await t.context.newCDPSession(t.page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const named = (role, name) => nodes.filter((n) => !n.ignored && n.role?.value === role && String(n.name?.value ?? "").includes(name));
  const title = `Five-Day Tour of Latin American Countries (${N})`;
  assert.equal(named("heading", title).length, 1, "the last card's title is a heading in the tree");
  assert.ok(nodes.some((n) => !n.ignored && String(n.name?.value ?? "").includes(`zanzibar${N}x`)), "its text is in the tree");
  assert.ok(named("link", "Read the full brief").length >= N, "every card's read-more link is in the tree");
  assert.ok(named("article", "").length >= N, "every card is an article in the tree");
  await t.close();
});
