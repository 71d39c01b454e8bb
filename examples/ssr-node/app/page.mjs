// The home page (app/page.js in Next.js: an async server component). The
// brief is read per request, as from a content system, and rendered here,
// on the server, into declarative shadow DOM: the reader sees the card at
// once, and <brief-card> makes it interactive when its module has loaded,
// without changing a pixel.
import { readFile } from "node:fs/promises";
import { briefCard } from "../lib/brief-card.mjs";

export const metadata = { title: "Briefs, rendered on the server" };

export default async function Page() {
  const brief = JSON.parse(await readFile(new URL("../briefs/flash-brief.json", import.meta.url), "utf8"));
  const card = await briefCard(brief, { theme: "auto" });
  return `<main>
  <h1>Latest brief</h1>
  ${card}
  <p>The card above was rendered on the server.</p>
</main>`;
}
