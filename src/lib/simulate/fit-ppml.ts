/**
 * The gravity lab's PPML: the engine's estimator (engine/ppml.ts, fixest fepois conventions: IRLS, bread at the
 * solution, iid (n-1)/(n-K) B, HC1 n/(n-K), z statistics), called on a cross-section of N flows. One
 * implementation: the lab adds no PPML of its own. tests/lib/simulate/fit-ppml.test.ts compares it with R's
 * glm(family = poisson) + sandwich on cross-sections drawn as the lab draws them (to 1e-8).
 */
import {estimate as estimateModel} from "../engine/estimate.js";
import type {Frame} from "../engine/types.js";
import type {FitFailure} from "./fit.js";

/** Row ids and a constant period for the engine's PPML on a cross-section (it takes panel-shaped specs). */
const crossIds = new Map<number, {id: Float64Array; t: Float64Array}>();

/**
 * The engine's PPML (engine/ppml.ts, fixest's fepois conventions) of y on x with an intercept, once with the iid
 * and once with the HC1 variance. A draw the engine refuses (no convergence, separation) is a failed replication.
 */
export function ppmlFit(y: Float64Array, x: Float64Array): {coef: number; se: {iid: number; hetero: number}; failure?: FitFailure} {
  const n = y.length;
  let ids = crossIds.get(n);
  if (!ids) {
    ids = {id: Float64Array.from({length: n}, (_, i) => i), t: new Float64Array(n).fill(1)};
    crossIds.set(n, ids);
  }
  const frame: Frame = {nrows: n, columns: {id: ids.id, t: ids.t, y, x}};
  try {
    const fit = (vcov: "iid" | "hetero") => estimateModel(frame, {id: "id", time: "t", y: "y", x: ["x"], fe: [], vcov, estimator: "ppml"});
    const a = fit("iid");
    const b = fit("hetero");
    const j = a.terms.indexOf("x");
    return {coef: a.coef[j], se: {iid: a.se[j], hetero: b.se[b.terms.indexOf("x")]}};
  } catch (e) {
    return {coef: NaN, se: {iid: NaN, hetero: NaN}, failure: /converge/i.test((e as Error).message) ? "not_converged" : "estimation_error"};
  }
}
