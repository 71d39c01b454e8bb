// Browser XSS suite: every string of tests/hostile/corpus.txt in every text
// and URL field of a full brief (48 fields: each alone through validation,
// then all at once, then every field that accepts it at once, rendered),
// through every sink (live card in a shadow root, live card in light DOM,
// static fragment, static email), on a page WITHOUT any CSP.
//   bash scripts/build.sh && node --test tests/hostile/xss.test.mjs
// Environment: HOSTILE_EACH=1 also renders every single-field brief in every
// sink (~200,000 renders, ~25× slower); HOSTILE_LIMIT=n the first n strings
// only; HOSTILE_BATCH strings per page call (40); HOSTILE_VERBOSE=1 progress;
// HOSTILE_ALL_FAILURES=1 and HOSTILE_FAILURES_TO=file to collect every failure.
// What is asserted (the page half is tests/hostile/pages/hostile-lib.js):
//  - no script runs: alert/confirm/prompt/print/open/__xss stay untouched, no
//    dialog (from any frame), no popup, no page error;
//  - every element and attribute name is one a clean card has (learned from
//    the example briefs), no on* attribute, no comment or other node type, the
//    element structure equals the clean card's; non-data attributes have
//    values a clean card has;
//  - every href/src resolves (new URL(v, location)) to http:, https: (or mailto: for links);
//  - every text field reads back exactly as given, but for the documented
//    normalisations: lone surrogates become U+FFFD; the code points no HTML
//    document may hold (controls other than NUL and white space,
//    noncharacters) are dropped from text; NUL is U+FFFD, as HTML parsers
//    read it; in static HTML the HTML parser turns CR and CRLF into LF; a blank
//    label falls back to the built-in word; a blank paragraph is left out (the
//    renders here leave such a paragraph at its clean text);
//  - or the brief is refused, with problems only at that field's path, for
//    exactly the reasons the contract gives (length, blank required field,
//    quote text or link text,
//    id/lang syntax), URLs whenever the browser's own parser reads a scheme
//    outside the allow-list; the thrown Error carries the same problems as
//    validateBrief and the target is untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { corpus, open, useBrowser, www } from "./harness.mjs";

const env = useBrowser();
const found = { unparseable: null };
const BATCH = Number(process.env.HOSTILE_BATCH || 40); // strings per page call
const EACH = !!process.env.HOSTILE_EACH; // also render every single-field brief in every sink (~25× slower)

