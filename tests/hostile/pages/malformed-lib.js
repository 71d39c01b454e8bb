// In-page half of tests/hostile/malformed.test.mjs: malformed values of every
// JS type into every exported function, then a valid brief on the same instance.
import init, * as bc from "/pkg/brief_card.js";

export const wasm = await init();
const stage = document.getElementById("stage");
const VALID = { title: "Still working", summary: { paragraphs: ["after everything"] }, related: [{ title: "r", url: "/r" }] };

const throwing = (what) => () => { throw new Error(`${what} throws`); };
const allTraps = ["get", "set", "has", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "deleteProperty", "getPrototypeOf",
  "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"];
const trapAll = () => Object.fromEntries(allTraps.map((t) => [t, throwing(`proxy ${t}`)]));

function cyclic() { const o = { title: "cycle" }; o.self = o; o.summary = { paragraphs: [o] }; return o; }
function cyclicArray() { const a = [{ title: "x" }]; a.push(a); return a; }
function deepObject(n) { let o = { title: "deep" }; for (let i = 0; i < n; i++) o = { title: "x", summary: o }; return o; }
function deepArray(n) { let a = []; for (let i = 0; i < n; i++) a = [a]; return a; }
const revoked = () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; };

// Large values are built once and reused.
const big = {};
const huge = (k, make) => () => (big[k] ??= make());

