/**
 * PPML's IRLS (ppml-irls.ts, fixest 0.12.1 `feglm.fit`) for exactly two fixed-effect dimensions when the exact
 * weighted solve applies (weighted-two-way.ts): the same iterations, the same stopping rule and the same numbers
 * to rounding, with the working columns never demeaned into arrays of their own. An iteration is three passes
 * over the rows:
 *  1. z = eta + (y - mu)/mu, and with weights w = mu the cross-tabulation C, the margins and the sums by level of
 *     z and of every regressor;
 *  2. (after the Schur solve gives every column's FE coefficients a, b) X~'WX~ and X~'Wz~ with x~ = x - a - b
 *     computed on the fly;
 *  3. eta = z - (z~ - X~ beta) = (a_z - sum_j beta_j a_j)[g] + (b_z - sum_j beta_j b_j)[h] + x'beta, mu = exp(eta)
 *     and the deviance.
 * (ppml-irls.ts makes five passes and writes k + 1 demeaned columns each iteration.) The first iteration's
 * X~'WX~ is the collinearity check's matrix (fixest checks its first weighted least squares): `choose` receives
 * it with the raw weighted sums of squares and returns the regressors to keep. The demeaned regressors and
 * working residuals of the last iteration, which the variances need, are written once at the end.
 */
import {UserError} from "../errors.js";
import {spdInverse} from "./linalg.js";
import type {IrlsFit} from "./ppml-irls.js";
import {recycle, takeF64} from "./scratch.js";
import {solveTwoWay, type TwoWayLayout} from "./weighted-two-way.js";

/** sum over y > 0 of y log y (the constant part of the deviance). */
function sumYLogY(y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > 0) s += y[i] * Math.log(y[i]);
  return s;
}

/** Poisson deviance 2 sum(y log y - y eta - (y - mu)) (ppml-irls.ts devianceAt). */
function devianceAt(y: Float64Array, eta: Float64Array, mu: Float64Array, ylogy: number): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    if (mu[i] === 0 && y[i] > 0) return Infinity;
    d += y[i] * eta[i] + (y[i] - mu[i]);
  }
  return 2 * (ylogy - d);
}

/**
 * Runs of equal codes of the larger dimension: run r covers rows start[r] .. start[r + 1] - 1, all of level
 * level[r]. The rows are blocked by that dimension (ppml.ts), so there is one run per level and every pass below
 * keeps the level's sums and coefficients in locals for the run (a sum kept in a typed array is a load and a
 * store per row; in a local it stays in a register). Any order is still correct, only with more runs.
 */
export interface Runs {
  start: Int32Array;
  level: Int32Array;
}

export function runsOf(codes: Int32Array): Runs {
  const m = codes.length;
  let count = 0;
  for (let i = 0; i < m; i++) if (i === 0 || codes[i] !== codes[i - 1]) count++;
  const start = new Int32Array(count + 1);
  const level = new Int32Array(count);
  for (let i = 0, r = 0; i < m; i++) {
    if (i === 0 || codes[i] !== codes[i - 1]) {
      start[r] = i;
      level[r++] = codes[i];
    }
  }
  start[count] = m;
  return {start, level};
}

/** Adds w v by A level into s[level * nc + c] and by B level into r[level * nc + c]. */
function levelSums(w: Float64Array, v: Float64Array, runs: Runs, bc: Int32Array, s: Float64Array, r: Float64Array, nc: number, c: number): void {
  const {start, level} = runs;
  for (let q = 0; q < level.length; q++) {
    let acc = 0;
    for (let i = start[q], e = start[q + 1]; i < e; i++) {
      const wv = w[i] * v[i];
      acc += wv;
      r[bc[i] * nc + c] += wv;
    }
    s[level[q] * nc + c] += acc;
  }
}

/**
 * Pass 1 of an iteration: z = eta + (y - mu)/mu into `z`; with weights w = mu the cross-tabulation C (L_A x L_B),
 * the margins W, V and the sums by level of z and of the first one or two regressors (x0, x1; x1 is an array of
 * zeros for a model with one regressor, its sums then land on z's with + 0) into s (by A level) and r (by B
 * level), interleaved by column (z first); the other regressors' sums follow with levelSums. Returns true when a
 * fitted mean on a zero outcome is below `lo`.
 */
