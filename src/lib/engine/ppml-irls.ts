/**
 * The IRLS loop of PPML (ppml.ts; fixest 0.12.1 `feglm.fit` for the Poisson family): z = eta + (y - mu)/mu,
 * z and X demeaned with weights mu (demean-weighted.ts), weighted least squares, eta = z - (z~ - X~ b),
 * mu = exp(eta), step-halving while the deviance is not finite. Stops when the deviance has settled,
 * |dev - dev_old|/(0.1 + |dev|) < 1e-11 (fixest's criterion, glm.tol 1e-8 by default, tighter), and the largest
 * coefficient change is below 1e-12 of their size (IRLS is Newton's method here: the error left after such a
 * step is of the order of its square), after at least one iteration whose demeaning ran at the full 1e-13
 * tolerance (a looser 1e-9 until the deviance change is below 1e-7; the exact two-way path has none).
 *
 * Speed: every row-sized array is allocated once and reused across iterations (the demeaned columns, z, the
 * next eta and mu, swapped with the current ones), the iterative demeaning starts from the previous
 * iteration's FE coefficients (as fixest), and the deviance uses log(mu) = eta (no logarithm per row).
 */
import {UserError} from "../errors.js";
import {demeanWeighted} from "./demean-weighted.js";
import type {FeDim} from "./demean-types.js";
import {spdInverse} from "./linalg.js";

export interface IrlsFit {
  beta: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  dev: number;
  iterations: number;
  converged: boolean;
  demeanConverged: boolean;
  /** Separation suspected (fitted means on zero outcomes collapsing to 0): the caller checks and refits. */
  suspect: boolean;
  /**
   * The last weighted least squares (fixest's `wols`, whose results give fepois's variance): its weights w (the
   * means before the last update), the regressors demeaned with them, and the weighted working residuals
   * w (z~ - X~ b). Hessian X~' W X~ (`hessian` when the iterations already have it, k x k); scores
   * x~_i w_i (z~_i - x~_i b).
   */
  last: {w: Float64Array; XT: Float64Array[]; wresid: Float64Array; hessian?: Float64Array} | null;
}

/** X' diag(w) X (k x k, row-major). */
export function weightedCross(X: Float64Array[], w: Float64Array): Float64Array {
  const k = X.length;
  const n = w.length;
  const A = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const xa = X[a];
      const xb = X[b];
      for (let i = 0; i < n; i++) s += w[i] * xa[i] * xb[i];
      A[a * k + b] = s;
      A[b * k + a] = s;
    }
  return A;
}

/** sum over y > 0 of y log y (the constant part of the deviance). */
export function sumYLogY(y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > 0) s += y[i] * Math.log(y[i]);
  return s;
}

/** Poisson deviance 2 sum(y log y - y eta - (y - mu)) with mu = exp(eta) (= 2 sum(y log(y/mu) - (y - mu))). */
export function devianceAt(y: Float64Array, eta: Float64Array, mu: Float64Array, ylogy: number): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    // A mean that underflowed to 0 where y > 0: infinite deviance (y log(y/0)), as the direct formula gives.
    if (mu[i] === 0 && y[i] > 0) return Infinity;
    d += y[i] * eta[i] + (y[i] - mu[i]);
  }
  return 2 * (ylogy - d);
}

/** Step-halving while the deviance is not finite (fixest's feglm does the same); returns the deviance. */
export function halveWhileInfinite(y: Float64Array, eta: Float64Array, etaNew: Float64Array, muNew: Float64Array, devNew: number, ylogy: number): number {
  for (let h = 0; h < 30 && !Number.isFinite(devNew); h++) {
    for (let i = 0; i < y.length; i++) {
      etaNew[i] = (etaNew[i] + eta[i]) / 2;
      muNew[i] = Math.exp(etaNew[i]);
    }
    devNew = devianceAt(y, etaNew, muNew, ylogy);
  }
  return devNew;
}

