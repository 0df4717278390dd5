/**
 * Types shared by the demeaning dispatcher (demean.ts) and its algorithms (demean-one.ts,
 * demean-two.ts, demean-iterative.ts). A leaf: it imports nothing, so the algorithms never import the
 * dispatcher and the dispatcher never has to be imported by them (no cycle).
 */

/** One FE dimension on the estimation sample: codes 0..nlevels-1, no missing. */
export interface FeDim {
  codes: Int32Array;
  nlevels: number;
}

export interface DemeanResult {
  cols: Float64Array[];
  method: "one" | "exact2" | "schur" | "iterative";
  /** Largest iteration count over the columns (0 for exact paths). */
  iterations: number;
  /** Exact paths: number of redundant FE coefficients beyond the first dimension's (1 = connected). */
  redundancies: number | null;
  converged: boolean;
}

export interface DemeanOptions {
  /** "auto" picks an exact path when possible; "iterative" forces alternating projections. */
  method?: "auto" | "iterative";
  /** Relative tolerance on the change of the FE coefficients (iterative path). */
  tol?: number;
  maxIter?: number;
}
