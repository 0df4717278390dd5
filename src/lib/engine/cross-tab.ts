/**
 * Sparse cross-tabulations of FE dimensions, the data structure of the iterative demeaning
 * (demean-iterative.ts). For dimension f, row g lists, for every OTHER dimension h and level l of h,
 * the number of observations with f = g and h = l (a CSR matrix whose column index is the global
 * coefficient index off[h] + l). With these, one Gauss-Seidel sweep of alternating projections costs
 * the number of non-zero cells instead of passes over the rows: a firm x partner x year panel of 5M
 * rows has ~0.5M firm-partner cells, so each sweep is ~10x cheaper than a sweep over the rows, and the
 * iterations do not touch the data at all (fixest does the same for its first two dimensions).
 */
import type {FeDim} from "./demean-types.js";

export interface CrossTab {
  /** Start of row g of dimension f in idx/cnt: ptr[off[f] + g] .. ptr[off[f] + g + 1]. */
  ptr: Int32Array;
  /** Global coefficient index (off[h] + level of h) of each cell. */
  idx: Int32Array;
  /** Number of observations in each cell. */
  cnt: Float64Array;
  /** Offsets of the dimensions in the coefficient vector (length K + 1). */
  off: Int32Array;
  /** 1 / number of observations of each level (length P). */
  inv: Float64Array;
}

/**
 * Builds the cross-tabulations, or returns null when they would hold more than `maxCells` cells (then
 * sweeping over the rows is as cheap and needs no extra memory). Time O(K^2 n); memory: one Int32
 * row order (reused) plus 12 bytes per cell.
 * Example: codes a = [0,0,1], b = [0,1,1] -> row 0 of a: {b0: 1, b1: 1}; row 1 of a: {b1: 1}.
 */
export function crossTabs(fes: FeDim[], maxCells: number): CrossTab | null {
  const dense = crossTabsDense(fes, maxCells);
  if (dense !== undefined) return dense;
  const K = fes.length;
  const n = fes[0].codes.length;
  const off = new Int32Array(K + 1);
  for (let f = 0; f < K; f++) off[f + 1] = off[f] + fes[f].nlevels;
  const P = off[K];
  const ptr = new Int32Array(P + 1);
  const inv = new Float64Array(P);
  let cap = Math.max(1024, Math.min(maxCells, 2 * n));
  let idx = new Int32Array(cap);
  let cnt = new Float64Array(cap);
  let nnz = 0;
  const order = new Int32Array(n);
  const scratch = new Float64Array(P);
  const touched = new Int32Array(P);
  for (let f = 0; f < K; f++) {
    const codes = fes[f].codes;
    const L = fes[f].nlevels;
    // Counting sort of the rows by level of f.
    const start = new Int32Array(L + 1);
    for (let i = 0; i < n; i++) start[codes[i] + 1]++;
    for (let g = 0; g < L; g++) {
      inv[off[f] + g] = 1 / start[g + 1];
      start[g + 1] += start[g];
    }
    const fill = start.slice(0, L);
    for (let i = 0; i < n; i++) order[fill[codes[i]]++] = i;
    for (let g = 0; g < L; g++) {
      ptr[off[f] + g] = nnz;
      let nt = 0;
      for (let h = 0; h < K; h++) {
        if (h === f) continue;
        const ch = fes[h].codes;
        const oh = off[h];
        for (let p = start[g]; p < start[g + 1]; p++) {
          const c = oh + ch[order[p]];
          if (scratch[c] === 0) touched[nt++] = c;
          scratch[c]++;
        }
      }
      if (nnz + nt > cap) {
        if (nnz + nt > maxCells) return null;
        cap = Math.min(maxCells, Math.max(2 * cap, nnz + nt));
        const i2 = new Int32Array(cap);
        i2.set(idx.subarray(0, nnz));
        idx = i2;
        const c2 = new Float64Array(cap);
        c2.set(cnt.subarray(0, nnz));
        cnt = c2;
      }
      for (let a = 0; a < nt; a++) {
        const c = touched[a];
        idx[nnz] = c;
        cnt[nnz++] = scratch[c];
        scratch[c] = 0;
      }
    }
  }
  ptr[P] = nnz;
  return {ptr, idx: idx.slice(0, nnz), cnt: cnt.slice(0, nnz), off, inv};
}

/**
 * The same tables counted in a dense L_f x L_h array per pair of dimensions (one sequential pass over the
 * rows per pair and per phase, no row sort): used when every pair's L_f * L_h is at most max(4n, 2^20)
 * (firm x partner, firm x year, partner x year are). Two phases: count the cells of each row, then fill.
 * Returns undefined when a pair is too large for a dense array (the caller then sorts the rows), null
 * when the tables would exceed `maxCells`.
 */
function crossTabsDense(fes: FeDim[], maxCells: number): CrossTab | null | undefined {
  const K = fes.length;
  const n = fes[0].codes.length;
  const limit = Math.max(4 * n, 1 << 20);
  let biggest = 0;
  for (let f = 0; f < K; f++)
    for (let h = f + 1; h < K; h++) {
      const size = fes[f].nlevels * fes[h].nlevels;
      if (size > limit) return undefined;
      biggest = Math.max(biggest, size);
    }
  const off = new Int32Array(K + 1);
  for (let f = 0; f < K; f++) off[f + 1] = off[f] + fes[f].nlevels;
  const P = off[K];
  const inv = new Float64Array(P);
  for (let f = 0; f < K; f++) {
    const codes = fes[f].codes;
    const o = off[f];
    for (let i = 0; i < n; i++) inv[o + codes[i]]++;
  }
  for (let p = 0; p < P; p++) inv[p] = 1 / inv[p];
  const dense = new Int32Array(biggest);
  const count = (f: number, h: number): void => {
    const cf = fes[f].codes;
    const ch = fes[h].codes;
    const Lh = fes[h].nlevels;
    dense.fill(0, 0, fes[f].nlevels * Lh);
    for (let i = 0; i < n; i++) dense[cf[i] * Lh + ch[i]]++;
  };
  const ptr = new Int32Array(P + 1);
  let total = 0;
  for (let f = 0; f < K; f++)
    for (let h = f + 1; h < K; h++) {
      count(f, h);
      const Lf = fes[f].nlevels;
      const Lh = fes[h].nlevels;
      for (let g = 0, q = 0; g < Lf; g++)
        for (let l = 0; l < Lh; l++, q++)
          if (dense[q] !== 0) {
            ptr[off[f] + g + 1]++;
            ptr[off[h] + l + 1]++;
            total += 2;
          }
      if (total > maxCells) return null;
    }
  for (let p = 0; p < P; p++) ptr[p + 1] += ptr[p];
  const pos = ptr.slice(0, P);
  const idx = new Int32Array(total);
  const cnt = new Float64Array(total);
  for (let f = 0; f < K; f++)
    for (let h = f + 1; h < K; h++) {
      count(f, h);
      const Lf = fes[f].nlevels;
      const Lh = fes[h].nlevels;
      const of = off[f];
      const oh = off[h];
      for (let g = 0, q = 0; g < Lf; g++)
        for (let l = 0; l < Lh; l++, q++) {
          const c = dense[q];
          if (c === 0) continue;
          let e = pos[of + g]++;
          idx[e] = oh + l;
          cnt[e] = c;
          e = pos[oh + l]++;
          idx[e] = of + g;
          cnt[e] = c;
        }
    }
  return {ptr, idx, cnt, off, inv};
}
