/**
 * The standard deviation of a regressor that a fixed-effects model actually uses (Mummolo & Peterson 2018, "Improving
 * the interpretation of fixed effects regression results", Political Science Research and Methods 6(4)).
 *
 * With partner and year fixed effects only the variation of x within partner and year identifies its coefficient,
 * so "the effect of a one-SD change" must use the SD of x after the fixed effects are removed, on the estimation
 * sample: sd_within(x) = sqrt(sum_r x~_r^2 / (m - 1)), x~ = x demeaned on the model's fixed effects (R:
 * `sd(resid(feols(x ~ 1 | id + year, data = sample)))`). For a pooled model it is the ordinary SD. On the study's
 * Table 4(2) sample the DSTRI's total SD is about 0.085 but its within SD about 0.028: the total SD overstates the
 * typical change three-fold.
 *
 * `estimate()` stores it for every kept regressor in `result.info.within_sd` (estimate-ols.ts, where the demeaned
 * columns are at hand); this module reads it.
 * Example: `withinSd(estimate(frame, spec), "dstri")` -> 0.028...; `effectPerWithinSd(result, "dstri")` -> coef x SD.
 */
import type {Result} from "./types.js";

/** The within SD of `term` in a fitted OLS model, or null when the model does not carry it (GMM, dropped term). */
export function withinSd(result: Result, term: string): number | null {
  const table = result.info?.within_sd as Record<string, number> | undefined;
  const v = table?.[term];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** coef x within SD of `term` (the effect of a typical within change), or null. */
export function effectPerWithinSd(result: Result, term: string): number | null {
  const sd = withinSd(result, term);
  const j = result.terms.indexOf(term);
  return sd === null || j < 0 ? null : result.coef[j] * sd;
}
