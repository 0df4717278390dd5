/**
 * Weighted demeaning: the residual of each column from a weighted least-squares projection on the dummies of
 * every FE dimension (weights w_i > 0), the step of PPML's IRLS (fixest `feglm`: demeaning with the IRLS
 * weights; ppmlhdfe the same). Alternating projections in the space of the FE coefficients (Gauss-Seidel over
 * the dimensions, sweeping the rows) with Irons-Tuck acceleration, as fixest's demeaning:
 *   alpha_f[g] = sum_{i in g} w_i (v_i - sum_{h != f} alpha_h[h_i]) / sum_{i in g} w_i,
 * iterated until max |change| <= tol * max(1, max |alpha|). One dimension is exact in one sweep.
 * Output v - sum_f alpha_f. With w = 1 it is the unweighted demeaning of demean.ts.
 */
import type {FeDim} from "./demean-types.js";
import {demeanWeightedTwo} from "./demean-weighted-two.js";

export interface WeightedDemean {
  cols: Float64Array[];
  /** The FE coefficients of each column (all dimensions concatenated): a warm start for the next call. */
  alphas: Float64Array[];
  iterations: number;
  converged: boolean;
}

/**
 * Example: `demeanWeighted([Float64Array.of(1, 3)], Float64Array.of(1, 3), [{codes: Int32Array.of(0, 0), nlevels: 1}])`
 * -> weighted mean 2.5, cols [[-1.5, 0.5]].
 */
export function demeanWeighted(cols: Float64Array[], w: Float64Array, fes: FeDim[], tol = 1e-13, maxIter = 100000, start?: Array<Float64Array | undefined>, outs?: Float64Array[]): WeightedDemean {
  const n = w.length;
  const F = fes.length;
  if (F === 0) return {cols: cols.map((c) => c.slice()), alphas: cols.map(() => new Float64Array(0)), iterations: 0, converged: true};
  // Two dimensions, one small: exact (demean-weighted-two.ts), no iterations.
  if (F === 2) {
    const exact = demeanWeightedTwo(cols, w, fes[0], fes[1], outs);
    if (exact) return {cols: exact, alphas: [], iterations: 0, converged: true};
  }
  const off = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) off[f + 1] = off[f] + fes[f].nlevels;
  const P = off[F];
  const invW = new Float64Array(P);
  for (let f = 0; f < F; f++) {
    const codes = fes[f].codes;
    for (let i = 0; i < n; i++) invW[off[f] + codes[i]] += w[i];
  }
  for (let p = 0; p < P; p++) invW[p] = invW[p] > 0 ? 1 / invW[p] : 0;
  const s = new Float64Array(n);
  const num = new Float64Array(P);

  // F(X): Gauss-Seidel sweep from coefficients X (into out).
  const sweep = (v: Float64Array, X: Float64Array, out: Float64Array): void => {
    out.set(X);
    s.fill(0);
    for (let f = 0; f < F; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      for (let i = 0; i < n; i++) s[i] += out[o + codes[i]];
    }
    for (let f = 0; f < F; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      const L = fes[f].nlevels;
      num.fill(0, o, o + L);
      for (let i = 0; i < n; i++) {
        const g = o + codes[i];
        num[g] += w[i] * (v[i] - s[i] + out[g]);
      }
      for (let g = o; g < o + L; g++) num[g] *= invW[g];
      for (let i = 0; i < n; i++) {
        const g = o + codes[i];
        s[i] += num[g] - out[g];
      }
      for (let g = o; g < o + L; g++) out[g] = num[g];
    }
  };

  let maxIters = 0;
  let converged = true;
  const alphas: Float64Array[] = [];
  const out = cols.map((v, col) => {
    let X = start?.[col]?.length === P ? (start[col] as Float64Array).slice() : new Float64Array(P);
    const GX = new Float64Array(P);
    const GGX = new Float64Array(P);
    let iter = 0;
    let done = false;
    sweep(v, X, GX);
    if (F === 1) {
      X = GX;
      done = true;
    }
    while (!done && iter < maxIter) {
      iter++;
      sweep(v, GX, GGX);
      let dd = 0, dn = 0;
      for (let p = 0; p < P; p++) {
        const dG = GGX[p] - GX[p];
        const d2 = dG - GX[p] + X[p];
        dn += dG * d2;
        dd += d2 * d2;
      }
      const c = dd > 0 ? dn / dd : 0;
      let change = 0, scale = 1;
      for (let p = 0; p < P; p++) {
        const next = GGX[p] - c * (GGX[p] - GX[p]);
        change = Math.max(change, Math.abs(next - X[p]));
        scale = Math.max(scale, Math.abs(next));
        X[p] = next;
      }
      sweep(v, X, GX);
      let change2 = 0;
      for (let p = 0; p < P; p++) change2 = Math.max(change2, Math.abs(GX[p] - X[p]));
      if (change2 <= tol * scale || change <= tol * scale * 1e-3) {
        X = GX.slice();
        done = true;
      }
    }
    if (!done) converged = false;
    maxIters = Math.max(maxIters, iter);
    alphas.push(X);
    const r = outs?.[col] ?? new Float64Array(n);
    r.set(v);
    for (let f = 0; f < F; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      for (let i = 0; i < n; i++) r[i] -= X[o + codes[i]];
    }
    return r;
  });
  return {cols: out, alphas, iterations: maxIters, converged};
}
