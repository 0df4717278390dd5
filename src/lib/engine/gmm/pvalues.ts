/**
 * Upper-tail p-values for the GMM tests. Computed directly as upper tails (not 1 - cdf) so that
 * very small p-values (Wald tests) keep their relative precision, and p-values near 1 (Hansen
 * tests with many instruments) are exact too.
 */
import {normalCdf} from "../../vendor/stdlib-dists.js";

/** Two-sided normal p-value 2 Φ(-|z|), as plm's `2 * pnorm(abs(z), lower.tail = FALSE)`. Example: 1.96 -> 0.04999579. */
export function normalTwoSided(z: number): number {
  return Number.isNaN(z) ? NaN : 2 * normalCdf(-Math.abs(z), 0, 1);
}

function lnGamma(x: number): number {
  // Lanczos (g = 7, n = 9), relative error ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularized upper incomplete gamma Q(a, x): series for P when x < a + 1 (Q = 1 - P),
 * Lentz continued fraction otherwise (Numerical Recipes 6.2).
 * Example: gammaQ(1, 1) -> e^{-1}.
 */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    for (let n = 1; n < 10000; n++) {
      del *= x / (a + n);
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/**
 * P(χ²_df > stat), as R's `pchisq(stat, df, lower.tail = FALSE)`. df <= 0 gives NaN (no test).
 * Example: chisqUpper(3.841459, 1) -> 0.05.
 */
export function chisqUpper(stat: number, df: number): number {
  if (!(df > 0) || Number.isNaN(stat)) return NaN;
  return gammaQ(df / 2, stat / 2);
}
