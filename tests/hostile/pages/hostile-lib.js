// In-page half of tests/hostile/xss.test.mjs: renders briefs carrying
// hostile strings through every sink and inspects what came out. Runs in a
// page WITHOUT any CSP (hostile.html), whose first script trapped alert,
// confirm, prompt, print, open and defined window.__xss.
import init, * as bc from "/pkg/brief_card.js";

export const wasm = await init();
export { bc };

const stage = document.getElementById("stage");
const sandbox = document.getElementById("sandbox");

// ---- the sinks ------------------------------------------------------------

/** Where a brief can end up: the live card (shadow and light DOM) and the static HTML (fragment, email). */
export const SINKS = {
  shadow: { live: true, options: {} },
  light: { live: true, options: { shadow: false, linkTarget: "_blank", theme: "dark" } },
  fragment: { live: false, options: {} },
  email: { live: false, options: { email: true, theme: "auto", baseUrl: "https://example.org/briefs/2023/index.html?x=1#top" } },
};
export const SINK_NAMES = Object.keys(SINKS);

/**
 * Renders `input` in `sink`; returns {root, done} (root: what to inspect) or throws.
 * Static HTML is parsed inertly with DOMParser (root) AND attached to this
 * live document through createContextualFragment, which, unlike innerHTML,
 * makes <script> elements executable: if anything in it could run, it does.
 */
function render(sink, input) {
  const cfg = SINKS[sink];
  if (cfg.live) {
    const target = document.createElement("div");
    stage.append(target);
    let handle;
    try {
      handle = bc.renderBrief(target, input, cfg.options);
    } catch (e) {
      const untouched = target.childNodes.length === 0 && !target.shadowRoot;
      target.remove();
      if (!untouched) e.__touched = true;
      throw e;
    }
    return { root: sink === "shadow" ? target.shadowRoot : target, done() { handle.destroy(); handle.free(); target.remove(); } };
  }
  const html = bc.renderBriefHtml(input, cfg.options);
  if (typeof html !== "string") throw new Error("renderBriefHtml returned " + typeof html);
  const parsed = new DOMParser().parseFromString("<!doctype html><html><head></head><body>" + html + "</body></html>", "text/html");
  const box = document.createElement("div");
  sandbox.append(box);
  const range = document.createRange();
  range.selectNodeContents(box);
  box.append(range.createContextualFragment(html));
  return { root: parsed.body, live: box, done() { box.remove(); } };
}

// ---- what a clean card looks like ------------------------------------------

/** Attributes that carry data from the brief; every other attribute's value must be one a clean card uses. */
const DATA_ATTRS = new Set(["href", "src", "alt", "id", "lang", "aria-label", "aria-controls", "aria-describedby", "aria-labelledby", "data-more", "data-less",
  "data-done", "data-anchor", "datetime"]);
const URL_ATTRS = { href: ["http:", "https:", "mailto:"], src: ["http:", "https:"] };

/** Tag names, attribute names and values of the non-data attributes, seen in clean renders, per sink. */
export const allowed = {};

function learn(sink, root) {
  const a = (allowed[sink] ||= { tags: new Set(), attrs: new Set(), values: {} });
  for (const el of root.querySelectorAll("*")) {
    a.tags.add(el.localName + "|" + el.namespaceURI);
    for (const at of el.attributes) {
      a.attrs.add(at.name);
      if (!DATA_ATTRS.has(at.name)) (a.values[at.name] ||= new Set()).add(at.value);
    }
  }
}

/** Learns the allowed sets from clean briefs (the examples and the full test brief) in every sink. */
export function learnClean(briefs) {
  let n = 0;
  for (const sink of SINK_NAMES) {
    for (const b of briefs) {
      for (const variant of [b, [b]]) {
        const r = render(sink, variant);
        learn(sink, r.root);
        r.done();
        n++;
      }
    }
  }
  const out = {};
  for (const [sink, a] of Object.entries(allowed)) out[sink] = { tags: [...a.tags].map((t) => t.split("|")[0]).sort(), attrs: [...a.attrs].sort() };
  return { renders: n, sets: out };
}

// ---- inspecting a render -----------------------------------------------------

function elementPath(root, el) {
  const path = [];
  for (let n = el; n !== root; n = n.parentNode) path.unshift([...n.parentNode.children].indexOf(n));
  return path;
}

