// The benchmark's baseline: the brief card written by hand in plain
// JavaScript, as a skilled engineer would write it for speed, with no
// framework and no build step. Same card as src/view.rs (elements,
// attributes, text, parts), mounted the same way as src/web/mount.rs (open
// shadow root, one shared constructable stylesheet, one delegated click
// listener, a `brief-card:render` event per render), same API shape:
//
//   import { render } from "./vanilla.js";
//   const card = render(target, brief, options); card.update(next); card.destroy();
//
// Validation is what a competent hand-written widget does: required fields,
// basic types, and URL schemes on an allow-list (http, https, mailto for
// links, relative references) after stripping control characters. It builds
// the DOM with createElement/setAttribute/textContent/append only: no string
// is ever parsed as HTML.
//
// bench/run.mjs serves this file with src/card.css inlined in place of the
// placeholder below (so its download size includes the stylesheet, as the
// wasm module's does), and checks that it renders exactly the DOM the widget
// renders for every example brief.

const CSS = "__CARD_CSS__";

const COLLAPSE_AFTER = 4;
const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"]);

// Fixed words, in the order of KEYS; the brief's language picks the table.
const KEYS = ["summary", "quotes", "related", "tags", "readMore", "showMore", "showLess", "copyLink", "linkCopied", "feed", "newTab"];
const WORDS = {
  en: ["Latest Developments", "Expert Analysis", "Related Analysis", "Issues", "Read the full brief", "Show more", "Show less", "Copy link", "Link copied", "Briefs", "Opens in a new tab"],
  es: ["Últimos acontecimientos", "Análisis de expertos", "Análisis relacionados", "Temas", "Leer el informe completo", "Mostrar más", "Mostrar menos", "Copiar enlace", "Enlace copiado", "Informes", "Se abre en una pestaña nueva"],
  fr: ["Derniers développements", "Analyse d’experts", "Analyses connexes", "Thèmes", "Lire la note complète", "Afficher plus", "Afficher moins", "Copier le lien", "Lien copié", "Notes", "S’ouvre dans un nouvel onglet"],
  de: ["Neueste Entwicklungen", "Expertenanalyse", "Verwandte Analysen", "Themen", "Vollständigen Bericht lesen", "Mehr anzeigen", "Weniger anzeigen", "Link kopieren", "Link kopiert", "Berichte", "Öffnet in einem neuen Tab"],
  fa: ["آخرین تحولات", "تحلیل کارشناسان", "تحلیل‌های مرتبط", "موضوع‌ها", "خواندن گزارش کامل", "نمایش بیشتر", "نمایش کمتر", "کپی پیوند", "پیوند کپی شد", "گزارش‌ها", "در زبانه‌ای تازه باز می‌شود"],
  ar: ["آخر التطورات", "تحليل الخبراء", "تحليلات ذات صلة", "قضايا", "اقرأ الموجز كاملاً", "عرض المزيد", "عرض أقل", "نسخ الرابط", "تم نسخ الرابط", "موجزات", "يُفتح في علامة تبويب جديدة"],
};
const [L_SUMMARY, L_QUOTES, L_RELATED, L_TAGS, L_READ_MORE, L_SHOW_MORE, L_SHOW_LESS, L_COPY_LINK, L_LINK_COPIED, L_FEED, L_NEW_TAB] = KEYS.keys();

// ---- validation -----------------------------------------------------------

class Problems {
  list = [];
  add(path, message) { this.list.push({ path, message }); }
}

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const given = (v) => v !== undefined && v !== null;

function str(p, v, path, required) {
  if (!given(v)) { if (required) p.add(path, "is required"); return undefined; }
  if (typeof v !== "string") { p.add(path, `expected a string, found ${typeof v}`); return undefined; }
  if (required && !v.trim()) p.add(path, "must not be empty");
  return v;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TABS = /[\t\n\r]/g;

/** A URL on the allow-list (http, https, mailto for links, relative), controls stripped. */
function url(p, v, path, required, link = true) {
  const s = str(p, v, path, required);
  if (s === undefined) return undefined;
  const u = s.replace(EDGES, "").replace(TABS, "");
  if (!u) { p.add(path, "must not be empty"); return undefined; }
  const m = SCHEME.exec(u);
  if (m) {
    const scheme = m[1].toLowerCase();
    if (!(scheme === "http" || scheme === "https" || (link && scheme === "mailto"))) {
      p.add(path, `scheme "${scheme}" is not allowed`);
      return undefined;
    }
  }
  return u;
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)(?:[Tt]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d))?$/;

