// Runs examples/ssr-node (installed from the tarball by run.sh) as its
// README says, `node server.mjs` on a free port, and checks what it promises:
//   - GET / is the server-rendered page: the card inside
//     <template shadowrootmode="open">, the element's module from the
//     installed package, a Content-Security-Policy that allows the card's
//     <style> by its hash; valid HTML (Nu HTML Checker, when Java and
//     tools/ have it); rendered again for each request;
//   - the package's browser files are served (the .wasm as application/wasm,
//     immutable, the installed bytes), and nothing else of the app;
//   - in headless Chromium, with the element's module held back, the card is
//     already there in its open shadow root; once the module has loaded the
//     element has rendered it (data-state="rendered") with the same markup
//     and the same pixels, the layout never shifted, and the page reported
//     no error, no warning (preloads used) and no CSP violation.
// Prints one line per check; exits 1 on any failure.
//
//   node tests/frameworks/ssr-check.mjs APP_DIR TITLE
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { watch } from "./reported.mjs";

const [dir, title] = process.argv.slice(2);
if (!dir || !title) {
  console.error("usage: node tests/frameworks/ssr-check.mjs APP_DIR TITLE");
  process.exit(2);
}
const app = resolve(dir);
const { chromium } = createRequire(new URL("../../tools/package.json", import.meta.url))("playwright-core");
const version = JSON.parse(readFileSync(join(app, "node_modules/brief-card/package.json"), "utf8")).version;
const ASSETS = `/brief-card@${version}/`;

let failed = 0;
const check = async (what, fn) => {
  try {
    console.log(`ok: ${what}${(await fn()) ?? ""}`);
  } catch (e) {
    failed++;
    console.log(`FAILED: ${what}: ${e.message.split("\n")[0]}`);
  }
};
const expect = (cond, message) => { if (!cond) throw new Error(message); };

