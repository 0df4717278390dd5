#!/usr/bin/env node
// Precompress the built site (run by `npm run build` as its postbuild step): for every compressible file of at
// least 1 KB under dist/, write `<file>.br` (brotli) and `<file>.gz` (gzip -9) beside it, kept only when smaller
// than the file. scripts/serve.js sends them to browsers that accept them. Brotli uses quality 11 (best) up to
// 4 MB and quality 9 above (DuckDB's 34 MB wasm: seconds instead of minutes, a few percent larger).
// Files are written atomically (temp file, then rename). Usage: node scripts/precompress.js [dir]
import {readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {brotliCompressSync, gzipSync, constants} from "node:zlib";
import {COMPRESSIBLE, MIN_COMPRESS} from "./serve.js";

function* files(dir) {
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, {force: true});
  }
}

/** Precompress every eligible file under `dir`; returns totals {files, bytes, br, gz}. */
export function precompress(dir) {
  const totals = {files: 0, bytes: 0, br: 0, gz: 0};
  for (const file of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const size = statSync(file).size;
    if (size < MIN_COMPRESS) continue;
    const data = readFileSync(file);
    const quality = size > 4 * 1024 * 1024 ? 9 : 11;
    const br = brotliCompressSync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size}});
    const gz = gzipSync(data, {level: 9});
    totals.files++;
    totals.bytes += size;
    if (br.length < size) writeAtomic(file + ".br", br), (totals.br += br.length);
    if (gz.length < size) writeAtomic(file + ".gz", gz), (totals.gz += gz.length);
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const t = performance.now();
  const r = precompress(dir);
  const mb = (n) => (n / 1048576).toFixed(1);
  console.log(`precompress ${relative(process.cwd(), dir) || "."}: ${r.files} files, ${mb(r.bytes)} MB -> brotli ${mb(r.br)} MB, gzip ${mb(r.gz)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
