// Types for `brief-card/element`, the module that defines <brief-card>.
// Generated from the Rust types in src/format/ by `UPDATE=1 cargo test --test generated`; do not edit.
//
//   import "brief-card/element";
//   <brief-card src="/briefs/flash-brief.json" theme="auto">fallback…</brief-card>
//
// Events: see HTMLElementEventMap in brief_card.d.ts. JSX types for React:
// `brief-card/react` (brief-card-react.d.ts), kept apart so that these
// declarations need no @types/react.

import type { BriefCardElement, Layout, LinkTarget, Theme } from "./brief_card.js";

export type { BriefCardElement };

/**
 * The attributes of `<brief-card>` (docs/brief-format.md, "The custom
 * element"), for typing it in a framework's templates. Changing one
 * re-renders the card. The data can also be given as the `brief` property.
 */
export interface BriefCardAttributes {
  /** The URL of the brief's JSON, fetched. Without it: `jsonld`, else a child `<script type="application/json">`. */
  src?: string;
  /** Render the page's own schema.org JSON-LD: every `<script type="application/ld+json">`, or the one `"#id"` names. */
  jsonld?: boolean | "" | `#${string}`;
  theme?: Theme;
  layout?: Layout;
  /** The locale for dates; default the brief's `lang`, else the element's `lang`. */
  locale?: string;
  "link-target"?: LinkTarget;
  /** The title is `h{n}`, block headings `h{n+1}`; default 2. */
  "heading-level"?: 1 | 2 | 3 | 4 | "1" | "2" | "3" | "4";
  /** `eager`: render at once; by default a card renders when it comes within 200px of the viewport. */
  loading?: "eager" | "lazy";
  /** How long to wait for `src`, in milliseconds; default 10000. */
  timeout?: number | `${number}`;
}

declare global {
  interface HTMLElementTagNameMap {
    "brief-card": BriefCardElement;
  }
}
