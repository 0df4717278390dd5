/**
 * The multiverse's spread of what-if predictions: the multiverse page stores, per DSTRI measure, the range
 * and median of the coefficients over the specifications the reader kept (lag 0, OLS/FE; the what-if model
 * uses the current score); the what-if page turns them into predicted changes with its own formula
 * (100 (exp(b Δ) - 1), src/lib/whatif/predict.ts). Pure; the storage is passed in.
 */
export const SPREAD_KEY = "dtb:multiverse:spread";

export interface StoredSpread {
  keys: Record<string, {n: number; min: number; median: number; max: number}>;
  url: string;
  total: number;
}

/** The stored spread, or null when absent or malformed. */
export function readSpread(storage: Pick<Storage, "getItem"> | null | undefined): StoredSpread | null {
  try {
    const v = JSON.parse(storage?.getItem(SPREAD_KEY) ?? "null");
    if (!v || typeof v !== "object" || typeof v.keys !== "object" || typeof v.url !== "string") return null;
    for (const s of Object.values(v.keys) as Array<Record<string, unknown>>) {
      if (!["n", "min", "median", "max"].every((k) => typeof s[k] === "number")) return null;
    }
    if (!/^\/[^/]/.test(v.url) && v.url !== "/") return null;
    return v as StoredSpread;
  } catch {
    return null;
  }
}

/** Predicted % change at the smallest, median and largest coefficient (sorted low to high). */
export function spreadOfPredictions(s: {min: number; median: number; max: number}, delta: number): {lo: number; median: number; hi: number} {
  const pct = (b: number) => 100 * Math.expm1(b * delta);
  const a = pct(s.min), b = pct(s.max);
  return {lo: Math.min(a, b), median: pct(s.median), hi: Math.max(a, b)};
}
