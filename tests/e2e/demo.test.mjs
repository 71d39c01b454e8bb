// The demo (www/index.html, what `bash scripts/demo.sh` serves): every
// gallery renders, the page's own JSON-LD renders through <brief-card
// jsonld>, and the playground reads a brief, JSON-LD and bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeSource, open, useBrowser } from "./helpers.mjs";

const env = useBrowser();

/** Opens the demo and waits for it to say it is ready. */
async function demo() {
  const t = await open(env, "/index.html", { viewport: { width: 1280, height: 900 } });
  await t.page.waitForSelector("#load-status.is-ready", { state: "attached", timeout: 20000 });
  return t;
}

/** The cards inside `selector`'s hosts: each host's shadow root's articles' titles. */
const titles = (page, selector) => page.$$eval(selector, (hosts) =>
  hosts.map((h) => [...(h.shadowRoot?.querySelectorAll("article .bc-title") ?? [])].map((e) => e.textContent.trim())));

test("every gallery renders its examples, and nothing fails", async () => {
  const t = await demo();
  for (const theme of ["light", "dark"]) {
    const cards = await titles(t.page, `.cards[data-theme=${theme}] .card-host`);
    assert.equal(cards.length, 4, theme);
    assert.ok(cards.every((c) => c.length === 1 && c[0]), `${theme}: one titled card per example`);
  }
  const feeds = await titles(t.page, ".feed-pair .card-host");
  assert.deepEqual(feeds.map((f) => f.length), [3, 3]);
  assert.equal((await titles(t.page, ".compact-row .card-host")).length, 3);
  assert.equal(await t.page.locator(".card-error").count(), 0);
  assert.deepEqual([t.errors, t.pageErrors], [[], []]);
  await t.close();
});

test("the page's own schema.org JSON-LD renders through <brief-card jsonld>", async () => {
  const t = await demo();
  await t.page.waitForSelector("#jsonld brief-card[data-state=rendered]", { timeout: 15000 });
  const card = await t.page.$eval("#jsonld brief-card", (el) => {
    const a = el.shadowRoot.querySelector("article");
    const all = (s) => [...a.querySelectorAll(s)].map((e) => e.textContent.trim().replace(/\s+/g, " "));
    return {
      title: all(".bc-title"), kind: all(".bc-kind"), byline: all(".bc-byline"), publisher: all(".bc-publisher"),
      summary: all(".bc-summary .bc-p"), quote: all(".bc-quote .bc-author"), sections: all(".bc-section-heading"),
      related: all(".bc-related-link"), tags: all(".bc-chip"), updated: all(".bc-updated"),
    };
  });
  assert.deepEqual(card.title, ["Remittances to Latin America reach a record"]);
  assert.deepEqual(card.kind, ["Report"]);
  assert.deepEqual(card.byline, ["By Ana Ruiz, Tomás Herrera"]);
  assert.deepEqual(card.publisher, ["Example Policy Institute"]);
  assert.equal(card.summary.length, 2);
  assert.deepEqual(card.quote, ["Ana Ruiz"]);
  assert.deepEqual(card.sections, ["Where the money goes"]);
  assert.deepEqual(card.related, ["Remittance Prices Worldwide", "Why the peso held up in 2023"]);
  assert.deepEqual(card.tags, ["Remittances", "Migration", "Central America"]);
  assert.match(card.updated[0] ?? "", /^Updated March 7, 2024$/);
  assert.deepEqual([t.errors, t.pageErrors], [[], []]);
  await t.close();
});

test("the playground renders the page's JSON-LD and lists a problem at its JSON-LD path", async () => {
  const t = await demo();
  await t.page.selectOption("#pg-example", "#demo-article");
  const stageTitle = () => t.page.$eval("#pg-stage .pg-target", (h) => h.shadowRoot?.querySelector(".bc-title")?.textContent.trim());
  await t.page.waitForFunction(() => document.querySelector("#pg-stage .pg-target")?.shadowRoot?.querySelector(".bc-title")?.textContent.includes("Remittances"));
  assert.equal(await stageTitle(), "Remittances to Latin America reach a record");
  assert.equal(await t.page.isVisible("#pg-ok"), true);
  // A hostile citation: the problem names the JSON-LD path, and the last good card stays.
  const text = await t.page.inputValue("#pg-json");
  await t.page.fill("#pg-json", text.replace("https://example.org/data/remittance-prices", "javascript:alert(1)"));
  await t.page.waitForSelector("#pg-list li");
  assert.deepEqual(await t.page.$$eval("#pg-list li", (li) => li.map((e) => e.textContent)),
    ['@graph[1].citation[0].url: scheme "javascript" is not allowed']);
  assert.equal(await t.page.isVisible("#pg-stale"), true);
  assert.equal(await stageTitle(), "Remittances to Latin America reach a record");
  assert.deepEqual([t.errors, t.pageErrors], [[], []]);
  await t.close();
});

test("axe finds nothing on the demo page (WCAG 2.x A and AA), the cards' shadow roots included", async () => {
  const t = await demo();
  await t.page.waitForSelector("#jsonld brief-card[data-state=rendered]", { timeout: 15000 });
  await t.page.addScriptTag({ path: axeSource });
  const violations = await t.page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"],
  }).then((r) => r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)).join(", ")}`)));
  assert.deepEqual(violations, []);
  await t.close();
});