function sumsPass(y: Float64Array, eta: Float64Array, mu: Float64Array, x0: Float64Array, x1: Float64Array, c2: number, runs: Runs, bc: Int32Array, LB: number, nc: number, lo: number, z: Float64Array, C: Float64Array, W: Float64Array, V: Float64Array, s: Float64Array, r: Float64Array): boolean {
  const {start, level} = runs;
  let suspect = false;
  for (let q = 0; q < level.length; q++) {
    const g = level[q];
    const o = g * LB;
    let accW = 0, accZ = 0, acc0 = 0, acc1 = 0;
    for (let i = start[q], e = start[q + 1]; i < e; i++) {
      const yi = y[i];
      const wi = mu[i];
      if (yi === 0 && wi < lo) suspect = true;
      const zi = eta[i] + (yi - wi) / wi;
      z[i] = zi;
      const hb = bc[i];
      C[o + hb] += wi;
      V[hb] += wi;
      accW += wi;
      const wz = wi * zi;
      const w0 = wi * x0[i];
      const w1 = wi * x1[i];
      accZ += wz;
      acc0 += w0;
      acc1 += w1;
      const ro = hb * nc;
      r[ro] += wz;
      r[ro + 1] += w0;
      r[ro + c2] += w1;
    }
    W[g] += accW;
    s[g * nc] += accZ;
    s[g * nc + 1] += acc0;
    s[g * nc + c2] += acc1;
  }
  return suspect;
}

/**
 * Pass 2: X~' W X~ (lower triangle, into AX) and X~' W z~ (into Xtz), x~ = x - a[g] - b[h] computed on the fly
 * (a, b interleaved by column, z first). One and two regressors keep their sums in locals (most models), more in
 * arrays.
 */
function crossPass(w: Float64Array, z: Float64Array, X: Float64Array[], runs: Runs, bc: Int32Array, a: Float64Array, b: Float64Array, AX: Float64Array, Xtz: Float64Array): void {
  const {start, level} = runs;
  const k = X.length;
  const nc = k + 1;
  if (k <= 2) {
    const x0 = X[0];
    const x1 = k === 2 ? X[1] : X[0];
    const j1 = k === 2 ? 2 : 1;
    let a00 = 0, a10 = 0, a11 = 0, t0 = 0, t1 = 0;
    for (let q = 0; q < level.length; q++) {
      const ao = level[q] * nc;
      const az = a[ao], a0 = a[ao + 1], a1 = a[ao + j1];
      for (let i = start[q], e = start[q + 1]; i < e; i++) {
        const wi = w[i];
        const bo = bc[i] * nc;
        const zt = z[i] - az - b[bo];
        const u0 = x0[i] - a0 - b[bo + 1];
        const u1 = x1[i] - a1 - b[bo + j1];
        const w0 = wi * u0, w1 = wi * u1;
        a00 += w0 * u0;
        a10 += w1 * u0;
        a11 += w1 * u1;
        t0 += w0 * zt;
        t1 += w1 * zt;
      }
    }
    AX[0] = a00;
    Xtz[0] = t0;
    if (k === 2) {
      AX[2] = a10;
      AX[3] = a11;
      Xtz[1] = t1;
    }
    return;
  }
  const xt = new Float64Array(k);
  for (let q = 0; q < level.length; q++) {
    const ao = level[q] * nc;
    for (let i = start[q], e = start[q + 1]; i < e; i++) {
      const wi = w[i];
      const bo = bc[i] * nc;
      const zt = z[i] - a[ao] - b[bo];
      for (let j = 0; j < k; j++) xt[j] = X[j][i] - a[ao + 1 + j] - b[bo + 1 + j];
      for (let j = 0; j < k; j++) {
        const wj = wi * xt[j];
        Xtz[j] += wj * zt;
        for (let l = 0; l <= j; l++) AX[j * k + l] += wj * xt[l];
      }
    }
  }
}

/** The raw weighted sum of squares sum w x^2 (the collinearity check's scale). */
function rawSquare(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i] * x[i];
  return s;
}

/**
 * Pass 3: eta = Ag[g] + Bh[h] + x'beta into `eta`, mu = exp(eta) into `mu`; returns sum(y eta + (y - mu)) (the
 * deviance's varying part), or NaN when a mean underflows to 0 where y > 0 (infinite deviance). (Making the next
 * iteration's sums in this pass as well measured no faster and needed a second cross-tabulation.)
 */
function updatePass(y: Float64Array, X: Float64Array[], beta: Float64Array, runs: Runs, bc: Int32Array, Ag: Float64Array, Bh: Float64Array, eta: Float64Array, mu: Float64Array): number {
  const {start, level} = runs;
  const k = X.length;
  const x0 = X[0];
  const x1 = k >= 2 ? X[1] : X[0];
  const b0 = beta[0];
  const b1 = k >= 2 ? beta[1] : 0;
  let dsum = 0;
  let underflow = false;
  for (let q = 0; q < level.length; q++) {
    const ag = Ag[level[q]];
    for (let i = start[q], e = start[q + 1]; i < e; i++) {
      let v = ag + Bh[bc[i]] + b0 * x0[i] + b1 * x1[i];
      for (let j = 2; j < k; j++) v += beta[j] * X[j][i];
      const mi = Math.exp(v);
      eta[i] = v;
      mu[i] = mi;
      const yi = y[i];
      if (mi === 0 && yi > 0) underflow = true;
      dsum += yi * v + (yi - mi);
    }
  }
  return underflow ? NaN : dsum;
}

