// <brief-card>: upgrade from `src` and from inline JSON, attributes that
// mirror the options, the `brief` property, feeds, disconnect/reconnect.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect, mount, open, useBrowser, www } from "./helpers.mjs";

const env = useBrowser();
const flash = JSON.parse(await readFile(join(www, "briefs", "flash-brief.json"), "utf8"));

/** Runs `change` in the page and resolves with the next brief-card:render detail. */
const nextRender = (page, change) => page.evaluate((change) => new Promise((resolve, reject) => {
  const el = document.querySelector("brief-card");
  el.addEventListener("brief-card:render", (e) => resolve(e.detail), { once: true });
  el.addEventListener("brief-card:error", (e) => reject(new Error(JSON.stringify(e.detail))), { once: true });
  new Function("el", change)(el); // the test page has no CSP
  setTimeout(() => reject(new Error("no render")), 5000);
}), change);

const card = (page) => page.$eval("brief-card", (el) => {
  const a = el.shadowRoot.querySelector("article");
  return {
    cls: a.className, lang: a.lang, dir: a.dir,
    title: a.querySelector(".bc-title").textContent,
    date: a.querySelector(".bc-date")?.textContent,
    targets: [...a.querySelectorAll("a[href]")].map((l) => `${l.target}|${l.rel}`),
  };
});

test("upgrades from src: the card replaces the fallback", async () => {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" }, { settle: 300 });
  assert.equal(ev.type, "brief-card:render");
  assert.equal(ev.count, 1, "one render event");
  assert.equal(ev.detail.count, 1);
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["rendered", 1, false]);
  assert.equal((await card(t.page)).title, flash.title);
  assert.equal(await t.page.$eval("brief-card", (el) => getComputedStyle(el).display), "block");
  assert.deepEqual(await t.page.$eval("brief-card", (el) => el.brief.id), flash.id, "the getter returns the fetched brief");
  assert.deepEqual(t.errors, []);
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});

test("upgrades from an inline <script type=application/json>", async () => {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { loading: "eager" }, { json: JSON.stringify({ title: "Inline brief", id: "inline-1", summary: { paragraphs: ["Hello."] } }) });
  assert.equal(ev.type, "brief-card:render");
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["rendered", 1, false]);
  assert.equal((await card(t.page)).title, "Inline brief");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("an empty src names no data (not the page itself): the inline JSON is read", async () => {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { src: "", loading: "eager" }, { json: JSON.stringify({ title: "Inline" }) });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  await t.close();
});

test("the element's lang is the default language of a brief without one", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { loading: "eager", lang: "fa" }, { json: JSON.stringify({ title: "عنوان", tags: [{ label: "ایران" }] }) });
  const c = await card(t.page);
  assert.deepEqual([c.lang, c.dir], ["fa", "rtl"]);
  // Changing it re-renders; without one of its own, the element takes the page's, as HTML inherits lang.
  await nextRender(t.page, `el.setAttribute("lang", "ar")`);
  assert.equal((await card(t.page)).lang, "ar");
  await nextRender(t.page, `el.parentElement.lang = "ur"; el.removeAttribute("lang")`);
  assert.deepEqual([(await card(t.page)).lang, (await card(t.page)).dir], ["ur", "rtl"]);
  await t.close();
});

