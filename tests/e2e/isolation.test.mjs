// The card under a strict CSP (no violations, cards rendered, interactions
// work) and its isolation from the host's CSS: a hostile stylesheet changes
// nothing inside the card; only --brief-* properties and ::part() get in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, rendered, useBrowser } from "./helpers.mjs";

const env = useBrowser();

test("strict CSP page (*.csp.html): zero violations, every card rendered and working", async () => {
  const t = await open(env);
  await t.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const res = await t.page.goto(env.base + "/strict.csp.html");
  assert.match(res.headers()["content-security-policy"], /trusted-types 'none'/, "the strict header is sent");
  await rendered(t.page, "#src, #inline");
  await t.page.evaluate(() => scrollTo(0, document.body.scrollHeight)); // the lazy feed too
  await rendered(t.page, "#feed");
  // Interactions under the policy: Show more, and copy link (clipboard or its textarea fallback).
  await t.page.evaluate(() => document.querySelector("#src").shadowRoot.querySelector(".bc-toggle").click());
  assert.equal(await t.page.$eval("#src", (e) => e.shadowRoot.querySelector(".bc-toggle").getAttribute("aria-expanded")), "true");
  await t.page.evaluate(() => document.querySelector("#src").shadowRoot.querySelector(".bc-copy").click());
  await t.page.waitForTimeout(300);
  const v = await t.page.evaluate(() => window.__violations);
  const cards = await t.page.$$eval("brief-card", (els) => els.map((e) => e.shadowRoot.querySelectorAll("article").length));
  const styled = await t.page.$eval("#src", (e) => getComputedStyle(e.shadowRoot.querySelector("article")).borderTopWidth);
  await t.close();
  assert.deepEqual(v, [], "no securitypolicyviolation events");
  assert.deepEqual(cards, [1, 1, 3]);
  assert.notEqual(styled, "0px", "the card's stylesheet applies (constructable sheet, allowed by style-src 'self')");
  assert.deepEqual(t.errors, []);
  assert.deepEqual(t.pageErrors, []);
  assert.deepEqual(t.log.filter((l) => /Content.Security.Policy|Trusted Type/i.test(l)), []);
});

/** Every computed property of every element in every card's shadow root: {names, elements: {key: [values]}}. */
async function styles(path) {
  const t = await open(env, path, { viewport: { width: 1200, height: 900 } });
  await rendered(t.page);
  await t.page.evaluate(() => document.fonts.ready);
  // Every image loaded (or failed) first: a lazy image still loading has no
  // size yet, and whether it has finished would differ between the two pages.
  await t.page.evaluate(() => Promise.all([...document.querySelectorAll("brief-card")]
    .flatMap((card) => [...card.shadowRoot.querySelectorAll("img")])
    .map((img) => { img.loading = "eager"; return img.decode().catch(() => {}); })));
  const out = await t.page.$$eval("brief-card", (cards) => {
    const names = [...getComputedStyle(document.body)].filter((n) => !n.startsWith("--"));
    const elements = {};
    for (const card of cards) {
      [...card.shadowRoot.querySelectorAll("*")].forEach((el, i) => {
        const cs = getComputedStyle(el), r = el.getBoundingClientRect();
        elements[`#${card.id} ${i} ${el.localName}.${[...el.classList].join(".")}`] =
          [...names.map((n) => cs.getPropertyValue(n)), `${Math.round(r.width)}x${Math.round(r.height)}`];
      });
    }
    const host = getComputedStyle(cards[0]);
    return { names: [...names, "(box)"], elements, host: `${host.fontSize} ${host.letterSpacing} ${host.textDecorationLine}` };
  });
  await t.close();
  return out;
}

test("a hostile host stylesheet changes nothing inside the card", async () => {
  const plain = await styles("/isolation-plain.html");
  const hostile = await styles("/isolation-hostile.html");
  assert.equal(hostile.host, "50px 5px underline overline", "the hostile sheet applies to the host element");
  assert.deepEqual(hostile.names, plain.names);
  assert.deepEqual(Object.keys(hostile.elements), Object.keys(plain.elements), "same elements");
  const diffs = [];
  for (const [el, values] of Object.entries(plain.elements)) {
    values.forEach((v, i) => { if (hostile.elements[el][i] !== v) diffs.push(`${el} ${plain.names[i]}: ${v} → ${hostile.elements[el][i]}`); });
  }
  // Group by property for a readable report.
  const byProp = {};
  for (const d of diffs) { const p = d.split(" ")[3].replace(":", ""); (byProp[p] ||= []).push(d); }
  const report = Object.entries(byProp).map(([p, ds]) => `${p} (${ds.length} elements), e.g. ${ds[0]}`).join("\n  ");
  assert.equal(diffs.length, 0, `computed styles differ:\n  ${report}`);
});

