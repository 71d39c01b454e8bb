// The two ways to use brief-card from a bundler: the functions, after
// init() (which fetches the .wasm that Vite emits beside the glue), and the
// <brief-card> element, defined by importing "brief-card/element".
import init, { renderBrief, validateBrief, type Brief, type BriefError } from "brief-card";
import "brief-card/element";

const target = document.querySelector<HTMLElement>("#api")!;
const status = document.querySelector<HTMLElement>("#status")!;

target.addEventListener("brief-card:render", (e) => {
  status.textContent = `rendered ${e.detail.count} card(s)`;
});
document.querySelector("brief-card")?.addEventListener("brief-card:error", (e) => {
  status.textContent = `the element could not render (${e.detail.reason})`;
});

async function main(): Promise<void> {
  await init();
  const brief: Brief = await (await fetch("/briefs/flash-brief.json")).json();
  const problems = validateBrief(brief);
  if (problems.length) {
    status.textContent = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
    return;
  }
  try {
    renderBrief(target, brief, { theme: "auto", linkTarget: "_blank" });
  } catch (e) {
    status.textContent = (e as BriefError).problems.map((p) => p.message).join("; ");
  }
}

main();
