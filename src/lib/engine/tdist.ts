/**
 * p-values. OLS/FE: two-sided Student t, p = 2 F_t(-|t|; df) (fixest; never the normal).
 * GMM: two-sided normal, p = 2 Phi(-|z|) (plm pgmm z-tests). Uses @stdlib CDFs, which reproduce the
 * fixtures' tail values (e.g. t = 73.31, df = 29 -> 1.774e-34).
 */
// One bundled module instead of ~136 tiny @stdlib files in the browser (scripts/vendor-stdlib.mjs).
import {normalCdf, tQuantile, tcdf} from "../vendor/stdlib-dists.js";
import {MAX_NU, twoSidedTInteger} from "./t-tail.js";

/**
 * Example: `pvalueT(2.045, 29)` ~ 0.05. NaN t or df <= 0 gives NaN. Integer df up to 1,000 (every t test of
 * the study's panel) by t-tail.ts, which allocates nothing and agrees with @stdlib to ~1e-13 relative.
 */
export function pvalueT(t: number, df: number): number {
  if (!(df > 0) || t !== t) return NaN;
  if (df <= MAX_NU && Number.isInteger(df)) return twoSidedTInteger(t, df);
  return 2 * tcdf(-Math.abs(t), df);
}

/** Example: `pvalueNormal(1.959964)` ~ 0.05. */
export function pvalueNormal(z: number): number {
  if (z !== z) return NaN;
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/**
 * Two-sided critical value for a (1 − alpha) interval: t_{1−alpha/2, df}, or the normal quantile when df is
 * null (GMM z-tests). Example: `criticalValue(41)` ~ 2.0195, `criticalValue(null)` ~ 1.95996.
 */
export function criticalValue(df: number | null, level = 0.95): number {
  const p = 1 - (1 - level) / 2;
  if (df === null || !Number.isFinite(df)) return tQuantile(p, 1e9);
  if (!(df > 0)) return NaN;
  return tQuantile(p, df);
}
