/**
 * Two-sided Student t p-value for an integer number of degrees of freedom, without allocating.
 *
 * Formula: p = P(|T| > |t|) = I_x(nu/2, 1/2) with x = nu / (nu + t^2), the regularized incomplete beta
 * function (Abramowitz & Stegun 26.7.1 with 26.5.27). I_x(a, b) is evaluated as
 *
 *   I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...)))        (A&S 26.5.8)
 *   d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),  d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m))
 *
 * by Lentz's method, on the side where the fraction converges fast (x < (a + 1)/(a + b + 2); otherwise
 * 1 - I_{1-x}(b, a)). x and 1 - x are formed separately (nu/(nu + t^2), t^2/(nu + t^2)), so neither tail
 * loses digits to cancellation: t = 73.31 on 29 df gives 1.774e-34, as R's `2 * pt(-73.31, 29)`.
 *
 * B(nu/2, 1/2) for integer nu: the recurrence B(a + 1, 1/2) = B(a, 1/2) a / (a + 1/2) from B(1/2, 1/2) = pi
 * and B(1, 1/2) = 2 (one rounding per step), cached by nu (a run of the multiverse meets a few dozen).
 *
 * Why not the @stdlib CDF used elsewhere: its continued fraction allocates a small array per iteration
 * (about 1 KB per p-value). Over the 55,296 specifications of the multiverse that was ~65 MB of garbage
 * and, in Chromium's workers, the largest single cost of a cold run. The two agree to about 1e-13 relative
 * (tests/lib/engine/t-tail.test.ts) for nu <= MAX_NU; above it (the fraction then needs thousands of steps
 * near x = 1 and drifts to ~1e-10) and for non-integer nu, tdist.ts keeps @stdlib.
 *
 * Example: `twoSidedTInteger(2.045, 29)` ~ 0.0500.
 */

const MAX_STEPS = 10_000;
const TINY = 1e-300;
/** Largest nu computed here (tdist.ts hands larger and non-integer nu to @stdlib). */
export const MAX_NU = 1000;
const betaCache = new Map<number, number>();

/** B(nu/2, 1/2) for a positive integer nu (see above). Example: `betaHalf(1)` = pi, `betaHalf(2)` = 2. */
export function betaHalf(nu: number): number {
  const hit = betaCache.get(nu);
  if (hit !== undefined) return hit;
  // From the nearest cached value of the same parity below nu, else from B(1/2,1/2) or B(1,1/2): every
  // cached value is the same chain of products, so the result does not depend on what was cached.
  let v = nu % 2 === 1 ? 1 : 2;
  let B = v === 1 ? Math.PI : 2;
  for (let w = nu - 2; w > v; w -= 2) {
    const c = betaCache.get(w);
    if (c !== undefined) {
      v = w;
      B = c;
      break;
    }
  }
  for (; v < nu; v += 2) B = (B * (v / 2)) / (v / 2 + 0.5);
  betaCache.set(nu, B);
  return B;
}

/** Lentz's evaluation of the continued fraction of I_x(a, b) (A&S 26.5.8): returns 1/(1 + d1/(1 + ...)). */
function betaFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 2.220446049250313e-16) return h;
  }
  return h;
}

/**
 * P(|T| > |t|) for T ~ Student t with `nu` degrees of freedom, nu a positive integer. NaN for NaN t;
 * 1 at t = 0, 0 at |t| = Infinity. Example: `twoSidedTInteger(73.31, 29)` ~ 1.774e-34.
 */
export function twoSidedTInteger(t: number, nu: number): number {
  if (t !== t) return NaN;
  const t2 = t * t;
  if (t2 === 0) return 1;
  if (t2 === Infinity) return 0;
  const x = nu / (nu + t2);
  const y = t2 / (nu + t2);
  const a = nu / 2;
  const b = 0.5;
  // log x = -log1p(t^2/nu): x is close to 1 when nu is large, where log(x) of the rounded x would lose digits
  // (and a = nu/2 multiplies the loss).
  const logPower = a * -Math.log1p(t2 / nu) + b * Math.log(y) - Math.log(betaHalf(nu));
  if (x < (a + 1) / (a + b + 2)) {
    // Upper tail directly: I_x(a, b).
    return (Math.exp(logPower) * betaFraction(a, b, x)) / a;
  }
  // 1 - I_y(b, a).
  return 1 - (Math.exp(logPower) * betaFraction(b, a, y)) / b;
}