function at(root, path) {
  let n = root;
  for (const i of path) {
    n = n?.children[i];
  }
  return n;
}

/**
 * Structural problems of a render: foreign tags or attributes, handlers, bad
 * URLs, comments, nested roots. URLs the browser cannot parse at all are
 * inert (no navigation, no fetch) and listed apart, in `unparseable`.
 */
// Email's only comments, the same on every card: Outlook's table around
// each column (OUTLOOK_COLUMN_OPEN and _CLOSE in src/render/mod.rs).
const EMAIL_COMMENTS = new Set([
  '[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]',
  "[if mso]></td></tr></table><![endif]",
]);

function inspect(sink, root, base) {
  const a = allowed[sink];
  const bad = [];
  const unparseable = [];
  const tags = [];
  for (const el of root.querySelectorAll("*")) {
    tags.push(el.localName);
    if (!a.tags.has(el.localName + "|" + el.namespaceURI)) bad.push(`foreign element <${el.localName}> (${el.namespaceURI})`);
    if (el.shadowRoot) bad.push(`nested shadow root on <${el.localName}>`);
    for (const at of el.attributes) {
      if (/^on/i.test(at.name)) bad.push(`event handler attribute ${at.name} on <${el.localName}>`);
      if (!a.attrs.has(at.name)) bad.push(`foreign attribute ${at.name} on <${el.localName}>`);
      else if (!DATA_ATTRS.has(at.name) && !a.values[at.name].has(at.value)) bad.push(`attribute ${at.name}=${JSON.stringify(at.value.slice(0, 80))} never seen on a clean card`);
      const schemes = URL_ATTRS[at.name];
      if (schemes) {
        let proto;
        try { proto = new URL(at.value, location.href).protocol; } catch { proto = null; unparseable.push(at.value); }
        if (proto !== null && !schemes.includes(proto)) bad.push(`${at.name}=${JSON.stringify(at.value.slice(0, 100))} on <${el.localName}> resolves to ${proto}`);
      }
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.COMMENT_NODE && sink === "email" && EMAIL_COMMENTS.has(n.data)) continue;
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.TEXT_NODE) bad.push(`node of type ${n.nodeType} (${n.nodeName})`);
  }
  const shape = tags.join(",");
  if (base && shape !== base) bad.push(`element structure differs from the clean card's (${tags.length} elements)`);
  return { bad, shape, unparseable };
}

// ---- the fields of a brief ---------------------------------------------------

// kind: short | req (required, blank refused) | long (a run) | para (a whole paragraph, left out when blank)
// | said (a quote's text) and link (a link's text): blank refused | label | alt | id | lang | dir | date | url | res (image URL)
export const FIELDS = [
  ["id", "id"], ["kind", "short"], ["title", "req"], ["summary.heading", "short"], ["summary.paragraphs[0]", "para"],
  ["summary.paragraphs[1][0]", "long"], ["summary.paragraphs[1][1].text", "link"], ["summary.paragraphs[1][2].text", "long"],
  ["quotes[0].text", "said"], ["quotes[0].author", "req"], ["quotes[0].role", "short"], ["quotes[1].text[0].text", "long"],
  ["quotes[1].author", "req"], ["sections[0].heading", "req"], ["sections[0].paragraphs[0]", "para"], ["sections[0].paragraphs[1][0].text", "link"],
  ["related[0].title", "req"], ["related[0].author", "short"], ["related[0].kind", "short"], ["tags[0].label", "req"], ["tags[1].label", "req"],
  ["publisher.name", "req"], ["image.alt", "alt"], ["image.caption", "short"],
  ...["summary", "quotes", "related", "tags", "readMore", "showMore", "showLess", "copyLink", "linkCopied", "feed"].map((k) => [`labels.${k}`, "label"]),
  ["lang", "lang"], ["quotes[0].lang", "lang"], ["dir", "dir"], ["date", "date"], ["related[1].date", "date"],
  ["url", "url"], ["publisher.url", "url"], ["publisher.logo", "res"], ["image.src", "res"], ["quotes[0].url", "url"], ["related[0].url", "url"],
  ["related[1].url", "url"], ["tags[0].url", "url"], ["summary.paragraphs[1][1].href", "url"], ["sections[0].paragraphs[1][0].href", "url"],
].map(([path, kind], i) => ({ path, kind, i }));
const TEXT_KINDS = new Set(["short", "req", "long", "para", "said", "link", "label", "alt", "id", "lang"]);
const URL_KINDS = new Set(["url", "res"]);

