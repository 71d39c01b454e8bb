// Serves a framework example's dist/ on 127.0.0.1 and checks in headless
// Chromium what tests/frameworks/run.sh promises for it:
//   - the framework's <brief-card> renders: its shadow root holds an
//     <article> whose title is TITLE;
//   - the attributes the framework set reached the element: `link-target`
//     "_blank" makes the card's links open in a new tab;
//   - the app's `brief-card:render` listener ran: #status, which the app
//     writes from the event, names it;
//   - the page reported no error and no warning (console, uncaught, HTTP).
// Prints one line per check; exits 1 on any failure.
//
//   node tests/frameworks/check.mjs DIR TITLE
import { resolve } from "node:path";
import { createRequire } from "node:module";
import { createServer } from "../../tools/serve.mjs";
import { watch } from "./reported.mjs";

const [dir, title] = process.argv.slice(2);
if (!dir || !title) {
  console.error("usage: node tests/frameworks/check.mjs DIR TITLE");
  process.exit(2);
}
const { chromium } = createRequire(new URL("../../tools/package.json", import.meta.url))("playwright-core");

const server = createServer(resolve(dir));
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;
const check = async (what, fn) => {
  try {
    console.log(`ok: ${what}${await fn()}`);
  } catch (e) {
    failed++;
    console.log(`FAILED: ${what}: ${e.message.split("\n")[0]}`);
  }
};
try {
  const tab = await browser.newPage();
  const reported = watch(tab);
  await tab.goto(`${origin}/`);

  await check("the card renders", async () => {
    const shown = await tab.waitForFunction((want) => {
      const h = document.querySelector("brief-card")?.shadowRoot?.querySelector("article :is(h1, h2, h3, h4)");
      return h?.textContent.trim() === want && h.textContent.trim();
    }, title, { timeout: 15000 }).catch(async () => {
      const state = await tab.evaluate(() => {
        const el = document.querySelector("brief-card");
        return el ? `data-state: ${el.dataset.state}; shadow root: ${el.shadowRoot?.innerHTML.slice(0, 200) ?? "none"}` : "no <brief-card> in the page";
      });
      throw new Error(`no card titled "${title}" (${state})`);
    });
    return `: "${await shown.jsonValue()}"`;
  });
  await check("the element got the framework's attributes", async () => {
    const targets = await tab.evaluate(() => [...document.querySelector("brief-card").shadowRoot.querySelectorAll("a[href]")].map((a) => a.target));
    if (!targets.length || targets.some((t) => t !== "_blank")) throw new Error(`link-target="_blank" not applied (link targets: ${JSON.stringify(targets)})`);
    return ` (link-target="_blank": ${targets.length} links open in a new tab)`;
  });
  await check("the app's brief-card:render listener ran", async () => {
    const status = await tab.waitForFunction(() => {
      const text = document.querySelector("#status")?.textContent ?? "";
      return text.includes("brief-card:render") && text;
    }, null, { timeout: 5000 }).catch(async () => {
      throw new Error(`#status reads ${JSON.stringify(await tab.evaluate(() => document.querySelector("#status")?.textContent ?? null))}`);
    });
    return `: #status reads "${await status.jsonValue()}"`;
  });
  await check("no errors or warnings", async () => {
    if (reported.length) throw new Error(reported.join(" | "));
    return "";
  });
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
