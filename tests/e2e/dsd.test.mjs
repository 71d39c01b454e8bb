// Server rendering in declarative shadow DOM: `brief-card render
// --declarative-shadow-dom` and `renderBriefHtml(brief, { declarativeShadowDom:
// true })` write `<brief-card><template shadowrootmode="open">` holding the
// live card and its stylesheet, the brief's JSON, and a fallback. For every
// example brief (and a long one, with "Show more", and one with options set),
// from both the command line and renderBriefHtml in Node, in a page whose
// body holds that output:
//   - while the element's module is held back (page.route), the element has
//     an open shadow root holding the card: screenshot;
//   - once the module has loaded and the card is data-state="rendered", the
//     screenshot is the same pixel for pixel, the shadow root's markup
//     (without the <style>) is the same, the layout never shifted
//     (PerformanceObserver "layout-shift", buffered), and nothing was logged
//     as an error; the element's Show more then works;
//   - with JavaScript off: the card shows, collapsed paragraphs show, the
//     Show more / Copy link buttons do not;
// and a hostile brief runs nothing and shows its strings as text, before and
// after the upgrade; the option is refused with email, shadow: false, labels
// and baseUrl (which the element could not carry into its own render).
// Screenshots go to tests/e2e/screenshots/dsd-*.png (and a -diff.png when
// two differ).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDir, examples, open, pages, repo, screenshots, useBrowser, writePage, www } from "./helpers.mjs";

const env = useBrowser();
// Tall enough for the whole of the longest page (the feed): screenshots are
// of the viewport. (A full-page screenshot taller than the viewport makes
// Playwright resize the page while it captures, and after the upgrade that
// capture itself records layout shifts and varies by a few pixels.)
const VIEWPORT = { width: 1000, height: 5200 };

// Strings that would run script, or end the template, the JSON script or
// the element, if any output took them for markup. The card must show each
// one as it is written.
const HOSTILE = [
  "</script><script>window.pwned=1</script>",
  "</template><img src=x onerror=window.pwned=1>",
  "<!--",
  "</brief-card><script>window.pwned=1</script><brief-card>",
  "<template shadowrootmode=\"open\"><img src=x onerror=window.pwned=1></template>",
  "]]><svg onload=window.pwned=1>",
  "&lt;b&gt; &amp; \"quoted\" 'single'",
];
const hostileBrief = {
  id: "hostile",
  kind: HOSTILE[2],
  title: HOSTILE[0],
  date: "2024-03-20",
  url: "https://example.org/briefs/hostile?q=\"><img src=x onerror=window.pwned=1>",
  summary: { heading: HOSTILE[3], paragraphs: [HOSTILE[1], HOSTILE[2], [{ text: HOSTILE[4], strong: true }, { text: HOSTILE[5], href: "https://example.org/\"onmouseover=\"window.pwned=1" }]] },
  quotes: [{ text: HOSTILE[5], author: HOSTILE[6], role: HOSTILE[0] }],
  sections: [{ heading: HOSTILE[1], paragraphs: [HOSTILE[3], HOSTILE[4], HOSTILE[6], HOSTILE[0], HOSTILE[1], HOSTILE[2]] }],
  related: [{ title: HOSTILE[4], url: "/related?x=</script>" }],
  tags: HOSTILE.map((label) => ({ label })),
  // The brief's own words (the labels option is refused with declarativeShadowDom).
  labels: { showMore: HOSTILE[1], copyLink: HOSTILE[0], related: HOSTILE[2] },
};

/** The cases: a brief (file or object), its options, and what to check. */
const CASES = [
  ...examples.map((name) => ({ name, file: join(www, "briefs", `${name}.json`), options: {} })),
  // The examples have no block longer than four paragraphs: this one has "Show more".
  // (It has an image, which has no size until it loads.)
  { name: "long", file: join(pages, "data", "long.json"), options: {}, toggle: true, image: true },
  // Every attribute the element reads must carry its option, or the upgrade would change the card.
  { name: "flash-brief-options", file: join(www, "briefs", "flash-brief.json"),
    options: { theme: "dark", layout: "compact", linkTarget: "_blank", headingLevel: 3, locale: "de" } },
  { name: "hostile", brief: hostileBrief, options: {}, hostile: true },
];

