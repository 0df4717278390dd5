/**
 * A DuckDB result drained into the reader's columns by the native batch copier (batch.ts), ~16k rows a
 * call, with the rules of the chunk-by-chunk path (collect.ts): nulls become NaN, a NaN or infinity that
 * is not a null is flagged for the caller, text is coded by the same coders, and a failure while DuckDB
 * was still reading (a cast past the first buffer's worth of rows) is thrown with DuckDB's message.
 * 1M-row firm files (medians of alternating reads): see README, "Reading files".
 */
import {type BatchAddon, EIGHT_BYTES, FOUR_BYTES, SKIP, STRINGS} from "./batch.js";
import {type TextCoder, underscoresInRecords} from "./columns.js";
import type {WorkerTextCoder} from "./coder-worker.js";

/** Rows a call copies at most (8 chunks of 2,048; a text column's records: 256 KB). */
const BATCH_ROWS = 16384;

/** What the caller reads into and how (the columns collect.ts sets up). */
export interface Drain {
  /** DOUBLE columns' arrays (null: a text column), replaced when they grow. */
  doubles: Array<Float64Array | null>;
  coders: Array<TextCoder | WorkerTextCoder | null>;
  capacity: number;
  bound: number;
  /** The result's INTEGER column of `_` counts (-1: none) and its VARCHAR columns counted for `_` (csv.ts). */
  counter: number;
  raw: number[];
  /** Out: rows read; columns holding a NaN or infinity that is not a null; the `_` counted. */
  nrows: number;
  bad: boolean[];
  underscores: number;
}

/**
 * Reads every chunk of a result (the copier's `cursor` over it) into `d`. False: more rows than `bound` (the
 * caller declines the file). Throws DuckDB's error when the result failed while being read.
 */
export function drainBatched(addon: BatchAddon, cursor: unknown, d: Drain): boolean {
  const names = d.doubles.length;
  const width = names + (d.counter >= 0 ? 1 : 0) + d.raw.length;
  const kinds = new Int32Array(width);
  for (let j = 0; j < names; j++) kinds[j] = d.doubles[j] ? EIGHT_BYTES : STRINGS;
  if (d.counter >= 0) kinds[d.counter] = FOUR_BYTES;
  for (const j of d.raw) kinds[j] = STRINGS;
  const records = Array.from(kinds, (k) => (k === STRINGS ? new Int32Array(BATCH_ROWS * 4) : null));
  let counts: Int32Array | null = d.counter >= 0 ? new Int32Array(d.capacity) : null;
  const nullBits = () => Array.from(kinds, (k) => (k === EIGHT_BYTES || k === FOUR_BYTES ? new Uint32Array((d.capacity + 31) >> 5) : null));
  let nulls = nullBits();
  let heap = new Uint8Array(1 << 16);
  const state = new Int32Array(6);
  for (;;) {
    const data: Array<ArrayBufferView | null> = Array.from(kinds, (k, j) => (k === EIGHT_BYTES ? d.doubles[j] : k === FOUR_BYTES ? counts : k === STRINGS ? records[j] : null));
    data.push(heap);
    const from = d.nrows;
    state[0] = from;
    state[1] = Math.min(d.capacity, from + BATCH_ROWS);
    state[2] = 0;
    state[3] = heap.length;
    addon.drain(cursor, kinds, data, nulls, state);
    const n = state[0];
    for (let j = 0; j < width; j++) {
      if (kinds[j] === EIGHT_BYTES && settleDoubles(d.doubles[j]!, from, n, nulls[j]!)) d.bad[j] = true;
      else if (kinds[j] === STRINGS && j < names) d.coders[j]!.addRecords(records[j]!, n, from, heap);
      else if (kinds[j] === STRINGS) d.underscores += underscoresInRecords(records[j]!, n, recordBytes(records[j]!, heap));
      else if (kinds[j] === FOUR_BYTES) d.underscores += sumValid(counts!, from, n, nulls[j]!);
    }
    d.nrows += n;
    if (state[1] === 1) return true;
    const rowsNeeded = state[4];
    if (rowsNeeded && d.nrows + rowsNeeded > d.capacity) {
      if (d.nrows + rowsNeeded > d.bound) return false;
      d.capacity = Math.min(d.bound, Math.max(d.nrows + rowsNeeded, Math.ceil(d.capacity * 1.5)));
      for (let j = 0; j < names; j++) {
        const old = d.doubles[j];
        if (old) d.doubles[j] = grown(old, d.capacity, d.nrows);
        else d.coders[j]!.reserve(d.capacity, d.nrows);
      }
      if (counts) counts = grownInts(counts, d.capacity, d.nrows);
      const wider = nullBits();
      nulls.forEach((bits, j) => bits && wider[j]!.set(bits.subarray(0, (d.nrows + 31) >> 5)));
      nulls = wider;
    }
    if (state[5] > heap.length) heap = new Uint8Array(Math.max(state[5], heap.length * 2));
    if (n === 0 && !rowsNeeded && state[5] <= 0) throw new Error("the native batch reader copied nothing");
  }
}

/**
 * out[from..from+n): rows whose bit is set in `nulls` (bit r & 31 of word r >> 5) become NaN (the rule of
 * columns.ts copyDoubles); true when a row that is not null holds NaN or an infinity.
 */
export function settleDoubles(out: Float64Array, from: number, n: number, nulls: Uint32Array): boolean {
  const end = from + n;
  let anyNull = 0;
  for (let w = from >> 5; w <= (end - 1) >> 5 && n > 0; w++) anyNull |= nulls[w];
  // x * 0 is 0 for a number and NaN for NaN or an infinity. Four sums, not one: each add waits for the
  // last one into its sum (~4 cycles), so one sum took ~1.6x as long (6 columns x 5M rows: ~28 -> ~19 ms).
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = from;
  for (; i + 3 < end; i += 4) {
    a0 += out[i] * 0;
    a1 += out[i + 1] * 0;
    a2 += out[i + 2] * 0;
    a3 += out[i + 3] * 0;
  }
  for (; i < end; i++) a0 += out[i] * 0;
  let bad = false;
  if (a0 + a1 + a2 + a3 !== 0) {
    for (let i = from; i < end; i++) {
      const v = out[i];
      if (v - v !== 0 && ((nulls[i >> 5] >>> (i & 31)) & 1) === 0) {
        bad = true;
        break;
      }
    }
  }
  if (anyNull) for (let i = from; i < end; i++) if ((nulls[i >> 5] >>> (i & 31)) & 1) out[i] = NaN;
  return bad;
}

/** The sum of counts[from..from+n) over rows that are not null. */
function sumValid(counts: Int32Array, from: number, n: number, nulls: Uint32Array): number {
  let total = 0;
  for (let i = from; i < from + n; i++) if (((nulls[i >> 5] >>> (i & 31)) & 1) === 0) total += counts[i];
  return total;
}

/** A long string's bytes, from the heap offset in its record (native/duck-batch.c). */
function recordBytes(words: Int32Array, heap: Uint8Array): (row: number, length: number) => Uint8Array {
  return (row, length) => heap.subarray(words[(row << 2) + 1], words[(row << 2) + 1] + length);
}

function grown(old: Float64Array, capacity: number, used: number): Float64Array {
  const wider = new Float64Array(capacity);
  wider.set(old.subarray(0, used));
  return wider;
}

function grownInts(old: Int32Array, capacity: number, used: number): Int32Array {
  const wider = new Int32Array(capacity);
  wider.set(old.subarray(0, used));
  return wider;
}