test("attributes mirror the options and re-render on change", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  let c = await card(t.page);
  assert.match(c.cls, /\bbc-light\b/);
  assert.doesNotMatch(c.cls, /\bbc-compact\b/);
  assert.ok(c.targets.every((x) => x === "|"), "links open in the same tab by default");

  await nextRender(t.page, `el.setAttribute("theme", "dark")`);
  assert.match((await card(t.page)).cls, /\bbc-dark\b/);

  await nextRender(t.page, `el.setAttribute("layout", "compact")`);
  c = await card(t.page);
  assert.match(c.cls, /\bbc-dark\b.*\bbc-compact\b/);

  await nextRender(t.page, `el.setAttribute("link-target", "_blank")`);
  c = await card(t.page);
  assert.ok(c.targets.length > 0 && c.targets.every((x) => x === "_blank|noopener noreferrer"), c.targets.join());

  await nextRender(t.page, `el.setAttribute("locale", "fr")`);
  assert.equal((await card(t.page)).date, "13 juin 2023");

  await nextRender(t.page, `el.setAttribute("theme", "auto")`);
  assert.match((await card(t.page)).cls, /\bbc-auto\b/);

  // An unknown value is ignored (the default applies), as for built-in enumerated attributes; so is a locale that is no language tag.
  await nextRender(t.page, `el.setAttribute("theme", "neon"); el.removeAttribute("layout"); el.setAttribute("locale", "not a locale!!")`);
  assert.equal((await card(t.page)).date, "June 13, 2023");
  c = await card(t.page);
  assert.match(c.cls, /\bbc-light\b/);
  assert.doesNotMatch(c.cls, /\bbc-compact\b/);
  assert.equal(await t.page.$eval("brief-card", (el) => el.shadowRoot.querySelectorAll("article").length), 1, "re-rendered in place, not appended");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("the data and attributes a task changes make one render, with all of them (as frameworks patch them, one at a time)", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  const seen = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    const renders = [];
    el.addEventListener("brief-card:render", () => {
      const a = el.shadowRoot.querySelector("article");
      renders.push({ cls: a.className, heading: a.querySelector(".bc-title").localName, lang: a.lang, date: a.querySelector(".bc-date").textContent,
        title: a.querySelector(".bc-title-link").firstChild.textContent });
    });
    el.brief = { ...el.brief, title: "Retitled" };
    for (const [k, v] of [["theme", "dark"], ["layout", "compact"], ["locale", "de-DE"], ["link-target", "_blank"], ["heading-level", "4"], ["lang", "fr"]]) {
      el.setAttribute(k, v);
    }
    const sync = renders.length;
    setTimeout(() => resolve({ sync, renders }), 300);
  }));
  assert.equal(seen.sync, 0, "none while the task is still changing them");
  assert.equal(seen.renders.length, 1, JSON.stringify(seen.renders));
  assert.deepEqual(seen.renders[0], { cls: "bc-card bc-dark bc-compact", heading: "h4", lang: "en", date: "13. Juni 2023", title: "Retitled" });
  // An attribute changed from one value the card ignores to another changes nothing: no render.
  const after = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    el.setAttribute("theme", "neon");
    setTimeout(() => {
      let n = 0;
      el.addEventListener("brief-card:render", () => n++);
      el.setAttribute("theme", "plaid");
      setTimeout(() => resolve(n), 300);
    }, 300);
  }));
  assert.equal(after, 0);
  // print() fires beforeprint before the task that changed an attribute ends: the change is printed.
  const printed = await t.page.evaluate(() => {
    const el = document.querySelector("brief-card");
    el.setAttribute("theme", "dark");
    dispatchEvent(new Event("beforeprint"));
    return el.shadowRoot.querySelector("article").className;
  });
  assert.equal(printed, "bc-card bc-dark bc-compact");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("invalid data: its error event finds the element failed, and a listener that gives good data has it rendered", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  const seen = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    const at = {};
    el.addEventListener("brief-card:error", (e) => {
      at.error = { state: el.dataset.state, cards: el.shadowRoot.querySelectorAll("article").length, reason: e.detail.reason };
      el.brief = { title: "Recovered" };
    }, { once: true });
    el.addEventListener("brief-card:render", () => { at.render = el.dataset.state; }, { once: true });
    el.brief = { title: "Bad", url: "javascript:alert(1)" };
    setTimeout(() => resolve({ ...at, state: el.dataset.state, titles: [...el.shadowRoot.querySelectorAll(".bc-title")].map((h) => h.textContent) }), 300);
  }));
  assert.deepEqual(seen, { error: { state: "error", cards: 0, reason: "invalid" }, render: "rendered", state: "rendered", titles: ["Recovered"] });
  assert.equal(t.errors.length, 1, t.errors.join("\n"));
  assert.match(t.errors[0], /^<brief-card> \[invalid\]: the brief is not valid: url: scheme "javascript" is not allowed\.$/, "told, naming no src: the data was the property's");
  // The first render of invalid inline JSON: the listener finds the fallback and "error".
  const first = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement("brief-card");
    el.setAttribute("loading", "eager");
    el.innerHTML = '<script type="application/json">{"title": ""}<\/script><a class="fallback" href="/x">Read it</a>';
    el.addEventListener("brief-card:error", () => resolve({ state: el.dataset.state, cards: el.shadowRoot?.querySelectorAll("article").length ?? 0 }));
    document.body.append(el);
  }));
  assert.deepEqual(first, { state: "error", cards: 0 });
  await t.close();
});

