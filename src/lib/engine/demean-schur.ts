/**
 * Exact demeaning with one large FE dimension and any number of small ones (firm x partner x year:
 * firm large, partner and year small). The two-way Schur-complement solution of demean-two.ts,
 * generalised: with D1 the large dimension (G levels) and D2 = [dummies of every small dimension]
 * (S columns in all, S <= 1000), M_D v = M_1 (v - D2 beta), beta solving (D2' M_1 D2) beta = D2' M_1 v.
 * D2' M_1 D2 = D2'D2 - sum_g c_g c_g' / n_g (c_g = counts of the small levels among the rows of large
 * level g; D2'D2 holds the small dimensions' counts and cross-counts). It is singular (one redundancy
 * per small dimension and connected component): zero pivots fix those coefficients at 0, which leaves
 * the projection unchanged. Then the normal equations' residual D2' out is recomputed from the rows and
 * one refinement step is applied when its correction is above rounding of the data.
 * Per column: two sweeps over the rows, group by group (group sums, then the row updates while the
 * group's rows are in cache, as demean-two.ts), a third only for refinement; no iterations. Working
 * arrays (row order, level indices) come from the pool of scratch.ts.
 */
import {cholesky, cholSolve} from "./linalg.js";
import {recycle, takeF64, takeI32} from "./scratch.js";
import type {DemeanResult, FeDim} from "./demean-types.js";

/** Returns null when the small dimensions have more than `maxSmall` levels together. */
export function demeanSchur(cols: Float64Array[], fes: FeDim[], maxSmall = 1000): DemeanResult | null {
  let b = 0;
  for (let f = 1; f < fes.length; f++) if (fes[f].nlevels > fes[b].nlevels) b = f;
  const big = fes[b];
  const small = fes.filter((_, f) => f !== b);
  const soff = new Int32Array(small.length + 1);
  for (let s = 0; s < small.length; s++) soff[s + 1] = soff[s] + small[s].nlevels;
  const S = soff[small.length];
  if (S > maxSmall) return null;
  const n = big.codes.length;
  const G = big.nlevels;
  const bc = big.codes;
  // Rows grouped by the large dimension: `start` of each group, and `order` (a counting sort) unless
  // the rows already come in blocks in code order (data sorted by firm, the usual layout).
  const {start, invB, blocked} = groupStarts(bc, G);
  const order = blocked ? null : groupOrder(bc, start);
  // Small-level index of each row for each small dimension, in group order, interleaved:
  // lev[p * ns + s] for the p-th row of the grouped order (one cache line serves all dimensions).
  const ns = small.length;
  const lev = takeI32(n * ns);
  for (let s = 0; s < ns; s++) levelIndex(small[s].codes, soff[s], order, lev, ns, s);
  // Schur complement D2'D2 - sum_g c_g c_g' / n_g (full S x S matrix; small), group by group: the
  // rows' co-occurrence counts (D2'D2) and the group's level counts c_g.
  const M = schurCounts(start, invB, lev, ns, S);
  const {L, dropped} = cholesky(M, S, 1e-9);
  const mean = new Float64Array(G);
  const r = new Float64Array(S);
  const out = cols.map((v) => {
    const res = takeF64(n); // every element written by sweepSolve
    // Sweep 1: group means of v; r = D2' M_1 v.
    r.fill(0);
    const scale = order === null ? sweepCentreBlocked(v, start, invB, lev, ns, r, mean) : sweepCentre(v, order, start, invB, lev, ns, r, mean);
    const beta = cholSolve(L, S, r);
    // Sweep 2: res = M_1 (v - D2 beta); r = D2' res (the normal equations' residual).
    r.fill(0);
    sweepSolve(v, order, start, invB, lev, ns, beta, mean, res, r);
    const delta = cholSolve(L, S, r);
    let maxDelta = 0;
    for (let s = 0; s < S; s++) maxDelta = Math.max(maxDelta, Math.abs(delta[s]));
    // Refinement (an ill-conditioned complement): res -= M_1 D2 delta.
    if (maxDelta > 1e-14 * scale) sweepCorrect(order, start, invB, lev, ns, delta, res);
    return res;
  });
  recycle([order, lev]);
  // Connected design: one zero pivot per small dimension; reported as 1 (= connected), as the two-way path.
  return {cols: out, method: "schur", iterations: 0, redundancies: dropped.length - ns + 1, converged: true};
}

