/**
 * OLS by Frisch-Waugh-Lovell on demeaned data: b = (X~'X~)^{-1} X~'y~, e = y~ - X~ b, SSR = e'e
 * (ESTIMATION.md "Coefficients"; identical to least squares with all FE dummies).
 */
import {spdInverse} from "./linalg.js";
import {BLOCK, gram, gramVec} from "./gram.js";
import {takeF64} from "./scratch.js";

export {BLOCK} from "./gram.js";

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
 * Cross-product matrix X'X (k x k, row-major) of column vectors: A_ij = sum_r x_i[r] x_j[r] (gram.ts, whose
 * summation order makes A_ij independent of the other columns).
 * Example: `crossprod([Float64Array.of(1,2)])` -> [5].
 */
export function crossprod(X: Float64Array[]): Float64Array {
  return gram(X);
}

/** X'y for column vectors, in the Gram matrix's summation order (gram.ts `gramVec`). Example: `crossvec([Float64Array.of(1,2)], Float64Array.of(3,4))` -> [11]. */
export function crossvec(X: Float64Array[], y: Float64Array): Float64Array {
  return gramVec(X, y, X.length, y.length, new Float64Array(X.length));
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
 * `XtX` and `XtY` (X'y) may be passed when already computed (gram.ts). Returns null if X'X is singular.
 * Example: y = [1,2,3], X = [[1,2,3]] -> coef [1], ssr 0.
 */
export function olsFwl(y: Float64Array, X: Float64Array[], XtX?: Float64Array, XtY?: Float64Array): OlsFit | null {
  const k = X.length;
  const n = y.length;
  const A = XtX ?? crossprod(X);
  const bread = k > 0 ? spdInverse(A, k) : new Float64Array(0);
  if (bread === null) return null;
  const Xty = XtY ?? crossvec(X, y);
  const coef = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += bread[i * k + j] * Xty[j];
    coef[i] = s;
  }
  // e = y - b_1 x_1 - ... - b_k x_k (subtracted in that order), SSR = sum e^2; cache-blocked.
  const resid = takeF64(n);
  let ssr = 0;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    residualBlock(y, X, coef, resid, r0, r1);
    ssr += dot4(resid, resid, r0, r1);
  }
  return {coef, bread, resid, ssr};
}

/**
 * resid[r] = y[r] - b_1 x_1[r] - ... - b_k x_k[r] (subtracted in that order) for rows r0..r1-1: row by row for
 * k <= 3 (each row's values loaded once, the same operations in the same order), column by column beyond.
 */
function residualBlock(y: Float64Array, X: Float64Array[], coef: Float64Array, resid: Float64Array, r0: number, r1: number): void {
  const k = X.length;
  if (k === 0) resid.set(y.subarray(r0, r1), r0);
  else if (k === 1) residual1(y, X[0], coef[0], resid, r0, r1);
  else if (k === 2) residual2(y, X[0], X[1], coef[0], coef[1], resid, r0, r1);
  else {
    residual3(y, X[0], X[1], X[2], coef[0], coef[1], coef[2], resid, r0, r1);
    for (let j = 3; j < k; j++) subtractScaled(resid, X[j], coef[j], r0, r1);
  }
}

function residual1(y: Float64Array, x0: Float64Array, b0: number, out: Float64Array, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) out[r] = y[r] - b0 * x0[r];
}

function residual2(y: Float64Array, x0: Float64Array, x1: Float64Array, b0: number, b1: number, out: Float64Array, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) out[r] = y[r] - b0 * x0[r] - b1 * x1[r];
}

function residual3(y: Float64Array, x0: Float64Array, x1: Float64Array, x2: Float64Array, b0: number, b1: number, b2: number, out: Float64Array, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) out[r] = y[r] - b0 * x0[r] - b1 * x1[r] - b2 * x2[r];
}

function subtractScaled(out: Float64Array, x: Float64Array, b: number, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) out[r] -= b * x[r];
}
