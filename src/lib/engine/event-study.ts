/**
 * Event study of a continuous (or any) treatment in a two-way fixed-effects panel, as the distributed-lag model with
 * binned endpoints of Schmidheiny & Siegloch (2023, "On event studies and distributed-lags in two-way fixed
 * effects models: Identification, equivalence, and generalization", J. Applied Econometrics 38(5)).
 *
 * Window: event times j = -leads, ..., lags (leads >= 2, lags >= 0), reference j = -1 (its coefficient is 0).
 * Regressors, for the treatment x of partner i at time t (x_{t-j} is x at (i, t - j) in calendar time: a lag for
 * j > 0, a lead for j < 0, missing when that row is absent):
 *   lower bin   j = -leads:            b = -x_{t+leads-1}        (= sum of all changes at t+leads and later)
 *   interior    -leads < j < lags:     b = x_{t-j} - x_{t-j-1}   (the change j periods before t), j != -1
 *   upper bin   j = lags:              b = x_{t-lags}            (= sum of all changes at t-lags and earlier)
 * The bins equal the sums of changes only up to a partner constant (x at the start and end of the panel), so the
 * partner fixed effect must be in the model (refused otherwise). The coefficient of b_j is the event-time effect
 * beta_j: the effect on y at t of a one-unit change in x j periods earlier, relative to j = -1. The model is an
 * ordinary `estimate()` on these columns plus the spec's controls, fixed effects and variance, so it equals fixest
 * `feols` on the same hand-built regressors (tests/lib/engine/event-study.test.ts against scripts/reference/
 * inference.R).
 *
 * Pre-trend test: H0 beta_j = 0 for every j <= -2, the Wald statistic W = b' V^-1 b with the model's variance;
 * reported as F = W / q with p from F(q, df_t) (df_t: the model's t degrees of freedom, G - 1 when clustered), as
 * fixest's `wald()`, and as chi2(q).
 * Leave-one-partner-out: the same model without each partner in turn (which partners drive the estimates).
 * Example: `eventStudy(frame, {id: "iso3", time: "year", y: "lnexport_cn", x: ["lngdp"], fe: ["iso3", "year"],
 *   vcov: {cluster: ["iso3"]}}, {term: "dstri", leads: 3, lags: 2})`.
 */
import {UserError} from "../errors.js";
import {chisqUpper} from "./gmm/pvalues.js";
import {estimate} from "./estimate.js";
import {fUpper} from "./f-dist.js";
import {criticalValue} from "./tdist.js";
import {assertNoInfinite, factorize, getColumn, numericColumn} from "./frame.js";
import {assertIntegerTime, lagColumn} from "./lag.js";
import {spdInverse} from "./linalg.js";
import {assertPanel, panelIndex} from "./panel.js";
import type {Column, Frame, Result, Spec} from "./types.js";

export interface EventStudySpec {
  /** The treatment column (e.g. "dstri"). */
  term: string;
  /** Number of pre-periods in the window, lower bin included (>= 2: j = -leads, ..., -1). */
  leads: number;
  /** Number of post-periods after j = 0, upper bin included (>= 0). */
  lags: number;
  /** Also estimate the model without each partner in turn (default false). */
  leave_one_out?: boolean;
}

export interface EventStudyResult {
  term: string;
  event_time: number[];
  /** Regressor name of each event time (null for the reference -1). */
  regressor: Array<string | null>;
  coef: number[];
  se: number[];
  ci95: Array<[number, number]>;
  pretrend: {f: number; df1: number; df2: number; p_f: number; chi2: number; p_chi2: number};
  model: Result;
  /** One row per partner left out: its id and the event-time coefficients (null where not estimable). */
  leave_one_out?: Array<{id: string | number; coef: Array<number | null>; error?: string}>;
}

const MAX_WINDOW = 20;

/** The name of the regressor of event time j, e.g. `es(dstri,-3)`. */
export function eventRegressorName(term: string, j: number): string {
  return `es(${term},${j})`;
}

/** Validates the window; one-line errors. */
function checkWindow(es: EventStudySpec): void {
  if (!Number.isInteger(es.leads) || es.leads < 2 || es.leads > MAX_WINDOW) throw new UserError(`event study: leads must be a whole number from 2 to ${MAX_WINDOW} (the window starts at -leads; -1 is the reference); got ${es.leads}`);
  if (!Number.isInteger(es.lags) || es.lags < 0 || es.lags > MAX_WINDOW) throw new UserError(`event study: lags must be a whole number from 0 to ${MAX_WINDOW}; got ${es.lags}`);
}

/**
 * The binned event-time regressors on the full data (before any sample filter), in event-time order without -1.
 * Example: leads 2, lags 0 -> [-x_{t+1}] for j = -2 and [x_t] for j = 0.
 */
