// What a page reports that a check should fail on: uncaught errors, console
// errors and warnings, failed requests and HTTP errors, one line each.
// Shared by check.mjs (the framework apps) and ssr-check.mjs (server rendering).
export function watch(tab) {
  const reported = [];
  tab.on("pageerror", (e) => reported.push(`page error: ${e.message}`));
  tab.on("console", (m) => {
    // (a failed load is reported by the response handler, which knows the URL)
    if ((m.type() === "error" && !m.text().startsWith("Failed to load resource")) || m.type() === "warning") reported.push(`console.${m.type()}: ${m.text()}`);
  });
  tab.on("requestfailed", (r) => reported.push(`request failed: ${r.url()}`));
  tab.on("response", (r) => { if (r.status() >= 400) reported.push(`HTTP ${r.status()}: ${r.url()}`); });
  return reported;
}
