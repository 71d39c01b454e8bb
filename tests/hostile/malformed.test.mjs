// Malformed JS values: 10,000 values of every JS type (and the huge ones:
// 5 MB strings, 100k-deep nesting as JSON text and as objects, 200k-item
// arrays) into every export: renderBrief (good and bad targets, good and
// bad options), update, renderBriefHtml, validateBrief. Thrown errors are
// always Error instances with a `problems` array; validateBrief never throws;
// a refused render leaves its target untouched; then a valid brief renders
// on the same module instance.
//   bash scripts/build.sh && node --test tests/hostile/malformed.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useBrowser } from "./harness.mjs";

const env = useBrowser();

test("10,000 malformed values into every export; the module keeps working", async () => {
  const { page, seen, close } = await open(env, "/malformed.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    const t0 = Date.now();
    const r = await page.evaluate(() => window.lib.run(10_000));
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const after = await page.evaluate(() => window.lib.stillWorks());
    const kinds = await page.evaluate(() => window.lib.VALUES.length);
    console.log(`# malformed: ${r.items} values (${kinds} kinds × 14 placements in a brief, ${r.stats.huge} of them huge) → ${r.stats.calls} calls ` +
      `(${r.stats.returned} returned, ${r.stats.threw} threw an Error with problems) in ${secs} s; wasm memory ${(r.memory / 1024).toFixed(0)} KiB`);
    for (const [fn, s] of Object.entries(r.stats.byFunction)) console.log(`#   ${fn.padEnd(16)} ${s.ok} returned, ${s.threw} threw`);
    assert.deepEqual(r.fails, []);
    assert.equal(after, true, "a valid brief still renders on the same instance");
    assert.ok(r.items >= 10_000);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await close();
  }
});

// Oversized input must be refused before it is copied into the module's
// linear memory, which never shrinks: JSON text and brief objects alike are
// measured in src/web/copy.js, before the module reads anything. (Copied in
// first, a 20 MB object would grow the page's wasm memory by ~20 MB for good;
// <brief-card> passes JSON.parse'd objects, so a hostile `src` could do this.)
async function growth(kind) {
  const { page, close } = await open(env, "/malformed.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    return await page.evaluate(async (kind) => {
      const bc = await import("/pkg/brief_card.js");
      const mem = () => window.lib.wasm.memory.buffer.byteLength;
      const object = { title: "x".repeat(20 * 1024 * 1024) };
      // Five million nulls: 25 MB as JSON, though each item is small in JS.
      const value = kind === "text" ? JSON.stringify(object) : kind === "nulls" ? new Array(5_000_000).fill(null) : object;
      const before = mem();
      for (const f of [() => bc.validateBrief(value), () => bc.renderBriefHtml(value), () => bc.renderBrief(document.body.appendChild(document.createElement("div")), value)]) {
        try { f(); } catch (e) { if (!Array.isArray(e.problems)) throw e; }
      }
      return mem() - before;
    }, kind);
  } finally {
    await close();
  }
}

test("20 MB of JSON text is refused without growing wasm memory", async () => {
  const grown = await growth("text");
  console.log(`# malformed: 20 MB JSON text grew wasm memory by ${grown} bytes`);
  assert.ok(grown <= 64 * 1024, `grew by ${grown} bytes`);
});

test("a 20 MB brief object is refused without growing wasm memory", async () => {
  const grown = await growth("object");
  console.log(`# malformed: a 20 MB brief object grew wasm memory by ${grown} bytes`);
  assert.ok(grown <= 64 * 1024, `grew by ${grown} bytes`);
});

test("an array of five million nulls is refused as 25 MB, without growing wasm memory", async () => {
  const grown = await growth("nulls");
  console.log(`# malformed: five million nulls grew wasm memory by ${grown} bytes`);
  assert.ok(grown <= 64 * 1024, `grew by ${grown} bytes`);
});

// renderJsonLd (what <brief-card jsonld> calls with the page's scripts) takes
// host values too: its list is copied by src/web/copy.js like any other
// input, so a Proxy or a getter that throws is a problem, and a page's worth
// of huge scripts never reaches the module's memory.
test("renderJsonLd: hostile script lists are problems, the target stays, wasm memory does not grow", async () => {
  const { page, close } = await open(env, "/malformed.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    const r = await page.evaluate(async () => {
      const bc = await import("/pkg/brief_card.js");
      const mem = () => window.lib.wasm.memory.buffer.byteLength;
      const article = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: "H" });
      const revoked = Proxy.revocable([], {});
      revoked.revoke();
      const huge = "x".repeat(1_000_000);
      const inputs = {
        "a throwing Proxy": new Proxy([], { get() { throw new Error("trap"); } }),
        "a revoked Proxy": revoked.proxy,
        "a throwing getter": [{ get text() { throw new Error("getter"); } }],
        "a list whose items throw": new Proxy([{ text: "{}" }], { get(t, k) { if (k === "0") throw new Error("item"); return Reflect.get(t, k); } }),
        "twenty 1 MB scripts": Array.from({ length: 20 }, () => ({ text: huge })),
        // Within the page's limit, over one script's: unwrapped (an old template's comment) only within that.
        "a 7 MB script in a comment": [{ text: `<!--${"x".repeat(7_000_000)}-->` }],
        // Under a million UTF-16 units, three million bytes: the wrapper comes off the JS string, not a copy in wasm.
        "3 MB of three-byte text in a comment": [{ text: `<!--${"€".repeat(999_000)}-->` }],
        "five million nulls": new Array(5_000_000).fill(null),
        "not a list": 42,
      };
      const out = {};
      const before = mem();
      for (const [name, scripts] of Object.entries(inputs)) {
        const target = document.body.appendChild(document.createElement("div"));
        target.textContent = "fallback";
        try {
          bc.renderJsonLd(target, scripts);
          out[name] = "rendered";
        } catch (e) {
          out[name] = e instanceof Error && Array.isArray(e.problems) && e.problems.length > 0 && target.textContent === "fallback" && !target.shadowRoot
            ? "problems" : `raw: ${e}`;
        }
      }
      const grown = mem() - before;
      const ok = document.body.appendChild(document.createElement("div"));
      bc.renderJsonLd(ok, [{ id: "ld", text: article }]);
      return { out, grown, works: ok.shadowRoot?.querySelector(".bc-title")?.textContent };
    });
    for (const [name, result] of Object.entries(r.out)) assert.equal(result, "problems", name);
    assert.ok(r.grown <= 64 * 1024, `grew by ${r.grown} bytes`);
    assert.equal(r.works, "H", "the module keeps working");
  } finally {
    await close();
  }
});