const marker = (i) => "zq" + String.fromCharCode(97 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26)) + "qz";

const tokens = (path) => path.match(/[^.[\]]+/g).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
function setPath(obj, path, value) {
  const ts = tokens(path);
  let o = obj;
  for (let k = 0; k < ts.length - 1; k++) {
    if (o[ts[k]] === undefined) o[ts[k]] = typeof ts[k + 1] === "number" ? [] : {};
    o = o[ts[k]];
  }
  o[ts[ts.length - 1]] = value;
}

/** The full brief: every text field holds its marker, every URL field a URL with its marker. */
export function baseBrief() {
  const p = (t) => t;
  const b = {
    version: 1,
    date: "2023-06-13",
    dir: "ltr",
    publisher: {},
    image: {},
    summary: { paragraphs: [0, [0, { text: 0, href: 0 }, { text: 0, strong: true, em: true }], p("Third."), p("Fourth."), p("Fifth."), p("Sixth.")] },
    quotes: [{ text: 0, author: 0 }, { text: [{ text: 0, em: true }, " and more"], author: 0 }],
    sections: [{ heading: 0, paragraphs: [0, [{ text: 0, href: 0 }, " tail"]] }],
    related: [{ title: 0, url: 0 }, { title: "Second related", url: 0, date: "2024-02-29" }],
    tags: [{ label: 0, url: 0 }, { label: 0 }],
    labels: {},
  };
  for (const f of FIELDS) {
    if (f.kind === "dir" || f.kind === "date") continue;
    const m = marker(f.i);
    setPath(b, f.path, URL_KINDS.has(f.kind) ? `https://example.org/${m}/x.png` : m);
  }
  return b;
}

/** Where each field shows: {path, attr|null, template} of every text node and attribute holding its marker, per sink. */
export const probes = {};
/** The element structure of the base card, per sink and per wrapping (one brief or a feed of one). */
export const shapes = {};

export function learnProbes() {
  const base = baseBrief();
  const noLabels = { ...base, labels: undefined };
  for (const sink of SINK_NAMES) {
    for (const feed of [false, true]) {
      const key = sink + (feed ? "/feed" : "");
      const r = render(sink, feed ? [base] : base);
      const shape = inspect(sink, r.root, null);
      if (shape.bad.length) throw new Error(`the clean base card has problems in ${key}: ${shape.bad.join("; ")}`);
      shapes[key] = shape.shape;
      const list = (probes[key] = []);
      const walker = document.createTreeWalker(r.root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const f of FIELDS) {
          const m = marker(f.i);
          if (n.nodeType === Node.TEXT_NODE && n.data.includes(m)) {
            list.push({ field: f.i, path: elementPath(r.root, n.parentNode), attr: null, template: n.parentNode.textContent });
          } else if (n.nodeType === Node.ELEMENT_NODE) {
            for (const at of n.attributes) {
              if (at.value.includes(m)) list.push({ field: f.i, path: elementPath(r.root, n), attr: at.name, template: at.value });
            }
          }
        }
      }
      r.done();
      // A blank label falls back to the built-in word: what the card shows without label overrides.
      const plain = render(sink, feed ? [noLabels] : noLabels);
      for (const pr of list) {
        if (FIELDS[pr.field].kind !== "label") continue;
        const el = at(plain.root, pr.path);
        pr.fallback = pr.attr ? el?.getAttribute(pr.attr) : el?.textContent;
      }
      plain.done();
    }
  }
  const seen = {};
  for (const [key, list] of Object.entries(probes)) {
    const found = new Set(list.map((p) => p.field));
    seen[key] = FIELDS.filter((f) => !found.has(f.i)).map((f) => f.path);
  }
  return { seen, fields: FIELDS.length };
}

// ---- what validation must do --------------------------------------------------

