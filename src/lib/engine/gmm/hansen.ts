/**
 * Hansen's J test of overidentifying restrictions, as plm 2.6-2 `sargan(object, "twosteps")`
 * (plm calls it "Sargan test" but uses the two-step weights, so it is Hansen's J):
 *   J = (Σ_i W_i' e2_i)' A2 (Σ_i W_i' e2_i),  df = #instruments - #coefficients (time effects included).
 */
import {Matrix} from "ml-matrix";
import type {Dense} from "./dense.js";
import {chisqUpper} from "./pvalues.js";
import {sumWv} from "./two-step.js";

/**
 * Example: `hansen(W, resid2, A2, 18)` -> {statistic: 2.609, df: 11, pvalue: 0.9949}.
 */
export function hansen(W: Dense[], resid2: Float64Array[], A2: Matrix, nCoef: number): {statistic: number; df: number; pvalue: number} {
  const z = Matrix.columnVector(Array.from(sumWv(W, resid2)));
  const statistic = z.transpose().mmul(A2).mmul(z).get(0, 0);
  const df = W[0].cols - nCoef;
  return {statistic, df, pvalue: chisqUpper(statistic, df)};
}
