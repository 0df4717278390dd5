/**
 * Shared pieces of the panel HAC variances (Driscoll-Kraay and Newey-West), as fixest 0.12.1 (R/VCOV.R,
 * `vcov_driscoll_kraay_internal`, `vcov_newey_west_internal`; src/vcov_related.cpp):
 *  - time is the rank of the distinct time values in the estimation sample (`to_integer(time, sorted = TRUE)`),
 *    so a year absent from the sample is not a gap and T = number of distinct periods;
 *  - default lag floor(T^(1/4)) (Newey & West 1987);
 *  - Bartlett weights w_l = 1 - l/(L+1), l = 0..L, the first halved (the transpose is added), and at most
 *    T - 1 of them (fixest's `if(L > T - 1) L = T - 1` on the weight count);
 *  - V = T/(T-1) (cluster.adj) * (n-1)/(n-K) * B meat B, K by fixest's "nested" rule (ssc.ts: a fixed effect
 *    nested in the time or unit variable is not counted), t df = T - 1 (t.df = "min").
 */
import {UserError} from "../errors.js";

/**
 * Ranks 0..T-1 of the distinct values of `time` (ascending). Example: [2003, 2001, 2003] -> codes [1, 0, 1], T 2.
 */
export function timeRanks(time: Float64Array): {codes: Int32Array; nlevels: number} {
  const distinct = Array.from(new Set(time)).sort((a, b) => a - b);
  const rank = new Map<number, number>();
  distinct.forEach((t, i) => rank.set(t, i));
  const codes = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) codes[i] = rank.get(time[i]) as number;
  return {codes, nlevels: distinct.length};
}

/** fixest's default lag for panel HAC: floor(T^(1/4)). Example: T = 14 -> 1; T = 16 -> 2. */
export function defaultHacLag(T: number): number {
  return Math.floor(Math.pow(T, 0.25));
}

/**
 * The weights fixest uses: w_0 = 1/2, w_l = 1 - l/(lag+1) for l = 1..lag, trimmed to at most T - 1 entries.
 * Example: lag 2, T 10 -> [0.5, 2/3, 1/3].
 */
export function bartlettWeights(lag: number, T: number): Float64Array {
  let L = lag + 1;
  if (L > T - 1) L = T - 1;
  const w = new Float64Array(Math.max(L, 0));
  for (let l = 0; l < w.length; l++) w[l] = l === 0 ? 0.5 : 1 - l / (lag + 1);
  return w;
}

/** meat + meat' (fixest adds the transpose once all lags are summed). */
export function addTranspose(M: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = M[i * k + j] + M[j * k + i];
  return out;
}

/** Lag given by the user, or the default; a lag must be a whole number >= 1 (fixest: "integer scalar GE{1}"). */
export function resolveLag(lag: number | undefined, T: number, what: string): number {
  if (lag === undefined) return defaultHacLag(T);
  if (!Number.isInteger(lag) || lag < 1) throw new UserError(`${what}: the lag must be a whole number >= 1; got ${lag}`);
  return lag;
}