/** By level: the FE part of the fitted working outcome, c_z - sum_j beta_j c_j (c interleaved by column, z first). */
function fittedByLevel(c: Float64Array, beta: Float64Array, L: number): Float64Array {
  const k = beta.length;
  const nc = k + 1;
  const out = new Float64Array(L);
  for (let g = 0; g < L; g++) {
    let t = c[g * nc];
    for (let j = 0; j < k; j++) t -= beta[j] * c[g * nc + 1 + j];
    out[g] = t;
  }
  return out;
}

/** log(v) into out (the linear predictor of the starting means). */
function logInto(v: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < v.length; i++) out[i] = Math.log(v[i]);
  return out;
}

/**
 * The last weighted least squares, which the variances need (ppml-irls.ts `last`): the regressors demeaned with
 * its weights w (a, b: its FE coefficients, z first) and the weighted working residuals w (z~ - X~ beta).
 */
function lastLeastSquares(w: Float64Array, z: Float64Array, X: Float64Array[], beta: Float64Array, ac: Int32Array, bc: Int32Array, a: Float64Array, b: Float64Array): NonNullable<IrlsFit["last"]> {
  const m = w.length;
  const k = X.length;
  const nc = k + 1;
  const XT = Array.from({length: k}, () => takeF64(m));
  const wresid = takeF64(m);
  for (let i = 0; i < m; i++) {
    const ao = ac[i] * nc;
    const bo = bc[i] * nc;
    wresid[i] = z[i] - a[ao] - b[bo];
  }
  for (let j = 0; j < k; j++) {
    const x = X[j];
    const xt = XT[j];
    const bj = beta[j];
    for (let i = 0; i < m; i++) {
      const v = x[i] - a[ac[i] * nc + 1 + j] - b[bc[i] * nc + 1 + j];
      xt[i] = v;
      wresid[i] -= v * bj;
    }
  }
  for (let i = 0; i < m; i++) wresid[i] *= w[i];
  return {w, XT, wresid};
}

/**
 * Runs IRLS from the means `mu0` (overwritten) with the fixed effects of `lay`. Example:
 * `poissonIrlsTwoWay(y, [x1, x2], twoWayLayout(firm, year), mu0, mean(y), false, (A, raw) => [0, 1])`.
 * Returns the fit of ppml-irls.ts and `keep`, the regressors kept by `choose`.
 */
