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
 * Per column: three or four passes over the rows, no iterations.
 */
import {cholesky, cholSolve} from "./linalg.js";
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
  // Rows grouped by the large dimension (counting sort).
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) start[bc[i] + 1]++;
  const invB = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    invB[g] = 1 / start[g + 1];
    start[g + 1] += start[g];
  }
  const order = new Int32Array(n);
  const fill = start.slice(0, G);
  for (let i = 0; i < n; i++) order[fill[bc[i]]++] = i;
  // Small-level index of each row for each small dimension, flattened: lev[i * ns + s].
  const ns = small.length;
  const lev = new Int32Array(n * ns);
  for (let s = 0; s < ns; s++) {
    const c = small[s].codes;
    const o = soff[s];
    for (let i = 0; i < n; i++) lev[i * ns + s] = o + c[i];
  }
  // Schur complement: D2'D2 - sum_g c_g c_g' / n_g (full matrix; small).
  const M = new Float64Array(S * S);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < ns; a++) {
      const la = lev[i * ns + a] * S;
      for (let c = 0; c < ns; c++) M[la + lev[i * ns + c]] += 1;
    }
  const cnt = new Float64Array(S);
  const touched = new Int32Array(S);
  for (let g = 0; g < G; g++) {
    let nt = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const i = order[p];
      for (let a = 0; a < ns; a++) {
        const l = lev[i * ns + a];
        if (cnt[l] === 0) touched[nt++] = l;
        cnt[l]++;
      }
    }
    const w = invB[g];
    for (let x = 0; x < nt; x++) {
      const ta = touched[x];
      const ca = cnt[ta] * w;
      const row = ta * S;
      for (let y = 0; y < nt; y++) M[row + touched[y]] -= ca * cnt[touched[y]];
    }
    for (let x = 0; x < nt; x++) cnt[touched[x]] = 0;
  }
  const {L, dropped} = cholesky(M, S, 1e-9);
  const mean = new Float64Array(G);
  const t = new Float64Array(n);
  const means = (v: Float64Array, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < n; i++) out[bc[i]] += v[i];
    for (let g = 0; g < G; g++) out[g] *= invB[g];
  };
  const meanT = new Float64Array(G);
  // t_i = sum over small dimensions of beta at the row's levels.
  const spread = (beta: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let a = 0; a < ns; a++) acc += beta[lev[i * ns + a]];
      t[i] = acc;
    }
    means(t, meanT);
  };
  const out = cols.map((v) => {
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]));
    means(v, mean);
    const r = new Float64Array(S);
    for (let i = 0; i < n; i++) {
      const x = v[i] - mean[bc[i]];
      for (let a = 0; a < ns; a++) r[lev[i * ns + a]] += x;
    }
    const beta = cholSolve(L, S, r);
    spread(beta);
    const res = new Float64Array(n);
    r.fill(0);
    for (let i = 0; i < n; i++) {
      const g = bc[i];
      const x = v[i] - mean[g] - (t[i] - meanT[g]);
      res[i] = x;
      for (let a = 0; a < ns; a++) r[lev[i * ns + a]] += x;
    }
    const delta = cholSolve(L, S, r);
    let maxDelta = 0;
    for (let s = 0; s < S; s++) maxDelta = Math.max(maxDelta, Math.abs(delta[s]));
    if (maxDelta > 1e-14 * scale) {
      spread(delta);
      for (let i = 0; i < n; i++) res[i] -= t[i] - meanT[bc[i]];
    }
    return res;
  });
  // Connected design: one zero pivot per small dimension; reported as 1 (= connected), as the two-way path.
  return {cols: out, method: "schur", iterations: 0, redundancies: dropped.length - ns + 1, converged: true};
}
