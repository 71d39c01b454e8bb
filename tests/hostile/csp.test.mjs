// The strict policy: every export, the live card (shadow and light DOM) and
// <brief-card>, on a page served with tools/serve.mjs STRICT_CSP (no inline
// script or style, Trusted Types enforced with no policy, only
// 'wasm-unsafe-eval'). Zero securitypolicyviolation events, listened for
// from the page's first script; no CSP or Trusted Types console message.
//   bash scripts/build.sh && node --test tests/hostile/csp.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useBrowser } from "./harness.mjs";
import { STRICT_CSP } from "../../tools/serve.mjs";

const env = useBrowser();

test("renderBrief, update, destroy, renderBriefHtml, validateBrief and <brief-card> under the strict CSP: zero violations", async () => {
  const { page, seen, close } = await open(env, "/strict.csp.html");
  try {
    const res = await page.goto(env.base + "/strict.csp.html");
    assert.equal(res.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict CSP");
    await page.waitForFunction(() => window.__result, null, { timeout: 20000 });
    const r = await page.evaluate(() => window.__result);
    const violations = await page.evaluate(() => window.__violations);
    console.log(`# csp: ${r.steps.length} steps (${r.steps.filter((s) => s.ok).length} ok), ${violations.length} violations; ` +
      `cards shown ${JSON.stringify(r.shown)}, element ${JSON.stringify(r.element)}`);
    assert.deepEqual(r.steps.filter((s) => !s.ok), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(seen.console.filter((l) => /Content.Security.Policy|Trusted.?Type|Refused to/i.test(l)), []);
    assert.deepEqual(r.shown, { shadowCards: 3, lightCards: 1 });
    assert.equal(r.restored, true, "destroy() gave the light-DOM target its content back");
    assert.deepEqual(r.element, { state: "rendered", cards: 1 });
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await close();
  }
});

test("the violation listener works: an inline style does raise one", async () => {
  // A control, so that zero above means something.
  const { page, close } = await open(env, "/strict.csp.html");
  try {
    await page.waitForFunction(() => window.__result, null, { timeout: 20000 });
    await page.evaluate(() => { const d = document.createElement("div"); d.setAttribute("style", "color:red"); document.body.append(d); });
    await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5000 });
    const v = await page.evaluate(() => window.__violations);
    assert.ok(v.some((x) => /style-src/.test(x.directive)), JSON.stringify(v));
  } finally {
    await close();
  }
});
