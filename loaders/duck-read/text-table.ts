/**
 * The dictionary coding of a text column's 16-byte string records, the one implementation run by both
 * coders: TextCoder on the reading thread (columns.ts) and the coder worker (coder-worker.ts builds the
 * worker's source from these functions' own text, `workerKernelSource`).
 *
 * A record is DuckDB's string_t as four int32: the length, then 12 inline bytes (strings of at most 12
 * bytes, ids like "18342_7"). Two lengths are the caller's marks: -1 a missing cell, -2 a string longer
 * than 12 bytes, whose second int32 is its number among the distinct long strings (the caller keeps the
 * strings; `longPairs` gives each number's code, so that the levels can be made from them).
 *
 * Codes are numbered in order of first appearance. Inline strings are looked up in an open-addressing
 * table whose slots hold the whole key: four int32, code << 8 | its `_` count << 4 | length, then the 12
 * masked bytes (first int32 -1: empty). On a shuffled file every row's lookup misses the cache; with the key
 * in the slot it misses once, where a slot of the code alone (and the keys in code order beside it) missed
 * twice once the keys outgrew the cache: coding the 1M-row firm file's ids (215k distinct) took ~41-59 ms
 * instead of ~48-72, the 5M-row file's (1.08M distinct) ~330-360 ms instead of ~465-500 (one thread,
 * measured alone). The keys in code order, which the levels are made from, are taken from the table at the
 * end (`textKeys`).
 *
 * These functions run in the worker from their text: they use no module binding and define no inner
 * function (a transform could wrap one in a helper the worker does not have), only their arguments and
 * each other (by name: `workerKernelSource` passes them all).
 */

export interface TextTable {
  /** Slots of four int32: code << 8 | `_` count << 4 | length, then the 12 masked bytes; -1: empty. */
  table: Int32Array;
  /** Slots - 1 (a power of two). */
  mask: number;
  /** Codes given, inline and long. */
  count: number;
  /** Inline codes, the ones in the table (its load). */
  inline: number;
  /** `_` in the inline cells coded so far (csv.ts checks the file's count against them). */
  underscores: number;
  /** Code of each long string, by its number. */
  longCode: number[];
  /** [number, code] of each long string, in code order. */
  longPairs: Array<[number, number]>;
  /** Rows of each long string, by its number (its `_` are counted by the thread holding the string). */
  longRows: number[];
  /** The slot of each of the first 64 codes (-1: a long string, or not given yet): `firstTextKeys`. */
  firstSlots: Int32Array;
}

/**
 * An empty table sized for about `rows` / 4 distinct values (at most 2^21 slots, 32 MB): growing from 4,096
 * slots re-inserts every key several times.
 */
export function newTextTable(rows: number): TextTable {
  let slots = 4096;
  while (slots < rows / 2 && slots < 2097152) slots *= 2;
  return {table: new Int32Array(slots * 4).fill(-1), mask: slots - 1, count: 0, inline: 0, underscores: 0, longCode: [], longPairs: [], longRows: [], firstSlots: new Int32Array(64).fill(-1)};
}

/**
 * Codes rows from..to-1 into `out`, their records in `records` from slot `at` on (no wrap). The table is
 * read through locals (a property load per use costs ~10% here), taken again after it grows.
 */
