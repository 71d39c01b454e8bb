// The README's embedding snippet (pages/embed.html), tested as written: it
// must work unchanged, with its strict-CSP twin too (no inline script or style).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { open, pages, rendered, useBrowser, writePage } from "./helpers.mjs";

const env = useBrowser();

test("embed.html: both cards render, fallbacks hidden, no errors", async () => {
  const t = await open(env, "/embed.html");
  await rendered(t.page);
  const cards = await t.page.$$eval("brief-card", (els) => els.map((e) => {
    const a = e.shadowRoot.querySelector("article"), fb = e.querySelector("p > a");
    return {
      title: a.querySelector(".bc-title-link").firstChild.textContent, lang: a.lang, compact: a.classList.contains("bc-compact"),
      // A link that opens a new tab says so in its title, which screen readers read as its description.
      newTab: a.querySelector(".bc-title-link").getAttribute("title"),
      blank: [...a.querySelectorAll("a[href]")].every((l) => l.target === "_blank" && l.rel === "noopener noreferrer"),
      fallbackShown: fb.checkVisibility() && fb.getBoundingClientRect().height > 0,
    };
  }));
  assert.deepEqual(cards, [
    { title: "Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries", newTab: null, lang: "en", compact: false, blank: false, fallbackShown: false },
    { title: "Raisi inicia una gira de cinco días por América Latina", newTab: "Se abre en una pestaña nueva", lang: "es", compact: true, blank: true, fallbackShown: false },
  ]);
  assert.equal(await t.page.$eval("brief-card:nth-of-type(2)", (e) => e.shadowRoot.querySelector(".bc-read-more").firstChild.textContent), "Leer el informe completo", "Spanish words from the element's lang");
  assert.deepEqual(t.errors, []);
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});

test("embed.html without JavaScript shows the fallback links", async () => {
  const t = await open(env, "/embed.html", { javaScriptEnabled: false });
  const links = await t.page.$$eval("brief-card a", (as) => as.filter((a) => a.checkVisibility()).map((a) => a.href));
  assert.deepEqual(links, ["https://example.org/briefs/raisi-latin-america-tour", "https://example.org/es/informes/gira-raisi"]);
  await t.close();
});

test("embed.html served under the strict CSP works unchanged", async () => {
  await writePage(env, "embed.csp.html", await readFile(join(pages, "embed.html"), "utf8"));
  const t = await open(env);
  await t.page.addInitScript(() => { window.__v = []; document.addEventListener("securitypolicyviolation", (e) => window.__v.push(e.violatedDirective)); });
  await t.page.goto(env.base + "/embed.csp.html");
  await rendered(t.page);
  assert.deepEqual(await t.page.evaluate(() => window.__v), []);
  await t.close();
});