/** [name, () => value]: every JS type, and the malformed shapes a brief can take. */
export const VALUES = [
  ["null", () => null], ["undefined", () => undefined], ["0", () => 0], ["-0", () => -0], ["NaN", () => NaN], ["Infinity", () => Infinity],
  ["-Infinity", () => -Infinity], ["1e308", () => 1e308], ["5e-324", () => 5e-324], ["2**53+1", () => 2 ** 53 + 1], ["true", () => true], ["false", () => false],
  ["BigInt", () => 42n], ["huge BigInt", () => 2n ** 1000n], ["Symbol", () => Symbol("s")], ["Symbol.iterator", () => Symbol.iterator],
  ["function", () => function f() {}], ["arrow", () => () => VALID], ["class", () => class C {}], ["async fn", () => async () => {}],
  ["generator", () => (function* g() {})()], ["bound", () => Math.max.bind(null)],
  ["empty string", () => ""], ["space", () => " "], ["x", () => "x"], ["{", () => "{"], ["[", () => "["], ["}", () => "}"], ["'{}'", () => "{}"],
  ["'[]'", () => "[]"], ["'null'", () => "null"], ["'1'", () => "1"], ["'\"x\"'", () => "\"x\""], ["broken JSON", () => "{\"title\": \"x\",}"],
  ["truncated JSON", () => "{\"title\": \"x"], ["JSON with NUL", () => "{\"title\": \"a\u0000b\"}"], ["BOM JSON", () => "\ufeff{\"title\":\"bom\"}"],
  ["double BOM", () => "\ufeff\ufeff{\"title\":\"x\"}"], ["JSON lone surrogate", () => "{\"title\":\"\\ud800\"}"], ["raw lone surrogate", () => "{\"title\":\"\ud800\"}"],
  ["single quotes", () => "{'title':'x'}"], ["comment", () => "{/**/\"title\":\"x\"}"], ["trailing garbage", () => "{\"title\":\"x\"} x"],
  ["NaN literal", () => "{\"title\":\"x\",\"version\":NaN}"], ["huge number", () => "{\"title\":\"x\",\"version\":1e99999}"],
  ["version 1.0", () => "{\"title\":\"x\",\"version\":1.0}"], ["version '1'", () => ({ title: "x", version: "1" })],
  ["String object", () => new String("{\"title\":\"boxed\"}")], ["Number object", () => new Number(1)], ["Boolean object", () => new Boolean(false)],
  ["Date", () => new Date(0)], ["invalid Date", () => new Date(NaN)], ["Map", () => new Map([["title", "x"]])], ["Set", () => new Set([1])],
  ["WeakMap", () => new WeakMap()], ["RegExp", () => /title/g], ["Error", () => new Error("boom")], ["Promise", () => Promise.resolve(VALID)],
  ["ArrayBuffer", () => new ArrayBuffer(16)], ["Uint8Array", () => new Uint8Array([123, 125])], ["DataView", () => new DataView(new ArrayBuffer(4))],
  ["null prototype", () => Object.assign(Object.create(null), { title: "np" })], ["frozen", () => Object.freeze({ title: "frozen" })],
  ["Symbol keys", () => ({ [Symbol("title")]: "x", title: "sym" })], ["non-enumerable title", () => Object.defineProperty({}, "title", { value: "hidden" })],
  ["title getter throws", () => ({ get title() { throw new Error("getter throws"); } })],
  ["nested getter throws", () => ({ title: "x", summary: { get paragraphs() { throw new TypeError("nested getter"); } } })],
  ["toJSON throws", () => ({ title: "x", toJSON: throwing("toJSON") })], ["toJSON undefined", () => ({ toJSON: () => undefined })],
  ["toJSON symbol", () => ({ toJSON: () => Symbol("x") })], ["toJSON valid", () => ({ toJSON: () => VALID })],
  ["toJSON throws non-Error", () => ({ toJSON() { throw "a string"; } })], ["toJSON throws null", () => ({ toJSON() { throw null; } })],
  ["toJSON throws object", () => ({ toJSON() { throw { message: 5 }; } })], ["toJSON throws Symbol", () => ({ toJSON() { throw Symbol("s"); } })],
  ["toJSON re-enters validateBrief", () => ({ toJSON() { bc.validateBrief(VALID); return VALID; } })],
  ["toJSON re-enters renderBriefHtml", () => ({ toJSON() { bc.renderBriefHtml(VALID); return { title: "reentrant" }; } })],
  ["toJSON re-enters renderBrief", () => ({ toJSON() { const t = document.createElement("div"); const h = bc.renderBrief(t, VALID); h.destroy(); h.free(); return VALID; } })],
  ["toJSON re-enters with garbage", () => ({ toJSON() { try { bc.renderBriefHtml({ toJSON: throwing("inner") }); } catch {} return VALID; } })],
  ["proxy, every trap throws", () => new Proxy({}, trapAll())], ["array proxy, every trap throws", () => new Proxy([], trapAll())],
  ["function proxy", () => new Proxy(function () {}, trapAll())], ["revoked proxy", revoked],
  ["proxy lying about keys", () => new Proxy({}, { ownKeys: () => ["title", "title"], getOwnPropertyDescriptor: () => ({ value: "x", enumerable: true, configurable: true }) })],
  ["cyclic object", cyclic], ["cyclic array", cyclicArray], ["BigInt inside", () => ({ title: "x", version: 1n })],
  ["function inside", () => ({ title: () => "x" })], ["undefined title", () => ({ title: undefined })], ["NaN inside", () => ({ title: "x", version: NaN })],
  ["array of junk", () => [null, 1, "x", [], {}, () => {}, Symbol("s")]], ["empty array", () => []], ["empty object", () => ({})],
  ["sparse array", () => { const a = []; a[5] = { title: "x" }; return a; }], ["array with props", () => Object.assign([{ title: "x" }], { title: "arr" })],
  ["DOM element", () => document.createElement("div")], ["body", () => document.body], ["document", () => document], ["window", () => window],
  ["text node", () => document.createTextNode("{\"title\":\"x\"}")], ["NodeList", () => document.querySelectorAll("*")], ["Event", () => new Event("x")],
  ["globalThis.JSON", () => JSON], ["Math", () => Math], ["arguments", function () { return arguments; }],
  ["deep JS object 10k", huge("deepObj10k", () => deepObject(10_000))], ["deep JS array 100k", huge("deepArr100k", () => deepArray(100_000))],
  ["deep JSON text 100k", huge("deepText", () => "[".repeat(100_000) + "]".repeat(100_000))],
  ["deep JSON text unclosed 100k", huge("deepOpen", () => "{\"a\":".repeat(100_000))],
  ["array of 200k items", huge("arr200k", () => Array.from({ length: 200_000 }, () => ({ title: "x" })))],
  ["JSON of 200k items", huge("text200k", () => "[" + Array(200_000).fill("1").join(",") + "]")],
  ["5 MB string", huge("s5mb", () => "x".repeat(5 * 1024 * 1024))],
  ["5 MB JSON title", huge("j5mb", () => JSON.stringify({ title: "a".repeat(5 * 1024 * 1024) }))],
  ["5 MB title object", huge("o5mb", () => ({ title: "b".repeat(5 * 1024 * 1024) }))],
  ["999,999-byte JSON", huge("j1mb", () => JSON.stringify({ title: "t", summary: { paragraphs: ["p".repeat(999_960)] } }).padEnd(999_999, " "))],
  ["10k-char title", () => ({ title: "t".repeat(10_001) })], ["300 problems", () => ({ title: "", related: Array.from({ length: 100 }, () => ({ url: "javascript:x" })) })],
];
const HUGE = new Set(["deep JS object 10k", "deep JS array 100k", "deep JSON text 100k", "deep JSON text unclosed 100k", "array of 200k items",
  "JSON of 200k items", "5 MB string", "5 MB JSON title", "5 MB title object", "999,999-byte JSON"]);

