// Failures keep the fallback, dispatch exactly one brief-card:error with a
// reason, and write exactly one console.error: HTTP errors, a body that is
// not JSON, invalid data, a timeout, a network failure, and the wasm failing
// to load (glue 404, binary 404, compilation blocked by CSP).
import { test } from "node:test";
import assert from "node:assert/strict";
import { events, inspect, mount, open, useBrowser } from "./helpers.mjs";

const env = useBrowser();

/** Mounts one card on a fresh page and checks the common failure contract. */
async function fails(attrs, opts, reason) {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { loading: "eager", ...attrs }, { settle: 200, ...opts });
  const s = await inspect(t.page);
  const all = await events(t.page);
  await t.close();
  assert.equal(ev.type, "brief-card:error", JSON.stringify(ev));
  assert.equal(ev.count, 1, "exactly one error event");
  assert.equal(ev.detail.reason, reason);
  // Every error lists its problems, each a path and a message, as renderBrief's do.
  assert.ok(Array.isArray(ev.detail.problems) && ev.detail.problems.length > 0, JSON.stringify(ev.detail));
  for (const p of ev.detail.problems) assert.ok(typeof p.path === "string" && p.message.length > 0, JSON.stringify(p));
  assert.deepEqual(all.map((e) => e.type), ["brief-card:error"], "no other event reached the document");
  assert.equal(s.state, "error");
  assert.equal(s.cards, 0, "no card rendered");
  assert.equal(s.fallbackVisible, true, "the fallback is still visible");
  assert.equal(t.errors.length, 1, `exactly one console.error: ${JSON.stringify(t.errors)}`);
  assert.match(t.errors[0], new RegExp(`^<brief-card.*\\[${reason}\\].*Showing the fallback content\\.$`));
  assert.deepEqual(t.pageErrors, [], "no uncaught exception");
  return { detail: ev.detail, message: t.errors[0] };
}

test("HTTP 404 keeps the fallback (reason http, status 404)", async () => {
  const { detail, message } = await fails({ src: "/briefs/missing.json" }, {}, "http");
  assert.equal(detail.status, 404);
  assert.match(message, /HTTP 404/);
});

test("a body that is not JSON keeps the fallback (reason json)", async () => {
  await fails({ src: "/data/not-json.json" }, {}, "json");
});

test("inline JSON that does not parse keeps the fallback (reason json)", async () => {
  await fails({}, { json: "{ title: 'not json' " }, "json");
});

test("invalid data keeps the fallback (reason invalid, with problems)", async () => {
  const { detail, message } = await fails({ src: "/data/invalid.json" }, {}, "invalid");
  const paths = detail.problems.map((p) => p.path);
  assert.ok(paths.includes("title"), paths.join());
  assert.ok(paths.includes("related[0].url"), paths.join());
  assert.ok(detail.problems.every((p) => typeof p.message === "string" && p.message));
  assert.match(message, /related\[0\]\.url/);
});

test("a brief that is not an object is invalid too", async () => {
  const { detail } = await fails({}, { json: "42" }, "invalid");
  assert.ok(detail.problems.length >= 1);
});

test("a slow server times out (reason timeout)", async () => {
  const start = Date.now();
  const { detail } = await fails({ src: "/briefs/flash-brief.json?delay=3000", timeout: "400" }, {}, "timeout");
  assert.equal(detail.timeout, 400);
  assert.ok(Date.now() - start < 2500, "gave up at the timeout, not when the server answered");
});

test("an unreachable server is a network failure (reason network)", async () => {
  await fails({ src: "http://127.0.0.1:9/brief.json" }, {}, "network");
});

for (const [page, what] of [["nowasm", "the glue module is missing (404)"], ["nobin", "the .wasm binary is missing (404)"],
  ["wasm-blocked", "the page's CSP forbids compiling WebAssembly"]]) {
  test(`${what}: the fallback stays (reason wasm)`, async () => {
    const t = await open(env, `/${page}.html`);
    await t.page.waitForFunction(() => window.__bcEvents.length > 0, null, { timeout: 10000 });
    await t.page.waitForTimeout(200);
    const all = await events(t.page);
    const s = await inspect(t.page);
    await t.close();
    assert.deepEqual(all.map((e) => [e.type, e.detail.reason]), [["brief-card:error", "wasm"]]);
    assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["error", 0, true]);
    assert.ok(s.height > 0, "not a blank box");
    assert.equal(t.errors.length, 1, JSON.stringify(t.errors));
    assert.match(t.errors[0], /\[wasm\].*brief_card\.js/);
    assert.deepEqual(t.pageErrors, []);
  });
}

test("a failed re-load (src changed to a 404) drops the old card and shows the fallback", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  const detail = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    el.addEventListener("brief-card:error", (e) => resolve(e.detail), { once: true });
    el.setAttribute("src", "/briefs/missing.json");
  }));
  await t.page.waitForTimeout(100);
  assert.deepEqual({ ...detail, problems: detail.problems.map((p) => p.path) }, { reason: "http", status: 404, problems: [""] });
  assert.match(detail.problems[0].message, /^HTTP 404 for .*\/briefs\/missing\.json$/);
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["error", 0, true]);
  assert.equal(t.errors.length, 1);
  await t.close();
});

test("invalid data through the property: one error event, fallback shown", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/minimal.json", loading: "eager" });
  const got = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    const seen = [];
    el.addEventListener("brief-card:error", (e) => seen.push(e.detail));
    el.brief = { title: "ok", url: "javascript:alert(1)" };
    setTimeout(() => resolve(seen), 300);
  }));
  assert.equal(got.length, 1);
  assert.equal(got[0].reason, "invalid");
  assert.deepEqual(got[0].problems.map((p) => p.path), ["url"]);
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["error", 0, true]);
  assert.equal(t.errors.length, 1);
  await t.close();
});

test("a brief that throws when read (a getter, a Proxy) is a problem, not a raw exception, on a page with a lang too", async () => {
  // What an outside check found: the element read the brief to give it the
  // page's language before renderBrief's guarded copy, and the exception escaped.
  const t = await open(env, "/blank.html");
  await t.page.evaluate(() => document.documentElement.setAttribute("lang", "en"));
  await mount(t.page, { src: "/briefs/minimal.json", loading: "eager" });
  for (const hostile of ["({ get title() { throw new Error('boom'); } })", "new Proxy({}, { get() { throw new Error('trap'); } })"]) {
    const got = await t.page.evaluate((hostile) => new Promise((resolve) => {
      const el = document.querySelector("brief-card");
      const seen = [];
      el.addEventListener("brief-card:error", (e) => seen.push(e.detail));
      el.brief = (0, eval)(hostile); // the test page has no CSP
      setTimeout(() => resolve({ seen, state: el.dataset.state }), 300);
    }), hostile);
    assert.equal(got.seen.length, 1, hostile);
    assert.equal(got.seen[0].reason, "invalid");
    assert.equal(got.state, "error");
  }
  assert.deepEqual(t.pageErrors, [], "nothing escaped");
  await t.close();
});