/** The command line's flags for `options`. */
const flags = (o) => [
  ...(o.theme ? ["--theme", o.theme] : []), ...(o.layout ? ["--layout", o.layout] : []),
  ...(o.linkTarget ? ["--link-target", o.linkTarget] : []), ...(o.headingLevel ? ["--heading-level", String(o.headingLevel)] : []),
  ...(o.locale ? ["--locale", o.locale] : []),
];

// The server-rendered HTML of each case, from each source: the command line
// (which writes the brief's JSON as validated) and renderBriefHtml in Node
// (which writes it as the host gave it: here an object, and for the hostile
// brief also JSON text, which the element then reads as JSON text).
const SOURCES = ["cli", "renderBriefHtml"];
const html = { cli: {}, renderBriefHtml: {}, "renderBriefHtml-text": {} };
let tmp = "";
let wasm; // www/pkg's module in Node, for renderBriefHtml and its errors

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "brief-card-dsd-"));
  const m = await import(join(www, "pkg", "brief_card.js"));
  await m.default({ module_or_path: readFileSync(join(www, "pkg", "brief_card_bg.wasm")) });
  wasm = m;
  for (const c of CASES) {
    const file = c.file ?? join(tmp, `${c.name}.json`);
    if (!c.file) writeFileSync(file, JSON.stringify(c.brief));
    html.cli[c.name] = execFileSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", "render", "--declarative-shadow-dom", ...flags(c.options), file],
      { cwd: repo, encoding: "utf8" }).trimEnd();
    const text = readFileSync(file, "utf8");
    html.renderBriefHtml[c.name] = m.renderBriefHtml(JSON.parse(text), { ...c.options, declarativeShadowDom: true });
    html["renderBriefHtml-text"][c.name] = m.renderBriefHtml(text, { ...c.options, declarativeShadowDom: true });
  }
  rmSync(tmp, { recursive: true, force: true });
});

const pageOf = (name, card) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Server-rendered card: ${name}</title>
  <link rel="icon" href="data:,">
  <style>body { margin: 0; font: 16px/1.5 system-ui, sans-serif } main { max-width: 760px; margin: 0 auto; padding: 16px }</style>
  <script type="module" src="/brief-card.js"></script>
</head>
<body>
  <main>
    <h1>Server-rendered card</h1>
    ${card}
    <p id="after">Text after the card, which would move if the card changed size.</p>
  </main>
