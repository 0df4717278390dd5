/**
 * OLS by Frisch-Waugh-Lovell on demeaned data: b = (X~'X~)^{-1} X~'y~, e = y~ - X~ b, SSR = e'e
 * (ESTIMATION.md "Coefficients"; identical to least squares with all FE dummies).
 */
import {spdInverse} from "./linalg.js";
import {takeF64} from "./scratch.js";

/**
 * Rows per cache block. Loops over all rows are cut into blocks so that every column of a block
 * stays in L1/L2 cache while all the products of that block are accumulated. Cross-products sum
 * each block with `dot4` and add the block sums in row order (a fixed summation order, independent
 * of the data layout).
 */
export const BLOCK = 1024;

/**
 * sum_{r0 <= r < r1} a[r] b[r] in four interleaved partial sums (rows r0+0, +1, +2, +3 mod 4),
 * combined as (s0 + s1) + (s2 + s3): four independent add chains instead of one (the loop is
 * bound by the add latency), and a smaller rounding error than one running sum.
 */
export function dot4(a: Float64Array, b: Float64Array, r0: number, r1: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    s0 += a[r] * b[r];
    s1 += a[r + 1] * b[r + 1];
    s2 += a[r + 2] * b[r + 2];
    s3 += a[r + 3] * b[r + 3];
  }
  for (; r < r1; r++) s0 += a[r] * b[r];
  return s0 + s1 + (s2 + s3);
}

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
        A[i * k + j] += dot4(xi, X[j], r0, r1);
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
    for (let j = 0; j < X.length; j++) out[j] += dot4(X[j], y, r0, r1);
  }
  return out;
}

/** sum_r x[r]^2 of each column. Example: `sumSquares([Float64Array.of(1,2)])` -> [5]. */
export function sumSquares(X: Float64Array[]): Float64Array {
  const out = new Float64Array(X.length);
  for (let j = 0; j < X.length; j++) {
    const x = X[j];
    let s = 0;
    for (let r0 = 0; r0 < x.length; r0 += BLOCK) s += dot4(x, x, r0, Math.min(x.length, r0 + BLOCK));
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
  const resid = takeF64(n);
  resid.set(y);
  let ssr = 0;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < k; j++) {
      const x = X[j];
      const b = coef[j];
      for (let r = r0; r < r1; r++) resid[r] -= b * x[r];
    }
    ssr += dot4(resid, resid, r0, r1);
  }
  return {coef, bread, resid, ssr};
}
