/**
 * Collinear regressors (after demeaning). As fixest, a regressor is removed -- in spec order, later
 * terms first to go -- when it is (numerically) a linear combination of the regressors kept before it
 * or is absorbed by the fixed effects; fixest reports "The variable 'x2' has been removed because of
 * collinearity (see $collin.var)". Tolerance: fixest's `collin.tol = 1e-10`.
 */
import {cholesky} from "./linalg.js";

/**
 * Decides which columns to keep. `XtX` is the k x k cross-product of the demeaned regressors
 * (row-major), `rawSS[j]` the sum of squares of regressor j before demeaning.
 * Rules: (1) absorbed: XtX[j][j] <= tol * rawSS[j] (nothing left after removing the FE / intercept);
 * (2) dependent: the Cholesky pivot of the equilibrated matrix, i.e. 1 - R^2 of j on the kept
 * earlier columns, is <= tol.
 * Example: columns x, 2x -> keep [0], drop [1].
 */
export function findCollinear(XtX: Float64Array, k: number, rawSS: Float64Array, tol = 1e-10): {keep: number[]; drop: number[]} {
  const absorbed = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    const d = XtX[j * k + j];
    if (!(d > tol * rawSS[j]) || !(d > 0)) absorbed[j] = 1;
  }
  // Equilibrated matrix; absorbed columns are zeroed so that the Cholesky drops them too.
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = absorbed[j] ? 0 : 1 / Math.sqrt(XtX[j * k + j]);
  const A = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) A[i * k + j] = XtX[i * k + j] * s[i] * s[j];
  const {dropped} = cholesky(A, k, tol);
  const dropSet = new Set(dropped);
  const keep: number[] = [];
  const drop: number[] = [];
  for (let j = 0; j < k; j++) (dropSet.has(j) ? drop : keep).push(j);
  return {keep, drop};
}

/** The note fixest prints for a removed variable. Example: `collinearityNote("x2")`. */
export function collinearityNote(term: string): string {
  return `The variable '${term}' has been removed because of collinearity.`;
}
