/**
 * Exact two-way demeaning. With D1 the large dimension (G levels, e.g. ids) and D2 the small one
 * (T levels, e.g. years), M_D v = M_1 (v - D2 beta), beta solving S beta = D2' M_1 v with the Schur
 * complement S = D2' M_1 D2 = diag(n_t) - sum_g c_g c_g' / n_g (c_g = counts of D2 levels in group
 * g). S is singular (one redundancy per connected component); zero pivots fix those coefficients
 * at 0. One refinement step (a second solve on the residual normal equations) follows.
 *
 * Speed without changing a bit: when the rows of each large-dimension level are contiguous and in
 * code order (data sorted by id, the usual layout), each column is processed group by group in
 * ONE sweep per step (group sum, then subtract the mean and accumulate D2' v while the group's rows
 * are in L1 cache) instead of three passes over all rows. Every accumulator receives exactly the
 * same operands in exactly the same order as in the passes used for other layouts, so both give
 * bit-identical results.
 */
import {counts, groupSums, isBlocked} from "./group-sums.js";
import {cholesky, cholSolve} from "./linalg.js";
import type {DemeanResult, FeDim} from "./demean.js";

/**
 * Returns null when the small dimension is too large for a dense T x T solve. `layout: "rows"`
 * forces the row-order passes even on blocked data (tests check both give the same bits).
 */
export function demeanTwoExact(cols: Float64Array[], feA: FeDim, feB: FeDim, layout: "auto" | "rows" = "auto"): DemeanResult | null {
  const big = feA.nlevels >= feB.nlevels ? feA : feB;
  const small = big === feA ? feB : feA;
  const G = big.nlevels;
  const T = small.nlevels;
  const n = big.codes.length;
  if (T > 1000) return null;
  const invB = counts(big).map((c) => 1 / c);
  // Rows grouped by the large dimension (counting sort; the identity when already blocked).
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) start[big.codes[i] + 1]++;
  let cost = 0;
  for (let g = 0; g < G; g++) {
    const m = Math.min(start[g + 1], T);
    cost += m * m;
    start[g + 1] += start[g];
  }
  if (cost > 3e8) return null;
  const blocked = layout === "auto" && isBlocked(big.codes);
  let order: Int32Array | null = null;
  if (!blocked) {
    const fill = start.slice(0, G);
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[big.codes[i]]++] = i;
  }
  const S = schurMatrix(small, start, order, invB, counts(small));
  const {L, dropped} = cholesky(S, T, 1e-9);
  const out = cols.map((c) => (blocked ? demeanBlocked(c, small.codes, start, invB, L, T) : demeanColumn(c, big.codes, small.codes, invB, L, T)));
  return {cols: out, method: "exact2", iterations: 0, redundancies: dropped.length, converged: true};
}

/**
 * S = diag(n_t) - sum_g c_g c_g' / n_g, accumulated group by group (lower triangle, mirrored).
 * `order` lists the rows group by group (null: rows 0..n-1 are already in that order).
 */
function schurMatrix(small: FeDim, start: Int32Array, order: Int32Array | null, invB: Float64Array, nS: Float64Array): Float64Array {
  const T = small.nlevels;
  const G = start.length - 1;
  const S = new Float64Array(T * T);
  for (let t = 0; t < T; t++) S[t * T + t] = nS[t];
  const cnt = new Float64Array(T);
  const touched = new Int32Array(T);
  const runLo = new Int32Array(T);
  const runHi = new Int32Array(T);
  const sc = small.codes;
  for (let g = 0; g < G; g++) {
    let nt = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const t = sc[order === null ? p : order[p]];
      if (cnt[t] === 0) touched[nt++] = t;
      cnt[t]++;
    }
    const w = invB[g];
    // Sort the touched levels (insertion sort: usually already in code order) and cut them into
    // runs of consecutive codes, so that the row updates below are contiguous loops (an indirect
    // index S[row + touched[b]] is several times slower). Only the lower triangle (tb <= ta) is
    // accumulated; it is mirrored below.
    for (let a = 1; a < nt; a++) {
      const ta = touched[a];
      let b = a - 1;
      while (b >= 0 && touched[b] > ta) {
        touched[b + 1] = touched[b];
        b--;
      }
      touched[b + 1] = ta;
    }
    let nr = 0;
    for (let a = 0; a < nt; ) {
      let b = a + 1;
      while (b < nt && touched[b] === touched[b - 1] + 1) b++;
      runLo[nr] = touched[a];
      runHi[nr++] = touched[b - 1] + 1;
      a = b;
    }
    // All counts 1 (one row per cell, the panel case): c_a w c_b = w exactly.
    const ones = nt === start[g + 1] - start[g];
    for (let q = 0; q < nr; q++) {
      for (let ta = runLo[q]; ta < runHi[q]; ta++) {
        const rowOff = ta * T;
        const ca = cnt[ta] * w;
        for (let q2 = 0; q2 <= q; q2++) {
          const hi = q2 < q ? runHi[q2] : ta + 1;
          if (ones) for (let tb = runLo[q2]; tb < hi; tb++) S[rowOff + tb] -= w;
          else for (let tb = runLo[q2]; tb < hi; tb++) S[rowOff + tb] -= ca * cnt[tb];
        }
      }
    }
    for (let a = 0; a < nt; a++) cnt[touched[a]] = 0;
  }
  for (let a = 0; a < T; a++) for (let b = 0; b < a; b++) S[b * T + a] = S[a * T + b];
  return S;
}

