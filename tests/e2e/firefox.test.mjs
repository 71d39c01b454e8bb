// The element in Firefox: Debian's Firefox ESR through geckodriver and the
// W3C WebDriver protocol (playwright-core drives only Chromium, which the
// other tests here use). An outside check found Firefox draws the same
// cards as Chromium (2026-12-08); this keeps the parts that differ most
// between engines so: a server-rendered card (declarative shadow DOM)
// upgraded in place, cards from `src`, inline JSON and the page's JSON-LD,
// a right-to-left card and its `:dir(rtl)` rules, and a keyboard "Show more".
//
// Skipped with SKIP_FIREFOX=1 (scripts/test.sh says it skips the second
// browser); without it, a missing Firefox or geckodriver fails, as
// scripts/setup.sh installs both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "../../tools/serve.mjs";
import { repo, www } from "./helpers.mjs";

const FIREFOX = "/usr/bin/firefox-esr";
const GECKODRIVER = [join(homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"].find((p) => existsSync(p));
const skip = process.env.SKIP_FIREFOX ? "SKIP_FIREFOX is set" : false;

/** A W3C WebDriver session: each command one HTTP request. */
class Session {
  constructor(base) { this.base = base; }
  async cmd(method, path, body) {
    const r = await fetch(this.base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const { value } = await r.json();
    if (value?.error) throw new Error(`${path}: ${value.error}: ${value.message}`);
    return value;
  }
  async start() {
    const prefs = { "network.proxy.type": 0 };
    const options = { binary: FIREFOX, args: ["-headless"], prefs };
    this.id = (await this.cmd("POST", "/session", { capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": options } } })).sessionId;
    await this.cmd("POST", `/session/${this.id}/timeouts`, { script: 30000, pageLoad: 30000 });
  }
  go(url) { return this.cmd("POST", `/session/${this.id}/url`, { url }); }
  /** Runs `body` (async JS) in the page; its `return` value comes back as JSON. */
  run(body) {
    const script = `const done = arguments[0]; (async () => { ${body} })().then(done, (e) => done({ thrown: String(e?.stack || e) }));`;
    return this.cmd("POST", `/session/${this.id}/execute/async`, { script, args: [] });
  }
  key(k) {
    const actions = [{ type: "keyDown", value: k }, { type: "keyUp", value: k }];
    return this.cmd("POST", `/session/${this.id}/actions`, { actions: [{ type: "key", id: "keyboard", actions }] });
  }
  quit() { return this.id && this.cmd("DELETE", `/session/${this.id}`); }
}

const freePort = () => new Promise((ok) => {
  const s = createNetServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

const env = { root: "", server: null, driver: null, session: null, base: "" };

before(async () => {
  if (skip) return;
  assert.ok(existsSync(FIREFOX) && GECKODRIVER, `Firefox ESR (${FIREFOX}) and geckodriver are needed: bash scripts/setup.sh installs them (or SKIP_FIREFOX=1)`);
  env.root = await mkdtemp(join(tmpdir(), "brief-card-firefox-"));
  await cp(www, env.root, { recursive: true });
  // A server-rendered card, as a page would hold it: the element upgrades it in place.
  const dsd = execFileSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", "render", "--declarative-shadow-dom", join(www, "briefs", "resumen-es.json")],
    { cwd: repo, encoding: "utf8" });
  // Enough paragraphs for "Show more".
  const long = { title: "Long", summary: { paragraphs: Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}.`) } };
  const article = { "@context": "https://schema.org", "@type": "NewsArticle", headline: "From the page's JSON-LD", datePublished: "2024-03-20" };
  await writeFile(join(env.root, "firefox.html"), `<!doctype html><html lang="en"><meta charset="utf-8"><title>Firefox</title>
<script>window.errors = []; addEventListener("error", (e) => errors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));
const log = console.error; console.error = (...a) => { errors.push(a.join(" ")); log(...a); };
window.toggles = 0; addEventListener("brief-card:toggle", () => toggles++);</script>
<script type="module" src="/brief-card.js"></script>
<brief-card id="src" src="/briefs/flash-brief.json" loading="eager"><a href="/briefs/flash-brief.json">Read the brief</a></brief-card>
<brief-card id="rtl" src="/briefs/gozaresh-fa.json" loading="eager"></brief-card>
<brief-card id="long" loading="eager"><script type="application/json">${JSON.stringify(long)}</script></brief-card>
<brief-card id="inline" loading="eager" lang="es"><script type="application/json">{"title": "Inline", "date": "2023-06-13"}</script></brief-card>
<script type="application/ld+json" id="ld">${JSON.stringify(article)}</script>
<brief-card id="ld-card" jsonld="#ld" loading="eager"></brief-card>
<div id="dsd">${dsd}</div>`);
  env.server = createServer(env.root);
  await new Promise((ok) => env.server.listen(0, "127.0.0.1", ok));
  env.base = `http://127.0.0.1:${env.server.address().port}`;
  const port = await freePort();
  env.driver = spawn(GECKODRIVER, ["--port", String(port)], { stdio: "ignore" });
  const driver = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${driver}/status`).then(() => true, () => false)) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  env.session = new Session(driver);
  await env.session.start();
  await env.session.go(`${env.base}/firefox.html`);
});

after(async () => {
  await env.session?.quit().catch(() => {});
  env.driver?.kill();
  env.server?.closeAllConnections?.();
  await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
  if (env.root) await rm(env.root, { recursive: true, force: true });
});

test("Firefox renders every kind of card, upgrades a server-rendered one, and reads right to left", { skip }, async () => {
  const s = env.session;
  const seen = await s.run(`
    const cards = [...document.querySelectorAll("brief-card")];
    for (let i = 0; i < 200 && !cards.every((c) => c.dataset.state); i++) await new Promise((r) => setTimeout(r, 100));
    const of = (c) => {
      const article = c.shadowRoot?.querySelector("article");
      return {
        id: c.id || c.parentElement.id, state: c.dataset.state ?? null,
        articles: c.shadowRoot?.querySelectorAll("article").length ?? 0,
        title: article?.querySelector(".bc-title")?.textContent ?? null,
        direction: article ? getComputedStyle(article).direction : null,
        dirRtl: article?.matches(":dir(rtl)") ?? null,
        templates: c.querySelectorAll("template").length,
        fallbackShown: !!c.shadowRoot?.querySelector("slot:not([name])") && !article,
      };
    };
    return { cards: cards.map(of), errors };
  `);
  assert.equal(seen.thrown, undefined, seen.thrown);
  assert.deepEqual(seen.errors, [], "no error on the page");
  const card = (id) => seen.cards.find((c) => c.id === id);
  const briefTitle = (file) => JSON.parse(readFileSync(join(www, "briefs", file), "utf8")).title;
  for (const [id, title] of [["src", briefTitle("flash-brief.json")], ["rtl", briefTitle("gozaresh-fa.json")], ["inline", "Inline"],
    ["ld-card", "From the page's JSON-LD"], ["dsd", briefTitle("resumen-es.json")]]) {
    assert.equal(card(id)?.state, "rendered", `${id}: ${JSON.stringify(card(id))}`);
    assert.equal(card(id).articles, 1, `${id}: one card in its shadow root`);
    assert.equal(card(id).title, title, id);
  }
  assert.equal(card("dsd").templates, 0, "the declarative shadow root was attached by the parser, and upgraded in place");
  assert.equal(card("rtl").direction, "rtl");
  assert.equal(card("rtl").dirRtl, true, ":dir(rtl) matches inside the Persian card");
  assert.equal(card("src").direction, "ltr");
});

test("Firefox: Show more opens with the keyboard and says so", { skip }, async () => {
  const s = env.session;
  const focused = await s.run(`
    const long = document.getElementById("long");
    for (let i = 0; i < 200 && !long.dataset.state; i++) await new Promise((r) => setTimeout(r, 100));
    const button = document.getElementById("long").shadowRoot.querySelector("button.bc-toggle");
    if (!button) return null;
    button.focus();
    return button.getAttribute("aria-expanded");
  `);
  assert.equal(focused, "false", "a long summary has a collapsed part whose button takes focus");
  await s.key("\uE007"); // Enter
  const after = await s.run(`
    const button = document.getElementById("long").shadowRoot.querySelector("button.bc-toggle");
    const region = document.getElementById("long").shadowRoot.getElementById(button.getAttribute("aria-controls"));
    return { expanded: button.getAttribute("aria-expanded"), hidden: region.hidden, toggles, errors };
  `);
  assert.deepEqual(after, { expanded: "true", hidden: false, toggles: 1, errors: [] });
});
