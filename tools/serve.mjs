// A small static file server for www/ on loopback: the demo and the
// browser tests use it. Files named *.csp.html are served with the strict
// Content-Security-Policy the widget promises to work under.
//   node tools/serve.mjs [--port 8080] [--root www]
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const root = resolve(opt("--root", new URL("../www", import.meta.url).pathname));
const port = Number(opt("--port", process.env.PORT || 8080));

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".png": "image/png", ".svg": "image/svg+xml", ".ts": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

export function createServer(dir = root) {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path;
    try {
      path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad request"); // malformed %-escape (URIError)
      return;
    }
    let file = join(dir, path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const headers = { "content-type": types[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      if (file.endsWith(".csp.html")) headers["content-security-policy"] = STRICT_CSP;
      // Tests ask for a slow response with ?delay=ms, and for one sent in two
      // parts with ?split=bytes&pause=ms (the page as a slow network streams it).
      const delay = Number(url.searchParams.get("delay") || 0);
      if (delay) await new Promise((r) => setTimeout(r, Math.min(delay, 30000)));
      const split = Number(url.searchParams.get("split") || 0);
      if (split > 0 && split < body.length) {
        res.writeHead(200, headers).write(body.subarray(0, split));
        await new Promise((r) => setTimeout(r, Math.min(Number(url.searchParams.get("pause") || 0), 30000)));
        res.end(body.subarray(split));
        return;
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  createServer().listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://localhost:${port}/`));
}