</body>
</html>
`;

const pagePath = async (source, name) => {
  const file = `dsd-${name}-${source}.html`;
  await writePage(env, file, pageOf(name, html[source][name]));
  return `/${file}`;
};

// --- in the page ---------------------------------------------------------

/** Waits until the element's shadow root holds a card whose images have loaded and fonts are ready. */
const settled = (page) => page.waitForFunction(() => {
  const root = document.querySelector("brief-card")?.shadowRoot;
  if (!root?.querySelector("article") || document.fonts.status !== "loaded") return false;
  return [...root.querySelectorAll("img")].every((i) => i.complete);
}, null, { timeout: 15000 }).then(() => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));

/** The element's state: defined?, its shadow root, the markup without <style>, the text. */
const snapshot = (page) => page.evaluate(() => {
  const el = document.querySelector("brief-card");
  const root = el.shadowRoot;
  if (!root) return { defined: !!customElements.get("brief-card"), root: null };
  const box = document.createElement("div");
  for (const n of root.childNodes) if (n.nodeName !== "STYLE") box.append(n.cloneNode(true));
  return {
    defined: !!customElements.get("brief-card"),
    state: el.dataset.state ?? null,
    root: root.mode,
    styles: root.querySelectorAll("style").length,
    articles: root.querySelectorAll("article").length,
    titles: [...root.querySelectorAll(".bc-title")].map((h) => h.textContent),
    visible: root.querySelector("article").checkVisibility() && root.querySelector("article").getBoundingClientRect().height > 50,
    markup: box.innerHTML,
    text: root.textContent,
    scripts: root.querySelectorAll("script").length,
    pwned: window.pwned,
    injected: document.querySelectorAll("img[src='x'], svg[onload]").length + root.querySelectorAll("img[src='x'], svg, [onerror], [onload], [onmouseover]").length,
  };
});

/** Where two strings first differ, with some context on each side. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const at = (s) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
  return `first difference at character ${i} of ${a.length} / ${b.length}:\n  before: …${at(a)}…\n  after:  …${at(b)}…`;
}

/**
 * Compares two PNGs pixel by pixel in the browser; when they differ, says
 * how many pixels, where, and what the card has there, and saves a diff.
 */
async function compareScreenshots(t, a, b, name) {
  if (a.equals(b)) return null;
  const diff = await t.context.newPage();
  const r = await diff.evaluate(async ([a, b]) => {
    const load = async (b64) => { const i = new Image(); i.src = `data:image/png;base64,${b64}`; await i.decode(); return i; };
    const [ia, ib] = [await load(a), await load(b)];
    if (ia.width !== ib.width || ia.height !== ib.height) return { size: `${ia.width}×${ia.height} before, ${ib.width}×${ib.height} after` };
    const px = (img) => { const c = new OffscreenCanvas(img.width, img.height), g = c.getContext("2d"); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height); };
    const [da, db] = [px(ia), px(ib)];
    const out = new ImageData(ia.width, ia.height);
    let n = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
    for (let i = 0; i < da.data.length; i += 4) {
      const same = da.data[i] === db.data[i] && da.data[i + 1] === db.data[i + 1] && da.data[i + 2] === db.data[i + 2] && da.data[i + 3] === db.data[i + 3];
      const p = i / 4, x = p % ia.width, y = (p - x) / ia.width;
      out.data.set(same ? [da.data[i], da.data[i + 1], da.data[i + 2], 60] : [255, 0, 0, 255], i);
      if (!same) { n++; x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    }
    const c = new OffscreenCanvas(ia.width, ia.height);
    c.getContext("2d").putImageData(out, 0, 0);
    const png = new Uint8Array(await (await c.convertToBlob({ type: "image/png" })).arrayBuffer());
    let s = ""; for (const byte of png) s += String.fromCharCode(byte);
    return { n, box: [x0, y0, x1, y1], png: btoa(s) };
  }, [a.toString("base64"), b.toString("base64")]);
  await diff.close();
  if (r.size) return `the screenshots differ in size: ${r.size}`;
  await writeFile(join(screenshots, `dsd-${name}-diff.png`), Buffer.from(r.png, "base64"));
  // The smallest element of the card (page coordinates) holding the first differing corner.
  const [x, y] = r.box;
  const what = await t.page.evaluate(([x, y]) => {
    let best = null;
    for (const e of document.querySelector("brief-card").shadowRoot.querySelectorAll("*")) {
      const b = e.getBoundingClientRect(), l = b.left + scrollX, tp = b.top + scrollY;
      if (x >= l && x <= l + b.width && y >= tp && y <= tp + b.height && (!best || b.width * b.height < best.area)) {
        best = { area: b.width * b.height, desc: `<${e.localName}${e.className ? ` class="${e.className}"` : ""}> "${e.textContent.trim().slice(0, 60)}"` };
      }
    }
    return best?.desc ?? "outside the card";
  }, [x, y]);
  return `${r.n} pixels differ, within x ${r.box[0]}–${r.box[2]}, y ${r.box[1]}–${r.box[3]} (at ${what}); ` +
    `see tests/e2e/screenshots/dsd-${name}-{before,after,diff}.png`;
}

/**
 * Whether a layout shift only nudged lines down or up by a few pixels, as
 * when the browser swaps in a system font face (seen once: the italic
 * serif of a quote arriving after the first layout moved the line below it
 * by 3 px while the module was still held back). The card's static markup
 * cannot cause that, and the upgrade is still held to no shift at all.
 */
const fontNudge = (shift) => shift.moved.length > 0 && shift.moved.every((m) => {
  const [from, to] = m.split(" → ").map((r) => r.split(",").map(Number));
  return from[0] === to[0] && from[2] === to[2] && from[3] === to[3] && Math.abs(from[1] - to[1]) <= 4;
});

/** Opens `path` with the element's module held back; returns the page and a function that lets the module through. */
async function openHeld(path, ctx = {}) {
  const t = await open(env, null, { viewport: VIEWPORT, ...ctx });
  t.failed = [];
  t.requests = [];
  t.page.on("requestfailed", (r) => t.failed.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  t.page.on("response", (r) => { if (r.status() >= 400) t.failed.push(`HTTP ${r.status()}: ${r.url()}`); });
  t.page.on("request", (r) => t.requests.push(r.url()));
  await t.page.addInitScript(() => {
    window.__shifts = [];
    const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(",");
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ at: Math.round(e.startTime), value: e.value, recent: e.hadRecentInput, moved: e.sources.map((s) => `${rect(s.previousRect)} → ${rect(s.currentRect)}`) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  let held;
  const arrived = new Promise((ok) => t.page.route("**/brief-card.js", (route) => { held = route; ok(); }));
  await t.page.goto(env.base + path, { waitUntil: "commit" });
  await Promise.race([arrived, new Promise((_, no) => setTimeout(() => no(new Error("the page never requested /brief-card.js")), 15000))]);
  t.release = async () => {
    t.releasedAt = await t.page.evaluate(() => performance.now());
    await held.continue();
  };
  return t;
}

// --- the tests -----------------------------------------------------------

for (const source of SOURCES) {
  for (const c of CASES.filter((c) => !c.hostile)) {
    test(`${c.name} (${source}): the card shows before the element upgrades and is the same after`, async () => {
      await ensureDir(screenshots);
      const out = html[source][c.name];
      assert.match(out, /^<brief-card [^>]*><template shadowrootmode="open"><style>/, "the output starts with the element and its declarative shadow root");
      const t = await openHeld(await pagePath(source, c.name));
      try {
        await settled(t.page);
        const before = await snapshot(t.page);
        assert.equal(before.defined, false, "the element's module has not run yet");
        assert.equal(before.root, "open", "the browser attached the declarative shadow root");
        assert.equal(before.styles, 1, "the shadow root has the card's <style> before the upgrade");
        assert.ok(before.visible, "the card has its size before the upgrade");
        const shotBefore = await t.page.screenshot();
        await writeFile(join(screenshots, `dsd-${c.name}-${source}-before.png`), shotBefore);

        await t.release();
        await t.page.waitForFunction(() => document.querySelector("brief-card").dataset.state, null, { timeout: 15000 });
        await settled(t.page);
        await t.page.waitForTimeout(100); // for the layout-shift observer
        const after = await snapshot(t.page);
        assert.equal(after.state, "rendered", `the element rendered (errors: ${JSON.stringify([...t.errors, ...t.pageErrors])})`);
        const renders = await t.page.evaluate(() => window.__bcEvents.filter((e) => e.type === "brief-card:render").length);
        assert.equal(renders, 1, "the element rendered the card once (brief-card:render)");
        assert.equal(after.root, "open");
        assert.equal(after.articles, before.articles, "as many cards after as before");
        assert.deepEqual(after.titles, before.titles, "the same titles");
        const shotAfter = await t.page.screenshot();
        await writeFile(join(screenshots, `dsd-${c.name}-${source}-after.png`), shotAfter);

        assert.ok(after.markup === before.markup, `the shadow root's markup changed in the upgrade; ${firstDifference(before.markup, after.markup)}`);
        const pixels = await compareScreenshots(t, shotBefore, shotAfter, `${c.name}-${source}`);
        assert.equal(pixels, null, `the card looks different after the upgrade: ${pixels}`);
        // Layout shift: none in the upgrade. Before it, none either, except
        // where the brief has an image: the format gives no image size, so
        // the page moves when it loads (the same happens to the live card).
        const shifts = (await t.page.evaluate(() => window.__shifts)).filter((e) => !e.recent);
        const sum = (list) => list.reduce((s, e) => s + e.value, 0);
        const upgrade = shifts.filter((e) => e.at >= t.releasedAt), load = shifts.filter((e) => e.at < t.releasedAt);
        assert.equal(sum(upgrade), 0, `layout shifted in the upgrade (x,y,w,h of what moved): ${JSON.stringify(upgrade)}`);
        if (c.image) assert.ok(load.length <= 1, `the image's load shifts the page once at most: ${JSON.stringify(load)}`);
        else assert.equal(sum(load.filter((e) => !fontNudge(e))), 0, `layout shifted before the upgrade (x,y,w,h of what moved): ${JSON.stringify(load)}`);
        assert.deepEqual([...t.errors, ...t.pageErrors, ...t.failed], [], "no console error, uncaught exception or failed request");

        if (c.toggle) {
          const toggle = await t.page.evaluateHandle(() => document.querySelector("brief-card").shadowRoot.querySelector(".bc-toggle"));
          const state = () => toggle.evaluate((b) => {
            const rest = b.previousElementSibling;
            return { expanded: b.getAttribute("aria-expanded"), restHidden: rest.hidden, shown: [...rest.children].filter((p) => p.checkVisibility()).length, all: rest.children.length };
          });
          const closed = await state();
          assert.deepEqual({ expanded: closed.expanded, restHidden: closed.restHidden, shown: closed.shown }, { expanded: "false", restHidden: true, shown: 0 }, "Show more starts closed");
          await toggle.click();
          const opened = await state();
          assert.deepEqual(opened, { expanded: "true", restHidden: false, shown: closed.all, all: closed.all }, "after a click on Show more, every paragraph shows");
          const toggles = await t.page.evaluate(() => window.__bcEvents.filter((e) => e.type === "brief-card:toggle").map((e) => e.detail));
          assert.deepEqual(toggles, [{ block: "summary", expanded: true }], "brief-card:toggle");
        }
      } finally {
        await t.close();
      }
    });
  }
}

