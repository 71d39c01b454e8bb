// oEmbed's frame height against the card it frames: `brief-card site`
// publishes each brief's embed page with an oEmbed answer whose `height` a
// consumer (WordPress, Ghost, a newsletter tool) gives its iframe. Too short,
// and the reader scrolls inside the frame; too tall, and blank space follows
// the card. Each example (and a long brief with an image and collapsed
// blocks) is laid out in a frame of the answer's width, and the answer must
// hold the card with no more than a little to spare.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, cp } from "node:fs/promises";
import { basename, join } from "node:path";
import { open, pages, repo, useBrowser, writePage, www } from "./helpers.mjs";

const env = useBrowser();
const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", ...args], { cwd: repo, encoding: "utf8" });

// Besides the examples: a long brief with an image and collapsed blocks, one
// with 40 tags (chips leave the end of each row empty), and one whose every
// name, label and word is 300 letters long (each wraps over many lines).
const files = [
  ...["flash-brief", "gozaresh-fa", "minimal", "resumen-es"].map((b) => join(www, "briefs", `${b}.json`)),
  ...["long", "many-tags", "longwords"].map((b) => join(pages, "data", `${b}.json`)),
];

/** The site of `files`, published under /site/ (once per run). */
let published;
const site = () =>
  (published ??= (async () => {
    const input = join(env.root, "site-input");
    await mkdir(input);
    for (const f of files) await cp(f, join(input, basename(f)));
    cli("site", input, "--out", join(env.root, "site"), "--base-url", `${env.base}/site/`);
  })());

test("every embed's oEmbed height holds its card, at 600 px and narrower", async () => {
  await site();
  const checked = [];
  for (const f of files) {
    // The site names a brief's page by its id, else by its file's name.
    const name = JSON.parse(readFileSync(f, "utf8")).id ?? basename(f, ".json");
    for (const width of [600, 400, 320]) {
      const o = JSON.parse(cli("oembed", "--url", `${env.base}/site/${name}/`, "--maxwidth", String(width), f));
      assert.equal(o.width, width);
      // A frame of the answer's width; a short one, so the card's box is its content's height.
      const t = await open(env, `/site/${name}/embed.html`, { viewport: { width: o.width, height: 100 } });
      await t.page.waitForFunction(() => document.querySelector("brief-card")?.shadowRoot?.querySelector(".bc-card"));
      await t.page.evaluate(() => Promise.all([...document.querySelector("brief-card").shadowRoot.querySelectorAll("img")].map((i) => i.decode().catch(() => {}))));
      const card = await t.page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
      await t.close();
      const fits = o.height >= card ? (o.height <= Math.max(160, card * 1.3) ? "" : "  FAR TALLER") : "  SHORTER";
      checked.push(`${name} at ${width} px: card ${card}, oEmbed height ${o.height}${fits}`);
    }
  }
  console.log(checked.join("\n"));
  assert.ok(!checked.some((c) => / [A-Z]{3,}/.test(c)), `frames that do not hold their card or are far taller:\n${checked.join("\n")}`);
});

// A consumer shows the answer's iframe at the answer's height, estimated for
// 600 px; in a phone's narrower column (the frame has max-width:100%) the
// card is taller, and taller again when a reader expands a block. The embed
// page tells the framing page its height as it changes: a plain message any
// host can follow (this page does what the README's snippet does), and
// WordPress's own {message: "height", value, secret} for the secret in the
// frame's address, from a frame sandboxed as WordPress sandboxes it
// (`allow-scripts` alone: an opaque origin, and this server sends no CORS
// headers, so only a classic script runs there). Those frames come first:
// Chromium holds back the rendering, and so the resize observations, of a
// frame of another origin that is out of view.
test("the embed page tells the page that frames it its height, as it changes (WordPress's protocol too)", async () => {
  await site();
  const o = JSON.parse(cli("oembed", "--url", `${env.base}/site/long-brief/`, join(pages, "data", "long.json")));
  // WordPress's frames: one given its secret in its address, one given it
  // in the "ready" message WordPress's script posts once it runs (later).
  const wordpressFrame = `<iframe id="wp" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" width="600" height="150"
    src="${env.base}/site/long-brief/embed.html#?secret=Wp5ecret" data-secret="Wp5ecret"></iframe>
    <iframe id="wp-late" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" width="600" height="150"
    src="${env.base}/site/long-brief/embed.html"></iframe>`;
  await writePage(env, "framing-host.html", `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${wordpressFrame}${o.html}
<script>
  window.wordpress = [];
  addEventListener("message", (e) => {
    if (e.data?.type === "brief-card:height") {
      // As the README's snippet does, for the frames that are not WordPress's (which answers its own).
      for (const f of document.querySelectorAll("iframe:not([id^=wp])")) if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
    }
    if (e.data?.message === "height" && [...document.querySelectorAll("iframe[id^=wp]")].some((f) => f.contentWindow === e.source)) wordpress.push(e.data);
  });
</script>`);
  // A phone's width; tall enough that every frame is in view (WordPress's
  // above, ours below them), since a card renders when it nears the view.
  const t = await open(env, "/framing-host.html", { viewport: { width: 360, height: 1400 } });
  const ours = "iframe:not([id^=wp])";
  const frame = async () => (await t.page.$(ours)).contentFrame();
  await t.page.waitForFunction((s) => document.querySelector(s).contentDocument?.querySelector("brief-card")?.shadowRoot?.querySelector(".bc-card"), ours);
  const fits = () =>
    t.page.waitForFunction((s) => {
      const f = document.querySelector(s);
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
    }, ours, { timeout: 5000 });
  await fits();
  const collapsed = await t.page.$eval(ours, (f) => f.getBoundingClientRect().height);
  assert.notEqual(Math.round(collapsed), o.height, "at 360 px the card's height is not the answer's, and the frame followed the card");
  await (await frame()).evaluate(() => document.querySelector("brief-card").shadowRoot.querySelector(".bc-toggle").click());
  await fits();
  const expanded = await t.page.$eval(ours, (f) => f.getBoundingClientRect().height);
  assert.ok(expanded > collapsed, `expanding a block grew the frame (${collapsed} to ${expanded} px)`);
  await t.page.waitForFunction(() => window.wordpress.length > 0, null, { timeout: 5000 });
  // WordPress's script runs late and asks the other frame: it answers with that secret.
  await t.page.evaluate(() => document.querySelector("#wp-late").contentWindow.postMessage({ message: "ready", secret: "Late5ecret" }, "*"));
  await t.page.waitForFunction(() => window.wordpress.some((m) => m.secret === "Late5ecret"), null, { timeout: 5000 });
  const wordpress = await t.page.evaluate(() => window.wordpress);
  assert.ok(wordpress.every((m) => ["Wp5ecret", "Late5ecret"].includes(m.secret) && Number.isInteger(m.value) && m.value > 0), JSON.stringify(wordpress));
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});
