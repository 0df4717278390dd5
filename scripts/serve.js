#!/usr/bin/env node
// Static server for the built site (dist/). Used by `npm start` and by the browser tests
// (tests/browser/harness.ts calls `serve(dir, {port: 0})` to get a free port).
// Usage: node scripts/serve.js [dir] [--port N] [--host H]
//
// - Clean URLs as Framework builds them: /data -> data.html, /dir/ -> dir/index.html.
// - Compression: a precompressed sibling (`x.js.br`, `x.js.gz`, written by scripts/precompress.js after the build)
//   is sent when the browser accepts it (brotli first); a compressible file without one is gzipped on the fly.
//   DuckDB-wasm's 34 MB arrive as about 8 MB this way.
// - Cache: Framework's content-hashed assets (`name.<8 hex>.ext`) and versioned packages (`/_node/pkg@1.2.3/`) are
//   immutable for a year; everything else (pages) is revalidated (ETag, 304).
// - Unknown URLs get dist/404.html (Framework's src/404.md) with status 404.
// - `--base /a/b/` serves the site under a sub-path, as GitHub Pages does (https://host/org/repo/); other paths are 404.
// - No path traversal: the decoded path must stay under the root after resolving symbolic links; NUL bytes and
//   malformed %-escapes are a 400.
import {createReadStream} from "node:fs";
import {realpath, stat} from "node:fs/promises";
import {createServer} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {createGzip} from "node:zlib";

export const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
  ".gif": "image/gif", ".ico": "image/x-icon", ".csv": "text/csv; charset=utf-8", ".tsv": "text/tab-separated-values; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet", ".arrow": "application/vnd.apache.arrow.stream",
  ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8", ".map": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8",
  ".pdf": "application/pdf", ".zip": "application/zip", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
};

/** Types worth compressing (text and wasm; images, fonts, Parquet and zip are compressed already). */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".csv", ".tsv", ".arrow", ".txt", ".md", ".map", ".xml", ".ico"]);
/** Smaller files are sent as they are: compression would save less than it costs. */
export const MIN_COMPRESS = 1024;

/**
 * True for content-hashed or versioned asset paths, which never change under the same URL: Framework's
 * `name.<8 hex>.ext`, versioned packages `/_node/pkg@1.2.3/`, and the page bundles `/_bundle/` (esbuild [hash] names).
 */
