/**
 * Summaries of a specification curve (Simonsohn, Simmons & Nelson 2020, "Specification curve analysis",
 * Nature Human Behaviour 4: 1208-1214; Young & Holsteen 2017, Sociological Methods & Research 46: 3-40):
 * median estimate, shares by sign and by significance in each direction, range, the "Janus" share (estimates
 * with the sign opposite to the median's), and Stouffer's aggregate of the one-sided p-values.
 */
import {tQuantile} from "../vendor/stdlib-dists.js";
import type {BatchResult} from "./batch.js";

export interface Summary {
  n_specs: number;
  n_ok: number;
  n_failed: number;
  median: number;
  /** 1 when the median estimate is >= 0, -1 otherwise: the "dominant direction" of SSN. */
  direction: 1 | -1;
  share_positive: number;
  share_negative: number;
  share_sig_positive: number;
  share_sig_negative: number;
  /** Share significant at `alpha` in the dominant direction (the SSN test statistic). */
  share_sig_dominant: number;
  min: number;
  max: number;
  /** Share of estimates whose sign is opposite to the median's (Young & Holsteen's sign flips). */
  janus: number;
  /** Stouffer's Z of the one-sided p-values in the dominant direction: sum z_i / sqrt(K). */
  stouffer: number;
  alpha: number;
}

/** Median of the values (sorted copy). Example: [3, 1, 2] -> 2; [1, 2, 3, 4] -> 2.5. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/** Standard normal quantile. (The t quantile with 1e9 df equals it to ~1e-9; see tdist.ts `criticalValue`.) */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return tQuantile(p, 1e9);
}

/**
 * Summary over the specifications `which` (default all) that were estimated.
 * `direction` fixes the dominant direction (the null bootstrap uses the observed one in every draw).
 */
export function summarize(r: BatchResult, opts: {alpha?: number; which?: ArrayLike<number>; direction?: 1 | -1} = {}): Summary {
  const alpha = opts.alpha ?? 0.05;
  const idx = opts.which ?? Array.from({length: r.n}, (_, i) => i);
  const coefs: number[] = [];
  let pos = 0, neg = 0, sigPos = 0, sigNeg = 0, zsum = 0, min = Infinity, max = -Infinity;
  const ok: number[] = [];
  for (let a = 0; a < idx.length; a++) {
    const i = idx[a];
    if (!r.ok[i]) continue;
    ok.push(i);
    const b = r.coef[i];
    coefs.push(b);
    if (b > 0) pos++;
    else if (b < 0) neg++;
    if (r.pvalue[i] < alpha) (b > 0 ? sigPos++ : b < 0 && sigNeg++);
    if (b < min) min = b;
    if (b > max) max = b;
  }
  const K = coefs.length;
  const med = median(Float64Array.from(coefs));
  const direction: 1 | -1 = opts.direction ?? (med >= 0 ? 1 : -1);
  for (const i of ok) {
    // One-sided p in the dominant direction from the two-sided p and the sign of t.
    // z_i = Phi^{-1}(1 - p1) = -Phi^{-1}(p1), p1 kept inside (0, 1) so that z_i stays finite.
    const p2 = r.pvalue[i];
    if (!(p2 >= 0 && p2 <= 1)) continue;
    const agrees = Math.sign(r.tstat[i]) === direction;
    const p1 = agrees ? p2 / 2 : 1 - p2 / 2;
    zsum -= normalQuantile(Math.min(Math.max(p1, 1e-300), 1 - 1e-16));
  }
  const share = (x: number) => (K ? x / K : NaN);
  return {
    n_specs: idx.length,
    n_ok: K,
    n_failed: idx.length - K,
    median: med,
    direction,
    share_positive: share(pos),
    share_negative: share(neg),
    share_sig_positive: share(sigPos),
    share_sig_negative: share(sigNeg),
    share_sig_dominant: share(direction > 0 ? sigPos : sigNeg),
    min: K ? min : NaN,
    max: K ? max : NaN,
    janus: share(direction > 0 ? neg : pos),
    stouffer: K ? zsum / Math.sqrt(K) : NaN,
    alpha
  };
}