/** Where each group of the large dimension starts in group order, 1 / its size, and whether rows are in code order. */
function groupStarts(bc: Int32Array, G: number): {start: Int32Array; invB: Float64Array; blocked: boolean} {
  const n = bc.length;
  const start = new Int32Array(G + 1);
  let blocked = true;
  for (let i = 0; i < n; i++) {
    start[bc[i] + 1]++;
    if (i > 0 && bc[i] < bc[i - 1]) blocked = false;
  }
  const invB = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    invB[g] = 1 / start[g + 1];
    start[g + 1] += start[g];
  }
  return {start, invB, blocked};
}

/** The rows in group order (a counting sort; pooled array). */
function groupOrder(bc: Int32Array, start: Int32Array): Int32Array {
  const n = bc.length;
  const order = takeI32(n);
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < n; i++) order[fill[bc[i]]++] = i;
  return order;
}

/** lev[p * ns + s] = offset + the small level of the p-th row in group order (through `order` unless blocked). */
function levelIndex(codes: Int32Array, offset: number, order: Int32Array | null, lev: Int32Array, ns: number, s: number): void {
  const n = codes.length;
  if (order === null) for (let p = 0; p < n; p++) lev[p * ns + s] = offset + codes[p];
  else for (let p = 0; p < n; p++) lev[p * ns + s] = offset + codes[order[p]];
}

/**
 * The Schur complement D2'D2 - sum_g c_g c_g' / n_g (S x S, small; LOWER triangle only, all that `cholesky`
 * reads), group by group: the rows' co-occurrence counts (D2'D2) and the group's level counts c_g. A row's levels
 * come in increasing order (dimension offsets increase), so its pairs c <= a are the lower triangle; a group's
 * touched levels are sorted (insertion sort, a few dozen) so that its update covers y <= x only: half the work of
 * the full matrix, the same sums in every entry. A function of its own so that its row loop is optimised as a
 * whole (in the long demeanSchur body it would wait for on-stack replacement).
 */
function schurCounts(start: Int32Array, invB: Float64Array, lev: Int32Array, ns: number, S: number): Float64Array {
  const G = start.length - 1;
  const M = new Float64Array(S * S);
  const cnt = new Float64Array(S);
  const touched = new Int32Array(S);
  for (let g = 0; g < G; g++) {
    let nt = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const q = p * ns;
      for (let a = 0; a < ns; a++) {
        const l = lev[q + a];
        if (cnt[l] === 0) touched[nt++] = l;
        cnt[l]++;
        const row = l * S;
        for (let c = 0; c <= a; c++) M[row + lev[q + c]] += 1;
      }
    }
    for (let x = 1; x < nt; x++) {
      const t = touched[x];
      let y = x - 1;
      while (y >= 0 && touched[y] > t) {
        touched[y + 1] = touched[y];
        y--;
      }
      touched[y + 1] = t;
    }
    const w = invB[g];
    for (let x = 0; x < nt; x++) {
      const ta = touched[x];
      const ca = cnt[ta] * w;
      const row = ta * S;
      for (let y = 0; y <= x; y++) M[row + touched[y]] -= ca * cnt[touched[y]];
    }
    for (let x = 0; x < nt; x++) cnt[touched[x]] = 0;
  }
  return M;
}

/** Blocked rows (row p = p-th of its group order): mean[g] = group mean; r[l] += v - mean. Returns max |v|. */
function sweepCentreBlocked(v: Float64Array, start: Int32Array, invB: Float64Array, lev: Int32Array, ns: number, r: Float64Array, mean: Float64Array): number {
  const G = start.length - 1;
  let scale = 0;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) {
      const x = v[p];
      acc += x;
      const ax = Math.abs(x);
      if (ax > scale) scale = ax;
    }
    const m = (0 + acc) * invB[g];
    mean[g] = m;
    if (ns === 2) {
      for (let p = a; p < b; p++) {
        const x = v[p] - m;
        r[lev[2 * p]] += x;
        r[lev[2 * p + 1]] += x;
      }
      continue;
    }
    for (let p = a; p < b; p++) {
      const x = v[p] - m;
      const q = p * ns;
      for (let s = 0; s < ns; s++) r[lev[q + s]] += x;
    }
  }
  return scale;
}

