/**
 * Absorbs fixed effects: returns the residuals of each column from a least-squares projection on the
 * dummies of every FE dimension (the "tilde" transform of ESTIMATION.md: exact within
 * transformation, so b = (X~'X~)^{-1} X~'y~ by Frisch-Waugh-Lovell).
 *
 * This file only dispatches; the algorithms live in files that do not know one another (nor this one):
 *  - one dimension: subtract group means (demean-one.ts, exact);
 *  - two dimensions with a small one (<= 1000 levels, e.g. years): exact solution through the
 *    Schur complement of the large dimension (demean-two.ts);
 *  - three or more dimensions of which all but the largest have <= 1000 levels together (firm x
 *    partner x year): the same exact solution with several small dimensions (demean-schur.ts);
 *  - otherwise, any number of dimensions (firm, partner, year, partner x year, ...): alternating
 *    projections in the space of the FE coefficients with Irons-Tuck acceleration, as fixest's
 *    demeaning, on sparse cross-tabulations of the dimensions (demean-iterative.ts).
 */
import {demeanIterative} from "./demean-iterative.js";
import {demeanOne} from "./demean-one.js";
import {demeanSchur} from "./demean-schur.js";
import {demeanTwoExact} from "./demean-two.js";
import type {DemeanOptions, DemeanResult, FeDim} from "./demean-types.js";

export type {DemeanOptions, DemeanResult, FeDim};
export {demeanIterative, demeanOne, demeanSchur, demeanTwoExact};

/**
 * Demeans every column of `cols` by the FE dimensions `fes` (columns are not modified; new arrays
 * are returned). With no dimension the columns are copied unchanged.
 * Example: `demean([Float64Array.of(1,2,3,5)], [{codes: Int32Array.of(0,0,1,1), nlevels: 2}])`
 * -> [[-0.5, 0.5, -1, 1]].
 */
export function demean(cols: Float64Array[], fes: FeDim[], opts: DemeanOptions = {}): DemeanResult {
  const method = opts.method ?? "auto";
  if (fes.length === 0) return {cols: cols.map((c) => c.slice()), method: "one", iterations: 0, redundancies: 0, converged: true};
  if (fes.length === 1 && method === "auto") return demeanOne(cols, fes[0]);
  if (fes.length === 2 && method === "auto") {
    const exact = demeanTwoExact(cols, fes[0], fes[1]);
    if (exact) return exact;
  }
  if (fes.length >= 3 && method === "auto") {
    const exact = demeanSchur(cols, fes);
    if (exact) return exact;
  }
  return demeanIterative(cols, fes, opts.tol ?? 1e-14, opts.maxIter ?? 10000);
}
