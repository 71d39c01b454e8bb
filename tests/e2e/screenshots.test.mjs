// Screenshots of every example (light, dark, compact, 320 px wide; the RTL
// brief is gozaresh-fa), saved to tests/e2e/screenshots/ for people to look
// at, and a "not blank" check on each: the card has height, visible text,
// and its picture is not one flat colour.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { ensureDir, examples, mount, open, screenshots, useBrowser } from "./helpers.mjs";

const env = useBrowser();
const variants = {
  light: { attrs: { theme: "light" }, width: 1000 },
  dark: { attrs: { theme: "dark" }, width: 1000 },
  compact: { attrs: { theme: "light", layout: "compact" }, width: 1000 },
  "320px": { attrs: { theme: "light" }, width: 320 },
  "dark-320px": { attrs: { theme: "dark", layout: "compact" }, width: 320 },
};

/** Decodes a PNG in the page and measures it: distinct colours and the share of non-background pixels. */
const measure = (page, png) => page.evaluate(async (b64) => {
  const img = new Image();
  img.src = `data:image/png;base64,${b64}`;
  await img.decode();
  const c = new OffscreenCanvas(img.width, img.height), g = c.getContext("2d");
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, img.width, img.height).data, counts = new Map();
  for (let i = 0; i < d.length; i += 4) { const k = (d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | d[i + 2] >> 3; counts.set(k, (counts.get(k) || 0) + 1); }
  const top = Math.max(...counts.values());
  return { w: img.width, h: img.height, colours: counts.size, ink: 1 - top / (d.length / 4) };
}, png.toString("base64"));

test("screenshots of every example are not blank", async () => {
  await ensureDir(screenshots);
  const failures = [];
  for (const [name, { attrs, width }] of Object.entries(variants)) {
    const t = await open(env, "/blank.html", { viewport: { width, height: 900 } });
    for (const b of examples) {
      await t.page.evaluate(() => document.querySelector("main").replaceChildren());
      const ev = await mount(t.page, { src: `/briefs/${b}.json`, loading: "eager", ...attrs }, { into: "main" });
      assert.equal(ev.type, "brief-card:render", `${b}: ${JSON.stringify(ev.detail)}`);
      const card = await t.page.$("brief-card");
      const facts = await card.evaluate((e) => {
        const a = e.shadowRoot.querySelector(".bc-card"), title = e.shadowRoot.querySelector(".bc-title").getBoundingClientRect();
        return { height: e.getBoundingClientRect().height, text: a.innerText.trim().length, title: title.width * title.height, overflow: document.documentElement.scrollWidth - innerWidth };
      });
      const png = await card.screenshot({ animations: "disabled" });
      await writeFile(join(screenshots, `${b}-${name}.png`), png);
      const m = await measure(t.page, png);
      const where = `${b}-${name}`;
      if (facts.height < 40) failures.push(`${where}: height ${facts.height}`);
      if (facts.text < 10 || facts.title < 100) failures.push(`${where}: no visible text (${JSON.stringify(facts)})`);
      if (m.colours < 3 || m.ink < 0.01) failures.push(`${where}: the picture is flat (${JSON.stringify(m)})`);
      if (facts.overflow > 0) failures.push(`${where}: the page scrolls sideways by ${facts.overflow}px`);
    }
    await t.close();
  }
  console.log(`screenshots in ${screenshots}`);
  assert.deepEqual(failures, []);
});

test("at 320 px, words longer than the card is wide break instead of pushing the page sideways, live and static", async () => {
  // German compounds in the flex rows (a quote's role, the eyebrow, the read-more button), and hostile lengths everywhere.
  const long = (s) => s + "X".repeat(300);
  const briefs = [
    { title: "Bundeswehr", lang: "de", kind: "Sicherheitspolitische Kurzanalyse", date: "2024-01-02", url: "https://x.example/",
      quotes: [{ text: "t", author: "Dr. Maximiliane Oberwachtmeister-Schwarzenberger", role: "Wissenschaftsgemeinschaftskoordinatorin" }],
      labels: { readMore: "Vollständige Forschungsberichterstattung" } },
    { title: long("T"), kind: long("K"), date: "2024-01-02", url: "https://x.example/", publisher: { name: long("P"), url: "https://x.example/p" },
      authors: [{ name: long("A"), url: "https://x.example/a" }], quotes: [{ text: long("Q"), author: long("Au"), role: long("R") }],
      related: [{ title: long("Rel"), url: "https://x.example/r", kind: long("RK"), author: long("RA"), date: "2024-01-01" }],
      tags: [{ label: long("Tag") }], labels: { readMore: long("M") } },
  ];
  const t = await open(env, "/blank.html", { viewport: { width: 320, height: 800 } });
  const overflow = await t.page.evaluate(async (briefs) => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const main = document.querySelector("main"), out = [];
    for (const b of briefs) {
      for (const how of ["live", "static"]) {
        main.replaceChildren();
        const host = main.appendChild(document.createElement("div"));
        if (how === "live") m.renderBrief(host, b);
        else host.innerHTML = m.renderBriefHtml(b);
        out.push(`${b.kind.slice(0, 12)} ${how}: ${document.documentElement.scrollWidth - innerWidth}px`);
      }
    }
    return out;
  }, briefs);
  assert.deepEqual(overflow, briefs.flatMap((b) => ["live", "static"].map((how) => `${b.kind.slice(0, 12)} ${how}: 0px`)));
  await t.close();
});