test("invalid data fails once: one error for a task's changes, none again for a move its listener makes", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" }); // the module is loaded: renders are synchronous
  const seen = await t.page.evaluate(() => new Promise((resolve) => {
    const n = { markup: 0, moved: 0 };
    // Created from markup with an attribute: connecting renders, and the attribute's change is looked at again.
    const host = document.createElement("div");
    host.innerHTML = '<brief-card loading="eager" theme="dark"><script type="application/json">{"title": ""}<\/script>Fallback</brief-card>';
    host.firstElementChild.addEventListener("brief-card:error", () => n.markup++);
    document.body.append(host);
    // A listener that moves the element (into another section) on error.
    const el = document.createElement("brief-card");
    el.setAttribute("loading", "eager");
    const [a, b] = [document.createElement("section"), document.createElement("section")];
    document.body.append(a, b);
    a.append(el);
    el.addEventListener("brief-card:error", () => { n.moved++; (el.parentNode === a ? b : a).append(el); });
    el.brief = { title: "" };
    setTimeout(() => resolve({ ...n, state: el.dataset.state, connected: el.isConnected }), 300);
  }));
  assert.deepEqual(seen, { markup: 1, moved: 1, state: "error", connected: true });
  assert.deepEqual(t.pageErrors, []);
  assert.equal(t.errors.length, 2, t.errors.join("\n"));
  await t.close();
});

test("the brief property renders an object; the getter returns it", async () => {
  const t = await open(env, "/blank.html");
  const first = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement("brief-card");
    el.setAttribute("loading", "eager");
    el.append("Fallback");
    document.body.append(el);
    const pending = { state: el.dataset.state ?? null, shadow: !!el.shadowRoot };
    el.addEventListener("brief-card:render", () => resolve({ pending, title: el.shadowRoot.querySelector(".bc-title").textContent }), { once: true });
    el.brief = { title: "From a property", id: "prop-1" };
  }));
  assert.deepEqual(first, { pending: { state: null, shadow: false }, title: "From a property" });
  const d = await nextRender(t.page, `el.brief = [{ title: "One" }, { title: "Two" }]`);
  assert.equal(d.count, 2, "an array renders as a feed");
  const got = await t.page.$eval("brief-card", (el) => ({ isArray: Array.isArray(el.brief), n: el.brief.length, roles: el.shadowRoot.querySelector(".bc-feed")?.getAttribute("role") }));
  assert.deepEqual(got, { isArray: true, n: 2, roles: "list" });
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("new data with the same attributes updates the card in place: the reader keeps focus and what they expanded", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/data/long.json", loading: "eager" });
  const opened = await t.page.$eval("brief-card", (el) => {
    const more = el.shadowRoot.querySelector("button.bc-toggle");
    more.click();
    more.focus();
    return more.getAttribute("aria-expanded");
  });
  assert.equal(opened, "true");
  await nextRender(t.page, `el.brief = { ...el.brief, title: "Retitled" }`);
  const after = await t.page.$eval("brief-card", (el) => ({
    title: el.shadowRoot.querySelector(".bc-title").textContent,
    expanded: el.shadowRoot.querySelector("button.bc-toggle").getAttribute("aria-expanded"),
    focused: el.shadowRoot.activeElement?.className ?? null,
  }));
  assert.deepEqual(after, { title: "Retitled", expanded: "true", focused: "bc-toggle" });
  await t.close();
});

