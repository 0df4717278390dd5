/**
 * Lags by calendar time within id: `L.x` (= `L1.x`) and `Lk.x`; leads `F.x` and `Fk.x` (fixest `f(x, k)`). Convention (ESTIMATION.md, as fixest
 * `l(x, k)` with `panel.id` and plm `lag()`): `Lk.x` at (i, t) is x at (i, t - k); if that row is
 * absent or x is missing there, the lag is missing (NaN) -- never the previous available row.
 * Lags are built on the full data before any sample filter.
 */
import {UserError} from "../errors.js";
import type {PanelIndex} from "./panel.js";

/**
 * Parses a lag or lead term. `"L.dstri"` -> {base: "dstri", k: 1}; `"L2.dstri"` -> {base: "dstri", k: 2};
 * leads are negative lags, as Stata's `F.` and fixest's `f(x, k)`: `"F.dstri"` -> {base: "dstri", k: -1},
 * `"F2.dstri"` -> {base: "dstri", k: -2}; `"dstri"` -> null. `"L0.x"` / `"F0.x"` are UserErrors (a shift of
 * 0 periods is the variable itself).
 */
export function parseLag(term: string): {base: string; k: number} | null {
  const m = /^([LF])(\d*)\.(.+)$/.exec(term);
  if (!m) return null;
  const k = m[2] === "" ? 1 : Number(m[2]);
  const what = m[1] === "L" ? "lag" : "lead";
  if (!Number.isInteger(k) || k < 1) throw new UserError(`${what} term '${term}': the ${what} order must be a positive integer`);
  return {base: m[3], k: m[1] === "L" ? k : -k};
}

/**
 * Checks that the time column holds integers (lags are defined in calendar periods).
 * Example: time [2010, 2010.5] -> UserError naming row 2.
 */
export function assertIntegerTime(time: Float64Array, timeName: string): void {
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (t === t && !Number.isInteger(t)) {
      throw new UserError(`time column '${timeName}' must hold integers to build lags; row ${i + 1} has ${t}`);
    }
  }
}

/**
 * `x` lagged by `k` periods within id (a lead when k < 0), using a panel index sorted by (id, time).
 * Formula: out[r] = x[r'] where id[r'] = id[r] and time[r'] = time[r] - k; NaN if there is no such row.
 * Example: id A, years 2010, 2011, 2013, x 1, 2, 3: k = 1 -> NaN, 1, NaN; k = -1 (lead) -> 2, NaN, NaN.
 */
export function lagColumn(x: Float64Array, time: Float64Array, index: PanelIndex, k: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  const {order, start} = index;
  const G = start.length - 1;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (k > 0) {
      // Two pointers over the time-sorted block: j trails i looking for time[i] - k.
      let j = a;
      for (let i = a; i < b; i++) {
        const target = time[order[i]] - k;
        while (j < i && time[order[j]] < target) j++;
        if (j < i && time[order[j]] === target) out[order[i]] = x[order[j]];
      }
    } else {
      // A lead: j runs ahead of i looking for time[i] + |k|.
      let j = a;
      for (let i = a; i < b; i++) {
        const target = time[order[i]] - k;
        if (j <= i) j = i + 1;
        while (j < b && time[order[j]] < target) j++;
        if (j < b && time[order[j]] === target) out[order[i]] = x[order[j]];
      }
    }
  }
  return out;
}
