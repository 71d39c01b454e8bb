// <brief-card jsonld>: the card of the host page's own schema.org JSON-LD.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect, mount, open, useBrowser } from "./helpers.mjs";

const env = useBrowser();

/** Adds `<script type="application/ld+json" id=…>` elements to the page. */
const addScripts = (page, scripts) => page.evaluate((scripts) => {
  for (const { id, json, type } of scripts) {
    const s = document.createElement("script");
    s.type = type ?? "application/ld+json";
    if (id) s.id = id;
    s.textContent = json;
    document.head.append(s);
  }
}, scripts);

const article = {
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebPage", "@id": "https://news.example/a#page", mainEntity: { "@id": "https://news.example/a#article" } },
    {
      "@type": "NewsArticle", "@id": "https://news.example/a#article", headline: "Ministers meet in Caracas",
      datePublished: "2024-05-01T09:00:00+0000", description: "What happened.",
      author: { "@id": "https://news.example/#ana" }, keywords: "Iran, Venezuela",
      citation: [{ "@type": "Report", name: "An earlier report", url: "https://news.example/r" }],
    },
    { "@type": "Person", "@id": "https://news.example/#ana", name: "Ana Ruiz" },
  ],
};

test("renders the page's JSON-LD article: title, date, summary, related, tags, byline", async () => {
  const t = await open(env, "/blank.html");
  await addScripts(t.page, [{ id: "ld", json: JSON.stringify(article) }, { json: JSON.stringify({ "@context": "https://schema.org", "@type": "BreadcrumbList" }) }]);
  const ev = await mount(t.page, { jsonld: "", loading: "eager" });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  const card = await t.page.$eval("brief-card", (el) => {
    const a = el.shadowRoot.querySelector("article");
    const text = (s) => [...a.querySelectorAll(s)].map((e) => e.textContent.trim());
    return { title: text(".bc-title"), date: a.querySelector(".bc-date")?.getAttribute("datetime"), summary: text(".bc-summary .bc-p"),
      related: text(".bc-related-link"), tags: text(".bc-chip"), byline: text(".bc-byline") };
  });
  assert.deepEqual(card.title, ["Ministers meet in Caracas"]);
  assert.equal(card.date, "2024-05-01T09:00:00+00:00");
  assert.deepEqual(card.summary, ["What happened."]);
  assert.deepEqual(card.related, ["An earlier report"]);
  assert.deepEqual(card.tags, ["Iran", "Venezuela"]);
  assert.match(card.byline[0], /Ana Ruiz/);
  assert.deepEqual((await inspect(t.page)).state, "rendered");
  await t.close();
});

test("jsonld=#id reads that script's article; a javascript: URL is a problem at its path, and the fallback stays", async () => {
  const t = await open(env, "/blank.html");
  const bad = structuredClone(article);
  bad["@graph"][1].citation[0].url = "javascript:alert(1)";
  // The page's other scripts stand behind it: one that is not JSON is none of its problems.
  await addScripts(t.page, [{ id: "bad", json: JSON.stringify(bad) }, { id: "other", json: JSON.stringify(article) }, { json: "{ not json" }]);
  const ev = await mount(t.page, { jsonld: "#bad", loading: "eager" });
  assert.equal(ev.type, "brief-card:error");
  assert.equal(ev.detail.reason, "invalid");
  assert.deepEqual(ev.detail.problems.map((p) => p.path), ["script#bad.@graph[1].citation[0].url"]);
  const s = await inspect(t.page);
  assert.deepEqual([s.state, s.cards, s.fallbackVisible], ["error", 0, true]);
  await t.close();
});

