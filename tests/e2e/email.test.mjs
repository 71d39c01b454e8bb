// The email variant as a reader's phone lays it out: every example, a
// paragraph that is one long URL, a long related title and an image
// narrower than the column, each written by renderBriefHtml({ email: true })
// into a message of its own, shown with no script at 320 px and at 1000 px.
// The column must fit a phone's screen (a table cell grows to its content's
// narrowest width, so one unbreakable word would push it wide) and never
// pass 600 px on a desktop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { examples, open, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();
const long = "https://example.org/a/very/long/path/that/does/not/break/easily/at/all/because/it/has/no/spaces/index.html";
const extra = [
  { title: "Long URL", summary: { paragraphs: [long] } },
  { title: "Long related title", url: "https://example.org/x", related: [{ title: "Supercalifragilisticexpialidocious".repeat(4), url: long }] },
  { title: "Narrow image", image: { src: "https://images.example/a.jpg", alt: "A", width: 500, height: 300 } },
];

test("email: one column that fits a 320 px phone and stays within 600 px", async () => {
  const t = await open(env, "/blank.html");
  const messages = await t.page.evaluate(async ([names, extra]) => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const briefs = await Promise.all(names.map(async (b) => [b, await (await fetch(`/briefs/${b}.json`)).text()]));
    return [...briefs, ...extra.map((b) => [b.title, JSON.stringify(b)])].map(([name, json]) => [name, m.renderBriefHtml(json, { email: true, baseUrl: "https://example.org/" })]);
  }, [examples, extra]);
  await t.close();
  const widths = [];
  for (const [i, [name, html]] of messages.entries()) {
    await writePage(env, `email-${i}.html`, `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title></head><body style="margin:0">${html}</body></html>`);
    for (const width of [320, 1000]) {
      const p = await open(env, `/email-${i}.html`, { viewport: { width, height: 800 }, javaScriptEnabled: false });
      const { scroll, column } = await p.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        column: Math.max(...[...document.querySelectorAll("table[width='600']")].map((t) => t.getBoundingClientRect().width)),
      }));
      await p.close();
      widths.push(`${name} at ${width} px: page ${scroll}, column ${column}`);
      assert.ok(scroll <= width, `${name} at ${width} px: the message is ${scroll} px wide`);
      assert.ok(column <= Math.min(width, 600), `${name} at ${width} px: the column is ${column} px wide`);
    }
  }
  console.log(widths.join("\n"));
});
