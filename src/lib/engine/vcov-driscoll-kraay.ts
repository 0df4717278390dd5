/**
 * Driscoll-Kraay variance (Driscoll & Kraay 1998), as fixest 0.12.1 `vcov = "DK"` / `vcov_DK(time, lag)`
 * (R/VCOV.R `vcov_driscoll_kraay_internal`, src/vcov_related.cpp `cpp_driscoll_kraay`):
 *   S_t = sum_{i in t} x~_i e_i (scores summed within each period: cross-sectional dependence is left free),
 *   meat = sum_{l=0}^{L} w_l sum_t (S_t S_{t+l}' + S_{t+l} S_t'), Bartlett w (vcov-hac.ts),
 *   V = T/(T-1) (n-1)/(n-K) B meat B.
 * Duplicated id-time pairs do not matter (no unit is needed). Scores are x~_i e_i for OLS and x~_i (y_i - mu_i)
 * for PPML, as fixest's `scores`.
 */
import {sandwich} from "./linalg.js";
import {addTranspose, bartlettWeights} from "./vcov-hac.js";

/**
 * Meat of the Driscoll-Kraay variance (before the small-sample factors).
 * Example: one regressor, scores by period [1, -1] (T 2, lag 1 -> one weight 1/2): meat = 2 * 0.5 * (1 + 1) = [[2]].
 */
export function driscollKraayMeat(X: Float64Array[], e: Float64Array, time: {codes: Int32Array; nlevels: number}, lag: number): Float64Array {
  const k = X.length;
  const T = time.nlevels;
  const n = e.length;
  const S = new Float64Array(T * k);
  for (let j = 0; j < k; j++) {
    const x = X[j];
    for (let r = 0; r < n; r++) S[time.codes[r] * k + j] += x[r] * e[r];
  }
  const w = bartlettWeights(lag, T);
  const M = new Float64Array(k * k);
  for (let l = 0; l < w.length; l++) {
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let t = 0; t + l < T; t++) s += S[t * k + a] * S[(t + l) * k + b];
        M[a * k + b] += w[l] * s;
      }
  }
  return addTranspose(M, k);
}

/**
 * V = T/(T-1) (n-1)/(n-K) B meat B. Example: `vcovDriscollKraay(bread, Z, e, time, 2, K)`.
 */
export function vcovDriscollKraay(bread: Float64Array, X: Float64Array[], e: Float64Array, time: {codes: Int32Array; nlevels: number}, lag: number, K: number): Float64Array {
  const k = X.length;
  const n = e.length;
  const T = time.nlevels;
  const V = sandwich(bread, driscollKraayMeat(X, e, time, lag), k);
  const factor = (T / (T - 1)) * ((n - 1) / (n - K));
  return V.map((v) => v * factor);
}
