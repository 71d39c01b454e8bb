// Dates read the same in every output: what the command line writes (ICU4X,
// src/render/dates.rs) against what the live card shows (the browser's
// Intl, src/web/dates.rs), what renderBriefHtml writes in the browser, and
// Intl itself with the live card's options. Compared as text, ignoring only
// bidi control marks.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { open, repo, useBrowser } from "./helpers.mjs";

const env = useBrowser();

const LOCALES = ["en", "es", "fa", "ar", "pt-BR", "ar-EG"];
// A leap day, both sides of the Gregorian and of the Persian new year
// (Nowruz, 2024-03-20), and a date-time whose UTC day is the next one (the
// card shows the day as written).
const DATES = ["2024-02-29", "2023-12-31", "2024-01-01", "2024-03-19", "2024-03-20", "2023-06-13T23:30:00-05:00"];

// One brief per locale and date; `updated` (another day) goes the same way.
// Of the two days, the later is the update: one before the date is none.
const briefs = LOCALES.flatMap((lang) => DATES.map((day, i) => {
  const [date, updated] = [day, DATES[(i + 1) % DATES.length]].sort();
  return { title: `${lang} ${day}`, lang, date, updated };
}));
// What each <time> shows, in order: [locale, ISO date] per element.
const expected = briefs.flatMap((b) => [[b.lang, b.date], [b.lang, b.updated]]);

const BIDI_MARKS = /[\u200E\u200F\u061C\u2066-\u2069]/g;
const plain = (s) => s.replace(BIDI_MARKS, "").trim();

/** The text of every <time> in `html`, read by the browser's own parser. */
const times = (page, html) => page.evaluate((html) => {
  const t = document.createElement("template");
  t.innerHTML = html;
  return [...t.content.querySelectorAll("time")].map((e) => e.textContent);
}, html);

/** Where ICU4X's data and Chromium's ICU come from, for a failure message. */
function cldrVersions(browserVersion) {
  let icu4x = "ICU4X (CLDR version unknown)";
  try {
    const meta = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--offline"], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 }));
    const data = meta.packages.find((p) => p.name === "icu_datetime_data");
    const readme = readFileSync(join(dirname(data.manifest_path), "README.md"), "utf8");
    icu4x = `ICU4X ${data.version} (CLDR ${readme.match(/CLDR version ([\d.]+)/)?.[1] ?? "?"})`;
  } catch { /* the message stays vaguer */ }
  let chromium = `Chromium ${browserVersion}`;
  try {
    const icu = readFileSync("/usr/lib/chromium/icudtl.dat").subarray(0, 1 << 16).toString("latin1").match(/icudt(\d+)l/)?.[1];
    // ICU N ships CLDR N-30 (ICU 74: CLDR 44).
    if (icu) chromium += ` (ICU ${icu}, CLDR ${icu - 30})`;
  } catch { /* the message stays vaguer */ }
  return `${icu4x} against ${chromium}`;
}