export function poissonIrlsTwoWay(yS: Float64Array, XS: Float64Array[], lay: TwoWayLayout, mu0: Float64Array, ybar: number, checkSeparation: boolean, choose: (A: Float64Array, raw: Float64Array) => number[]): IrlsFit & {keep: number[]} {
  const m = yS.length;
  const {LA, LB} = lay;
  const ac = lay.A.codes;
  const bc = lay.B.codes;
  const runs = runsOf(ac);
  let k = XS.length;
  let nc = k + 1;
  let X = XS.slice();
  let keep = XS.map((_, j) => j);
  let mu: Float64Array = mu0;
  let eta: Float64Array = logInto(mu, takeF64(m));
  const ylogy = sumYLogY(yS);
  let dev = devianceAt(yS, eta, mu, ylogy);
  let beta: Float64Array = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  let suspect = false;
  let tight = false;
  // Row-sized working arrays from the pool (scratch.ts): every element is written before it is read.
  const z = takeF64(m);
  let etaNew: Float64Array = takeF64(m);
  let muNew: Float64Array = takeF64(m);
  const C = takeF64(LA * LB);
  const W = new Float64Array(LA);
  const V = new Float64Array(LB);
  // One regressor: the second slot of the sums pass reads zeros and adds them to z's sums (+ 0).
  const x1Of = (X: Float64Array[]) => (X.length >= 2 ? X[1] : new Float64Array(m));
  let x1 = x1Of(X);
  let lastA: Float64Array | null = null;
  let lastAX: Float64Array | null = null;
  let lastB: Float64Array | null = null;
  for (let iter = 1; iter <= 200; iter++) {
    iterations = iter;
    // Pass 1. Separation shows as fitted means on zero outcomes collapsing to 0: the caller then checks (see
    // ppml-irls.ts) and refits.
    const lo = !checkSeparation && iter > 3 ? 1e-9 * ybar : -Infinity;
    C.fill(0);
    W.fill(0);
    V.fill(0);
    const sAll = new Float64Array(LA * nc);
    const rAll = new Float64Array(LB * nc);
    if (sumsPass(yS, eta, mu, X[0], x1, k >= 2 ? 2 : 0, runs, bc, LB, nc, lo, z, C, W, V, sAll, rAll)) suspect = true;
    for (let j = 2; j < k; j++) levelSums(mu, X[j], runs, bc, sAll, rAll, nc, 1 + j);
    if (suspect) break;
    const {a, b} = solveTwoWay(lay, C, W, V, sAll, rAll, nc);
    // Pass 2: X~' W X~ (lower triangle) and X~' W z~; the raw weighted sums of squares on the first iteration.
    let AX = new Float64Array(k * k);
    let Xtz = new Float64Array(k);
    const raw = new Float64Array(k);
    crossPass(mu, z, X, runs, bc, a, b, AX, Xtz);
    if (iter === 1) for (let j = 0; j < k; j++) raw[j] = rawSquare(mu, X[j]);
    for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) AX[l * k + j] = AX[j * k + l];
    let aK = a;
    let bK = b;
    if (iter === 1) {
      const chosen = choose(AX, raw);
      if (chosen.length < k) {
        // Regressors collinear with the fixed effects: the kept columns' rows, sums and coefficients.
        const k2 = chosen.length;
        const nc2 = k2 + 1;
        const X2 = chosen.map((j) => X[j]);
        const pick = (v: Float64Array, L: number) => {
          const out = new Float64Array(L * nc2);
          for (let g = 0; g < L; g++) {
            out[g * nc2] = v[g * nc];
            for (let j = 0; j < k2; j++) out[g * nc2 + 1 + j] = v[g * nc + 1 + chosen[j]];
          }
          return out;
        };
        aK = pick(a, LA);
        bK = pick(b, LB);
        const AX2 = new Float64Array(k2 * k2);
        const Xtz2 = new Float64Array(k2);
        for (let j = 0; j < k2; j++) {
          Xtz2[j] = Xtz[chosen[j]];
          for (let l = 0; l < k2; l++) AX2[j * k2 + l] = AX[chosen[j] * k + chosen[l]];
        }
        X = X2;
        x1 = x1Of(X);
        AX = AX2;
        Xtz = Xtz2;
        k = k2;
        nc = nc2;
        keep = chosen.map((j) => keep[j]);
        beta = new Float64Array(k);
      }
    }
    lastA = aK;
    lastAX = AX;
    lastB = bK;
    const inv = spdInverse(AX, k, 0);
    if (!inv) throw new UserError("PPML: the weighted cross-product of the regressors became singular during the iterations");
    const next = new Float64Array(k);
    for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) next[j] += inv[j * k + l] * Xtz[l];
    // Pass 3: eta = (a_z - sum_j b_j a_j)[g] + (b_z - sum_j b_j b_j)[h] + x'b, mu = exp(eta),
    // the deviance's sum.
    const Ag = fittedByLevel(aK, next, LA);
    const Bh = fittedByLevel(bK, next, LB);
    const dsum = updatePass(yS, X, next, runs, bc, Ag, Bh, etaNew, muNew);
    const underflow = Number.isNaN(dsum);
    let devNew = underflow ? Infinity : 2 * (ylogy - dsum);
    // Step-halving when the deviance is not finite (fixest does the same).
    for (let h = 0; h < 30 && !Number.isFinite(devNew); h++) {
      for (let i = 0; i < m; i++) {
        etaNew[i] = (etaNew[i] + eta[i]) / 2;
        muNew[i] = Math.exp(etaNew[i]);
      }
      devNew = devianceAt(yS, etaNew, muNew, ylogy);
    }
    let change = 0, size = 0;
    for (let j = 0; j < k; j++) {
      change = Math.max(change, Math.abs(next[j] - beta[j]));
      size = Math.max(size, Math.abs(next[j]));
    }
    const devChange = Math.abs(devNew - dev) / (0.1 + Math.abs(devNew));
    beta = next;
    [eta, etaNew] = [etaNew, eta];
    [mu, muNew] = [muNew, mu];
    dev = devNew;
    const wasTight = tight;
    if (devChange < 1e-7) tight = true;
    if (wasTight && iter > 1 && devChange < 1e-11 && change <= 1e-12 * Math.max(1, size)) {
      converged = true;
      break;
    }
  }
  recycle([C]);
  // After the swap above, `muNew` holds the weights of the last least squares, `z` its working outcome and
  // lastA / lastB its FE coefficients: the demeaned regressors and weighted residuals w (z~ - X~ b).
  let last: IrlsFit["last"] = null;
  // The last X~' W X~ (pass 2, the same sums as X~ materialised below would give) is fepois's Hessian.
  if (lastA && lastB && !suspect) last = {...lastLeastSquares(muNew, z, X, beta, ac, bc, lastA, lastB), hessian: lastAX ?? undefined};
  recycle([z, etaNew]);
  return {beta, eta, mu, dev, iterations, converged, demeanConverged: true, suspect, last, keep};
}
