/**
 * The padded id x time grid that plm::pgmm works on, and calendar-time lags on it.
 *
 * pgmm pads an unbalanced panel to the full N x T grid of the ids and of the distinct time values
 * present in the data (`allRows <- outer(un.id, un.time)` in plm 2.6-2), then differences and
 * lags instruments by *position* on that grid; regressors like `lag(y, 1)` are built earlier by
 * plm's `lag()` (shift = "time"), i.e. by calendar time. This file owns both notions.
 */
import {UserError} from "../../errors.js";
import type {Column} from "../types.js";

export interface Grid {
  /** Distinct ids, sorted (numeric ids numerically), as R's factor levels. */
  ids: string[];
  /** Distinct time values present in the data, ascending. */
  times: number[];
  N: number;
  T: number;
  /** cell[g * T + t] = data row at (ids[g], times[t]), or -1 for a padded cell. */
  cell: Int32Array;
}

/**
 * Builds the grid from the rows kept (`rows`: indices into the frame). Duplicate (id, time) pairs,
 * missing ids/times and non-integer times are UserErrors naming the 1-based data row.
 * Example: ids [A, A, B], times [2010, 2012, 2011] -> times [2010, 2011, 2012], cell [0,-1,1, -1,2,-1].
 */
export function buildGrid(idCol: Column, time: Float64Array, rows: ArrayLike<number>, idName: string, timeName: string): Grid {
  const key: string[] = new Array(rows.length);
  const tset = new Set<number>();
  let allNumericIds = idCol instanceof Float64Array;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const v = idCol[r];
    if (v === null || (typeof v === "number" && Number.isNaN(v))) {
      throw new UserError(`id column '${idName}' has a missing value at row ${r + 1}`);
    }
    key[i] = String(v);
    const t = time[r];
    if (!Number.isFinite(t)) throw new UserError(`time column '${timeName}' has a missing value at row ${r + 1}`);
    if (!Number.isInteger(t)) {
      throw new UserError(`time column '${timeName}' must hold integers (calendar periods); row ${r + 1} has ${t}`);
    }
    tset.add(t);
  }
  const uniq = [...new Set(key)];
  if (allNumericIds) uniq.sort((a, b) => Number(a) - Number(b));
  else uniq.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const times = [...tset].sort((a, b) => a - b);
  const gpos = new Map(uniq.map((k, g) => [k, g]));
  const tpos = new Map(times.map((t, j) => [t, j]));
  const N = uniq.length;
  const T = times.length;
  const cell = new Int32Array(N * T).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const c = gpos.get(key[i])! * T + tpos.get(time[r])!;
    if (cell[c] >= 0) {
      throw new UserError(`duplicate (${idName}, ${timeName}) pair (${key[i]}, ${time[r]}) at rows ${cell[c] + 1} and ${r + 1} (GMM needs unique id-time pairs)`);
    }
    cell[c] = r;
  }
  return {ids: uniq, times, N, T, cell};
}

/**
 * A numeric column laid out on the grid (index g * T + t); padded cells are NaN.
 * Example: cell [0, -1], col [5] -> [5, NaN].
 */
export function onGrid(grid: Grid, col: Float64Array): Float64Array {
  const out = new Float64Array(grid.cell.length);
  for (let c = 0; c < out.length; c++) out[c] = grid.cell[c] >= 0 ? col[grid.cell[c]] : NaN;
  return out;
}

/**
 * Calendar-time lag on the grid (plm `lag(x, k)`, shift = "time"): value at (g, time - k) if that
 * time value exists in the data and the cell holds a value, else NaN (also on padded cells).
 * A time removed from the data (e.g. an excluded year) therefore gives a missing lag, never the
 * previous available period.
 * Example: times [2018, 2019, 2021], values [1, 2, 3], k = 1 -> [NaN, 1, NaN].
 */
export function lagOnGrid(grid: Grid, values: Float64Array, k: number): Float64Array {
  const {T, N, times} = grid;
  const tpos = new Map(times.map((t, j) => [t, j]));
  const src = times.map((t) => tpos.get(t - k) ?? -1);
  const out = new Float64Array(N * T).fill(NaN);
  for (let g = 0; g < N; g++) {
    // A padded cell is an absent row: plm lags before padding, so its lag is missing too.
    for (let t = 0; t < T; t++) if (src[t] >= 0 && grid.cell[g * T + t] >= 0) out[g * T + t] = values[g * T + src[t]];
  }
  return out;
}
