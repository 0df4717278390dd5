#!/usr/bin/env node
// Prebuilds the `dtb` command (cli/main.ts and everything it imports) into plain JavaScript in .dtb-cli/, so
// that `dtb` starts without tsx compiling TypeScript on every run (tsx alone costs ~0.4 s of start-up, which an
// end-to-end comparison with R counts: issue 22). Run by `npm install`/`npm ci` (postinstall) and by hand.
//
// bin/dtb.js uses the bundle only while it is fresh: .dtb-cli/inputs.json lists every source file with its
// modification time, and one changed, missing or added-to-the-import-graph file sends bin/dtb.js back to tsx.
// npm packages stay external (Node loads them from node_modules, native DuckDB included); lazily imported
// modules stay lazy chunks. Modules that locate files relative to themselves (`import.meta.url`) keep their
// original location: each module's `import.meta.url` is rewritten to its own file's URL, relative to the bundle.
// Written to a temporary folder first, then renamed: a half-written bundle is never used.
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, ".dtb-cli");
const tmpDir = join(root, `.dtb-cli.${process.pid}.tmp`);
const posix = (p) => p.split(sep).join("/");

const keepOwnUrl = {
  name: "keep-own-import-meta-url",
  setup(b) {
    b.onLoad({filter: /\.(ts|js|mjs)$/}, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const rel = posix(relative(outDir, args.path));
      const contents = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      return {contents, loader: args.path.endsWith(".ts") ? "ts" : "js"};
    });
  }
};

// @duckdb/node-api's JavaScript (124 CommonJS files) is bundled in, its native bindings left to Node: found,
// read and compiled one file at a time, the package took ~170 ms to import, bundled ~60 ms, and a command
// reading a large file imports it (loaders/duck-read/read.ts). Its `require` of the bindings goes through
// the `require` each chunk makes for itself (banner), from the bundle's folder: the same node_modules.
const bundleDuckApi = {
  name: "bundle-duckdb-node-api",
  setup(b) {
    const require = createRequire(import.meta.url);
    b.onResolve({filter: /^@duckdb\/node-api$/}, () => ({path: require.resolve("@duckdb/node-api")}));
  }
};

/** True when .dtb-cli/ exists and every source it was built from is unchanged (the test bin/dtb.js makes). */
function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(join(outDir, "inputs.json"), "utf8"));
    return Object.entries(inputs).every(([file, mtime]) => statSync(join(root, file)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

// A fresh bundle is left alone (--force rebuilds): a dtb running from it may still import its lazy chunks.
if (fresh() && !process.argv.includes("--force")) process.exit(0);

try {
  rmSync(tmpDir, {recursive: true, force: true});
  const result = await build({
    entryPoints: {main: join(root, "cli", "main.ts")},
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: tmpDir,
    outExtension: {".js": ".mjs"},
    metafile: true,
    // The package's Node entry registers all ~80 languages' country names (~0.25 s at every start); the CLI
    // needs codes (customs validation) and registers English and Chinese itself (loaders/sources/iso.ts),
    // as the browser build does: the package's own browser entry is this file.
    alias: {"i18n-iso-countries": "i18n-iso-countries/index.js"},
    logLevel: "warning",
    banner: {js: 'import {createRequire as __dtbCreateRequire} from "node:module"; const require = __dtbCreateRequire(import.meta.url);'},
    plugins: [bundleDuckApi, keepOwnUrl]
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const abs = resolve(root, file);
    inputs[posix(relative(root, abs))] = statSync(abs).mtimeMs;
  }
  inputs["bin/dtb.js"] = statSync(join(root, "bin", "dtb.js")).mtimeMs;
  writeFileSync(join(tmpDir, "inputs.json"), JSON.stringify(inputs));
  rmSync(outDir, {recursive: true, force: true});
  renameSync(tmpDir, outDir);
  if (!process.argv.includes("--quiet")) console.log(`dtb: prebuilt the command into .dtb-cli/ (${Object.keys(inputs).length} source files)`);
} catch (error) {
  rmSync(tmpDir, {recursive: true, force: true});
  // The command still works without the bundle (through tsx): a failed prebuild must not fail npm install.
  console.warn(`dtb: could not prebuild the command (${error instanceof Error ? error.message.split("\n")[0] : error}); dtb will compile it at each start`);
  mkdirSync(outDir, {recursive: true});
  rmSync(outDir, {recursive: true, force: true});
}