/**
 * The stopping rule of both IRLS loops (this file and ppml-irls-two.ts), see the file header: `tight` once the
 * deviance change is below 1e-7; converged after a tight iteration when the change is below 1e-11 and the largest
 * coefficient change below 1e-12 of their size.
 */
export function irlsRule(next: Float64Array, beta: Float64Array, devNew: number, dev: number, tight: boolean, iter: number): {converged: boolean; tight: boolean} {
  let change = 0, size = 0;
  for (let a = 0; a < next.length; a++) {
    change = Math.max(change, Math.abs(next[a] - beta[a]));
    size = Math.max(size, Math.abs(next[a]));
  }
  const devChange = Math.abs(devNew - dev) / (0.1 + Math.abs(devNew));
  const converged = tight && iter > 1 && devChange < 1e-11 && change <= 1e-12 * Math.max(1, size);
  return {converged, tight: tight || devChange < 1e-7};
}

/**
 * Runs IRLS from the means `mu0` (overwritten). `checkSeparation` false: stops early (suspect = true) when a
 * fitted mean on a zero outcome collapses below 1e-9 of the mean outcome after 3 iterations.
 * Example: `poissonIrls(y, [x], feDims, mu0, mean(y), false)`.
 */
export function poissonIrls(yS: Float64Array, XS: Float64Array[], feDims: FeDim[], mu0: Float64Array, ybar: number, checkSeparation: boolean, first?: {XT: Float64Array[]; alphas: Array<Float64Array | undefined>}): IrlsFit {
  const m = yS.length;
  const k = XS.length;
  let mu: Float64Array = mu0;
  let eta: Float64Array = new Float64Array(m);
  for (let i = 0; i < m; i++) eta[i] = Math.log(mu[i]);
  const ylogy = sumYLogY(yS);
  let dev = devianceAt(yS, eta, mu, ylogy);
  let beta: Float64Array = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  let demeanConverged = true;
  let suspect = false;
  let warm: Float64Array[] | undefined;
  let tight = false;
  let lastXT: Float64Array[] | null = null;
  let lastZT: Float64Array | null = null;
  const z = new Float64Array(m);
  const outs = Array.from({length: k + 1}, () => new Float64Array(m));
  let etaNew: Float64Array = new Float64Array(m);
  let muNew: Float64Array = new Float64Array(m);
  const cols = [z, ...XS];
  const Xtz = new Float64Array(k);
  for (let iter = 1; iter <= 200; iter++) {
    iterations = iter;
    // Separation shows as fitted means on zero outcomes collapsing to 0 (eta -> -infinity): the caller then runs
    // the ReLU check of separation.ts once and refits. Without that sign the check is skipped (it is costly).
    const lo = !checkSeparation && iter > 3 ? 1e-9 * ybar : -Infinity;
    for (let i = 0; i < m; i++) {
      const yi = yS[i];
      const mi = mu[i];
      if (yi === 0 && mi < lo) suspect = true;
      z[i] = eta[i] + (yi - mi) / mi;
    }
    if (suspect) break;
    let zT: Float64Array;
    let XT: Float64Array[];
    if (iter === 1 && first) {
      // The regressors demeaned with these weights by the caller's collinearity check: only z is left.
      const dz = demeanWeighted([z], mu, feDims, 1e-9, 100000, undefined, [outs[0]]);
      if (!dz.converged) demeanConverged = false;
      warm = [dz.alphas[0], ...first.XT.map((_, a) => first.alphas[a] ?? new Float64Array(0))];
      zT = dz.cols[0];
      XT = first.XT;
    } else {
      const dm = demeanWeighted(cols, mu, feDims, tight ? 1e-13 : 1e-9, 100000, warm, outs);
      warm = dm.alphas;
      if (!dm.converged) demeanConverged = false;
      zT = dm.cols[0];
      XT = dm.cols.slice(1);
    }
    // One pass: X~' W X~ (lower triangle) and X~' W z~.
    const AX = new Float64Array(k * k);
    Xtz.fill(0);
    if (k === 1) {
      const x0 = XT[0];
      let a00 = 0, t0 = 0;
      for (let i = 0; i < m; i++) {
        const wx = mu[i] * x0[i];
        a00 += wx * x0[i];
        t0 += wx * zT[i];
      }
      AX[0] = a00;
      Xtz[0] = t0;
    } else if (k === 2) {
      const x0 = XT[0], x1 = XT[1];
      let a00 = 0, a10 = 0, a11 = 0, t0 = 0, t1 = 0;
      for (let i = 0; i < m; i++) {
        const wi = mu[i];
        const w0 = wi * x0[i], w1 = wi * x1[i];
        a00 += w0 * x0[i];
        a10 += w1 * x0[i];
        a11 += w1 * x1[i];
        t0 += w0 * zT[i];
        t1 += w1 * zT[i];
      }
      AX[0] = a00;
      AX[1] = AX[2] = a10;
      AX[3] = a11;
      Xtz[0] = t0;
      Xtz[1] = t1;
    } else {
      AX.set(weightedCross(XT, mu));
      for (let a = 0; a < k; a++) {
        const x = XT[a];
        let t = 0;
        for (let i = 0; i < m; i++) t += x[i] * (mu[i] * zT[i]);
        Xtz[a] = t;
      }
    }
    lastXT = XT;
    lastZT = zT;
    const inv = spdInverse(AX, k, 0);
    if (!inv) throw new UserError("PPML: the weighted cross-product of the regressors became singular during the iterations");
    const next = new Float64Array(k);
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) next[a] += inv[a * k + c] * Xtz[c];
    // One pass: eta = z - (z~ - X~ b), mu = exp(eta) and the deviance's sum (devianceAt, fused).
    let dsum = 0;
    let underflow = false;
    if (k <= 2) {
      const x0 = XT[0], x1 = k === 2 ? XT[1] : XT[0];
      const b0 = next[0], b1 = k === 2 ? next[1] : 0;
      for (let i = 0; i < m; i++) {
        const e = z[i] - (zT[i] - x0[i] * b0 - x1[i] * b1);
        const mi = Math.exp(e);
        etaNew[i] = e;
        muNew[i] = mi;
        const yi = yS[i];
        if (mi === 0 && yi > 0) underflow = true;
        dsum += yi * e + (yi - mi);
      }
    } else {
      for (let i = 0; i < m; i++) {
        let r = zT[i];
        for (let a = 0; a < k; a++) r -= XT[a][i] * next[a];
        const e = z[i] - r;
        const mi = Math.exp(e);
        etaNew[i] = e;
        muNew[i] = mi;
        const yi = yS[i];
        if (mi === 0 && yi > 0) underflow = true;
        dsum += yi * e + (yi - mi);
      }
    }
    let devNew = underflow ? Infinity : 2 * (ylogy - dsum);
    devNew = halveWhileInfinite(yS, eta, etaNew, muNew, devNew, ylogy);
    const rule = irlsRule(next, beta, devNew, dev, tight, iter);
    beta = next;
    [eta, etaNew] = [etaNew, eta];
    [mu, muNew] = [muNew, mu];
    dev = devNew;
    tight = rule.tight;
    if (rule.converged) {
      converged = true;
      break;
    }
  }
  // After the swap above, `muNew` holds the weights of the last least squares.
  let last: IrlsFit["last"] = null;
  if (lastXT && lastZT && !suspect) {
    const wresid = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let r = lastZT[i];
      for (let a = 0; a < k; a++) r -= lastXT[a][i] * beta[a];
      wresid[i] = muNew[i] * r;
    }
    last = {w: muNew, XT: lastXT, wresid};
  }
  return {beta, eta, mu, dev, iterations, converged, demeanConverged, suspect, last};
}
