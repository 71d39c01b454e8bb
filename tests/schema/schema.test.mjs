// docs/brief.schema.json (generated from src/schema/) against the real
// validator, validateBrief from the built wasm (pkg/, by scripts/build.sh):
//
// - every example brief in www/briefs/ and tests/schema/valid/ validates,
// - every case in tests/schema/invalid/ does not,
// - on all of these, and on a corpus of URLs, titles and dates, ajv and
//   validateBrief agree (both valid or both invalid),
// - the documented gaps (docs/format-reference.md, "Where the schema and the
//   validator differ") are kept out of that agreement and checked to still
//   differ in the documented direction.
//
//   (cd tests/schema && npm ci) && node --test tests/schema/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { initSync, validateBrief } from "../../pkg/brief_card.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
initSync({ module: readFileSync(join(repo, "pkg/brief_card_bg.wasm")) });

const schema = JSON.parse(readFileSync(join(repo, "docs/brief.schema.json"), "utf8"));
// strict mode, except union types (["string", "null"]: null counts as absent).
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(schema);

const schemaOk = (text) => validate(JSON.parse(text));
// validateBrief gets the JSON text, as a host that loads a file would pass it.
const validatorOk = (text) => validateBrief(text).length === 0;

const files = (dir) =>
  readdirSync(join(repo, dir)).filter((f) => f.endsWith(".json")).sort()
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(repo, dir, f), "utf8") }));

const examples = [...files("www/briefs"), ...files("tests/schema/valid")];
const invalid = files("tests/schema/invalid");

test("the schema is draft 2020-12 and compiles in ajv's strict mode", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(typeof validate, "function");
});

test("every example brief validates (schema and validator)", () => {
  assert.ok(examples.length >= 10, "examples found");
  for (const { name, text } of examples) {
    assert.ok(schemaOk(text), `${name}: schema says invalid: ${ajv.errorsText(validate.errors)}`);
    assert.deepEqual(validateBrief(text), [], `${name}: validateBrief says invalid`);
  }
});

test("every invalid case is invalid (schema and validator)", () => {
  assert.ok(invalid.length >= 20, "invalid cases found");
  for (const { name, text } of invalid) {
    assert.ok(!schemaOk(text), `${name}: schema says valid`);
    assert.ok(!validatorOk(text), `${name}: validateBrief says valid`);
  }
});

// Strings placed into a brief at a URL field of each kind, a required
// string, and a date: the schema's patterns against the validator's code.
const urls = [
  "https://example.org/", "http://example.org", "HTTPS://EXAMPLE.ORG/A", "https://example.org:8080/x",
  "https://example.org:/", "https://example.org:123456/", "https://example.org:80:80/", "https://:80/",
  "http://[::1]:8080/", "http://[::1]/", "https://a]:b", "https://a:]", "https://a:1]/", "https://a:]:x",
  "https://", "https:", "https:example.org", "https:/\\example.org", "https:\\\\example.org\\a",
  "https://user@example.org/", "https://user:pw@example.org/", "https://exa mple.org/", "https://exa%41mple.org/",
  "https://exa<mple.org/", "https://exa\"mple.org/", "https://exa\u007fmple.org/", "https://exa\u0001mple.org/",
  "https://ex\u00e4mple.org/", "https://example.org?q", "https://example.org#f", "https://example.org\t/x",
  "  \u0001https://example.org/\u0000 ", "https://example.org \u0001", "https://example.org x",
  "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u0001\u0002javascript:alert(1)",
  "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\tjavascript:alert(1)",
  "j\na\tv\ra\nscript\t:alert(1)", "\u0000javascript:alert(1)", "javascript\t:alert(1)", "java\u0000script:alert(1)",
  "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://example.org/",
  "h\tttps://example.org/", "ht\ntp:/\t/example.org", "mailto:desk@example.org", "MAILTO:x", "mail\tto:x", "mailto:",
  "/briefs/1", "briefs/\u00e9", "//cdn.example.org/x", "#section", "?q=1", "&#106;avascript:alert(1)",
  "\uff4aavascript:alert(1)", "1abc:def", "a+b.c-d:x", "-x:y", "", " ", "\t\n", "\u0001", "x",
];
const titles = [
  "t", " t ", "", " ", "\t\n\u000b\u000c\r", "\u0085", "\u00a0", "\u1680", "\u2000\u200a", "\u2028\u2029",
  "\u202f\u205f\u3000", "\ufeff", "\u200b", "\u180e", "\u0000", "\u0001", "\ud83d\ude00", "x".repeat(500), "x".repeat(501),
  "\ud83d\ude00".repeat(500), "\ud83d\ude00".repeat(501),
  // Directional controls show nothing: alone, paired or not, they are blank.
  "\u202e", "\u202e\u202c", " \u2067\u2069 ", "\u2066\u202a", "a\u202e", "\u202ea\u202c", "x".repeat(500) + "\u202e",
  // So do zero-width spaces and joiners, the soft hyphen and fillers (default-ignorable).
  "\u200b\u200d", "\u00ad", "\u3164", "\u115f\u1160", "\ufe0f", "\u2060", "\u034f", "a\u200b", "\u200d\ud83d\ude00",
];
const dates = [
  "2023-06-13", " 2023-06-13\n", "\u30002023-06-13", "2023-6-13", "2023-06-13T09:30:00Z", "2023-06-13t09:30:00z",
  "2023-06-13T09:30:00.5+05:30", "2023-06-13T09:30:00.+05:30", "2023-06-13T24:00:00Z", "2023-06-13T23:60:00Z",
  "2023-06-13T23:59:60Z", "2023-06-13T09:30:00+24:00", "2023-06-13T09:30:00+0530", "2023-06-13T09:30Z",
  "2023-06-13 09:30:00Z", "2023-00-10", "2023-01-00", "2023-01-31", "2023-02-30", "2023-04-30", "2023-04-31",
  "2023-06-31", "2023-11-31", "2023-12-31", "0000-01-01", "99999-01-01", "2023-06-13x", "", "2023-06-13" + " ".repeat(60), "2024-03-20\u0001", "\u202e2024-03-20",
];
const corpus = [
  ...urls.flatMap((u) => [
    [`url ${JSON.stringify(u)}`, { title: "t", url: u }],
    [`href ${JSON.stringify(u)}`, { title: "t", summary: { paragraphs: [[{ text: "x", href: u }]] } }],
    [`image.src ${JSON.stringify(u)}`, { title: "t", image: { src: u, alt: "" } }],
    [`publisher.logo ${JSON.stringify(u)}`, { title: "t", publisher: { name: "p", logo: u } }],
  ]),
  ...titles.flatMap((s) => [
    [`title ${JSON.stringify(s.slice(0, 20))}… (${s.length})`, { title: s }],
    [`tags[0].label ${JSON.stringify(s.slice(0, 20))}…`, { title: "t", tags: [{ label: s }] }],
    [`image.alt ${JSON.stringify(s.slice(0, 20))}…`, { title: "t", image: { src: "/i", alt: s } }],
  ]),
  ...dates.flatMap((d) => [
    [`date ${JSON.stringify(d)}`, { title: "t", date: d }],
  ]),
  ...["1", "1.0", "1.00", "2", "0", "-1", "1.5", "true", "null", "\"1\"", "[1]"].map((v) =>
    [`version ${v}`, JSON.parse(`{"title": "t", "version": ${v}}`)]),
  ...["", "a", "a-b_c.d:e", "a b", "a/b", "é", "#x", "x".repeat(500), "x".repeat(501), "a\u0001b", "\u202eab"].map((id) => [`id ${JSON.stringify(id.slice(0, 20))}`, { title: "t", id }]),
  ...["en", "pt-BR", "zh-Hant-TW", "e", "english!", "en-", "en--US", "abcdefghi", "en-abcdefghi", "x".repeat(36), "", "fa\u0085", "\u2066fa"].flatMap((lang) => [
    [`lang ${JSON.stringify(lang)}`, { title: "t", lang }],
    [`quotes[0].lang ${JSON.stringify(lang)}`, { title: "t", quotes: [{ text: "q", author: "a", lang }] }],
  ]),
  ...["ltr", "rtl", "auto", "LTR", "", null, 1].map((dir) => [`dir ${JSON.stringify(dir)}`, { title: "t", dir }]),
];

