// <brief-card> from a CDN. The npm tarball (`npm pack` of pkg/, as
// tests/package/run.sh makes it) is unpacked and served from a second
// loopback origin under /brief-card@VERSION/, the way jsDelivr and unpkg
// serve a package: CORS, `application/wasm`, cache-forever headers. A page on
// the first origin embeds the card with one <script type="module" src=…>
// line, and so does the README's snippet. Also here: the README's
// Content-Security-Policy is enough (and its CDN entries in connect-src and
// script-src are needed), SRI on that one script, and what a misconfigured
// CDN does to the page (no CORS at all, no CORS on the .wasm, the .wasm
// served with another MIME type).
//   bash scripts/build.sh && node --test tests/e2e/cdn.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { inspect, launch, open, pages, repo, www } from "./helpers.mjs";

// Two origins: the host's site, and the "CDN" (another loopback address, so another origin).
const HOST = "127.0.0.1", CDN_HOST = "127.0.0.2";
const env = { base: "", cdn: "", browser: null, version: "", tmp: "", pkg: "" };
const hostPages = new Map(); // path -> { html, csp }
const cdnRequests = [];      // what the CDN was asked for: { path, origin, status }

const TYPES = { ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".ts": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8" };

// The CDN as it should be, and three misconfigurations of it, each under a
// path prefix: `/no-cors/brief-card@V/…` sends no CORS header at all,
// `/no-wasm-cors/…` none on the .wasm, `/octet/…` the .wasm as
// application/octet-stream.
const MISCONFIGURED = ["no-cors", "no-wasm-cors", "octet"];

async function sendFile(res, file, headers) {
  try {
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...headers }).end(await readFile(file));
    return 200;
  } catch {
    res.writeHead(404, { "content-type": "text/plain", ...headers }).end("not found");
    return 404;
  }
}

// A path under `dir`, or null when it tries to leave it.
const inside = (dir, rel) => {
  const file = join(dir, normalize(decodeURIComponent(rel)).replace(/^(\.\.[/\\])+/, ""));
  return file.startsWith(dir + "/") ? file : null;
};

function cdnServer() {
  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://cdn");
    const mode = MISCONFIGURED.find((m) => pathname.startsWith(`/${m}/`));
    const rest = mode ? pathname.slice(mode.length + 1) : pathname;
    const prefix = `/brief-card@${env.version}/`;
    // The package's files, and (outside it) briefs published on that origin, as `brief-card site` would.
    const file = rest.startsWith(prefix) ? inside(env.pkg, rest.slice(prefix.length))
      : rest.startsWith("/briefs/") ? inside(join(www, "briefs"), rest.slice("/briefs/".length)) : null;
    const wasm = file?.endsWith(".wasm");
    const headers = { "cache-control": "public, max-age=31536000, immutable" };
    if (mode !== "no-cors" && !(mode === "no-wasm-cors" && wasm)) headers["access-control-allow-origin"] = "*";
    if (mode === "octet" && wasm) headers["content-type"] = "application/octet-stream";
    const status = file ? await sendFile(res, file, headers) : (res.writeHead(404).end(), 404);
    cdnRequests.push({ path: pathname, origin: req.headers.origin ?? null, status });
  });
}

function hostServer() {
  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://host");
    const page = hostPages.get(pathname);
    if (page) {
      const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
      if (page.csp) headers["content-security-policy"] = page.csp;
      res.writeHead(200, headers).end(page.html);
    } else if (pathname.startsWith("/data/")) await sendFile(res, inside(join(pages, "data"), pathname.slice(6)) ?? "", {});
    else if (pathname.startsWith("/briefs/")) await sendFile(res, inside(join(www, "briefs"), pathname.slice(8)) ?? "", {});
    else res.writeHead(404).end();
  });
}

const listen = (server, host) => new Promise((ok, fail) => server.once("error", fail).listen(0, host, () => ok(`http://${host}:${server.address().port}`)));
const servers = [];

