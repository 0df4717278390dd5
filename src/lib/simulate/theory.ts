/**
 * Analytic values the labs are checked against (tests/lib/simulate/theory.test.ts) and shown on the pages.
 */

/**
 * `fe` lab, pooled OLS slope. With x = corr a + u the pooled regression (with intercept, all N T rows)
 * attributes to x the part of a_i that x carries: b - beta = Num / Den with sample moments
 *   Num = corr S_aa + S_au + S_xg + S_xe,   Den = corr^2 S_aa + 2 corr S_au + S_uu,
 * S_aa the pooled sample variance of the country-constant a_i (E = (N-1)/N, Var ~ 2/N), S_uu that of the iid u
 * (E = 1 - 1/(NT), Var ~ 2/(NT)), S_au their covariance (E = 0, Var ~ 1/(NT)). g_t and e are independent of x
 * and enter Num linearly, so E[S_xg / Den | x] = E[S_xe / Den | x] = 0: time effects add no bias at any N, T
 * (only variance). A second-order expansion of E[Num/Den] around n = E Num, d = E Den:
 *   bias = n/d - Cov(Num, Den)/d^2 + n Var(Den)/d^3,
 *   Cov(Num, Den) = 2 corr^3/N + 2 corr/(NT),  Var(Den) = 2 corr^4/N + (4 corr^2 + 2)/(NT),
 * exact up to O(1/N^2); as N -> infinity it is corr / (1 + corr^2) (Var(a) = Var(u) = 1).
 * Example: corr 0.8, N 42, T 7 -> 0.4770; N -> infinity: 0.8 / 1.64 = 0.4878.
 */
export function pooledBiasFe(corr: number, N: number, T: number): number {
  const n = corr * (1 - 1 / N);
  const d = corr * corr * (1 - 1 / N) + 1 - 1 / (N * T);
  const cov = (2 * corr ** 3) / N + (2 * corr) / (N * T);
  const varD = (2 * corr ** 4) / N + (4 * corr * corr + 2) / (N * T);
  return n / d - cov / (d * d) + (n * varD) / (d * d * d);
}

/** Large-N limit of the pooled bias in the `fe` lab: corr / (1 + corr^2). */
export function pooledBiasFeLimit(corr: number): number {
  return corr / (1 + corr * corr);
}

/**
 * Nickell (1981, Econometrica 49(6), eq. 18) large-N bias of the within (LSDV) estimator of rho in
 * y_it = rho y_i,t-1 + a_i + e_it with T periods in the regression and a stationary start:
 *   plim (rho_hat - rho) = -(1 + rho)/(T - 1) A / (1 - 2 rho / ((1 - rho)(T - 1)) A),
 *   A = 1 - (1 - rho^T) / (T (1 - rho)).
 * Example: rho 0.5, T 7 -> -0.2103 (about -0.21; the within estimate is far below 0.5).
 */
export function nickellBias(rho: number, T: number): number {
  const A = 1 - (1 - rho ** T) / (T * (1 - rho));
  return (-(1 + rho) / (T - 1)) * A / (1 - ((2 * rho) / ((1 - rho) * (T - 1))) * A);
}

/**
 * `gravity` lab, log-linear OLS slope: ln y = beta0 + beta x + ln eta with E[ln eta | x] = -(s0 + s1 x)/2, so
 * the conditional mean of ln y is linear in x with slope beta - s1/2 and OLS is unbiased for that, exactly, at
 * any N (Jensen: E[ln eta] < ln E[eta] = 0, and the gap grows with x). Example: beta 1, s1 1 -> 0.5.
 */
export function gravityOlsMean(beta: number, s1: number): number {
  return beta - s1 / 2;
}
