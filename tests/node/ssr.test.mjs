// Server-side rendering in Node, as the README shows it: initSync with the
// .wasm bytes, then renderBriefHtml (fragment and email variants) and the
// errors with their problems. Needs pkg/ (bash scripts/build.sh).
//
//   node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, renderBriefHtml, validateBrief } from "../../pkg/brief_card.js";

const repo = new URL("../../", import.meta.url);
initSync({ module: readFileSync(new URL("pkg/brief_card_bg.wasm", repo)) });
const flashText = readFileSync(new URL("www/briefs/flash-brief.json", repo), "utf8");
const flash = JSON.parse(flashText);

test("renderBriefHtml: the fragment, from JSON text and from an object", () => {
  const html = renderBriefHtml(flashText);
  assert.equal(renderBriefHtml(flash), html, "object and text render the same");
  assert.match(html, /^<article\b/);
  assert.ok(html.includes("Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries"));
  assert.match(html, /<time [^>]*datetime="2023-06-13"/);
  assert.doesNotMatch(html, /<script|javascript:/i);
});

test("renderBriefHtml: the email variant has inline styles and layout tables only", () => {
  const html = renderBriefHtml(flashText, { email: true, baseUrl: "https://example.org/" });
  assert.match(html, /<table role="presentation"/);
  assert.doesNotMatch(html, /<style|<link|var\(--/);
  assert.ok(html.includes("Iran’s Raisi"));
  for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g)) assert.match(url, /^(https?:|mailto:)/, url);
});

test("options change the output and are checked", () => {
  const dark = renderBriefHtml(flash, { theme: "dark", layout: "compact", linkTarget: "_blank" });
  assert.notEqual(dark, renderBriefHtml(flash));
  assert.match(dark, /target="_blank"/);
  assert.match(dark, /rel="noopener noreferrer"/);
  assert.throws(() => renderBriefHtml(flash, { theme: "neon" }), (e) => {
    assert.deepEqual(e.problems.map((p) => p.path), ["options.theme"]);
    return true;
  });
});

test("a feed renders every brief", () => {
  const html = renderBriefHtml([flash, { title: "Second brief" }]);
  assert.equal(html.match(/<article\b/g)?.length, 2);
  assert.ok(html.includes("Second brief"));
});

test("bad input throws an Error listing every problem, with the problems as data", () => {
  const bad = { title: " ", related: [{ title: "x", url: "javascript:alert(1)" }], date: "yesterday" };
  let error;
  assert.throws(() => renderBriefHtml(bad), (e) => ((error = e), true));
  assert.ok(error instanceof Error);
  assert.deepEqual(error.problems, validateBrief(bad));
  assert.deepEqual(error.problems.map((p) => p.path).sort(), ["date", "related[0].url", "title"]);
  for (const p of error.problems) assert.ok(error.message.includes(`${p.path}: ${p.message}`), p.path);
  assert.ok(error.message.includes('related[0].url: scheme "javascript" is not allowed'));
});

test("email without a base URL refuses relative URLs, with paths", () => {
  assert.throws(() => renderBriefHtml({ title: "t", url: "/briefs/1" }, { email: true }), (e) => {
    assert.deepEqual(e.problems.map((p) => p.path), ["url"]);
    return true;
  });
  assert.match(renderBriefHtml({ title: "t", url: "/briefs/1" }, { email: true, baseUrl: "https://example.org/x/" }),
    /href="https:\/\/example\.org\/briefs\/1"/);
});

test("malformed JSON text and non-briefs are problems at the root; the module stays usable", () => {
  for (const input of ["{", "null", "42", "[]", undefined, null]) {
    assert.throws(() => renderBriefHtml(input), (e) => Array.isArray(e.problems) && e.problems.length > 0, String(input));
  }
  assert.equal(validateBrief("{").at(0)?.path, "");
  assert.ok(renderBriefHtml(flashText).includes("Iran’s Raisi"), "still renders after the errors");
});
