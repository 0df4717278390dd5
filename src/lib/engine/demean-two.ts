/**
 * Exact two-way demeaning. With D1 the large dimension (G levels, e.g. ids) and D2 the small one
 * (T levels, e.g. years), M_D v = M_1 (v - D2 beta), beta solving S beta = D2' M_1 v with the Schur
 * complement S = D2' M_1 D2 = diag(n_t) - sum_g c_g c_g' / n_g (c_g = counts of D2 levels in group
 * g). S is singular (one redundancy per connected component); zero pivots fix those coefficients
 * at 0. The residual of the normal equations is then recomputed from the rows, and one refinement
 * step (a second solve) is applied when its correction is above rounding of the data.
 *
 * Speed: S is built from each group's MISSING levels when more than half are present (nearly
 * balanced panels), with compensated sums (accurate enough that the refinement is usually
 * skipped). When the rows of each large-dimension level are contiguous and in code order (data
 * sorted by id, the usual layout), each column is processed group by group (group sums, then the
 * row updates and D2' v while the group's rows are in L1 cache): a read-only sweep and one writing
 * sweep. Every accumulator receives exactly the same operands in the same order as in the passes
 * used for other layouts, so both layouts give bit-identical results.
 */
import {groupSums} from "./group-sums.js";
import {cholesky, cholSolve} from "./linalg.js";
import {takeF64} from "./scratch.js";
import type {DemeanResult, FeDim} from "./demean-types.js";

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
  // Rows grouped by the large dimension (counting sort; the identity when already blocked). Level
  // counts are taken run by run (data sorted by id: one store per level, no store-to-load stall).
  const start = new Int32Array(G + 1);
  const bc = big.codes;
  let sorted = true;
  for (let i = 0; i < n; ) {
    const g = bc[i];
    let j = i + 1;
    while (j < n && bc[j] === g) j++;
    start[g + 1] += j - i;
    if (j < n && bc[j] < g) sorted = false;
    i = j;
  }
  const invB = new Float64Array(G);
  for (let g = 0; g < G; g++) invB[g] = 1 / start[g + 1];
  let cost = 0;
  for (let g = 0; g < G; g++) {
    const m = Math.min(start[g + 1], T);
    cost += m * m;
    start[g + 1] += start[g];
  }
  if (cost > 3e8) return null;
  const blocked = layout === "auto" && sorted;
  let order: Int32Array | null = null;
  if (!blocked) {
    const fill = start.slice(0, G);
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[big.codes[i]]++] = i;
  }
  const S = schurMatrix(small, start, order, invB);
  const {L, dropped} = cholesky(S, T, 1e-9);
  const out = cols.map((c) => (blocked ? demeanBlocked(c, small.codes, start, invB, L, T) : demeanColumn(c, big.codes, small.codes, invB, L, T)));
  return {cols: out, method: "exact2", iterations: 0, redundancies: dropped.length, converged: true};
}

/**
 * S = diag(n_t) - sum_g c_g c_g' / n_g, accumulated group by group (lower triangle, mirrored);
 * the level counts n_t are counted on the way. `order` lists the rows group by group (null: rows
 * 0..n-1 are already in that order).
 */
