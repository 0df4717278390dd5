// scripts/precompress.js: brotli and gzip copies beside each compressible file of 1 KB or more, equal to the file
// once decompressed; small files and already-compressed types are left alone.
import {existsSync, readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
// @ts-expect-error plain JavaScript without type declarations.
import {precompress} from "../../scripts/precompress.js";
import {tempDir} from "../loaders/helpers.js";

describe("precompress", () => {
  it("writes .br and .gz that decompress to the file, only where they help", () => {
    const dir = tempDir("dtb-pre-");
    mkdirSync(join(dir, "_node"));
    const js = "const a = 1;\n".repeat(500);
    writeFileSync(join(dir, "_node", "x.js"), js);
    writeFileSync(join(dir, "small.css"), "a{}");
    writeFileSync(join(dir, "p.parquet"), Buffer.alloc(5000, 1));
    const r = precompress(dir);
    expect(r.files).toBe(1);
    expect(brotliDecompressSync(readFileSync(join(dir, "_node", "x.js.br"))).toString()).toBe(js);
    expect(gunzipSync(readFileSync(join(dir, "_node", "x.js.gz"))).toString()).toBe(js);
    expect(existsSync(join(dir, "small.css.br"))).toBe(false);
    expect(existsSync(join(dir, "p.parquet.gz"))).toBe(false);
  });
});
