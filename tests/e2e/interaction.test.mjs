// Keyboard use, link and toggle events, copy link and deep links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { events, open, rendered, useBrowser } from "./helpers.mjs";

const env = useBrowser();

/** Focusable controls of the card, in DOM order, that are not hidden. */
const controls = (page) => page.$eval("#card", (host) =>
  [...host.shadowRoot.querySelectorAll("a[href], button")].filter((e) => e.checkVisibility()).map((e) => `${e.localName}.${e.className}|${e.textContent.trim()}`));

/** Presses Tab until focus leaves the card; returns what was focused inside, with its focus ring. */
async function tabThrough(page) {
  await page.focus("#before");
  const seen = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      if (a?.id !== "card") return { outside: a?.id || a?.localName };
      const e = a.shadowRoot.activeElement, cs = getComputedStyle(e), r = e.getBoundingClientRect();
      const accent = getComputedStyle(a.shadowRoot.querySelector("article")).borderTopColor;
      return {
        key: `${e.localName}.${e.className}|${e.textContent.trim()}`, visible: e.matches(":focus-visible"),
        ring: cs.outlineStyle !== "none" ? parseFloat(cs.outlineWidth) : 0, top: r.top + scrollY, left: r.left,
        // As the key lands, not after a transition: the ring's colour, and the element's own corners.
        ringIsAccent: cs.outlineColor === accent, radius: cs.borderTopLeftRadius,
      };
    });
    if (f.outside) return { seen, next: f.outside };
    seen.push(f);
  }
  throw new Error("focus never left the card");
}

async function ready(opts) {
  const t = await open(env, "/keyboard.html", opts);
  await rendered(t.page, "#card");
  return t;
}

test("Tab reaches every link and button in reading order, each with a visible focus ring", async () => {
  const t = await ready();
  const expected = await controls(t.page);
  const { seen, next } = await tabThrough(t.page);
  assert.deepEqual(seen.map((s) => s.key), expected, "focus order = DOM order of the visible controls");
  assert.equal(next, "after", "then focus leaves the card to the next page link");
  assert.ok(expected.length >= 15, `a realistic number of stops (${expected.length})`);
  for (const s of seen) {
    assert.ok(s.visible, `${s.key} matches :focus-visible`);
    assert.ok(s.ring > 0, `${s.key} has an outline (${s.ring}px)`);
    assert.ok(s.ringIsAccent, `${s.key}'s ring is the accent as soon as it has focus`);
    // A pill keeps its shape when focused (the ring follows it); a text link's ring is rounded.
    if (/bc-(read-more|chip)\b/.test(s.key)) assert.equal(s.radius, "999px", s.key);
    else if (s.key.startsWith("button.")) assert.equal(s.radius, "6px", s.key);
    else assert.equal(s.radius, "3px", s.key);
  }
  // Reading order: top to bottom, and left to right within a line (LTR brief).
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    assert.ok(b.top > a.top - 4 || (Math.abs(b.top - a.top) <= 4 && b.left > a.left), `${b.key} comes after ${a.key}`);
  }
  await t.close();
});

test("Show more with Enter and Space: aria-expanded, the region, brief-card:toggle", async () => {
  const t = await ready();
  const before = (await controls(t.page)).length;
  const toggle = await t.page.evaluateHandle(() => document.querySelector("#card").shadowRoot.querySelector(".bc-toggle"));
  const state = () => toggle.evaluate((b) => ({
    expanded: b.getAttribute("aria-expanded"), text: b.textContent,
    hidden: b.previousElementSibling.hidden, controls: b.getAttribute("aria-controls") === b.previousElementSibling.id,
  }));
  assert.deepEqual(await state(), { expanded: "false", text: "Show more", hidden: true, controls: true });
  await toggle.evaluate((b) => b.focus());
  await t.page.keyboard.press("Enter");
  assert.deepEqual(await state(), { expanded: "true", text: "Show less", hidden: false, controls: true });
  assert.ok((await controls(t.page)).length >= before, "revealed links are reachable");
  await t.page.keyboard.press("Space");
  assert.deepEqual(await state(), { expanded: "false", text: "Show more", hidden: true, controls: true });
  assert.deepEqual((await events(t.page, "toggle")).map((e) => [e.id, e.detail]), [
    ["card", { block: "summary", expanded: true }], ["card", { block: "summary", expanded: false }],
  ]);
  // The related list has its own toggle, and revealed links join the tab order.
  const rel = await t.page.evaluateHandle(() => document.querySelector("#card").shadowRoot.querySelector('[data-block="related"] .bc-toggle'));
  await rel.evaluate((b) => b.focus());
  await t.page.keyboard.press("Enter");
  assert.equal((await events(t.page, "toggle")).at(-1).detail.block, "related");
  const { seen } = await tabThrough(t.page);
  assert.ok(seen.some((s) => s.key.includes("Related analysis number 7")), "the 7th related link is now in the tab order");
  await t.close();
});

