/**
 * Exact weighted demeaning by two fixed-effect dimensions when one is small (e.g. years): one pass over the rows
 * for the weighted cross-tabulation and every column's sums by level, the coefficients from the Schur complement
 * of the large dimension (weighted-two-way.ts), then one pass writing v~_i = v_i - a_{g(i)} - b_{h(i)}.
 * Each column costs O(n + L_A L_B) once S is factored. Returns null when the dense cross-tabulation would be too
 * large (the caller iterates instead).
 */
import {recycle, takeF64} from "./scratch.js";
import type {FeDim} from "./demean-types.js";
import {solveTwoWay, twoWayLayout} from "./weighted-two-way.js";

/**
 * Example: `demeanWeightedTwo([v], w, years, countries)` -> the same columns as demeanWeighted, exactly.
 * `outs` (optional, one array of length n per column) receive the results; the dense cross-tabulation is a
 * pooled working array (scratch.ts).
 */
export function demeanWeightedTwo(cols: Float64Array[], w: Float64Array, fa: FeDim, fb: FeDim, outs?: Float64Array[]): Float64Array[] | null {
  const lay = twoWayLayout(fa, fb);
  if (!lay) return null;
  const {LA, LB} = lay;
  const n = w.length;
  const ac = lay.A.codes;
  const bc = lay.B.codes;
  const C = takeF64(LA * LB).fill(0);
  const W = new Float64Array(LA);
  const V = new Float64Array(LB);
  // One pass over the rows for the cross-tabulation and every column's weighted sums by level (s: by A level,
  // r: by B level; interleaved by column so that one row touches one place per array).
  const nc = cols.length;
  const sAll = new Float64Array(LA * nc);
  const rAll = new Float64Array(LB * nc);
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
  const {a: aAll, b: bAll} = solveTwoWay(lay, C, W, V, sAll, rAll, nc);
  recycle([C]);
  // One pass over the rows: v~ = v - a[A level] - b[B level] for every column.
  const result = cols.map((_, c) => outs?.[c] ?? new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const ao = ac[i] * nc;
    const bo = bc[i] * nc;
    for (let c = 0; c < nc; c++) result[c][i] = cols[c][i] - aAll[ao + c] - bAll[bo + c];
  }
  return result;
}
