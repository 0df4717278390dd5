/**
 * DuckDB result chunks -> the engine's typed columns, without a JavaScript value per cell:
 * - DOUBLE: the vector's memory copied into a Float64Array (nulls -> NaN from the validity mask);
 * - VARCHAR: dictionary codes (Int32Array, first-appearance order, null -> -1) and one JS string per
 *   distinct value. Strings of at most 12 bytes (ids like "18342_7") are kept inline by DuckDB; they are
 *   hashed straight from those 16 bytes. Longer strings are numbered by their bytes (LongStrings), one JS
 *   string per distinct value.
 *
 * Chunks are read through @duckdb/node-bindings, the C-API layer under @duckdb/node-api (the very copy
 * node-api loads, so that its result objects are understood): one native call per vector for its data
 * and one for its validity mask. node-api's own vector objects (a logical type, a BigInt validity view
 * and a wrapper per vector and chunk) cost ~40 ms per million rows of seven columns, as much as the copy.
 * Each of those calls returns a copy, not a view: the bindings are built with
 * NODE_API_NO_EXTERNAL_BUFFERS_ALLOWED, so Napi::Buffer::NewOrCopy allocates a Buffer and copies the
 * vector into it (~2 us for 2,048 doubles, measured); the data is then copied once more, into the column.
 * A write into one returned Buffer is not seen in another taken from the same vector.
 */
import {createRequire} from "node:module";
import type {DuckDBResult} from "@duckdb/node-api";
import {KeyedLevels} from "./levels.js";
import {codeTextRecords, firstTextKeys, newTextTable, type TextTable, textKeys} from "./text-table.js";

/** The part of @duckdb/node-bindings (pinned with @duckdb/node-api 1.5.6-r.1) used here. */
interface Bindings {
  fetch_chunk(result: unknown): Promise<unknown | null>;
  data_chunk_get_size(chunk: unknown): number;
  data_chunk_get_vector(chunk: unknown, column: number): unknown;
  vector_get_data(vector: unknown, bytes: number): Uint8Array;
  vector_get_validity(vector: unknown, bytes: number): Uint8Array | null;
  get_data_from_pointer(buffer: ArrayBufferLike, offset: number, bytes: number): Uint8Array;
}

let bindings: Bindings | null = null;

/** node-api's own copy of the bindings (resolved from node-api's location, not ours). */
export function nativeBindings(): Bindings {
  if (!bindings) {
    const require = createRequire(import.meta.url);
    bindings = createRequire(require.resolve("@duckdb/node-api"))("@duckdb/node-bindings") as Bindings;
  }
  return bindings;
}

/** One fetched chunk: its row count and a vector accessor; null at the end of the result. */
export interface RawChunk {
  rows: number;
  vector(column: number): unknown;
}

/** Fetches the next chunk of `result` (a node-api result, read through its native handle). */
export async function fetchRawChunk(result: DuckDBResult): Promise<RawChunk | null> {
  const b = nativeBindings();
  const chunk = await b.fetch_chunk((result as unknown as {result: unknown}).result);
  if (!chunk) return null;
  const rows = b.data_chunk_get_size(chunk);
  if (rows === 0) return null;
  return {rows, vector: (j) => b.data_chunk_get_vector(chunk, j)};
}

/** Validity bits of a vector of `n` items, or null when every item is valid. */
export function validityOf(vector: unknown, n: number): Uint8Array | null {
  const v = nativeBindings().vector_get_validity(vector, Math.ceil(n / 64) * 8);
  if (!v) return null;
  // DuckDB often allocates a mask with every bit set: then nothing is null.
  const words = new Int32Array(v.buffer, v.byteOffset, (n + 31) >> 5);
  const full = n >> 5;
  for (let w = 0; w < full; w++) if (words[w] !== -1) return v;
  const rest = n & 31;
  if (rest && (words[full] & ((1 << rest) - 1)) !== (1 << rest) - 1) return v;
  return null;
}

/** Copies a DOUBLE vector of `n` items into `out` at `offset`; nulls become NaN. Returns true when a non-null value is NaN or infinite. */
export function copyDoubles(vector: unknown, n: number, out: Float64Array, offset: number): boolean {
  const data = nativeBindings().vector_get_data(vector, n * 8);
  const items = new Float64Array(data.buffer, data.byteOffset, n);
  out.set(items, offset);
  const valid = validityOf(vector, n);
  if (valid) for (let i = 0; i < n; i++) if ((valid[i >> 3] & (1 << (i & 7))) === 0) out[offset + i] = NaN;
  // A NaN or infinity that is not a null cell: the source said "nan"/"inf" (the caller decides).
  let acc = 0;
  for (let i = 0; i < n; i++) acc += items[i] * 0;
  if (acc === 0) return false;
  for (let i = 0; i < n; i++) {
    const v = items[i];
    if (v - v !== 0 && (!valid || (valid[i >> 3] & (1 << (i & 7))) !== 0)) return true;
  }
  return false;
}