/** The same through `order` (rows not blocked). */
function sweepCentre(v: Float64Array, order: Int32Array, start: Int32Array, invB: Float64Array, lev: Int32Array, ns: number, r: Float64Array, mean: Float64Array): number {
  const G = start.length - 1;
  let scale = 0;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) {
      const x = v[order[p]];
      acc += x;
      const ax = Math.abs(x);
      if (ax > scale) scale = ax;
    }
    const m = (0 + acc) * invB[g];
    mean[g] = m;
    for (let p = a; p < b; p++) {
      const x = v[order[p]] - m;
      const q = p * ns;
      for (let s = 0; s < ns; s++) r[lev[q + s]] += x;
    }
  }
  return scale;
}

/**
 * res = (v - mean_g) - (t - mean_g(t)) with t = sum over small dimensions of beta at the row's levels;
 * r[l] += res (rows in group order).
 */
function sweepSolve(v: Float64Array, order: Int32Array | null, start: Int32Array, invB: Float64Array, lev: Int32Array, ns: number, beta: Float64Array, mean: Float64Array, res: Float64Array, r: Float64Array): void {
  const G = start.length - 1;
  if (ns === 2) {
    // Two small dimensions (firm + partner + year): the same sums, without the inner loops.
    for (let g = 0; g < G; g++) {
      const a = start[g];
      const b = start[g + 1];
      let accT = 0;
      for (let p = a; p < b; p++) accT += beta[lev[2 * p]] + beta[lev[2 * p + 1]];
      const m = mean[g];
      const mT = (0 + accT) * invB[g];
      for (let p = a; p < b; p++) {
        const l0 = lev[2 * p];
        const l1 = lev[2 * p + 1];
        const t = beta[l0] + beta[l1];
        const i = order === null ? p : order[p];
        const x = v[i] - m - (t - mT);
        res[i] = x;
        r[l0] += x;
        r[l1] += x;
      }
    }
    return;
  }
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let accT = 0;
    for (let p = a; p < b; p++) {
      const q = p * ns;
      let t = 0;
      for (let s = 0; s < ns; s++) t += beta[lev[q + s]];
      accT += t;
    }
    const m = mean[g];
    const mT = (0 + accT) * invB[g];
    for (let p = a; p < b; p++) {
      const q = p * ns;
      let t = 0;
      for (let s = 0; s < ns; s++) t += beta[lev[q + s]];
      const i = order === null ? p : order[p];
      const x = v[i] - m - (t - mT);
      res[i] = x;
      for (let s = 0; s < ns; s++) r[lev[q + s]] += x;
    }
  }
}

/** res -= t - mean_g(t), t = sum over small dimensions of delta at the row's levels. */
function sweepCorrect(order: Int32Array | null, start: Int32Array, invB: Float64Array, lev: Int32Array, ns: number, delta: Float64Array, res: Float64Array): void {
  const G = start.length - 1;
  if (ns === 2) {
    for (let g = 0; g < G; g++) {
      const a = start[g];
      const b = start[g + 1];
      let accT = 0;
      for (let p = a; p < b; p++) {
        accT += delta[lev[2 * p]];
        accT += delta[lev[2 * p + 1]];
      }
      const mT = (0 + accT) * invB[g];
      for (let p = a; p < b; p++) res[order === null ? p : order[p]] -= delta[lev[2 * p]] + delta[lev[2 * p + 1]] - mT;
    }
    return;
  }
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let accT = 0;
    for (let p = a; p < b; p++) {
      const q = p * ns;
      for (let s = 0; s < ns; s++) accT += delta[lev[q + s]];
    }
    const mT = (0 + accT) * invB[g];
    for (let p = a; p < b; p++) {
      const q = p * ns;
      let t = 0;
      for (let s = 0; s < ns; s++) t += delta[lev[q + s]];
      res[order === null ? p : order[p]] -= t - mT;
    }
  }
}
