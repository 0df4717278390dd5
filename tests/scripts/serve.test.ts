// scripts/serve.js (`npm start`, the browser tests): compression (precompressed brotli/gzip, gzip on the fly),
// content types, cache headers, ETag, the 404 page with status 404, and no way out of the served folder.
import {mkdirSync, symlinkSync, writeFileSync} from "node:fs";
import {request, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {join} from "node:path";
import {brotliCompressSync, gunzipSync, gzipSync, brotliDecompressSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
// @ts-expect-error plain JavaScript without type declarations.
import {serve, pickEncoding, isImmutable} from "../../scripts/serve.js";
import {tempDir} from "../loaders/helpers.js";

let server: Server;
let port = 0;
const js = "export const x = " + JSON.stringify("a".repeat(5000)) + ";\n";
const wasm = Buffer.alloc(300_000, 7);

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{status: number; headers: Record<string, string | string[] | undefined>; body: Buffer}> {
  return new Promise((ok, fail) => {
    const req = request({host: "127.0.0.1", port, path, method, headers}, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c) => parts.push(c));
      res.on("end", () => ok({status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts)}));
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  const outside = tempDir("dtb-outside-");
  writeFileSync(join(outside, "secret.txt"), "secret");
  const root = tempDir("dtb-dist-");
  mkdirSync(join(root, "_import"), {recursive: true});
  mkdirSync(join(root, "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist"), {recursive: true});
  writeFileSync(join(root, "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(join(root, "data.html"), "<!doctype html><title>data</title>" + " ".repeat(2000));
  writeFileSync(join(root, "404.html"), "<!doctype html><title>Page not found</title><a href=\"./\">home</a>");
  writeFileSync(join(root, "_import", "app.0123abcd.js"), js);
  writeFileSync(join(root, "_import", "app.0123abcd.js.br"), brotliCompressSync(js));
  writeFileSync(join(root, "_import", "app.0123abcd.js.gz"), gzipSync(js));
  writeFileSync(join(root, "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist", "duckdb-eh.wasm"), wasm);
  symlinkSync(join(outside, "secret.txt"), join(root, "link.txt"));
  server = await serve(root, {port: 0});
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("serve", () => {
  it("sends the precompressed brotli or gzip copy the browser accepts, else the file", async () => {
    const br = await get("/_import/app.0123abcd.js", {"accept-encoding": "gzip, deflate, br"});
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(js);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.headers.vary).toBe("Accept-Encoding");
    const gz = await get("/_import/app.0123abcd.js", {"accept-encoding": "gzip"});
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get("/_import/app.0123abcd.js", {"accept-encoding": "identity"});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });

  it("gzips on the fly what has no precompressed copy (wasm), with its content type", async () => {
    const r = await get("/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm", {"accept-encoding": "gzip, br"});
    expect(r.headers["content-type"]).toBe("application/wasm");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).equals(wasm)).toBe(true);
    expect(r.body.length).toBeLessThan(wasm.length / 10);
  });

  it("content types and cache headers: hashed or versioned assets immutable, pages revalidated with ETag", async () => {
    const a = await get("/_import/app.0123abcd.js");
    expect(a.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(a.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await get("/data");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const again = await get("/data", {"if-none-match": String(page.headers.etag)});
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(isImmutable("/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm")).toBe(true);
    expect(isImmutable("/_bundle/explorer/app.4b25c821.FW6OKXBG.js")).toBe(true);
    expect(isImmutable("/data")).toBe(false);
    expect(isImmutable("/_file/data/panel.arrow")).toBe(false);
  });

  it("unknown URLs get the 404 page with status 404", async () => {
    for (const path of ["/no-such-page", "/a/b/c", "/_import/missing.0123abcd.js"]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.body.toString()).toContain("Page not found");
    }
  });

  it("never serves anything outside the folder", async () => {
    for (const path of ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/link.txt", "/%00", "/%E0%A4%A"]) {
      const r = await get(path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.body.toString()).not.toMatch(/root:|secret/);
    }
    expect((await get("/link.txt")).status).toBe(403);
    expect((await get("/%00")).status).toBe(400);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const h = await get("/_import/app.0123abcd.js", {}, "HEAD");
    expect(h.status).toBe(200);
    expect(h.body.length).toBe(0);
    expect((await get("/", {}, "POST")).status).toBe(405);
  });

  it("parses Accept-Encoding with q-values", () => {
    expect(pickEncoding("gzip, br", ["br", "gzip"])).toBe("br");
    expect(pickEncoding("br;q=0, gzip;q=0.5", ["br", "gzip"])).toBe("gzip");
    expect(pickEncoding("*", ["br", "gzip"])).toBe("br");
    expect(pickEncoding("", ["br", "gzip"])).toBe(null);
    expect(pickEncoding("identity", ["gzip"])).toBe(null);
  });
});

describe("serve under a sub-path (--base, as GitHub Pages serves a project site)", () => {
  it("serves the site under /a/b/ only, redirects /a/b to /a/b/, and gives 404 outside it", async () => {
    const root = tempDir("dtb-dist-base-");
    writeFileSync(join(root, "index.html"), "<!doctype html><title>home</title>");
    writeFileSync(join(root, "data.html"), "<!doctype html><title>data</title>");
    const sub: Server = await serve(root, {port: 0, base: "/a/b/"});
    const saved = port;
    port = (sub.address() as AddressInfo).port;
    try {
      expect((await get("/a/b/")).body.toString()).toContain("<title>home</title>");
      expect((await get("/a/b/data")).body.toString()).toContain("<title>data</title>");
      const bare = await get("/a/b");
      expect(bare.status).toBe(301);
      expect(bare.headers.location).toBe("/a/b/");
      expect((await get("/data")).status).toBe(404);
      expect((await get("/a/data")).status).toBe(404);
    } finally {
      port = saved;
      await new Promise<void>((done) => sub.close(() => done()));
    }
  });
});
