/**
 * Helpers on `Frame` (column-oriented table, see types.ts): typed access to columns with one-line
 * errors that name the column and the role it plays in the specification, and factorisation of
 * grouping columns (ids, fixed effects, clusters) into dense integer codes.
 */
import {UserError} from "../errors.js";
import type {Column, Frame} from "./types.js";

/**
 * The column `name`, or a UserError naming it and where the spec asked for it.
 * Example: `getColumn(frame, "dstri", "spec.x[0]")`.
 */
export function getColumn(frame: Frame, name: string, where: string): Column {
  const col = frame.columns[name];
  if (col === undefined) {
    const avail = Object.keys(frame.columns);
    const list = avail.length > 12 ? avail.slice(0, 12).join(", ") + ", ..." : avail.join(", ");
    throw new UserError(`column '${name}' (${where}) not found in the data; available columns: ${list}`);
  }
  return col;
}

/**
 * A numeric column (missing = NaN). Text columns are rejected: the engine never guesses numbers from text.
 * Example: `numericColumn(frame, "y", "spec.y")` -> Float64Array.
 */
export function numericColumn(frame: Frame, name: string, where: string): Float64Array {
  const col = getColumn(frame, name, where);
  if (!(col instanceof Float64Array)) {
    const first = col.find((v) => v !== null);
    throw new UserError(
      `column '${name}' (${where}) is not numeric (e.g. value ${JSON.stringify(first ?? null)}); it must hold numbers`
    );
  }
  return col;
}

/**
 * True when every value is finite (no NaN, no +-Infinity): one pass of `sumSquaresScan` (a finite sum of squares
 * proves it), and an exact scan only when that sum is not finite (a bad value, or squares beyond ~1e308).
 * The common screen before the exact (slower) scans for NaN or infinite values.
 */
export function allFinite(col: Float64Array): boolean {
  if (Number.isFinite(sumSquaresScan(col))) return true;
  for (let i = 0; i < col.length; i++) if (!Number.isFinite(col[i])) return false;
  return true;
}

/**
 * Sum of squares of a column in its own order (four independent chains). A finite result also proves that
 * every value is finite (a NaN or an infinite value makes the sum NaN or infinite), so one pass gives the
 * regressor's raw sum of squares (the collinearity check's scale, ols.ts `sumSquares`) and the screen of
 * `allFinite`; a non-finite result (a missing value, an infinite one, or |x| beyond ~1e154) needs the exact scans.
 * Example: `sumSquaresScan(Float64Array.of(1, 2, NaN))` -> NaN.
 */
export function sumSquaresScan(col: Float64Array): number {
  const n = col.length;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a0 += col[i] * col[i];
    a1 += col[i + 1] * col[i + 1];
    a2 += col[i + 2] * col[i + 2];
    a3 += col[i + 3] * col[i + 3];
  }
  for (; i < n; i++) a0 += col[i] * col[i];
  return a0 + a1 + (a2 + a3);
}

/**
 * Rejects +/-Infinity (missing values must be NaN/NA). Row numbers in messages are 1-based data rows.
 * Example: `assertNoInfinite(col, "y")` throws "column 'y' has an infinite value at row 3".
 */
export function assertNoInfinite(col: Float64Array, name: string): void {
  if (allFinite(col)) return;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (Math.abs(v) === Infinity) {
      throw new UserError(`column '${name}' has an infinite value at row ${i + 1}; use NA for missing values`);
    }
  }
}

/** Dense integer coding of a grouping column; missing values get code -1. */
export interface Factor {
  codes: Int32Array;
  nlevels: number;
  /** Level value of each code (first-appearance order). */
  levels: Array<string | number>;
  /** True when no code is -1 (no missing value), as found while coding; absent: not known (scan the codes). */
  complete?: boolean;
  /** Numeric columns: true when no value is +-Infinity (found while coding); absent: not known (scan the column). */
  finite?: boolean;
}