function schurMatrix(small: FeDim, start: Int32Array, order: Int32Array | null, invB: Float64Array): Float64Array {
  const T = small.nlevels;
  const nS = new Float64Array(T);
  const G = start.length - 1;
  const S = new Float64Array(T * T);
  // The direct path's sums are accumulated chunk by chunk of groups (P, added to S at the end of each chunk):
  // S's rounding error then grows with sqrt(chunk) + sqrt(chunks) rather than sqrt(G) (1M rows, 50k groups,
  // T = 15: the first solve is then accurate enough that no column needs the refinement sweep).
  const P = new Float64Array(T * T);
  const chunk = Math.max(256, Math.ceil((T * T) / 64));
  let inChunk = 0;
  const cnt = new Float64Array(T);
  const touched = new Int32Array(T);
  const runLo = new Int32Array(T);
  const runHi = new Int32Array(T);
  // Groups with one row per present level and more than half of the levels present (a nearly
  // balanced panel) go through their MISSING levels: with c = 1 - m (m the indicator of missing
  // levels), c c' = 1 1' - 1 m' - m 1' + m m', so sum_g w_g c_g c_g' = W 1 1' - 1 u' - u 1' + M with
  // W = sum w_g, u = sum w_g m_g and M = sum w_g m_g m_g' (updates of size |missing|^2 only).
  let W = 0;
  let cW = 0;
  const cu = new Float64Array(T);
  let anyMissingPath = false;
  const u = new Float64Array(T);
  const M = new Float64Array(T * T);
  const missing = new Int32Array(T);
  const sc = small.codes;
  let nFast = 0;
  const stamp = new Int32Array(T).fill(-1);
  const nMissing = new Float64Array(T);
  for (let g = 0; g < G; g++) {
    const w = invB[g];
    // Blocked rows, more than half of the levels present, each at most once (a stamp per level
    // detects repeats): the missing levels are the unstamped ones, in code order as below.
    if (order === null && 2 * (start[g + 1] - start[g]) > T) {
      let ok = true;
      for (let p = start[g]; p < start[g + 1]; p++) {
        const t = sc[p];
        if (stamp[t] === g) {
          ok = false;
          break;
        }
        stamp[t] = g;
      }
      if (ok) {
        let nm = 0;
        for (let t = 0; t < T; t++) if (stamp[t] !== g) missing[nm++] = t;
        nFast++;
        anyMissingPath = true;
        const yW = w - cW;
        const sW = W + yW;
        cW = sW - W - yW;
        W = sW;
        for (let a = 0; a < nm; a++) {
          const ta = missing[a];
          nMissing[ta]++;
          const yu = w - cu[ta];
          const su = u[ta] + yu;
          cu[ta] = su - u[ta] - yu;
          u[ta] = su;
          const rowOff = ta * T;
          for (let b = 0; b < a; b++) M[rowOff + missing[b]] += w;
        }
        continue;
      }
    }
    let nt = 0;
    if (order === null) {
      for (let p = start[g]; p < start[g + 1]; p++) {
        const t = sc[p];
        if (cnt[t] === 0) touched[nt++] = t;
        cnt[t]++;
      }
    } else {
      for (let p = start[g]; p < start[g + 1]; p++) {
        const t = sc[order[p]];
        if (cnt[t] === 0) touched[nt++] = t;
        cnt[t]++;
      }
    }
    for (let a = 0; a < nt; a++) nS[touched[a]] += cnt[touched[a]];
    // All counts 1 (one row per cell, the panel case): c_a w c_b = w exactly.
    const ones = nt === start[g + 1] - start[g];
    if (ones && 2 * nt > T) {
      anyMissingPath = true;
      // W and u are sums of many terms: compensated (Kahan) sums keep S accurate to ~1 ulp, so
      // that the first solve is usually final (no refinement sweep).
      const yW = w - cW;
      const sW = W + yW;
      cW = sW - W - yW;
      W = sW;
      let nm = 0;
      for (let t = 0; t < T; t++) if (cnt[t] === 0) missing[nm++] = t;
      for (let a = 0; a < nm; a++) {
        const ta = missing[a];
        const yu = w - cu[ta];
        const su = u[ta] + yu;
        cu[ta] = su - u[ta] - yu;
        u[ta] = su;
        const rowOff = ta * T;
        for (let b = 0; b < a; b++) M[rowOff + missing[b]] += w;
      }
      for (let a = 0; a < nt; a++) cnt[touched[a]] = 0;
      continue;
    }
    if (++inChunk === chunk) {
      addLower(S, P, T);
      inChunk = 0;
    }
    if (T <= DENSE_MAX_LEVELS) {
      addGroupDense(P, cnt, T, w);
      for (let a = 0; a < nt; a++) cnt[touched[a]] = 0;
      continue;
    }
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
    for (let q = 0; q < nr; q++) {
      for (let ta = runLo[q]; ta < runHi[q]; ta++) {
        const rowOff = ta * T;
        const ca = cnt[ta] * w;
        for (let q2 = 0; q2 <= q; q2++) {
          const hi = q2 < q ? runHi[q2] : ta + 1;
          if (ones) for (let tb = runLo[q2]; tb < hi; tb++) P[rowOff + tb] += w;
          else for (let tb = runLo[q2]; tb < hi; tb++) P[rowOff + tb] += ca * cnt[tb];
        }
      }
    }
    for (let a = 0; a < nt; a++) cnt[touched[a]] = 0;
  }
  addLower(S, P, T);
  // S holds the lower triangle of P = sum_g w_g c_g c_g' over the groups of the direct path
  // (accumulated from 0: rounding relative to P, not to n_t). Add the missing-level path's part
  // (sum over its groups with both levels present = W - u_a - u_b + M_ab, M_aa = u_a) and form
  // S = diag(n_t) - P.
  for (let t = 0; t < T; t++) nS[t] += nFast - nMissing[t];
  for (let a = 0; a < T; a++) {
    const rowOff = a * T;
    if (anyMissingPath) {
      for (let b = 0; b < a; b++) S[rowOff + b] = -(S[rowOff + b] + (W - u[a] - u[b] + M[rowOff + b]));
      S[rowOff + a] = nS[a] - (S[rowOff + a] + (W - u[a]));
    } else {
      for (let b = 0; b < a; b++) S[rowOff + b] = -S[rowOff + b];
      S[rowOff + a] = nS[a] - S[rowOff + a];
    }
  }
  for (let a = 0; a < T; a++) for (let b = 0; b < a; b++) S[b * T + a] = S[a * T + b];
  return S;
}

