/**
 * Monte Carlo summaries of R replications of one estimator, each with its Monte Carlo standard error
 * (Morris, White & Crowther 2019, "Using simulation studies to evaluate statistical methods", Table 6):
 *   mean  = sum b_r / R,                  mc_se = SD / sqrt(R)
 *   bias  = mean - truth,                  mc_se = SD / sqrt(R)
 *   SD    = sqrt(sum (b_r - mean)^2/(R-1)), mc_se = SD / sqrt(2 (R - 1))
 *   RMSE  = sqrt(sum (b_r - truth)^2 / R), mc_se = sd((b_r - truth)^2) / (2 RMSE sqrt(R))   (delta method)
 *   coverage, rejection p: share of replications, mc_se = sqrt(p (1 - p) / R)
 * Replications with a non-finite estimate (no residual df, not identified, not converged) are left out of every
 * figure, coverage included, and counted in `failed` with their reasons; when all fail the figures are NaN
 * (null in JSON), never 0.
 */
import type {VcovName} from "./fit.js";

export interface Draws {
  /** Estimate of each replication. */
  est: number[];
  /** 1 when the 95% interval with that variance covers the truth, else 0 (only the variances that apply). */
  cover: Partial<Record<VcovName, number[]>>;
  /** 1 when the 5% two-sided test of coefficient = 0 rejects (the estimator's reference variance). */
  reject?: number[];
  /** Failed replications by reason (fit.ts FitFailure); their entries above are NaN. */
  failures?: Record<string, number>;
}

export interface Summary {
  mean: number;
  bias: number;
  sd: number;
  rmse: number;
  coverage?: Partial<Record<VcovName, number>>;
  rejection_rate?: number;
  mc_se: {mean: number; bias: number; sd: number; rmse: number; coverage?: Partial<Record<VcovName, number>>; rejection_rate?: number};
  n_ok: number;
  failed: number;
  /** Failed replications by reason, when any failed (a failed replication never counts as not covering). */
  failed_reasons?: Record<string, number>;
}

function share(v: number[], ok: number[]): {p: number; se: number} {
  let s = 0;
  for (const r of ok) s += v[r];
  const p = s / ok.length;
  return {p, se: Math.sqrt((p * (1 - p)) / ok.length)};
}

/** Summary of one estimator's draws against the true value. Example: `summarize({est: [1, 3], cover: {}}, 2)`. */
export function summarize(d: Draws, truth: number): Summary {
  const ok: number[] = [];
  d.est.forEach((b, r) => {
    if (Number.isFinite(b)) ok.push(r);
  });
  const R = ok.length;
  let sum = 0;
  for (const r of ok) sum += d.est[r];
  const mean = sum / R;
  let ss = 0;
  let mse = 0;
  for (const r of ok) {
    const dm = d.est[r] - mean;
    ss += dm * dm;
    const dt = d.est[r] - truth;
    mse += dt * dt;
  }
  mse /= R;
  const sd = R > 1 ? Math.sqrt(ss / (R - 1)) : NaN;
  const rmse = Math.sqrt(mse);
  let vmse = 0;
  for (const r of ok) {
    const dt = d.est[r] - truth;
    const q = dt * dt - mse;
    vmse += q * q;
  }
  const sdSq = R > 1 ? Math.sqrt(vmse / (R - 1)) : NaN;
  const out: Summary = {
    mean,
    bias: mean - truth,
    sd,
    rmse,
    mc_se: {mean: sd / Math.sqrt(R), bias: sd / Math.sqrt(R), sd: sd / Math.sqrt(2 * (R - 1)), rmse: rmse > 0 ? sdSq / (2 * rmse * Math.sqrt(R)) : NaN},
    coverage: undefined,
    rejection_rate: undefined,
    n_ok: R,
    failed: d.est.length - R
  };
  const names = Object.keys(d.cover) as VcovName[];
  if (names.length > 0) {
    out.coverage = {};
    out.mc_se.coverage = {};
    for (const v of names) {
      const {p, se} = share(d.cover[v]!, ok);
      out.coverage[v] = p;
      out.mc_se.coverage[v] = se;
    }
  }
  if (d.reject) {
    const {p, se} = share(d.reject, ok);
    out.rejection_rate = p;
    out.mc_se.rejection_rate = se;
  }
  // Keys that do not apply are left out of the JSON (the placeholders only fix the key order).
  if (out.coverage === undefined) delete out.coverage;
  if (out.rejection_rate === undefined) delete out.rejection_rate;
  if (out.failed > 0) out.failed_reasons = {...(d.failures ?? {})};
  return out;
}