test("the documented ways in work: --brief-* custom properties and ::part()", async () => {
  const t = await open(env, "/themed.html");
  await rendered(t.page);
  const got = await t.page.$eval("#themed", (e) => {
    const r = e.shadowRoot, cs = (s) => getComputedStyle(r.querySelector(s));
    return {
      accent: cs(".bc-card").borderTopColor, radius: cs(".bc-card").borderTopLeftRadius, font: cs(".bc-p").fontFamily,
      title: cs(".bc-title").textTransform, tag: cs(".bc-chip").color,
    };
  });
  await t.close();
  assert.deepEqual(got, { accent: "rgb(0, 100, 0)", radius: "0px", font: "Georgia, serif", title: "uppercase", tag: "rgb(128, 0, 128)" });
});

test("without constructable stylesheets, a <style> styles the card (shadow or light DOM), and stays through updates", async () => {
  const t = await open(env);
  await t.page.addInitScript(() => { delete CSSStyleSheet.prototype.replaceSync; }); // an old browser
  await t.page.goto(env.base + "/blank.html");
  const r = await t.page.evaluate(async () => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const host = document.createElement("div");
    document.body.append(host);
    const brief = await (await fetch("/briefs/flash-brief.json")).json();
    const card = m.renderBrief(host, brief);
    const root = host.shadowRoot;
    const look = () => ({
      styles: root.querySelectorAll("style").length,
      first: root.firstElementChild.localName,
      border: getComputedStyle(root.querySelector("article")).borderTopWidth,
    });
    const out = { mounted: look(), adopted: root.adoptedStyleSheets.length };
    card.update({ ...brief, title: "Patched" }); // in place
    out.patched = look();
    card.update({ title: "Rebuilt" }); // another structure
    out.rebuilt = look();
    // Light DOM: the <style> goes in with the card, and out with it.
    const light = document.createElement("div");
    light.textContent = "host text";
    document.body.append(light);
    const lc = m.renderBrief(light, brief, { shadow: false });
    out.light = { styles: light.querySelectorAll("style").length, first: light.firstElementChild.localName, border: getComputedStyle(light.querySelector("article")).borderTopWidth };
    lc.destroy();
    out.lightAfter = { styles: light.querySelectorAll("style").length, text: light.textContent };
    return out;
  });
  await t.close();
  assert.equal(r.adopted, 0);
  for (const k of ["mounted", "patched", "rebuilt", "light"]) {
    assert.deepEqual({ styles: r[k].styles, first: r[k].first }, { styles: 1, first: "style" }, k);
    assert.notEqual(r[k].border, "0px", `${k}: the stylesheet applies`);
  }
  assert.deepEqual(r.lightAfter, { styles: 0, text: "host text" }, "destroy gives the host its own content back");
  assert.deepEqual(t.pageErrors, []);
});

// Cards rendered into the light DOM share the page's ids. Those without an
// id of their own (and feeds of them) tie "Show more" to what it shows by
// ids that must still differ from card to card, or a screen reader's
// aria-controls would name another card's paragraphs.
test("light-DOM cards without ids of their own give no id twice, and each Show more controls its own card", async () => {
  const t = await open(env);
  await t.page.goto(env.base + "/blank.html");
  const r = await t.page.evaluate(async () => {
    const m = await import("/pkg/brief_card.js");
    await m.default();
    const long = (title) => ({ title, summary: { paragraphs: ["1", "2", "3", "4", "5", "6"] } });
    const hosts = [];
    const into = (briefs) => {
      const host = document.createElement("div");
      document.body.append(host);
      hosts.push(host);
      return m.renderBrief(host, briefs, { shadow: false });
    };
    const cards = [into(long("A")), into(long("B")), into([long("C"), long("D")]), into([long("E"), long("F")])];
    const check = () => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      const toggles = [...document.querySelectorAll(".bc-toggle")];
      return {
        repeated: ids.filter((id, i) => ids.indexOf(id) !== i),
        toggles: toggles.length,
        ownCard: toggles.every((b) => document.getElementById(b.getAttribute("aria-controls"))?.closest("article") === b.closest("article")),
      };
    };
    const first = check();
    const idsOf = (i) => [...hosts[i].querySelectorAll("[id]")].map((e) => e.id).join(" ");
    const before = idsOf(1);
    cards[1].update(long("B, updated"));
    // An update keeps the card's ids: a host's CSS or script that names them still finds them.
    return { first, updated: check(), kept: idsOf(1) === before && before !== "" };
  });
  for (const k of ["first", "updated"]) {
    assert.deepEqual(r[k], { repeated: [], toggles: 6, ownCard: true }, k);
  }
  assert.ok(r.kept, "an update keeps a light-DOM card's ids");
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});
