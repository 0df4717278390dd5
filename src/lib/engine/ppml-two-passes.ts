/**
 * The passes over the rows of the two-way PPML iterations (ppml-irls-two.ts): small functions, each compiled on
 * its own (a row loop in a long function body would run unoptimised until on-stack replacement). Rows come in runs
 * of one level of the larger dimension (`runsOf`), so each pass keeps that level's sums and coefficients in locals.
 */
import type {IrlsFit} from "./ppml-irls.js";
import {takeF64} from "./scratch.js";

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
export function levelSums(w: Float64Array, v: Float64Array, runs: Runs, bc: Int32Array, s: Float64Array, r: Float64Array, nc: number, c: number): void {
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
export function sumsPass(y: Float64Array, eta: Float64Array, mu: Float64Array, x0: Float64Array, x1: Float64Array, c2: number, runs: Runs, bc: Int32Array, LB: number, nc: number, lo: number, z: Float64Array, C: Float64Array, W: Float64Array, V: Float64Array, s: Float64Array, r: Float64Array): boolean {
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
export function crossPass(w: Float64Array, z: Float64Array, X: Float64Array[], runs: Runs, bc: Int32Array, a: Float64Array, b: Float64Array, AX: Float64Array, Xtz: Float64Array): void {
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
export function rawSquare(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i] * x[i];
  return s;
}

/**
 * Pass 3: eta = Ag[g] + Bh[h] + x'beta into `eta`, mu = exp(eta) into `mu`; returns sum(y eta + (y - mu)) (the
 * deviance's varying part), or NaN when a mean underflows to 0 where y > 0 (infinite deviance). (Making the next
 * iteration's sums in this pass as well measured no faster and needed a second cross-tabulation.)
 */
export function updatePass(y: Float64Array, X: Float64Array[], beta: Float64Array, runs: Runs, bc: Int32Array, Ag: Float64Array, Bh: Float64Array, eta: Float64Array, mu: Float64Array): number {
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
export function fittedByLevel(c: Float64Array, beta: Float64Array, L: number): Float64Array {
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
export function logInto(v: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < v.length; i++) out[i] = Math.log(v[i]);
  return out;
}

/**
 * The last weighted least squares, which the variances need (ppml-irls.ts `last`): the regressors demeaned with
 * its weights w (a, b: its FE coefficients, z first) and the weighted working residuals w (z~ - X~ beta).
 */
export function lastLeastSquares(w: Float64Array, z: Float64Array, X: Float64Array[], beta: Float64Array, ac: Int32Array, bc: Int32Array, a: Float64Array, b: Float64Array): NonNullable<IrlsFit["last"]> {
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
