/**
 * DuckDB result vectors -> the engine's typed columns, without a JavaScript value per cell:
 * - DOUBLE: the vector's memory copied into a Float64Array (nulls -> NaN from the validity mask);
 * - VARCHAR: dictionary codes (Int32Array, first-appearance order, null -> -1) and one JS string per
 *   distinct value. Strings of at most 12 bytes (ids like "18342_7") are kept inline by DuckDB; they are
 *   hashed straight from those 16 bytes. Longer strings go through a Map of JS strings.
 *
 * Reads the vectors' data through fields the pinned @duckdb/node-api (1.5.6-r.1) keeps private
 * (`items`, `dataView`, `validity.data`): a per-item getter with BigInt validity would cost ~100x more.
 */
import type {DuckDBVector} from "@duckdb/node-api";

interface RawValidity {
  data: BigUint64Array | null;
}

/** Bit i of the validity mask as a byte view (null when every item is valid). */
function validityBytes(vector: DuckDBVector): Uint8Array | null {
  const data = (vector as unknown as {validity: RawValidity}).validity.data;
  return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
}

/** Copies a DOUBLE vector into `out` at `offset`; nulls become NaN. Returns true when a non-null value is NaN or infinite. */
export function copyDoubles(vector: DuckDBVector, out: Float64Array, offset: number): boolean {
  const items = (vector as unknown as {items: Float64Array}).items;
  const n = items.length;
  out.set(items, offset);
  const valid = validityBytes(vector);
  if (valid) for (let i = 0; i < n; i++) if ((valid[i >> 3] & (1 << (i & 7))) === 0) out[offset + i] = NaN;
  // A NaN or infinity that is not a null cell: the source said "nan"/"inf" (the caller decides).
  let bad = false;
  let acc = 0;
  for (let i = 0; i < n; i++) acc += items[i] * 0;
  if (acc !== 0) {
    for (let i = 0; i < n && !bad; i++) {
      const v = items[i];
      if (v - v !== 0 && (!valid || (valid[i >> 3] & (1 << (i & 7))) !== 0)) bad = true;
    }
  }
  return bad;
}

/**
 * Dictionary coder for one text column across chunks: `add(vector, offset)` writes codes for the
 * vector's rows into `codes` starting at `offset`.
 */
export class TextCoder {
  readonly codes: Int32Array;
  readonly levels: string[] = [];
  private keys: Uint32Array;
  private slots: Int32Array;
  private mask: number;
  private long = new Map<string, number>();

  constructor(nrows: number) {
    this.codes = new Int32Array(nrows);
    const cap = 1 << 12;
    this.keys = new Uint32Array(cap * 4);
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  add(vector: DuckDBVector, offset: number): void {
    const view = (vector as unknown as {dataView: DataView}).dataView;
    const words = new Uint32Array(view.buffer, view.byteOffset, view.byteLength >> 2);
    const valid = validityBytes(vector);
    const n = vector.itemCount;
    const codes = this.codes;
    for (let i = 0; i < n; i++) {
      if (valid && (valid[i >> 3] & (1 << (i & 7))) === 0) {
        codes[offset + i] = -1;
        continue;
      }
      const w = i << 2;
      const len = words[w];
      if (len > 12) {
        const s = vector.getItem(i) as string;
        let c = this.long.get(s);
        if (c === undefined) {
          c = this.levels.length;
          this.long.set(s, c);
          this.levels.push(s);
        }
        codes[offset + i] = c;
        continue;
      }
      // Inline: bytes 4..15 hold the string; bytes past `len` are masked (DuckDB zeroes them, but it is not promised).
      let a = words[w + 1];
      let b = words[w + 2];
      let d = words[w + 3];
      if (len < 12) {
        if (len <= 4) {
          a = len === 4 ? a : a & ((1 << (len * 8)) - 1);
          b = 0;
          d = 0;
        } else if (len <= 8) {
          b = len === 8 ? b : b & ((1 << ((len - 4) * 8)) - 1);
          d = 0;
        } else d = d & ((1 << ((len - 8) * 8)) - 1);
      }
      codes[offset + i] = this.lookup(len, a >>> 0, b >>> 0, d >>> 0, vector, i);
    }
  }

  private lookup(len: number, a: number, b: number, d: number, vector: DuckDBVector, i: number): number {
    let h = Math.imul(a ^ Math.imul(len, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ b ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ d ^ (h >>> 13), 0x27d4eb2f);
    h ^= h >>> 16;
    let s = h & this.mask;
    const keys = this.keys;
    const slots = this.slots;
    for (;;) {
      const c = slots[s];
      if (c < 0) break;
      const k = s << 2;
      if (keys[k] === len && keys[k + 1] === a && keys[k + 2] === b && keys[k + 3] === d) return c;
      s = (s + 1) & this.mask;
    }
    const code = this.levels.length;
    this.levels.push(inlineText(vector, i, len));
    const k = s << 2;
    keys[k] = len;
    keys[k + 1] = a;
    keys[k + 2] = b;
    keys[k + 3] = d;
    slots[s] = code;
    if (this.levels.length * 2 > this.mask) this.grow();
    return code;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap * 4);
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      const c = oldSlots[s];
      if (c < 0) continue;
      const k = s << 2;
      const len = oldKeys[k];
      const a = oldKeys[k + 1];
      const b = oldKeys[k + 2];
      const d = oldKeys[k + 3];
      let h = Math.imul(a ^ Math.imul(len, 0x9e3779b1), 0x85ebca6b);
      h = Math.imul(h ^ b ^ (h >>> 15), 0xc2b2ae35);
      h = Math.imul(h ^ d ^ (h >>> 13), 0x27d4eb2f);
      h ^= h >>> 16;
      let t = h & this.mask;
      while (this.slots[t] >= 0) t = (t + 1) & this.mask;
      const q = t << 2;
      this.keys[q] = len;
      this.keys[q + 1] = a;
      this.keys[q + 2] = b;
      this.keys[q + 3] = d;
      this.slots[t] = c;
    }
  }
}

/** The inline string of row i (length <= 12): ASCII decoded directly, anything else by the vector. */
function inlineText(vector: DuckDBVector, i: number, len: number): string {
  const view = (vector as unknown as {dataView: DataView}).dataView;
  const at = view.byteOffset + i * 16 + 4;
  const bytes = new Uint8Array(view.buffer, at, len);
  let s = "";
  for (let k = 0; k < len; k++) {
    const b = bytes[k];
    if (b >= 0x80) return vector.getItem(i) as string;
    s += String.fromCharCode(b);
  }
  return s;
}
