// The benchmark's second baseline: a plain card, the kind an outside
// benchmark writes to compare against. The same content as the widget's
// card (every field of the brief it shows: kind, date, title, publisher,
// byline, image, summary, quotes, sections, related, tags, read more) in a
// DOM of its own, with a short, ordinary stylesheet: simple selectors, px
// and em sizes, no container queries, no `all: initial`, no clamp(). One
// open shadow root per card, one constructable stylesheet shared by all.
//
//   import { render } from "./plain.js";
//   const card = render(target, brief); card.update(next); card.destroy();
//
// It checks only what it must to build the card (an object with a title)
// and keeps links to http(s) and relative URLs. Nothing here is meant to
// match the widget's DOM: bench/vanilla.js is the baseline that does.

const CSS = `
:host{display:block}
.card{box-sizing:border-box;max-width:45em;padding:24px 28px;border:1px solid #d9dce1;border-top:4px solid #a3202e;border-radius:12px;
  background:#fff;color:#1a1d23;font:16px/1.6 Georgia,serif;box-shadow:0 2px 12px rgba(0,0,0,.06);text-align:start}
h2,h3,p,ul,li,figure,blockquote{margin:0;padding:0}
a{color:#0b57a4}
.eyebrow,.publisher,.byline,.cite,.meta,.caption{font:500 13px/1.45 system-ui,sans-serif;color:#555b66}
.eyebrow{margin-bottom:.7em}
.kind{font-weight:700;color:#a3202e;text-transform:uppercase;letter-spacing:.09em;margin-right:.6em}
h2{font:700 2em/1.18 system-ui,sans-serif}
h2 a{color:inherit;text-decoration:none}
.publisher,.byline{margin-top:.8em;font-size:14px}
.image{display:block;max-width:100%;height:auto;border-radius:8px}
.caption{margin-top:.5em}
.block{margin-top:1.75em}
h3{font:700 12px/1.3 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.12em;color:#a3202e;margin-bottom:.8em}
.section{border-top:1px solid #d9dce1;padding-top:1.5em}
.section h3{font-size:20px;text-transform:none;letter-spacing:0;color:#1a1d23}
.p{margin-bottom:1em;font-size:17px}
.lead{font-size:18px}
blockquote{padding:1.1em 1.3em;border-left:4px solid #a3202e;border-radius:0 8px 8px 0;background:#f5f6f8;font-style:italic;font-size:19px;line-height:1.5}
.cite{margin:.9em 0 1em;font-size:14px}
.author{font-weight:700;color:#1a1d23}
ul{list-style:none}
.related li{border-bottom:1px solid #d9dce1;padding:.8em 0}
.related a{font:650 17px/1.35 system-ui,sans-serif;text-decoration:none}
.meta{margin-top:.3em}
.tags ul{display:flex;flex-wrap:wrap;gap:.5em}
.tags a,.tags span{display:inline-block;padding:.3em .9em;border:1px solid #d9dce1;border-radius:999px;background:#f1f3f5;color:#1a1d23;
  text-decoration:none;font:500 13px/1.4 system-ui,sans-serif}
.footer{margin-top:2em;border-top:1px solid #d9dce1;padding-top:1.25em}
.more{display:inline-block;padding:.6em 1.2em;border-radius:999px;background:#a3202e;color:#fff;text-decoration:none;font:700 15px/1.3 system-ui,sans-serif}
.feed .card{margin-bottom:20px}
`;

let sheet;
const shared = () => {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  return sheet;
};

const dates = new Map();
function formatDate(iso, lang) {
  let f = dates.get(lang);
  if (!f) dates.set(lang, (f = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })));
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return isNaN(d) ? iso : f.format(d);
}

/** The URL if it is relative or http(s)/mailto, else null. */
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const esc = (u) => {
  if (typeof u !== "string") return null;
  const m = SCHEME.exec(u);
  return !m || /^(https?|mailto)$/i.test(m[1]) ? u : null;
};

function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function link(url, cls, text) {
  const href = esc(url);
  if (href == null) return h("span", cls, text);
  const a = h("a", cls, text);
  a.href = href;
  return a;
}

