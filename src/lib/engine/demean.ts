/**
 * Absorbs fixed effects: returns the residuals of each column from a least-squares projection on the
 * dummies of every FE dimension (the "tilde" transform of ESTIMATION.md: exact within
 * transformation, so b = (X~'X~)^{-1} X~'y~ by Frisch-Waugh-Lovell).
 *
 * Three paths, all with typed arrays and integer codes (no per-row objects):
 *  - one dimension: subtract group means (exact);
 *  - two dimensions with a small one (<= 1000 levels, e.g. years): exact solution through the
 *    Schur complement of the large dimension (a T x T system), then one refinement step;
 *  - otherwise: coefficient-space alternating projections (Gauss-Seidel over the dimensions, as
 *    fixest's demeaning) with Irons-Tuck acceleration, iterated to ~1e-14 relative change.
 */

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

function counts(fe: FeDim): Float64Array {
  const c = new Float64Array(fe.nlevels);
  const codes = fe.codes;
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  return c;
}

/**
 * sums[codes[i]] += v[i], accumulating runs of equal codes in a register first: data sorted by id
 * (the usual layout) then avoid a store-to-load dependency on the same slot at every row.
 * Correct for any order.
 */
function groupSums(v: Float64Array, codes: Int32Array, sums: Float64Array): void {
  const n = v.length;
  if (n === 0) return;
  let cur = codes[0];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c !== cur) {
      sums[cur] += acc;
      acc = 0;
      cur = c;
    }
    acc += v[i];
  }
  sums[cur] += acc;
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
    const out = cols.map((c) => {
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
 * Exact two-way demeaning. With D1 the large dimension (G levels) and D2 the small one (T levels),
 * M_D v = M_1 (v - D2 beta), beta solving S beta = D2' M_1 v with the Schur complement
 * S = D2' M_1 D2 = diag(n_t) - sum_g c_g c_g' / n_g (c_g = counts of D2 levels in group g).
 * S is singular (one redundancy per connected component); zero pivots fix those coefficients at 0.
 * Returns null when the small dimension is too large for a dense T x T solve.
 */
export function demeanTwoExact(cols: Float64Array[], feA: FeDim, feB: FeDim): DemeanResult | null {
  const big = feA.nlevels >= feB.nlevels ? feA : feB;
  const small = big === feA ? feB : feA;
  const G = big.nlevels;
  const T = small.nlevels;
  const n = big.codes.length;
  if (T > 1000) return null;
  const nB = counts(big);
  const invB = nB.map((c) => 1 / c);
  const nS = counts(small);
  // Rows grouped by the large dimension (counting sort).
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) start[big.codes[i] + 1]++;
  let cost = 0;
  for (let g = 0; g < G; g++) {
    const m = Math.min(start[g + 1], T);
    cost += m * m;
    start[g + 1] += start[g];
  }
  if (cost > 3e8) return null;
  const fill = start.slice(0, G);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[big.codes[i]]++] = i;
  const S = new Float64Array(T * T);
  for (let t = 0; t < T; t++) S[t * T + t] = nS[t];
  const cnt = new Float64Array(T);
  const touched = new Int32Array(T);
  const sc = small.codes;
  for (let g = 0; g < G; g++) {
    let nt = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const t = sc[order[p]];
      if (cnt[t] === 0) touched[nt++] = t;
      cnt[t]++;
    }
    const w = invB[g];
    // Sort the touched levels (insertion sort: usually already in time order), then accumulate
    // only the lower triangle (tb <= ta) without branching; it is mirrored below.
    for (let a = 1; a < nt; a++) {
      const ta = touched[a];
      let b = a - 1;
      while (b >= 0 && touched[b] > ta) {
        touched[b + 1] = touched[b];
        b--;
      }
      touched[b + 1] = ta;
    }
    for (let a = 0; a < nt; a++) {
      const ta = touched[a];
      const ca = cnt[ta] * w;
      const rowOff = ta * T;
      for (let b = 0; b <= a; b++) {
        const tb = touched[b];
        S[rowOff + tb] -= ca * cnt[tb];
      }
    }
    for (let a = 0; a < nt; a++) cnt[touched[a]] = 0;
  }
  for (let a = 0; a < T; a++) for (let b = 0; b < a; b++) S[b * T + a] = S[a * T + b];
  const {L, dropped} = choleskyPsd(S, T, 1e-9);
  const bc = big.codes;
  const sumsB = new Float64Array(G);
  const r = new Float64Array(T);
  // Per column, passes are fused: (A) group sums of the large dimension; (B) subtract those means
  // while accumulating r = D2' M_1 v; solve; (C) v -= beta[t] while accumulating the group sums;
  // (D) subtract the means while accumulating the normal-equation residual for one refinement.
  const out = cols.map((c) => {
    const v = new Float64Array(n);
    sumsB.fill(0);
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const a = c[i] < 0 ? -c[i] : c[i];
      if (a > scale) scale = a;
    }
    groupSums(c, bc, sumsB);
    for (let g = 0; g < G; g++) sumsB[g] *= invB[g];
    r.fill(0);
    for (let i = 0; i < n; i++) {
      const x = c[i] - sumsB[bc[i]];
      v[i] = x;
      r[sc[i]] += x;
    }
    for (let pass = 0; pass < 2; pass++) {
      const beta = solvePsd(L, T, r);
      let maxBeta = 0;
      for (let t = 0; t < T; t++) maxBeta = Math.max(maxBeta, Math.abs(beta[t]));
      // A refinement step smaller than rounding of the data cannot change the result.
      if (pass === 1 && maxBeta <= 1e-16 * scale) break;
      sumsB.fill(0);
      let cur = bc[0];
      let acc = 0;
      for (let i = 0; i < n; i++) {
        const x = v[i] - beta[sc[i]];
        v[i] = x;
        const g = bc[i];
        if (g !== cur) {
          sumsB[cur] += acc;
          acc = 0;
          cur = g;
        }
        acc += x;
      }
      if (n > 0) sumsB[cur] += acc;
      for (let g = 0; g < G; g++) sumsB[g] *= invB[g];
      r.fill(0);
      for (let i = 0; i < n; i++) {
        const x = v[i] - sumsB[bc[i]];
        v[i] = x;
        r[sc[i]] += x;
      }
    }
    return v;
  });
  return {cols: out, method: "exact2", iterations: 0, redundancies: dropped.length, converged: true};
}

/** Cholesky of a PSD matrix; a pivot <= tol * diagonal is treated as zero (row/column skipped). */
function choleskyPsd(A: Float64Array, k: number, tol: number): {L: Float64Array; dropped: number[]} {
  const L = new Float64Array(k * k);
  const dropped: number[] = [];
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    let d = A[rj + j];
    for (let l = 0; l < j; l++) d -= L[rj + l] * L[rj + l];
    if (!(A[rj + j] > 0) || d <= tol * A[rj + j]) {
      dropped.push(j);
      continue;
    }
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      const ri = i * k;
      let s = A[ri + j];
      for (let l = 0; l < j; l++) s -= L[ri + l] * L[rj + l];
      L[ri + j] = s / ljj;
    }
  }
  return {L, dropped};
}

function solvePsd(L: Float64Array, k: number, b: Float64Array): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const lii = L[i * k + i];
    if (lii === 0) continue;
    let s = b[i];
    for (let l = 0; l < i; l++) s -= L[i * k + l] * z[l];
    z[i] = s / lii;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    const lii = L[i * k + i];
    if (lii === 0) continue;
    let s = z[i];
    for (let l = i + 1; l < k; l++) s -= L[l * k + i] * x[l];
    x[i] = s / lii;
  }
  return x;
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
