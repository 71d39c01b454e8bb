// <brief-card> in React 19. Importing "brief-card/element" defines the
// element (in Node, for server rendering, it defines nothing and throws
// nothing); the JSX types come from "brief-card/react" (tsconfig.json "types").
import { useCallback, useState } from "react";
import "brief-card/element";
import type { BriefCardElement } from "brief-card/element";

export function App() {
  const [status, setStatus] = useState("loading the brief…");

  // React cannot bind `brief-card:*` events in JSX: an attribute name cannot
  // hold a colon. Listen through a ref instead. A ref callback runs as soon
  // as the element is in the page, before it can render, and React 19 calls
  // the function it returns when the element goes.
  const listen = useCallback((card: BriefCardElement | null) => {
    if (!card) return;
    const rendered = (e: HTMLElementEventMap["brief-card:render"]) =>
      setStatus(`brief-card:render: ${e.detail.count} card`);
    const failed = (e: HTMLElementEventMap["brief-card:error"]) =>
      setStatus(`brief-card:error: ${e.detail.reason}`);
    const followed = (e: HTMLElementEventMap["brief-card:link"]) =>
      setStatus(`brief-card:link: ${e.detail.url}`);
    card.addEventListener("brief-card:render", rendered);
    card.addEventListener("brief-card:error", failed);
    card.addEventListener("brief-card:link", followed);
    return () => {
      card.removeEventListener("brief-card:render", rendered);
      card.removeEventListener("brief-card:error", failed);
      card.removeEventListener("brief-card:link", followed);
    };
  }, []);

  return (
    <main>
      <h1>brief-card in React</h1>
      <brief-card ref={listen} className="card" src="/briefs/flash-brief.json" theme="auto" link-target="_blank" loading="eager">
        {/* shown until the card renders, and kept if it cannot */}
        <a href="https://example.org/briefs/raisi-latin-america-tour">Read the brief</a>
      </brief-card>
      <p id="status" role="status">{status}</p>
    </main>
  );
}
