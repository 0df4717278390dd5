/**
 * Observations that prevent a Poisson MLE from existing, removed before PPML as fixest `fepois` and Stata
 * `ppmlhdfe` do:
 *  - "perfect" fixed effects (fixest's default `fixef.rm = "perfect"`): a level of a fixed effect whose outcome
 *    is 0 in every row (its coefficient would run off to minus infinity); repeated until no level is left;
 *  - separation by the regressors (Correia, Guimarães & Zylkin 2021, "Verifying the existence of maximum
 *    likelihood estimates for generalized linear models", ppmlhdfe's `relu` method): rows with y = 0 for which a
 *    combination z = X gamma (with the fixed effects) is > 0 while z = 0 wherever y > 0. Found by iterated
 *    weighted least squares of u on X and the fixed effects, weights 1 (y = 0) and 1e8 (y > 0), with
 *    u_i = max(z_i, 0) on the zeros, until every fitted z_i on the zeros is >= -tol; separated: z_i > tol.
 */
import {demeanWeighted} from "./demean-weighted.js";
import type {FeDim} from "./demean-types.js";
import {spdInverse} from "./linalg.js";

/**
 * Rows (0..n-1) to keep after removing, repeatedly, every level of every FE whose outcome is all zero.
 * Example: y [0, 0, 1, 2], FE [0, 0, 1, 1] -> keep [2, 3].
 */
export function perfectFixedEffects(y: Float64Array, fes: FeDim[]): Uint8Array {
  const n = y.length;
  const keep = new Uint8Array(n).fill(1);
  let changed = true;
  while (changed) {
    changed = false;
    for (const fe of fes) {
      const sum = new Float64Array(fe.nlevels);
      const seen = new Uint8Array(fe.nlevels);
      for (let i = 0; i < n; i++) {
        if (!keep[i]) continue;
        sum[fe.codes[i]] += y[i];
        seen[fe.codes[i]] = 1;
      }
      // Outcomes are >= 0: a level sums to 0 only when all its outcomes are 0. Most samples have none.
      let anyZero = false;
      for (let g = 0; g < fe.nlevels; g++) if (seen[g] && sum[g] === 0) anyZero = true;
      if (!anyZero) continue;
      for (let i = 0; i < n; i++) {
        if (keep[i] && seen[fe.codes[i]] && sum[fe.codes[i]] === 0) {
          keep[i] = 0;
          changed = true;
        }
      }
    }
  }
  return keep;
}

/**
 * Separated rows by the ReLU method (see the file header): 1 = separated. `X` are the regressors (pooled models
 * pass a column of ones among them, or `fes` hold the fixed effects). Returns all zeros when y has no zero.
 * Example: y [0, 1, 2, 3], x [1, 0, 0, 0] (x > 0 only where y = 0) -> [1, 0, 0, 0].
 */
export function separatedRows(y: Float64Array, X: Float64Array[], fes: FeDim[], tol = 1e-7, maxIter = 200): Uint8Array {
  const n = y.length;
  const sep = new Uint8Array(n);
  let nZero = 0;
  for (let i = 0; i < n; i++) if (y[i] === 0) nZero++;
  if (nZero === 0 || X.length === 0) return sep;
  const w = new Float64Array(n);
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = y[i] === 0 ? 1 : 1e8;
    u[i] = y[i] === 0 ? 1 : 0;
  }
  const dmX = demeanWeighted(X, w, fes).cols;
  const k = X.length;
  const XtWX = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i] * dmX[a][i] * dmX[b][i];
      XtWX[a * k + b] = s;
      XtWX[b * k + a] = s;
    }
  // Regressors that are collinear (with the FE) are given no weight in the fit: a ridge of 1e-12 of the diagonal.
  for (let a = 0; a < k; a++) XtWX[a * k + a] *= 1 + 1e-12;
  const inv = spdInverse(XtWX, k, 0);
  if (!inv) return sep;
  const z = new Float64Array(n);
  let converged = false;
  for (let iter = 0; iter < maxIter; iter++) {
    const du = demeanWeighted([u], w, fes).cols[0];
    const Xtu = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i] * dmX[a][i] * du[i];
      Xtu[a] = s;
    }
    const g = new Float64Array(k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) g[a] += inv[a * k + b] * Xtu[b];
    // Fitted z = u - (residual of the weighted projection on X and the FE).
    let minZero = Infinity;
    for (let i = 0; i < n; i++) {
      let r = du[i];
      for (let a = 0; a < k; a++) r -= dmX[a][i] * g[a];
      z[i] = u[i] - r;
      if (y[i] === 0) minZero = Math.min(minZero, z[i]);
    }
    if (minZero >= -tol) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) u[i] = y[i] === 0 ? Math.max(z[i], 0) : 0;
  }
  // Not settled within maxIter: nothing is certified as separated (the estimation then reports non-convergence).
  if (!converged) return sep;
  for (let i = 0; i < n; i++) if (y[i] === 0 && z[i] > tol) sep[i] = 1;
  return sep;
}
