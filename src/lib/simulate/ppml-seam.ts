/**
 * SEAM: Poisson pseudo-maximum likelihood with an intercept and one regressor, for the `gravity` lab only.
 * The engine's PPML (src/lib/engine/ppml*.ts, the gravity-estimation issue) was not on this branch when the lab
 * was written; this small function stands in behind one name, `ppmlSlope`, so the lab can switch to the engine
 * by changing this file alone. Conventions follow fixest's fepois (ESTIMATION.md):
 *   IRLS: z = eta + (y - mu)/mu, weights mu, from mu = (y + mean y)/2, until both coefficients move by less
 *   than 1e-10 (1 + |b|) (Newton's steps converge quadratically, so the estimate is then exact to ~1e-15;
 *   fixest stops on the deviance at 1e-8, which leaves ~1e-8 in the coefficients).
 *   bread B = (X'WX)^-1, W = diag(mu)  (the Poisson Hessian; dispersion fixed at 1).
 *   iid:  V = B (n - 1)/(n - K)            (fixest ssc adj = TRUE; glm's summary leaves the factor out).
 *   HC1:  V = B (sum s_i s_i') B n/(n - K), s_i = x_i (y_i - mu_i)  (= sandwich::vcovHC(glm, "HC1")).
 * exp and log are portableExp / portableLog, so the page's workers and `dtb simulate` get the same bits.
 * K = 2. tests/lib/simulate/ppml-seam.test.ts compares with R's glm(family = poisson) + sandwich to 1e-8.
 */
import {portableExp} from "../random/portable-exp.js";
import {portableLog} from "../random/portable-log.js";

export interface PpmlSlope {
  intercept: number;
  coef: number;
  se: {iid: number; hetero: number};
  df: number;
  converged: boolean;
  iterations: number;
}

/** Example: `ppmlSlope(y, x)` = fixest::fepois(y ~ x) slope with its iid and HC1 SEs. */
export function ppmlSlope(y: Float64Array, x: Float64Array, maxIter = 100): PpmlSlope {
  const n = y.length;
  let sy = 0;
  for (let i = 0; i < n; i++) sy += y[i];
  const ybar = sy / n;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] + ybar) / 2;
    eta[i] = portableLog(mu[i]);
  }
  let b0 = 0;
  let b1 = 0;
  let converged = false;
  let it = 0;
  let s00 = 0, s01 = 0, s11 = 0;
  for (it = 1; it <= maxIter; it++) {
    // Weighted least squares of z on (1, x) with weights mu.
    s00 = 0; s01 = 0; s11 = 0;
    let t0 = 0, t1 = 0;
    for (let i = 0; i < n; i++) {
      const w = mu[i];
      const z = eta[i] + (y[i] - w) / w;
      s00 += w;
      s01 += w * x[i];
      s11 += w * x[i] * x[i];
      t0 += w * z;
      t1 += w * z * x[i];
    }
    const det = s00 * s11 - s01 * s01;
    if (!(det > 0)) break;
    const n0 = (s11 * t0 - s01 * t1) / det;
    const n1 = (s00 * t1 - s01 * t0) / det;
    const step = Math.max(Math.abs(n0 - b0) / (1 + Math.abs(n0)), Math.abs(n1 - b1) / (1 + Math.abs(n1)));
    b0 = n0;
    b1 = n1;
    let finite = true;
    for (let i = 0; i < n; i++) {
      eta[i] = b0 + b1 * x[i];
      mu[i] = portableExp(eta[i]);
      if (!(mu[i] > 0 && mu[i] < Infinity)) finite = false;
    }
    if (!finite) break;
    if (it > 1 && step < 1e-10) {
      converged = true;
      break;
    }
  }
  const K = 2;
  if (!converged || n - K <= 0) return {intercept: NaN, coef: NaN, se: {iid: NaN, hetero: NaN}, df: n - K, converged, iterations: it};
  // Bread at the final mu.
  s00 = 0; s01 = 0; s11 = 0;
  let m00 = 0, m01 = 0, m11 = 0;
  for (let i = 0; i < n; i++) {
    const w = mu[i];
    s00 += w;
    s01 += w * x[i];
    s11 += w * x[i] * x[i];
    const e = y[i] - w;
    m00 += e * e;
    m01 += e * e * x[i];
    m11 += e * e * x[i] * x[i];
  }
  const det = s00 * s11 - s01 * s01;
  // B = [[s11, -s01], [-s01, s00]] / det; slope row of B: (-s01, s00)/det.
  const r0 = -s01 / det;
  const r1 = s00 / det;
  const vIid = r1 * ((n - 1) / (n - K));
  const vHc = (r0 * r0 * m00 + 2 * r0 * r1 * m01 + r1 * r1 * m11) * (n / (n - K));
  return {intercept: b0, coef: b1, se: {iid: Math.sqrt(vIid), hetero: Math.sqrt(vHc)}, df: n - K, converged, iterations: it};
}