/** A column's dictionary codes (first-appearance order, -1 = null) and its distinct values by code. */
export interface Coder {
  codes: Int32Array;
  /** The distinct values, made into strings when asked (levels.ts). */
  readonly keyed: KeyedLevels;
  /** All of them as strings (`keyed.all()`). */
  readonly levels: string[];
}

// ignoreBOM: a level or cell that starts with U+FEFF keeps it, as in the JS reader (which decodes the whole file once).
const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

/**
 * Distinct strings longer than 12 bytes (not inline in DuckDB's records), numbered in order of first
 * appearance. They are looked up by their UTF-8 bytes (a hash table over a byte arena) and decoded once, the
 * first time each is met: a string and a Map lookup per row cost ~1.2 us a row (1M-row firm Parquet with
 * 28-byte ids: ~1.5 s to read, ~5x the same file with short ids).
 */
export class LongStrings {
  /** The strings, by number. */
  readonly list: string[] = [];
  /** Their bytes summed over the rows holding them (collect.ts bounds DuckDB's buffer with it). */
  bytes = 0;
  /**
   * Open addressing, linear probing, at most half full; four int32 a slot: number + 1 (0: empty), hash,
   * start in the arena, length. All in the slot, so that a lookup misses the cache there and at the bytes
   * only (with the hash, start and length in arrays by number beside it: ~750 ns a row, ~5 misses).
   */
  private slots = new Int32Array(1024 * 4);
  private arena = new Uint8Array(1 << 14);
  private used = 0;

  /** The number of the string whose UTF-8 bytes are source[from, from + len). */
  numberOf(source: Uint8Array, from: number, len: number): number {
    const h = bytesHash(source, from, len);
    const slots = this.slots;
    const wrap = slots.length - 1;
    let s = (h << 2) & wrap;
    for (;;) {
      const e = slots[s];
      if (e === 0) break;
      if (slots[s + 1] === h && slots[s + 3] === len && sameBytes(this.arena, slots[s + 2], source, from, len)) return e - 1;
      s = (s + 4) & wrap;
    }
    const k = this.list.length;
    if (this.used + len > this.arena.length) {
      const wider = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      wider.set(this.arena.subarray(0, this.used));
      this.arena = wider;
    }
    this.arena.set(source.subarray(from, from + len), this.used);
    slots[s] = k + 1;
    slots[s + 1] = h;
    slots[s + 2] = this.used;
    slots[s + 3] = len;
    this.used += len;
    this.list.push(decoder.decode(source.subarray(from, from + len)));
    if ((k + 1) * 8 > slots.length) this.rehash();
    return k;
  }

  /** Doubles the table (each slot moved to its hash's place in the larger one). */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const wrap = slots.length - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k] === 0) continue;
      let s = (old[k + 1] << 2) & wrap;
      while (slots[s] !== 0) s = (s + 4) & wrap;
      slots.set(old.subarray(k, k + 4), s);
    }
    this.slots = slots;
  }
}