/** Places a bad value can take inside an otherwise valid brief. */
const SHAPES = [
  (v) => v, (v) => ({ title: v }), (v) => ({ title: "x", summary: v }), (v) => ({ title: "x", summary: { paragraphs: [v] } }),
  (v) => ({ title: "x", summary: { paragraphs: [[v]] } }), (v) => ({ title: "x", related: [v] }), (v) => ({ title: "x", related: [{ title: "r", url: v }] }),
  (v) => ({ title: "x", labels: v }), (v) => ({ title: "x", image: { src: "/i.png", alt: v } }), (v) => [v], (v) => [{ title: "x" }, v],
  (v) => ({ title: "x", tags: [{ label: "t", url: v }] }), (v) => ({ title: "x", version: v }), (v) => ({ title: "x", date: v }),
];

/** Targets: good ones and everything that is not an element that can hold a card. */
function targets() {
  const other = document.implementation.createHTMLDocument("other");
  const closed = document.createElement("div");
  closed.attachShadow({ mode: "closed" });
  const occupied = document.createElement("div");
  occupied.attachShadow({ mode: "open" }).append(document.createElement("p"));
  return [
    ["connected div", () => stage.appendChild(document.createElement("div")), true],
    ["detached div", () => document.createElement("div"), true],
    ["div of another document", () => other.body.appendChild(other.createElement("div")), true],
    ["element with open shadow root", () => stage.appendChild(occupied), true],
    ["element with closed shadow root", () => closed, false],
    ["input (no shadow root)", () => document.createElement("input"), false],
    ["img", () => document.createElement("img"), false],
    ["svg element", () => document.createElementNS("http://www.w3.org/2000/svg", "g"), false],
    ["text node", () => document.createTextNode("x"), false], ["document", () => document, false], ["window", () => window, false],
    ["fragment", () => document.createDocumentFragment(), false], ["null", () => null, false], ["undefined", () => undefined, false],
    ["selector string", () => "#stage", false], ["object", () => ({ nodeType: 1, tagName: "DIV" }), false],
    ["proxy", () => new Proxy({}, trapAll()), false], ["Symbol", () => Symbol("t"), false],
  ];
}