test("a reader's focus in the server-rendered card stays on the same link through the upgrade", async () => {
  // What an outside check found: the upgrade built the card anew, and focus fell to the page.
  const t = await openHeld(await pagePath("cli", "flash-brief"));
  try {
    await settled(t.page);
    const focused = await t.page.evaluate(() => {
      const links = document.querySelector("brief-card").shadowRoot.querySelectorAll("[data-block=related] a[href]");
      const link = links[links.length - 1];
      link.focus();
      return link.href;
    });
    await t.release();
    await t.page.waitForFunction(() => document.querySelector("brief-card").dataset.state, null, { timeout: 15000 });
    const after = await t.page.evaluate(() => {
      const root = document.querySelector("brief-card").shadowRoot;
      return { state: document.querySelector("brief-card").dataset.state, href: root.activeElement?.href ?? null };
    });
    assert.deepEqual(after, { state: "rendered", href: focused });
  } finally {
    await t.close();
  }
});

test("a key pressed on a server-rendered card far down the page works the first time (focus upgrades the card at once)", async () => {
  // What an outside check found: the card was upgraded only when it came near the viewport, so a
  // reader who reached its "Show more" without scrolling (a screen reader) pressed a dead button.
  const file = "dsd-far-long.html";
  const eager = `<brief-card loading="eager" src="/briefs/minimal.json"></brief-card><div style="height:4000px"></div>`;
  await writePage(env, file, pageOf("long, far down", eager + html.cli.long));
  const t = await open(env, `/${file}`);
  try {
    await t.page.waitForFunction(() => document.querySelector("brief-card[loading]").dataset.state === "rendered", null, { timeout: 15000 });
    const far = () => document.querySelectorAll("brief-card")[1];
    assert.equal(await t.page.evaluate((f) => eval(f)().dataset.state ?? null, `(${far})`), null, "the far card is not upgraded yet");
    await t.page.evaluate((f) => eval(f)().shadowRoot.querySelector("button.bc-toggle").focus({ preventScroll: true }), `(${far})`);
    await t.page.keyboard.press("Enter");
    const r = await t.page.evaluate((f) => {
      const el = eval(f)();
      const b = el.shadowRoot.activeElement;
      return { state: el.dataset.state, focused: b?.className, expanded: b?.getAttribute("aria-expanded"), rest: el.shadowRoot.getElementById(b?.getAttribute("aria-controls"))?.hidden };
    }, `(${far})`);
    assert.deepEqual(r, { state: "rendered", focused: "bc-toggle", expanded: "true", rest: false });
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

for (const c of CASES.filter((c) => !c.hostile)) {
  test(`${c.name}: with JavaScript off, the card shows with every paragraph and no buttons`, async () => {
    const t = await open(env, await pagePath("cli", c.name), { viewport: VIEWPORT, javaScriptEnabled: false });
    try {
      const r = await t.page.evaluate(() => {
        const el = document.querySelector("brief-card");
        const root = el.shadowRoot;
        if (!root) return { root: null };
        const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0;
        return {
          root: root.mode,
          scriptingNone: matchMedia("(scripting: none)").matches,
          cards: [...root.querySelectorAll("article")].map(shown),
          titles: [...root.querySelectorAll(".bc-title")].map(shown),
          rest: [...root.querySelectorAll(".bc-rest")].map((r) => ({ hidden: r.hidden, shown: shown(r), paragraphs: [...r.children].filter(shown).length, of: r.children.length })),
          buttons: [...root.querySelectorAll(".bc-toggle, .bc-copy")].map((b) => `${b.className}: ${shown(b) ? "visible" : "hidden"}`),
          fallback: [...el.children].filter((e) => e.localName !== "script").some(shown),
        };
      });
      assert.equal(r.root, "open", "the declarative shadow root is there without script");
      assert.equal(r.scriptingNone, true, "(scripting: none) matches with JavaScript off");
      assert.ok(r.cards.length > 0 && r.cards.every(Boolean), `every card shows: ${JSON.stringify(r.cards)}`);
      assert.ok(r.titles.every(Boolean), "every title shows");
      for (const rest of r.rest) assert.deepEqual(rest, { hidden: true, shown: true, paragraphs: rest.of, of: rest.of }, "collapsed paragraphs show without script");
      if (c.toggle) assert.ok(r.rest.length > 0, "the long brief has collapsed paragraphs");
      assert.deepEqual(r.buttons.filter((b) => b.endsWith("visible")), [], "no Show more or Copy link button shows without script");
      if (c.name === "flash-brief") assert.ok(r.buttons.length > 0, "the flash brief has Copy link buttons (hidden)");
      assert.equal(r.fallback, false, "the light-DOM fallback stays hidden under the shadow root");
    } finally {
      await t.close();
    }
  });
}

for (const source of [...SOURCES, "renderBriefHtml-text"]) {
  test(`a hostile brief (${source}): nothing runs, and every string shows as text before and after the upgrade`, async () => {
    const out = html[source].hostile;
    assert.ok(!out.includes("</script><script>"), "the output never writes </script><script> as markup");
    const t = await openHeld(await pagePath(source, "hostile"));
    try {
      await settled(t.page);
      const check = async (when) => {
        const s = await snapshot(t.page);
        assert.equal(s.pwned, undefined, `${when}: window.pwned was set: injected script ran`);
        assert.equal(s.scripts, 0, `${when}: a <script> in the shadow root`);
        assert.equal(s.injected, 0, `${when}: an injected element or event-handler attribute is in the page`);
        const scripts = await t.page.evaluate(() => [...document.scripts].map((e) => e.type || "classic"));
        assert.deepEqual(scripts, ["module", "application/json"], `${when}: the page's scripts`);
        const missing = HOSTILE.filter((h) => !s.text.includes(h));
        assert.deepEqual(missing, [], `${when}: these strings do not show as written in the card`);
        assert.deepEqual(t.requests.filter((u) => /\/x$/.test(u)), [], `${when}: the page requested the injected image`);
        return s;
      };
      const before = await check("before the upgrade");
      await t.release();
      await t.page.waitForFunction(() => document.querySelector("brief-card").dataset.state, null, { timeout: 15000 });
      await settled(t.page);
      await t.page.waitForTimeout(200); // an onerror would have fired by now
      const after = await check("after the upgrade");
      assert.equal(after.state, "rendered", `the element rendered (errors: ${JSON.stringify([...t.errors, ...t.pageErrors])})`);
      assert.ok(after.markup === before.markup, `the shadow root's markup changed in the upgrade; ${firstDifference(before.markup, after.markup)}`);
      assert.deepEqual([...t.errors, ...t.pageErrors], [], "no console error or uncaught exception");
    } finally {
      await t.close();
    }
  });
}

test("declarativeShadowDom is refused with email, shadow: false, labels or baseUrl (renderBriefHtml in Chromium, and the command line)", async () => {
  const t = await open(env, "/blank.html");
  try {
    const results = await t.page.evaluate(async () => {
      const m = await import("/pkg/brief_card.js");
      await m.default();
      const brief = { title: "t" };
      return [{ email: true }, { shadow: false }, { labels: { tags: "Topics" } }, { baseUrl: "https://example.org/" }].map((extra) => {
        try {
          return { extra, html: m.renderBriefHtml(brief, { declarativeShadowDom: true, ...extra }).slice(0, 80) };
        } catch (e) {
          return { extra, error: e instanceof Error, message: e.message, paths: e.problems?.map((p) => p.path) };
        }
      });
    });
    for (const r of results) {
      assert.ok(!("html" in r), `{ declarativeShadowDom: true, ${JSON.stringify(r.extra).slice(1, -1)} } rendered instead of throwing: ${r.html}`);
      assert.equal(r.error, true, "an Error");
      assert.deepEqual(r.paths, ["options.declarativeShadowDom"], `the problem's path (message: ${r.message})`);
      assert.match(r.message, /^options\.declarativeShadowDom: /, "the message names the option");
    }
  } finally {
    await t.close();
  }
  for (const flag of [["--email"], ["--labels", "{\"tags\":\"Topics\"}"], ["--base-url", "https://example.org/"]]) {
    const cli = spawnSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", "render", "--declarative-shadow-dom", ...flag, join(www, "briefs", "minimal.json")],
      { cwd: repo, encoding: "utf8" });
    assert.notEqual(cli.status, 0, `the command line refuses --declarative-shadow-dom with ${flag[0]}`);
    assert.equal(cli.stdout, "", `with ${flag[0]}, it writes nothing`);
    assert.match(cli.stderr, /--declarative-shadow-dom/, `its message names the flag: ${cli.stderr}`);
  }
});

test("renderBriefHtml in Node refuses declarativeShadowDom with email, with a problem at options.declarativeShadowDom", () => {
  assert.throws(() => wasm.renderBriefHtml({ title: "t" }, { declarativeShadowDom: true, email: true }), (e) => {
    assert.ok(e instanceof Error);
    assert.deepEqual(e.problems?.map((p) => p.path), ["options.declarativeShadowDom"]);
    return true;
  });
});