/**
 * Dictionary codes a reader already has for a text column (Node's DuckDB reader: loaders/duck-read), so
 * that coding it needs no string hashing per row. `codes` and `levels` must be exactly what `factorize`
 * would compute (first-appearance order, missing -> -1); the column must not be modified afterwards.
 */
const dictionaries = new WeakMap<Array<string | null>, {codes: Int32Array; levels: string[]}>();

/** Attaches dictionary codes to a text column (see `dictionaries`). */
export function attachDictionary(col: Array<string | null>, codes: Int32Array, levels: string[]): void {
  dictionaries.set(col, {codes, levels});
}

/** True when col[i] = i for every row (a row-number column, e.g. the formula compiler's id when there is no panel). */
function isRowNumbers(col: Float64Array): boolean {
  for (let i = 0; i < col.length; i++) if (col[i] !== i) return false;
  return true;
}

/**
 * The factor of a row-number column: code i on row i. Its n levels (the numbers 0..n-1) are made only if
 * something reads them (an error message): as an array they would take ~16 bytes a row, more than the codes.
 */
function rowNumberFactor(codes: Int32Array, n: number): Factor {
  for (let i = 0; i < n; i++) codes[i] = i;
  let levels: number[] | null = null;
  return {
    codes,
    nlevels: n,
    complete: true,
    finite: true,
    get levels() {
      return (levels ??= Array.from({length: n}, (_, i) => i));
    }
  };
}

/**
 * Smallest and largest non-missing value, and whether all are integers (a loop of its own: compiled as a whole).
 * Example: [3, NaN, 1] -> {lo: 1, hi: 3, allInt: true, missing: 1}.
 */
function numericRange(col: Float64Array): {lo: number; hi: number; allInt: boolean; missing: number} {
  let lo = Infinity;
  let hi = -Infinity;
  let allInt = true;
  let missing = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v !== v) {
      missing++;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    // Math.floor(v) !== v: a fraction (or an infinity: floor(Inf) - Inf is NaN below); compiled inline, unlike Number.isInteger.
    if (Math.floor(v) - v !== 0) allInt = false;
  }
  return {lo, hi, allInt, missing};
}

/** Codes of an integer column through a lookup table indexed by value - lo (-1: not seen yet); missing -> -1. */
function tableCodes(col: Float64Array, lo: number, table: Int32Array, codes: Int32Array, levels: Array<string | number>): void {
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    const slot = (v - lo) | 0; // an integer in 0..hi-lo < 2^31 (factorize's condition)
    let c = table[slot];
    if (c < 0) {
      c = levels.length;
      table[slot] = c;
      levels.push(v);
    }
    codes[i] = c;
  }
}

/**
 * Codes a column (text or numeric) as 0..L-1 in order of first appearance; missing -> -1.
 * Integer-valued numeric columns with a modest range use a direct lookup table (no hashing), which
 * keeps this O(n) and fast on 1M rows; otherwise a hash map, skipped for runs of equal values
 * (sorted ids: one lookup per id instead of one per row).
 * `codes` may be passed (length n; every element is written), e.g. a reused working array.
 * Example: `factorize(["b","a","b",null])` -> codes [0,1,0,-1], levels ["b","a"].
 */
