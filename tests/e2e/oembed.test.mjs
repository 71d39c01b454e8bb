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
import { open, pages, repo, useBrowser, www } from "./helpers.mjs";

const env = useBrowser();
const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "--bin", "brief-card", "--", ...args], { cwd: repo, encoding: "utf8" });

test("every embed's oEmbed height holds its card, at 600 px and narrower", async () => {
  const input = join(env.root, "site-input");
  await mkdir(input);
  const files = [...["flash-brief", "gozaresh-fa", "minimal", "resumen-es"].map((b) => join(www, "briefs", `${b}.json`)), join(pages, "data", "long.json")];
  for (const f of files) await cp(f, join(input, basename(f)));
  cli("site", input, "--out", join(env.root, "site"), "--base-url", `${env.base}/site/`);
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
