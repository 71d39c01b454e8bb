// The hostile suites' own tiny harness: one static server and one headless
// Chromium per test file (no dependency on tests/e2e).
//
// The served root is a temporary copy of www/ (so /pkg/brief_card.js and the
// example briefs are reachable) with tests/hostile/pages/ copied on top.
// Pages named *.csp.html get the strict CSP header (tools/serve.mjs); every
// other page is served WITHOUT any CSP, so nothing but the module itself
// stands between a payload and execution.
import { after, before } from "node:test";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { createServer } from "../../tools/serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
export const www = join(repo, "www");
// playwright-core lives in tools/node_modules (installed by scripts/setup.sh).
const { chromium } = createRequire(join(repo, "tools", "package.json"))("playwright-core");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The corpus: one JSON-encoded string per line (tests/hostile/corpus.txt). */
export async function corpus() {
  const text = await readFile(join(here, "corpus.txt"), "utf8");
  return text.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
}

/** Registers before/after hooks; the returned object is filled in by `before`. */
export function useBrowser({ jsFlags } = {}) {
  const env = { root: "", base: "", browser: null, server: null };
  before(async () => {
    if (!existsSync(join(www, "pkg", "brief_card_bg.wasm"))) throw new Error("www/pkg is missing: run `bash scripts/build.sh` first");
    env.root = await mkdtemp(join(tmpdir(), "brief-card-hostile-"));
    await cp(www, env.root, { recursive: true });
    await cp(join(here, "pages"), env.root, { recursive: true });
    env.server = createServer(env.root);
    await new Promise((ok) => env.server.listen(0, "127.0.0.1", ok));
    env.base = `http://127.0.0.1:${env.server.address().port}`;
    const args = jsFlags ? [...ARGS, `--js-flags=${jsFlags}`] : ARGS;
    env.browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args, headless: true });
  });
  after(async () => {
    await env.browser?.close();
    await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
    env.server?.closeAllConnections?.();
    if (env.root) await rm(env.root, { recursive: true, force: true });
  });
  return env;
}

/**
 * Opens `path` in a fresh context. Requests to anything but the test server's
 * own files (`serve`) are aborted (hostile but allowed URLs such as https://evil.example/x.png
 * would otherwise wait on a network that is not there) and counted.
 * Collects page errors, dialogs (an alert from a frame the page could not
 * patch), popups and console lines.
 */
export async function open(env, path, { serve = /^\/(pkg\/|briefs\/|[\w.-]+\.(html|js|json)$)/ } = {}) {
  const context = await env.browser.newContext();
  const seen = { pageErrors: [], dialogs: [], popups: [], console: [], external: [] };
  await context.route("**/*", (route) => {
    const u = route.request().url();
    // Same-origin paths a hostile card may point at (relative URLs) are not served either.
    if (u.startsWith(env.base + "/") && serve.test(u.slice(env.base.length).split(/[?#]/)[0])) return route.continue();
    seen.external.push(u.slice(0, 120));
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => seen.pageErrors.push(e.message));
  page.on("dialog", (d) => { seen.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on("popup", (p) => seen.popups.push(p.url()));
  page.on("console", (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.base + path);
  return { context, page, seen, close: () => context.close() };
}
