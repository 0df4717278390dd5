/**
 * One- and two-step GMM as plm 2.6-2 `pgmm(model = "twosteps")` (Arellano-Bond 1991,
 * Blundell-Bond 1998):
 *   A1 = N (Σ_i W_i' H W_i)^{-1}                          (first-step weights)
 *   b1 = (X'W A1 W'X)^{-1} X'W A1 W'y,   e1_i = y_i - X_i b1
 *   A2 = (Σ_i W_i' e1_i e1_i' W_i)^{-1}                    (second-step weights)
 *   b2 = (X'W A2 W'X)^{-1} X'W A2 W'y,   e2_i = y_i - X_i b2,   vcov (non-robust) = (X'W A2 W'X)^{-1}
 * where W'X = Σ_i W_i' X_i. Each inverse is `solve()` unless the matrix is singular (smallest
 * eigenvalue < 1e-9), in which case plm uses the Moore-Penrose inverse (`MASS::ginv`): pinv.ts.
 */
import {inverse, Matrix} from "ml-matrix";
import {UserError} from "../../errors.js";
import {addCrossprod, addOuter, crossprodVec, matVec, mul, toMatrix, zeros, type Dense} from "./dense.js";
import {invertOrPinv} from "./pinv.js";
import type {GmmBlocks} from "./transform.js";

export interface GmmFit {
  /** N (Σ W'HW)^-1 (or ginv), as stored by plm in `$A1`. */
  A1: Matrix;
  /** (Σ W'e1e1'W)^-1 (or ginv), plm `$A2`. */
  A2: Matrix;
  A1singular: boolean;
  A2singular: boolean;
  /** Σ_i W_i' X_i (p x K) and Σ_i W_i' y_i (p x 1). */
  WX: Matrix;
  Wy: Matrix;
  coef1: Float64Array;
  coef2: Float64Array;
  /** (X'W A1 W'X)^{-1}, (X'W A2 W'X)^{-1} (the latter = plm's non-robust two-step vcov). */
  B1: Matrix;
  B2: Matrix;
  resid1: Float64Array[];
  resid2: Float64Array[];
}

/**
 * Residuals y_i - X_i b for every individual (zero-filled rows stay 0).
 * Example: residuals([[1, 2]], [X = [[1], [1]]], [1]) -> [[0, 1]].
 */
export function residuals(y: Float64Array[], X: Dense[], b: ArrayLike<number>): Float64Array[] {
  return y.map((yi, i) => {
    const fit = matVec(X[i], b);
    return yi.map((v, r) => v - fit[r]);
  });
}

/** Σ_i W_i' v_i (length p). Example: sumWv(W, resid2) is the Hansen moment vector. */
export function sumWv(W: Dense[], v: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(W[0].cols);
  for (let i = 0; i < W.length; i++) {
    const w = crossprodVec(W[i], v[i]);
    for (let j = 0; j < out.length; j++) out[j] += w[j];
  }
  return out;
}

/**
 * (X'W A W'X)^{-1} and the GMM estimate for weights A. A singular X'W A W'X means the
 * coefficients are not identified (too few instruments or collinear regressors): UserError.
 * Example: gmmStep(WX, Wy, A1, "first", names) -> {B: B1, coef: b1}.
 */
export function gmmStep(WX: Matrix, Wy: Matrix, A: Matrix, which: string, names: string[]): {B: Matrix; coef: Float64Array} {
  const XWA = WX.transpose().mmul(A);
  const M = XWA.mmul(WX);
  let B: Matrix;
  try {
    B = inverse(M);
  } catch {
    B = new Matrix(M.rows, M.columns).fill(NaN);
  }
  if (!B.to1DArray().every(Number.isFinite)) {
    throw new UserError(
      `GMM ${which} step: the coefficients are not identified (X'W A W'X is singular); check for collinear regressors among ${names.join(", ")} or too few instruments`
    );
  }
  const coef = Float64Array.from(B.mmul(XWA.mmul(Wy)).getColumn(0));
  return {B, coef};
}

/**
 * Runs both steps on the blocks of transform.ts. `names` (coefficient names) only serve error messages.
 * Example: `twoStep(buildBlocks(...), names).coef2`.
 */
export function twoStep(blocks: GmmBlocks, names: string[]): GmmFit {
  const {y, X, W, H} = blocks;
  const N = W.length;
  const p = W[0].cols;
  const S1 = zeros(p, p);
  const WXd = zeros(p, X[0].cols);
  for (let i = 0; i < N; i++) {
    addCrossprod(S1, W[i], mul(H, W[i]));
    addCrossprod(WXd, W[i], X[i]);
  }
  const a1 = invertOrPinv(toMatrix(S1));
  const A1 = a1.inv.mul(N); // ml-matrix mul() is in place: a1.inv is ours
  const WX = toMatrix(WXd);
  const Wy = Matrix.columnVector(Array.from(sumWv(W, y)));
  const s1 = gmmStep(WX, Wy, A1, "first", names);
  const resid1 = residuals(y, X, s1.coef);
  // Σ W_i' e_i e_i' W_i computed as Σ (W_i'e_i)(W_i'e_i)': same matrix, exactly symmetric.
  const S2 = zeros(p, p);
  for (let i = 0; i < N; i++) {
    const we = crossprodVec(W[i], resid1[i]);
    addOuter(S2, we, we);
  }
  const a2 = invertOrPinv(toMatrix(S2));
  const s2 = gmmStep(WX, Wy, a2.inv, "second", names);
  const resid2 = residuals(y, X, s2.coef);
  return {
    A1,
    A2: a2.inv,
    A1singular: a1.singular,
    A2singular: a2.singular,
    WX,
    Wy,
    coef1: s1.coef,
    coef2: s2.coef,
    B1: s1.B,
    B2: s2.B,
    resid1,
    resid2
  };
}
