/**
 * Panel index: rows ordered by (id, time), used to build lags and to reject duplicate id-time rows.
 * Counting sort on the id codes, then a numeric sort of the (short) time vector inside each id:
 * O(n log T), no per-row objects.
 */
import {UserError} from "../errors.js";
import type {Factor} from "./frame.js";

export interface PanelIndex {
  /** Row numbers sorted by id code then time. */
  order: Int32Array;
  /** order[start[g] .. start[g+1]) are the rows of id code g. */
  start: Int32Array;
}

/**
 * Builds the index and throws a UserError on a missing id/time or on duplicate (id, time) pairs,
 * naming both rows (1-based data rows).
 * Example: ids ["A","A"], times [2010, 2010] -> "rows 1 and 2 have the same country = A and year = 2010".
 */
export function panelIndex(id: Factor, time: Float64Array, idName: string, timeName: string): PanelIndex {
  const n = id.codes.length;
  const G = id.nlevels;
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) {
    const c = id.codes[i];
    if (c < 0) throw new UserError(`id column '${idName}' is missing at row ${i + 1}`);
    const t = time[i];
    if (t !== t) throw new UserError(`time column '${timeName}' is missing at row ${i + 1}`);
    start[c + 1]++;
  }
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const fill = start.slice(0, G);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[id.codes[i]]++] = i;
  // Sort each id block by time: sort (time, row) pairs through a Float64Array of times and a
  // stable insertion step (blocks are short: one row per period).
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (b - a > 64) {
      // Long blocks (e.g. one long time series): comparator sort instead of quadratic insertion.
      order.subarray(a, b).sort((r, s) => time[r] - time[s] || r - s);
    } else for (let i = a + 1; i < b; i++) {
      const row = order[i];
      const t = time[row];
      let j = i - 1;
      while (j >= a && time[order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
    for (let i = a + 1; i < b; i++) {
      if (time[order[i]] === time[order[i - 1]]) {
        const r1 = Math.min(order[i], order[i - 1]) + 1;
        const r2 = Math.max(order[i], order[i - 1]) + 1;
        throw new UserError(
          `rows ${r1} and ${r2} have the same ${idName} = ${id.levels[g]} and ${timeName} = ${time[order[i]]} (duplicate id-time pair; lags and GMM need unique id-time pairs)`
        );
      }
    }
  }
  return {order, start};
}

/**
 * The checks of `panelIndex` without building the index (enough when no lag is used): missing id
 * or time (same errors, same row), then duplicate (id, time) pairs detected sort-free with a bitset
 * over the cells id_code * T + time_code (T = number of distinct times). On a duplicate, or when
 * the grid would be too large for a bitset, `panelIndex` runs to throw its message naming the rows.
 * `timeCodes` = factorised `time` (-1 only where time is missing).
 * Example: ids ["A","A"], times [2010, 2010] -> the same UserError as `panelIndex`.
 */
export function assertPanel(id: Factor, timeCodes: Int32Array, nTimes: number, time: Float64Array, idName: string, timeName: string): void {
  const n = id.codes.length;
  const cells = id.nlevels * nTimes;
  if (cells > 64 * n + 65536) {
    panelIndex(id, time, idName, timeName);
    return;
  }
  const seen = new Uint8Array((cells + 7) >>> 3);
  const codes = id.codes;
  let duplicate = false;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) throw new UserError(`id column '${idName}' is missing at row ${i + 1}`);
    const t = timeCodes[i];
    if (t < 0) throw new UserError(`time column '${timeName}' is missing at row ${i + 1}`);
    const cell = c * nTimes + t;
    const bit = 1 << (cell & 7);
    const byte = cell >>> 3;
    if (seen[byte] & bit) duplicate = true;
    seen[byte] |= bit;
  }
  if (duplicate) panelIndex(id, time, idName, timeName);
}
