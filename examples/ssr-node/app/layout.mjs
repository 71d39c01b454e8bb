// The root layout (app/layout.js in Next.js): the document around every page.
// The element's module loads in the head; the glue and the .wasm it fetches
// are preloaded, since the first screen shows a card.
import { ASSETS } from "../lib/brief-card.mjs";

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export default function RootLayout({ metadata, children }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(metadata.title)}</title>
  <link rel="icon" href="/favicon.svg">
  <link rel="stylesheet" href="/app.css">
  <script type="module" src="${ASSETS}brief-card.js"></script>
  <link rel="modulepreload" href="${ASSETS}brief_card.js">
  <link rel="preload" href="${ASSETS}brief_card_bg.wasm" as="fetch" crossorigin>
</head>
<body>
${children}
</body>
</html>
`;
}
