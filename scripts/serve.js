#!/usr/bin/env node
// Minimal static server for the built site (dist/). Used by `npm start` and by the browser tests
// (tests/browser/harness.ts calls `serve(dir, {port: 0})` to get a free port).
// Usage: node scripts/serve.js [dir] [--port N] [--host H]
// Clean URLs as Framework builds them: /data -> data.html, /dir/ -> dir/index.html.
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml",
  ".png": "image/png", ".csv": "text/csv; charset=utf-8", ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.stream", ".woff2": "font/woff2", ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8", ".map": "application/json"
};

/** Map a URL path to a file under root, or null. Throws {code: "EACCES"} for paths escaping root. */
async function locate(root, urlPath) {
  const file = normalize(join(root, urlPath));
  if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("forbidden"), {code: "EACCES"});
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return {file, size: info.size};
  const candidates = info?.isDirectory() ? [join(file, "index.html")] : extname(file) ? [] : [file + ".html"];
  for (const c of candidates) {
    const i = await stat(c).catch(() => null);
    if (i?.isFile()) return {file: c, size: i.size};
  }
  return null;
}

/** Start serving `dir`. Resolves with the listening http.Server (use server.address().port with port 0). */
export function serve(dir, {port = 3000, host = "127.0.0.1", quiet = true} = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, {allow: "GET, HEAD"}).end();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const found = await locate(root, path);
      if (!found) {
        res.writeHead(404, {"content-type": "text/plain"}).end("Not found");
        if (!quiet) console.warn(`404 ${path}`);
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(found.file)] ?? "application/octet-stream",
        "content-length": found.size,
        // Framework puts a content hash in every asset name (/_file, /_node, /_import, /_observablehq),
        // so those can be cached for good; pages must be revalidated.
        "cache-control": /^\/_/.test(path) ? "public, max-age=31536000, immutable" : "no-cache"
      });
      if (req.method === "HEAD") return void res.end();
      createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
    } catch (error) {
      const forbidden = error.code === "EACCES";
      res.writeHead(forbidden ? 403 : 400, {"content-type": "text/plain"}).end(forbidden ? "Forbidden" : "Bad request");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const dir = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "dist";
  const port = Number(opt("--port", process.env.PORT ?? 3000));
  const host = opt("--host", "127.0.0.1");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be an integer 0-65535, got "${opt("--port", process.env.PORT)}"`);
    process.exit(2);
  }
  serve(dir, {port, host, quiet: false}).then(
    (server) => console.log(`Serving ${resolve(dir)} at http://${host}:${server.address().port}/`),
    (error) => {
      console.error(`serve: cannot listen on ${host}:${port}: ${error.message}`);
      process.exit(1);
    }
  );
}