test("jsonld=#id shows that script's article, with the nodes it refers to in the page's other scripts", async () => {
  const t = await open(env, "/blank.html");
  // A news site's page: the story's script names its publisher, which the site's own script defines.
  const story = { "@context": "https://schema.org", "@type": "NewsArticle", headline: "Fed holds rates", datePublished: "2026-03-04",
    publisher: { "@id": "https://n.example/#publisher" } };
  const site = { "@context": "https://schema.org", "@graph": [
    { "@type": "NewsMediaOrganization", "@id": "https://n.example/#publisher", name: "The Daily", url: "https://n.example/" },
    { "@type": "NewsArticle", headline: "Most read: another story" },
  ] };
  // Behind it too: a shop's catalogue larger than all the page's scripts may be together.
  const catalogue = { "@context": "https://schema.org", "@type": "Product", name: "x".repeat(9e6) };
  await addScripts(t.page, [{ id: "site", json: JSON.stringify(site) }, { json: "{ not json" }, { id: "story", json: JSON.stringify(story) }, { json: JSON.stringify(catalogue) }]);
  const ev = await mount(t.page, { jsonld: "#story", loading: "eager" }, { settle: 200 });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  assert.equal(ev.count, 1);
  const card = await t.page.$eval("brief-card", (el) => ({
    titles: [...el.shadowRoot.querySelectorAll(".bc-title")].map((h) => h.textContent.trim()),
    publisher: el.shadowRoot.querySelector(".bc-publisher")?.textContent.trim(),
  }));
  assert.deepEqual(card, { titles: ["Fed holds rates"], publisher: "The Daily" });
  // An SVG script is none of the page's scripts, named or not (as on the command line).
  await t.page.evaluate((json) => {
    document.body.insertAdjacentHTML("beforeend", '<svg><script type="application/ld+json" id="in-svg"></script></svg>');
    document.getElementById("in-svg").textContent = json;
  }, JSON.stringify(story));
  const svg = await mount(t.page, { jsonld: "#in-svg", loading: "eager" });
  assert.equal(svg.type, "brief-card:error");
  assert.match(svg.detail.problems[0].message, /no <script type="application\/ld\+json" id="in-svg">/);
  await t.close();
});

test("a script's type is read as the command line reads a saved page's: trimmed, in any case", async () => {
  const t = await open(env, "/blank.html");
  await addScripts(t.page, [{ json: JSON.stringify(article), type: " Application/LD+JSON " }]);
  const ev = await mount(t.page, { jsonld: "", loading: "eager" });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  await t.close();
});

// Older templates wrap a script's JSON in an HTML comment or a CDATA
// section (for XHTML); the command line reads through them (tests/jsonld.rs),
// and so does the element.
test("a script wrapped in an HTML comment or a CDATA section is read inside its wrapper", async () => {
  for (const [open_, close] of [["<!--", "-->"], ["/*<![CDATA[*/", "/*]]>*/"], ["//<![CDATA[", "//]]>"]]) {
    const t = await open(env, "/blank.html");
    await addScripts(t.page, [{ json: `${open_}\n${JSON.stringify(article)}\n${close}` }]);
    const ev = await mount(t.page, { jsonld: "", loading: "eager" });
    assert.equal(ev.type, "brief-card:render", `${open_}: ${JSON.stringify(ev.detail)}`);
    assert.equal(await t.page.$eval("brief-card", (el) => el.shadowRoot.querySelector(".bc-title").textContent), "Ministers meet in Caracas");
    await t.close();
  }
});

test("a page without JSON-LD keeps the fallback and says so", async () => {
  const t = await open(env, "/blank.html");
  const ev = await mount(t.page, { jsonld: "", loading: "eager" });
  assert.equal(ev.type, "brief-card:error");
  assert.match(ev.detail.problems[0].message, /no JSON-LD/);
  assert.equal((await inspect(t.page)).fallbackVisible, true);
  await t.close();
});

test("jsonld=#id naming no script of the page says which it looked for", async () => {
  const t = await open(env, "/blank.html");
  await addScripts(t.page, [{ id: "there", json: JSON.stringify(article) }]);
  const ev = await mount(t.page, { jsonld: "#missing", loading: "eager" });
  assert.equal(ev.type, "brief-card:error");
  assert.equal(ev.detail.problems[0].message, 'the page has no <script type="application/ld+json" id="missing">');
  assert.equal((await inspect(t.page)).fallbackVisible, true);
  await t.close();
});

