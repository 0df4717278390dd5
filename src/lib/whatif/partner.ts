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
