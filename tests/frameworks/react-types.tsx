// <brief-card> in React's JSX (brief-card/react): copied into the React
// example's src/ by tests/frameworks/run.sh and type-checked with it. What is
// right must type-check; each line after `@ts-expect-error` must be an error
// (tsc reports one that is not), so the typing can neither reject right use
// nor accept wrong use unnoticed.
import { useRef } from "react";
import type { Brief } from "brief-card";
import type { BriefCardElement } from "brief-card/element";

declare const brief: Brief;

export function Right() {
  const ref = useRef<BriefCardElement>(null);
  ref.current?.addEventListener("brief-card:toggle", (e) => e.detail.expanded);
  return (
    <>
      <brief-card ref={ref} className="card" id="lead" lang="es" src="/b.json" theme="dark" layout="compact" locale="es-MX"
        link-target="_self" heading-level={3} loading="eager" timeout={5000} style={{ maxWidth: "40rem" }} hidden={false}>
        <a href="/b.html">Read the brief</a>
      </brief-card>
      <brief-card brief={brief} heading-level="1" timeout="3000" />
      <brief-card brief={[brief, brief]} />
      <brief-card brief='{"title": "JSON text"}' />
      <brief-card jsonld />
      <brief-card jsonld="#lead" onClick={(e) => e.currentTarget.brief} />
      <brief-card data-anything="any value" aria-label="A brief" />
    </>
  );
}

export function Wrong() {
  const divRef = useRef<HTMLDivElement>(null);
  return (
    <>
      {/* @ts-expect-error theme is light, dark or auto */}
      <brief-card theme="blue" />
      {/* @ts-expect-error layout is full or compact */}
      <brief-card layout="wide" />
      {/* @ts-expect-error link-target is _self or _blank */}
      <brief-card link-target="_top" />
      {/* @ts-expect-error heading levels are 1 to 4 */}
      <brief-card heading-level={5} />
      {/* @ts-expect-error loading is eager or lazy */}
      <brief-card loading="soon" />
      {/* @ts-expect-error timeout is a number of milliseconds */}
      <brief-card timeout="ten seconds" />
      {/* @ts-expect-error src is a URL (a string) */}
      <brief-card src={42} />
      {/* @ts-expect-error the brief is a brief */}
      <brief-card brief={42} />
      {/* @ts-expect-error an attribute the element does not have */}
      <brief-card thme="dark" />
      {/* @ts-expect-error the ref is a <brief-card>'s */}
      <brief-card ref={divRef} />
    </>
  );
}
