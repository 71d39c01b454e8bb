// brief-card on the server: the package's WebAssembly is initialised once
// per process from the file's bytes (Node has no fetch of file: URLs), and
// every request renders with it.
import { readFile } from "node:fs/promises";
import init, { renderBriefHtml } from "brief-card";

const ready = readFile(new URL(import.meta.resolve("brief-card/brief_card_bg.wasm")))
  .then((bytes) => init({ module_or_path: bytes }));

/**
 * The card for `brief` (an object or JSON text) as server-rendered HTML: a
 * `<brief-card>` whose open declarative shadow root holds the card, so it
 * shows before any script runs, and which the element upgrades in place.
 * Throws an Error whose `problems` list what is wrong with the brief.
 */
export async function briefCard(brief, options = {}) {
  await ready;
  return renderBriefHtml(brief, { ...options, declarativeShadowDom: true });
}

// What the browser needs of the installed package (the element, the glue it
// imports, its JS snippets and the .wasm), served under its version so that
// the files can be cached for good: a new version is a new URL.
export const packageDir = new URL(".", import.meta.resolve("brief-card/package.json"));
const { version } = JSON.parse(await readFile(new URL("package.json", packageDir), "utf8"));
export const ASSETS = `/brief-card@${version}/`;
