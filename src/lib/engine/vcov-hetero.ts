/**
 * Heteroskedasticity-robust HC1 variance (fixest vcov = "hetero"):
 * V = n / (n - K) * B (sum_i e_i^2 x~_i x~_i') B, B = (X~'X~)^{-1}, K = nparams with the FE fully
 * counted. fixest writes the factor as n/(n-1) [cluster.adj] times (n-1)/(n-K) [adj]; pooled OLS
 * gives sandwich::vcovHC(type = "HC1") and Stata `, robust` (ESTIMATION.md).
 */
import {sandwich} from "./linalg.js";
import {BLOCK} from "./ols.js";

/**
 * Meat sum_i e_i^2 x_i x_i' (k x k, row-major) over the first k columns of X and the first n rows (defaults:
 * all), into `buffers` when given (the multiverse reuses them: vcov-cluster.ts ClusterMeatBuffers says why).
 * Example: X = [[1,1]], e = [1,2] -> [[5]].
 */
export function heteroMeat(X: Float64Array[], e: Float64Array, k = X.length, n = e.length, buffers?: {e2: Float64Array; out: Float64Array}): Float64Array {
  const e2 = buffers ? buffers.e2 : new Float64Array(n);
  for (let r = 0; r < n; r++) e2[r] = e[r] * e[r];
  const M = buffers ? buffers.out.fill(0, 0, k * k) : new Float64Array(k * k);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let i = 0; i < k; i++)
      for (let j = 0; j <= i; j++) {
        const xi = X[i];
        const xj = X[j];
        let s = M[i * k + j];
        for (let r = r0; r < r1; r++) s += e2[r] * xi[r] * xj[r];
        M[i * k + j] = s;
      }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) M[j * k + i] = M[i * k + j];
  return M;
}

/**
 * Example: one regressor x = [1, 1], e = [1, 2], bread [[0.5]], K = 1 -> 2/1 * 0.5*5*0.5 = [[2.5]].
 */
export function vcovHetero(bread: Float64Array, X: Float64Array[], e: Float64Array, K: number): Float64Array {
  const k = X.length;
  const n = e.length;
  const V = sandwich(bread, heteroMeat(X, e), k);
  const adj = n / (n - K);
  return V.map((v) => v * adj);
}
