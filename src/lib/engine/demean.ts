/**
 * Absorbs fixed effects: returns the residuals of each column from a least-squares projection on the
 * dummies of every FE dimension (the "tilde" transform of ESTIMATION.md: exact within
 * transformation, so b = (X~'X~)^{-1} X~'y~ by Frisch-Waugh-Lovell).
 *
 * Three paths, all with typed arrays and integer codes (no per-row objects):
 *  - one dimension: subtract group means (exact);
 *  - two dimensions with a small one (<= 1000 levels, e.g. years): exact solution through the
 *    Schur complement of the large dimension (a T x T system), then one refinement step
 *    (demean-two.ts);
 *  - otherwise: coefficient-space alternating projections (Gauss-Seidel over the dimensions, as
 *    fixest's demeaning) with Irons-Tuck acceleration, iterated to ~1e-14 relative change.
 */

import {demeanTwoExact} from "./demean-two.js";
import {counts, groupSums, isBlocked} from "./group-sums.js";

export {demeanTwoExact};

/** One FE dimension on the estimation sample: codes 0..nlevels-1, no missing. */
export interface FeDim {
  codes: Int32Array;
  nlevels: number;
}

export interface DemeanResult {
  cols: Float64Array[];
  method: "one" | "exact2" | "iterative";
  /** Largest iteration count over the columns (0 for exact paths). */
  iterations: number;
  /** Exact paths: number of redundant FE coefficients beyond the first dimension's (1 = connected). */
  redundancies: number | null;
  converged: boolean;
}

export interface DemeanOptions {
  /** "auto" picks an exact path when possible; "iterative" forces alternating projections. */
  method?: "auto" | "iterative";
  /** Relative tolerance on the change of the FE coefficients (iterative path). */
  tol?: number;
  maxIter?: number;
}

/** In place: v_i -= mean of v over the rows of level codes_i. `inv` = 1 / level counts. */
function subtractMeans(v: Float64Array, codes: Int32Array, inv: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  const n = v.length;
  groupSums(v, codes, sums);
  for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  for (let i = 0; i < n; i++) v[i] -= sums[codes[i]];
}

/**
 * One dimension whose levels are contiguous row blocks in code order: out = c - (0 + acc_g)/n_g
 * with acc_g summed in row order, i.e. exactly `subtractMeans` (bit for bit) in one sweep.
 */
function subtractMeansBlocked(c: Float64Array, codes: Int32Array, inv: Float64Array): Float64Array {
  const n = c.length;
  const v = new Float64Array(n);
  let a = 0;
  while (a < n) {
    const g = codes[a];
    let b = a;
    let acc = 0;
    while (b < n && codes[b] === g) acc += c[b++];
    const mean = (0 + acc) * inv[g];
    for (let p = a; p < b; p++) v[p] = c[p] - mean;
    a = b;
  }
  return v;
}

/**
 * Demeans every column of `cols` by the FE dimensions `fes` (columns are not modified; new arrays
 * are returned). With no dimension the columns are copied unchanged.
 * Example: `demean([Float64Array.of(1,2,3,5)], [{codes: Int32Array.of(0,0,1,1), nlevels: 2}])`
 * -> [[-0.5, 0.5, -1, 1]].
 */
export function demean(cols: Float64Array[], fes: FeDim[], opts: DemeanOptions = {}): DemeanResult {
  const method = opts.method ?? "auto";
  if (fes.length === 0) return {cols: cols.map((c) => c.slice()), method: "one", iterations: 0, redundancies: 0, converged: true};
  if (fes.length === 1 && method === "auto") {
    const inv = counts(fes[0]).map((c) => 1 / c);
    const sums = new Float64Array(fes[0].nlevels);
    const blocked = isBlocked(fes[0].codes);
    const out = cols.map((c) => {
      if (blocked) return subtractMeansBlocked(c, fes[0].codes, inv);
      const v = c.slice();
      subtractMeans(v, fes[0].codes, inv, sums);
      return v;
    });
    return {cols: out, method: "one", iterations: 0, redundancies: 0, converged: true};
  }
  if (fes.length === 2 && method === "auto") {
    const exact = demeanTwoExact(cols, fes[0], fes[1]);
    if (exact) return exact;
  }
  return demeanIterative(cols, fes, opts.tol ?? 1e-14, opts.maxIter ?? 10000);
}

