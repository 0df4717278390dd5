/**
 * OLS by Frisch-Waugh-Lovell on demeaned data: b = (X~'X~)^{-1} X~'y~, e = y~ - X~ b, SSR = e'e
 * (ESTIMATION.md "Coefficients"; identical to least squares with all FE dummies).
 */
import {spdInverse} from "./linalg.js";

/**
 * Rows per cache block. Loops over all rows are cut into blocks so that every column of a block
 * stays in L1/L2 cache while all the products of that block are accumulated; each accumulator is
 * carried from block to block, so it receives the same terms in the same (row) order as a plain
 * column-by-column loop: blocking changes the speed, never a bit of the result.
 */
export const BLOCK = 1024;

/**
 * Cross-product matrix X'X (k x k, row-major) of column vectors: A_ij = sum_r x_i[r] x_j[r].
 * Example: `crossprod([Float64Array.of(1,2)])` -> [5].
 */
export function crossprod(X: Float64Array[]): Float64Array {
  const k = X.length;
  const n = k > 0 ? X[0].length : 0;
  const A = new Float64Array(k * k);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let i = 0; i < k; i++) {
      const xi = X[i];
      for (let j = 0; j <= i; j++) {
        const xj = X[j];
        let s = A[i * k + j];
        for (let r = r0; r < r1; r++) s += xi[r] * xj[r];
        A[i * k + j] = s;
      }
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) A[j * k + i] = A[i * k + j];
  return A;
}

/** X'y for column vectors (cache-blocked). Example: `crossvec([Float64Array.of(1,2)], Float64Array.of(3,4))` -> [11]. */
export function crossvec(X: Float64Array[], y: Float64Array): Float64Array {
  const out = new Float64Array(X.length);
  const n = y.length;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < X.length; j++) {
      const x = X[j];
      let s = out[j];
      for (let r = r0; r < r1; r++) s += x[r] * y[r];
      out[j] = s;
    }
  }
  return out;
}

/** sum_r x[r]^2 of each column. Example: `sumSquares([Float64Array.of(1,2)])` -> [5]. */
export function sumSquares(X: Float64Array[]): Float64Array {
  const out = new Float64Array(X.length);
  for (let j = 0; j < X.length; j++) {
    const x = X[j];
    let s = 0;
    for (let r = 0; r < x.length; r++) s += x[r] * x[r];
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
  // e = y - b_1 x_1 - ... - b_k x_k (subtracted in that order), SSR = sum e^2; cache-blocked.
  const resid = y.slice();
  let ssr = 0;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < k; j++) {
      const x = X[j];
      const b = coef[j];
      for (let r = r0; r < r1; r++) resid[r] -= b * x[r];
    }
    for (let r = r0; r < r1; r++) ssr += resid[r] * resid[r];
  }
  return {coef, bread, resid, ssr};
}