before(async () => {
  if (!existsSync(join(repo, "pkg", "package.json")) || !existsSync(join(repo, "pkg", "brief-card.js"))) {
    throw new Error("pkg/ is not the npm package yet: run `bash scripts/build.sh` first");
  }
  // The tarball as tests/package/run.sh makes it: `npm pack` of a snapshot of pkg/.
  env.tmp = await mkdtemp(join(tmpdir(), "brief-card-cdn-"));
  await cp(join(repo, "pkg"), join(env.tmp, "pkg"), { recursive: true });
  execFileSync("npm", ["pack", "--pack-destination", env.tmp, "--loglevel=error"], { cwd: join(env.tmp, "pkg"), stdio: ["ignore", "ignore", "inherit"] });
  const tgz = (await readdir(env.tmp)).filter((f) => /^brief-card-.*\.tgz$/.test(f));
  assert.equal(tgz.length, 1, `npm pack made one tarball: ${tgz}`);
  env.pkg = join(env.tmp, "unpacked");
  await mkdir(env.pkg);
  execFileSync("tar", ["-xzf", join(env.tmp, tgz[0]), "-C", env.pkg, "--strip-components=1"]);
  env.version = JSON.parse(await readFile(join(env.pkg, "package.json"), "utf8")).version;

  const host = hostServer(), cdn = cdnServer();
  servers.push(host, cdn);
  env.base = await listen(host, HOST);
  env.cdn = await listen(cdn, CDN_HOST);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  for (const s of servers) { s.closeAllConnections?.(); await new Promise((ok) => s.close(ok)); }
  if (env.tmp) await rm(env.tmp, { recursive: true, force: true });
});

const TITLES = {
  long: "A long brief with collapsible blocks",
  flash: JSON.parse(await readFile(join(www, "briefs", "flash-brief.json"), "utf8")).title,
  inline: "A brief inline in the host page",
};

/** The module's URL on the CDN (with a misconfiguration's prefix). */
const moduleUrl = (mode) => `${env.cdn}${mode ? `/${mode}` : ""}/brief-card@${env.version}/brief-card.js`;

/**
 * A host page: the one script line, then cards: `long` (its JSON and images
 * on the host's origin), `flash` (its JSON on the CDN's origin) and `inline`.
 */
