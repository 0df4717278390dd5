/**
 * log Gamma(x) for x > 0 by the Lanczos approximation (g = 7, 9 coefficients; Godfrey's constants, as in
 * Numerical Recipes 3rd ed. §6.1 and many libraries), relative error ~1e-15; the reflection formula is not
 * needed (PPML calls it with y + 1 >= 1). Used for the Poisson log-likelihood sum(y eta - mu - lgamma(y + 1)).
 * Example: lgamma(5) = log(24) ~ 3.178053830347946.
 */
const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_2PI = 0.91893853320467274178;

export function lgamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = C[0];
  const t = z + G + 0.5;
  for (let i = 1; i < 9; i++) a += C[i] / (z + i);
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
