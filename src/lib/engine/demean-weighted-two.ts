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
import {recycle, takeF64} from "./scratch.js";
import type {FeDim} from "./demean-types.js";

/** Largest dense cross-tabulation (cells) and Schur build cost (L_A L_B^2) accepted. */
const MAX_CELLS = 2e7;
const MAX_WORK = 3e8;

/**
 * Example: `demeanWeightedTwo([v], w, years, countries)` -> the same columns as demeanWeighted, exactly.
 * `outs` (optional, one array of length n per column) receive the results (PPML's IRLS reuses them between
 * iterations); the dense cross-tabulation is a pooled working array (scratch.ts).
 */
export function demeanWeightedTwo(cols: Float64Array[], w: Float64Array, fa: FeDim, fb: FeDim, outs?: Float64Array[]): Float64Array[] | null {
  // B = the smaller dimension.
  const [A, B] = fa.nlevels >= fb.nlevels ? [fa, fb] : [fb, fa];
  const LA = A.nlevels;
  const LB = B.nlevels;
  if (LB > 1000 || LA * LB > MAX_CELLS || LA * LB * LB > MAX_WORK) return null;
  const n = w.length;
  const ac = A.codes;
  const bc = B.codes;
  const C = takeF64(LA * LB).fill(0);
  const W = new Float64Array(LA);
  const V = new Float64Array(LB);
  // One pass over the rows for the cross-tabulation and every column's weighted sums by level (s: by A level,
  // r: by B level; interleaved by column so that one row touches one place per array).
  const nc = cols.length;
  const sAll = new Float64Array(LA * nc);
  const rAll = new Float64Array(LB * nc);
  if (nc === 1) {
    const v = cols[0];
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      const ga = ac[i];
      const hb = bc[i];
      C[ga * LB + hb] += wi;
      W[ga] += wi;
      V[hb] += wi;
      const wv = wi * v[i];
      sAll[ga] += wv;
      rAll[hb] += wv;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      const ga = ac[i];
      const hb = bc[i];
      C[ga * LB + hb] += wi;
      W[ga] += wi;
      V[hb] += wi;
      const so = ga * nc;
      const ro = hb * nc;
      for (let c = 0; c < nc; c++) {
        const wv = wi * cols[c][i];
        sAll[so + c] += wv;
        rAll[ro + c] += wv;
      }
    }
  }
  // P = sum_g C_g C_g' / W_g (lower triangle), four groups per sweep of the triangle (a quarter of the loads and
  // stores of P: this rank-LA update is most of the cost), then S = diag(V) - P.
  const invW = new Float64Array(LA);
  for (let g = 0; g < LA; g++) invW[g] = W[g] > 0 ? 1 / W[g] : 0;
  const P = new Float64Array(LB * LB);
  let g = 0;
  for (; g + 3 < LA; g += 4) {
    const o0 = g * LB;
    const o1 = o0 + LB;
    const o2 = o1 + LB;
    const o3 = o2 + LB;
    const i0 = invW[g], i1 = invW[g + 1], i2 = invW[g + 2], i3 = invW[g + 3];
    for (let h = 0; h < LB; h++) {
      const c0 = C[o0 + h] * i0, c1 = C[o1 + h] * i1, c2 = C[o2 + h] * i2, c3 = C[o3 + h] * i3;
      if (c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0) continue;
      const row = h * LB;
      for (let k = 0; k <= h; k++) P[row + k] += c0 * C[o0 + k] + c1 * C[o1 + k] + c2 * C[o2 + k] + c3 * C[o3 + k];
    }
  }
  for (; g < LA; g++) {
    const o = g * LB;
    const inv = invW[g];
    for (let h = 0; h < LB; h++) {
      const ch = C[o + h] * inv;
      if (ch === 0) continue;
      const row = h * LB;
      for (let k = 0; k <= h; k++) P[row + k] += ch * C[o + k];
    }
  }
  const S = new Float64Array(LB * LB);
  for (let h = 0; h < LB; h++) {
    for (let k = 0; k < h; k++) S[h * LB + k] = S[k * LB + h] = -P[h * LB + k];
    S[h * LB + h] = V[h] - P[h * LB + h];
  }
  const {L} = cholesky(S, LB, 1e-11);
  // Per column: the B coefficients b from the Schur system, then the A coefficients a (dense loops over C).
  const s = new Float64Array(LA);
  const aAll = new Float64Array(LA * nc);
  const bAll = new Float64Array(LB * nc);
  for (let c = 0; c < nc; c++) {
    for (let ga = 0; ga < LA; ga++) s[ga] = sAll[ga * nc + c];
    const rhs = new Float64Array(LB);
    for (let h = 0; h < LB; h++) rhs[h] = rAll[h * nc + c];
    for (let ga = 0; ga < LA; ga++) {
      if (!(W[ga] > 0)) continue;
      const o = ga * LB;
      const q = s[ga] / W[ga];
      for (let h = 0; h < LB; h++) rhs[h] -= C[o + h] * q;
    }
    const b = cholSolve(L, LB, rhs);
    for (let h = 0; h < LB; h++) bAll[h * nc + c] = b[h];
    for (let ga = 0; ga < LA; ga++) {
      if (!(W[ga] > 0)) continue;
      const o = ga * LB;
      let t = s[ga];
      for (let h = 0; h < LB; h++) t -= C[o + h] * b[h];
      aAll[ga * nc + c] = t / W[ga];
    }
  }
  // One pass over the rows: v~ = v - a[A level] - b[B level] for every column.
  const result = cols.map((_, c) => outs?.[c] ?? new Float64Array(n));
  if (nc === 1) {
    const v = cols[0];
    const out = result[0];
    for (let i = 0; i < n; i++) out[i] = v[i] - aAll[ac[i]] - bAll[bc[i]];
  } else {
    for (let i = 0; i < n; i++) {
      const ao = ac[i] * nc;
      const bo = bc[i] * nc;
      for (let c = 0; c < nc; c++) result[c][i] = cols[c][i] - aAll[ao + c] - bAll[bo + c];
    }
  }
  recycle([C]);
  return result;
}