function hostPage(path, { mode, csp, cards = ["long", "flash", "inline"], script } = {}) {
  const card = {
    long: `<brief-card id="long" src="/data/long.json"><a class="fallback" href="/briefs/long">Read the long brief</a></brief-card>`,
    flash: `<brief-card id="flash" src="${env.cdn}/briefs/flash-brief.json" loading="eager"><a class="fallback" href="/briefs/flash">Read the flash brief</a></brief-card>`,
    inline: `<brief-card id="inline" loading="eager">
  <script type="application/json">{ "id": "inline", "title": "${TITLES.inline}", "summary": { "paragraphs": ["Data in the page."] } }</script>
  <a class="fallback" href="/briefs/inline">Read the inline brief</a>
</brief-card>`,
  };
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title></head>
<body>
${script ?? `<script type="module" src="${moduleUrl(mode)}"></script>`}
${cards.map((c) => card[c]).join("\n")}
</body>
</html>
`;
  hostPages.set(path, { html, csp });
  return path;
}

/** Opens a host page; also collects CSP violations and every response the page got. */
async function visit(path) {
  const t = await open(env);
  const responses = [];
  t.page.on("response", (r) => responses.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] }));
  await t.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await t.page.goto(env.base + path);
  return { ...t, responses, violations: () => t.page.evaluate(() => window.__violations) };
}

/** Waits until every card on the page has rendered or failed; returns the rendered cards' titles by id. */
async function renderedTitles(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("brief-card")].every((e) => e.dataset.state), null, { timeout: 15000 });
  return page.$$eval("brief-card", (els) => Object.fromEntries(els.map((e) =>
    [e.id, e.dataset.state === "rendered" ? e.shadowRoot?.querySelector("[part~='title']")?.textContent : `(${e.dataset.state})`])));
}

/** Waits for the first brief-card:error of the page and returns what the page shows then. */
async function failed(t, selector = "brief-card") {
  await t.page.waitForFunction(() => window.__bcEvents.some((e) => e.type === "brief-card:error"), null, { timeout: 15000 });
  await t.page.waitForTimeout(200); // a second event, if any, would arrive
  return { events: await t.page.evaluate(() => window.__bcEvents), shown: await inspect(t.page, selector) };
}

const wasmPath = (mode) => `${mode ? `/${mode}` : ""}/brief-card@${env.version}/brief_card_bg.wasm`;
const STREAMING_WARNING = /instantiateStreaming.*application\/wasm/s;

test("one script line from the CDN origin: every card renders, the glue and the wasm come from the CDN", async () => {
  cdnRequests.length = 0;
  const t = await visit(hostPage("/cdn.html"));
  const titles = await renderedTitles(t.page);
  await t.close();
  assert.deepEqual(titles, TITLES);
  // The element found its glue and wasm beside itself (import.meta.url), on the CDN, by CORS requests from the host.
  for (const file of ["brief-card.js", "brief_card.js", "brief_card_bg.wasm"]) {
    const url = `${env.cdn}/brief-card@${env.version}/${file}`;
    assert.ok(t.responses.some((r) => r.url === url && r.status === 200), `${url} was fetched: ${JSON.stringify(t.responses.map((r) => r.url))}`);
    assert.ok(cdnRequests.some((r) => r.path === `/brief-card@${env.version}/${file}` && r.origin === env.base), `${file}: a CORS request from ${env.base}`);
  }
  assert.ok(cdnRequests.some((r) => r.path.includes("/snippets/")), "the glue's JS snippets came from the CDN too");
  assert.equal(cdnRequests.filter((r) => r.path === wasmPath()).length, 1, "the wasm is fetched once for all three cards");
  assert.ok(!t.responses.some((r) => r.url.startsWith(env.base) && /\.(wasm|js)$/.test(new URL(r.url).pathname)), "nothing of the module from the host's origin");
  assert.ok(t.responses.some((r) => r.url === `${env.cdn}/briefs/flash-brief.json` && r.status === 200), "the src JSON from the second origin");
  assert.deepEqual(t.pageErrors, []);
  assert.deepEqual(t.errors, []);
  assert.ok(!t.log.some((l) => STREAMING_WARNING.test(l)), "streaming compilation (application/wasm): no fallback warning");
});

// The README's section on CDNs: its one-line snippet and its policy, with the
// CDN's origin where the README has jsDelivr's.
const JSDELIVR = "https://cdn.jsdelivr.net";
const readme = await readFile(join(repo, "README.md"), "utf8");
const cdnSection = readme.slice(readme.indexOf("### From a CDN or a static host"));
function readmeBlock(after, lang) {
  const at = cdnSection.indexOf(after);
  const m = at >= 0 && new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```").exec(cdnSection.slice(at));
  assert.ok(m, `README.md: no \`\`\`${lang} block after "${after}" in "### From a CDN or a static host"`);
  return m[1];
}

/**
 * The README's policy on top of `default-src 'none'` (so that nothing it
 * leaves out is allowed) and Trusted Types; `drop` removes one source from
 * one directive.
 */
function readmeCsp({ drop } = {}) {
  const directives = readmeBlock("**Content-Security-Policy.**", "text").split(";").map((d) => d.trim()).filter(Boolean)
    .map((d) => d.replaceAll(JSDELIVR, env.cdn))
    .map((d) => (drop && d.startsWith(`${drop[0]} `) ? d.split(/\s+/).filter((s) => s !== drop[1]).join(" ") : d));
  return ["default-src 'none'", ...directives, "require-trusted-types-for 'script'", "trusted-types 'none'"].join("; ");
}