/**
 * Alternating projections in the space of FE coefficients (any number of dimensions).
 * One map F: for each dimension f in turn, alpha_f = group means of (v - sum_{h != f} alpha_h).
 * Irons-Tuck acceleration (as fixest): from X, GX = F(X), GGX = F(GX),
 * X' = GGX - [(dGX . d2X) / (d2X . d2X)] dGX with dGX = GGX - GX, d2X = dGX - GX + X.
 * Stops when max |change| <= tol * max(1, max |alpha|). Output v - sum_f alpha_f.
 */
export function demeanIterative(cols: Float64Array[], fes: FeDim[], tol = 1e-14, maxIter = 10000): DemeanResult {
  const n = fes[0].codes.length;
  const K = fes.length;
  const off = new Int32Array(K + 1);
  for (let f = 0; f < K; f++) off[f + 1] = off[f] + fes[f].nlevels;
  const P = off[K];
  const inv = new Float64Array(P);
  for (let f = 0; f < K; f++) {
    const c = counts(fes[f]);
    for (let g = 0; g < c.length; g++) inv[off[f] + g] = 1 / c[g];
  }
  const s = new Float64Array(n);
  const sums = new Float64Array(P);
  let maxIt = 0;
  let allConverged = true;

  const F = (v: Float64Array, X: Float64Array, out: Float64Array): void => {
    // s = sum_h X_h[codes_h]
    s.fill(0);
    for (let f = 0; f < K; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      for (let i = 0; i < n; i++) s[i] += X[o + codes[i]];
    }
    out.set(X);
    for (let f = 0; f < K; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      const L = fes[f].nlevels;
      for (let g = 0; g < L; g++) sums[o + g] = 0;
      for (let i = 0; i < n; i++) {
        const c = o + codes[i];
        sums[c] += v[i] - s[i] + out[c];
      }
      for (let g = 0; g < L; g++) sums[o + g] = sums[o + g] * inv[o + g] - out[o + g]; // change
      for (let i = 0; i < n; i++) s[i] += sums[o + codes[i]];
      for (let g = 0; g < L; g++) out[o + g] += sums[o + g];
    }
  };

  const result = cols.map((v) => {
    let X: Float64Array = new Float64Array(P);
    const GX = new Float64Array(P);
    const GGX = new Float64Array(P);
    let it = 0;
    let converged = false;
    while (it < maxIter) {
      F(v, X, GX);
      F(v, GX, GGX);
      it += 2;
      let maxChange = 0;
      let scale = 1;
      for (let p = 0; p < P; p++) {
        const d = Math.abs(GGX[p] - GX[p]);
        if (d > maxChange) maxChange = d;
        const a = Math.abs(GGX[p]);
        if (a > scale) scale = a;
      }
      if (maxChange <= tol * scale) {
        X = GGX.slice();
        converged = true;
        break;
      }
      let vprod = 0;
      let ssq = 0;
      for (let p = 0; p < P; p++) {
        const dG = GGX[p] - GX[p];
        const d2 = dG - GX[p] + X[p];
        vprod += dG * d2;
        ssq += d2 * d2;
      }
      if (ssq === 0) {
        X = GGX.slice();
        converged = true;
        break;
      }
      const coef = vprod / ssq;
      const next = new Float64Array(P);
      for (let p = 0; p < P; p++) next[p] = GGX[p] - coef * (GGX[p] - GX[p]);
      X = next;
    }
    if (it > maxIt) maxIt = it;
    if (!converged) allConverged = false;
    // Residual v - sum_f X_f.
    const out = v.slice();
    for (let f = 0; f < K; f++) {
      const codes = fes[f].codes;
      const o = off[f];
      for (let i = 0; i < n; i++) out[i] -= X[o + codes[i]];
    }
    return out;
  });
  return {cols: result, method: "iterative", iterations: maxIt, redundancies: null, converged: allConverged};
}
