// A tiny static server for the built playground (www/dist): `make playground` and the browser
// tests. Sends the page's Content-Security-Policy as a header too, and the right MIME type for
// .wasm (WebAssembly.instantiateStreaming needs application/wasm).
//   node serve.mjs [--port 8080] [--host 127.0.0.1] [--dir dist]
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Scripts: only this origin's files and WebAssembly compilation, no eval of any kind.
// Styles: 'unsafe-inline' because CodeMirror injects its themes as <style> elements (a nonce
// would need a server that makes one per response; the docs site serves static files).
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Starts the server; resolves to `{ server, url }` once it listens. `port: 0` picks a free one. */
export function serve({ dir, port = 8080, host = "127.0.0.1" }) {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await fs.stat(file).catch(() => null))?.isDirectory()) file = path.join(file, "index.html");
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": CSP });
      res.end("not found\n");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host}:${p}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { url } = await serve({
    dir: arg("dir", path.join(here, "dist")),
    port: Number(arg("port", process.env.PORT ?? 8080)),
    host: arg("host", "127.0.0.1"),
  });
  console.log(`doris-lint playground: ${url}`);
}
