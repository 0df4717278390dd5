/**
 * Windmeijer (2005) finite-sample corrected variance of the two-step GMM estimator, exactly as
 * plm 2.6-2 `vcovHC.pgmm` (model "twosteps"):
 *   V = B2 + D B2 + (D B2)' + D V1 D',
 *   B2 = (X'W A2 W'X)^{-1},  B1 = (X'W A1 W'X)^{-1},  V1 = B1 X'W A1 Ω A1 W'X B1,
 *   Ω = A2^{-1} (plm: `solve(A2)`, or `ginv(A2)` when min |Re eig(A2)| < 1e-9),
 *   D[, k] = -B2 X'W A2 (Σ_i W_i' ∂Ω_i/∂b_k W_i) A2 Σ_i W_i' e2_i,
 *   ∂Ω_i/∂b_k = -(x_ik e1_i' + e1_i x_ik')
 * with e1 / e2 the one- / two-step residuals and x_ik the k-th regressor column of individual i.
 * Since W_i'(x e' + e x')W_i = (W_i'x)(W_i'e)' + (W_i'e)(W_i'x)', with L = -B2 X'W A2 and
 * r = A2 Σ W'e2 the column is D[, k] = -Σ_i [(L W_i'x_ik)(W_i'e1_i · r) + (L W_i'e1_i)(W_i'x_ik · r)]:
 * no p x p matrix per k is needed.
 */
import {Matrix} from "ml-matrix";
import {addCrossprod, crossprodVec, zeros} from "./dense.js";
import {invertOrPinv} from "./pinv.js";
import {sumWv, type GmmFit} from "./two-step.js";
import type {GmmBlocks} from "./transform.js";

export interface Windmeijer {
  vcov: Matrix;
  /** true when Ω = ginv(A2) (plm warns "a general inverse is used"). */
  pinvUsed: boolean;
}

/**
 * Robust (Windmeijer-corrected) covariance of the two-step coefficients (all of them, time effects included).
 * Example: `windmeijer(blocks, twoStep(blocks, names)).vcov`.
 */
export function windmeijer(blocks: GmmBlocks, fit: GmmFit): Windmeijer {
  const {X, W} = blocks;
  const {A1, A2, WX, B1, B2, resid1, resid2} = fit;
  const N = W.length;
  const K = WX.columns;
  const p = WX.rows;
  const om = invertOrPinv(A2);
  const WXt = WX.transpose();
  const vcov1s = B1.mmul(WXt.mmul(A1).mmul(om.inv).mmul(A1).mmul(WX)).mmul(B1);
  const L = B2.mmul(WXt).mmul(A2).mul(-1); // K x p
  const r = A2.mmul(Matrix.columnVector(Array.from(sumWv(W, resid2)))).getColumn(0);
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += a[j] * b[j];
    return s;
  };
  const D = new Matrix(K, K);
  for (let i = 0; i < N; i++) {
    const we = crossprodVec(W[i], resid1[i]);
    const WXi = zeros(p, K);
    addCrossprod(WXi, W[i], X[i]);
    const Lwe = L.mmul(Matrix.columnVector(Array.from(we))).getColumn(0);
    const weR = dot(we, r);
    const LWXi = L.mmul(new Matrix(Array.from({length: p}, (_, j) => Array.from(WXi.data.subarray(j * K, (j + 1) * K)))));
    for (let k = 0; k < K; k++) {
      let wxR = 0;
      for (let j = 0; j < p; j++) wxR += WXi.data[j * K + k] * r[j];
      for (let q = 0; q < K; q++) D.set(q, k, D.get(q, k) - (LWXi.get(q, k) * weR + Lwe[q] * wxR));
    }
  }
  const DB2 = D.mmul(B2);
  // ml-matrix add() works in place: clone so the non-robust B2 stays intact.
  const vcov = B2.clone().add(DB2).add(DB2.transpose()).add(D.mmul(vcov1s).mmul(D.transpose()));
  return {vcov, pinvUsed: om.singular};
}
