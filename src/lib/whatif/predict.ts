/**
 * What-if arithmetic for a log-linear export model  ln(exports) = β·score + γ'controls + α_partner + δ_year + ε.
 * Moving one partner's score from s0 to s1 with everything else fixed (controls, partner and year effects) gives
 *
 *   Δ = s1 − s0
 *   Δln(exports) = β·Δ                                    (the fixed effects and controls cancel)
 *   % change     = 100·(exp(β·Δ) − 1)
 *   95% interval: β ± q·se with q = t_{0.975, df} (Student t with the model's df_t; the normal 1.96 when
 *                 df is null, as for GMM), mapped through the same formulas (exp is monotone, so the interval
 *                 of the % change is the image of the interval of β·Δ, ends sorted)
 *   US$ change   = base·(exp(β·Δ) − 1), base = the partner's latest observed exports (US$)
 *
 * All of this is association, not causation: see the caveats on the what-if page.
 */
import type {Result} from "../engine/types.js";
import {criticalValue} from "../engine/tdist.js";

/** Coefficient and interval: lo = β − q·se, hi = β + q·se. */
export interface Coefficient {
  term: string;
  beta: number;
  se: number;
  df: number | null;
  q: number;
  lo: number;
  hi: number;
}

/** The coefficient of `term` in an engine result with its 95% interval, or null if the term is absent (e.g. dropped). */
export function coefficientOf(result: Result, term: string, level = 0.95): Coefficient | null {
  const j = result.terms.indexOf(term);
  if (j < 0 || !Number.isFinite(result.coef[j])) return null;
  const beta = result.coef[j], se = result.se[j];
  const q = criticalValue(result.df_t, level);
  return {term, beta, se, df: result.df_t, q, lo: beta - q * se, hi: beta + q * se};
}

/**
 * One step of the published index: the OECD rounds the DSTRI to 0.01 and every change of three of the five areas
 * in the data is +/-0.02 (issue 24), so effects are read per 0.02, not "per 1 point" (fifty steps, beyond any value
 * observed) or "+0.1".
 */
export const INDEX_STEP = 0.02;

export interface WhatIf {
  from: number;
  to: number;
  /** Δ = to − from */
  delta: number;
  /** β·Δ and its interval (lo ≤ hi) */
  dlog: number;
  dlogLo: number;
  dlogHi: number;
  /** 100·(exp(β·Δ) − 1) and its interval */
  pct: number;
  pctLo: number;
  pctHi: number;
  /** base·(exp(β·Δ) − 1) in US$ and its interval (NaN when base is unknown) */
  usd: number;
  usdLo: number;
  usdHi: number;
  base: number;
}

/**
 * The implied change of moving a score from `from` to `to` (formulas in the module comment).
 * Example: `whatIf({beta: -1, lo: -2, hi: 0}, 0.3, 0.2, 1e9).pct` = 100·(e^{0.1} − 1) ≈ 10.52.
 */
export function whatIf(coef: Pick<Coefficient, "beta" | "lo" | "hi">, from: number, to: number, base = NaN): WhatIf {
  const delta = to - from;
  const dlog = coef.beta * delta;
  const a = coef.lo * delta, b = coef.hi * delta;
  const dlogLo = Math.min(a, b), dlogHi = Math.max(a, b);
  const pctOf = (x: number) => 100 * Math.expm1(x);
  const usdOf = (x: number) => (Number.isFinite(base) ? base * Math.expm1(x) : NaN);
  return {
    from, to, delta, dlog, dlogLo, dlogHi,
    pct: pctOf(dlog), pctLo: pctOf(dlogLo), pctHi: pctOf(dlogHi),
    usd: usdOf(dlog), usdLo: usdOf(dlogLo), usdHi: usdOf(dlogHi),
    base
  };
}

/**
 * The model's linear prediction without fixed effects, Σ_k β_k·x_k, for one row of regressor values (missing
 * terms count as 0). Two rows of the same partner and year share the fixed effects, so
 * linearPredictor(changed) − linearPredictor(original) is the change in the fitted ln(exports).
 * Example: terms ["a", "b"], coef [2, 3], values {a: 1, b: 1} -> 5.
 */
export function linearPredictor(result: Result, values: Record<string, number>): number {
  let s = 0;
  result.terms.forEach((term, k) => {
    if (term === "(Intercept)") s += result.coef[k];
    else s += result.coef[k] * (values[term] ?? 0);
  });
  return s;
}

/** Observed range of a score: min and max over the rows given (NaN-safe). */
export function observedRange(values: Iterable<number>): {min: number; max: number} | null {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? {min, max} : null;
}

/** True when `score` lies outside [min, max] (with a tolerance of half a rounding step, 0.005). */
export function isExtrapolation(score: number, range: {min: number; max: number} | null, tol = 0.005): boolean {
  if (!range) return true;
  return score < range.min - tol || score > range.max + tol;
}