test("a collection (src pointing at an array) renders as a feed", async () => {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { src: "/briefs/feed.json", loading: "eager" });
  assert.equal(ev.detail.count, 3);
  assert.equal(await t.page.$eval("brief-card", (el) => el.shadowRoot.querySelectorAll('[role="listitem"] > article').length), 3);
  await t.close();
});

test("changing src refetches; disconnect destroys and shows the fallback; reconnect re-renders", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  await nextRender(t.page, `el.setAttribute("src", "/briefs/resumen-es.json")`);
  assert.equal((await card(t.page)).lang, "es");

  const gone = await t.page.evaluate(async () => {
    const el = (window.__card = document.querySelector("brief-card"));
    el.remove();
    await null; // the card goes once the script that removed the element is done
    return { slot: el.shadowRoot.firstElementChild?.localName, n: el.shadowRoot.childElementCount, state: el.dataset.state ?? null };
  });
  assert.deepEqual(gone, { slot: "slot", n: 1, state: null }, "destroy() leaves a <slot>");

  const re = await t.page.evaluate(() => new Promise((resolve) => {
    const el = window.__card;
    el.addEventListener("brief-card:render", () => resolve({ cards: el.shadowRoot.querySelectorAll("article").length, state: el.dataset.state }), { once: true });
    document.body.append(el);
  }));
  assert.deepEqual(re, { cards: 1, state: "rendered" }, "reconnecting re-renders");
  const s = await inspect(t.page);
  assert.equal(s.fallbackVisible, false);

  // Removed from inside its own brief-card:render listener: no card is left behind.
  const inside = await t.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("brief-card");
    el.addEventListener("brief-card:render", () => {
      el.remove();
      queueMicrotask(() => resolve({ first: el.shadowRoot.firstElementChild.localName, state: el.dataset.state ?? null }));
    }, { once: true });
    el.setAttribute("theme", "dark");
  }));
  assert.deepEqual(inside, { first: "slot", state: null });
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("a move keeps the card and what the reader expanded; removing the data shows the fallback", async () => {
  const t = await open(env, "/blank.html");
  await mount(t.page, { src: "/briefs/flash-brief.json", loading: "eager" });
  const moved = await t.page.evaluate(async () => {
    const el = document.querySelector("brief-card");
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1}`);
    await new Promise((resolve) => { el.addEventListener("brief-card:render", resolve, { once: true }); el.brief = { title: "Long", summary: { paragraphs } }; });
    const renders = [];
    el.addEventListener("brief-card:render", () => renders.push(1));
    const article = el.shadowRoot.querySelector("article");
    const toggle = el.shadowRoot.querySelector("button.bc-toggle");
    toggle.click();
    // A framework reordering a keyed list: removed and inserted again by one script.
    const other = document.body.appendChild(document.createElement("div"));
    el.remove();
    other.append(el);
    await new Promise((r) => setTimeout(r, 50));
    const kept = { same: el.shadowRoot.querySelector("article") === article, expanded: toggle.getAttribute("aria-expanded"), label: toggle.textContent };
    // moveBefore (a move in one step) keeps focus too.
    toggle.focus();
    if (document.body.moveBefore) document.body.moveBefore(el, null); else document.body.append(el);
    await new Promise((r) => setTimeout(r, 50));
    return { ...kept, stillSame: el.shadowRoot.querySelector("article") === article, focus: el.shadowRoot.activeElement === toggle, moveBefore: !!document.body.moveBefore, renders: renders.length };
  });
  assert.deepEqual(moved, { same: true, expanded: "true", label: "Show less", stillSame: true, focus: moved.moveBefore, moveBefore: moved.moveBefore, renders: 0 });

  // What changes while the element is off the page is not lost by the move: new data, a new
  // attribute, a new src.
  const changed = await t.page.evaluate(async () => {
    const el = document.querySelector("brief-card");
    const settle = () => new Promise((r) => setTimeout(r, 300));
    el.remove(); el.brief = { title: "Changed while moving" }; document.body.append(el);
    await settle();
    const title = el.shadowRoot.querySelector(".bc-title").textContent;
    el.remove(); el.setAttribute("theme", "dark"); document.body.append(el);
    await settle();
    const dark = el.shadowRoot.querySelector("article").classList.contains("bc-dark");
    el.remove(); el.setAttribute("src", "/briefs/resumen-es.json"); document.body.append(el);
    await settle();
    return { title, dark, lang: el.shadowRoot.querySelector("article").lang, state: el.dataset.state };
  });
  assert.deepEqual(changed, { title: "Changed while moving", dark: true, lang: "es", state: "rendered" });

  // src removed, nothing else to read: the old card goes and the fallback shows.
  const cleared = await t.page.evaluate(async () => {
    const el = document.querySelector("brief-card");
    el.removeAttribute("src");
    await new Promise((r) => setTimeout(r, 50));
    return { cards: el.shadowRoot.querySelectorAll("article").length, state: el.dataset.state ?? null };
  });
  assert.deepEqual(cleared, { cards: 0, state: null });

  // A clone has no card of its own yet: it is not marked rendered until it is (a clone of a
  // card from src fetches, and says so only once its card is there).
  const clone = await t.page.evaluate(async () => {
    const el = document.querySelector("brief-card");
    el.setAttribute("src", "/briefs/flash-brief.json");
    await new Promise((r) => el.addEventListener("brief-card:render", r, { once: true }));
    const copy = el.cloneNode(true);
    document.body.append(copy);
    const state = copy.dataset.state ?? null;
    await new Promise((r) => copy.addEventListener("brief-card:render", r, { once: true }));
    return { original: el.dataset.state, state, later: copy.dataset.state };
  });
  assert.deepEqual(clone, { original: "rendered", state: null, later: "rendered" });

  // Moved into a same-origin frame's document: built anew there, with its stylesheet.
  const framed = await t.page.evaluate(async () => {
    const el = document.querySelector("brief-card");
    const frame = document.body.appendChild(document.createElement("iframe"));
    frame.style.width = "800px";
    await new Promise((r) => setTimeout(r, 50));
    const rendered = new Promise((r) => el.addEventListener("brief-card:render", r, { once: true }));
    frame.contentDocument.body.append(el);
    await rendered;
    const article = el.shadowRoot.querySelector("article");
    return frame.contentWindow.getComputedStyle(article).borderTopWidth;
  });
  assert.equal(framed, "4px");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("inside another component's shadow root: the page's language, deep links and printing reach it", async () => {
  const t = await open(env, "/blank.html");
  const r = await t.page.evaluate(async (brief) => {
    document.documentElement.lang = "fa";
    // A card on screen first: the module is loaded, as on a page that printing finds.
    const first = document.createElement("brief-card");
    first.setAttribute("loading", "eager");
    document.body.append(first);
    await new Promise((resolve) => { first.addEventListener("brief-card:render", resolve, { once: true }); first.brief = { title: "On screen" }; });
    const host = document.body.appendChild(document.createElement("div"));
    host.style.marginTop = "3000px"; // far below the viewport: lazy
    const el = document.createElement("brief-card");
    el.brief = { ...brief, id: "inshadow", lang: undefined };
    host.attachShadow({ mode: "open" }).append(el);
    await new Promise((r) => setTimeout(r, 200));
    const before = el.dataset.state ?? null;
    // A lazy card whose src was never fetched, far below too.
    const fetched = host.shadowRoot.appendChild(document.createElement("brief-card"));
    fetched.setAttribute("src", "/briefs/minimal.json?print");
    let rerendered = 0;
    first.addEventListener("brief-card:render", () => rerendered++);
    // Printing renders a lazy card whose data is on the page before the page is printed; not
    // the card already rendered again, and no fetch that would land after the printing.
    window.dispatchEvent(new Event("beforeprint"));
    const article = el.shadowRoot.querySelector("article");
    const printed = { state: el.dataset.state, lang: article?.lang, dir: article?.dir };
    await new Promise((r) => setTimeout(r, 200));
    printed.rerendered = rerendered;
    printed.fetches = performance.getEntriesByType("resource").filter((e) => e.name.includes("minimal.json?print")).length;
    location.hash = "#inshadow";
    await new Promise((r) => setTimeout(r, 300));
    return { before, printed, highlighted: !!el.shadowRoot.querySelector("article.bc-target") };
  }, flash);
  assert.deepEqual(r, { before: null, printed: { state: "rendered", lang: "fa", dir: "rtl", rerendered: 0, fetches: 0 }, highlighted: true });
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("the wasm is fetched once per page, however many cards", async () => {
  const t = await open(env);
  const wasm = [];
  t.page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasm.push(r.url()); });
  await t.page.goto(env.base + "/blank.html");
  await Promise.all(["flash-brief", "minimal", "resumen-es", "gozaresh-fa"].map((b) => mount(t.page, { src: `/briefs/${b}.json`, loading: "eager" })));
  assert.equal(await t.page.$$eval("brief-card", (els) => els.filter((e) => e.dataset.state === "rendered").length), 4);
  assert.equal(wasm.length, 1, wasm.join());
  await t.close();
});

test("defining twice is harmless (the module guards customElements.define)", async () => {
  const t = await open(env, "/blank.html");
  await t.page.waitForFunction(() => customElements.get("brief-card"));
  const r = await t.page.evaluate(async () => {
    const first = customElements.get("brief-card");
    await import("/brief-card.js?again"); // a second copy of the module
    return customElements.get("brief-card") === first;
  });
  assert.equal(r, true);
  assert.deepEqual(t.pageErrors, []);
  await t.close();
});

test("a brief property set before the element is defined is used on upgrade", async () => {
  const t = await open(env, "/late.html");
  const r = await t.page.evaluate(async () => {
    const el = document.querySelector("#late");
    el.brief = { title: "Set before upgrade" };
    const seen = [];
    el.addEventListener("brief-card:render", () => seen.push(el.shadowRoot.querySelector(".bc-title").textContent));
    await import("/brief-card.js");
    await new Promise((ok) => setTimeout(ok, 500));
    return { seen, own: Object.hasOwn(el, "brief"), brief: el.brief };
  });
  assert.deepEqual(r, { seen: ["Set before upgrade"], own: false, brief: { title: "Set before upgrade" } });
  await t.close();
});

test("setting loading=eager on a pending lazy card renders it", async () => {
  const t = await open(env, "/lazy.html");
  await t.page.waitForFunction(() => document.querySelector("#near").dataset.state === "rendered");
  assert.equal(await t.page.$eval("#feed", (e) => e.dataset.state ?? null), null);
  await t.page.$eval("#feed", (e) => e.setAttribute("loading", "eager"));
  await t.page.waitForFunction(() => document.querySelector("#feed").dataset.state === "rendered");
  await t.close();
});

test("inline JSON still arriving when the element is defined is read once the page has arrived", async () => {
  // The page comes in two parts, the first ending inside the card's JSON,
  // and the element is defined (an async module) in between: its script's
  // text is then only the first half, which is not JSON yet.
  const html = await readFile(join(env.root, "streamed.html"));
  const split = html.indexOf("the middle of this paragraph");
  const t = await open(env, `/streamed.html?split=${split}&pause=2000`);
  await t.page.waitForFunction(() => window.__bcEvents.length > 0, null, { timeout: 10000 });
  const events = await t.page.evaluate(() => window.__bcEvents.map((e) => e.type));
  assert.deepEqual(events, ["brief-card:render"]);
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["rendered", 1, false]);
  // The case under test happened: the element was defined before the page had arrived.
  assert.equal(await t.page.evaluate(() => window.__definedWhile), "loading");
  assert.deepEqual(t.errors, []);
  await t.close();
});
