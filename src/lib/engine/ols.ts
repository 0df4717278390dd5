/**
 * OLS by Frisch-Waugh-Lovell on demeaned data: b = (X~'X~)^{-1} X~'y~, e = y~ - X~ b, SSR = e'e
 * (ESTIMATION.md "Coefficients"; identical to least squares with all FE dummies).
 */
import {spdInverse} from "./linalg.js";

/**
 * Cross-product matrix X'X (k x k, row-major) of column vectors.
 * Example: `crossprod([Float64Array.of(1,2)])` -> [5].
 */
export function crossprod(X: Float64Array[]): Float64Array {
  const k = X.length;
  const n = k > 0 ? X[0].length : 0;
  const A = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const xi = X[i];
    for (let j = 0; j <= i; j++) {
      const xj = X[j];
      let s = 0;
      for (let r = 0; r < n; r++) s += xi[r] * xj[r];
      A[i * k + j] = s;
      A[j * k + i] = s;
    }
  }
  return A;
}

/** X'y for column vectors. Example: `crossvec([Float64Array.of(1,2)], Float64Array.of(3,4))` -> [11]. */
export function crossvec(X: Float64Array[], y: Float64Array): Float64Array {
  const out = new Float64Array(X.length);
  for (let j = 0; j < X.length; j++) {
    const x = X[j];
    let s = 0;
    for (let r = 0; r < y.length; r++) s += x[r] * y[r];
    out[j] = s;
  }
  return out;
}

export interface OlsFit {
  coef: Float64Array;
  /** (X~'X~)^{-1}, row-major k x k: the "bread" of every variance estimator. */
  bread: Float64Array;
  resid: Float64Array;
  ssr: number;
}

/**
 * Least squares of demeaned y on demeaned, full-rank X (collinear columns already removed).
 * `XtX` may be passed when already computed. Returns null if X'X is singular.
 * Example: y = [1,2,3], X = [[1,2,3]] -> coef [1], ssr 0.
 */
export function olsFwl(y: Float64Array, X: Float64Array[], XtX?: Float64Array): OlsFit | null {
  const k = X.length;
  const n = y.length;
  const A = XtX ?? crossprod(X);
  const bread = k > 0 ? spdInverse(A, k) : new Float64Array(0);
  if (bread === null) return null;
  const Xty = crossvec(X, y);
  const coef = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += bread[i * k + j] * Xty[j];
    coef[i] = s;
  }
  const resid = y.slice();
  for (let j = 0; j < k; j++) {
    const x = X[j];
    const b = coef[j];
    for (let r = 0; r < n; r++) resid[r] -= b * x[r];
  }
  let ssr = 0;
  for (let r = 0; r < n; r++) ssr += resid[r] * resid[r];
  return {coef, bread, resid, ssr};
}