// `npm start`, as the README says, on a free port; its first line says where.
const server = spawn(process.execPath, ["server.mjs"], { cwd: app, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stderr.on("data", (d) => (serverLog += d));
const origin = await new Promise((ok, no) => {
  let out = "";
  const timer = setTimeout(() => no(new Error(`the server did not say it was ready within 15 s: ${out}${serverLog}`)), 15000);
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/ready on (http:\/\/[\d.]+:\d+)\//);
    if (m) { clearTimeout(timer); ok(m[1]); }
  });
  server.on("exit", (code) => no(new Error(`the server exited (${code}): ${out}${serverLog}`)));
}).catch((e) => { console.log(`FAILED: npm start: ${e.message}`); process.exit(1); });
console.log(`ok: the server is ready on ${origin}/`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  let html = "";
  await check("GET / is the page with the card in declarative shadow DOM", async () => {
    const res = await fetch(`${origin}/`);
    html = await res.text();
    expect(res.status === 200, `HTTP ${res.status}`);
    expect(res.headers.get("content-type")?.startsWith("text/html"), `content-type ${res.headers.get("content-type")}`);
    expect(/<brief-card [^>]*><template shadowrootmode="open"><style>/.test(html), "no <brief-card><template shadowrootmode=\"open\"><style> in the page");
    expect(html.includes(title), `the title "${title}" is not in the HTML`);
    expect(html.includes(`<script type="module" src="${ASSETS}brief-card.js"></script>`), `no module script for ${ASSETS}brief-card.js`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/.test(csp), `the CSP allows no style by hash: ${csp}`);
    expect(!/unsafe-inline/.test(csp), `the CSP has 'unsafe-inline': ${csp}`);
    return ` (${html.length} characters; CSP: ${csp.match(/style-src [^;]*/)[0].slice(0, 40)}…)`;
  });
  const jar = new URL("../../tools/node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url).pathname;
  if (existsSync(jar) && !spawnSync("java", ["-version"]).error) {
    await check("the page is valid HTML (Nu HTML Checker)", async () => {
      const tmp = mkdtempSync(join(tmpdir(), "ssr-vnu-"));
      try {
        writeFileSync(join(tmp, "page.html"), html);
        const r = spawnSync("java", ["-jar", jar, "--errors-only", join(tmp, "page.html")], { encoding: "utf8" });
        expect(r.status === 0, (r.stderr || r.stdout).replace(/\s+/g, " ").trim());
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  } else {
    console.log("(skipped the HTML check: needs Java and tools/node_modules/vnu-jar)");
  }
  await check("each request is rendered again, the same", async () => {
    const again = await (await fetch(`${origin}/`)).text();
    expect(again === html, "a second GET / differs from the first");
  });
  await check("the package's browser files are served, and nothing else", async () => {
    const wasm = await fetch(`${origin}${ASSETS}brief_card_bg.wasm`);
    expect(wasm.status === 200, `.wasm: HTTP ${wasm.status}`);
    expect(wasm.headers.get("content-type") === "application/wasm", `.wasm content-type ${wasm.headers.get("content-type")}`);
    expect(/immutable/.test(wasm.headers.get("cache-control") ?? ""), `.wasm cache-control ${wasm.headers.get("cache-control")}`);
    const bytes = Buffer.from(await wasm.arrayBuffer());
    expect(bytes.equals(readFileSync(join(app, "node_modules/brief-card/brief_card_bg.wasm"))), "the served .wasm is not the installed one");
    for (const f of ["brief-card.js", "brief_card.js"]) {
      const r = await fetch(`${origin}${ASSETS}${f}`);
      expect(r.status === 200 && r.headers.get("content-type")?.startsWith("text/javascript"), `${f}: HTTP ${r.status}, ${r.headers.get("content-type")}`);
    }
    const refused = [`${ASSETS}package.json`, `${ASSETS}%2e%2e/%2e%2e/package.json`, `${ASSETS}..%2fpackage.json`, "/server.mjs", "/app/page.mjs", "/briefs/flash-brief.json", "/node_modules/brief-card/brief_card.js"];
    const served = [];
    for (const p of refused) if ((await fetch(origin + p)).status !== 404) served.push(p);
    expect(!served.length, `served: ${served.join(", ")}`);
    return ` (brief-card.js, brief_card.js, the .wasm; 404 for ${refused.length} other paths)`;
  });

  const context = await browser.newContext({ viewport: { width: 1000, height: 1600 } });
  const tab = await context.newPage();
  const reported = watch(tab);
  await tab.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.effectiveDirective}: ${e.blockedURI || "inline"}`));
    window.__renders = 0;
    document.addEventListener("brief-card:render", () => window.__renders++);
  });
  // The element's module is held back until the server-rendered card has been looked at.
  let held;
  const arrived = new Promise((ok) => tab.route(`**${ASSETS}brief-card.js`, (route) => { held = route; ok(); }));
  await tab.goto(`${origin}/`, { waitUntil: "commit" });
  await Promise.race([arrived, new Promise((_, no) => setTimeout(() => no(new Error(`the page never requested ${ASSETS}brief-card.js`)), 15000))]);

  const look = () => tab.evaluate(() => {
    const el = document.querySelector("brief-card");
    const root = el?.shadowRoot;
    const box = document.createElement("div");
    for (const n of root?.childNodes ?? []) if (n.nodeName !== "STYLE") box.append(n.cloneNode(true));
    const card = root?.querySelector("article");
    return {
      defined: !!customElements.get("brief-card"), state: el?.dataset.state ?? null, root: root?.mode ?? null,
      title: root?.querySelector(".bc-title")?.textContent.trim() ?? null, markup: box.innerHTML,
      styled: !!card && getComputedStyle(card).borderTopStyle !== "none" && card.getBoundingClientRect().height > 100,
    };
  });
  const settle = () => tab.evaluate(() => document.fonts.ready.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));

  let before, shot;
  await check("before the element's module runs, the card is in its open shadow root, styled", async () => {
    await tab.waitForFunction(() => document.querySelector("brief-card")?.shadowRoot?.querySelector("article"), null, { timeout: 15000 });
    await settle();
    before = await look();
    expect(!before.defined, "the element is already defined");
    expect(before.root === "open", `shadow root: ${before.root}`);
    expect(before.title === title, `title ${JSON.stringify(before.title)}`);
    expect(before.styled, "the card is unstyled (is its <style> blocked by the CSP?)");
    shot = await tab.screenshot();
    return `: "${before.title}"`;
  });
  await held?.continue();
  await check("after the upgrade, the element has rendered the same card", async () => {
    await tab.waitForFunction(() => document.querySelector("brief-card")?.dataset.state, null, { timeout: 15000 });
    await settle();
    const after = await look();
    expect(after.state === "rendered", `data-state="${after.state}"`);
    expect(await tab.evaluate(() => window.__renders) === 1, "no brief-card:render (or more than one)");
    expect(after.markup === before?.markup, "the shadow root's markup changed in the upgrade");
    const now = await tab.screenshot();
    expect(shot && now.equals(shot), "the card looks different after the upgrade (screenshots differ)");
    return " (data-state=\"rendered\"; the same markup and pixels)";
  });
  await check("no layout shift, no CSP violation, no error or warning", async () => {
    await tab.waitForLoadState("load");
    await tab.waitForTimeout(3500); // an unused preload is reported 3 s after load
    const shifts = await tab.evaluate(() => window.__shifts);
    const violations = await tab.evaluate(() => window.__violations);
    expect(!shifts.length, `layout shifts: ${JSON.stringify(shifts)}`);
    expect(!violations.length, `CSP violations: ${violations.join(" | ")}`);
    expect(!reported.length, reported.join(" | "));
  });
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
if (serverLog) console.log(`server's standard error:\n${serverLog}`);
process.exit(failed ? 1 : 0);