function date(p, v, path) {
  const s = str(p, v, path, false);
  if (s === undefined) return undefined;
  const iso = s.trim();
  const m = DATE.exec(iso);
  const y = m && +m[1], mo = m && +m[2], d = m && +m[3];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) {
    p.add(path, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time");
    return undefined;
  }
  return { iso, y, mo, d };
}

function list(p, v, path, item) {
  if (!given(v)) return [];
  if (!Array.isArray(v)) { p.add(path, "expected an array"); return []; }
  const out = new Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = item(p, v[i], `${path}[${i}]`);
  return out;
}

function paragraph(p, v, path) {
  if (typeof v === "string") return [{ text: v }];
  return list(p, v, path, (p, r, path) => {
    if (typeof r === "string") return { text: r };
    if (!isObj(r)) { p.add(path, "expected a string or a run object"); return null; }
    return { text: str(p, r.text, `${path}.text`, false) ?? "", href: url(p, r.href, `${path}.href`, false), strong: r.strong === true, em: r.em === true };
  });
}

function labels(p, v, path) {
  if (!isObj(v)) return null;
  const out = [];
  for (let i = 0; i < KEYS.length; i++) {
    const s = str(p, v[KEYS[i]], `${path}.${KEYS[i]}`, false);
    if (s && s.trim()) out[i] = s;
  }
  return out;
}

function brief(p, b, at) {
  const path = (k) => (at ? `${at}.${k}` : k);
  if (!isObj(b)) { p.add(at, "expected a brief (an object)"); return null; }
  if (given(b.version) && b.version !== 1) p.add(path("version"), "unsupported version (this renderer reads version 1)");
  const lang = str(p, b.lang, path("lang"), false) || "en";
  const dir = given(b.dir) ? b.dir : RTL.has(lang.split("-")[0].toLowerCase()) ? "rtl" : "ltr";
  if (dir !== "ltr" && dir !== "rtl" && dir !== "auto") p.add(path("dir"), 'must be "ltr", "rtl" or "auto"');
  const id = str(p, b.id, path("id"), false);
  if (id !== undefined && !/^[A-Za-z0-9._:-]+$/.test(id)) p.add(path("id"), "must be letters, digits, '-', '_', '.' or ':'");
  const out = {
    id, lang, dir,
    kind: str(p, b.kind, path("kind"), false),
    title: str(p, b.title, path("title"), true),
    date: date(p, b.date, path("date")),
    url: url(p, b.url, path("url"), false),
    publisher: null, image: null, summary: null,
    labels: labels(p, b.labels, path("labels")),
  };
  if (given(b.publisher)) {
    const v = b.publisher, at = path("publisher");
    if (!isObj(v)) p.add(at, "expected an object");
    else out.publisher = { name: str(p, v.name, `${at}.name`, true), url: url(p, v.url, `${at}.url`, false), logo: url(p, v.logo, `${at}.logo`, false, false) };
  }
  if (given(b.image)) {
    const v = b.image, at = path("image");
    if (!isObj(v)) p.add(at, "expected an object");
    else {
      if (!given(v.alt)) p.add(`${at}.alt`, 'is required (use "" for a decorative image)');
      out.image = { src: url(p, v.src, `${at}.src`, true, false), alt: str(p, v.alt, `${at}.alt`, false), caption: str(p, v.caption, `${at}.caption`, false) };
    }
  }
  if (given(b.summary)) {
    const v = b.summary, at = path("summary");
    if (!isObj(v)) p.add(at, "expected an object");
    else out.summary = { heading: str(p, v.heading, `${at}.heading`, false), paragraphs: list(p, v.paragraphs, `${at}.paragraphs`, paragraph) };
    // A summary of no paragraphs is no block (src/validate/brief.rs).
    if (out.summary && !out.summary.paragraphs?.length) out.summary = null;
  }
  const object = (read) => (p, v, at) => (isObj(v) ? read(v, at) : (p.add(at, "expected an object"), null));
  out.quotes = list(p, b.quotes, path("quotes"), object((q, at) => {
    if (!given(q.text)) p.add(`${at}.text`, "is required");
    return { text: given(q.text) ? paragraph(p, q.text, `${at}.text`) : [], author: str(p, q.author, `${at}.author`, true), role: str(p, q.role, `${at}.role`, false), url: url(p, q.url, `${at}.url`, false), lang: str(p, q.lang, `${at}.lang`, false) };
  }));
  out.sections = list(p, b.sections, path("sections"), object((s, at) => ({
    heading: str(p, s.heading, `${at}.heading`, true), paragraphs: list(p, s.paragraphs, `${at}.paragraphs`, paragraph),
  })));
  out.related = list(p, b.related, path("related"), object((r, at) => ({
    title: str(p, r.title, `${at}.title`, true), url: url(p, r.url, `${at}.url`, true), author: str(p, r.author, `${at}.author`, false),
    date: date(p, r.date, `${at}.date`), kind: str(p, r.kind, `${at}.kind`, false),
  })));
  out.tags = list(p, b.tags, path("tags"), object((t, at) => ({ label: str(p, t.label, `${at}.label`, true), url: url(p, t.url, `${at}.url`, false) })));
  return out;
}