// Blank: white space (Rust's char::is_whitespace) and default-ignorables (zero-width spaces and
// joiners, directional controls, fillers), which show nothing.
const blank = (s) => /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u.test(s);
// Text without what validation drops (src/validate/checker.rs, not_in_html): controls other than
// NUL and ASCII white space, and noncharacters, which no HTML document may hold.
const kept = (s) => [...s].filter((c) => {
  const n = c.codePointAt(0);
  return !((n < 0x20 && ![0, 9, 10, 12, 13].includes(n)) || (n >= 0x7f && n <= 0x9f) || (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) === 0xfffe);
}).join("");
// Text with the directional controls it does not pair dropped (src/validate/bidi.rs), matched
// as UAX #9 matches them: PDF closes the innermost embedding unless an isolate is open inside it;
// PDI closes the innermost isolate and all opened inside it.
function balanced(s) {
  const out = [], open = [];
  for (const c of s) {
    if (c === "\u202c") {
      if (open.at(-1)?.isolate !== false) continue;
      open.pop();
    } else if (c === "\u2069") {
      const i = open.findLastIndex((o) => o.isolate);
      if (i < 0) continue;
      open.length = i;
    } else if (/[\u202a\u202b\u202d\u202e\u2066-\u2068]/.test(c)) {
      open.push({ isolate: c >= "\u2066", at: out.length });
    }
    out.push(c);
  }
  const unpaired = new Set(open.map((o) => o.at));
  return out.filter((_, i) => !unpaired.has(i)).join("");
}
const chars = (s) => [...s.toWellFormed()].length;
const isLangTag = (s) => { const [p, ...rest] = s.split("-"); return /^[A-Za-z]{2,8}$/.test(p) && rest.every((x) => /^[A-Za-z0-9]{1,8}$/.test(x)); };
const ORACLE_BASE = "https://host.example/dir/page?q#f";

/**
 * For a text field: must `s` be refused (true), accepted (false)? For a URL
 * field: true if it must be refused, null if either is fine (the output is
 * then checked). The browser's own URL parser is the oracle for schemes.
 */
function mustRefuse(kind, raw) {
  // Text fields are judged as validation keeps them; codes (ids, language tags, dates, dir) and URLs as written.
  const s = ["url", "res", "date", "dir", "id", "lang"].includes(kind) ? raw : kept(raw.toWellFormed());
  const n = chars(s);
  switch (kind) {
    case "short": case "alt": case "label": return n > 500;
    case "req": return n > 500 || blank(s);
    case "long": case "para": return n > 10000;
    case "said": case "link": return n > 10000 || blank(s);
    case "id": return n > 500 || !/^[A-Za-z0-9._:-]+$/.test(s);
    case "lang": return n > 35 || !isLangTag(s);
    case "dir": return !["ltr", "rtl", "auto"].includes(s);
    case "date": return null;
    case "url": case "res": {
      if (n > 2048 || /^[\u0000-\u0020]*$/.test(s)) return true; // WHATWG strips C0 controls and spaces, nothing else
      let proto = null;
      try { proto = new URL(s, ORACLE_BASE).protocol; } catch {}
      const ok = kind === "url" ? ["http:", "https:", "mailto:"] : ["http:", "https:"];
      return proto !== null && !ok.includes(proto) ? true : null;
    }
  }
  throw new Error("unknown kind " + kind);
}

/** What a text field must read as, in a live card or in static HTML. */
function shown(s, sink) {
  // Lone surrogates: U+FFFD; what no HTML document may hold: dropped; directional controls
  // balanced; NUL as U+FFFD, as HTML parsers read it, in every output (src/validate/checker.rs).
  const w = balanced(kept(s.toWellFormed())).replace(/\u0000/g, "\ufffd");
  if (SINKS[sink].live) return w;
  // Static HTML: the HTML parser turns CR and CRLF into LF.
  return w.replace(/\r\n?/g, "\n");
}

// ---- one batch ------------------------------------------------------------------

const strings = [];
/** Receives the corpus (in chunks: the page keeps it). */
export function addStrings(chunk) { strings.push(...chunk); return strings.length; }

const sameProblems = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// A sink with a base URL may take a URL past the length limit once resolved, which
// validateBrief (no base) cannot know: those problems are the only ones it may add.
const withoutResolvedLength = (ps) => ps.filter((p) => !p.message.includes("once resolved against the base URL"));
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * Strings [from, to) of the corpus. Each string goes into every field on its
 * own (validated: refused exactly when the contract says, at that path),
 * then into every field at once (refused with exactly those paths) and into
 * every field that accepts it at once (rendered). Every render goes through
 * every sink. With `each`, every single-field brief is rendered too (slow).
 * Returns counts and failures (each a one-line description).
 */
