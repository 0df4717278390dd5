/**
 * Arellano-Bond (1991) m-test for serial correlation of order `order` in the differenced
 * residuals, exactly as plm 2.6-2 `mtest.pgmm` with a user-supplied (robust) vcov:
 *   m = Σ_i e_i' e_i^{(-j)} / sqrt(denom),
 *   denom = Σ_i (e_i' e_i^{(-j)})² - 2 ê_L'X B2 X'W A2 Σ_i W_i' e_i (e_i' e_i^{(-j)}) + ê_L'X V ê_L'X'
 * with e_i the two-step residuals of the differenced equation (level rows of system GMM set to 0),
 * e_i^{(-j)} the same lagged j rows (zeros first), ê_L'X = Σ_i e_i^{(-j)}' X_i, B2 the non-robust
 * and V the robust (Windmeijer) vcov. p-value two-sided normal.
 */
import {Matrix} from "ml-matrix";
import {crossprodVec, type Dense} from "./dense.js";
import {normalTwoSided} from "./pvalues.js";

export interface ArInput {
  X: Dense[];
  W: Dense[];
  resid2: Float64Array[];
  /** Number of differenced rows per individual (the first rows of each block). */
  nd: number;
  A2: Matrix;
  WX: Matrix;
  B2: Matrix;
  vcov: Matrix;
}

/**
 * Example: `arTest(inp, 2)` -> {statistic: -1.089, pvalue: 0.276}; null if the test is undefined
 * (order >= rows per individual, as plm which then skips m2).
 */
export function arTest(inp: ArInput, order: number): {statistic: number; pvalue: number} | null {
  const {X, W, resid2, nd, A2, WX, B2, vcov} = inp;
  const rows = X[0].rows;
  // plm computes m2 only when NROW(model[[1]]) > 2 and stops when order >= rows.
  if (order >= rows || (order >= 2 && rows <= 2)) return null;
  const K = X[0].cols;
  let EVE = 0;
  let num = 0;
  const EX = new Matrix(1, K);
  const ZVE = new Float64Array(W[0].cols);
  for (let i = 0; i < X.length; i++) {
    const e = new Float64Array(rows);
    const el = new Float64Array(rows);
    for (let r = 0; r < nd; r++) e[r] = resid2[i][r];
    for (let r = order; r < nd; r++) el[r] = resid2[i][r - order];
    let ee = 0;
    for (let r = 0; r < rows; r++) ee += e[r] * el[r];
    num += ee;
    EVE += ee * ee;
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += el[r] * X[i].data[r * K + c];
      EX.set(0, c, EX.get(0, c) + s);
    }
    const we = crossprodVec(W[i], e);
    for (let j = 0; j < ZVE.length; j++) ZVE[j] += we[j] * ee;
  }
  const denom =
    EVE - 2 * EX.mmul(B2).mmul(WX.transpose()).mmul(A2).mmul(Matrix.columnVector(Array.from(ZVE))).get(0, 0) + EX.mmul(vcov).mmul(EX.transpose()).get(0, 0);
  const statistic = num / Math.sqrt(denom);
  return {statistic, pvalue: normalTwoSided(statistic)};
}
