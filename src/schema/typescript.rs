//! The TypeScript declarations: the format's types and the API's data,
//! written from their JSON Schema definitions, and what is written by hand
//! around them (the API's own types, the element, React's JSX).

use serde_json::{Map, Value};

use super::{settings, BriefErrorDetail, BriefLinkDetail, BriefRenderDetail, BriefToggleDetail, GENERATED};
use crate::format::patterns::PATTERNS;
use crate::format::{Input as BriefDocument, Options as BriefOptions, Problem};

/// Types emitted as TypeScript, in order; `true` for what the API returns
/// (optional fields are never `null` there), `false` for what it is given.
const TS_TYPES: [(&str, bool); 25] = [
    ("BriefDocument", false),
    ("Brief", false),
    ("Dir", false),
    ("Publisher", false),
    ("Author", false),
    ("Image", false),
    ("Summary", false),
    ("Paragraph", false),
    ("Run", false),
    ("RunObject", false),
    ("Quote", false),
    ("Section", false),
    ("Related", false),
    ("Tag", false),
    ("Labels", false),
    ("BriefOptions", false),
    ("Theme", false),
    ("Layout", false),
    ("LinkTarget", false),
    ("Problem", true),
    ("BriefRenderDetail", true),
    ("BriefErrorDetail", true),
    ("ErrorReason", true),
    ("BriefLinkDetail", true),
    ("BriefToggleDetail", true),
];

/// Every definition the TypeScript declarations are generated from.
fn ts_definitions() -> Map<String, Value> {
    let mut g = settings().into_generator();
    g.subschema_for::<BriefDocument>();
    g.subschema_for::<BriefOptions>();
    g.subschema_for::<Problem>();
    g.subschema_for::<BriefRenderDetail>();
    g.subschema_for::<BriefErrorDetail>();
    g.subschema_for::<BriefLinkDetail>();
    g.subschema_for::<BriefToggleDetail>();
    g.take_definitions(true)
}

