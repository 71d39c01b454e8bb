// Exercises every export under the strict CSP: renderBrief (shadow and light
// DOM), update, clicks on "Show more" and "Copy link", destroy, renderBriefHtml
// (fragment and email), validateBrief, a refused brief, and <brief-card>.
import init, { renderBrief, renderBriefHtml, validateBrief } from "/pkg/brief_card.js";

const steps = [];
const step = (name, f) => { try { const r = f(); steps.push({ name, ok: true }); return r; } catch (e) { steps.push({ name, ok: false, error: String(e?.message ?? e) }); } };

await init();
await import("/brief-card.js").catch((e) => steps.push({ name: "import brief-card.js", ok: false, error: e.message }));
const flash = await (await fetch("/briefs/flash-brief.json")).json();
const feed = await (await fetch("/briefs/feed.json")).json();
const long = { ...flash, summary: { paragraphs: Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1}`) } };

const shadow = step("renderBrief (shadow)", () => renderBrief(document.getElementById("shadow-target"), long, { theme: "auto" }));
step("toggle click", () => document.getElementById("shadow-target").shadowRoot.querySelector("button.bc-toggle").click());
step("copy-link click", () => document.getElementById("shadow-target").shadowRoot.querySelector("button.bc-copy").click());
step("update (shadow)", () => shadow.update(feed));
const light = step("renderBrief (light)", () => renderBrief(document.getElementById("light-target"), flash, { shadow: false, linkTarget: "_blank" }));
step("update (light)", () => light.update(long));
step("refused update", () => { try { light.update({ title: "" }); } catch (e) { if (!Array.isArray(e.problems)) throw e; } });
step("renderBriefHtml", () => { if (!renderBriefHtml(flash).startsWith("<article")) throw new Error("no article"); });
step("renderBriefHtml email", () => { if (!renderBriefHtml(feed, { email: true, baseUrl: "https://example.org/" }).startsWith("<table")) throw new Error("no table"); });
step("validateBrief", () => { if (validateBrief(flash).length || !validateBrief({ title: "" }).length) throw new Error("wrong problems"); });
const shown = {
  shadowCards: document.getElementById("shadow-target").shadowRoot?.querySelectorAll("article").length ?? 0,
  lightCards: document.querySelectorAll("#light-target article").length,
};
step("destroy (shadow)", () => { shadow.destroy(); shadow.free(); });
step("destroy (light)", () => { light.destroy(); light.free(); });
const restored = document.querySelector("#light-target > p")?.textContent === "host content";
// The element: wait for the fetched card.
const el = document.getElementById("fetched");
if (!el.shadowRoot?.querySelector("article")) {
  await new Promise((r) => { el.addEventListener("brief-card:render", r, { once: true }); el.addEventListener("brief-card:error", r, { once: true }); setTimeout(r, 10000); });
}
const element = { state: el.dataset.state ?? null, cards: el.shadowRoot?.querySelectorAll("article").length ?? 0 };
el.remove();
// Let any late violation (styles, images) arrive.
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300)));
window.__result = { steps, shown, restored, element };
