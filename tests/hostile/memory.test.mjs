// Memory and clean-up: 10,000 renderBrief → update → destroy cycles on one
// page; the wasm linear memory must not grow after a 1,000-cycle warm-up (one
// 64 KiB page of slack) and the DOM must return to its baseline (elements and
// shadow roots). Then the same for 1,000 <brief-card> elements created and
// removed, if www/brief-card.js exists.
//   bash scripts/build.sh && node --test tests/hostile/memory.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { open, useBrowser, www } from "./harness.mjs";

const env = useBrowser();
const PAGE = 64 * 1024;
const KiB = (n) => `${(n / 1024).toFixed(0)} KiB`;

test("10,000 render/update/destroy cycles: wasm memory flat after warm-up, DOM back to baseline", async () => {
  const { page, seen, close } = await open(env, "/memory.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    await page.evaluate(() => window.lib.load(["flash-brief", "feed", "gozaresh-fa", "minimal", "resumen-es"]));
    const baseline = await page.evaluate(() => window.lib.census());
    const start = await page.evaluate(() => window.lib.memory());
    const t0 = Date.now();
    // Handles left to the garbage collector (destroy() only), as most hosts do.
    const warm = await page.evaluate(() => window.lib.cycles(1000));
    const samples = [];
    for (let done = 1000; done < 10000; done += 1000) samples.push(await page.evaluate(() => window.lib.cycles(1000)));
    const end = samples.at(-1);
    // And with free() called as well, 2,000 more.
    const freed = await page.evaluate(() => window.lib.cycles(2000, { free: true }));
    // The long-lived target (2,400 renders into it) keeps only its shadow root with the <slot> destroy() leaves.
    const reused = await page.evaluate(() => {
      const t = document.getElementById("reused");
      const inside = [...(t.shadowRoot?.children ?? [])].map((e) => e.localName);
      t.remove();
      return { children: t.childNodes.length, inside };
    });
    const after = await page.evaluate(() => window.lib.census());
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`# memory: wasm memory ${KiB(start)} at start, ${KiB(warm)} after 1,000 warm-up cycles, ${KiB(end)} after 10,000 ` +
      `(per 1,000: ${samples.map(KiB).join(", ")}), ${KiB(freed)} after 2,000 more with free(); ${secs} s`);
    console.log(`# memory: DOM elements ${baseline.elements} before, ${after.elements} after, shadow roots ${baseline.shadowRoots} → ${after.shadowRoots}; ` +
      `the reused target's shadow root holds ${JSON.stringify(reused.inside)}`);
    assert.ok(end - warm <= PAGE, `wasm memory grew by ${end - warm} bytes after warm-up`);
    assert.ok(freed - warm <= PAGE, `wasm memory grew by ${freed - warm} bytes with free()`);
    assert.deepEqual(reused, { children: 0, inside: ["slot"] }, "the reused target after destroy()");
    assert.deepEqual(after, baseline, "elements or shadow roots left behind");
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await close();
  }
});

test("60,000 cards let go with their targets (handle freed, never destroyed): wasm memory flat", async () => {
  const { page, seen, close } = await open(env, "/memory.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    const run = (n) => page.evaluate(async (n) => {
      const { renderBrief } = await import("/pkg/brief_card.js");
      const stage = document.getElementById("stage");
      for (let i = 0; i < n; i++) {
        const t = stage.appendChild(document.createElement("div"));
        renderBrief(t, { title: "t" + i }, { shadow: i % 2 === 0 }).free();
        t.remove();
        if (i % 1000 === 999) await new Promise((r) => setTimeout(r, 0)); // lets the collector run
      }
      return window.lib.memory();
    }, n);
    const warm = await run(2000);
    const samples = [];
    for (let k = 0; k < 6; k++) samples.push(await run(10000));
    console.log(`# memory: cards let go with their targets: ${KiB(warm)} after 2,000, then per 10,000: ${samples.map(KiB).join(", ")}`);
    // The module keeps a weak list of the targets that hold a card (for deep links): it must not keep growing.
    assert.ok(samples.at(-1) - warm <= PAGE, `wasm memory grew by ${samples.at(-1) - warm} bytes`);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await close();
  }
});

test("1,000 <brief-card> elements created and removed: memory flat, nothing left", { skip: !existsSync(join(www, "brief-card.js")) && "no www/brief-card.js" }, async () => {
  const { page, seen, close } = await open(env, "/memory.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    await page.evaluate(() => window.lib.load(["flash-brief", "feed", "gozaresh-fa", "minimal", "resumen-es"]));
    const baseline = await page.evaluate(() => window.lib.census());
    const warm = await page.evaluate(() => window.lib.elements(200));
    const end = await page.evaluate(() => window.lib.elements(1000));
    const after = await page.evaluate(() => window.lib.census());
    console.log(`# memory: <brief-card> ×1,200: wasm memory ${KiB(warm.memory)} after 200, ${KiB(end.memory)} after 1,200; ` +
      `rendered ${warm.rendered + end.rendered}; DOM elements ${baseline.elements} → ${after.elements}`);
    assert.equal(warm.rendered + end.rendered, 1200);
    assert.ok(end.memory - warm.memory <= PAGE, `wasm memory grew by ${end.memory - warm.memory} bytes`);
    assert.equal(after.elements, baseline.elements);
    assert.equal(after.shadowRoots, baseline.shadowRoots);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await close();
  }
});
