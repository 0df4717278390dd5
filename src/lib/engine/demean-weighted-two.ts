/**
 * Exact weighted demeaning by two fixed-effect dimensions when one is small (e.g. years): the weighted
 * least-squares FE coefficients solved through the Schur complement of the large dimension, as demean-two.ts does
 * without weights. With C[g][h] = sum of w over rows in (g, h), W_g, V_h the margins, s_g / r_h the weighted sums of
 * v by level:
 *   S b = r - C' diag(1/W) s,  S = diag(V) - C' diag(1/W) C  (L_B x L_B, singular once per connected component),
 *   a_g = (s_g - sum_h C[g][h] b_h) / W_g,  v~_i = v_i - a_{g(i)} - b_{h(i)}.
 * S is factored once per weight vector (Cholesky with zero pivots dropped: a generalized solution, exact since the
 * right-hand side lies in the range of S); each column then costs O(n + L_A L_B). Returns null when the dense
 * cross-tabulation would be too large (the caller iterates instead).
 */
import {cholesky, cholSolve} from "./linalg.js";
import type {FeDim} from "./demean-types.js";

/** Largest dense cross-tabulation (cells) and Schur build cost (L_A L_B^2) accepted. */
const MAX_CELLS = 2e7;
const MAX_WORK = 3e8;

/** Example: `demeanWeightedTwo([v], w, years, countries)` -> the same columns as demeanWeighted, exactly. */
export function demeanWeightedTwo(cols: Float64Array[], w: Float64Array, fa: FeDim, fb: FeDim): Float64Array[] | null {
  // B = the smaller dimension.
  const [A, B] = fa.nlevels >= fb.nlevels ? [fa, fb] : [fb, fa];
  const LA = A.nlevels;
  const LB = B.nlevels;
  if (LB > 1000 || LA * LB > MAX_CELLS || LA * LB * LB > MAX_WORK) return null;
  const n = w.length;
  const ac = A.codes;
  const bc = B.codes;
  const C = new Float64Array(LA * LB);
  const W = new Float64Array(LA);
  const V = new Float64Array(LB);
  for (let i = 0; i < n; i++) {
    C[ac[i] * LB + bc[i]] += w[i];
    W[ac[i]] += w[i];
    V[bc[i]] += w[i];
  }
  const S = new Float64Array(LB * LB);
  for (let h = 0; h < LB; h++) S[h * LB + h] = V[h];
  for (let g = 0; g < LA; g++) {
    if (!(W[g] > 0)) continue;
    const o = g * LB;
    const inv = 1 / W[g];
    for (let h = 0; h < LB; h++) {
      const c = C[o + h];
      if (c === 0) continue;
      const ch = c * inv;
      for (let k = 0; k <= h; k++) S[h * LB + k] -= ch * C[o + k];
    }
  }
  for (let h = 0; h < LB; h++) for (let k = 0; k < h; k++) S[k * LB + h] = S[h * LB + k];
  const {L} = cholesky(S, LB, 1e-11);
  const s = new Float64Array(LA);
  const r = new Float64Array(LB);
  return cols.map((v) => {
    s.fill(0);
    r.fill(0);
    for (let i = 0; i < n; i++) {
      const wv = w[i] * v[i];
      s[ac[i]] += wv;
      r[bc[i]] += wv;
    }
    const rhs = r.slice();
    for (let g = 0; g < LA; g++) {
      if (!(W[g] > 0)) continue;
      const o = g * LB;
      const q = s[g] / W[g];
      for (let h = 0; h < LB; h++) rhs[h] -= C[o + h] * q;
    }
    const b = cholSolve(L, LB, rhs);
    const a = new Float64Array(LA);
    for (let g = 0; g < LA; g++) {
      if (!(W[g] > 0)) continue;
      const o = g * LB;
      let t = s[g];
      for (let h = 0; h < LB; h++) t -= C[o + h] * b[h];
      a[g] = t / W[g];
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = v[i] - a[ac[i]] - b[bc[i]];
    return out;
  });
}
