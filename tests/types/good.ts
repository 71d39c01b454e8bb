// Correct use of the package's types: must type-check (tsc --noEmit -p tests/types).
import init, {
  initSync, renderBrief, renderBriefHtml, validateBrief,
  type Brief, type BriefCard, type BriefCardElement, type BriefDocument, type BriefError, type BriefErrorDetail,
  type BriefInput, type BriefOptions, type InitOutput, type Options, type Labels, type Paragraph, type Problem, type Quote, type Run,
} from "brief-card";
import type { BriefCardAttributes } from "brief-card/element";
import "brief-card/element";

const paragraph: Paragraph = ["Iran's president ", { text: "began a tour", href: "https://example.org/tour", strong: true }, "."];
const run: Run = { text: "emphasised", em: true };
const quote: Quote = { text: [run, " and plain"], author: "Emanuele Ottolenghi", role: "Senior Fellow", url: "/experts/eo" };
const labels: Labels = { summary: "Lo último", readMore: "Leer más" };

const brief: Brief = {
  version: 1,
  id: "raisi-latin-america-tour-2023",
  kind: "Flash Brief",
  title: "Iran's Raisi Embarks on Five-Day Tour of Latin American Countries",
  date: "2023-06-13",
  url: "https://example.org/briefs/raisi",
  lang: "en",
  dir: "ltr",
  publisher: { name: "Example Institute", url: "https://example.org/", logo: "/logo.png" },
  image: { src: "/images/raisi.jpg", alt: "", caption: "Caracas, June 2023" },
  summary: { heading: "Latest Developments", paragraphs: ["Plain text.", paragraph] },
  quotes: [quote, { text: "Said.", author: "A. Expert" }],
  sections: [{ heading: "Background", paragraphs: ["…"] }],
  related: [{ title: "Earlier analysis", url: "/briefs/0", author: "B", date: "2023-01-02T10:00:00Z", kind: "Analysis" }],
  tags: [{ label: "Iran", url: "/tags/iran" }, { label: "Latin America" }],
  labels,
};
// null counts as absent.
const sparse: Brief = { title: "Only a title", date: null, url: null, quotes: null, dir: null, version: null };
const feed: BriefDocument = [brief, sparse];
const inputs: BriefInput[] = [brief, feed, JSON.stringify(brief)];

export async function main(target: Element, host: HTMLElement): Promise<void> {
  const out: InitOutput = await init();
  out.memory.buffer.byteLength;
  await init({ module_or_path: new URL("./brief_card_bg.wasm", import.meta.url) });
  initSync({ module: new Uint8Array(8) });

  const options: BriefOptions = {
    theme: "auto", layout: "compact", locale: "fr-FR", labels: { tags: "Sujets" },
    linkTarget: "_blank", shadow: false, email: false, baseUrl: "https://example.org/",
  };
  const card: BriefCard = renderBrief(target, brief, options);
  // The contract's name for the options (docs/brief-format.md) is the same type.
  const sameOptions: Options = options;
  renderBrief(target, brief, sameOptions);
  renderBrief(host, feed);
  for (const input of inputs) card.update(input);
  card.update({ title: "Updated" });
  card.destroy();
  card.free();
  card[Symbol.dispose]();

  const html: string = renderBriefHtml(brief, { email: true, baseUrl: "https://example.org/" });
  html.length;
  renderBriefHtml('{"title": "From JSON text"}');
  // schema.org JSON-LD, as a publisher's page has it, is read as a brief.
  renderBrief(target, { "@context": "https://schema.org", "@type": "NewsArticle", headline: "H", author: [{ "@type": "Person", name: "A" }] });
  renderBriefHtml([{ "@context": "https://schema.org", "@type": "NewsArticle", headline: "A" }], { headingLevel: 3 });

  const problems: Problem[] = validateBrief(JSON.parse("{}") as unknown);
  problems.map((p) => `${p.path}: ${p.message}`);
  try {
    renderBrief(target, "{}");
  } catch (e) {
    const error = e as BriefError;
    error.message;
    error.problems.forEach((p) => p.path);
  }

  // Data of unknown shape (fetched JSON is `any`) is accepted and validated at run time.
  const fetched = await (await fetch("/briefs/flash-brief.json")).json();
  renderBrief(target, fetched);

  // The events, on any element, typed.
  target.addEventListener("brief-card:render", (e) => { const n: number = e.detail.count; n; });
  host.addEventListener("brief-card:error", (e) => {
    const detail: BriefErrorDetail = e.detail;
    detail.problems.forEach((p) => p.message);
    if (detail.reason === "http") detail.status?.toFixed();
    if (detail.reason === "timeout") detail.timeout?.toFixed();
  });
  host.addEventListener("brief-card:link", (e) => { const url: string = e.detail.url; e.detail.block; url; e.preventDefault(); });
  host.addEventListener("brief-card:toggle", (e) => { const open: boolean = e.detail.expanded; open; });
  // They bubble and are composed: typed where they arrive too.
  document.addEventListener("brief-card:link", (e) => { const url: string = e.detail.url; url; });
  window.addEventListener("brief-card:error", (e) => { const paths: string[] = e.detail.problems.map((p) => p.path); paths; });
  host.shadowRoot?.addEventListener("brief-card:render", (e) => e.detail.count);

  // The element.
  const el: BriefCardElement = document.createElement("brief-card");
  el.brief = brief;
  el.brief = [brief, sparse];
  el.brief = '{"title": "JSON text"}';
  el.setAttribute("theme", "dark");
  el.addEventListener("brief-card:error", (e) => e.detail.reason);
  document.querySelector("brief-card")?.brief;
  document.body.append(el);

  // Its attributes, as a framework's template types them (no React needed).
  const attributes: BriefCardAttributes = { src: "/b.json", theme: "auto", layout: "compact", "link-target": "_blank", "heading-level": 3, loading: "eager", timeout: "5000", jsonld: "#lead" };
  attributes.locale = "fa-IR";
}