const OPTIONS = [
  ["none", () => undefined], ["null", () => null], ["empty", () => ({})], ["dark", () => ({ theme: "dark" })], ["light DOM", () => ({ shadow: false })],
  ["bad theme", () => ({ theme: "neon" })], ["theme number", () => ({ theme: 5 })], ["layout null", () => ({ layout: null })],
  ["labels string", () => ({ labels: "x" })], ["baseUrl javascript", () => ({ baseUrl: "javascript:alert(1)" })], ["baseUrl relative", () => ({ baseUrl: "/x" })],
  ["linkTarget _top", () => ({ linkTarget: "_top" })], ["locale junk", () => ({ locale: "\u0000<script>" })], ["locale long", () => ({ locale: "x".repeat(1e5) })],
  ["email", () => ({ email: true, baseUrl: "https://example.org/" })], ["shadow string", () => ({ shadow: "false" })],
  ["options as JSON text", () => "{\"theme\":\"dark\"}"], ["options broken text", () => "{"], ["options array", () => []], ["options number", () => 7],
  ["options getter throws", () => ({ get theme() { throw new Error("theme getter"); } })], ["options proxy", () => new Proxy({}, trapAll())],
  ["options cyclic", () => { const o = {}; o.o = o; return o; }], ["options BigInt", () => 1n], ["options Symbol", () => Symbol("o")],
  ["options function", () => () => ({})],
];
const HUGE_OPTIONS = [["options 5 MB", huge("opt5mb", () => ({ locale: "x".repeat(5 * 1024 * 1024) }))], ["options 5 MB text", huge("opt5mbt", () => " ".repeat(5 * 1024 * 1024) + "{}")]];

function isProblemError(e) {
  return e instanceof Error && typeof e.message === "string" && Array.isArray(e.problems) && e.problems.length > 0 &&
    e.problems.every((p) => typeof p?.path === "string" && typeof p?.message === "string" && p.message.length > 0);
}

/**
 * `count` malformed calls of every export. Returns counts by function and
 * outcome and the first failures (a non-Error or problem-less throw, a
 * validateBrief that throws or returns a non-array, a render that changed
 * a target it refused, a valid render that stopped working).
 */
