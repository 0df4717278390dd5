/**
 * Facts about one partner that the simulator needs, read from the panel rows: the latest observed score of a
 * column (and its year), the observed range of that score, and the latest observed exports (US$).
 */
import {observedRange} from "./predict.js";

type Row = {iso3: string; year: number; [k: string]: unknown};

/** Latest (year, value) of `column` for `iso3` with a finite value, in `maxYear` or before (default: any year), or null. */
export function latestValue(rows: readonly Row[], iso3: string, column: string, maxYear = Infinity): {year: number; value: number} | null {
  let best: {year: number; value: number} | null = null;
  for (const r of rows) {
    const v = r[column];
    if (r.iso3 === iso3 && r.year <= maxYear && typeof v === "number" && Number.isFinite(v) && (!best || r.year > best.year)) best = {year: r.year, value: v};
  }
  return best;
}

/** Min/max of `column` for `iso3` over all observed years (the DSTRI: 2014 onwards). */
export function partnerRange(rows: readonly Row[], iso3: string, column: string): {min: number; max: number} | null {
  return observedRange(rows.filter((r) => r.iso3 === iso3).map((r) => r[column] as number));
}

/**
 * The OECD median of `column`: the median over OECD members of each member's latest observed value (the page's
 * opening scenario is "this partner moves to the OECD median"). Null when no member has a value.
 * Example: members' latest values 0.1, 0.2, 0.4 -> 0.2; 0.1, 0.2, 0.3, 0.4 -> 0.25.
 */
export function oecdMedian(rows: readonly (Row & {oecd?: unknown})[], column: string, maxYear = Infinity): {value: number; members: number} | null {
  const members = [...new Set(rows.filter((r) => r.oecd === true || r.oecd === 1).map((r) => r.iso3))];
  const values = members.map((iso3) => latestValue(rows, iso3, column, maxYear)?.value).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (!values.length) return null;
  const m = values.length >> 1;
  return {value: values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2, members: values.length};
}

/** The partner with the highest latest `column` (ties: first ISO3 code): the page's default partner. */
export function mostRestrictive(rows: readonly Row[], column: string, maxYear = Infinity): string | null {
  let best: {iso3: string; value: number} | null = null;
  for (const iso3 of [...new Set(rows.map((r) => r.iso3))].sort()) {
    const v = latestValue(rows, iso3, column, maxYear);
    if (v && (!best || v.value > best.value)) best = {iso3, value: v.value};
  }
  return best?.iso3 ?? null;
}

/**
 * The last year with observed exports in the panel (2020 in the shipped snapshot, while the DSTRI runs to 2024): the
 * simulator reads scores of this year, so that the score it moves and the exports it converts into US$ belong to
 * the same year (issue 24). NaN when no export is observed.
 */
export function lastExportsYear(rows: readonly Row[], column = "exports_cn_usd"): number {
  let y = NaN;
  for (const r of rows) {
    const v = r[column];
    if (typeof v === "number" && Number.isFinite(v) && !(r.year <= y)) y = r.year;
  }
  return y;
}

/**
 * The slider's bounds for `column`: the smallest and largest value observed for any partner in any year, widened
 * to the 0.01 grid of the published index (a target beyond what any country has had is not offered).
 * Example: area values 0, 0.02, 0.04 -> {min: 0, max: 0.04}.
 */
export function sliderBounds(rows: readonly Row[], column: string): {min: number; max: number} | null {
  const r = observedRange(rows.map((x) => x[column] as number));
  if (!r) return null;
  return {min: Math.floor(r.min * 100 + 1e-9) / 100, max: Math.ceil(r.max * 100 - 1e-9) / 100};
}

/**
 * The partner whose `column` moved most between its first and its last observed year up to `maxYear` (ties: first
 * ISO3 code), with both ends: the page's opening scenario undoes that change ("what if it had kept its earlier
 * rules?"), a move the data contain rather than a straight-line projection. Null when no partner's value moved.
 * Example: AAA 0.10 (2014) -> 0.30 (2020), BBB unchanged -> {iso3: "AAA", first: {2014, 0.10}, last: {2020, 0.30}}.
 */
export function largestMover(rows: readonly Row[], column: string, maxYear = Infinity): {iso3: string; first: {year: number; value: number}; last: {year: number; value: number}} | null {
  const ends = new Map<string, {first: {year: number; value: number}; last: {year: number; value: number}}>();
  for (const r of rows) {
    const v = r[column];
    if (r.year > maxYear || typeof v !== "number" || !Number.isFinite(v)) continue;
    const e = ends.get(r.iso3);
    if (!e) ends.set(r.iso3, {first: {year: r.year, value: v}, last: {year: r.year, value: v}});
    else {
      if (r.year < e.first.year) e.first = {year: r.year, value: v};
      if (r.year > e.last.year) e.last = {year: r.year, value: v};
    }
  }
  let best: {iso3: string; first: {year: number; value: number}; last: {year: number; value: number}} | null = null;
  for (const iso3 of [...ends.keys()].sort()) {
    const e = ends.get(iso3)!;
    const d = Math.abs(e.last.value - e.first.value);
    if (d > 1e-9 && (!best || d > Math.abs(best.last.value - best.first.value) + 1e-12)) best = {iso3, ...e};
  }
  return best;
}
