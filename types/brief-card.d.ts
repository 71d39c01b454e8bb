// Types for `brief-card/element`, the module that defines <brief-card>.
// Generated from the Rust types in src/format/ by `UPDATE=1 cargo test --test generated`; do not edit.
//
//   import "brief-card/element";
//   <brief-card src="/briefs/flash-brief.json" theme="auto">fallback…</brief-card>
//
// Attributes: src, theme, layout, locale, link-target, loading ("eager"),
// timeout (ms). Events: see HTMLElementEventMap in brief_card.d.ts.

import type { BriefCardElement } from "./brief_card.js";

export type { BriefCardElement };

declare global {
  interface HTMLElementTagNameMap {
    "brief-card": BriefCardElement;
  }
}