function readOptions(o) {
  o = o || {};
  const pick = (v, allowed, dflt) => (given(v) ? (allowed.includes(v) ? v : fail([{ path: `options`, message: `bad value ${v}` }])) : dflt);
  const p = new Problems();
  return {
    theme: pick(o.theme, ["light", "dark", "auto"], "light"),
    compact: pick(o.layout, ["full", "compact"], "full") === "compact",
    blank: pick(o.linkTarget, ["_self", "_blank"], "_self") === "_blank",
    locale: typeof o.locale === "string" && o.locale.trim() ? o.locale : null,
    labels: labels(p, o.labels, "options.labels"),
    shadow: o.shadow !== false,
  };
}

function fail(problems) {
  const e = new Error(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n"));
  e.problems = problems;
  throw e;
}

/** Validates a brief or a feed (object, array or JSON text); throws with every problem. */
function load(input) {
  const data = typeof input === "string" ? JSON.parse(input) : input;
  const p = new Problems();
  let doc;
  if (Array.isArray(data)) {
    if (!data.length) p.add("", "a feed needs at least one brief");
    doc = data.map((b, i) => brief(p, b, `[${i}]`));
  } else doc = brief(p, data, "");
  if (p.list.length) fail(p.list);
  return doc;
}

// ---- the view ---------------------------------------------------------------

const DATE_OPTIONS = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
const formatters = new Map();
function formatDate(d, locale) {
  let f = formatters.get(locale);
  if (f === undefined) {
    // A locale the browser has no words for gets the numbers (src/web/dates.rs).
    try { f = Intl.DateTimeFormat.supportedLocalesOf(locale).length ? new Intl.DateTimeFormat(locale, DATE_OPTIONS) : null; } catch { f = null; }
    formatters.set(locale, f);
  }
  return f ? f.format(Date.UTC(d.y, d.mo - 1, d.d, 12)) : d.iso.slice(0, 10);
}

let doc = document;

function el(tag, cls) {
  const e = doc.createElement(tag);
  e.className = cls;
  return e;
}

class View {
  constructor(o) { this.o = o; }

  label(b, l) {
    return this.o.labels?.[l] ?? b.labels?.[l] ?? (WORDS[b.lang.split("-")[0].toLowerCase()] || WORDS.en)[l];
  }

  // "en" where the word is the English fallback in a card of a language without words (src/view/mod.rs, label_lang).
  labelLang(b, l) {
    return this.o.labels?.[l] == null && b.labels?.[l] == null && !WORDS[b.lang.split("-")[0].toLowerCase()] ? "en" : undefined;
  }

  link(href, cls) {
    const a = el("a", cls);
    a.setAttribute("href", href);
    // A new tab said in the link's title (src/view/mod.rs, link).
    if (this.o.blank) { a.setAttribute("target", "_blank"); a.setAttribute("rel", "noopener noreferrer"); a.setAttribute("title", this.label(this.b, L_NEW_TAB)); }
    return a;
  }

  // Text isolated inside an item of a row, which keeps the card's direction (src/view/mod.rs, isolated).
  isolated(text) {
    const s = doc.createElement("span");
    s.setAttribute("dir", "auto");
    s.textContent = text;
    return s;
  }

  time(b, d, cls) {
    const t = el("time", cls);
    t.setAttribute("datetime", d.iso);
    const locale = this.o.locale || b.lang;
    if (locale.split("-")[0].toLowerCase() !== b.lang.split("-")[0].toLowerCase()) t.setAttribute("lang", locale);
    t.append(this.isolated(formatDate(d, locale)));
    return t;
  }

  block(tag, cls, part, heading, lang) {
    const e = el(tag, "bc-block " + cls);
    e.setAttribute("part", part);
    e.setAttribute("data-block", part);
    if (heading == null) return e;
    const h = el("h3", part === "section" ? "bc-heading bc-section-heading" : "bc-heading");
    if (this.proseAuto) h.setAttribute("dir", "auto");
    if (lang) h.setAttribute("lang", lang);
    h.textContent = heading;
    e.append(h);
    return e;
  }

  runs(parent, runs) {
    for (const r of runs) {
      let n = r.text;
      if (r.em) { const e = doc.createElement("em"); e.append(n); n = e; }
      if (r.strong) { const e = doc.createElement("strong"); e.append(n); n = e; }
      if (r.href !== undefined) { const a = this.link(r.href, "bc-link"); a.append(n); n = a; }
      parent.append(n);
    }
  }

  para(runs) {
    const p = el("p", "bc-p");
    if (this.proseAuto) p.setAttribute("dir", "auto");
    this.runs(p, runs);
    return p;
  }

  toggle(b, id) {
    const t = el("button", "bc-toggle");
    t.setAttribute("type", "button");
    t.setAttribute("aria-expanded", "false");
    t.setAttribute("aria-controls", id);
    const lang = this.labelLang(b, L_SHOW_MORE);
    if (lang) t.setAttribute("lang", lang);
    t.setAttribute("data-more", this.label(b, L_SHOW_MORE));
    t.setAttribute("data-less", this.label(b, L_SHOW_LESS));
    t.textContent = this.label(b, L_SHOW_MORE);
    return t;
  }

  paras(parent, b, key, ps) {
    const long = ps.length > COLLAPSE_AFTER + 1;
    const shown = long ? COLLAPSE_AFTER : ps.length;
    for (let i = 0; i < shown; i++) parent.append(this.para(ps[i]));
    if (long) {
      const id = `${this.ids.prefix}-more-${key}`;
      const rest = el("div", "bc-rest");
      rest.setAttribute("id", id);
      rest.setAttribute("hidden", "");
      for (let i = shown; i < ps.length; i++) rest.append(this.para(ps[i]));
      parent.append(rest, this.toggle(b, id));
    }
  }

  copy(b, anchor, describedBy) {
    const c = el("button", "bc-copy");
    c.setAttribute("type", "button");
    c.setAttribute("data-anchor", anchor);
    if (describedBy) c.setAttribute("aria-describedby", describedBy);
    c.setAttribute("data-done", this.label(b, L_LINK_COPIED));
    const lang = this.labelLang(b, L_COPY_LINK);
    if (lang) c.setAttribute("lang", lang);
    c.textContent = this.label(b, L_COPY_LINK);
    return c;
  }

  header(b) {
    const h = el("header", "bc-header");
    h.setAttribute("part", "header");
    h.setAttribute("data-block", "header");
    if (b.kind !== undefined || b.date) {
      const eb = el("p", "bc-eyebrow");
      if (b.kind !== undefined) {
        const k = el("span", "bc-kind");
        k.setAttribute("part", "kind");
        k.setAttribute("dir", "auto");
        k.textContent = b.kind;
        eb.append(k);
      }
      if (b.date) eb.append(this.time(b, b.date, "bc-date"));
      h.append(eb);
    }
    const t = el("h2", "bc-title");
    t.setAttribute("part", "title");
    t.setAttribute("id", `${this.ids.prefix}-title`);
    if (this.proseAuto) t.setAttribute("dir", "auto");
    if (b.url !== undefined) {
      const a = this.link(b.url, "bc-title-link");
      a.textContent = b.title;
      t.append(a);
    } else t.textContent = b.title;
    h.append(t);
    const pub = b.publisher;
    if (pub) {
      const by = el("p", "bc-publisher");
      if (pub.logo !== undefined) {
        const img = el("img", "bc-logo");
        img.setAttribute("src", pub.logo);
        img.setAttribute("alt", "");
        img.setAttribute("height", "20");
        by.append(img);
      }
      const name = pub.url !== undefined ? this.link(pub.url, "bc-publisher-name") : el("span", "bc-publisher-name");
      name.setAttribute("dir", "auto");
      name.textContent = pub.name;
      by.append(name);
      h.append(by);
    }
    return h;
  }

  image(im) {
    const fig = el("figure", "bc-figure");
    fig.setAttribute("part", "image");
    const img = el("img", "bc-image");
    img.setAttribute("src", im.src);
    img.setAttribute("alt", im.alt);
    img.setAttribute("loading", "lazy");
    img.setAttribute("decoding", "async");
    fig.append(img);
    if (im.caption !== undefined) {
      const c = el("figcaption", "bc-caption");
      if (this.proseAuto) c.setAttribute("dir", "auto");
      c.textContent = im.caption;
      fig.append(c);
    }
    return fig;
  }

  quotes(b) {
    const sec = this.block("section", "bc-quotes", "quotes", this.label(b, L_QUOTES), this.labelLang(b, L_QUOTES));
    b.quotes.forEach((q, i) => {
      const fig = el("figure", "bc-quote");
      fig.setAttribute("part", "quote");
      const anchor = this.ids.id !== undefined ? `${this.ids.id}-quote-${i + 1}` : undefined;
      if (anchor) fig.setAttribute("id", anchor);
      const bq = el("blockquote", "bc-blockquote");
      // A quote in another language than the card's is marked so, in its direction (src/view/mod.rs, quotes).
      const own = q.lang !== undefined && q.lang.toLowerCase() !== b.lang.toLowerCase() ? q.lang : undefined;
      if (own) { bq.setAttribute("lang", own); bq.setAttribute("dir", RTL.has(own.split("-")[0].toLowerCase()) ? "rtl" : "ltr"); }
      const auto = this.proseAuto;
      if (own) this.proseAuto = false;
      bq.append(this.para(q.text));
      this.proseAuto = auto;
      const cap = el("figcaption", "bc-cite");
      const author = q.url !== undefined ? this.link(q.url, "bc-author") : el("span", "bc-author");
      author.setAttribute("dir", "auto");
      // The quote's "Copy link" is described by its author (src/view/mod.rs, quotes).
      if (anchor) author.setAttribute("id", `${anchor}-by`);
      author.textContent = q.author;
      cap.append(author);
      if (q.role !== undefined) {
        const r = el("span", "bc-role");
        r.append(this.isolated(q.role));
        cap.append(r);
      }
      if (anchor) cap.append(this.copy(b, anchor, `${anchor}-by`));
      fig.append(bq, cap);
      sec.append(fig);
    });
    return sec;
  }

  relatedItem(b, r, more) {
    const li = el("li", more ? "bc-related-item bc-more" : "bc-related-item");
    if (more) li.setAttribute("hidden", "");
    const a = this.link(r.url, "bc-related-link");
    a.setAttribute("dir", "auto");
    a.textContent = r.title;
    li.append(a);
    if (r.kind !== undefined || r.author !== undefined || r.date) {
      const meta = el("p", "bc-meta");
      for (const [v, cls] of [[r.kind, "bc-meta-kind"], [r.author, "bc-meta-author"]]) {
        if (v === undefined) continue;
        const s = el("span", cls);
        s.append(this.isolated(v));
        meta.append(s);
      }
      if (r.date) meta.append(this.time(b, r.date, "bc-meta-date"));
      li.append(meta);
    }
    return li;
  }

  related(b) {
    const heading = this.label(b, L_RELATED);
    const nav = this.block("nav", "bc-related", "related", heading, this.labelLang(b, L_RELATED));
    // Each card's landmark named apart from the others' (src/view/mod.rs, related).
    nav.setAttribute("aria-label", `${heading}: ${b.title}`);
    const items = b.related, long = items.length > COLLAPSE_AFTER + 1;
    const shown = long ? COLLAPSE_AFTER : items.length;
    // One list, its items past the first few hidden behind "Show more" (src/view/mod.rs, related).
    const ul = el("ul", "bc-related-list");
    ul.setAttribute("role", "list");
    const id = `${this.ids.prefix}-more-related`;
    if (long) ul.setAttribute("id", id);
    items.forEach((r, i) => ul.append(this.relatedItem(b, r, i >= shown)));
    nav.append(ul);
    if (long) nav.append(this.toggle(b, id));
    return nav;
  }

  tags(b) {
    const sec = this.block("section", "bc-tags", "tags", this.label(b, L_TAGS), this.labelLang(b, L_TAGS));
    const ul = el("ul", "bc-chips");
    ul.setAttribute("role", "list");
    for (const t of b.tags) {
      const li = el("li", "bc-tag");
      const chip = t.url !== undefined ? this.link(t.url, "bc-chip") : el("span", "bc-chip");
      chip.setAttribute("part", "tag");
      chip.setAttribute("dir", "auto");
      chip.textContent = t.label;
      li.append(chip);
      ul.append(li);
    }
    sec.append(ul);
    return sec;
  }

  // `ids`: the card's id and its "Show more" prefix (src/view/mod.rs, Anchors).
  card(b, ids = { id: b.id, prefix: b.id ?? "bc" }) {
    const o = this.o;
    this.ids = ids;
    this.b = b; // for the runs' links' notes
    // The brief's prose reads in the card's direction; only an `auto` card leaves each block its own.
    this.proseAuto = b.dir === "auto";
    const art = doc.createElement("article");
    art.className = `bc-card bc-${o.theme}${o.compact ? " bc-compact" : ""}`;
    art.setAttribute("part", "card");
    art.setAttribute("lang", b.lang);
    art.setAttribute("dir", b.dir);
    if (ids.id !== undefined) art.setAttribute("id", ids.id);
    art.setAttribute("aria-labelledby", `${ids.prefix}-title`);
    art.append(this.header(b));
    if (b.image && !o.compact) art.append(this.image(b.image));
    if (b.summary) {
      const s = b.summary;
      const sec = this.block("section", "bc-summary", "summary", o.compact ? null : s.heading ?? this.label(b, L_SUMMARY), s.heading == null ? this.labelLang(b, L_SUMMARY) : undefined);
      this.paras(sec, b, "summary", o.compact ? s.paragraphs.slice(0, 1) : s.paragraphs);
      art.append(sec);
    }
    if (!o.compact) {
      if (b.quotes.length) art.append(this.quotes(b));
      b.sections.forEach((s, i) => {
        const sec = this.block("section", "bc-section", "section", s.heading);
        this.paras(sec, b, `section-${i + 1}`, s.paragraphs);
        art.append(sec);
      });
      if (b.related.length) art.append(this.related(b));
      if (b.tags.length) art.append(this.tags(b));
    }
    if (b.url !== undefined || ids.id !== undefined) {
      const f = el("footer", "bc-footer");
      f.setAttribute("part", "footer");
      f.setAttribute("data-block", "footer");
      if (b.url !== undefined) {
        const a = this.link(b.url, "bc-read-more");
        a.setAttribute("part", "read-more");
        a.setAttribute("aria-describedby", `${ids.prefix}-title`);
        const lang = this.labelLang(b, L_READ_MORE);
        if (lang) a.setAttribute("lang", lang);
        a.textContent = this.label(b, L_READ_MORE);
        f.append(a);
      }
      if (ids.id !== undefined) f.append(this.copy(b, ids.id, `${ids.prefix}-title`));
      art.append(f);
    }
    const status = el("p", "bc-status");
    status.setAttribute("role", "status");
    const lang = this.labelLang(b, L_LINK_COPIED);
    if (lang) status.setAttribute("lang", lang);
    art.append(status);
    return art;
  }

  document(d) {
    if (!Array.isArray(d)) return this.card(d);
    const feed = el("div", "bc-feed");
    feed.setAttribute("role", "list");
    feed.setAttribute("aria-label", this.label(d[0], L_FEED));
    if (this.o.labels?.[L_FEED] == null) feed.setAttribute("lang", this.labelLang(d[0], L_FEED) ?? d[0].lang);
    const taken = [];
    for (const [i, b] of d.entries()) {
      const item = el("div", "bc-feed-item");
      item.setAttribute("role", "listitem");
      item.append(this.card(b, feedIds(b, i, taken)));
      feed.append(item);
    }
    return feed;
  }
}

// A feed card's ids: an earlier card's anchors are not given again (src/view/mod.rs, Anchors::in_feed).
function feedIds(b, i, taken) {
  const base = b.id ?? `bc${i + 1}`;
  const madeFrom = (card, anchor) => anchor.startsWith(card) && /^(-quote-\d+(-by)?|-more-section-\d+|-more-summary|-more-related)$/.test(anchor.slice(card.length));
  let unique = base;
  for (let n = 2; taken.some((t) => t === unique || madeFrom(t, unique) || madeFrom(unique, t)); n++) unique = `${base}-${n}`;
  taken.push(unique);
  return { id: b.id !== undefined ? unique : undefined, prefix: unique };
}

// ---- mounting, events, the shared stylesheet and click listener ------------

let sheet;
function getSheet() {
  if (sheet === undefined) {
    try { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); } catch { sheet = null; }
  }
  return sheet;
}

