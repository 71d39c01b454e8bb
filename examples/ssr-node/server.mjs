// A Next.js-style server in plain Node (node:http, no dependencies but
// brief-card): each route is an async page module inside app/layout.mjs,
// rendered per request; public/ is served as it is; and /brief-card@VERSION/
// serves the browser's files of the installed package (the element, its
// glue, the glue's JS snippets and the .wasm).
//
//   npm start                 (node server.mjs; PORT=0 picks a free port, HOST defaults to 127.0.0.1)
import http from "node:http";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import RootLayout from "./app/layout.mjs";
import * as home from "./app/page.mjs";
import { ASSETS, packageDir } from "./lib/brief-card.mjs";

// The routes, as Next.js would find them in app/.
const routes = new Map([["/", home]]);

const TYPES = {
  ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
};
// The package's files a browser needs, and nothing else of it.
const PACKAGE_FILE = /^(brief-card\.js|brief_card\.js|brief_card_bg\.wasm|snippets\/[\w.-]+(\/[\w.-]+)*\.js)$/;
const PUBLIC_FILE = /^[\w-]+\.(css|svg)$/;

/**
 * The page's Content-Security-Policy. The card's stylesheet is a `<style>`
 * in its declarative shadow root, an inline style: `style-src` allows it by
 * its hash (without it, the card shows unstyled until the element upgrades
 * it with a constructed stylesheet, which CSP does not restrict). The
 * element needs `'wasm-unsafe-eval'` to compile the .wasm, and runs under
 * Trusted Types.
 */
function policy(html) {
  const hashes = new Set([...html.matchAll(/<style>([^<]*)<\/style>/g)]
    .map(([, css]) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`));
  return [
    "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'",
    `style-src 'self' ${[...hashes].join(" ")}`.trim(), "img-src 'self'",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    "require-trusted-types-for 'script'", "trusted-types 'none'",
  ].join("; ");
}

async function handle(req, res) {
  const url = new URL(req.url, "http://localhost");
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed\n", { allow: "GET, HEAD" });

  const route = routes.get(url.pathname);
  if (route) {
    const html = RootLayout({ metadata: route.metadata, children: await route.default() });
    return send(res, 200, html, {
      "content-type": "text/html; charset=utf-8", "content-security-policy": policy(html), "cache-control": "no-store",
    });
  }

  let path;
  try { path = decodeURIComponent(url.pathname); } catch { return send(res, 400, "bad request\n"); }
  if (path.startsWith(ASSETS) && PACKAGE_FILE.test(path.slice(ASSETS.length))) {
    const rel = path.slice(ASSETS.length);
    return sendFile(res, new URL(rel, packageDir), { "cache-control": "public, max-age=31536000, immutable" });
  }
  if (PUBLIC_FILE.test(path.slice(1))) {
    return sendFile(res, new URL(`public${path}`, import.meta.url), { "cache-control": "no-cache" });
  }
  return send(res, 404, "not found\n");
}

async function sendFile(res, file, headers) {
  let body;
  try { body = await readFile(file); } catch { return send(res, 404, "not found\n"); }
  send(res, 200, body, { "content-type": TYPES[extname(file.pathname)] ?? "application/octet-stream", ...headers });
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    // An invalid brief, for one: its problems, with their paths, go to the log.
    console.error(`${req.method} ${req.url}: ${e.message}`);
    if (!res.headersSent) send(res, 500, "internal server error\n");
  });
});

const host = process.env.HOST ?? "127.0.0.1";
server.listen(Number(process.env.PORT ?? 3000), host, () => {
  console.log(`ready on http://${host}:${server.address().port}/`);
});