test("an article page whose JSON-LD ends after the element: the card waits for the whole page's scripts", async () => {
  // The element is defined (async module) while the parser is held before
  // the article's own script, so it connects with only the head's WebPage
  // and Organization to read. Reading then would find no article.
  const t = await open(env, "/article-ld.html");
  const ev = await t.page.evaluate(() => new Promise((ok) => {
    const seen = () => window.__bcEvents.find((e) => e.type === "brief-card:render" || e.type === "brief-card:error");
    const poll = () => (seen() ? ok(seen()) : setTimeout(poll, 20));
    poll();
  }));
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  const card = await t.page.$eval("brief-card", (el) => ({
    title: el.shadowRoot.querySelector(".bc-title")?.textContent.trim(),
    publisher: el.shadowRoot.querySelector(".bc-publisher")?.textContent.trim(),
    tags: [...el.shadowRoot.querySelectorAll(".bc-chip")].map((c) => c.textContent.trim()),
  }));
  assert.deepEqual(card, { title: "Ministers meet in Caracas", publisher: "News Example", tags: ["Iran", "Venezuela"] });
  // The case under test happened: the element was defined before the page was parsed.
  assert.equal(await t.page.evaluate(() => window.__definedWhile), "loading");
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("an article without inLanguage takes the page's language (and its direction); a charset parameter on the type is read", async () => {
  const t = await open(env, "/blank.html");
  await t.page.evaluate(() => { document.documentElement.lang = "ar"; });
  const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: "وزراء يجتمعون في كاراكاس", datePublished: "2024-05-01" };
  await addScripts(t.page, [{ json: JSON.stringify(ld), type: "application/ld+json; charset=utf-8" }]);
  const ev = await mount(t.page, { jsonld: "", loading: "eager" });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  const card = await t.page.$eval("brief-card", (el) => { const a = el.shadowRoot.querySelector("article"); return [a.lang, a.dir]; });
  assert.deepEqual(card, ["ar", "rtl"]);
  await t.close();
});

test("JSON-LD given to the element inline, or to renderBrief, without inLanguage is in the element's language, as the page gives it", async () => {
  const t = await open(env, "/blank.html");
  const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: "Ministros se reúnen", datePublished: "2024-05-01" };
  const ev = await mount(t.page, { lang: "es" }, { json: JSON.stringify(ld) });
  assert.equal(ev.type, "brief-card:render", JSON.stringify(ev.detail));
  const inline = await t.page.$eval("brief-card", (el) => { const a = el.shadowRoot.querySelector("article"); return [a.lang, el.shadowRoot.querySelector("time").textContent]; });
  assert.deepEqual(inline, ["es", "1 de mayo de 2024"]);
  // renderBrief into a target inside another component's shadow root under <div lang="fa">: fa, right to left;
  // the article's own inLanguage wins; an update reads it the same way.
  const [rendered, own, updated] = await t.page.evaluate(async (ld) => {
    const { renderBrief } = await import("/pkg/brief_card.js");
    const outer = document.createElement("div");
    outer.lang = "fa";
    document.body.append(outer);
    const target = document.createElement("div");
    outer.attachShadow({ mode: "open" }).append(target);
    const article = () => target.shadowRoot.querySelector("article");
    const card = renderBrief(target, ld);
    const rendered = [article().lang, article().dir];
    card.update({ ...ld, inLanguage: "en" });
    const own = article().lang;
    card.update(ld);
    return [rendered, own, article().lang];
  }, ld);
  assert.deepEqual([rendered, own, updated], [["fa", "rtl"], "en", "fa"]);
  assert.deepEqual(t.errors, []);
  await t.close();
});

test("an article its JSON-LD describes nowhere has the page's meta description as its summary; jsonld=#id does not", async () => {
  const t = await open(env, "/blank.html");
  await t.page.evaluate(() => {
    const meta = document.createElement("meta");
    meta.name = "Description";
    meta.content = "  What the page says of the story.  ";
    document.head.append(meta);
  });
  // As The Guardian writes it: no description, abstract or WebPage.
  const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: "Ministers meet", datePublished: "2024-05-01" };
  await addScripts(t.page, [{ id: "ld", json: JSON.stringify(ld) }]);
  const summary = (sel) => t.page.$eval(sel, (el) => [...el.shadowRoot.querySelectorAll(".bc-summary .bc-p")].map((p) => p.textContent));
  const whole = await mount(t.page, { jsonld: "", loading: "eager" });
  assert.equal(whole.type, "brief-card:render", JSON.stringify(whole.detail));
  assert.deepEqual(await summary("brief-card"), ["What the page says of the story."]);
  // A script named by id may be any article's, not the page's own: the page's words are not its summary.
  await t.page.evaluate(() => document.querySelector("brief-card").remove());
  const named = await mount(t.page, { jsonld: "#ld", loading: "eager" });
  assert.equal(named.type, "brief-card:render", JSON.stringify(named.detail));
  assert.deepEqual(await summary("brief-card"), []);
  await t.close();
});
