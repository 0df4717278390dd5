/**
 * The estimation sample of a state, for the "sample used" panel: which partner-years pass the sample
 * filter and have a value for the dependent variable and every regressor (lags looked up on the full
 * panel, as the engine builds them). For OLS this is exactly the engine's sample (its `nobs` is checked
 * against it on the page); GMM then loses more rows to differencing and instruments.
 */
import type {Frame} from "../engine/types.js";
import {CONTROL_VARS, sampleFilter, type ExplorerState} from "./state.js";

export interface SampleSummary {
  /** Row indices of the frame in the sample. */
  rows: number[];
  countries: string[];
  years: number[];
  /** iso3 -> years present, for the grid. */
  byCountry: Map<string, Set<number>>;
}

const num = (frame: Frame, name: string): Float64Array | null => {
  const c = frame.columns[name];
  return c instanceof Float64Array ? c : null;
};

/** @example estimationSample(frame, defaultState()).rows.length // partner-years with all variables */
export function estimationSample(frame: Frame, s: ExplorerState): SampleSummary {
  const iso = frame.columns.iso3 as Array<string | null>;
  const year = num(frame, "year")!;
  const oecd = num(frame, "oecd");
  const pass = sampleFilter(s);
  // Index (iso3, year) -> row, to look lags up in calendar time.
  const at = new Map<string, number>();
  for (let i = 0; i < frame.nrows; i++) at.set(`${iso[i]}|${year[i]}`, i);
  const lagged = (name: string, k: number, i: number): number => {
    const col = num(frame, name);
    if (!col) return NaN;
    if (k === 0) return col[i];
    const j = at.get(`${iso[i]}|${year[i] - k}`);
    return j === undefined ? NaN : col[j];
  };
  const needs: Array<[string, number]> = [[s.y, 0], [s.x, s.lag], ...CONTROL_VARS.filter((c) => s.controls.includes(c)).map((c): [string, number] => [c, 0])];
  if (s.estimator !== "ols") needs.push([s.y, 1]);
  const rows: number[] = [];
  const byCountry = new Map<string, Set<number>>();
  for (let i = 0; i < frame.nrows; i++) {
    if (iso[i] === null || !pass({iso3: iso[i]!, year: year[i], oecd: oecd ? oecd[i] : 0})) continue;
    if (!needs.every(([name, k]) => Number.isFinite(lagged(name, k, i)))) continue;
    rows.push(i);
    let set = byCountry.get(iso[i]!);
    if (!set) byCountry.set(iso[i]!, (set = new Set()));
    set.add(year[i]);
  }
  const years = [...new Set(rows.map((i) => year[i]))].sort((a, b) => a - b);
  return {rows, countries: [...byCountry.keys()].sort(), years, byCountry};
}
