/**
 * "Evidence by policy area": one fixed-effects model per DSTRI area,
 *   lnexport_cn = β·area + γ1·lngdp + γ2·lnpopu + γ3·lngov + γ4·urban + α_partner + δ_year + ε,
 * standard errors clustered by partner (iso3); 95% interval β ± t_{0.975, df_t}·se.
 * Runs in the browser and in Node (the same engine).
 */
import {estimate} from "../engine/estimate.js";
import type {Frame, Result, Spec} from "../engine/types.js";
import {coefficientOf, type Coefficient} from "../whatif/predict.js";
import {AREA_DEFS, type AreaDef} from "./areas.js";

export const OUTCOME = "lnexport_cn";
export const CONTROLS = ["lngdp", "lnpopu", "lngov", "urban"] as const;

/** The default specification for one score column: score + controls, partner and year FE, clustered by iso3. */
export function areaSpec(column: string, y = OUTCOME): Spec {
  return {id: "iso3", time: "year", y, x: [column, ...CONTROLS], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}};
}

export interface AreaEstimate {
  area: AreaDef;
  coef: Coefficient;
  pvalue: number;
  nobs: number;
  n_groups: number;
  years: [number, number];
  /** Partners whose score varies within the estimation sample: the only ones that inform β with partner FE. */
  movers: number;
  result: Result;
}

/** Estimates the model of `areaSpec` for each of the five areas (in AREA_DEFS order). */
export function estimateAreas(frame: Frame, areas: readonly AreaDef[] = AREA_DEFS): AreaEstimate[] {
  return areas.map((area) => {
    const spec = areaSpec(area.column);
    const result = estimate(frame, spec);
    const coef = coefficientOf(result, area.column);
    if (!coef) throw new Error(`area model ${area.column}: the score was dropped from the model`);
    return {
      area,
      coef,
      pvalue: result.pvalue[result.terms.indexOf(area.column)],
      nobs: result.nobs,
      n_groups: result.n_groups,
      years: estimationYears(frame, spec),
      movers: partnersWithVariation(frame, spec, area.column),
      result
    };
  });
}

/** First and last year with every variable of `spec` present (the estimation window). */
export function estimationYears(frame: Frame, spec: Spec): [number, number] {
  const cols = [spec.y, ...spec.x].map((c) => frame.columns[c] as Float64Array);
  const year = frame.columns[spec.time] as Float64Array;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < frame.nrows; i++) {
    if (cols.every((c) => c && Number.isFinite(c[i]))) {
      lo = Math.min(lo, year[i]);
      hi = Math.max(hi, year[i]);
    }
  }
  return [lo, hi];
}

/**
 * Number of partners (spec.id groups) whose `column` takes more than one value among the rows where every
 * variable of `spec` is present. With partner fixed effects only these partners identify the coefficient.
 */
export function partnersWithVariation(frame: Frame, spec: Spec, column: string): number {
  const cols = [spec.y, ...spec.x].map((c) => frame.columns[c] as Float64Array);
  const ids = frame.columns[spec.id] as Array<string | null>;
  const x = frame.columns[column] as Float64Array;
  const span = new Map<string, [number, number]>();
  for (let i = 0; i < frame.nrows; i++) {
    if (!cols.every((c) => c && Number.isFinite(c[i])) || ids[i] == null) continue;
    const s = span.get(ids[i]!);
    if (s) {
      s[0] = Math.min(s[0], x[i]);
      s[1] = Math.max(s[1], x[i]);
    } else span.set(ids[i]!, [x[i], x[i]]);
  }
  let n = 0;
  for (const [lo, hi] of span.values()) if (hi - lo > 1e-9) n++;
  return n;
}