export function isImmutable(path) {
  return /^\/_bundle\/.+\.[A-Z0-9]{8}\.js$/.test(path) ||
    (/^\/_/.test(path) && (/\.[0-9a-f]{8}\.[a-z0-9]+$/i.test(path) || /\/_(node|npm)\/(@[^/]+\/)?[^/]+@\d[^/]*\//.test(path)));
}

/** Pick the encoding for an Accept-Encoding header among those available. Example: `pick("gzip, br", ["br","gzip"])` -> "br". */
export function pickEncoding(accept, available) {
  const q = new Map();
  for (const part of String(accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  const ok = (name) => (q.has(name) ? q.get(name) > 0 : q.has("*") && q.get("*") > 0);
  return available.find(ok) ?? null;
}

const fileInfo = (p) => stat(p).then((i) => (i.isFile() ? i : null), () => null);

/** Map a URL path to a file under root, or null. Throws {code: "EACCES"} for paths escaping root. */
async function locate(root, urlPath) {
  const file = normalize(join(root, urlPath));
  if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("forbidden"), {code: "EACCES"});
  const info = await stat(file).catch(() => null);
  const candidates = info?.isFile() ? [file] : info?.isDirectory() ? [join(file, "index.html")] : extname(file) ? [] : [file + ".html"];
  for (const c of candidates) {
    const i = await fileInfo(c);
    if (!i) continue;
    // A symbolic link inside dist must not lead outside it.
    const real = await realpath(c);
    if (real !== root && !real.startsWith(root + sep)) throw Object.assign(new Error("forbidden"), {code: "EACCES"});
    return {file: c, info: i};
  }
  return null;
}

/** Send `found` (a file and its stat) with compression, caching and the given status. */
async function send(req, res, found, {status = 200, immutable = false} = {}) {
  const ext = extname(found.file);
  const headers = {
    "content-type": TYPES[ext] ?? "application/octet-stream",
    "x-content-type-options": "nosniff",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache"
  };
  const compressible = COMPRESSIBLE.has(ext) && found.info.size >= MIN_COMPRESS;
  if (compressible) headers.vary = "Accept-Encoding";
  const etag = `"${found.info.size.toString(36)}-${Math.floor(found.info.mtimeMs).toString(36)}"`;
  if (status === 200) {
    headers.etag = etag;
    headers["last-modified"] = new Date(found.info.mtimeMs).toUTCString();
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, headers).end();
  }
  let body = found.file;
  let size = found.info.size;
  let gzipNow = false;
  if (compressible) {
    const pre = {br: await fileInfo(found.file + ".br"), gzip: await fileInfo(found.file + ".gz")};
    // A precompressed copy older than its source is stale (a rebuild without precompress): ignore it.
    const fresh = (k) => pre[k] && pre[k].mtimeMs >= found.info.mtimeMs;
    // Brotli only when precompressed (it is too slow to do per request); gzip from a copy or on the fly.
    const encoding = pickEncoding(req.headers["accept-encoding"], fresh("br") ? ["br", "gzip"] : ["gzip"]);
    if (encoding && fresh(encoding)) {
      headers["content-encoding"] = encoding;
      body = found.file + (encoding === "br" ? ".br" : ".gz");
      size = pre[encoding].size;
    } else if (encoding === "gzip") {
      headers["content-encoding"] = "gzip";
      gzipNow = true;
    }
  }
  if (!gzipNow) headers["content-length"] = size;
  res.writeHead(status, headers);
  if (req.method === "HEAD") return void res.end();
  const stream = createReadStream(body).on("error", () => res.destroy());
  if (gzipNow) stream.pipe(createGzip({level: 6})).pipe(res);
  else stream.pipe(res);
}

/** Start serving `dir`. Resolves with the listening http.Server (use server.address().port with port 0). */
export async function serve(dir, {port = 3000, host = "127.0.0.1", quiet = true, base = "/"} = {}) {
  const root = await realpath(resolve(dir));
  const prefix = "/" + base.replace(/^\/+|\/+$/g, "") + (base.replace(/\//g, "") ? "/" : "");
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, {allow: "GET, HEAD"}).end();
      return;
    }
    try {
      const full = new URL(req.url, "http://x").pathname;
      // Under a sub-path, `/a/b` goes to `/a/b/` (as GitHub Pages does); anything outside it is not the site.
      if (prefix !== "/" && full === prefix.slice(0, -1)) return void res.writeHead(301, {location: prefix}).end();
      const raw = full.startsWith(prefix) ? full.slice(prefix.length - 1) : null;
      if (raw === null) {
        res.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Not found");
        return;
      }
      const path = decodeURIComponent(raw);
      if (path.includes("\0")) throw Object.assign(new Error("bad path"), {code: "EBADPATH"});
      const found = await locate(root, path);
      if (found) return await send(req, res, found, {immutable: isImmutable(path)});
      if (!quiet) console.warn(`404 ${path}`);
      const notFound = await fileInfo(join(root, "404.html"));
      if (notFound) return await send(req, res, {file: join(root, "404.html"), info: notFound}, {status: 404});
      res.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Not found");
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      const forbidden = error.code === "EACCES";
      res.writeHead(forbidden ? 403 : 400, {"content-type": "text/plain; charset=utf-8"}).end(forbidden ? "Forbidden" : "Bad request");
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
  const base = opt("--base", "/");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be an integer 0-65535, got "${opt("--port", process.env.PORT)}"`);
    process.exit(2);
  }
  serve(dir, {port, host, quiet: false, base}).then(
    (server) => console.log(`Serving ${resolve(dir)} at http://${host}:${server.address().port}${"/" + base.replace(/^\/+|\/+$/g, "") + (base.replace(/\//g, "") ? "/" : "")}`),
    (error) => {
      console.error(`serve: cannot serve ${resolve(dir)} on ${host}:${port}: ${error.message}`);
      process.exit(1);
    }
  );
}