function para(p, cls) {
  const e = h("p", cls);
  for (const r of typeof p === "string" ? [p] : p) {
    if (typeof r === "string") { e.append(r); continue; }
    let n = r.text ?? "";
    if (r.em) { const x = h("em"); x.append(n); n = x; }
    if (r.strong) { const x = h("strong"); x.append(n); n = x; }
    if (r.href) { const x = link(r.href); x.append(n); n = x; }
    e.append(n);
  }
  return e;
}

function block(tag, cls, heading) {
  const e = h(tag, `block ${cls}`);
  if (heading) e.append(h("h3", null, heading));
  return e;
}

function card(b) {
  if (!b || typeof b !== "object" || typeof b.title !== "string") throw new Error("a brief needs a title");
  const lang = b.lang || "en";
  const art = h("article", "card");
  art.lang = lang;
  if (b.dir) art.dir = b.dir;
  if (b.id) art.id = b.id;
  if (b.kind || b.date) {
    const eb = h("p", "eyebrow");
    if (b.kind) eb.append(h("span", "kind", b.kind));
    if (b.date) eb.append(h("time", null, formatDate(b.date, lang)));
    art.append(eb);
  }
  const t = h("h2");
  t.append(b.url ? link(b.url, null, b.title) : b.title);
  art.append(t);
  if (b.publisher?.name) {
    const by = h("p", "publisher");
    by.append(link(b.publisher.url, null, b.publisher.name));
    art.append(by);
  }
  if (b.authors?.length) art.append(h("p", "byline", `By ${b.authors.map((a) => a.name).join(", ")}`));
  if (b.image?.src) {
    const fig = h("figure", "block");
    const img = h("img", "image");
    img.src = b.image.src;
    img.alt = b.image.alt ?? "";
    img.loading = "lazy";
    fig.append(img);
    if (b.image.caption) fig.append(h("figcaption", "caption", b.image.caption));
    art.append(fig);
  }
  if (b.summary?.paragraphs?.length) {
    const s = block("section", "summary", b.summary.heading || "Latest Developments");
    b.summary.paragraphs.forEach((p, i) => s.append(para(p, i ? "p" : "p lead")));
    art.append(s);
  }
  if (b.quotes?.length) {
    const s = block("section", "quotes", "Expert Analysis");
    for (const q of b.quotes) {
      const fig = h("figure");
      const bq = h("blockquote");
      bq.append(para(q.text));
      const cap = h("figcaption", "cite");
      cap.append(link(q.url, "author", q.author));
      if (q.role) cap.append(` · ${q.role}`);
      fig.append(bq, cap);
      s.append(fig);
    }
    art.append(s);
  }
  for (const sec of b.sections ?? []) {
    const s = block("section", "section", sec.heading);
    for (const p of sec.paragraphs ?? []) s.append(para(p, "p"));
    art.append(s);
  }
  if (b.related?.length) {
    const s = block("nav", "related", "Related Analysis");
    const ul = h("ul");
    for (const r of b.related) {
      const li = h("li");
      li.append(link(r.url, null, r.title));
      const meta = [r.kind, r.author, r.date && formatDate(r.date, lang)].filter(Boolean).join(" · ");
      if (meta) li.append(h("p", "meta", meta));
      ul.append(li);
    }
    s.append(ul);
    art.append(s);
  }
  if (b.tags?.length) {
    const s = block("section", "tags", "Issues");
    const ul = h("ul");
    for (const tag of b.tags) {
      const li = h("li");
      li.append(link(tag.url, null, tag.label));
      ul.append(li);
    }
    s.append(ul);
    art.append(s);
  }
  if (b.url) {
    const f = h("footer", "footer");
    f.append(link(b.url, "more", "Read the full brief →"));
    art.append(f);
  }
  return art;
}

function build(data) {
  if (!Array.isArray(data)) return card(data);
  const feed = h("div", "feed");
  for (const b of data) feed.append(card(b));
  return feed;
}

/** Renders `brief` (an object or an array of them) into `target`'s shadow root: {update, destroy}. */
export function render(target, brief) {
  const root = target.shadowRoot ?? target.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [shared()];
  root.replaceChildren(build(brief));
  return {
    update(next) { root.replaceChildren(build(next)); },
    destroy() { root.replaceChildren(); },
  };
}
