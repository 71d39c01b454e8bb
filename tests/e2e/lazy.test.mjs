// Lazy rendering (IntersectionObserver, 200px margin; loading="eager" opts
// out) and deep links into cards that are rendered lazily.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, rendered, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();
const state = (page) => page.$$eval("brief-card", (els) => Object.fromEntries(els.map((e) => [e.id, e.dataset.state === "rendered" && !!e.shadowRoot?.querySelector("article")])));

test("a card 3000px below renders only when scrolled near; loading=eager renders at once", async () => {
  const t = await open(env);
  const fetched = [];
  t.page.on("request", (r) => { if (r.url().includes("/briefs/")) fetched.push(new URL(r.url()).pathname); });
  await t.page.goto(env.base + "/lazy.html");
  await rendered(t.page, "#near, #far-eager");
  await t.page.waitForTimeout(300);
  assert.deepEqual(await state(t.page), { near: true, far: false, "far-eager": true, feed: false });
  assert.deepEqual(fetched.sort(), ["/briefs/minimal.json", "/briefs/resumen-es.json"], "far cards are not even fetched");
  assert.equal(await t.page.$eval("#far", (e) => e.shadowRoot), null, "no shadow root: the fallback shows");

  // 600px short of the card: still pending.
  const top = await t.page.$eval("#far", (e) => e.getBoundingClientRect().top + scrollY);
  await t.page.evaluate((y) => scrollTo(0, y), top - 800 - 600);
  await t.page.waitForTimeout(300);
  assert.equal((await state(t.page)).far, false);

  // Within the 200px margin: renders (before it is even on screen).
  await t.page.evaluate((y) => scrollTo(0, y), top - 800 - 150);
  await rendered(t.page, "#far");
  assert.equal((await state(t.page)).feed, false);
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("deep link #<id>-quote-1 into a lazy card: renders it, scrolls to the quote, highlights it", async () => {
  const t = await open(env, "/lazy.html#raisi-latin-america-tour-2023-quote-1");
  await rendered(t.page, "#far");
  await t.page.waitForTimeout(500); // cards near the target render too; scroll anchoring keeps it in view
  const q = await t.page.$eval("#far", (e) => {
    const el = e.shadowRoot.querySelector(".bc-target");
    const r = el?.getBoundingClientRect();
    return el && { id: el.id, cls: el.className, top: r.top, bottom: r.bottom, vh: innerHeight, scrolled: scrollY };
  });
  assert.ok(q, "a .bc-target element");
  assert.equal(q.id, "raisi-latin-america-tour-2023-quote-1");
  assert.match(q.cls, /\bbc-quote\b/);
  assert.ok(q.scrolled > 2000, `scrolled down (${q.scrolled})`);
  assert.ok(q.top >= 0 && q.top < q.vh, `the quote is in view (top ${q.top}, viewport ${q.vh})`);
  assert.equal((await state(t.page)).feed, false, "cards the hash does not name stay lazy");
  await t.close();
});

test("deep link #<id> to a brief inside a lazy feed", async () => {
  const t = await open(env, "/lazy.html#raisi-latin-america-tour-2023-2");
  await rendered(t.page, "#feed");
  await t.page.waitForTimeout(500);
  const r = await t.page.$eval("#feed", (e) => {
    const el = e.shadowRoot.querySelector(".bc-target");
    const b = el?.getBoundingClientRect();
    return el && { id: el.id, tag: el.localName, top: b.top, vh: innerHeight };
  });
  assert.deepEqual([r?.id, r?.tag], ["raisi-latin-america-tour-2023-2", "article"]);
  assert.ok(r.top >= 0 && r.top < r.vh, `in view (top ${r.top})`);
  await t.close();
});

test("a deep link followed on the page (hashchange) renders the lazy card it names and reveals the target", async () => {
  const t = await open(env, "/lazy.html");
  await rendered(t.page, "#near");
  assert.equal((await state(t.page)).feed, false);
  await t.page.evaluate(() => { location.hash = "raisi-latin-america-tour-2023-1"; });
  await rendered(t.page, "#feed");
  await t.page.waitForTimeout(300);
  const r = await t.page.$eval("#feed", (e) => {
    const el = e.shadowRoot.querySelector(".bc-target"), b = el?.getBoundingClientRect();
    return el && { id: el.id, inView: b.top >= 0 && b.top < innerHeight };
  });
  assert.deepEqual(r, { id: "raisi-latin-america-tour-2023-1", inView: true });
  // Following another link into the now rendered card moves the highlight.
  await t.page.evaluate(() => { location.hash = "raisi-latin-america-tour-2023-2"; });
  await t.page.waitForFunction(() => document.querySelector("#feed").shadowRoot.querySelector(".bc-target")?.id === "raisi-latin-america-tour-2023-2");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("focus reaching a lazy card's fallback renders the card at once and hands focus to its link; Tab goes on inside the card", async () => {
  // What an outside check found: the card rendered when the focused fallback scrolled near, the
  // fallback stopped showing, focus fell to <body>, and the next Tab skipped the whole card.
  const t = await open(env, "/lazy.html");
  await rendered(t.page, "#near");
  // A screen reader's list of links moves focus without scrolling: nothing comes near the viewport.
  const href = await t.page.$eval("#far a.fallback", (a) => (a.focus({ preventScroll: true }), a.href));
  await rendered(t.page, "#far");
  const where = () => t.page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return { host: host?.id ?? host?.localName, href: inner?.href ?? null, cls: inner?.className ?? null };
  });
  assert.deepEqual(await where(), { host: "far", href, cls: "bc-title-link" });
  await t.page.keyboard.press("Tab");
  const next = await where();
  assert.equal(next.host, "far", `Tab stays in the card (${JSON.stringify(next)})`);
  assert.notEqual(next.cls, "bc-title-link");
  assert.deepEqual(t.errors, []);
  await t.close();
});

// Where focus is, through open shadow roots: the ids of its hosts and its own class.
const focusPath = (page) => page.evaluate(() => {
  const path = [];
  for (let a = document.activeElement; a; a = a.shadowRoot?.activeElement) path.push(a.id || a.className || a.localName);
  return path;
});

test("focus handed over from the fallback: to the block's Show more when its link is collapsed, to the card when it has no link, and inside another component's shadow root", async () => {
  // What a review found: the fallback's (static card's) link to a paragraph past the fourth had a
  // hidden twin in the live card, and focus fell to <body>; so it did for a card with no link,
  // and for an element inside another component's shadow root.
  const paragraphs = Array.from({ length: 6 }, (_, i) => (i === 5 ? [{ text: "deep", href: "https://example.org/deep" }] : `P${i}`));
  const brief = (title, more) => JSON.stringify({ title, summary: { paragraphs: more ? paragraphs : ["only text"] } });
  const spacer = `<div style="height:4000px"></div>`;
  await writePage(env, "handover.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/brief-card.js"></script></head><body>
<p><a id="top" href="#x">top</a></p>${spacer}
<brief-card id="deep"><script type="application/json">${brief("Deep", true)}</script><a id="fb-deep" href="https://example.org/deep">deep</a></brief-card>
${spacer}
<brief-card id="plain"><script type="application/json">${brief("Plain", false)}</script><a id="fb-plain" href="https://example.org/plain">plain</a></brief-card>
${spacer}
<div id="outer"></div>
<script type="module">
  const root = document.querySelector("#outer").attachShadow({ mode: "open" });
  root.innerHTML = '<brief-card id="nested"><script type="application/json">${brief("Nested", false)}<\\/script><a id="fb-nested" href="https://example.org/n">n</a></brief-card>';
</script></body></html>`);
  const t = await open(env, "/handover.html");
  await t.page.waitForFunction(() => customElements.get("brief-card") && document.querySelector("#outer").shadowRoot);
  const focusIn = async (el, selector) => {
    await t.page.evaluate(([el, selector]) => {
      const host = el === "nested" ? document.querySelector("#outer").shadowRoot : document;
      host.querySelector(selector).focus({ preventScroll: true });
    }, [el, selector]);
  };
  await focusIn("deep", "#fb-deep");
  await rendered(t.page, "#deep");
  assert.deepEqual(await focusPath(t.page), ["deep", "bc-toggle"]);
  await focusIn("plain", "#fb-plain");
  await rendered(t.page, "#plain");
  assert.deepEqual(await focusPath(t.page), ["plain", "bc-card bc-light"]);
  await focusIn("nested", "#fb-nested");
  await t.page.waitForFunction(() => document.querySelector("#outer").shadowRoot.querySelector("brief-card").dataset.state === "rendered");
  assert.deepEqual(await focusPath(t.page), ["outer", "nested", "bc-card bc-light"]);
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("focus entering the fallback of an eager card that failed sends no second error", async () => {
  await writePage(env, "nowasm/eager-failed.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/nowasm/brief-card.js"></script></head><body>
<brief-card loading="eager"><script type="application/json">{"title":"t"}</script><a id="fb" href="https://example.org/">fallback</a></brief-card>
</body></html>`);
  const t = await open(env, "/nowasm/eager-failed.html");
  await t.page.evaluate(() => { window.__errors = []; document.addEventListener("brief-card:error", (e) => window.__errors.push(e.detail.reason)); });
  await t.page.waitForFunction(() => document.querySelector("brief-card").dataset.state === "error", null, { timeout: 15000 });
  await t.page.focus("#fb");
  await t.page.waitForTimeout(500);
  assert.equal(await t.page.evaluate(() => document.querySelector("brief-card").dataset.state), "error");
  assert.equal(t.errors.length, 1, t.errors.join("\n"));
  await t.close();
});