/** max |c_i|: the scale below which a refinement step cannot change the data (branch-free abs). */
function maxAbs(c: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < c.length; i++) {
    const a = Math.abs(c[i]);
    if (a > scale) scale = a;
  }
  return scale;
}

/**
 * Blocked layout (group g = rows start[g]..start[g+1]-1), one column at a time, ONE sweep per step:
 * step 0: v = c - group mean of c, r = D2' v;  steps 1-2: beta = S^+ r; v -= beta[t];
 * v -= group mean of v; r = D2' v (step 2 only when beta is above rounding of the data).
 * Group means are (0 + acc) * (1/n_g), acc summed in row order: exactly the run accumulation of
 * `groupSums`, so the output equals `demeanColumn` bit for bit. The sweeps are small monomorphic
 * kernels (one column, no arrays of arrays) so that V8 compiles them to tight loops.
 */
function demeanBlocked(c: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, L: Float64Array, T: number): Float64Array {
  const v = new Float64Array(c.length);
  const r = new Float64Array(T);
  const scale = maxAbs(c);
  sweepCentre(c, v, sc, start, invB, r);
  for (let pass = 0; pass < 2; pass++) {
    const beta = cholSolve(L, T, r);
    let maxBeta = 0;
    for (let t = 0; t < T; t++) maxBeta = Math.max(maxBeta, Math.abs(beta[t]));
    if (pass === 1 && maxBeta <= 1e-16 * scale) break;
    r.fill(0);
    sweepRefine(v, beta, sc, start, invB, r);
  }
  return v;
}

/** v = c - (group mean of c), r[t] += v (rows in order). */
function sweepCentre(c: Float64Array, v: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, r: Float64Array): void {
  const G = start.length - 1;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) acc += c[p];
    const mean = (0 + acc) * invB[g];
    for (let p = a; p < b; p++) {
      const x = c[p] - mean;
      v[p] = x;
      r[sc[p]] += x;
    }
  }
}

/** v -= beta[t]; v -= (group mean of v); r[t] += v (rows in order). */
function sweepRefine(v: Float64Array, beta: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, r: Float64Array): void {
  const G = start.length - 1;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) {
      const x = v[p] - beta[sc[p]];
      v[p] = x;
      acc += x;
    }
    const mean = (0 + acc) * invB[g];
    for (let p = a; p < b; p++) {
      const x = v[p] - mean;
      v[p] = x;
      r[sc[p]] += x;
    }
  }
}

/** Any row order: the same steps as `demeanBlocked` for one column, in passes over all rows. */
function demeanColumn(c: Float64Array, bc: Int32Array, sc: Int32Array, invB: Float64Array, L: Float64Array, T: number): Float64Array {
  const n = c.length;
  const G = invB.length;
  const v = new Float64Array(n);
  const sumsB = new Float64Array(G);
  const r = new Float64Array(T);
  const scale = maxAbs(c);
  groupSums(c, bc, sumsB);
  for (let g = 0; g < G; g++) sumsB[g] *= invB[g];
  for (let i = 0; i < n; i++) {
    const x = c[i] - sumsB[bc[i]];
    v[i] = x;
    r[sc[i]] += x;
  }
  for (let pass = 0; pass < 2; pass++) {
    const beta = cholSolve(L, T, r);
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
}

