// Accessibility: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA, and axe's best
// practices) on every example brief, light and dark, full and compact,
// collapsed and expanded. All of them on one page, as a host's page of cards
// has them: the best practices then check, for one, that no two cards'
// landmarks share a name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeSource, examples, mount, open, useBrowser } from "./helpers.mjs";

const env = useBrowser();
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const briefs = [...examples.map((b) => `/briefs/${b}.json`), "/data/long.json"];

const variants = [
  { theme: "light", layout: "full" }, { theme: "dark", layout: "full" },
  { theme: "light", layout: "compact" }, { theme: "dark", layout: "compact" },
  { theme: "auto", layout: "full", colorScheme: "dark" },
];

/** Formats violations so a failure says exactly what and where. */
const describe = (violations) => violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 6).map((n) =>
  `    ${JSON.stringify(n.target)} ${n.html.slice(0, 120)}\n      ${n.failureSummary.replace(/\n/g, "\n      ")}`).join("\n")).join("\n  ");

for (const { theme, layout, colorScheme = "light" } of variants) {
  test(`axe: every example, theme=${theme} layout=${layout}${colorScheme === "dark" ? " (dark scheme)" : ""}`, async () => {
    const t = await open(env, "/blank.html", { colorScheme });
    // The page's own heading, which a host has and the best practices ask for; the cards' titles are h2.
    await t.page.evaluate(() => document.querySelector("main").insertAdjacentHTML("afterbegin", "<h1>Briefs</h1>"));
    for (const src of briefs) {
      const ev = await mount(t.page, { src, theme, layout, loading: "eager" }, { into: "main" });
      assert.equal(ev.type, "brief-card:render", `${src}: ${JSON.stringify(ev.detail)}`);
    }
    await t.page.addScriptTag({ path: axeSource });
    const run = () => t.page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
      .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })) }))), TAGS);
    if (theme === "light" && layout === "full") {
      // axe really looks inside the cards' shadow roots: it checked the contrast of shadow nodes.
      const inside = await t.page.evaluate(() => axe.run(document, { runOnly: ["color-contrast"] }).then((r) => r.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length));
      assert.ok(inside > 20, `axe checked nodes inside shadow roots (${inside})`);
    }
    const collapsed = await run();
    // Expand every "Show more" and audit again.
    await t.page.$$eval("brief-card", (els) => els.forEach((e) => e.shadowRoot.querySelectorAll(".bc-toggle").forEach((b) => b.click())));
    const expanded = await run();
    await t.close();
    assert.equal(collapsed.length, 0, `violations:\n  ${describe(collapsed)}`);
    assert.equal(expanded.length, 0, `violations (expanded):\n  ${describe(expanded)}`);
  });
}