export function factorize(col: Column, codes: Int32Array = new Int32Array(col.length)): Factor {
  const n = col.length;
  const coded = col instanceof Float64Array ? undefined : dictionaries.get(col);
  if (coded) {
    codes.set(coded.codes);
    return {codes, nlevels: coded.levels.length, levels: coded.levels.slice()};
  }
  const levels: Array<string | number> = [];
  if (col instanceof Float64Array) {
    const {lo, hi, allInt, missing} = numericRange(col);
    if (allInt && lo === 0 && hi === n - 1 && isRowNumbers(col)) return rowNumberFactor(codes, n);
    if (allInt && hi - lo < 4 * n + 1024) {
      tableCodes(col, lo, new Int32Array(hi - lo + 1 > 0 ? hi - lo + 1 : 0).fill(-1), codes, levels);
      // allInt: every value an integer, so none infinite (see numericRange).
      return {codes, nlevels: levels.length, levels, complete: missing === 0, finite: true};
    }
    const map = new Map<number, number>();
    // Runs of equal values (data sorted by this column) reuse the previous code: no hash lookup.
    let prev = NaN;
    let prevCode = -1;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v !== v) {
        codes[i] = -1;
        continue;
      }
      if (v === prev) {
        codes[i] = prevCode;
        continue;
      }
      let c = map.get(v);
      if (c === undefined) {
        c = levels.length;
        map.set(v, c);
        levels.push(v);
      }
      codes[i] = c;
      prev = v;
      prevCode = c;
    }
    return {codes, nlevels: levels.length, levels, complete: missing === 0};
  }
  return factorizeText(col, codes);
}

/**
 * Text codes through an open-addressing table of (FNV-1a hash of the characters, code) pairs in one Int32Array:
 * 2-3x faster than a Map on a million shuffled ids (no per-row hash-map entry lookups through the string's
 * header; equal hashes are confirmed by comparing the strings, so codes are exact). Runs of equal values (sorted
 * ids) reuse the previous code.
 */
function factorizeText(col: Array<string | null>, codes: Int32Array): Factor {
  const n = col.length;
  const levels: string[] = [];
  let cap = 1 << 10;
  let table: Int32Array = new Int32Array(2 * cap).fill(-1);
  let prev: string | null = null;
  let prevCode = -1;
  let complete = true;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      complete = false;
      continue;
    }
    if (v === prev) {
      codes[i] = prevCode;
      continue;
    }
    let h = 0x811c9dc5 | 0;
    for (let j = 0; j < v.length; j++) h = Math.imul(h ^ v.charCodeAt(j), 16777619);
    let slot = (h ^ (h >>> 15)) & (cap - 1);
    let c: number;
    for (;;) {
      c = table[2 * slot + 1];
      if (c < 0) {
        c = levels.length;
        levels.push(v);
        table[2 * slot] = h;
        table[2 * slot + 1] = c;
        if (2 * levels.length > cap) table = growTable(table, (cap *= 2));
        break;
      }
      if (table[2 * slot] === h && levels[c] === v) break;
      slot = (slot + 1) & (cap - 1);
    }
    codes[i] = c;
    prev = v;
    prevCode = c;
  }
  return {codes, nlevels: levels.length, levels, complete};
}

/** The (hash, code) table rehashed into `cap` slots (linear probing). */
function growTable(table: Int32Array, cap: number): Int32Array {
  const out = new Int32Array(2 * cap).fill(-1);
  for (let s = 0; s < table.length; s += 2) {
    const c = table[s + 1];
    if (c < 0) continue;
    const h = table[s];
    let q = (h ^ (h >>> 15)) & (cap - 1);
    while (out[2 * q + 1] >= 0) q = (q + 1) & (cap - 1);
    out[2 * q] = h;
    out[2 * q + 1] = c;
  }
  return out;
}

/**
 * Restricts codes to the rows `rows` and renumbers the levels present there as 0..L'-1.
 * Example: codes [5,2,5] on rows [0,2] -> codes [0,0], nlevels 1.
 */
export function recode(codes: Int32Array, rows: Int32Array, nlevels: number): {codes: Int32Array; nlevels: number} {
  const map = new Int32Array(nlevels).fill(-1);
  const out = new Int32Array(rows.length);
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const c = codes[rows[r]];
    let m = map[c];
    if (m < 0) {
      m = next++;
      map[c] = m;
    }
    out[r] = m;
  }
  return {codes: out, nlevels: next};
}

/** `values[rows[r]]` for every r, as a new Float64Array. Example: `take([1,2,3], [2,0])` -> [3,1]. */
export function take(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}
