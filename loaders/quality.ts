/**
 * A compact, machine-readable data-quality report on the panel: coverage per country and per year, missing cells
 * per column, and outliers (|z| > Z_LIMIT on the log columns; year-on-year jumps in a country's series larger than
 * a factor JUMP_FACTOR on levels, or DSTRI_JUMP index points on the DSTRI columns).
 */
import type {Frame} from "../src/lib/engine/types.js";
import {panelColumnKind} from "./panel.js";

export const Z_LIMIT = 4;
export const JUMP_FACTOR = 3;
export const DSTRI_JUMP = 0.1;

/** The columns that must all be present for a row to count as "complete" for the study's baseline model. */
export const CORE_COLUMNS = ["dstri", "lnexport_cn", "lngdp", "lnpopu", "lngov", "urban"];

export interface Outlier {
  iso3: string;
  year: number;
  column: string;
  rule: "z" | "jump";
  value: number;
  /** z-score (rule z) or change from the previous year (rule jump: log change for levels, points for DSTRI). */
  score: number;
}

export interface QualityReport {
  rows: number;
  columns: number;
  thresholds: {z: number; jump_factor: number; dstri_jump: number};
  /** Missing cells per column. */
  missing: Record<string, number>;
  /** Per country: rows with dstri, with exports_cn_usd, with both, and complete rows (all CORE_COLUMNS). */
  coverage_by_country: Record<string, {dstri: number; exports: number; both: number; complete: number}>;
  /** Per year, the same counts. */
  coverage_by_year: Record<string, {dstri: number; exports: number; both: number; complete: number}>;
  /** Rows with both dstri and exports_cn_usd (the estimation sample of the baseline). */
  both_dstri_exports: number;
  outliers: Outlier[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Compute the quality report of a panel Frame. Example: `qualityReport(frame).both_dstri_exports` -> 294 on the snapshot. */
export function qualityReport(frame: Frame): QualityReport {
  const names = Object.keys(frame.columns);
  const n = frame.nrows;
  const iso3 = frame.columns.iso3 as Array<string | null>;
  const year = frame.columns.year as Float64Array;
  const num = (name: string) => frame.columns[name] as Float64Array;
  const has = (name: string, i: number) => name in frame.columns && Number.isFinite(num(name)[i]);

  const missing: Record<string, number> = {};
  for (const name of names) {
    const col = frame.columns[name];
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v === null || (typeof v === "number" && !Number.isFinite(v))) m++;
    }
    missing[name] = m;
  }

  const byCountry: QualityReport["coverage_by_country"] = {};
  const byYear: QualityReport["coverage_by_year"] = {};
  let both = 0;
  for (let i = 0; i < n; i++) {
    const c = (byCountry[iso3[i] ?? "?"] ??= {dstri: 0, exports: 0, both: 0, complete: 0});
    const y = (byYear[String(year[i])] ??= {dstri: 0, exports: 0, both: 0, complete: 0});
    const d = has("dstri", i);
    const e = has("exports_cn_usd", i);
    const complete = CORE_COLUMNS.every((col) => has(col, i));
    for (const t of [c, y]) {
      t.dstri += +d;
      t.exports += +e;
      t.both += +(d && e);
      t.complete += +complete;
    }
    both += +(d && e);
  }

  const outliers: Outlier[] = [];
  const logCols = names.filter((name) => name.startsWith("ln"));
  for (const name of logCols) {
    const v = num(name);
    const vals = Array.from(v).filter(Number.isFinite);
    if (vals.length < 3) continue;
    const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
    const sd = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (vals.length - 1));
    if (!(sd > 0)) continue;
    for (let i = 0; i < n; i++) {
      const z = (v[i] - mean) / sd;
      if (Number.isFinite(z) && Math.abs(z) > Z_LIMIT) {
        outliers.push({iso3: iso3[i] ?? "?", year: year[i], column: name, rule: "z", value: v[i], score: round(z)});
      }
    }
  }
  // Year-on-year jumps within a country; rows are grouped by country and sorted by year.
  const jumpCols = names.filter((name) => panelColumnKind(name) === "float" && (name.startsWith("ln") || name.startsWith("dstri")));
  for (const name of jumpCols) {
    const v = num(name);
    const limit = name.startsWith("ln") ? Math.log(JUMP_FACTOR) : DSTRI_JUMP;
    for (let i = 1; i < n; i++) {
      if (iso3[i] !== iso3[i - 1] || year[i] !== year[i - 1] + 1) continue;
      const change = v[i] - v[i - 1];
      if (Number.isFinite(change) && Math.abs(change) > limit + 1e-12) {
        outliers.push({iso3: iso3[i] ?? "?", year: year[i], column: name, rule: "jump", value: v[i], score: round(change)});
      }
    }
  }
  return {
    rows: n,
    columns: names.length,
    thresholds: {z: Z_LIMIT, jump_factor: JUMP_FACTOR, dstri_jump: DSTRI_JUMP},
    missing,
    coverage_by_country: byCountry,
    coverage_by_year: byYear,
    both_dstri_exports: both,
    outliers
  };
}