/** FNV-1a over the bytes, then a final mix (FNV's low bits, the ones the table uses, mix poorly alone). */
export function bytesHash(source: Uint8Array, from: number, len: number): number {
  let h = 0x811c9dc5 ^ len;
  for (let i = from, end = from + len; i < end; i++) h = Math.imul(h ^ source[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

function sameBytes(a: Uint8Array, at: number, b: Uint8Array, from: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[at + i] !== b[from + i]) return false;
  return true;
}


/**
 * Marks the records of rows 0..n-1 for the coding kernel (text-table.ts), in place: a null row (its bit
 * clear in DuckDB's `valid` bits; null: none) gets length -1, a string longer than 12 bytes -2 and its
 * number in `long`. A long string's bytes are in `heap` from the offset in its record's second int32 (the
 * batch copier's records), or, with no heap, given by `longBytes(row, length)`.
 */
export function markRecords(words: Int32Array, n: number, valid: Uint8Array | null, long: LongStrings, heap: Uint8Array | null, longBytes?: (row: number, length: number) => Uint8Array): void {
  if (valid) for (let i = 0; i < n; i++) if ((valid[i >> 3] & (1 << (i & 7))) === 0) words[i << 2] = -1;
  for (let i = 0; i < n; i++) {
    const w = i << 2;
    const len = words[w];
    if (len <= 12) continue;
    long.bytes += len;
    words[w + 1] = heap ? long.numberOf(heap, words[w + 1], len) : long.numberOf(longBytes!(i, len), 0, len);
    words[w] = -2;
  }
}

/** The records of a VARCHAR vector, marked (a copy: see above); its long strings read through their pointers. */
export function vectorRecords(vector: unknown, n: number, long: LongStrings): Int32Array {
  const b = nativeBindings();
  const data = b.vector_get_data(vector, n * 16);
  const words = new Int32Array(data.buffer, data.byteOffset, n * 4);
  markRecords(words, n, validityOf(vector, n), long, null, (i, len) => b.get_data_from_pointer(data.buffer, data.byteOffset + i * 16 + 8, len));
  return words;
}

/** Records copied by the native batch copier (batch.ts: nulls marked), marked; long strings read from `heap`. */
export function batchRecords(words: Int32Array, n: number, heap: Uint8Array, long: LongStrings): Int32Array {
  markRecords(words, n, null, long, heap);
  return words;
}

/**
 * Dictionary coder for one text column across chunks, on this thread: `add(vector, n, offset)` (or
 * `addRecords`, records from the batch copier) writes codes for the rows into `codes` from `offset` on.
 * The coding is text-table.ts, the kernel the coder worker runs too (coder-worker.ts).
 */
export class TextCoder implements Coder {
  codes: Int32Array;
  private st: TextTable;
  private long = new LongStrings();
  private made: KeyedLevels | null = null;

  constructor(nrows: number) {
    this.codes = new Int32Array(nrows);
    this.st = newTextTable(nrows);
  }

  /** Room for `rows` rows, the first `used` codes kept. */
  reserve(rows: number, used: number): void {
    const wider = new Int32Array(rows);
    wider.set(this.codes.subarray(0, used));
    this.codes = wider;
  }

  /** The distinct values, by code (after the last `add`). */
  get keyed(): KeyedLevels {
    const st = this.st;
    return (this.made ??= new KeyedLevels(() => textKeys(st), st.count, st.longPairs.map(([k, code]) => [this.long.list[k], code] as [string, number]), firstTextKeys(st)));
  }

  get levels(): string[] {
    return this.keyed.all();
  }

  /** Bytes of the long strings met, one count per row. */
  get longBytes(): number {
    return this.long.bytes;
  }

  add(vector: unknown, n: number, offset: number): void {
    codeTextRecords(this.st, vectorRecords(vector, n, this.long), 0, this.codes, offset, offset + n);
  }

  addRecords(words: Int32Array, n: number, offset: number, heap: Uint8Array): void {
    codeTextRecords(this.st, batchRecords(words, n, heap, this.long), 0, this.codes, offset, offset + n);
  }
}

/** The sum of an INTEGER vector's `n` items (null items count 0). */
export function sumIntegers(vector: unknown, n: number): number {
  const b = nativeBindings();
  const data = b.vector_get_data(vector, n * 4);
  const items = new Int32Array(data.buffer, data.byteOffset, n);
  const valid = validityOf(vector, n);
  let total = 0;
  for (let i = 0; i < n; i++) if (!valid || (valid[i >> 3] & (1 << (i & 7))) !== 0) total += items[i];
  return total;
}

/**
 * How many `_` bytes the `n` strings of a VARCHAR vector hold (nulls: none), read from DuckDB's 16-byte
 * string records: inline strings (<= 12 bytes) byte by byte, longer ones through their pointer (one native
 * call each, so the reader asks this only of columns whose first rows are short, csv.ts).
 */
export function underscoresInVector(vector: unknown, n: number): number {
  const b = nativeBindings();
  const data = b.vector_get_data(vector, n * 16);
  const words = new Int32Array(data.buffer, data.byteOffset, n * 4);
  const valid = validityOf(vector, n);
  if (valid) for (let i = 0; i < n; i++) if ((valid[i >> 3] & (1 << (i & 7))) === 0) words[i << 2] = -1;
  return underscoresInRecords(words, n, (i, len) => b.get_data_from_pointer(data.buffer, data.byteOffset + (i << 4) + 8, len));
}

/**
 * How many `_` bytes the strings of records 0..n-1 hold (length -1: a null, none): inline bytes read from the
 * record, a longer string's from `longBytes(row, length)`.
 */
export function underscoresInRecords(words: Int32Array, n: number, longBytes: (row: number, length: number) => Uint8Array): number {
  const bytes = new Uint8Array(words.buffer, words.byteOffset, n * 16);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const len = words[i << 2];
    if (len < 0) continue;
    if (len > 12) {
      const long = longBytes(i, len);
      for (let k = 0; k < len; k++) if (long[k] === 95) total++;
    } else for (let k = (i << 4) + 4, end = k + len; k < end; k++) if (bytes[k] === 95) total++;
  }
  return total;
}
