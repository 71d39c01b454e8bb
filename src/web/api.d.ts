// ---- the JavaScript API (src/web/api.d.ts; wasm-bindgen declares the functions and BriefCard) ----

/** What the functions read: a brief, a feed (an array of briefs), or either as JSON text. */
export type BriefInput = Brief | Brief[] | string;

/**
 * What `renderBrief`, `renderBriefHtml` and `BriefCard.update` throw on bad
 * input: an `Error` whose message lists every problem, one per line
 * (`related[2].url: scheme "javascript" is not allowed`).
 */
export interface BriefError extends Error {
  /** The same problems, as data. */
  problems: Problem[];
}

/** The `<brief-card>` element (defined by `brief-card/element`). */
export interface BriefCardElement extends HTMLElement {
  /**
   * The brief to show (an object, an array of briefs or JSON text); setting
   * it renders. Without it the element reads `src`, else a child
   * `<script type="application/json">`.
   */
  brief: BriefInput | undefined;
}

/** The events of a card, dispatched on its target (bubbling, composed). */
export interface BriefCardEventMap {
  /** A card (or feed) was rendered or updated. */
  "brief-card:render": CustomEvent<BriefRenderDetail>;
  /** The brief, the options or (for `<brief-card>`) its loading failed; nothing changed. */
  "brief-card:error": CustomEvent<BriefErrorDetail>;
  /** A reader followed a link; cancelable. */
  "brief-card:link": CustomEvent<BriefLinkDetail>;
  /** A reader opened or closed a long block. */
  "brief-card:toggle": CustomEvent<BriefToggleDetail>;
}

declare global {
  // `addEventListener("brief-card:…")` is typed on every element (any target of renderBrief).
  interface ElementEventMap extends BriefCardEventMap {}
  interface HTMLElementEventMap extends BriefCardEventMap {}
}