test("the README's CDN snippet, with this CDN for jsDelivr, renders", async () => {
  const snippet = readmeBlock("### From a CDN or a static host", "html");
  const readmeVersion = /brief-card@([^/]+)\//.exec(snippet)?.[1];
  assert.equal(readmeVersion, env.version, "the README's CDN URLs name the package's version");
  hostPages.set("/readme-cdn.html", { html: `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>README</title></head>\n<body>\n${snippet.replaceAll(`${JSDELIVR}/npm/`, `${env.cdn}/`)}\n</body>\n</html>\n` });
  const t = await visit("/readme-cdn.html");
  const titles = await renderedTitles(t.page);
  await t.close();
  assert.deepEqual(Object.values(titles), [TITLES.flash]);
  assert.ok(t.responses.some((r) => r.url === env.cdn + wasmPath() && r.status === 200));
  assert.deepEqual(t.pageErrors, []);
  assert.deepEqual(t.errors, []);
});

test("the README's Content-Security-Policy is enough: no violation, every card and image rendered", async () => {
  const csp = readmeCsp();
  assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/);
  const t = await visit(hostPage("/cdn-csp.html", { csp }));
  const titles = await renderedTitles(t.page);
  await t.page.$eval("#long", (el) => el.scrollIntoView());
  // The long brief's lead image and publisher logo come from the host's origin (img-src 'self').
  const widths = await t.page.waitForFunction(() => {
    const imgs = [...document.querySelector("#long").shadowRoot.querySelectorAll("img")];
    return imgs.length >= 2 && imgs.every((i) => i.complete) && imgs.map((i) => i.naturalWidth); // complete: loaded or refused
  }, null, { timeout: 10000 }).then((h) => h.jsonValue());
  const violations = await t.violations();
  await t.close();
  assert.deepEqual(titles, TITLES);
  assert.ok(widths.every((w) => w > 0), `image and logo loaded: ${widths}; violations: ${violations}`);
  assert.deepEqual(violations, [], "no CSP violation");
  assert.deepEqual(t.pageErrors, []);
  assert.deepEqual(t.errors, []);
  assert.ok(!t.log.some((l) => /Content Security Policy|Trusted Type/i.test(l)), t.log.join("\n"));
});

test("that policy without the CDN in connect-src: the wasm is refused, the card falls back cleanly (reason wasm)", async () => {
  const csp = readmeCsp({ drop: ["connect-src", env.cdn] });
  const t = await visit(hostPage("/cdn-csp-no-connect.html", { csp, cards: ["inline"] }));
  const { events, shown } = await failed(t);
  const violations = await t.violations();
  await t.close();
  assert.deepEqual(events.map((e) => [e.type, e.detail.reason]), [["brief-card:error", "wasm"]]);
  assert.deepEqual([shown.state, shown.cards, shown.fallbackVisible], ["error", 0, true]);
  assert.deepEqual(violations, [`connect-src ${env.cdn}${wasmPath()}`]);
  assert.deepEqual(t.pageErrors, []);
  assert.equal(t.errors.length, 1, JSON.stringify(t.errors));
});

test("that policy without the CDN in script-src: the module is refused, the fallback stays, the page is unharmed", async () => {
  const csp = readmeCsp({ drop: ["script-src", env.cdn] });
  const t = await visit(hostPage("/cdn-csp-no-script.html", { csp, cards: ["inline"] }));
  await t.page.waitForTimeout(500);
  const defined = await t.page.evaluate(() => !!customElements.get("brief-card"));
  const shown = await inspect(t.page);
  const violations = await t.violations();
  await t.close();
  assert.equal(defined, false);
  assert.deepEqual([shown.cards, shown.fallbackVisible], [0, true]);
  assert.deepEqual(violations, [`script-src-elem ${moduleUrl()}`]);
  assert.deepEqual(t.pageErrors, []);
});

