// Types for `brief-card/react`: <brief-card> in React's JSX.
// Generated from the Rust types in src/format/ by `UPDATE=1 cargo test --test generated`; do not edit.
//
// React 19 reads the JSX types of custom elements from React.JSX.IntrinsicElements.
// Include this file once, where @types/react 19 is installed:
//
//   /// <reference types="brief-card/react" />      (or "types": ["brief-card/react"] in tsconfig.json)
//   import "brief-card/element";
//   <brief-card ref={ref} src="/briefs/flash-brief.json" theme="auto" />
//
// React cannot bind `brief-card:*` events in JSX (an attribute name cannot
// hold a colon): listen through a ref, with addEventListener.

import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { BriefCardAttributes, BriefCardElement } from "./brief-card.js";
import type { BriefInput } from "./brief_card.js";

/** `<brief-card>` in JSX: React's props (`ref`, `className`, `children`, …) and the element's attributes. */
export interface BriefCardProps extends DetailedHTMLProps<HTMLAttributes<BriefCardElement>, BriefCardElement>, BriefCardAttributes {
  /** The brief itself, instead of `src`: React 19 sets it as the element's `brief` property. */
  brief?: BriefInput;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "brief-card": BriefCardProps;
    }
  }
}