let cli = "";
before(() => {
  const dir = mkdtempSync(join(tmpdir(), "brief-card-dates-"));
  const file = join(dir, "feed.json");
  writeFileSync(file, JSON.stringify(briefs));
  try {
    cli = execFileSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", "render", file], { cwd: repo, encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the command line's dates equal the live card's Intl dates in en, es, fa, ar, pt-BR and ar-EG", async () => {
  const t = await open(env, "/blank.html");
  const browser = await t.page.evaluate(async ({ briefs, expected }) => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const host = document.createElement("div");
    document.body.append(host);
    m.renderBrief(host, briefs, { shadow: false });
    const live = [...host.querySelectorAll("time")].map((e) => e.textContent);
    const wasmHtml = m.renderBriefHtml(briefs);
    // Intl as the live card calls it: the day as written, in UTC.
    const intl = expected.map(([locale, iso]) => {
      const [y, mo, d] = iso.slice(0, 10).split("-").map(Number);
      const f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
      return f.format(new Date(Date.UTC(y, mo - 1, d, 12)));
    });
    return { live, wasmHtml, intl };
  }, { briefs, expected });
  const native = await times(t.page, cli);
  const wasm = await times(t.page, browser.wasmHtml);
  await t.close();

  assert.equal(native.length, expected.length, "every date and update shows in the static output");
  assert.equal(browser.live.length, expected.length, "every date and update shows in the live card");
  const versions = cldrVersions(env.browser.version());
  const differing = [];
  expected.forEach(([locale, iso], i) => {
    const row = { locale, iso, cli: native[i], intl: browser.intl[i], live: browser.live[i], renderBriefHtml: wasm[i] };
    const same = [row.cli, row.live, row.renderBriefHtml].every((s) => plain(s) === plain(row.intl));
    if (!same) differing.push(row);
  });
  assert.deepEqual(differing, [],
    `static dates differ from Chromium's Intl. ${versions}: where these CLDR versions differ, ` +
    "the difference may be CLDR's own (update the icu_* crates, or note it), not the card's.");
  // Not all one script: the test would pass if every output fell back to ISO dates.
  assert.match(plain(native[expected.findIndex(([l]) => l === "fa")]), /^[۰-۹]+ [^\d۰-۹]+ [۰-۹]+$/, "fa: Persian words and digits");
  assert.ok(native.every((s) => !/^\d{4}-\d\d-\d\d$/.test(s)), "no ISO fallback: " + native.join(" | "));
});

test("the Persian new year falls on 2024-03-20, as Intl's Persian calendar has it", async () => {
  const fa = (iso) => expected.findIndex(([l, d]) => l === "fa" && d === iso);
  const t = await open(env, "/blank.html");
  const native = await times(t.page, cli);
  await t.close();
  assert.equal(plain(native[fa("2024-03-20")]), "۱ فروردین ۱۴۰۳");
  assert.equal(plain(native[fa("2024-03-19")]), "۲۹ اسفند ۱۴۰۲");
});

test("a card whose direction is found (dir: auto) and turns out right to left reads as a right-to-left one", async () => {
  // What an international check found: the right-to-left rules matched `[dir=rtl]` only, so a
  // Persian card with `dir: "auto"` had letter-spaced headings, a slanted quote and an arrow
  // pointing back.
  const t = await open(env, "/blank.html");
  const styles = await t.page.evaluate(async () => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const brief = (dir) => ({ title: "گزارش", lang: "fa", dir, kind: "تحلیل", url: "https://example.org/",
      summary: { paragraphs: ["متن"] }, quotes: [{ text: "نقل قول", author: "نویسنده" }] });
    const read = (dir) => {
      const host = document.createElement("div");
      document.body.append(host);
      m.renderBrief(host, brief(dir));
      const q = (s) => host.shadowRoot.querySelector(s);
      return {
        kind: getComputedStyle(q(".bc-kind")).letterSpacing,
        heading: getComputedStyle(q(".bc-heading")).letterSpacing,
        quote: getComputedStyle(q(".bc-blockquote .bc-p")).fontStyle,
        arrow: getComputedStyle(q(".bc-read-more"), "::after").content,
      };
    };
    return { rtl: read("rtl"), auto: read("auto") };
  });
  await t.close();
  assert.equal(styles.rtl.quote, "normal");
  assert.deepEqual(styles.auto, styles.rtl);
});

test("a language the browser has no words for gets the date's numbers, not the browser's own language", async () => {
  // What an international check found: a Pashto card (RTL, lang ps) showed "March 4, 2026", an
  // English date a screen reader read in a Pashto voice.
  const t = await open(env, "/blank.html");
  const r = await t.page.evaluate(async () => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const shown = (lang, locale) => {
      const host = document.createElement("div");
      document.body.append(host);
      m.renderBrief(host, { title: "t", lang, date: "2026-03-04" }, locale ? { locale } : {});
      return host.shadowRoot.querySelector("time").textContent;
    };
    return {
      supported: Intl.DateTimeFormat.supportedLocalesOf(["ps", "ckb", "es"]),
      ps: shown("ps"), ckb: shown("ckb"), en: shown("en"), es: shown("es"), iw: shown("en", "iw"),
    };
  });
  await t.close();
  assert.ok(!r.supported.includes("ps") && !r.supported.includes("ckb"), `this Chromium has no Pashto or Sorani: ${r.supported}`);
  assert.deepEqual([r.ps, r.ckb], ["2026-03-04", "2026-03-04"]);
  // Languages it has keep their words, an old code (iw, Hebrew) as well.
  assert.deepEqual([r.en, r.es], ["March 4, 2026", "4 de marzo de 2026"]);
  assert.match(r.iw, /מרץ/);
});

test("a quote in a script without italics (Japanese, Hindi, Thai) reads upright; an English one stays italic", async () => {
  // What an international check found: quotes were slanted by the browser in scripts that have no italics.
  const t = await open(env, "/blank.html");
  const styles = await t.page.evaluate(async () => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const style = (lang) => {
      const host = document.createElement("div");
      document.body.append(host);
      m.renderBrief(host, { title: "t", lang, quotes: [{ text: "q", author: "a" }] });
      return getComputedStyle(host.shadowRoot.querySelector(".bc-blockquote .bc-p")).fontStyle;
    };
    return ["ja", "hi", "th", "zh-Hant", "en"].map(style);
  });
  await t.close();
  assert.deepEqual(styles, ["normal", "normal", "normal", "normal", "italic"]);
});
