// The demo page: every example brief in light and dark, compact cards, and a
// playground. Runs under a strict CSP with Trusted Types: DOM is built with
// createElement/textContent only.
import init, { renderBrief, validateBrief, renderBriefHtml } from "./pkg/brief_card.js";

const EXAMPLES = [
  ["flash-brief.json", "Flash brief (English)"],
  ["resumen-es.json", "Resumen (Spanish)"],
  ["gozaresh-fa.json", "Gozaresh (Persian, right to left)"],
  ["minimal.json", "Minimal: a title only"],
  ["feed.json", "Feed: an array of briefs"],
];

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

async function fetchText(name) {
  const res = await fetch(`briefs/${name}`);
  if (!res.ok) throw new Error(`briefs/${name}: HTTP ${res.status}`);
  return res.text();
}

/** A labelled slot in a gallery with the card rendered into it. */
function showCard(container, name, text, options) {
  const target = el("div", { className: "card-host" });
  const item = el("figure", { className: "card-item" }, el("figcaption", { className: "card-label" }, el("code", { textContent: name })), target);
  container.append(item);
  try {
    renderBrief(target, text, options);
  } catch (e) {
    target.append(el("p", { className: "card-error", textContent: e.message }));
  }
}

// ---- the playground ------------------------------------------------------

const pg = {
  card: null,
  timer: 0,
  texts: new Map(),
  json: $("pg-json"),
  example: $("pg-example"),
  controls: ["pg-theme", "pg-layout", "pg-locale", "pg-target", "pg-shadow"].map($),
};

function pgOptions() {
  const [theme, layout, locale, target, shadow] = pg.controls;
  const o = { theme: theme.value, layout: layout.value, linkTarget: target.value, shadow: shadow.checked };
  if (locale.value) o.locale = locale.value;
  return o;
}

function showProblems(problems) {
  const list = $("pg-list");
  list.replaceChildren(
    ...problems.map((p) => el("li", {}, el("code", { className: "pg-path", textContent: p.path || "(root)" }), document.createTextNode(`: ${p.message}`))),
  );
  list.parentElement.classList.toggle("has-problems", problems.length > 0);
  $("pg-ok").hidden = problems.length > 0;
  $("pg-stale").hidden = problems.length === 0 || !pg.card;
}

function logEvent(text) {
  $("pg-events").textContent = text;
}

/** Renders the textarea's JSON; with `fresh`, a new target for changed options. */
function pgRender(fresh = false) {
  const text = pg.json.value;
  const problems = Array.from(validateBrief(text));
  if (problems.length) {
    showProblems(problems);
    return;
  }
  try {
    if (pg.card && !fresh) {
      pg.card.update(text);
    } else {
      if (pg.card) pg.card.destroy();
      const target = el("div", { className: "pg-target" });
      target.addEventListener("brief-card:link", (ev) => {
        ev.preventDefault();
        logEvent(`brief-card:link — ${ev.detail.url} (block: ${ev.detail.block}); navigation cancelled by the demo`);
      });
      target.addEventListener("brief-card:toggle", (ev) => logEvent(`brief-card:toggle — ${ev.detail.block}, expanded: ${ev.detail.expanded}`));
      target.addEventListener("brief-card:render", (ev) => logEvent(`brief-card:render — ${ev.detail.count} card(s)`));
      $("pg-stage").replaceChildren(target);
      pg.card = null;
      pg.card = renderBrief(target, text, pgOptions());
    }
    showProblems([]);
    $("pg-html").textContent = renderBriefHtml(text, pgOptions());
  } catch (e) {
    showProblems(Array.isArray(e.problems) ? e.problems : [{ path: "", message: String(e.message || e) }]);
  }
}

async function pgLoad(name) {
  if (!pg.texts.has(name)) pg.texts.set(name, await fetchText(name));
  pg.json.value = pg.texts.get(name);
  pgRender();
}

/** The schema.org JSON-LD this page carries (the "From JSON-LD" section), as a playground example. */
const PAGE_JSON_LD = ["#demo-article", "schema.org JSON-LD: this page’s Report"];

function setUpPlayground() {
  const ld = document.getElementById(PAGE_JSON_LD[0].slice(1));
  if (ld) pg.texts.set(PAGE_JSON_LD[0], ld.textContent.trim());
  const examples = ld ? [...EXAMPLES, PAGE_JSON_LD] : EXAMPLES;
  pg.example.replaceChildren(...examples.map(([name, title]) => el("option", { value: name, textContent: `${title} — ${name}` })));
  pg.example.addEventListener("change", () => pgLoad(pg.example.value));
  pg.json.addEventListener("input", () => {
    clearTimeout(pg.timer);
    pg.timer = setTimeout(pgRender, 150);
  });
  for (const c of pg.controls) c.addEventListener("change", () => pgRender(true));
  return pgLoad(EXAMPLES[0][0]);
}

// ---- the page -------------------------------------------------------------

async function main() {
  const status = $("load-status");
  try {
    await init();
  } catch (e) {
    status.textContent = `Could not load the WebAssembly module: ${e.message}. Run bash scripts/build.sh first.`;
    status.classList.add("is-error");
    return;
  }
  const texts = await Promise.all(EXAMPLES.map(([name]) => fetchText(name).catch((e) => e)));
  EXAMPLES.forEach(([name], i) => typeof texts[i] === "string" && pg.texts.set(name, texts[i]));
  for (const gallery of document.querySelectorAll(".cards")) {
    const theme = gallery.dataset.theme;
    EXAMPLES.forEach(([name], i) => {
      if (name === "feed.json") return;
      if (typeof texts[i] === "string") showCard(gallery, name, texts[i], { theme });
      else gallery.append(el("p", { className: "card-error", textContent: texts[i].message }));
    });
  }
  const feed = pg.texts.get("feed.json");
  const pair = document.querySelector(".feed-pair");
  if (feed) for (const theme of ["light", "dark"]) showCard(pair, `feed.json · ${theme}`, feed, { theme });
  const compact = document.querySelector(".compact-row");
  [["flash-brief.json", "light"], ["resumen-es.json", "light"], ["gozaresh-fa.json", "dark"]].forEach(([name, theme]) => {
    const text = pg.texts.get(name);
    if (text) showCard(compact, `${name} · ${theme}`, text, { layout: "compact", theme });
  });
  await setUpPlayground();
  status.textContent = "Ready.";
  status.classList.add("is-ready");
}

main();