test("following a link fires brief-card:link with detail.url and detail.block (cancelable)", async () => {
  const t = await ready();
  await t.page.evaluate(() => document.addEventListener("brief-card:link", (e) => e.preventDefault()));
  const clicks = [
    [".bc-title-link", "https://example.org/briefs/long-brief", "header"],
    [".bc-summary .bc-link", "https://example.org/inline", "summary"],
    [".bc-quote .bc-author", "https://example.org/experts/ada", "quotes"],
    [".bc-related-link", "https://example.org/related/1", "related"],
    ["a.bc-chip", "https://example.org/tags/trade", "tags"],
    [".bc-read-more", "https://example.org/briefs/long-brief", "footer"],
  ];
  for (const [sel] of clicks) {
    const box = await t.page.evaluate((s) => {
      const e = document.querySelector("#card").shadowRoot.querySelector(s);
      e.scrollIntoView({ block: "center" });
      const r = e.getBoundingClientRect();
      return { x: r.left + Math.min(10, r.width / 2), y: r.top + r.height / 2 };
    }, sel);
    await t.page.mouse.click(box.x, box.y); // a real click
  }
  // A click on the inline link's <strong>/<em> child counts as the link too.
  const got = (await events(t.page, "link")).map((e) => [e.detail.url, e.detail.block]);
  assert.deepEqual(got, clicks.map(([, url, block]) => [url, block]));
  assert.equal(new URL(t.page.url()).pathname, "/keyboard.html", "cancelled: no navigation");
  await t.close();
});

// Without the Clipboard API (a plain-http page, an iframe without
// clipboard-write), the link is copied through a textarea the card selects:
// the keyboard's focus comes back to the button, not to the top of the page.
test("copy link without the Clipboard API keeps the keyboard's focus on the button", async () => {
  const t = await open(env);
  await t.page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  await t.page.goto(env.base + "/keyboard.html");
  await rendered(t.page, "#card");
  await t.page.evaluate(() => {
    const root = document.querySelector("#card").shadowRoot;
    // Where the copy's textarea goes: beside the button (a button holds no interactive content).
    window.__areaIn = [];
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n.localName === "textarea" && window.__areaIn.push(r.target.localName))))
      .observe(root, { childList: true, subtree: true });
    root.querySelector(".bc-quote .bc-copy").focus();
  });
  await t.page.keyboard.press("Enter");
  assert.deepEqual(await t.page.evaluate(() => window.__areaIn), ["figcaption"]);
  const after = await t.page.evaluate(() => {
    const root = document.querySelector("#card").shadowRoot;
    const button = root.activeElement;
    return { focused: button?.className, copied: button?.getAttribute("data-copied")?.split("#")[1], status: root.querySelector(".bc-status").textContent,
      words: button?.textContent, tick: getComputedStyle(button, "::after").content };
  });
  // A sighted reader sees a tick after the button's own words for a moment (screen readers hear the status line).
  assert.deepEqual(after, { focused: "bc-copy", copied: "long-brief-quote-1", status: "Link copied", words: "Copy link", tick: '"\u00a0✓" / ""' });
  await t.page.waitForFunction(() => getComputedStyle(document.querySelector("#card").shadowRoot.activeElement, "::after").content === "none", null, { timeout: 5000 });
  // The status line's words go with the tick: a screen reader that comes to it later finds no stale "Link copied".
  assert.equal(await t.page.evaluate(() => document.querySelector("#card").shadowRoot.querySelector(".bc-status").textContent), "");
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});

test("copy link puts page#<id> on the clipboard; opening it highlights the target", async () => {
  const t = await open(env);
  await t.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  await t.page.goto(env.base + "/keyboard.html?x=1#before");
  await rendered(t.page, "#card");
  const copy = async (sel) => {
    await t.page.evaluate((s) => document.querySelector("#card").shadowRoot.querySelector(s).scrollIntoView({ block: "center" }), sel);
    const box = await t.page.evaluate((s) => { const r = document.querySelector("#card").shadowRoot.querySelector(s).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, sel);
    await t.page.mouse.click(box.x, box.y);
    await t.page.waitForTimeout(100);
    return t.page.evaluate(() => navigator.clipboard.readText());
  };
  const page = `${env.base}/keyboard.html?x=1`;
  assert.equal(await copy(".bc-footer .bc-copy"), `${page}#long-brief`);
  const status = await t.page.$eval("#card", (e) => ({ text: e.shadowRoot.querySelector(".bc-status").textContent, role: e.shadowRoot.querySelector(".bc-status").getAttribute("role") }));
  assert.deepEqual(status, { text: "Link copied", role: "status" }, "announced to screen readers");
  const quoteLink = await copy(".bc-quote:nth-of-type(2) .bc-copy");
  assert.equal(quoteLink, `${page}#long-brief-quote-2`);
  assert.deepEqual(t.pageErrors, []);
  await t.close();

  // Round trip: open the copied link.
  const u = await open(env, null, { viewport: { width: 1000, height: 600 } });
  await u.page.goto(quoteLink);
  await rendered(u.page, "#card");
  await u.page.waitForTimeout(200);
  const target = await u.page.$eval("#card", (e) => {
    const el = e.shadowRoot.querySelector(".bc-target"), r = el?.getBoundingClientRect();
    return el && { id: el.id, inView: r.top >= 0 && r.bottom <= innerHeight + 1, outline: getComputedStyle(el).outlineStyle, n: e.shadowRoot.querySelectorAll(".bc-target").length };
  });
  assert.deepEqual(target, { id: "long-brief-quote-2", inView: true, outline: "solid", n: 1 });
  await u.close();
});

// copy_link waits for clipboard.writeText's Promise: a refusal runs the
// textarea fallback instead of an unhandled rejection.
test("copy link when the Clipboard API refuses (e.g. an iframe without clipboard-write): no uncaught error", async () => {
  const t = await ready();
  await t.page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, "writeText", { value: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) });
    document.querySelector("#card").shadowRoot.querySelector(".bc-footer .bc-copy").click();
  });
  await t.page.waitForTimeout(300);
  assert.deepEqual(t.pageErrors, [], "the rejected Clipboard API promise is handled");
  await t.close();
});
