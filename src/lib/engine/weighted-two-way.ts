/**
 * The weighted least-squares coefficients of two fixed-effect dimensions, from per-level sums: the Schur
 * complement of the larger dimension A, as demean-two.ts does without weights. With C[g][h] = sum of w over rows
 * in (g, h), W_g, V_h the margins and s_g, r_h the weighted sums of a column by level:
 *   S b = r - C' diag(1/W) s,  S = diag(V) - sum_g C_g C_g' / W_g  (L_B x L_B, singular once per component),
 *   a_g = (s_g - sum_h C[g][h] b_h) / W_g,  and the column's residual is v_i - a_{g(i)} - b_{h(i)}.
 * S is factored once per weight vector (Cholesky with zero pivots dropped: a generalized solution, exact since
 * the right-hand side lies in the range of S); every column then costs O(L_A L_B). The callers make the pass over
 * the rows that gives C, W, V, s and r: demean-weighted-two.ts (columns given) and ppml-irls-two.ts (PPML's
 * working outcome computed in the same pass).
 */
import {cholesky, cholSolve} from "./linalg.js";
import type {FeDim} from "./demean-types.js";

/** Largest dense cross-tabulation (cells) and Schur build cost (L_A L_B^2) accepted. */
const MAX_CELLS = 2e7;
const MAX_WORK = 3e8;

export interface TwoWayLayout {
  /** The larger dimension (eliminated) and the smaller one (the Schur system's unknowns). */
  A: FeDim;
  B: FeDim;
  LA: number;
  LB: number;
}

/**
 * The layout, or null when the dense cross-tabulation or the Schur build would be too large (the caller then
 * iterates). Example: `twoWayLayout(years, countries)` -> {A: countries, B: years, ...} when countries has more levels.
 */
export function twoWayLayout(fa: FeDim, fb: FeDim): TwoWayLayout | null {
  const [A, B] = fa.nlevels >= fb.nlevels ? [fa, fb] : [fb, fa];
  const LA = A.nlevels;
  const LB = B.nlevels;
  if (LB > 1000 || LA * LB > MAX_CELLS || LA * LB * LB > MAX_WORK) return null;
  return {A, B, LA, LB};
}

/**
 * Solves for `nc` columns at once. C (L_A x L_B, row-major), W (L_A), V (L_B); s (L_A x nc) and r (L_B x nc)
 * interleaved by column. Returns a (L_A x nc) and b (L_B x nc), interleaved the same way.
 * Example: one level in each dimension, C = [[2]], s = r = [6] -> a + b = 3 (the weighted mean).
 */
export function solveTwoWay(lay: TwoWayLayout, C: Float64Array, W: Float64Array, V: Float64Array, s: Float64Array, r: Float64Array, nc: number): {a: Float64Array; b: Float64Array} {
  const {LA, LB} = lay;
  // Right-hand sides and B coefficients by column (column c at c * L_B): the sweeps of C then run over contiguous
  // arrays with their sums in locals.
  const rhs = new Float64Array(LB * nc);
  for (let c = 0; c < nc; c++) for (let h = 0; h < LB; h++) rhs[c * LB + h] = r[h * nc + c];
  const L = schurFactor(C, W, V, LA, LB, s, rhs, nc);
  const bT = new Float64Array(LB * nc);
  for (let c = 0; c < nc; c++) bT.set(cholSolve(L, LB, rhs.subarray(c * LB, (c + 1) * LB)), c * LB);
  const b = new Float64Array(LB * nc);
  for (let c = 0; c < nc; c++) for (let h = 0; h < LB; h++) b[h * nc + c] = bT[c * LB + h];
  return {a: largeCoefficients(C, W, s, bT, LA, LB, nc), b};
}

/**
 * The Cholesky factor of S = diag(V) - P, P = sum_g C_g C_g' / W_g (lower triangle), eight groups per sweep of the
 * triangle (an eighth of the loads and stores of P: this rank-L_A update is most of the cost). The same sweep
 * subtracts sum_g C[g][h] s_g / W_g from every column's right-hand side (rhs, column c at c * L_B), while the
 * group's row of C is at hand.
 */
