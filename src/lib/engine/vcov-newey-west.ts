/**
 * Panel Newey-West variance (Newey & West 1987, within units), as fixest 0.12.1 `vcov = "NW"` /
 * `vcov_NW(unit, time, lag)` (R/VCOV.R `vcov_newey_west_internal`, src/vcov_related.cpp `cpp_newey_west_panel`):
 *   s_it = x~_it e_it, meat = sum_{l=0}^{L} w_l sum_i sum_t (s_it s_{i,t-l}' + s_{i,t-l} s_it'),
 * products only between rows of the same unit exactly l periods apart (periods = ranks of the distinct times in
 * the sample, vcov-hac.ts), Bartlett w; V = T/(T-1) (n-1)/(n-K) B meat B. Needs unique unit-time pairs.
 */
import {UserError} from "../errors.js";
import {sandwich} from "./linalg.js";
import {addTranspose, bartlettWeights} from "./vcov-hac.js";

/**
 * Row of each (unit, period) pair, or a one-line error naming the first duplicated pair.
 * Example: units [0, 0], periods [0, 0] -> "... appears twice".
 */
export function unitTimeRows(unit: {codes: Int32Array; nlevels: number}, time: {codes: Int32Array; nlevels: number}, names: {unit: string; time: string; label: (row: number) => string}): Int32Array {
  const T = time.nlevels;
  const at = new Int32Array(unit.nlevels * T).fill(-1);
  for (let r = 0; r < unit.codes.length; r++) {
    const key = unit.codes[r] * T + time.codes[r];
    if (at[key] >= 0) {
      throw new UserError(`Newey-West needs one row per ${names.unit} and ${names.time}: ${names.label(r)} appears twice (rows ${at[key] + 1} and ${r + 1} of the estimation sample); use Driscoll-Kraay, which allows it`);
    }
    at[key] = r;
  }
  return at;
}

/**
 * Meat of the panel Newey-West variance. `at[u * T + t]` is the row of unit u in period t (-1 if absent).
 * Example: one unit, periods 0 and 1 with scores 1 and 1, lag 1 -> 2 * (0.5 * 2 + 0.5 * 1) = [[3]].
 */
export function neweyWestMeat(X: Float64Array[], e: Float64Array, at: Int32Array, nUnits: number, T: number, lag: number): Float64Array {
  const k = X.length;
  const n = e.length;
  const S = new Float64Array(n * k);
  for (let j = 0; j < k; j++) for (let r = 0; r < n; r++) S[r * k + j] = X[j][r] * e[r];
  const w = bartlettWeights(lag, T);
  const M = new Float64Array(k * k);
  for (let l = 0; l < w.length; l++) {
    const acc = new Float64Array(k * k);
    for (let u = 0; u < nUnits; u++) {
      for (let t = l; t < T; t++) {
        const r1 = at[u * T + t];
        const r0 = at[u * T + t - l];
        if (r1 < 0 || r0 < 0) continue;
        for (let a = 0; a < k; a++) {
          const sa = S[r1 * k + a];
          for (let b = 0; b < k; b++) acc[a * k + b] += sa * S[r0 * k + b];
        }
      }
    }
    for (let i = 0; i < k * k; i++) M[i] += w[l] * acc[i];
  }
  return addTranspose(M, k);
}

/** V = T/(T-1) (n-1)/(n-K) B meat B. Example: `vcovNeweyWest(bread, Z, e, at, G, T, 1, K)`. */
export function vcovNeweyWest(bread: Float64Array, X: Float64Array[], e: Float64Array, at: Int32Array, nUnits: number, T: number, lag: number, K: number): Float64Array {
  const k = X.length;
  const n = e.length;
  const V = sandwich(bread, neweyWestMeat(X, e, at, nUnits, T, lag), k);
  const factor = (T / (T - 1)) * ((n - 1) / (n - K));
  return V.map((v) => v * factor);
}