export function codeTextRecords(st: TextTable, records: Int32Array, at: number, out: Int32Array, from: number, to: number): void {
  let t = st.table;
  let wrap = (st.mask << 2) | 3;
  let total = 0;
  for (let i = from, w = at << 2; i < to; i++, w += 4) {
    const len = records[w];
    if (len < 0) {
      out[i] = len === -1 ? -1 : longTextCode(st, records[w + 1]);
      continue;
    }
    // Inline: bytes past the length masked (DuckDB zeroes them, but it is not promised).
    let a = records[w + 1];
    let c = records[w + 2];
    let d = records[w + 3];
    if (len < 12) {
      if (len <= 4) {
        if (len < 4) a &= (1 << (len * 8)) - 1;
        c = 0;
        d = 0;
      } else if (len <= 8) {
        if (len < 8) c &= (1 << ((len - 4) * 8)) - 1;
        d = 0;
      } else d &= (1 << ((len - 8) * 8)) - 1;
    }
    let h = Math.imul(a ^ Math.imul(len, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ c ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ d ^ (h >>> 13), 0x27d4eb2f);
    h ^= h >>> 16;
    let s = (h << 2) & wrap;
    let head = -1;
    for (;;) {
      const x = t[s];
      if (x === -1) break;
      if ((x & 15) === len && t[s + 1] === a && t[s + 2] === c && t[s + 3] === d) {
        head = x;
        break;
      }
      s = (s + 4) & wrap;
    }
    if (head < 0) {
      const code = newTextCode(st);
      head = (code << 8) | ((underscoreBytes(a) + underscoreBytes(c) + underscoreBytes(d)) << 4) | len; // bytes past the length are zero
      t[s] = head;
      t[s + 1] = a;
      t[s + 2] = c;
      t[s + 3] = d;
      if (code < 64) st.firstSlots[code] = s;
      // At most 5/8 full (linear probing: a few slots of one or two cache lines per lookup).
      if (++st.inline * 8 > (st.mask + 1) * 5) {
        growTextTable(st);
        t = st.table;
        wrap = (st.mask << 2) | 3;
      }
    }
    total += (head >>> 4) & 15;
    out[i] = head >>> 8;
  }
  st.underscores += total;
}

/** The code of the long string numbered `k` (a new code at its first row). */
export function longTextCode(st: TextTable, k: number): number {
  st.longRows[k] = (st.longRows[k] || 0) + 1;
  let c = st.longCode[k];
  if (c === undefined) {
    c = newTextCode(st);
    st.longCode[k] = c;
    st.longPairs.push([k, c]);
  }
  return c;
}

/** The next code. */
export function newTextCode(st: TextTable): number {
  if (st.count >= 8388608) throw new Error("more than 2^23 distinct text values");
  return st.count++;
}

/** Doubles the table, every key re-inserted at its hash (computed again from the key). */
export function growTextTable(st: TextTable): void {
  const old = st.table;
  const mask = st.mask * 2 + 1;
  const wrap = (mask << 2) | 3;
  const table = new Int32Array((mask + 1) * 4).fill(-1);
  for (let k = 0; k < old.length; k += 4) {
    const x = old[k];
    if (x === -1) continue;
    const a = old[k + 1];
    const c = old[k + 2];
    const d = old[k + 3];
    let h = Math.imul(a ^ Math.imul(x & 15, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ c ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ d ^ (h >>> 13), 0x27d4eb2f);
    h ^= h >>> 16;
    let s = (h << 2) & wrap;
    while (table[s] !== -1) s = (s + 4) & wrap;
    if (x >>> 8 < 64) st.firstSlots[x >>> 8] = s;
    table[s] = x;
    table[s + 1] = a;
    table[s + 2] = c;
    table[s + 3] = d;
  }
  st.table = table;
  st.mask = mask;
}

/**
 * The keys in code order, as the levels are made from them (levels.ts): per code its length and 12 bytes;
 * length -1 for a long string (its text is the caller's).
 */
export function textKeys(st: Pick<TextTable, "table" | "count" | "longPairs">): Int32Array {
  const keys = new Int32Array(Math.max(st.count, 1) * 4);
  const t = st.table;
  for (let k = 0; k < t.length; k += 4) {
    const x = t[k];
    if (x === -1) continue;
    const w = (x >>> 8) << 2;
    keys[w] = x & 15;
    keys[w + 1] = t[k + 1];
    keys[w + 2] = t[k + 2];
    keys[w + 3] = t[k + 3];
  }
  for (const [, code] of st.longPairs) keys[code << 2] = -1;
  return keys;
}

/**
 * The keys of the first min(count, 64) codes, as `textKeys` gives them, from the slots recorded when they
 * were given: the reader names a column's first text cell from them, and the whole table is scanned for
 * the others only when the column's levels are made (levels.ts).
 */
export function firstTextKeys(st: TextTable): Int32Array {
  const n = st.count < 64 ? st.count : 64;
  const keys = new Int32Array(Math.max(n, 1) * 4);
  const t = st.table;
  for (let code = 0; code < n; code++) {
    const s = st.firstSlots[code];
    const w = code << 2;
    if (s < 0) {
      keys[w] = -1;
      continue;
    }
    keys[w] = t[s] & 15;
    keys[w + 1] = t[s + 1];
    keys[w + 2] = t[s + 2];
    keys[w + 3] = t[s + 3];
  }
  return keys;
}

/** How many of an int32's four bytes are `_` (95). */
export function underscoreBytes(x: number): number {
  return ((x & 255) === 95 ? 1 : 0) + (((x >>> 8) & 255) === 95 ? 1 : 0) + (((x >>> 16) & 255) === 95 ? 1 : 0) + (x >>> 24 === 95 ? 1 : 0);
}

const KERNEL = [newTextTable, codeTextRecords, longTextCode, newTextCode, growTextTable, textKeys, firstTextKeys, underscoreBytes];

/**
 * The kernel as source text for the worker: each function's own text as this module was compiled, then
 * `kernel`, an object holding the two entry points. A bundler may rename a function (and keep its old
 * `name`), consistently in every text: each is called by the name its own text declares.
 */
export function workerKernelSource(): string {
  const fns = KERNEL.map((f) => f.toString()).join("\n");
  return `${fns}\nconst kernel = {newTextTable: ${declaredName(newTextTable)}, codeTextRecords: ${declaredName(codeTextRecords)}, textKeys: ${declaredName(textKeys)}, firstTextKeys: ${declaredName(firstTextKeys)}};\n`;
}

/** The name a function's text declares: `function codeTextRecords(st, ...` -> "codeTextRecords". */
export function declaredName(f: (...args: never[]) => unknown): string {
  const m = /^function\s+([\w$]+)\s*\(/.exec(f.toString());
  if (!m) throw new Error(`not a function declaration: ${f.name}`);
  return m[1];
}
