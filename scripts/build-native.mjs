#!/usr/bin/env node
// Builds native/duck-batch.c, the DuckDB reader's batch copier (loaders/duck-read/batch.ts), into
// .dtb-native/duck-batch.node, when this machine can: Linux, a C compiler (`cc`) and the headers of the Node
// that runs this script (node_api.h beside it). Run by `npm install`/`npm ci` (postinstall) and by hand
// (--force rebuilds). Anything missing is said in one line and the build skipped, never failed: the reader
// then copies DuckDB's chunks through @duckdb/node-bindings, the same frames, ~25% slower on a 1M-row file.
// Written to a temporary file first, then renamed: a half-written addon is never loaded.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, renameSync, rmSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "native", "duck-batch.c");
const outDir = join(root, ".dtb-native");
const out = join(outDir, "duck-batch.node");
const quiet = process.argv.includes("--quiet");
const say = (line) => {
  if (!quiet) process.stderr.write(`dtb: ${line}\n`);
};

function skip(why) {
  say(`the native batch reader is not built (${why}); DuckDB's chunks are copied through its bindings`);
  process.exit(0);
}

if (process.platform !== "linux") skip(`${process.platform}: only Linux is built`);
const headers = join(dirname(process.execPath), "..", "include", "node");
if (!existsSync(join(headers, "node_api.h"))) skip(`no node_api.h in ${headers}`);
if (spawnSync("cc", ["--version"], {stdio: "ignore"}).status !== 0) skip("no C compiler (cc)");
if (!process.argv.includes("--force") && existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) process.exit(0);

mkdirSync(outDir, {recursive: true});
const tmp = join(outDir, `duck-batch.${process.pid}.tmp.node`);
// Node-API 8 (Node >= 12.22): type-tagged objects. No DuckDB header or library at build time: the addon
// binds DuckDB's functions at run time from the libduckdb.so the bindings loaded (batch.ts).
const args = ["-O2", "-shared", "-fPIC", "-Wall", "-Wextra", "-Werror", "-DNAPI_VERSION=8", "-DNODE_GYP_MODULE_NAME=duck_batch", `-I${headers}`, "-o", tmp, source, "-ldl"];
const cc = spawnSync("cc", args, {encoding: "utf8"});
if (cc.status !== 0) {
  rmSync(tmp, {force: true});
  skip(`cc failed: ${(cc.stderr || cc.error?.message || "").trim().split("\n")[0]}`);
}
renameSync(tmp, out);
say("built the native batch reader into .dtb-native/");
