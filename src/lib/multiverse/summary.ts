/**
 * Summaries of a specification curve (Simonsohn, Simmons & Nelson 2020, "Specification curve analysis",
 * Nature Human Behaviour 4: 1208-1214; Young & Holsteen 2017, Sociological Methods & Research 46: 3-40):
 * median estimate, shares by sign and by significance in each direction, range, the "Janus" share (estimates
 * with the sign opposite to the median's), and Stouffer's aggregate of the one-sided p-values.
 */
import {normalCdf} from "../vendor/stdlib-dists.js";
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

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9), central and tail pieces.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal quantile Phi^-1(p): Acklam's approximation refined by one Halley step on the exact normal
 * CDF (stdlib), which brings it to double precision (tests compare it with the t quantile at 1e9 df, the
 * previous implementation, to 1e-9). About a hundred times faster than the t quantile, which matters for
 * Stouffer's Z over 55,000 specifications and in every null-bootstrap draw.
 * Example: normalQuantile(0.975) = 1.959963984540054.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  let x: number;
  if (p < 0.02425 || p > 0.97575) {
    const q = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    if (p > 0.5) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // Halley: e = Phi(x) - p (upper tail through 1 - p, where p itself is close to 1), u = e / phi(x).
  const e = p < 0.5 ? normalCdf(x, 0, 1) - p : 1 - p - normalCdf(-x, 0, 1);
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
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