/// The types the npm package's main module declares besides what
/// wasm-bindgen declares itself (`renderBrief`, `renderBriefHtml`,
/// `validateBrief`, the `BriefCard` class, `init`): the brief format, the
/// options, problems and event details, and the error and element types.
/// The wasm boundary adds this file to the declarations wasm-bindgen writes
/// (`typescript_custom_section`), so `wasm-pack build` makes them typed.
pub fn typescript() -> String {
    let defs = ts_definitions();
    let mut out = String::new();
    out.push_str("// Types for brief-card, the npm package's main module (`import … from \"brief-card\"`).\n");
    out.push_str("// ");
    out.push_str(GENERATED);
    out.push_str("\n// The format: docs/brief-format.md, docs/format-reference.md, docs/brief.schema.json.\n\n");
    out.push_str("// ---- the brief format and the API's data (from the JSON Schema) ----\n\n");
    for (name, output) in TS_TYPES {
        match defs.get(name) {
            Some(def) => out.push_str(&ts_definition(name, def, output)),
            None => {
                out.push_str("// missing: ");
                out.push_str(name);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out.push_str(TS_API);
    out
}

/// The declarations of `brief-card/element` (types/brief-card.d.ts).
pub fn typescript_element() -> String {
    let mut out = String::from("// Types for `brief-card/element`, the module that defines <brief-card>.\n// ");
    out.push_str(GENERATED);
    out.push('\n');
    out.push_str(TS_ELEMENT);
    out
}

/// The JSX types of `<brief-card>` for React 19 (types/brief-card-react.d.ts,
/// the package's `brief-card/react`): apart from the element's declarations,
/// which must type-check where @types/react is not installed.
pub fn typescript_react() -> String {
    let mut out = String::from("// Types for `brief-card/react`: <brief-card> in React's JSX.\n// ");
    out.push_str(GENERATED);
    out.push('\n');
    out.push_str(TS_REACT);
    out
}

/// What is written by hand around the generated types.
const TS_API: &str = r#"// ---- the JavaScript API (wasm-bindgen declares the functions and BriefCard) ----

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
"#;

const TS_ELEMENT: &str = r##"//
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
"##;

const TS_REACT: &str = r##"//
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
"##;

// ---- TypeScript from JSON Schema -------------------------------------------

fn ts_definition(name: &str, def: &Value, output: bool) -> String {
    let mut out = String::new();
    out.push_str(&jsdoc("", def));
    let is_interface = def.get("properties").is_some() && def.get("anyOf").is_none();
    if is_interface {
        out.push_str("export interface ");
        out.push_str(name);
        out.push_str(" {\n");
        out.push_str(&ts_properties(def, output, "  "));
        out.push_str("}\n");
    } else {
        out.push_str("export type ");
        out.push_str(name);
        out.push_str(" = ");
        out.push_str(&ts_type(def, output));
        out.push_str(";\n");
    }
    out
}

fn ts_properties(def: &Value, output: bool, indent: &str) -> String {
    let required: Vec<&str> =
        def.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut out = String::new();
    if let Some(props) = def.get("properties").and_then(Value::as_object) {
        for (key, schema) in props {
            out.push_str(&jsdoc(indent, schema));
            out.push_str(indent);
            out.push_str(&ts_key(key));
            let optional = !required.contains(&key.as_str());
            if optional {
                out.push('?');
            }
            out.push_str(": ");
            let mut t = ts_type(schema, output);
            if optional && output {
                t = strip_null(&t);
            }
            out.push_str(&t);
            out.push_str(";\n");
        }
    }
    out
}

fn ts_key(key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        key.to_string()
    } else {
        Value::String(key.to_string()).to_string()
    }
}

fn strip_null(t: &str) -> String {
    t.split(" | ").filter(|p| *p != "null").collect::<Vec<_>>().join(" | ")
}

/// An integer of a range of a few values (`headingLevel`: 1 to 4) as their
/// union (`1 | 2 | 3 | 4`), so that TypeScript refuses what validation would.
fn small_range(obj: &serde_json::Map<String, Value>) -> Option<String> {
    let (min, max) = (obj.get("minimum")?.as_i64()?, obj.get("maximum")?.as_i64()?);
    ((0..=10).contains(&(max - min))).then(|| (min..=max).map(|n| n.to_string()).collect::<Vec<_>>().join(" | "))
}

/// A TypeScript type expression for `schema`.
pub(super) fn ts_type(schema: &Value, output: bool) -> String {
    let Some(obj) = schema.as_object() else {
        return "unknown".into();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
        parts.push(r.rsplit('/').next().unwrap_or(r).to_string());
    } else if let Some(c) = obj.get("const") {
        parts.push(c.to_string());
    } else if let Some(e) = obj.get("enum").and_then(Value::as_array) {
        parts.extend(e.iter().map(Value::to_string));
    } else if let Some(any) = obj.get("anyOf").or_else(|| obj.get("oneOf")).and_then(Value::as_array) {
        parts.extend(any.iter().map(|s| ts_type(s, output)));
    } else if let Some(t) = obj.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for t in types {
            parts.push(match t {
                "string" => "string".into(),
                "integer" => small_range(obj).unwrap_or_else(|| "number".into()),
                "number" => "number".into(),
                "boolean" => "boolean".into(),
                "null" => "null".into(),
                "array" => {
                    let item = obj.get("items").map_or_else(|| "unknown".into(), |i| ts_type(i, output));
                    if item.contains(' ') {
                        format!("({item})[]")
                    } else {
                        format!("{item}[]")
                    }
                }
                "object" if obj.contains_key("properties") => {
                    format!("{{\n{}}}", ts_properties(schema, output, "  "))
                }
                _ => "Record<string, unknown>".into(),
            });
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for p in parts.into_iter().flat_map(|p| p.split(" | ").map(String::from).collect::<Vec<_>>()) {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    if seen.is_empty() {
        "unknown".into()
    } else {
        seen.join(" | ")
    }
}

/// A JSDoc comment: the description, then the constraints in words.
fn jsdoc(indent: &str, schema: &Value) -> String {
    let mut lines: Vec<String> = Vec::new();
    if let Some(d) = schema.get("description").and_then(Value::as_str) {
        lines.extend(d.lines().map(String::from));
    }
    let c = constraints(schema);
    if !c.is_empty() {
        let text = c.join("; ");
        let mut chars = text.chars();
        let first = chars.next().map(|f| f.to_uppercase().collect::<String>()).unwrap_or_default();
        lines.push(format!("{first}{}.", chars.as_str()));
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if lines.len() == 1 {
        out.push_str(&format!("{indent}/** {} */\n", lines.join("")));
    } else {
        out.push_str(&format!("{indent}/**\n"));
        for l in lines {
            out.push_str(&format!("{indent} * {l}\n"));
        }
        out.push_str(&format!("{indent} */\n"));
    }
    out
}

/// The constraints of `schema` in words (for both the declarations and the reference).
pub(super) fn constraints(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let num = |k: &str| schema.get(k).and_then(Value::as_u64);
    match (num("minLength"), num("maxLength")) {
        (Some(min), Some(max)) => out.push(format!("{min} to {max} characters")),
        (None, Some(max)) => out.push(format!("at most {max} characters")),
        (Some(min), None) => out.push(format!("at least {min} characters")),
        (None, None) => {}
    }
    match (num("minItems"), num("maxItems")) {
        (Some(min), Some(max)) => out.push(format!("{min} to {max} items")),
        (None, Some(max)) => out.push(format!("at most {max} items")),
        (Some(min), None) => out.push(format!("at least {min} items")),
        (None, None) => {}
    }
    if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
        match PATTERNS.iter().find(|(_, pattern, _)| *pattern == p) {
            Some((name, _, _)) => out.push(format!("pattern: {name}")),
            None => out.push(format!("pattern `{p}`")),
        }
    }
    out
}