// The documented gaps: [name, JSON text, schema says valid, validator says valid].
const gaps = [
  ["February 29 in a common year", '{"title": "t", "date": "2023-02-29"}', true, false],
  ["a tab inside an http(s) host", '{"title": "t", "url": "https://exa\\tmple.org/"}', false, true],
  ["nesting deeper than 16", `{"title": "t", "x": ${"[".repeat(20)}${"]".repeat(20)}}`, true, false],
  ["a title of default-ignorables beyond the BMP (tag characters)", '{"title": "\\udb40\\udc20"}', true, false],
  ["a quote of blank text", '{"title": "t", "quotes": [{"text": " ", "author": "a"}]}', true, false],
  ["a quote of blank runs", '{"title": "t", "quotes": [{"text": ["", {"text": " "}], "author": "a"}]}', true, false],
  ["a link of blank text", '{"title": "t", "summary": {"paragraphs": [["see ", {"text": " ", "href": "/x"}]]}}', true, false],
  ["input over 1,000,000 bytes", `{"title": "t", "x": "${"y".repeat(1_000_001)}"}`, true, false],
];

test("schema and validator agree on every example, invalid case and corpus entry", () => {
  const disagreements = [];
  const cases = [
    ...examples, ...invalid,
    ...corpus.map(([name, value]) => ({ name, text: JSON.stringify(value) })),
  ];
  for (const { name, text } of cases) {
    const s = schemaOk(text);
    const v = validatorOk(text);
    if (s !== v) {
      disagreements.push(`${name}: schema ${s ? "valid" : `invalid (${ajv.errorsText(validate.errors)})`}, ` +
        `validator ${v ? "valid" : `invalid (${validateBrief(text).map((p) => `${p.path}: ${p.message}`).join("; ")})`}`);
    }
  }
  assert.ok(cases.length > 400, `${cases.length} cases`);
  assert.deepEqual(disagreements, [], `they disagree on:\n${disagreements.join("\n")}`);
});

test("the documented gaps still differ as documented (docs/format-reference.md)", () => {
  const reference = readFileSync(join(repo, "docs/format-reference.md"), "utf8");
  assert.match(reference, /## Where the schema and the validator differ/);
  for (const [name, text, schemaValid, validatorValid] of gaps) {
    assert.equal(schemaOk(text), schemaValid, `${name}: schema`);
    assert.equal(validatorOk(text), validatorValid, `${name}: validator`);
  }
});

test("the same problems are found through the object API", () => {
  // Objects go through JSON.stringify in the wasm boundary; the verdict is the same.
  for (const { name, text } of [...examples, ...invalid]) {
    assert.equal(validateBrief(JSON.parse(text)).length === 0, validatorOk(text), name);
  }
});
