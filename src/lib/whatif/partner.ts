/**
 * Facts about one partner that the simulator needs, read from the panel rows: the latest observed score of a
 * column (and its year), the observed range of that score, and the latest observed exports (US$).
 */
import {observedRange} from "./predict.js";

type Row = {iso3: string; year: number; [k: string]: unknown};

/** Latest (year, value) of `column` for `iso3` with a finite value, or null. */
export function latestValue(rows: readonly Row[], iso3: string, column: string): {year: number; value: number} | null {
  let best: {year: number; value: number} | null = null;
  for (const r of rows) {
    const v = r[column];
    if (r.iso3 === iso3 && typeof v === "number" && Number.isFinite(v) && (!best || r.year > best.year)) best = {year: r.year, value: v};
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
export function oecdMedian(rows: readonly (Row & {oecd?: unknown})[], column: string): {value: number; members: number} | null {
  const members = [...new Set(rows.filter((r) => r.oecd === true || r.oecd === 1).map((r) => r.iso3))];
  const values = members.map((iso3) => latestValue(rows, iso3, column)?.value).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (!values.length) return null;
  const m = values.length >> 1;
  return {value: values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2, members: values.length};
}

/** The partner with the highest latest `column` (ties: first ISO3 code): the page's default partner. */
export function mostRestrictive(rows: readonly Row[], column: string): string | null {
  let best: {iso3: string; value: number} | null = null;
  for (const iso3 of [...new Set(rows.map((r) => r.iso3))].sort()) {
    const v = latestValue(rows, iso3, column);
    if (v && (!best || v.value > best.value)) best = {iso3, value: v.value};
  }
  return best?.iso3 ?? null;
}
