/**
 * DuckDB result chunks into the engine's columns (see read.ts), and the record of why a file was declined
 * to the JS reader.
 */
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import type {DuckDBResult} from "@duckdb/node-api";
import type {Column} from "../../src/lib/engine/types.js";
import {copyDoubles, fetchRawChunk, type RawChunk, sumIntegers, TextCoder, underscoresInVector} from "./columns.js";
import {WorkerTextCoder} from "./coder-worker.js";
import {type BatchAddon, batchAddon} from "./batch.js";
import {streamBufferBytes} from "./stream-buffer.js";
import {type Drain, drainBatched} from "./collect-batch.js";
import {csvText, lazyColumn, parquetText, underscoresIn} from "./text.js";

let lastFallback = "";

/** Why the last read was declined to the JS reader ("" when DuckDB read it): for tests and DTB_READ_TRACE. */
export function lastFallbackReason(): string {
  return lastFallback;
}

/** Starts a read with no reason recorded. */
export function resetFallback(): void {
  lastFallback = "";
}

export function fallback(reason: string): null {
  lastFallback = reason;
  if (process.env.DTB_READ_TRACE) process.stderr.write(`dtb: the JS reader reads this file (${reason})\n`);
  return null;
}

/** Records an unexpected failure inside the DuckDB reader (the JS reader then reads the file). */
export function declined(error: unknown): void {
  fallback(`error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
}

export interface Built {
  nrows: number;
  columns: Record<string, Column>;
  /** Text columns: first data row (0-based) holding a cell that is not a number, and that cell; row -1: none. */
  firstText: Record<string, {row: number; value: string | null}>;
  /** `_` in the cells read as text plus the sum of the counting column (see `options`); 0 when not asked. */
  underscores: number;
}

export interface CollectOptions {
  /** Count the `_` of the text columns' cells (CSV: the file holds some, see csv.ts). */
  countUnderscores?: boolean;
  /** The result's column after the read ones is an INTEGER count of `_` in columns not read, summed instead of kept. */
  countColumn?: boolean;
  /** The result's last columns: this many VARCHAR columns not read whose `_` are counted here (no count by DuckDB). */
  rawCounted?: number;
  /** The rows the result holds when the file says (Parquet's metadata): fewer read means DuckDB failed (see fill). */
  expectedRows?: number;
  /** The rows the result should hold, counted by DuckDB (CSV): asked only when a failure could have gone unseen (see fill). */
  countRows?: () => Promise<number>;
  /**
   * Called once DuckDB is no longer needed, before waiting for the text worker: the batch copier has read
   * the whole result (no chunk left) and no column is to be read again. The caller closes DuckDB then, on
   * this thread while the worker codes its last rows and makes its keys, instead of after.
   */
  release?: () => void;
}

/**
 * Streams the result's chunks into the columns (DuckDB keeps one chunk at a time, not the whole result);
 * {retry}: DOUBLE columns holding NaN/infinity, to read again as text; null: use the JS reader.
 * Arrays start with room for `capacity` rows and grow up to `bound` (more rows: the JS reader).
 */
export async function collect(result: DuckDBResult, names: string[], format: "csv" | "parquet", capacity: number, bound: number, options: CollectOptions = {}): Promise<Built | {retry: string[]} | null> {
  const kinds = result.columnTypes().map(String);
  const counter = options.countColumn ? names.length : -1;
  if (options.countColumn && kinds[counter] !== "INTEGER") return fallback("the count of digit separators");
  const raw = Array.from({length: options.rawCounted ?? 0}, (_, k) => names.length + (options.countColumn ? 1 : 0) + k);
  if (raw.some((j) => kinds[j] !== "VARCHAR")) return fallback("the columns counted for digit separators");
  for (let j = 0; j < names.length; j++) if (kinds[j] !== "DOUBLE" && kinds[j] !== "VARCHAR") return fallback(`column ${names[j]}: type ${kinds[j]}`);
  // The first text column is coded by a worker when the file is large enough to repay starting one (~20 ms).
  const first = kinds.findIndex((k, j) => j < names.length && k === "VARCHAR");
  const viaWorker = first >= 0 && capacity >= workerMinRows;
  // With a worker, the number columns are shared with it, so that it makes their pages while it waits for
  // rows (coder-worker.ts): a fresh page costs ~1.7 us on first write here, ~20 ms for six columns of 1M rows.
  const doubles = names.map((_, j) => (kinds[j] !== "DOUBLE" ? null : viaWorker ? new Float64Array(new SharedArrayBuffer(capacity * 8)) : new Float64Array(capacity)));
  const shared = viaWorker ? doubles.flatMap((d) => (d ? [d.buffer as SharedArrayBuffer] : [])) : [];
  const coders: Array<TextCoder | WorkerTextCoder | null> = names.map((_, j) =>
    kinds[j] !== "VARCHAR" ? null : j === first && viaWorker ? new WorkerTextCoder(capacity, shared) : new TextCoder(capacity)
  );
  const order = first < 0 ? names.map((_, j) => j) : [first, ...names.map((_, j) => j).filter((j) => j !== first)];
  try {
    return await fill(result, names, format, capacity, bound, counter, raw, doubles, coders, order, options);
  } finally {
    for (const coder of coders) if (coder instanceof WorkerTextCoder) coder.stop();
  }
}

async function fill(
  result: DuckDBResult,
  names: string[],
  format: "csv" | "parquet",
  capacity: number,
  bound: number,
  counter: number,
  raw: number[],
  doubles: Array<Float64Array | null>,
  coders: Array<TextCoder | WorkerTextCoder | null>,
  order: number[],
  options: CollectOptions
): Promise<Built | {retry: string[]} | null> {
  const d: Drain = {doubles, coders, capacity, bound, counter, raw, nrows: 0, bad: new Array<boolean>(names.length).fill(false), underscores: 0};
  // DuckDB ends a result that failed while it was read (a cast or a malformed row met after `stream`
  // returned, once its buffer had filled) as it ends a complete one. The batch copier reads DuckDB's error and
  // throws it; through the bindings, which do not say, the rows read are checked against a count.
  const cursor = openBatch(result);
  if (cursor) {
    let whole: boolean;
    try {
      whole = drainBatched(cursor.addon, cursor.cursor, d);
    } finally {
      cursor.addon.close(cursor.cursor);
    }
    if (!whole) return fallback("more rows than the file size allows");
    if (!d.bad.some(Boolean) && (options.expectedRows === undefined || d.nrows === options.expectedRows)) options.release?.();
  } else {
    if (!(await drainChunks(result, d, order))) return fallback("more rows than the file size allows");
    const unseen = options.countRows && bufferedBound(d.nrows, kinds(result), longBytes(coders)) >= streamBufferBytes() * 0.75;
    if (unseen && d.nrows !== (await options.countRows!())) return fallback("DuckDB ended the result early");
  }
  if (options.expectedRows !== undefined && d.nrows !== options.expectedRows) return fallback("DuckDB ended the result early");
  const nrows = d.nrows;
  let underscores = d.underscores;
  const bad = d.bad;
  for (const coder of coders) if (coder instanceof WorkerTextCoder) await coder.finish();
  const columns: Record<string, Column> = {};
  const firstText: Built["firstText"] = {};
  const retry: string[] = [];
  for (let j = 0; j < names.length; j++) {
    const name = names[j];
    const out = doubles[j];
    if (out) {
      const col = out.subarray(0, nrows);
      // CSV: "nan"/"inf" cells, which the JS reader treats as text or refuses; Parquet: NaN is missing, infinity refused.
      if (bad[j] && (format === "csv" || col.some((v) => v === Infinity || v === -Infinity))) retry.push(name);
      columns[name] = col;
    } else {
      const coder = coders[j]!;
      // Counted before csvText renumbers the codes; a worker counted them while coding.
      if (options.countUnderscores) underscores += coder instanceof WorkerTextCoder ? coder.underscores : underscoresIn(coder, nrows);
      const text = format === "csv" ? csvText(coder, nrows) : parquetText(coder, nrows);
      if (text === null) return fallback(`column ${name}: infinite value or NUL byte`);
      // Text: its array and strings made when the column is first read (text.ts lazyColumn).
      if (text.column) columns[name] = text.column;
      else lazyColumn(columns, name, text.text!);
      if (text.first) firstText[name] = text.first;
    }
  }
  if (retry.length) return {retry};
  return {nrows, columns, firstText, underscores};
}

/** The result's chunks one at a time through the bindings (no batch copier). False: more rows than the bound. */
async function drainChunks(result: DuckDBResult, d: Drain, order: number[]): Promise<boolean> {
  const {doubles, coders} = d;
  let fetched = 0;
  // The next chunk is fetched (on DuckDB's side, in a thread of its own) while this one is converted:
  // 1M-row firm CSV ~440 -> ~420 ms, Parquet ~254 -> ~238 (medians of 6 alternating runs).
  let next: Promise<RawChunk | null> | null = fetchRawChunk(result);
  next.catch(() => {}); // awaited below
  try {
    for (;;) {
      const chunk = await next;
      next = null;
      if (!chunk) return true;
      next = fetchRawChunk(result);
      next.catch(() => {}); // awaited on the next turn
      const n = chunk.rows;
      const nrows = d.nrows;
      if (nrows + n > d.capacity) {
        if (nrows + n > d.bound) return false;
        d.capacity = Math.min(d.bound, Math.max(nrows + n, Math.ceil(d.capacity * 1.5)));
        for (let j = 0; j < doubles.length; j++) {
          const old = doubles[j];
          if (old) {
            const wider = new Float64Array(d.capacity);
            wider.set(old.subarray(0, nrows));
            doubles[j] = wider;
          } else coders[j]!.reserve(d.capacity, nrows);
        }
      }
      for (const j of order) {
        const vector = chunk.vector(j);
        const out = doubles[j];
        if (out) {
          if (copyDoubles(vector, n, out, nrows)) d.bad[j] = true;
        } else coders[j]!.add(vector, n, nrows);
      }
      if (d.counter >= 0) d.underscores += sumIntegers(chunk.vector(d.counter), n);
      for (const j of d.raw) d.underscores += underscoresInVector(chunk.vector(j), n);
      d.nrows += n;
      // DuckDB frees a chunk only when V8 collects its wrapper, and V8 does not see the chunk's native
      // memory: without a collection now and then, every chunk of the file stays resident until the end.
      if (++fetched % GC_EVERY === 0) collectGarbage();
    }
  } finally {
    // A fetch still running must end before the connection is closed.
    if (next) await next.catch(() => null);
  }
}

/** The batch copier's cursor over `result` (batch.ts), or null: not built, turned off, or not taking this result. */
function openBatch(result: DuckDBResult): {addon: BatchAddon; cursor: unknown} | null {
  const addon = batchAddon();
  if (!addon) return null;
  try {
    return {addon, cursor: addon.open((result as unknown as {result: unknown}).result)};
  } catch (error) {
    if (process.env.DTB_READ_TRACE) process.stderr.write(`dtb: the native batch reader is not used (${error instanceof Error ? error.message : String(error)})\n`);
    return null;
  }
}

function kinds(result: DuckDBResult): string[] {
  return result.columnTypes().map(String);
}

/** Bytes of the long strings (more than 12 bytes) the text coders met, one count per row. */
function longBytes(coders: Array<TextCoder | WorkerTextCoder | null>): number {
  let total = 0;
  for (const coder of coders) if (coder) total += coder.longBytes;
  return total;
}

/**
 * An upper bound on the bytes DuckDB's streaming buffer counted for a result of `rows` rows: each chunk's
 * allocation, 2,048 rows of every vector (8 bytes a DOUBLE, 4 an INTEGER, 16 a string record), a validity
 * mask, a string heap holding the long strings (twice their bytes, and a 4 KB block, for its arena). A result
 * below the buffer was read whole before `stream` returned, which then threw any failure.
 */
export function bufferedBound(rows: number, types: readonly string[], longStringBytes: number): number {
  const chunks = Math.ceil(rows / 2048) + 1;
  let perChunk = 0;
  for (const t of types) perChunk += 2048 * (t === "DOUBLE" ? 8 : t === "INTEGER" ? 4 : 16) + 4096;
  return chunks * perChunk + 2 * longStringBytes;
}

let workerMinRows = 200_000;

/** Rows from which a text column is coded by a worker (coder-worker.ts); tests set 0 to read every case that way. */
export function setWorkerMinRows(rows: number): void {
  workerMinRows = rows;
}

/** Chunks between collections: 16 keeps reading the 1M-row firm CSV at ~250 MB peak RSS (64: ~265, none: ~285), at no measurable cost in time. */
const GC_EVERY = 16;

let gc: ((options?: {type: string}) => void) | null | undefined;

/** A young-generation collection (V8's `gc`, reached without --expose-gc through a fresh context). */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as typeof gc;
    } catch {
      gc = null;
    }
  }
  gc?.({type: "minor"});
}