test("SRI: integrity= on the module script is checked (right hash renders, a wrong one blocks)", async () => {
  const hash = `sha384-${createHash("sha384").update(await readFile(join(env.pkg, "brief-card.js"))).digest("base64")}`;
  const script = (h) => `<script type="module" src="${moduleUrl()}" integrity="${h}" crossorigin="anonymous"></script>`;
  const ok = await visit(hostPage("/cdn-sri.html", { script: script(hash), cards: ["inline"] }));
  const titles = await renderedTitles(ok.page);
  await ok.close();
  assert.deepEqual(titles, { inline: TITLES.inline });
  assert.deepEqual(ok.pageErrors, []);

  const wrong = await visit(hostPage("/cdn-sri-wrong.html", { script: script(hash.replace(/.{4}$/, "AAA=")), cards: ["inline"] }));
  await wrong.page.waitForTimeout(500);
  const defined = await wrong.page.evaluate(() => !!customElements.get("brief-card"));
  const shown = await inspect(wrong.page);
  await wrong.close();
  assert.equal(defined, false, "a module that does not match its integrity does not run");
  assert.deepEqual([shown.cards, shown.fallbackVisible], [0, true]);
  assert.ok(wrong.log.some((l) => /integrity/i.test(l)), wrong.log.join("\n"));
  assert.deepEqual(wrong.pageErrors, []);
});

test("a CDN without CORS: the module cannot load, the fallback stays, no script error", async () => {
  const t = await visit(hostPage("/no-cors.html", { mode: "no-cors", cards: ["long", "inline"] }));
  await t.page.waitForTimeout(500);
  const defined = await t.page.evaluate(() => !!customElements.get("brief-card"));
  const shown = await t.page.$$eval("brief-card", (els) => els.map((e) => [!!e.shadowRoot, e.querySelector(".fallback").checkVisibility()]));
  const events = await t.page.evaluate(() => window.__bcEvents);
  await t.close();
  // Module scripts are always fetched with CORS: without it the element is never defined, so no
  // brief-card:error either; what the reader sees is the fallback, as the contract asks.
  assert.equal(defined, false);
  assert.deepEqual(shown, [[false, true], [false, true]]);
  assert.deepEqual(events, []);
  assert.ok(t.log.some((l) => /CORS/.test(l)), `the browser names CORS: ${t.log.join("\n")}`);
  assert.deepEqual(t.pageErrors, []);
  assert.deepEqual(t.errors, []);
});

test("a CDN with CORS on the scripts but not on the .wasm: one brief-card:error (reason wasm), the fallback stays", async () => {
  const t = await visit(hostPage("/no-wasm-cors.html", { mode: "no-wasm-cors", cards: ["inline"] }));
  const { events, shown } = await failed(t);
  await t.close();
  assert.deepEqual(events.map((e) => [e.type, e.detail.reason]), [["brief-card:error", "wasm"]]);
  assert.deepEqual([shown.state, shown.cards, shown.fallbackVisible], ["error", 0, true]);
  assert.ok(shown.height > 0, "not a blank box");
  assert.equal(t.errors.length, 1, JSON.stringify(t.errors));
  assert.match(t.errors[0], /\[wasm\]/);
  assert.deepEqual(t.pageErrors, []);
});

test("a .wasm not served as application/wasm: the card renders, but without streaming compilation (a warning)", async () => {
  const t = await visit(hostPage("/octet.html", { mode: "octet", cards: ["inline"] }));
  const titles = await renderedTitles(t.page);
  await t.close();
  assert.deepEqual(titles, { inline: TITLES.inline });
  assert.ok(t.responses.some((r) => r.url === env.cdn + wasmPath("octet") && r.type === "application/octet-stream"));
  assert.ok(t.log.some((l) => l.startsWith("warning:") && STREAMING_WARNING.test(l)), `wasm-bindgen's fallback warning: ${t.log.join("\n")}`);
  assert.deepEqual(t.pageErrors, []);
});
