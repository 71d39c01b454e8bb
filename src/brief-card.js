// <brief-card>: a brief, embedded on any page (docs/brief-format.md, "The custom element").
//
//   <script type="module" src="/brief-card.js"></script>
//   <brief-card src="/briefs/flash-brief.json" theme="auto">fallback…</brief-card>
//
// Data: the `brief` property, else `src` (fetched; `timeout` in ms, default
// 10000), else a `<script type="application/json">` child. The element's
// other children are the fallback: shown until the card renders (into the
// element's shadow root) and whenever it cannot. A failure dispatches ONE
// `brief-card:error` {reason: http|timeout|json|invalid|wasm|network,
// status?, problems?} and logs one console.error. Invalid data is refused by
// renderBrief itself (validated once), whose error event is that one event.
// Cards render when within 200px of the viewport (`loading="eager"`: at
// once), or at once when the page's #hash (on load or on hashchange) names
// the brief or a part of it; with a #hash, data is fetched at once to see.
// `data-state` is "rendered" or "error" (absent while pending), for styling.
// One WebAssembly instance per page, shared by every card; no innerHTML, no eval.

const GLUE = new URL("./pkg/brief_card.js", import.meta.url).href;
const WASM = new URL("./pkg/brief_card_bg.wasm", import.meta.url).href;
let mod, loading;
// The binary is fetched alongside the glue, not after it: one round trip less before the first card.
// A failed load is not kept: the next card to render tries again (the network may be back).
const wasm = () => (loading ||= Promise.all([import(GLUE), fetch(WASM)]).then(async ([m, bin]) => (await m.default({ module_or_path: bin }), (mod = m)))
  .catch((e) => { loading = null; throw e; }));
const FAILED = Symbol("failed");
const NOTHING = Symbol("nothing"); // what a card shows before it shows anything
// What `<brief-card jsonld>` read of the page: its ld+json scripts' ids and texts, and, when it
// reads them all (the page's own article), the page's description.
class PageJsonLd { constructor(scripts, description) { this.scripts = scripts; this.description = description; } }
const pick = (v, ok) => (ok.includes(v) ? v : undefined);
// A language tag as the card reads one (format::patterns::language_tag; `en_US` as `en-US`), else undefined:
// an attribute that is no tag falls back to the default rather than costing the card.
const tag = (v) => { const t = v?.trim().replace(/_/g, "-"); return t && t.length <= 35 && /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i.test(t) ? t : undefined; };
// The language HTML gives `el`: its own `lang`, else its nearest ancestor's, across the
// boundaries of shadow trees (an element inside a component's shadow root reads the page's).
const inheritedLang = (el) => {
  for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) if (n.hasAttribute("lang")) return n.getAttribute("lang");
};
const hashId = () => { try { return decodeURIComponent(location.hash.slice(1)); } catch { return ""; } };
const targets = (data, h = hashId()) =>
  !!h && [data].flat().some((b) => typeof b?.id === "string" && (h === b.id || h.startsWith(b.id + "-")));

// Where there is no DOM (server rendering in Node), importing this module
// defines nothing and touches nothing: the class extends a stand-in, and the
// observer and listeners are made only once an element is connected.
const Base = globalThis.HTMLElement ?? class {};

