#!/usr/bin/env node
// Minimal static server for the built site (dist/). Used by `npm start` and by the browser tests.
// Usage: node scripts/serve.js [dir] [--port N] [--host H]
import {createServer} from "node:http";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize, resolve, sep} from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml",
  ".png": "image/png", ".csv": "text/csv; charset=utf-8", ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file", ".woff2": "font/woff2", ".woff": "font/woff", ".txt": "text/plain"
};

export function serve(dir, {port = 3000, host = "127.0.0.1"} = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("forbidden"), {code: "EACCES"});
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, "index.html");
      else if (!info && !extname(file)) file += ".html";
      const body = await readFile(file);
      res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === "EACCES" ? 403 : 404, {"content-type": "text/plain"});
      res.end(error.code === "EACCES" ? "Forbidden" : "Not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const dir = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "dist";
  const port = Number(opt("--port", process.env.PORT ?? 3000));
  const host = opt("--host", "127.0.0.1");
  serve(dir, {port, host}).then(() => console.log(`Serving ${dir} at http://${host}:${port}/`));
}
