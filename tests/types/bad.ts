// Wrong use of the package's types: each line after `// @ts-expect-error`
// must be a type error (tsc reports an expect-error that has none).
import { renderBrief, renderBriefHtml, validateBrief, type Brief, type BriefOptions, type Options, type Quote, type Problem } from "brief-card";
import type { BriefCardAttributes } from "brief-card/element";
import "brief-card/element";

declare const target: Element;

// ---- the brief
// @ts-expect-error title is required
export const b1: Brief = {};
// @ts-expect-error title is a string
export const b2: Brief = { title: 42 };
// @ts-expect-error only version 1 exists
export const b3: Brief = { title: "t", version: 2 };
// @ts-expect-error dir is ltr, rtl or auto
export const b4: Brief = { title: "t", dir: "up" };
// @ts-expect-error a quote needs an author
export const b5: Quote = { text: "Said." };
// @ts-expect-error strong is a boolean
export const b6: Brief = { title: "t", summary: { paragraphs: [[{ text: "x", strong: "yes" }]] } };
// @ts-expect-error a paragraph is a string or an array of runs, not a run
export const b7: Brief = { title: "t", summary: { paragraphs: [{ text: "x" }] } };
// @ts-expect-error an image needs alt
export const b8: Brief = { title: "t", image: { src: "/i.png" } };
// @ts-expect-error a related link needs a url
export const b9: Brief = { title: "t", related: [{ title: "r" }] };
// @ts-expect-error a misspelt field
export const b10: Brief = { title: "t", sumary: { paragraphs: [] } };
// @ts-expect-error tags are objects
export const b11: Brief = { title: "t", tags: ["Iran"] };
// @ts-expect-error labels are strings
export const b12: Brief = { title: "t", labels: { tags: 3 } };

// ---- the options
// @ts-expect-error no such theme
export const o1: BriefOptions = { theme: "neon" };
// @ts-expect-error no such link target
export const o2: BriefOptions = { linkTarget: "_top" };
// @ts-expect-error shadow is a boolean
export const o3: BriefOptions = { shadow: "no" };
// @ts-expect-error the title's level is 1 to 4
export const o4: BriefOptions = { headingLevel: 7 };
// @ts-expect-error a misspelt option
renderBriefHtml({ title: "t" }, { emial: true });

// ---- the functions
// @ts-expect-error the target is an element, not a selector
renderBrief("#brief", { title: "t" });
// @ts-expect-error a brief is an object, an array of briefs or JSON text
renderBrief(target, 42);
// @ts-expect-error renderBrief needs a brief
renderBrief(target);
// @ts-expect-error validateBrief returns problems, not a boolean
export const ok: boolean = validateBrief({ title: "t" });
// @ts-expect-error a problem has no line number
export const line = (p: Problem) => p.line;
// @ts-expect-error renderBriefHtml returns a string
export const n: number = renderBriefHtml({ title: "t" });

// ---- the events and the element
target.addEventListener("brief-card:render", (e) => {
  // @ts-expect-error count is a number
  const s: string = e.detail.count;
  return s;
});
target.addEventListener("brief-card:link", (e) => {
  // @ts-expect-error link events have no problems
  return e.detail.problems;
});
// @ts-expect-error the element's brief is a brief
document.createElement("brief-card").brief = 42;
// @ts-expect-error theme is light, dark or auto
export const a1: BriefCardAttributes = { theme: "blue" };
// @ts-expect-error heading levels are 1 to 4
export const a2: BriefCardAttributes = { "heading-level": 5 };
// @ts-expect-error jsonld names a script by "#id"
export const a3: BriefCardAttributes = { jsonld: "lead" };
// @ts-expect-error Options is BriefOptions: layout is full or compact
export const o4: Options = { layout: "grid" };
