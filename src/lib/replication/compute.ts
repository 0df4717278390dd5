/**
 * The replication's computations, shared by the /replication page (in the browser), `dtb replicate` and the
 * tests, so that a number on the page, in the CLI's JSON and in `dtb estimate` come from one code path:
 * every model goes through the engine's `estimate(frame, spec)` with the spec from `replicationModels`.
 * Browser-safe: no Node imports.
 */
import {correlationMatrix} from "../engine/correlation.js";
import {describe} from "../engine/descriptives.js";
import {estimate} from "../engine/estimate.js";
import type {Frame, Result, Spec, VcovSpec} from "../engine/types.js";
import {CONTROLS, replicationModels, type Outcome, type ReplicationModel} from "./models.js";

/** Standard-error choices offered on the page (the paper does not say which it used). */
export type SeType = "iid" | "hetero" | "cluster";

export const SE_TYPES: SeType[] = ["cluster", "hetero", "iid"];

/** The engine's vcov spec for an SE choice; clustering is by partner country. */
export function vcovFor(se: SeType): VcovSpec {
  return se === "cluster" ? {cluster: ["iso3"]} : se;
}

/** One model of Tables 4-7 with its engine result, or the error the engine raised (e.g. GMM on too few periods). */
export interface ModelRun {
  model: ReplicationModel;
  result: Result | null;
  error: string | null;
}

/**
 * Estimate the models of Tables 4-7 for one outcome. `tables` restricts which tables are run, so a page can
 * re-run the fixed-effects tables on an SE change without re-running GMM (whose SE do not depend on it).
 * An engine error never aborts the others: it is recorded on its model.
 *
 * @example runModels(frame, {column: "lnexport_cn", region: "cn", label: "China"}, "cluster", [4])
 * // two runs: t4_base_cn, t4_ctrl_cn
 */
export function runModels(frame: Frame, outcome: Outcome, se: SeType = "cluster", tables?: number[]): ModelRun[] {
  // The frame fixes Table 7's sample: the years where the outcome and the DSTRI both exist (models.ts).
  return replicationModels(outcome, vcovFor(se), frame)
    .filter((m) => !tables || tables.includes(m.table))
    .map((model) => runOne(frame, model));
}

export function runOne(frame: Frame, model: ReplicationModel): ModelRun {
  try {
    return {model, result: estimate(frame, model.spec), error: null};
  } catch (e) {
    return {model, result: null, error: e instanceof Error ? e.message.split("\n")[0] : String(e)};
  }
}

/** The term a model is about: the (possibly lagged) DSTRI. */
export function keyTerm(spec: Spec): string {
  return spec.x.find((t) => t === "dstri" || t === "L.dstri") ?? spec.x[0];
}

/**
 * The paper's name for one of our terms, so rows line up with the printed tables.
 * @example paperTerm("urban", "lnexport_cn") // "city_rate"
 * @example paperTerm("L.lnexport_cn", "lnexport_cn") // "L.lnexport"
 */
export function paperTerm(term: string, y: string): string {
  if (term === "dstri") return "DSTRI";
  if (term === "L.dstri") return "LDSTRI";
  if (term === "urban") return "city_rate";
  if (term === "(Intercept)") return "Constant";
  if (term === `L.${y}`) return "L.lnexport";
  return term;
}

/** Stars as the paper prints them: *** p < 0.01, ** p < 0.05, * p < 0.1. */
export function stars(p: number): string {
  if (!(p >= 0)) return "";
  return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

/** Numeric columns of a frame (the engine's descriptives and correlations take Float64Arrays). */
export function numericColumns(frame: Frame): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(frame.columns)) if (col instanceof Float64Array) out[name] = col;
  return out;
}

/** Our columns in the paper's Table 2/3 order, with the paper's name of each. */
export function tableVariables(outcome: Outcome): Array<{paper: string; column: string}> {
  const paperY = outcome.region === "wz" ? "lnexport_wz" : "lnexport_zj";
  return [
    {paper: paperY, column: outcome.column},
    {paper: "DSTRI", column: "dstri"},
    ...CONTROLS.map((c) => ({paper: c === "urban" ? "city_rate" : c, column: c}))
  ];
}

/** Rows with a value for the outcome, DSTRI and every control: the sample of Table 4 model (2). */
export function estimationSample(frame: Frame, outcome: Outcome): Uint8Array {
  const cols = numericColumns(frame);
  const vars = tableVariables(outcome).map((v) => cols[v.column]);
  const mask = new Uint8Array(frame.nrows);
  for (let i = 0; i < frame.nrows; i++) mask[i] = vars.every((c) => c && c[i] === c[i]) ? 1 : 0;
  return mask;
}

export type SampleMode = "available" | "estimation";

export interface DescriptiveRow {
  paper: string;
  column: string;
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/**
 * Table 2 on our panel: N, mean, sd (n − 1), min, max of each variable, either on every available value
 * (as the paper's differing N suggest it did) or on the estimation sample of Table 4 model (2).
 */
export function descriptives(frame: Frame, outcome: Outcome, mode: SampleMode = "available"): DescriptiveRow[] {
  const vars = tableVariables(outcome);
  const sample = mode === "estimation" ? estimationSample(frame, outcome) : undefined;
  const stats = describe(numericColumns(frame), vars.map((v) => v.column), sample);
  return vars.map((v, j) => ({paper: v.paper, column: v.column, n: stats[j].n, mean: stats[j].mean, sd: stats[j].sd, min: stats[j].min, max: stats[j].max}));
}

export interface CorrelationTable {
  variables: Array<{paper: string; column: string}>;
  r: number[][];
  p: number[][];
  n: number[][];
}

/** Table 3 on our panel: pairwise Pearson correlations with two-sided p-values (or on the estimation sample). */
export function correlations(frame: Frame, outcome: Outcome, mode: SampleMode = "available"): CorrelationTable {
  const vars = tableVariables(outcome);
  const sample = mode === "estimation" ? estimationSample(frame, outcome) : undefined;
  const m = correlationMatrix(numericColumns(frame), vars.map((v) => v.column), "pairwise", sample);
  return {variables: vars, r: m.r, p: m.p, n: m.n};
}

/** Every outcome column of a frame, China first (`outcomesIn` ordering). */
export {outcomesIn} from "./models.js";

/**
 * A copy of `frame` with customs regions merged in: for each region, `exports_<r>_usd` from the given rows and
 * `lnexport_<r>` = ln of it (missing when ≤ 0), exactly as the Node panel builder does. Rows of the file
 * whose partner-year is not in the frame are ignored (the customs page lists them).
 */
export function withRegions(frame: Frame, rows: Array<{region: string; partner_iso3: string; year: number; exports_usd: number}>): Frame {
  const iso = frame.columns.iso3 as Array<string | null>;
  const year = frame.columns.year as Float64Array;
  const at = new Map<string, number>();
  for (let i = 0; i < frame.nrows; i++) at.set(`${iso[i]}|${year[i]}`, i);
  const columns: Frame["columns"] = {...frame.columns};
  for (const region of [...new Set(rows.map((r) => r.region))].sort()) {
    const level = new Float64Array(frame.nrows).fill(NaN);
    for (const r of rows) {
      if (r.region !== region) continue;
      const i = at.get(`${r.partner_iso3}|${r.year}`);
      if (i !== undefined) level[i] = r.exports_usd;
    }
    columns[`exports_${region}_usd`] = level;
    columns[`lnexport_${region}`] = level.map((v) => (Number.isFinite(v) && v > 0 ? Math.log(v) : NaN));
  }
  return {nrows: frame.nrows, columns};
}
