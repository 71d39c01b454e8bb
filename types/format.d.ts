// Types for brief-card, the npm package's main module (`import … from "brief-card"`).
// Generated from the Rust types in src/format/ by `UPDATE=1 cargo test --test generated`; do not edit.
// The format: docs/brief-format.md, docs/format-reference.md, docs/brief.schema.json.

// ---- the brief format and the API's data (from the JSON Schema) ----

/** A brief (an object) or a collection of briefs (an array, rendered as a feed). */
export type BriefDocument = Brief | Brief[];

/**
 * One brief: an eyebrow label and date, a title, a summary, expert quotes,
 * titled sections, related-analysis links and topic tags. Only `title` is
 * required; `null` counts as absent; unknown fields are ignored.
 */
export interface Brief {
  /** Format version; any value other than 1 is an error ("unsupported version"). */
  version?: 1 | null;
  /**
   * Stable id, used for anchors and deep links (`#<id>`).
   * At most 500 characters; pattern: anchor id.
   */
  id?: string | null;
  /**
   * The eyebrow label, e.g. "Flash Brief", "Analysis", "Monograph".
   * At most 500 characters.
   */
  kind?: string | null;
  /**
   * The title; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  title: string;
  /**
   * `YYYY-MM-DD` or an RFC 3339 date-time; shown as the calendar date written, in the card's locale.
   * At most 64 characters; pattern: date.
   */
  date?: string | null;
  /**
   * When the brief was last updated, in the same forms as `date`; the card
   * shows "Updated …" when it falls on a later day than `date`.
   * At most 64 characters; pattern: date.
   */
  updated?: string | null;
  /**
   * Canonical page of the full brief ("Read the full brief").
   * At most 2048 characters; pattern: link URL.
   */
  url?: string | null;
  /**
   * BCP 47 language tag of the content; default `en`.
   * At most 35 characters; pattern: language tag.
   */
  lang?: string | null;
  /** Text direction; default from `lang` (ar, fa, he, ur, ps… are rtl). */
  dir?: Dir | null;
  /** Who published the brief. */
  publisher?: Publisher | null;
  /**
   * Who wrote the brief: the byline ("By …").
   * At most 100 items.
   */
  authors?: Author[] | null;
  /** The lead image. */
  image?: Image | null;
  /** The summary block (default heading "Latest Developments"). */
  summary?: Summary | null;
  /**
   * Expert quotes (block heading "Expert Analysis").
   * At most 100 items.
   */
  quotes?: Quote[] | null;
  /**
   * Titled body sections.
   * At most 100 items.
   */
  sections?: Section[] | null;
  /**
   * Related analysis links (block heading "Related Analysis").
   * At most 100 items.
   */
  related?: Related[] | null;
  /**
   * Topic tags (block heading "Issues").
   * At most 100 items.
   */
  tags?: Tag[] | null;
  /** Overrides of the card's fixed words, for localisation. */
  labels?: Labels | null;
}

/** Text direction of a brief's content: `ltr`, `rtl` or `auto`. */
export type Dir = "ltr" | "rtl" | "auto";

/** Who published a brief. */
export interface Publisher {
  /**
   * The publisher's name; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  name: string;
  /**
   * The publisher's home page.
   * At most 2048 characters; pattern: link URL.
   */
  url?: string | null;
  /**
   * The publisher's logo (an image URL).
   * At most 2048 characters; pattern: resource URL.
   */
  logo?: string | null;
}

/** An author of a brief, named in its byline. */
export interface Author {
  /**
   * The author's name; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  name: string;
  /**
   * A page about the author.
   * At most 2048 characters; pattern: link URL.
   */
  url?: string | null;
}

/** A lead image. */
export interface Image {
  /**
   * The image URL; required.
   * At most 2048 characters; pattern: resource URL.
   */
  src: string;
  /**
   * Alternative text; required, `""` marks the image as decorative.
   * At most 500 characters.
   */
  alt: string;
  /**
   * A caption shown under the image.
   * At most 500 characters.
   */
  caption?: string | null;
  /**
   * The image's width in CSS pixels. With `height`, the card keeps the
   * image's space while it loads, so nothing below it moves.
   */
  width?: number | null;
  /** The image's height in CSS pixels (see `width`). */
  height?: number | null;
}

/** The summary block. */
export interface Summary {
  /**
   * The block heading; default "Latest Developments" in the brief's language.
   * At most 500 characters.
   */
  heading?: string | null;
  /**
   * The summary's paragraphs; required. A paragraph that shows nothing
   * is left out, and a summary with none left is not shown.
   * At most 100 items.
   */
  paragraphs: Paragraph[];
}

/** A paragraph: a plain string (rendered literally, never as markup) or an array of runs. */
export type Paragraph = string | Run[];

/** A run of a paragraph: a string, or an object for a link or emphasis. */
export type Run = string | RunObject;

