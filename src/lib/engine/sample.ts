/**
 * Estimation sample: `exclude` filters, listwise deletion and optional removal of fixed-effect
 * singletons. Convention (fixest 0.12.1 `feols`, ESTIMATION.md "Sample" and "Singletons"):
 * listwise deletion on y, the regressors, the FE and cluster variables; singletons are kept by
 * default (`fixef.rm = "none"`); with `drop_singletons` they are removed in ONE non-recursive pass.
 */
import {UserError} from "../errors.js";
import {allFinite} from "./frame.js";
import type {Column} from "./types.js";
import {takeI32} from "./scratch.js";

/**
 * Marks rows whose column takes one of `values` (numbers compared numerically, also when given as
 * numeric strings; text compared exactly). Returns a Uint8Array, 1 = excluded.
 * Example: `excludeMask(n, [[yearCol, [2020]]])` marks every 2020 row.
 */
export function excludeMask(n: number, rules: Array<[string, Column, Array<number | string>]>): Uint8Array {
  const mask = new Uint8Array(n);
  for (const [name, col, values] of rules) {
    if (col instanceof Float64Array) {
      const set = new Set<number>();
      for (const v of values) {
        const num = typeof v === "number" ? v : Number(v);
        if (typeof v === "string" && (v.trim() === "" || !Number.isFinite(num))) {
          throw new UserError(`exclude.${name}: value ${JSON.stringify(v)} is not a number but column '${name}' is numeric`);
        }
        set.add(num);
      }
      for (let i = 0; i < n; i++) if (set.has(col[i])) mask[i] = 1;
    } else {
      const set = new Set(values.map(String));
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== null && set.has(v)) mask[i] = 1;
      }
    }
  }
  return mask;
}

function hasNaN(col: Float64Array): boolean {
  if (allFinite(col)) return false;
  for (let i = 0; i < col.length; i++) if (col[i] !== col[i]) return true;
  return false;
}

function hasNegative(codes: Int32Array): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) return true;
  return false;
}

/**
 * Rows kept: not excluded, every numeric variable non-missing, every grouping code >= 0.
 * Example: y [1, NaN, 3], no other input -> rows [0, 2].
 */
export function completeRows(
  n: number,
  excluded: Uint8Array | null,
  numeric: Float64Array[],
  groups: Int32Array[]
): Int32Array {
  // Common case first: nothing excluded or missing -> all rows, without the keep mask.
  if (!excluded && numeric.every((col) => !hasNaN(col)) && groups.every((codes) => !hasNegative(codes))) {
    const all = takeI32(n); // every element written below
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const keep = new Uint8Array(n).fill(1);
  if (excluded) for (let i = 0; i < n; i++) if (excluded[i]) keep[i] = 0;
  for (const col of numeric) for (let i = 0; i < n; i++) if (col[i] !== col[i]) keep[i] = 0;
  for (const codes of groups) for (let i = 0; i < n; i++) if (codes[i] < 0) keep[i] = 0;
  let m = 0;
  for (let i = 0; i < n; i++) m += keep[i];
  const rows = new Int32Array(m);
  for (let i = 0, r = 0; i < n; i++) if (keep[i]) rows[r++] = i;
  return rows;
}

/**
 * Removes rows that are alone in their level of any FE dimension, in one pass (fixest
 * `fixef.rm = "singleton"` is not recursive: rows that become singletons after this pass stay).
 * `fes` hold codes on the full data (indexed by row number). Returns the remaining rows.
 * Example: FE codes [0,0,1] on rows [0,1,2] -> rows [0,1].
 */
export function dropSingletons(rows: Int32Array, fes: Array<{codes: Int32Array; nlevels: number}>): Int32Array {
  const bad = new Uint8Array(rows.length);
  for (const fe of fes) {
    const count = new Int32Array(fe.nlevels);
    for (let r = 0; r < rows.length; r++) count[fe.codes[rows[r]]]++;
    for (let r = 0; r < rows.length; r++) if (count[fe.codes[rows[r]]] === 1) bad[r] = 1;
  }
  let m = 0;
  for (let r = 0; r < rows.length; r++) if (!bad[r]) m++;
  if (m === rows.length) return rows;
  const out = new Int32Array(m);
  for (let r = 0, j = 0; r < rows.length; r++) if (!bad[r]) out[j++] = rows[r];
  return out;
}
