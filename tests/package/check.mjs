// Serves DIR on 127.0.0.1 and checks in headless Chromium that every
// selector given renders a card: its shadow root holds an <article> whose
// title is TITLE. Prints one line per check; exits 1 on any failure.
//
//   node tests/package/check.mjs DIR PAGE TITLE SELECTOR...
import { resolve } from "node:path";
import { createRequire } from "node:module";
import { createServer } from "../../tools/serve.mjs";

const [dir, page, title, ...selectors] = process.argv.slice(2);
if (!dir || !page || !title || !selectors.length) {
  console.error("usage: node tests/package/check.mjs DIR PAGE TITLE SELECTOR...");
  process.exit(2);
}
// playwright-core from tools/node_modules (installed by scripts/setup.sh); the browser is Debian's Chromium.
const { chromium } = createRequire(new URL("../../tools/package.json", import.meta.url))("playwright-core");

const server = createServer(resolve(dir));
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
// A fresh profile each run (playwright makes and removes a temporary one).
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;
try {
  const tab = await browser.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  // (a failed load is reported by the response handler, which knows the URL)
  tab.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console.error: ${m.text()}`); });
  tab.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  tab.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await tab.goto(`${origin}/${page.replace(/^\//, "")}`);
  for (const selector of selectors) {
    try {
      const shown = await tab.waitForFunction(([sel, want]) => {
        const article = document.querySelector(sel)?.shadowRoot?.querySelector("article");
        const h = article?.querySelector("h2, h3");
        return h && h.textContent.trim() === want ? h.textContent.trim() : null;
      }, [selector, title], { timeout: 15000 });
      console.log(`ok: ${selector} renders "${await shown.jsonValue()}"`);
    } catch {
      failed++;
      const state = await tab.evaluate((sel) => {
        const el = document.querySelector(sel);
        return el ? `shadow root: ${el.shadowRoot ? el.shadowRoot.innerHTML.slice(0, 200) : "none"}; data-state: ${el.dataset.state}` : "no such element";
      }, selector);
      console.log(`FAILED: ${selector} shows no card titled "${title}" (${state})`);
    }
  }
  if (errors.length) {
    failed++;
    console.log(`FAILED: the page reported errors:\n  ${errors.join("\n  ")}`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