/**
 * Small dimensions of at most this many levels (years, a few dozen partners) update S by the dense loop
 * `addGroupDense` rather than through the sorted runs of present levels: no sort, no branches on the pattern.
 */
const DENSE_MAX_LEVELS = 48;

/**
 * S[a][b] += (cnt[a] w) cnt[b] for every b <= a with cnt[a] > 0: a level absent from the group adds an exact 0
 * (S never holds -0), so every entry gets the same value, in the same group order, as through the runs of
 * present levels (all counts 1: (1 w) 1 = w, as there). 1M rows, T = 15: schurMatrix ~20 -> ~15 ms.
 */
function addGroupDense(S: Float64Array, cnt: Float64Array, T: number, w: number): void {
  for (let a = 0; a < T; a++) {
    const c = cnt[a];
    if (c === 0) continue;
    const ca = c * w;
    const rowOff = a * T;
    for (let b = 0; b <= a; b++) S[rowOff + b] += ca * cnt[b];
  }
}

/** S += P then P = 0, on the lower triangle (the chunked sums of schurMatrix). */
function addLower(S: Float64Array, P: Float64Array, T: number): void {
  for (let a = 0; a < T; a++) {
    const rowOff = a * T;
    for (let b = 0; b <= a; b++) {
      S[rowOff + b] += P[rowOff + b];
      P[rowOff + b] = 0;
    }
  }
}

/**
 * Blocked layout (group g = rows start[g]..start[g+1]-1), one column at a time, group by group:
 *  sweep 1 (read only): mean_g = (0 + sum of c over g) / n_g; r[t] += c - mean_g;
 *  beta = S^+ r;
 *  sweep 2: v = (c - mean_g) - (beta[t] - mean_g(beta[t])), i.e. v = M_1 (c - D2 beta), and
 *    r[t] += v (the residual of the normal equations);
 *  delta = S^+ r; only when delta is above rounding of the data (an ill-conditioned S), sweep 3:
 *    v -= delta[t] - mean_g(delta[t]).
 * Every group sum is (0 + acc) * (1/n_g) with acc summed in row order and r is accumulated in row
 * order: exactly the run accumulation of `demeanColumn`, so both layouts give the same bits. The
 * sweeps are small monomorphic kernels (one column) so that V8 compiles them to tight loops.
 */
function demeanBlocked(c: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, L: Float64Array, T: number): Float64Array {
  const v = takeF64(c.length); // every element written by sweepSolve
  const r = new Float64Array(T);
  const scale = sweepCentre(c, sc, start, invB, r);
  const beta = cholSolve(L, T, r);
  r.fill(0);
  sweepSolve(c, v, beta, sc, start, invB, r);
  const delta = cholSolve(L, T, r);
  if (needsRefinement(delta, scale)) sweepCorrect(v, delta, sc, start, invB);
  return v;
}