function emit(target, type, detail, cancelable = false) {
  return target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));
}

function onClick(ev) {
  const t = ev.target, host = ev.currentTarget.host ?? ev.currentTarget;
  if (!(t instanceof Element)) return;
  const block = (e) => e.closest("[data-block]")?.getAttribute("data-block") ?? "card";
  let x;
  if ((x = t.closest("a[href]"))) {
    if (!emit(host, "brief-card:link", { url: x.href, block: block(x) }, true)) ev.preventDefault();
  } else if ((x = t.closest("button.bc-toggle"))) {
    const expanded = x.getAttribute("aria-expanded") !== "true";
    x.previousElementSibling?.toggleAttribute("hidden", !expanded);
    x.setAttribute("aria-expanded", String(expanded));
    x.textContent = x.getAttribute(expanded ? "data-less" : "data-more");
    emit(host, "brief-card:toggle", { block: block(x), expanded });
  } else if ((x = t.closest("button.bc-copy"))) {
    const link = `${location.href.split("#")[0]}#${x.getAttribute("data-anchor")}`;
    if (!navigator.clipboard?.writeText?.(link)) {
      const area = el("textarea", "bc-offscreen");
      area.textContent = link;
      area.setAttribute("aria-hidden", "true");
      x.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    const status = x.closest("article")?.querySelector(".bc-status");
    if (status) { status.textContent = ""; status.textContent = x.getAttribute("data-done"); }
    x.setAttribute("data-copied", link);
  }
}

function revealHash(root) {
  const id = location.hash.slice(1);
  if (!id || !/^[A-Za-z0-9._:-]+$/.test(id)) return;
  const e = root.querySelector(`[id="${id}"]`);
  if (e) { e.classList.add("bc-target"); e.scrollIntoView(); }
}

/** Renders `brief` (object, array or JSON text) into `target`; returns {update, destroy}. */
export function render(target, brief, options) {
  if (!(target instanceof Element)) fail([{ path: "target", message: "expected a DOM element" }]);
  let o, d;
  try { o = readOptions(options); d = load(brief); } catch (e) {
    emit(target, "brief-card:error", { problems: e.problems ?? [{ path: "", message: e.message }] });
    throw e;
  }
  doc = target.ownerDocument;
  const view = new View(o);
  const node = view.document(d);
  let root, saved = null;
  if (o.shadow) {
    root = target.shadowRoot ?? target.attachShadow({ mode: "open" });
    const s = getSheet();
    if (s) root.adoptedStyleSheets = [s];
    else if (!root.querySelector("style")) { const st = doc.createElement("style"); st.textContent = CSS; root.prepend(st); }
  } else {
    root = target;
    const s = getSheet();
    if (s && !doc.adoptedStyleSheets.includes(s)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, s];
    saved = doc.createDocumentFragment();
    saved.append(...target.childNodes);
  }
  root.addEventListener("click", onClick);
  root.replaceChildren(node);
  const count = (d) => (Array.isArray(d) ? d.length : 1);
  emit(target, "brief-card:render", { count: count(d) });
  revealHash(root);
  let alive = true;
  return {
    update(next) {
      if (!alive) fail([{ path: "", message: "this card was destroyed" }]);
      let d;
      try { d = load(next); } catch (e) {
        emit(target, "brief-card:error", { problems: e.problems ?? [{ path: "", message: e.message }] });
        throw e;
      }
      doc = target.ownerDocument;
      root.replaceChildren(view.document(d));
      emit(target, "brief-card:render", { count: count(d) });
    },
    destroy() {
      if (!alive) return;
      alive = false;
      root.removeEventListener("click", onClick);
      if (saved) root.replaceChildren(saved);
      else root.replaceChildren(doc.createElement("slot"));
    },
  };
}
