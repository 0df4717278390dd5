#!/usr/bin/env node
// Post-build: writes dist/sw.js, the site's service worker (src/lib/offline/service-worker.ts), from the build's
// file list. Usage: node scripts/service-worker.js dist   (run by `npm run build` after prerender and precompress)
//
// - esbuild bundles the worker's source (Workbox's precaching, routing and strategies from node_modules);
// - workbox-build's injectManifest lists every file of dist/ with a content hash (MD5 of its bytes) into it;
//   Framework's own hashed names need no extra revision, but a page (`data.html`) keeps its name across builds;
// - left out: the precompressed siblings (`.br`, `.gz`: the server picks them), and DuckDB's `.wasm` (34 MB,
//   needed only by the pages that query: kept by the worker's runtime cache once a page has loaded it).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {build} from "esbuild";
import {injectManifest} from "workbox-build";

const dist = resolve(process.argv[2] ?? "dist");
const tmp = mkdtempSync(join(tmpdir(), "dtb-sw-"));
try {
  const swSrc = join(tmp, "sw.js");
  await build({
    entryPoints: [resolve(import.meta.dirname, "../src/lib/offline/service-worker.ts")],
    outfile: swSrc,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    // Workbox's debug logging is for development; production builds drop it.
    define: {"process.env.NODE_ENV": '"production"'},
    logLevel: "warning"
  });
  const {count, size, warnings} = await injectManifest({
    swSrc,
    swDest: join(dist, "sw.js"),
    globDirectory: dist,
    globPatterns: ["**/*"],
    globIgnores: ["**/*.br", "**/*.gz", "**/*.wasm", "sw.js"],
    // Data files and bundles can exceed Workbox's 2 MB default; the largest kept here is a few MB.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024
  });
  for (const w of warnings) console.warn(`service-worker: ${w}`);
  console.log(`service-worker: dist/sw.js precaches ${count} files, ${(size / 1e6).toFixed(1)} MB`);
} finally {
  rmSync(tmp, {recursive: true, force: true});
}