/**
 * Refinement test: the correction delta moves v by at most 2 max|delta|; below 1e-14 of the
 * largest |value| of the column (a few ulps, the iterative path's tolerance) it is skipped. With S
 * accumulated accurately (compensated sums) the first solve is usually that accurate, so the third
 * sweep only runs for an ill-conditioned S.
 */
function needsRefinement(delta: Float64Array, scale: number): boolean {
  let maxDelta = 0;
  for (let t = 0; t < delta.length; t++) maxDelta = Math.max(maxDelta, Math.abs(delta[t]));
  return maxDelta > 1e-14 * scale;
}

/** r[t] += c - (group mean of c) (rows in order; read only). Returns max |c_i|. */
function sweepCentre(c: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, r: Float64Array): number {
  const G = start.length - 1;
  let scale = 0;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) {
      const x = c[p];
      acc += x;
      const ax = Math.abs(x);
      if (ax > scale) scale = ax;
    }
    const mean = (0 + acc) * invB[g];
    for (let p = a; p < b; p++) r[sc[p]] += c[p] - mean;
  }
  return scale;
}

/** v = (c - mean_g(c)) - (beta[t] - mean_g(beta[t])); r[t] += v (rows in order). */
function sweepSolve(c: Float64Array, v: Float64Array, beta: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array, r: Float64Array): void {
  const G = start.length - 1;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    let accB = 0;
    for (let p = a; p < b; p++) {
      acc += c[p];
      accB += beta[sc[p]];
    }
    const mean = (0 + acc) * invB[g];
    const meanB = (0 + accB) * invB[g];
    for (let p = a; p < b; p++) {
      const t = sc[p];
      const x = c[p] - mean - (beta[t] - meanB);
      v[p] = x;
      r[t] += x;
    }
  }
}

/** v -= delta[t] - mean_g(delta[t]). */
function sweepCorrect(v: Float64Array, delta: Float64Array, sc: Int32Array, start: Int32Array, invB: Float64Array): void {
  const G = start.length - 1;
  for (let g = 0; g < G; g++) {
    const a = start[g];
    const b = start[g + 1];
    let acc = 0;
    for (let p = a; p < b; p++) acc += delta[sc[p]];
    const mean = (0 + acc) * invB[g];
    for (let p = a; p < b; p++) v[p] -= delta[sc[p]] - mean;
  }
}

/** Sums of v over the groups `bc` (runs accumulated in a register, as `groupSums`) times 1/n_g. */
function groupMeans(v: Float64Array, bc: Int32Array, invB: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  groupSums(v, bc, sums);
  for (let g = 0; g < sums.length; g++) sums[g] *= invB[g];
}

/** Any row order: the same steps as `demeanBlocked` for one column, in passes over all rows. */
function demeanColumn(c: Float64Array, bc: Int32Array, sc: Int32Array, invB: Float64Array, L: Float64Array, T: number): Float64Array {
  const n = c.length;
  const G = invB.length;
  const v = new Float64Array(n);
  const mean = new Float64Array(G);
  const meanB = new Float64Array(G);
  const bt = new Float64Array(n);
  const r = new Float64Array(T);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(c[i]));
  groupMeans(c, bc, invB, mean);
  for (let i = 0; i < n; i++) r[sc[i]] += c[i] - mean[bc[i]];
  const beta = cholSolve(L, T, r);
  for (let i = 0; i < n; i++) bt[i] = beta[sc[i]];
  groupMeans(bt, bc, invB, meanB);
  r.fill(0);
  for (let i = 0; i < n; i++) {
    const g = bc[i];
    const x = c[i] - mean[g] - (bt[i] - meanB[g]);
    v[i] = x;
    r[sc[i]] += x;
  }
  const delta = cholSolve(L, T, r);
  if (needsRefinement(delta, scale)) {
    for (let i = 0; i < n; i++) bt[i] = delta[sc[i]];
    groupMeans(bt, bc, invB, meanB);
    for (let i = 0; i < n; i++) v[i] -= bt[i] - meanB[bc[i]];
  }
  return v;
}
