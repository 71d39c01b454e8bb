import { test } from "node:test";
import { open, rendered, useBrowser } from "./helpers.mjs";
const env = useBrowser();
const FIX = process.env.FIX;
async function styles(path) {
  const t = await open(env, path, { viewport: { width: 1200, height: 900 } });
  await rendered(t.page);
  await t.page.evaluate(([fix, fix2]) => { for (const c of document.querySelectorAll("brief-card")) { const s = new CSSStyleSheet(); s.replaceSync(fix); const s2 = new CSSStyleSheet(); s2.replaceSync(fix2); c.shadowRoot.adoptedStyleSheets = [s, ...c.shadowRoot.adoptedStyleSheets, s2]; } }, [FIX, process.env.FIX2 || ""]);
  await t.page.waitForTimeout(100);
  const out = await t.page.$$eval("brief-card", (cards) => { const all = {}; for (const card of cards) [...card.shadowRoot.querySelectorAll("*")].forEach((el, i) => { const cs = getComputedStyle(el); const k = `#${card.id} ${i} ${el.localName}.${[...el.classList].join(".")}`; all[k] = {}; for (let j = 0; j < cs.length; j++) all[k][cs[j]] = cs.getPropertyValue(cs[j]); }); return all; });
  if (process.env.SHOT) await t.page.screenshot({ path: `/tmp/${path.slice(1)}.png`, fullPage: false });
  await t.close(); return out;
}
test("probe", async () => {
  const a = await styles("/isolation-plain.html"), b = await styles("/isolation-hostile.html");
  const by = {};
  for (const [el, ps] of Object.entries(a)) for (const [p, v] of Object.entries(ps)) if (b[el][p] !== v) (by[p] ||= []).push(`${el}: ${v} → ${b[el][p]}`);
  for (const [p, l] of Object.entries(by)) console.log(p, l.length, l[0]);
});