function schurFactor(C: Float64Array, W: Float64Array, V: Float64Array, LA: number, LB: number, s: Float64Array, rhs: Float64Array, nc: number): Float64Array {
  const invW = new Float64Array(LA);
  for (let g = 0; g < LA; g++) invW[g] = W[g] > 0 ? 1 / W[g] : 0;
  const P = new Float64Array(LB * LB);
  let g = 0;
  for (; g + 7 < LA; g += 8) {
    const o0 = g * LB, o1 = o0 + LB, o2 = o1 + LB, o3 = o2 + LB, o4 = o3 + LB, o5 = o4 + LB, o6 = o5 + LB, o7 = o6 + LB;
    const i0 = invW[g], i1 = invW[g + 1], i2 = invW[g + 2], i3 = invW[g + 3], i4 = invW[g + 4], i5 = invW[g + 5], i6 = invW[g + 6], i7 = invW[g + 7];
    const so = g * nc;
    for (let h = 0; h < LB; h++) {
      const c0 = C[o0 + h] * i0, c1 = C[o1 + h] * i1, c2 = C[o2 + h] * i2, c3 = C[o3 + h] * i3;
      const c4 = C[o4 + h] * i4, c5 = C[o5 + h] * i5, c6 = C[o6 + h] * i6, c7 = C[o7 + h] * i7;
      if (c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0 && c4 === 0 && c5 === 0 && c6 === 0 && c7 === 0) continue;
      const row = h * LB;
      for (let k = 0; k <= h; k++) {
        P[row + k] += c0 * C[o0 + k] + c1 * C[o1 + k] + c2 * C[o2 + k] + c3 * C[o3 + k] + c4 * C[o4 + k] + c5 * C[o5 + k] + c6 * C[o6 + k] + c7 * C[o7 + k];
      }
      for (let c = 0, sc = so; c < nc; c++, sc++) {
        rhs[c * LB + h] -= c0 * s[sc] + c1 * s[sc + nc] + c2 * s[sc + 2 * nc] + c3 * s[sc + 3 * nc] + c4 * s[sc + 4 * nc] + c5 * s[sc + 5 * nc] + c6 * s[sc + 6 * nc] + c7 * s[sc + 7 * nc];
      }
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
      for (let c = 0; c < nc; c++) rhs[c * LB + h] -= ch * s[g * nc + c];
    }
  }
  const S = new Float64Array(LB * LB);
  for (let h = 0; h < LB; h++) {
    for (let k = 0; k < h; k++) S[h * LB + k] = S[k * LB + h] = -P[h * LB + k];
    S[h * LB + h] = V[h] - P[h * LB + h];
  }
  return cholesky(S, LB, 1e-11).L;
}

/** a_g = (s_g - sum_h C[g][h] b_h) / W_g, every column in one sweep of C (bT: column c at c * L_B). */
function largeCoefficients(C: Float64Array, W: Float64Array, s: Float64Array, bT: Float64Array, LA: number, LB: number, nc: number): Float64Array {
  const a = new Float64Array(LA * nc);
  for (let ga = 0; ga < LA; ga++) {
    if (!(W[ga] > 0)) continue;
    const o = ga * LB;
    for (let c = 0; c < nc; c++) {
      const bo = c * LB;
      // Four partial sums: one running sum would wait on each addition before the next (a chain of L_B adds).
      let t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      let h = 0;
      for (; h + 3 < LB; h += 4) {
        t0 += C[o + h] * bT[bo + h];
        t1 += C[o + h + 1] * bT[bo + h + 1];
        t2 += C[o + h + 2] * bT[bo + h + 2];
        t3 += C[o + h + 3] * bT[bo + h + 3];
      }
      for (; h < LB; h++) t0 += C[o + h] * bT[bo + h];
      a[ga * nc + c] = (s[ga * nc + c] - (t0 + t1 + (t2 + t3))) / W[ga];
    }
  }
  return a;
}
