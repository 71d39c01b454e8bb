// brief-card/element is importable where there is no DOM (server rendering,
// Node tests): it defines nothing there and throws nothing.
import { test } from "node:test";
import assert from "node:assert/strict";

test("the element module imports in Node without a DOM", async () => {
  assert.equal(globalThis.HTMLElement, undefined, "this test needs a plain Node global scope");
  await assert.doesNotReject(import("../../www/brief-card.js"));
  assert.equal(globalThis.customElements, undefined, "nothing was defined");
});
