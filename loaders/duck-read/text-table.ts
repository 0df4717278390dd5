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
 * table of one int32 per slot (code << 8 | 8 bits of the hash); a slot whose bits match is confirmed
 * against the code's 16-byte key (`keys`). On a shuffled file every row's lookup misses the cache: 4
 * bytes a slot keep the table 4x smaller than slots holding the keys (1M firm rows, 215k ids: 2 MB
 * instead of 8 MB). The hash of each code is kept, so that growing the table re-inserts codes in order
 * without reading their keys.
 *
 * These functions run in the worker from their text: they use no module binding and define no inner
 * function (a transform could wrap one in a helper the worker does not have), only their arguments and
 * each other (by name: `workerKernelSource` passes them all).
 */

export interface TextTable {
  /** Slots: code << 8 | hash >>> 24, or -1 (empty). */
  table: Int32Array;
  mask: number;
  /** Per code, in code order: the length and the 12 masked bytes of an inline level (length -1: a long level). */
  keys: Int32Array;
  /** Per code: the hash of its inline key. */
  hashes: Int32Array;
  /** Per code: how many `_` its inline bytes hold. */
  under: Uint8Array;
  count: number;
  /** `_` in the inline cells coded so far (csv.ts checks the file's count against them). */
  underscores: number;
  /** Code of each long string, by its number. */
  longCode: number[];
  /** [number, code] of each long string, in code order. */
  longPairs: Array<[number, number]>;
  /** Rows of each long string, by its number (its `_` are counted by the thread holding the string). */
  longRows: number[];
}

/**
 * An empty table sized for about `rows` / 4 distinct values (at most 2^21 slots): growing from 4,096 slots
 * re-inserts every code several times (1M firm rows, 215k ids: ~10 ms of the coding).
 */
export function newTextTable(rows: number): TextTable {
  let slots = 4096;
  while (slots < rows / 2 && slots < 2097152) slots *= 2;
  return {
    table: new Int32Array(slots).fill(-1),
    mask: slots - 1,
    keys: new Int32Array(1 << 14),
    hashes: new Int32Array(1 << 12),
    under: new Uint8Array(1 << 12),
    count: 0,
    underscores: 0,
    longCode: [],
    longPairs: [],
    longRows: []
  };
}

/**
 * Codes rows from..to-1 into `out`, their records in `records` from slot `at` on (no wrap). The table's
 * arrays are read through locals (a property load per use costs ~10% here), taken again after an insert
 * that may have replaced them.
 */
export function codeTextRecords(st: TextTable, records: Int32Array, at: number, out: Int32Array, from: number, to: number): void {
  let t = st.table;
  let ks = st.keys;
  let m = st.mask;
  let u = st.under;
  let total = 0;
  for (let i = from, w = at << 2; i < to; i++, w += 4) {
    const len = records[w];
    if (len < 0) {
      if (len === -1) out[i] = -1;
      else {
        out[i] = longTextCode(st, records[w + 1]);
        ks = st.keys;
        u = st.under;
      }
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
    const tag = h >>> 24;
    let s = h & m;
    let code = -1;
    for (;;) {
      const slot = t[s];
      if (slot === -1) break;
      if ((slot & 255) === tag) {
        const k = (slot >>> 8) << 2;
        if (ks[k] === len && ks[k + 1] === a && ks[k + 2] === c && ks[k + 3] === d) {
          code = slot >>> 8;
          break;
        }
      }
      s = (s + 1) & m;
    }
    if (code < 0) {
      code = newTextCode(st);
      t[s] = (code << 8) | tag;
      ks = st.keys;
      u = st.under;
      const k = code << 2;
      ks[k] = len;
      ks[k + 1] = a;
      ks[k + 2] = c;
      ks[k + 3] = d;
      st.hashes[code] = h;
      u[code] = underscoreBytes(a) + underscoreBytes(c) + underscoreBytes(d); // bytes past the length are zero
      if (st.count * 2 > m) {
        growTextTable(st);
        t = st.table;
        m = st.mask;
      }
    }
    total += u[code];
    out[i] = code;
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
    st.keys[c << 2] = -1; // no inline key: never matched, skipped by growTextTable
  }
  return c;
}

/** The next code, with room for it in the per-code arrays. */
export function newTextCode(st: TextTable): number {
  const code = st.count++;
  if (code >= 8388608) throw new Error("more than 2^23 distinct text values");
  if ((code + 1) << 2 > st.keys.length) {
    const wider = new Int32Array(st.keys.length * 2);
    wider.set(st.keys);
    st.keys = wider;
  }
  if (code >= st.hashes.length) {
    const wider = new Int32Array(st.hashes.length * 2);
    wider.set(st.hashes);
    st.hashes = wider;
    const under = new Uint8Array(st.under.length * 2);
    under.set(st.under);
    st.under = under;
  }
  return code;
}

/** Doubles the table; inline codes re-inserted in code order from their kept hashes. */
export function growTextTable(st: TextTable): void {
  const mask = st.mask * 2 + 1;
  const table = new Int32Array(mask + 1).fill(-1);
  const hashes = st.hashes;
  const keys = st.keys;
  for (let code = 0; code < st.count; code++) {
    if (keys[code << 2] < 0) continue; // a long level
    const h = hashes[code];
    let s = h & mask;
    while (table[s] !== -1) s = (s + 1) & mask;
    table[s] = (code << 8) | (h >>> 24);
  }
  st.table = table;
  st.mask = mask;
}

/** How many of an int32's four bytes are `_` (95). */
export function underscoreBytes(x: number): number {
  return ((x & 255) === 95 ? 1 : 0) + (((x >>> 8) & 255) === 95 ? 1 : 0) + (((x >>> 16) & 255) === 95 ? 1 : 0) + (x >>> 24 === 95 ? 1 : 0);
}

const KERNEL = [newTextTable, codeTextRecords, longTextCode, newTextCode, growTextTable, underscoreBytes];

/**
 * The kernel as source text for the worker: each function's own text as this module was compiled, then
 * `kernel`, an object holding the two entry points. A bundler may rename a function (and keep its old
 * `name`), consistently in every text: each is called by the name its own text declares.
 */
export function workerKernelSource(): string {
  const fns = KERNEL.map((f) => f.toString()).join("\n");
  return `${fns}\nconst kernel = {newTextTable: ${declaredName(newTextTable)}, codeTextRecords: ${declaredName(codeTextRecords)}};\n`;
}

/** The name a function's text declares: `function codeTextRecords(st, ...` -> "codeTextRecords". */
export function declaredName(f: (...args: never[]) => unknown): string {
  const m = /^function\s+([\w$]+)\s*\(/.exec(f.toString());
  if (!m) throw new Error(`not a function declaration: ${f.name}`);
  return m[1];
}
