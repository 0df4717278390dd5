/**
 * The native batch copier (native/duck-batch.c), when it was built (scripts/build-native.mjs, at install on
 * Linux with a C compiler): it drains a DuckDB result into the reader's own buffers, ~16 chunks a call,
 * where the portable path (columns.ts) needs a thread hop per chunk and a native call and a fresh Buffer
 * per vector. It copies bytes and nothing else: nulls, missing text, NaN and infinity, text codes and
 * long strings are all read here, in TypeScript, by the rules the portable path uses (collect-batch.ts).
 * DTB_DUCK_BATCH=0 turns it off (tests read every case both ways).
 */
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** Column kinds, as native/duck-batch.c takes them. */
export const SKIP = 0;
export const EIGHT_BYTES = 1;
export const FOUR_BYTES = 2;
export const STRINGS = 3;

export interface BatchAddon {
  load(libduckdb: string): boolean;
  open(result: unknown): unknown;
  /** See native/duck-batch.c: copies whole chunks from state[0] on, at most up to row state[1]. */
  drain(cursor: unknown, kinds: Int32Array, data: Array<ArrayBufferView | null>, nulls: Array<Uint32Array | null>, state: Int32Array): void;
  /** Frees a chunk still waiting for room (before DuckDB is closed); the cursor ends. */
  close(cursor: unknown): void;
}

let addon: BatchAddon | null | undefined;
let enabled = process.env.DTB_DUCK_BATCH !== "0";

/** Tests: read with (true) or without (false) the copier, whatever DTB_DUCK_BATCH says. */
export function setBatchEnabled(on: boolean): void {
  enabled = on;
}

/** The copier bound to the DuckDB the bindings loaded, or null (not built, turned off, or not loadable). */
export function batchAddon(): BatchAddon | null {
  if (!enabled) return null;
  if (addon !== undefined) return addon;
  addon = null;
  try {
    const file = fileURLToPath(new URL("../../.dtb-native/duck-batch.node", import.meta.url));
    if (!existsSync(file)) return null;
    const require = createRequire(import.meta.url);
    const loaded = require(file) as BatchAddon;
    loaded.load(libduckdbPath());
    addon = loaded;
  } catch (error) {
    if (process.env.DTB_READ_TRACE) process.stderr.write(`dtb: the native batch reader is not used (${error instanceof Error ? error.message : String(error)})\n`);
  }
  return addon;
}

/** The libduckdb.so beside the bindings' native module (the one @duckdb/node-api loads). */
function libduckdbPath(): string {
  const require = createRequire(import.meta.url);
  const fromApi = createRequire(require.resolve("@duckdb/node-api"));
  const fromBindings = createRequire(fromApi.resolve("@duckdb/node-bindings"));
  return join(dirname(fromBindings.resolve(`@duckdb/node-bindings-${process.platform}-${process.arch}/duckdb.node`)), "libduckdb.so");
}