class BriefCardElement extends Base {
  static observedAttributes = ["src", "jsonld", "theme", "layout", "locale", "link-target", "heading-level", "loading", "lang"];
  static #observer = null;
  static #connected = new Set(); // every element on the page, in shadow trees too
  static get #io() {
    return (BriefCardElement.#observer ??= new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) e.target.#renderNow();
      }
    }, { rootMargin: "200px" }));
  }

  static { // a deep link followed on the page: a card not rendered yet (a lazy one) renders now if
    // it holds the target, which its render reveals; a rendered card reveals it itself (the module
    // follows the hash for every card it has rendered)
    globalThis.addEventListener?.("hashchange", () => {
      for (const el of BriefCardElement.#connected) if (el.dataset.state !== "rendered") el.#update();
    });
    // Printing: lazy cards not yet near the viewport render now, so that the page prints cards,
    // not fallbacks (those whose module is here render before the page is printed). One whose
    // `src` was never fetched is left to its fallback: a fetch would land after the printing.
    globalThis.addEventListener?.("beforeprint", () => {
      for (const el of BriefCardElement.#connected) {
        if (el.#pending) el.#update(); // attributes changed just before print() (a later look finds nothing changed)
        if (el.#near || el.#card || (el.#data === undefined && el.getAttribute("src")?.trim())) continue;
        el.#renderNow();
      }
    });
  }

  #data; #card = null; #options = ""; #ctl = null; #near = false; #seq = 0; #waiting = false;
  #changedOffPage = false; // data or attributes changed while the element was off the page
  #given = false; // the data is the `brief` property's (not src's), for the console's message
  #pending = false; // an update is queued for the attributes changed in this task
  #shown = NOTHING; #shownLang; // the data and the inherited language the card was rendered with
  #failedWith = null; // [data, options, language] that renderBrief last refused

  constructor() {
    super();
    // Focus entering a card not rendered yet (a reader tabbing to its fallback, a screen reader's
    // list of links, a server-rendered card's button): it renders now, not when it comes near the
    // viewport, so that what the reader reached works at once and is the card's (#render moves
    // focus from the fallback to the card).
    this.addEventListener("focusin", () => {
      // (Not a card that renders anyway, is rendered, or failed and said so once.)
      if (this.#near || this.#card || this.dataset.state || this.getAttribute("loading") === "eager") return;
      this.#renderNow();
    });
  }

  // A lazy card renders now, as if it had come near the viewport (it is, it will print, focus is in it).
  #renderNow() {
    BriefCardElement.#io.unobserve(this);
    this.#near = true;
    this.#update();
  }

  get brief() { return this.#data === FAILED ? undefined : this.#data; }
  set brief(value) {
    this.#stop();
    [this.#data, this.#given, this.#shown, this.#failedWith] = [value, value !== undefined, NOTHING, null];
    this.#schedule();
  }

  connectedCallback() {
    BriefCardElement.#connected.add(this);
    // Moved, and put back before the move's teardown ran: the card stays as it is, unless its
    // data or attributes changed meanwhile (then it is updated, in place where it can be).
    if (this.#card && !this.#changedOffPage) return;
    this.#changedOffPage = false;
    // A clone (cloneNode) copies its original's data-state, but has no card yet.
    if (!this.#card && this.dataset.state === "rendered") delete this.dataset.state;
    if (!Object.hasOwn(this, "brief")) return this.#update();
    const v = this.brief; // set before the element was upgraded
    delete this.brief;
    this.brief = v;
  }

  // A framework reordering a list removes an element and inserts it again in one go (as does
  // Element.moveBefore, which keeps focus too): the card, and what the reader expanded, go
  // only if the element is still off the page at the next microtask.
  disconnectedCallback() {
    queueMicrotask(() => {
      if (this.isConnected) return;
      BriefCardElement.#connected.delete(this);
      this.#stop();
      BriefCardElement.#io.unobserve(this);
      this.#near = false;
      this.#release();
    });
  }

  // Moved into another document (a same-origin frame): the card's stylesheet belongs to this
  // page's document, so the card is built anew there.
  adoptedCallback() { this.#release(); }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === "src" || name === "jsonld") { this.#stop(); this.#data = undefined; this.#given = false; }
    this.#schedule();
  }

  // A framework patches attributes and properties one at a time: the changes of one task make
  // one render, at its end (the next microtask), with all of them.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => { this.#pending = false; this.#update(); });
  }

  #stop() { this.#ctl?.abort("stale"); this.#ctl = null; this.#seq++; }

  #destroy() {
    this.#card?.destroy(); // leaves a <slot>: the fallback shows again
    this.#card = null;
    this.#shown = NOTHING;
    delete this.dataset.state;
  }

  // The card goes; data that failed stays marked so for when the element comes back.
  #release() {
    this.#destroy();
    if (this.#data === FAILED) this.dataset.state = "error";
  }

  #update() {
    if (!this.isConnected) { this.#changedOffPage = true; return; }
    const lazy = !this.#near && this.getAttribute("loading") !== "eager";
    if (lazy) BriefCardElement.#io.observe(this);
    else if (!mod) wasm().catch(() => {}); // the module loads while the data does (#render reports a failure)
    if (this.#data === undefined) { if (!this.#ctl && (!lazy || hashId())) this.#load(); }
    else if (this.#data !== FAILED && (!lazy || targets(this.#data))) this.#render();
  }

  // Looks again once the page is parsed (one wait however often it is
  // asked for: attributes and connecting each ask on upgrade).
  #whenParsed() {
    if (this.#waiting) return;
    this.#waiting = true;
    document.addEventListener("DOMContentLoaded", () => { this.#waiting = false; this.#update(); }, { once: true });
  }

  async #load() {
    const src = this.getAttribute("src")?.trim() || null; // src="" names no data, not this page
    if (src === null && this.hasAttribute("jsonld")) {
      // The page's own schema.org JSON-LD: every ld+json script, or the one `jsonld="#id"` names.
      // Read once the page is parsed: a page may write its JSON-LD in several
      // scripts down to the end of its body, and the element can be defined
      // (an async module, or one already loaded) before the parser gets there.
      if (document.readyState === "loading") return this.#whenParsed();
      const which = this.getAttribute("jsonld").trim();
      // The type as the command line reads a saved page's: trimmed, in any case.
      // The type's essence: `application/ld+json; charset=utf-8` is one too.
      // HTML's scripts only, as `document.scripts` and the command line have them (not SVG's).
      const isLd = (el) => el?.localName === "script" && el.namespaceURI === "http://www.w3.org/1999/xhtml"
        && el.type.split(";")[0].trim().toLowerCase() === "application/ld+json";
      // `#id` names the script whose article to show; the page's other scripts stand behind
      // it, read only for the nodes it refers to (a publisher the site defines once).
      const named = which.startsWith("#") ? document.getElementById(which.slice(1)) : null;
      if (which.startsWith("#") && !isLd(named)) {
        return this.#fail("invalid", `the page has no <script type="application/ld+json" id="${which.slice(1)}">`, {});
      }
      // A script behind larger than the largest brief (format::limits::MAX_INPUT_BYTES: a shop's
      // catalogue) is left out: it would only use up what the page's scripts may hold together.
      const behind = (el) => !named || el === named || el.textContent.length <= 1e6;
      const found = [...document.scripts].filter((el) => isLd(el) && behind(el));
      // As the command line reads a saved page's: `<meta name="description">`, else `og:description`.
      const meta = (css) => document.head?.querySelector(css)?.content.trim() || undefined;
      const description = named ? undefined : meta('meta[name="description" i]') ?? meta('meta[property="og:description"]');
      this.#data = new PageJsonLd(found.map((el) => ({ id: el.id || undefined, text: el.textContent, reference: !!named && el !== named })), description);
      return this.#update();
    }
    if (src === null) {
      const json = this.querySelector(":scope > script[type='application/json']");
      if (!json) {
        if (document.readyState === "loading") this.#whenParsed();
        this.#destroy(); // no data (yet, or no longer: src removed, brief unset): the fallback shows, waiting for `brief`
        return;
      }
      try { this.#data = JSON.parse(json.textContent); } catch (e) {
        // While the page is still arriving, the script may hold only the first part of its JSON.
        if (document.readyState === "loading") return this.#whenParsed();
        return this.#fail("json", `its JSON is not valid (${e.message})`, {});
      }
      return this.#update();
    }
    const ctl = (this.#ctl = new AbortController());
    const ms = Number(this.getAttribute("timeout")) || 10000;
    const timer = setTimeout(() => ctl.abort("timeout"), ms);
    let data, failure;
    try {
      const res = await fetch(src, { signal: ctl.signal });
      if (!res.ok) failure = ["http", `HTTP ${res.status} for ${res.url || src}`, { status: res.status }];
      else {
        const text = await res.text();
        try { data = JSON.parse(text); } catch (e) { failure = ["json", `${res.url || src} is not JSON (${e.message})`, {}]; }
      }
    } catch (e) {
      failure = ctl.signal.reason === "timeout"
        ? ["timeout", `no answer from ${src} within ${ms} ms`, { timeout: ms }]
        : ["network", `could not fetch ${src} (${e.message})`, {}];
    }
    clearTimeout(timer);
    if (this.#ctl !== ctl) return; // superseded: src changed or the element left the page
    this.#ctl = null;
    if (failure) return this.#fail(...failure);
    this.#data = data;
    this.#update();
  }

  async #render() {
    const seq = ++this.#seq;
    let m = mod;
    if (!m) {
      try { m = await wasm(); } catch (e) {
        if (seq === this.#seq) this.#fail("wasm", `could not load the WebAssembly module ${GLUE} (${e.message})`, {}, false);
        return;
      }
      if (seq !== this.#seq || !this.isConnected) return;
    }
    // The language the page gives the element (its own `lang`, else its nearest ancestor's, as HTML
    // inherits it) is the default for briefs without one. (JSON-LD, which has no `lang`, is read
    // by renderBrief in the language of the element it renders into, the same one.)
    const lang = tag(inheritedLang(this));
    const fill = (b) => (lang && b?.constructor === Object && b.lang == null ? { ...b, lang } : b);
    let data = this.#data;
    // A value that throws when read (a getter, a Proxy) goes to renderBrief as it is, which reports it.
    try { data = Array.isArray(data) ? data.map(fill) : fill(data); } catch { /* as it is */ }
    // renderBrief (or update) validates (once) and, on a problem, throws and
    // dispatches brief-card:error {reason: "invalid", problems} from inside the
    // call. As it dispatches, the card of older data goes and data-state says
    // "error", as for every other failure, so that listeners see the element
    // as it is (and one that sets good data then has it rendered, not undone).
    // On success a new card has taken the old one's place in the same shadow
    // root, and the old handle lets go of it.
    const old = this.#card;
    const a = (n) => this.getAttribute(n);
    const options = {
      theme: pick(a("theme"), ["light", "dark", "auto"]),
      layout: pick(a("layout"), ["full", "compact"]),
      linkTarget: pick(a("link-target"), ["_self", "_blank"]),
      locale: tag(a("locale")),
      headingLevel: [1, 2, 3, 4].find((n) => String(n) === a("heading-level")?.trim()),
    };
    const key = JSON.stringify(options);
    const attempt = [this.#data, key, lang];
    // Nothing changed (attributes set back as they were, an unknown value for another): the card
    // stays. Nor since this very data failed with these options and said so: it would only fail
    // again (and a listener that moves the element would have it fail without end).
    if (old && key === this.#options && this.#shown === this.#data && this.#shownLang === lang) return;
    if (this.#failedWith?.every((v, i) => v === attempt[i])) return;
    const failing = (e) => {
      if (e.target !== this || seq !== this.#seq) return;
      this.#failedWith = attempt;
      this.#destroy();
      this.dataset.state = "error";
    };
    this.addEventListener("brief-card:error", failing, { capture: true });
    try {
      this.dataset.state = "rendered"; // already, for brief-card:render listeners
      [this.#shown, this.#shownLang] = [this.#data, lang];
      // New data with the same options is an update in place: the reader keeps focus, scroll and what they expanded.
      if (old && key === this.#options && !(this.#data instanceof PageJsonLd)) {
        old.update(data);
        this.#failedWith = null;
        return;
      }
      // The fallback stops showing once the card does: a reader in it (a link they tabbed to)
      // would be thrown back to the top of the page, and Tab would skip the card.
      // (The focus of the tree the element is in: a component's shadow root, say.)
      const root = this.getRootNode();
      const from = root.activeElement;
      const inFallback = from !== this && this.contains(from);
      const card = this.#data instanceof PageJsonLd ? m.renderJsonLd(this, this.#data.scripts, options, lang, this.#data.description) : m.renderBrief(this, data, options);
      this.#failedWith = null;
      this.#options = key;
      if (inFallback && [from, null, document.body].includes(root.activeElement)) this.#handOver(from);
      if (this.#card === old) this.#card = null;
      // A brief-card:render listener may have removed the element or re-rendered it.
      if (seq === this.#seq) this.#card = card;
      else if (!this.#card) card.destroy();
    } catch (e) {
      const list = (e.problems ?? []).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ");
      const message = list ? `the brief is not valid: ${list}` : e.message;
      // A listener of the error event gave newer data, rendered since: the failure is only told.
      if (seq !== this.#seq) return this.#log("invalid", message, "");
      this.#fail("invalid", message, null, false); // renderBrief has dispatched the event
    } finally {
      this.removeEventListener("brief-card:error", failing, { capture: true });
    }
  }

  // Focus from the fallback to the card: its link to the same address (the README's fallback is
  // the static card, whose links the live one has), or, when that one is behind "Show more" (the
  // static card shows every paragraph), its block's button; else the card's first link or button;
  // else the card itself, so that focus stays where the reader was.
  #handOver(from) {
    const root = this.shadowRoot;
    if (!root) return;
    const controls = [...root.querySelectorAll("a[href], button")];
    const twin = from.href ? controls.find((c) => c.href === from.href) : undefined;
    const collapsed = twin?.closest("[hidden]");
    const article = root.querySelector("article");
    const to = (collapsed ? twin.closest("[data-block]")?.querySelector("button.bc-toggle") : twin)
      || controls.find((c) => !c.closest("[hidden]")) || article;
    if (to === article && article) article.tabIndex = -1;
    to?.focus();
  }

  // One console.error and (unless the wasm sent it) one brief-card:error; the fallback stays.
  #fail(reason, message, detail, forget = true) {
    if (forget) this.#data = FAILED;
    this.#destroy(); // the card of older data, if any, goes too
    this.dataset.state = "error";
    this.#log(reason, message);
    // Every error event lists its problems, as renderBrief's do: here the one, at the document's root.
    const problems = [{ path: "", message }];
    if (detail) this.dispatchEvent(new CustomEvent("brief-card:error", { bubbles: true, composed: true, detail: { reason, ...detail, problems } }));
  }

  #log(reason, message, then = " Showing the fallback content.") {
    const src = !this.#given && this.getAttribute("src");
    console.error(`<brief-card${src ? ` src="${src}"` : ""}> [${reason}]: ${message}.${then}`);
  }
}

if (globalThis.customElements && !customElements.get("brief-card")) {
  try { // CSP-safe (a constructed sheet); :where() so any host rule wins
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(":where(brief-card){display:block}");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch { /* old browser: the element is inline until styled */ }
  customElements.define("brief-card", BriefCardElement);
}