/** A run with a link and/or emphasis. Never markup: `text` is text. */
export interface RunObject {
  /**
   * The text of the run; required (may be empty, but not for a link).
   * At most 10000 characters.
   */
  text: string;
  /**
   * Makes the run a link.
   * At most 2048 characters; pattern: link URL.
   */
  href?: string | null;
  /** Strong importance (`<strong>`). */
  strong?: boolean | null;
  /** Emphasis (`<em>`). */
  em?: boolean | null;
}

/** An expert quote. */
export interface Quote {
  /** What was said; required, and must show something. */
  text: Paragraph;
  /**
   * Who said it; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  author: string;
  /**
   * The author's role or affiliation.
   * At most 500 characters.
   */
  role?: string | null;
  /**
   * Where the quote comes from.
   * At most 2048 characters; pattern: link URL.
   */
  url?: string | null;
  /**
   * BCP 47 language tag of what was said, when it is not the brief's (an
   * English quote in a Persian brief): marked so, and read in that
   * language's direction.
   * At most 35 characters; pattern: language tag.
   */
  lang?: string | null;
}

/** A titled body section. */
export interface Section {
  /**
   * The section heading; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  heading: string;
  /**
   * The section's paragraphs; required. A paragraph that shows nothing
   * is left out.
   * At most 100 items.
   */
  paragraphs: Paragraph[];
}

/** A link to related analysis. */
export interface Related {
  /**
   * The linked item's title; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  title: string;
  /**
   * Where it is; required.
   * At most 2048 characters; pattern: link URL.
   */
  url: string;
  /**
   * Its author.
   * At most 500 characters.
   */
  author?: string | null;
  /**
   * Its date: `YYYY-MM-DD` or an RFC 3339 date-time.
   * At most 64 characters; pattern: date.
   */
  date?: string | null;
  /**
   * Its kind, e.g. "Analysis".
   * At most 500 characters.
   */
  kind?: string | null;
}

/** A topic tag. */
export interface Tag {
  /**
   * The tag's text; required, not blank.
   * 1 to 500 characters; pattern: non-blank.
   */
  label: string;
  /**
   * A page about the topic.
   * At most 2048 characters; pattern: link URL.
   */
  url?: string | null;
}

/**
 * Overrides of the card's fixed words. A blank value keeps the default;
 * unknown keys are ignored. Precedence: `options.labels`, then the brief's
 * `labels`, then the built-in words for the brief's language, then English.
 */
export interface Labels {
  /**
   * Heading of the summary block ("Latest Developments").
   * At most 500 characters.
   */
  summary?: string | null;
  /**
   * Heading of the quotes block ("Expert Analysis").
   * At most 500 characters.
   */
  quotes?: string | null;
  /**
   * Heading of the related block ("Related Analysis").
   * At most 500 characters.
   */
  related?: string | null;
  /**
   * Heading of the tags block ("Issues").
   * At most 500 characters.
   */
  tags?: string | null;
  /**
   * The link to the full brief ("Read the full brief").
   * At most 500 characters.
   */
  readMore?: string | null;
  /**
   * The button that opens a long block ("Show more").
   * At most 500 characters.
   */
  showMore?: string | null;
  /**
   * The button that closes it again ("Show less").
   * At most 500 characters.
   */
  showLess?: string | null;
  /**
   * The deep-link button ("Copy link").
   * At most 500 characters.
   */
  copyLink?: string | null;
  /**
   * Announced when a link was copied ("Link copied").
   * At most 500 characters.
   */
  linkCopied?: string | null;
  /**
   * The accessible name of a feed ("Briefs").
   * At most 500 characters.
   */
  feed?: string | null;
  /**
   * Before the byline's names ("By").
   * At most 500 characters.
   */
  by?: string | null;
  /**
   * Before the date of the last update ("Updated").
   * At most 500 characters.
   */
  updated?: string | null;
  /**
   * The `title` of each link with `linkTarget: "_blank"`, which screen
   * readers read as its description ("Opens in a new tab").
   * At most 500 characters.
   */
  newTab?: string | null;
}

/**
 * Rendering options of `renderBrief`, `renderBriefHtml` and `update`. Invalid
 * values are problems with paths like `options.theme`; `null` means the default.
 */
export interface BriefOptions {
  /** Colour theme; default `light`. */
  theme?: Theme | null;
  /** `full` (default) or `compact` (header, first summary paragraph, link). */
  layout?: Layout | null;
  /**
   * BCP 47 locale for dates; default the brief's `lang`.
   * At most 35 characters.
   */
  locale?: string | null;
  /** Overrides of the fixed words; win over the brief's own `labels`. */
  labels?: Labels | null;
  /** Where links open; `_blank` links get `rel="noopener noreferrer"`. Default `_self`. */
  linkTarget?: LinkTarget | null;
  /** `true` (default): render into an open shadow root of the target; `false`: into its light DOM. */
  shadow?: boolean | null;
  /** `renderBriefHtml` only: the email-safe variant (inline styles, layout tables). Default `false`. */
  email?: boolean | null;
  /**
   * `renderBriefHtml` only: the live card in declarative shadow DOM
   * (`<brief-card><template shadowrootmode="open">…`) with its JSON, for
   * server rendering: the element upgrades it with no flash. Not with
   * `email`, `shadow: false`, `labels` or `baseUrl`. Default `false`.
   */
  declarativeShadowDom?: boolean | null;
  /**
   * An absolute http(s) URL that relative URLs resolve against (static HTML).
   * At most 2048 characters.
   */
  baseUrl?: string | null;
  /**
   * The level of the card's title, `1` to `4` (default `2`): the title is
   * `h{n}` and the block headings `h{n+1}`, to fit the host page's outline.
   */
  headingLevel?: 1 | 2 | 3 | 4 | null;
  /**
   * The origins images and logos may come from (`https://images.example`);
   * default: any. An image from elsewhere is a problem. Relative URLs are the host's own.
   * At most 100 items.
   */
  imageOrigins?: string[] | null;
}

/** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
export type Theme = "light" | "dark" | "auto";

/** `full` or `compact`. */
export type Layout = "full" | "compact";

/** `_self` or `_blank`. */
export type LinkTarget = "_self" | "_blank";

/** One thing wrong with the input. */
export interface Problem {
  /**
   * Where: a JSON path such as `related[2].url` (`""` for the whole input,
   * `[3].title` in a feed, `options.theme` in the options).
   */
  path: string;
  /** What, e.g. `scheme "javascript" is not allowed`. */
  message: string;
}

/** `detail` of `brief-card:render`. */
export interface BriefRenderDetail {
  /** How many cards were rendered (1, or the briefs in a feed). */
  count: number;
}

/** `detail` of `brief-card:error`. */
export interface BriefErrorDetail {
  /** Every problem: with the brief or the options when the data was invalid, else the one failure (at path `""`). */
  problems: Problem[];
  /** Why: `"invalid"` from `renderBrief` (and `<brief-card>` with invalid data); `<brief-card>`'s other reasons for showing its fallback. */
  reason: ErrorReason;
  /** `<brief-card>` with `reason: "http"`: the HTTP status. */
  status?: number;
  /** `<brief-card>` with `reason: "timeout"`: the timeout in milliseconds. */
  timeout?: number;
}

/**
 * Why `<brief-card>` could not render: `http`, `timeout`, `network` (fetching
 * `src`), `json` (not JSON), `invalid` (problems), `wasm` (the module did not load).
 */
export type ErrorReason = "http" | "timeout" | "network" | "json" | "invalid" | "wasm";

/**
 * `detail` of `brief-card:link`, dispatched when a reader follows a link;
 * `preventDefault()` cancels the navigation.
 */
export interface BriefLinkDetail {
  /** The link's absolute URL. */
  url: string;
  /** The block the link is in (`data-block`), or `card`. */
  block: string;
}

/** `detail` of `brief-card:toggle`, dispatched when a reader opens or closes a long block. */
export interface BriefToggleDetail {
  /** The block (`data-block`). */
  block: string;
  /** Whether it is now open. */
  expanded: boolean;
}

// ---- the JavaScript API (wasm-bindgen declares the functions and BriefCard) ----

/**
 * A schema.org JSON-LD document, which every function reads as a brief
 * (docs/jsonld-mapping.md): a node or an `@graph` whose `@context` names
 * schema.org. Its members are schema.org's, not checked here.
 */
export interface JsonLd {
  "@context": unknown;
  [member: string]: unknown;
}

/** What the functions read: a brief, a feed (an array of briefs), schema.org JSON-LD, or any of them as JSON text. */
export type BriefInput = Brief | Brief[] | JsonLd | JsonLd[] | string;

/** The options, by the name docs/brief-format.md gives them (`BriefOptions`, as the JSON Schema names them). */
export type Options = BriefOptions;

/**
 * What `renderBrief`, `renderBriefHtml` and `BriefCard.update` throw on bad
 * input: an `Error` whose message lists every problem, one per line
 * (`related[2].url: scheme "javascript" is not allowed`).
 */
export interface BriefError extends Error {
  /** The same problems, as data. */
  problems: Problem[];
}

/** A page's `<script type="application/ld+json">` as `renderJsonLd` takes it: its `id` (if any) and its text. */
export interface JsonLdScript {
  id?: string;
  text: string;
  /**
   * Read only for the nodes the other scripts refer to by `@id` (no article
   * is looked for in it), as `<brief-card jsonld>` reads the page's scripts
   * other than the one its `#id` names.
   */
  reference?: boolean;
}

/** The `<brief-card>` element (defined by `brief-card/element`). */
export interface BriefCardElement extends HTMLElement {
  /**
   * The brief to show (an object, an array of briefs or JSON text); setting
   * it renders, at the end of the task, with the attributes the task
   * changed. Without it the element reads `src`, else a child
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
  // `addEventListener("brief-card:…")` is typed on every element (any target
  // of renderBrief), and where the events bubble to: shadow roots, the
  // document and the window.
  interface ElementEventMap extends BriefCardEventMap {}
  interface HTMLElementEventMap extends BriefCardEventMap {}
  interface ShadowRootEventMap extends BriefCardEventMap {}
  interface DocumentEventMap extends BriefCardEventMap {}
  interface WindowEventMap extends BriefCardEventMap {}
}
