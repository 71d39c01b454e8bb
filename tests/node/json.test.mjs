// In the wasm module, JSON is read by the JavaScript engine's JSON.parse
// (src/web/copy.js makes the plain copy of the input the module reads). These are the edges of that hand-over: what
// the form must carry exactly, and the limits the module's own reader
// enforced (src/json.rs, which the command line keeps). Needs pkg/.
//
//   node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, renderBriefHtml, validateBrief } from "../../pkg/brief_card.js";

initSync({ module: readFileSync(new URL("../../pkg/brief_card_bg.wasm", import.meta.url)) });
const title = (html) => html.match(/<h2 class="bc-title"[^>]*>([^]*?)<\/h2>/)[1];
const problems = (brief) => validateBrief(brief).map((p) => `${p.path}: ${p.message}`);

test("NUL reaches the module as it was, in strings and in names; U+0001, which HTML forbids, is dropped from text", () => {
  for (const s of ["a\0b", "\0", "\0\0", "\0\u0001", "\u0001\0\u0001", "x\0"]) {
    // Static HTML writes NUL as U+FFFD (documented); U+0001 is dropped at validation; every other character as it is.
    assert.equal(title(renderBriefHtml({ title: s })), s.replaceAll("\u0001", "").replaceAll("\0", "\ufffd"), JSON.stringify(s));
  }
  assert.deepEqual(problems({ title: "\u0001" }), ["title: must not be empty"], "nothing is left of it");
  // A member whose name starts with NUL, right after a string value.
  assert.deepEqual(problems({ title: "t\0", "\0\u0001": "x", related: [{ title: "r", "\0": 1, url: 5 }] }), ["related[0].url: expected a string, found a number"]);
});

test("JSON text and the object it stands for read the same", () => {
  const brief = { title: "t", kind: "Flash", tags: [{ label: "\u0641\u0627\u0631\u0633\u06cc" }, { label: "😀" }], summary: { paragraphs: ["p", [{ text: "link", href: "/x" }]] } };
  assert.equal(renderBriefHtml(JSON.stringify(brief)), renderBriefHtml(brief));
  assert.equal(renderBriefHtml("\ufeff" + JSON.stringify(brief)), renderBriefHtml(brief), "a byte-order mark is skipped");
  assert.deepEqual(problems('{"title":"t","title":5}'), ["title: expected a string, found a number"], "a repeated name: the last wins");
  assert.deepEqual(problems({ title: "\ud800" }), [], "a lone surrogate becomes U+FFFD");
});

test("broken JSON text is one problem that says so", () => {
  for (const text of ['{"title": "x",}', "{", "", "[1,]", "{'title': 'x'}"]) {
    const list = validateBrief(text);
    assert.equal(list.length, 1, text);
    assert.equal(list[0].path, "");
    assert.match(list[0].message, /^invalid JSON: ./, text);
  }
  // As the command line says it: nothing has no place to point at.
  assert.deepEqual(validateBrief(" \n"), [{ path: "", message: "invalid JSON: the input is empty" }]);
  assert.throws(() => renderBriefHtml({ title: "t" }, "{"), (e) => e.problems[0].path === "options" && /^invalid JSON/.test(e.problems[0].message));
});

test("nesting: as deep as the module's reader allowed, and no deeper", () => {
  const nested = (n) => "[".repeat(n) + "]".repeat(n);
  assert.deepEqual(problems(nested(16)), ["[0]: expected an object, found an array"], "16 levels are read");
  assert.deepEqual(problems(nested(17)), [`: invalid JSON: nested too deeply (the limit is 16 levels) at ${"[0]".repeat(16)}`]);
  // A hostile key is shown by its first 40 characters, as the command line shows it.
  const longKey = JSON.stringify({ ["\u202e😀".repeat(30000)]: JSON.parse(nested(16)) });
  assert.deepEqual(problems(longKey), [`: invalid JSON: nested too deeply (the limit is 16 levels) at ${"\ufffd😀".repeat(20)}…${"[0]".repeat(15)}`]);
  // A number JSON.parse reads as Infinity is out of range, as the command line says, however deep.
  assert.deepEqual(problems(`{"title":"t","x":${"[".repeat(15)}1e400${"]".repeat(15)}}`), [": invalid JSON: number out of range"]);
  assert.deepEqual(problems('{"title":"t","version":1e400}'), [": invalid JSON: number out of range"]);
  let deep = { title: "t" };
  for (let i = 0; i < 20; i++) deep = { title: "t", summary: { paragraphs: [[deep]] } };
  assert.match(problems(deep)[0], /nested too deeply/);
  assert.equal(validateBrief("[".repeat(200000)).length, 1, "no stack overflow");
});

test("the input limit counts bytes, not only characters", () => {
  // 400,000 characters of Persian: 800,000 bytes of UTF-8, under the limit (but too long a title).
  assert.match(problems({ title: "\u0641".repeat(400000) })[0], /^title: must be at most 500 characters/);
  const big = JSON.stringify({ title: "t", summary: { paragraphs: ["\u0641".repeat(600000)] } });
  assert.ok(big.length < 1000000);
  assert.deepEqual(problems(big), [`: input is ${Buffer.byteLength(big)} bytes; the limit is 1000000 bytes`]);
});

test("what a page did to the built-in prototypes does not reach the brief", () => {
  const iterator = Array.prototype[Symbol.iterator];
  Object.prototype.polluted = "x";
  Array.prototype[Symbol.iterator] = function* () {};
  try {
    assert.equal(title(renderBriefHtml({ title: "t", tags: [{ label: "a" }, { label: "b" }] })), "t");
    assert.equal((renderBriefHtml({ title: "t", tags: [{ label: "a" }, { label: "b" }] }).match(/"bc-chip"/g) ?? []).length, 2);
  } finally {
    delete Object.prototype.polluted;
    Array.prototype[Symbol.iterator] = iterator;
  }
});

test("a brief object reads as the JSON text JSON.stringify writes of it", () => {
  // Plain data is read directly; whatever JSON.stringify has rules for goes through it.
  class Tag { constructor(label) { this.label = label; } }
  const cycle = { title: "t" };
  cycle.self = cycle;
  const cases = [
    { title: "t", kind: undefined, tags: [{ label: "a", url: undefined }] },
    { title: "t", date: new Date(Date.UTC(2023, 5, 13)) },
    { title: "t", summary: { paragraphs: [{ toJSON: () => "from toJSON" }] } },
    { title: "t", tags: [new Tag("class instance")] },
    { title: "t", related: [NaN, Infinity, () => 1, Symbol("s")] },
    Object.assign(Object.create(null), { title: "null prototype" }),
    { title: "t", get kind() { return "a getter"; } },
    { title: "t", version: -0 },
    { title: "t", tags: [, { label: "after a hole" }] },
    [{ title: "a feed" }, { title: "t", tags: Object.assign([{ label: "x" }], { extra: 1 }) }],
  ];
  for (const brief of cases) {
    const text = JSON.stringify(brief);
    assert.deepEqual(validateBrief(brief), validateBrief(text), text);
    if (!validateBrief(text).length) assert.equal(renderBriefHtml(brief), renderBriefHtml(text), text);
  }
  assert.match(problems(cycle)[0], /^: could not be read as JSON: .*circular/i);
  const throwing = { title: "t", get kind() { throw new Error("getter says no"); } };
  assert.deepEqual(problems(throwing), [": could not be read as JSON: getter says no"]);
});