export function run(count) {
  const stats = { calls: 0, returned: 0, threw: 0, byFunction: {}, huge: 0 };
  const fails = [];
  const fail = (m) => { if (fails.length < 50) fails.push(m); };
  const note = (fn, outcome) => { const s = (stats.byFunction[fn] ||= { ok: 0, threw: 0 }); s[outcome === "ok" ? "ok" : "threw"]++; stats.calls++; outcome === "ok" ? stats.returned++ : stats.threw++; };
  const call = (fn, label, f) => {
    try {
      const r = f();
      note(fn, "ok");
      return { ok: true, value: r };
    } catch (e) {
      note(fn, "threw");
      if (!isProblemError(e)) fail(`${fn}(${label}) threw ${e instanceof Error ? `an Error without problems: ${e.message.slice(0, 120)}` : `a non-Error: ${String(e).slice(0, 80)}`}`);
      return { ok: false, error: e };
    }
  };
  const TARGETS = targets();
  const cheap = VALUES.filter(([n]) => !HUGE.has(n));
  const items = [];
  for (let i = 0; i < count; i++) {
    const [name, make] = cheap[i % cheap.length];
    const shapeIx = Math.floor(i / cheap.length) % SHAPES.length;
    items.push([`${name} @shape${shapeIx}`, () => SHAPES[shapeIx](make())]);
  }
  // The huge values: each through every function, in two shapes.
  for (const [name, make] of VALUES.filter(([n]) => HUGE.has(n))) {
    items.push([name, make], [`${name} as title`, () => ({ title: make() })]);
    stats.huge += 2;
  }

  for (const [optName, opt] of HUGE_OPTIONS) {
    call("renderBriefHtml", `VALID, options ${optName}`, () => bc.renderBriefHtml(VALID, opt()));
    const t = stage.appendChild(document.createElement("div"));
    const r = call("renderBrief", `VALID, options ${optName}`, () => bc.renderBrief(t, VALID, opt()));
    if (r.ok) { r.value.destroy(); r.value.free(); }
    t.remove();
  }

  items.forEach(([label, make], i) => {
    // validateBrief: never throws, always an array of {path, message}.
    try {
      const r = bc.validateBrief(make());
      stats.calls++; (stats.byFunction.validateBrief ||= { ok: 0, threw: 0 }).ok++; stats.returned++;
      if (!Array.isArray(r) || !r.every((p) => typeof p?.path === "string" && typeof p?.message === "string")) fail(`validateBrief(${label}) returned ${JSON.stringify(r)?.slice(0, 100)}`);
    } catch (e) {
      note("validateBrief", "threw");
      fail(`validateBrief(${label}) threw: ${String(e?.message ?? e).slice(0, 120)}`);
    }
    // renderBriefHtml with the bad brief, and a good brief with bad options.
    const [optName, opt] = OPTIONS[i % OPTIONS.length];
    const html = call("renderBriefHtml", label, () => bc.renderBriefHtml(make(), opt()));
    if (html.ok && typeof html.value !== "string") fail(`renderBriefHtml(${label}) returned ${typeof html.value}`);
    call("renderBriefHtml", `VALID, options ${optName}`, () => bc.renderBriefHtml(VALID, opt()));
    // renderBrief: bad brief into a good target; good brief into each kind of target with these options.
    const t = stage.appendChild(document.createElement("div"));
    t.textContent = "host content";
    const r = call("renderBrief", label, () => bc.renderBrief(t, make(), i % 2 ? { shadow: false } : undefined));
    if (r.ok) { r.value.destroy(); r.value.free(); }
    else if (t.shadowRoot || t.textContent !== "host content" || t.childNodes.length !== 1) fail(`renderBrief(${label}) refused but changed the target`);
    t.remove();
    const [tName, makeTarget, canHold] = TARGETS[i % TARGETS.length];
    const target = makeTarget();
    const g = call("renderBrief", `target ${tName}, options ${optName}`, () => bc.renderBrief(target, VALID, opt()));
    if (g.ok) {
      // update with the bad value: refused, the card stays; then with a good one.
      const root = target.shadowRoot ?? target;
      const before = root.querySelector("article");
      const u = call("update", label, () => g.value.update(make()));
      if (!u.ok && (!before || !root.contains(before))) fail(`update(${label}) refused but removed the card`);
      call("update", "VALID", () => g.value.update(VALID));
      g.value.destroy();
      const d = call("update", "after destroy", () => g.value.update(VALID)); // refused: the card was destroyed
      if (d.ok || d.error.message !== "this card was destroyed" || d.error.problems.length !== 1 || d.error.problems[0].path !== "") fail(`update after destroy (${label}): ${d.ok ? "accepted" : d.error.message}`);
      g.value.destroy(); // twice: harmless
      g.value.free(); // does nothing, but hosts call it
    } else if (canHold && !/options|theme|layout|labels|baseUrl|linkTarget|locale|shadow|email/.test(g.error?.message ?? "")) {
      fail(`renderBrief(VALID) into ${tName} with options ${optName} refused: ${g.error?.message}`);
    }
    try { if (target !== stage && typeof target?.remove === "function") target.remove(); } catch { /* a proxy target */ }
    // Every 500 items: the module still renders a valid brief.
    if (i % 500 === 0) {
      const ok = stillWorks();
      if (ok !== true) fail(`after item ${i} (${label}): ${ok}`);
    }
  });
  return { stats, fails, items: items.length, memory: wasm.memory.buffer.byteLength };
}

/** A valid brief through every export, on the same module instance: true, or what went wrong. */
export function stillWorks() {
  try {
    const t = stage.appendChild(document.createElement("div"));
    const h = bc.renderBrief(t, VALID);
    const titled = t.shadowRoot?.querySelector("article h2")?.textContent === "Still working";
    h.update({ ...VALID, title: "Updated" });
    const updated = t.shadowRoot?.querySelector("article h2")?.textContent === "Updated";
    h.destroy(); h.free(); t.remove();
    const html = bc.renderBriefHtml(VALID);
    const problems = bc.validateBrief(VALID);
    const bad = bc.validateBrief({ title: "" });
    if (!titled || !updated) return "renderBrief/update no longer render the title";
    if (!html.includes("<article") || !html.includes("Still working")) return "renderBriefHtml no longer renders";
    if (problems.length !== 0 || bad.length !== 1 || bad[0].path !== "title") return "validateBrief no longer validates";
    return true;
  } catch (e) {
    return `threw ${e?.message ?? e}`;
  }
}
