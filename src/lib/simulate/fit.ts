/**
 * One regression of y on a single regressor x, with the engine's pieces (not a second estimator): the same
 * demeaning (engine/demean.ts), FWL least squares (engine/ols.ts), variance estimators (engine/vcov-*.ts) and
 * small-sample conventions (engine/ssc.ts, fixest 0.12.1; ESTIMATION.md) that `estimate()` applies, computed
 * once per replication for all three variances instead of three full `estimate()` calls (validation,
 * factorising and fit statistics dominate at 300 rows). tests/lib/simulate/fit.test.ts checks every number
 * against `estimate()` on the same data.
 *
 * Pooled OLS (no FE): the engine centres the data (absorbs the intercept) and counts the intercept in K; the
 * slope's variance is the centred-slope block of its block-diagonal sandwich, so it is computed here from the
 * centred x alone with K = 2.
 */
import {demean, type FeDim} from "../engine/demean.js";
import {olsFwl} from "../engine/ols.js";
import {clusterK, isNested, nparamsOf} from "../engine/ssc.js";
import {criticalValue} from "../engine/tdist.js";
import {vcovCluster} from "../engine/vcov-cluster.js";
import {vcovHetero} from "../engine/vcov-hetero.js";
import {vcovIid} from "../engine/vcov-iid.js";

export type VcovName = "iid" | "hetero" | "cluster";
export const VCOVS: VcovName[] = ["iid", "hetero", "cluster"];

export interface SlopeFit {
  coef: number;
  se: Record<VcovName, number>;
  /** t degrees of freedom per variance (fixest: n - nparams; clustered: G - 1). */
  df: Record<VcovName, number>;
  /** Why the replication failed (coef NaN): no residual degrees of freedom, or x not identified. */
  failure?: FitFailure;
}

/** Reasons a replication fails, as the engine would refuse the model (`dtb estimate`; fixest gives SE = NaN). */
export type FitFailure = "no_residual_df" | "not_identified" | "not_converged" | "estimation_error";

/** One line per reason, both languages (the page's table and `dtb simulate`'s summary). */
export const FAILURE_TEXT: Record<FitFailure, {en: string; zh: string}> = {
  no_residual_df: {en: "no residual degrees of freedom", zh: "残差自由度为0"},
  not_identified: {en: "slope not identified (x collinear with the fixed effects)", zh: "斜率不可识别（x 与固定效应共线）"},
  not_converged: {en: "the estimator did not converge", zh: "估计未收敛"},
  estimation_error: {en: "the estimator failed on this draw", zh: "该次抽样估计失败"}
};

const failed = (failure: FitFailure): SlopeFit => ({
  coef: NaN,
  se: {iid: NaN, hetero: NaN, cluster: NaN},
  df: {iid: NaN, hetero: NaN, cluster: NaN},
  failure
});

/**
 * Residual degrees of freedom n - nparams of a slope regression on a balanced N x T panel (fixest's count,
 * engine/ssc.ts): pooled with intercept NT - 2, country FE NT - N - 1, country + year FE NT - N - T.
 * Zero or less: the model fits the data exactly and every variance is undefined (SE = NaN in fixest).
 */
export function residualDf(n: number, k: number, feSizes: number[]): number {
  return n - nparamsOf(k, feSizes);
}

/** Codes 0..G-1 of a balanced panel sorted by country: row r belongs to country floor(r / T). */
export function countryDim(N: number, T: number): FeDim {
  const codes = new Int32Array(N * T);
  for (let r = 0; r < codes.length; r++) codes[r] = Math.floor(r / T);
  return {codes, nlevels: N};
}

/** Codes of the year of each row of the same panel: t = r mod T. */
export function yearDim(N: number, T: number): FeDim {
  const codes = new Int32Array(N * T);
  for (let r = 0; r < codes.length; r++) codes[r] = r % T;
  return {codes, nlevels: T};
}

/**
 * Slope of y on x with the fixed effects `fes` ([] = pooled with intercept), SE iid / HC1 / CR1 by `cluster`.
 * Example: `fitSlope(y, x, [country, year], country)` = feols(y ~ x | country + year) with its three vcovs.
 */
export function fitSlope(y: Float64Array, x: Float64Array, fes: FeDim[], cluster: FeDim): SlopeFit {
  const n = y.length;
  const pooled = fes.length === 0;
  const absorb = pooled ? [{codes: new Int32Array(n), nlevels: 1}] : fes;
  const k = pooled ? 2 : 1;
  const feSizes = pooled ? [] : fes.map((f) => f.nlevels);
  const nparams = nparamsOf(k, feSizes);
  if (n - nparams <= 0) return failed("no_residual_df");
  const dm = demean([y, x], absorb);
  const fit = olsFwl(dm.cols[0], [dm.cols[1]]);
  if (!fit) return failed("not_identified");
  const X = [dm.cols[1]];
  const Vi = vcovIid(fit.bread, fit.ssr, n, nparams)[0];
  const Vh = vcovHetero(fit.bread, X, fit.resid, nparams)[0];
  // Nesting as engine/estimate-ols.ts (fixef.K = "nested"): country FE in country clusters, not year FE.
  const nested = pooled ? [] : fes.map((f) => isNested(f, cluster));
  const Kc = clusterK(k, feSizes, nested);
  const cv = vcovCluster(fit.bread, X, fit.resid, [cluster], Kc);
  return {
    coef: fit.coef[0],
    se: {iid: Math.sqrt(Vi), hetero: Math.sqrt(Vh), cluster: Math.sqrt(cv.V[0])},
    df: {iid: n - nparams, hetero: n - nparams, cluster: cv.gMin - 1}
  };
}

const critCache = new Map<number, number>();
/** t_{0.975, df} (engine/tdist.ts), cached: df is the same in every replication. */
export function crit95(df: number): number {
  let c = critCache.get(df);
  if (c === undefined) {
    c = criticalValue(df);
    critCache.set(df, c);
  }
  return c;
}