test("hostile strings in every field never execute, never become markup, read back literally or are refused", async () => {
  const strings = (await corpus()).slice(0, Number(process.env.HOSTILE_LIMIT || Infinity));
  assert.ok(strings.length >= Math.min(500, Number(process.env.HOSTILE_LIMIT || Infinity)), `corpus has ${strings.length} strings`);
  const examples = [];
  for (const f of (await readdir(join(www, "briefs"))).filter((f) => f.endsWith(".json"))) {
    const v = JSON.parse(await readFile(join(www, "briefs", f), "utf8"));
    examples.push(...(Array.isArray(v) ? v : [v]));
  }

  const t0 = Date.now();
  const { page, seen, close } = await open(env, "/hostile.html");
  try {
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
    const clean = await page.evaluate((ex) => window.lib.learnClean([...ex, window.lib.baseBrief()]), examples);
    const pr = await page.evaluate(() => window.lib.learnProbes());
    for (const [key, missing] of Object.entries(pr.seen)) {
      // Every text and URL field shows somewhere, but: date and dir (no marker); labels.summary (the brief's own
      // summary.heading wins); labels.feed outside a feed and in email (which lays out each brief on its own);
      // in static HTML, the labels only a live card's buttons use.
      const unseen = missing.filter((p) => !/^(date|dir|related\[1\]\.date|labels\.summary)$/.test(p) && !(p === "labels.feed" && (!key.endsWith("/feed") || key.startsWith("email")))
        && !(/^(fragment|email)/.test(key) && /^labels\.(showMore|showLess|copyLink|linkCopied)$/.test(p)));
      assert.deepEqual(unseen, [], `${key}: fields not located`);
    }
    // The control: injected markup is seen by every check, and a payload in it does run here.
    const ctl = await page.evaluate(() => window.lib.control());
    for (const want of [/foreign element <script>/, /event handler attribute onerror/, /foreign attribute onerror/, /src=.*resolves to javascript:/]) {
      assert.ok(ctl.bad.some((b) => want.test(b)), `the control was not flagged ${want}: ${JSON.stringify(ctl.bad)}`);
    }
    assert.ok(ctl.hits.length >= 1, `the control's payload did not run (so a silent page would prove nothing): ${JSON.stringify(ctl.hits)}`);
    for (let i = 0; i < strings.length; i += 500) await page.evaluate((c) => window.lib.addStrings(c), strings.slice(i, i + 500));

    const unparseable = [];
    const total = { strings: 0, validated: 0, renders: 0, rejections: 0, sinks: {}, refusedByField: {} };
    const fails = [];
    for (let from = 0; from < strings.length; from += BATCH) {
      const r = await page.evaluate(([a, b, each]) => window.lib.runBatch(a, b, { each }), [from, from + BATCH, EACH]);
      for (const k of ["strings", "validated", "renders", "rejections"]) total[k] += r.stats[k];
      for (const [s, v] of Object.entries(r.stats.sinks)) {
        const t = (total.sinks[s] ||= { renders: 0, rejections: 0 });
        t.renders += v.renders;
        t.rejections += v.rejections;
      }
      for (const [f, n] of Object.entries(r.stats.refusedByField)) total.refusedByField[f] = (total.refusedByField[f] || 0) + n;
      for (const u of r.stats.unparseable) if (!unparseable.includes(u)) unparseable.push(u);
      for (const f of r.fails) {
        const key = f.replace(/ \[(shadow|light|fragment|email)\]:/, " [*]:");
        if (!fails.includes(key)) fails.push(key);
      }
      if (process.env.HOSTILE_VERBOSE) console.log(`# batch ${from}: ${r.stats.renders} renders, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (fails.length > 100 && !process.env.HOSTILE_ALL_FAILURES) break;
    }
    const fields = await page.evaluate(() => window.lib.FIELDS.length);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`# xss: corpus ${total.strings} strings × ${fields} fields: ${total.validated} briefs validated (each field alone, every field, every accepting field)`);
    console.log(`# xss: ${total.renders} renders, ${total.rejections} rejections across sinks in ${secs} s`);
    for (const [s, v] of Object.entries(total.sinks)) console.log(`#   ${s.padEnd(8)} ${v.renders} rendered, ${v.rejections} refused`);
    console.log(`# xss: control: ${ctl.bad.length} findings and ${ctl.hits.length} trapped calls (${ctl.hits.join(", ")}) for injected markup`);
    console.log(`# xss: allowed elements ${JSON.stringify(clean.sets.shadow.tags)} (learned from ${clean.renders} clean renders)`);
    console.log(`# xss: refusals by field: ${Object.entries(total.refusedByField).map(([f, n]) => `${f}=${n}`).join(", ")}`);
    console.log(`# xss: requests to anything but the test's own files aborted: ${seen.external.length}`);
    console.log(`# xss: accepted URLs the browser cannot parse (inert): ${unparseable.length}${unparseable.map((u) => "\n#   " + u).join("")}`);
    found.unparseable = unparseable;

    if (process.env.HOSTILE_FAILURES_TO) await writeFile(process.env.HOSTILE_FAILURES_TO, fails.join("\n") + "\n");
    assert.deepEqual(fails.slice(0, 40), [], `${fails.length} distinct failures (sinks merged as [*])`);
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.deepEqual(seen.dialogs, [], "dialogs");
    assert.deepEqual(seen.popups, [], "popups");
    assert.deepEqual(await page.evaluate(() => window.__hits), [], "trapped calls");
    assert.ok(total.renders > 0 && total.rejections > 0);
  } finally {
    await close();
  }
});

// Not a security property (the browser neither follows nor fetches a URL it
// cannot parse) but the policy promises a re-serialised URL "as the WHATWG
// parser reads it": hosts IDNA refuses (bad Punycode, private-use or
// full-width characters…) are refused too (src/url_policy.rs, host_parses).
test("every URL the policy accepts is one the browser can parse", () => {
  assert.ok(found.unparseable, "the XSS test ran first");
  assert.deepEqual(found.unparseable, []);
});