export function eventRegressors(frame: Frame, spec: Pick<Spec, "id" | "time">, es: EventStudySpec): Array<{j: number; name: string; values: Float64Array}> {
  checkWindow(es);
  const x = numericColumn(frame, es.term, "event study term");
  assertNoInfinite(x, es.term);
  const time = numericColumn(frame, spec.time, "spec.time");
  assertIntegerTime(time, spec.time);
  const id = factorize(getColumn(frame, spec.id, "spec.id"));
  const timeF = factorize(time);
  assertPanel(id, timeF.codes, timeF.nlevels, time, spec.id, spec.time);
  const index = panelIndex(id, time, spec.id, spec.time);
  const cache = new Map<number, Float64Array>();
  // x_{t-k}: lag k (k > 0), lead -k (k < 0), x itself (k = 0).
  const shifted = (k: number): Float64Array => {
    let c = cache.get(k);
    if (!c) {
      c = k === 0 ? x : lagColumn(x, time, index, k);
      cache.set(k, c);
    }
    return c;
  };
  const n = frame.nrows;
  const out: Array<{j: number; name: string; values: Float64Array}> = [];
  for (let j = -es.leads; j <= es.lags; j++) {
    if (j === -1) continue;
    const v = new Float64Array(n);
    if (j === -es.leads) {
      const a = shifted(-(es.leads - 1));
      for (let r = 0; r < n; r++) v[r] = -a[r];
    } else if (j === es.lags) {
      v.set(shifted(es.lags));
    } else {
      const a = shifted(j);
      const b = shifted(j + 1);
      for (let r = 0; r < n; r++) v[r] = a[r] - b[r];
    }
    out.push({j, name: eventRegressorName(es.term, j), values: v});
  }
  return out;
}

function fitEvent(frame: Frame, spec: Spec, regs: Array<{name: string; values: Float64Array}>): Result {
  const columns: Record<string, Column> = {...frame.columns};
  for (const r of regs) {
    if (frame.columns[r.name] !== undefined) throw new UserError(`event study: the data already have a column named '${r.name}'`);
    columns[r.name] = r.values;
  }
  return estimate({nrows: frame.nrows, columns}, {...spec, x: [...regs.map((r) => r.name), ...spec.x]});
}

/**
 * Estimates the event study. `spec` is the model without the treatment: its `x` are the controls (may be empty),
 * `fe` must include `spec.id`; OLS only.
 */
export function eventStudy(frame: Frame, spec: Spec, es: EventStudySpec): EventStudyResult {
  checkWindow(es);
  if ((spec.estimator ?? "ols") !== "ols") throw new UserError("event study: only OLS with fixed effects is supported");
  if (!(spec.fe ?? []).includes(spec.id)) throw new UserError(`event study: the binned endpoints are identified up to a partner constant, so the partner fixed effect '${spec.id}' must be in spec.fe`);
  if (spec.x.includes(es.term)) throw new UserError(`event study: the treatment '${es.term}' enters through its event-time regressors; remove it from spec.x`);
  const regs = eventRegressors(frame, spec, es);
  const model = fitEvent(frame, spec, regs);

  const event_time: number[] = [];
  const regressor: Array<string | null> = [];
  const coef: number[] = [];
  const se: number[] = [];
  const ci95: Array<[number, number]> = [];
  const df = model.df_t ?? Infinity;
  const q975 = criticalValue(model.df_t);
  for (let j = -es.leads; j <= es.lags; j++) {
    event_time.push(j);
    if (j === -1) {
      regressor.push(null);
      coef.push(0);
      se.push(0);
      ci95.push([0, 0]);
      continue;
    }
    const name = eventRegressorName(es.term, j);
    const k = model.terms.indexOf(name);
    regressor.push(name);
    if (k < 0) {
      coef.push(NaN);
      se.push(NaN);
      ci95.push([NaN, NaN]);
    } else {
      coef.push(model.coef[k]);
      se.push(model.se[k]);
      ci95.push([model.coef[k] - q975 * model.se[k], model.coef[k] + q975 * model.se[k]]);
    }
  }

  // Pre-trend Wald test on the leads j <= -2 that were estimated.
  const leadIdx: number[] = [];
  for (let j = -es.leads; j <= -2; j++) {
    const k = model.terms.indexOf(eventRegressorName(es.term, j));
    if (k >= 0) leadIdx.push(k);
  }
  const qn = leadIdx.length;
  let W = NaN;
  if (qn > 0) {
    const Vq = leadIdx.map((a) => leadIdx.map((b) => model.vcov[a][b]));
    const inv = spdInverse(Float64Array.from(Vq.flat()), qn);
    if (inv) {
      W = 0;
      for (let a = 0; a < qn; a++) for (let b = 0; b < qn; b++) W += model.coef[leadIdx[a]] * inv[a * qn + b] * model.coef[leadIdx[b]];
    }
  }
  const pretrend = {f: W / qn, df1: qn, df2: df, p_f: Number.isFinite(df) ? fUpper(W / qn, qn, df) : chisqUpper(W, qn), chi2: W, p_chi2: chisqUpper(W, qn)};

  const result: EventStudyResult = {term: es.term, event_time, regressor, coef, se, ci95, pretrend, model};
  if (es.leave_one_out) {
    const idCol = getColumn(frame, spec.id, "spec.id");
    const idF = factorize(idCol);
    result.leave_one_out = idF.levels.map((level, g) => {
      const keep: number[] = [];
      for (let r = 0; r < frame.nrows; r++) if (idF.codes[r] !== g) keep.push(r);
      const sub = subsetFrame(frame, keep);
      const subRegs = regs.map((r) => ({name: r.name, values: Float64Array.from(keep, (i) => r.values[i])}));
      try {
        const m = fitEvent(sub, spec, subRegs);
        return {id: level, coef: event_time.map((j) => (j === -1 ? 0 : pick(m, eventRegressorName(es.term, j))))};
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        return {id: level, coef: event_time.map(() => null), error: e.message};
      }
    });
  }
  return result;
}

function pick(m: Result, name: string): number | null {
  const k = m.terms.indexOf(name);
  return k < 0 ? null : m.coef[k];
}

function subsetFrame(frame: Frame, rows: number[]): Frame {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(frame.columns)) {
    columns[name] = col instanceof Float64Array ? Float64Array.from(rows, (r) => col[r]) : rows.map((r) => col[r]);
  }
  return {nrows: rows.length, columns};
}