export async function runBatch(from, to, { each = false } = {}) {
  const stats = { strings: 0, validated: 0, renders: 0, rejections: 0, refusedByField: {}, sinks: {}, unparseable: [] };
  const fails = [];
  const fail = (msg) => { if (fails.length < 200) fails.push(msg); };
  const open = [];
  const base = baseBrief();
  const hitsBefore = window.__hits.length;

  for (let si = from; si < Math.min(to, strings.length); si++) {
    const s = strings[si];
    stats.strings++;
    const feed = si % 2 === 1; // odd strings: the brief inside a feed of one
    const asText = si % 3 === 0; // every third: passed as JSON text rather than an object
    const prefix = feed ? "[0]." : "";
    const label = `string #${si} ${JSON.stringify(s.slice(0, 60))}${s.length > 60 ? "…" : ""}`;
    const refused = new Set();
    // A whole paragraph that shows nothing is left out of its block (the validation tests check
    // that); a render of it would not have the clean card's shape, so it is not in one here.
    const leftOut = (f) => f.kind === "para" && blank(kept(s.toWellFormed()));
    const make = (fields) => {
      const brief = structuredClone(base);
      for (const f of fields) setPath(brief, f.path, s);
      const doc = feed ? [brief] : brief;
      return asText ? JSON.stringify(doc) : doc;
    };
    const validate = (input, where) => {
      const problems = bc.validateBrief(input);
      stats.validated++;
      if (!Array.isArray(problems)) { fail(`${where}: validateBrief returned ${typeof problems}`); return []; }
      for (const p of problems) {
        if (typeof p?.path !== "string" || typeof p?.message !== "string" || !p.message) fail(`${where}: malformed problem ${JSON.stringify(p)}`);
      }
      return problems;
    };

    const jobs = [];
    // 1. Each field on its own: the refusals the contract demands, at the field's path.
    for (const f of FIELDS) {
      const where = `${label} in ${f.path}`;
      const input = make([f]);
      const problems = validate(input, where);
      const want = prefix + f.path;
      for (const p of problems) if (p.path !== want) fail(`${where}: problem at ${JSON.stringify(p.path)} (expected ${want}): ${p.message}`);
      const must = mustRefuse(f.kind, s);
      if (must === true && problems.length === 0) fail(`${where}: accepted, but must be refused`);
      if (must === false && problems.length > 0) fail(`${where}: refused (${problems[0].message}), but must be accepted`);
      if (problems.length) {
        refused.add(f.i);
        stats.refusedByField[f.path] = (stats.refusedByField[f.path] || 0) + 1;
      }
      if (each && !leftOut(f)) jobs.push({ fields: [f], where, input, problems });
    }
    // 2. Every field at once: refused exactly where the single fields were.
    {
      const where = `${label} in every field`;
      const input = make(FIELDS);
      const problems = validate(input, where);
      const got = problems.map((p) => p.path).sort();
      // Past the input size limit, the one problem is the size, for the whole input.
      const bytes = new TextEncoder().encode(typeof input === "string" ? input : JSON.stringify(input)).length;
      const want = bytes > 1_000_000 ? [""] : FIELDS.filter((f) => refused.has(f.i)).map((f) => prefix + f.path).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${where}: problems at [${got}] but the single fields were refused at [${want}]`);
      jobs.push({ fields: FIELDS, where, input, problems });
    }
    // 3. Every field that accepts it, at once: rendered.
    const accepting = FIELDS.filter((f) => !refused.has(f.i) && !leftOut(f));
    if (accepting.length < FIELDS.length) {
      const where = `${label} in the ${accepting.length} fields that accept it`;
      const input = make(accepting);
      const problems = validate(input, where);
      if (problems.length) fail(`${where}: refused at ${problems[0].path}: ${problems[0].message}`);
      jobs.push({ fields: accepting, where, input, problems });
    }

    for (const { fields, where, input, problems } of jobs) {
      for (const sink of SINK_NAMES) {
        const key = sink + (feed ? "/feed" : "");
        const ss = (stats.sinks[sink] ||= { renders: 0, rejections: 0 });
        let r;
        try {
          r = render(sink, input);
        } catch (e) {
          ss.rejections++;
          stats.rejections++;
          if (!(e instanceof Error) || !Array.isArray(e.problems)) { fail(`${where} [${sink}]: threw a non-Error or no problems: ${String(e).slice(0, 100)}`); continue; }
          if (e.__touched) fail(`${where} [${sink}]: a refused render changed the target`);
          if (!sameProblems(withoutResolvedLength(e.problems), problems)) fail(`${where} [${sink}]: thrown problems differ from validateBrief's: ${e.message.slice(0, 100)}`);
          if (!e.message) fail(`${where} [${sink}]: the Error has no message`);
          continue;
        }
        ss.renders++;
        stats.renders++;
        open.push(r);
        if (problems.length) fail(`${where} [${sink}]: rendered although validateBrief reported ${problems[0].path}: ${problems[0].message}`);
        const { bad, unparseable } = inspect(sink, r.root, shapes[key]);
        for (const b of bad) fail(`${where} [${sink}]: ${b}`);
        for (const u of unparseable) {
          const line = `${JSON.stringify(s.slice(0, 80))} -> ${JSON.stringify(u.slice(0, 80))}`;
          if (!stats.unparseable.includes(line)) stats.unparseable.push(line);
        }
        if (r.live && r.live.querySelectorAll("*").length !== r.root.querySelectorAll("*").length) fail(`${where} [${sink}]: the live-attached HTML parsed differently from DOMParser's`);
        // Text fields read exactly as given.
        const textFields = fields.filter((f) => TEXT_KINDS.has(f.kind));
        const inJob = new Set(textFields.map((f) => f.i));
        const want = shown(s, sink);
        for (const pr of probes[key]) {
          if (!inJob.has(pr.field)) continue;
          const el = at(r.root, pr.path);
          const got = pr.attr ? el?.getAttribute(pr.attr) : el?.textContent;
          // A quote in the brief's own language (the same string in both fields) is not marked.
          const lang = FIELDS.find((f) => f.path === "lang");
          if (FIELDS[pr.field].path === "quotes[0].lang" && inJob.has(lang.i) && pr.attr && got === null) continue;
          let expect = pr.template;
          for (const f of textFields) {
            if (f.kind === "label" && blank(kept(s.toWellFormed()))) {
              if (pr.field === f.i) expect = pr.fallback;
            } else {
              expect = expect.split(marker(f.i)).join(want);
            }
          }
          if (got !== expect) {
            fail(`${where} [${sink}]: ${FIELDS[pr.field].path} shows ${JSON.stringify((got ?? "(missing)").slice(0, 80))}, expected ${JSON.stringify((expect ?? "").slice(0, 80))}${pr.attr ? ` (attribute ${pr.attr})` : ""}`);
          }
        }
      }
    }
  }
  // Give anything that could fire asynchronously (image errors, focus, animations, frames) its chance.
  await nextFrame();
  await new Promise((r) => setTimeout(r, 150));
  await nextFrame();
  const hits = window.__hits.slice(hitsBefore);
  for (const h of hits) fail(`script ran: ${h}`);
  for (const r of open) r.done();
  const leftovers = stage.childNodes.length + sandbox.childNodes.length;
  if (leftovers) fail(`${leftovers} nodes left in the page after destroying every card`);
  return { stats, fails, hits: hits.length };
}

/**
 * A control, so that "nothing found" means something: markup that a broken
 * sink could produce goes through the same inspection and the same live
 * attachment. Returns what the checks saw; the trapped calls it causes are
 * then forgotten.
 */
export async function control() {
  const html = '<article class="bc-card bc-light"><img src="javascript:__xss()" onerror="__xss()"><script>__xss()</script><p>x</p></article>';
  const parsed = new DOMParser().parseFromString("<!doctype html><body>" + html, "text/html");
  const { bad } = inspect("fragment", parsed.body, null);
  const before = window.__hits.length;
  const box = sandbox.appendChild(document.createElement("div"));
  const range = document.createRange();
  range.selectNodeContents(box);
  box.append(range.createContextualFragment(html));
  await nextFrame();
  await new Promise((r) => setTimeout(r, 150));
  const hits = window.__hits.splice(before);
  box.remove();
  return { bad, hits };
}
