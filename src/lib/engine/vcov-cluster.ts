/**
 * Cluster-robust CR1 variance, one-way or multi-way, as fixest 0.12.1 (R/VCOV.R,
 * `vcov_cluster_internal`; Cameron, Gelbach & Miller 2011):
 *   V = G_min/(G_min - 1) * (n - 1)/(n - K) * sum_{S nonempty subset of dims} (-1)^{|S|+1} B M_S B,
 *   M_S = sum_g s_g s_g' over the clusters g of the intersection of the dimensions in S,
 *   s_g = sum_{i in g} x~_i e_i.
 * With `cluster.df = "min"` the single G/(G-1) factor uses the smallest number of clusters over
 * the dimensions; `t.df = "min"` gives t df = G_min - 1. K follows the "nested" rule (see ssc.ts).
 * If the multi-way matrix has a negative diagonal, fixest replaces it by its positive
 * semi-definite part (negative eigenvalues set to 0) and says so; so do we.
 */
import {sandwich, symEigen} from "./linalg.js";
import {addClusterScores} from "./cluster-scores.js";
import {BLOCK} from "./ols.js";
import {heteroMeat} from "./vcov-hetero.js";

export interface ClusterDim {
  codes: Int32Array;
  nlevels: number;
}

/**
 * Reusable working arrays of clusterMeat (the multiverse passes them so that 13,824 fits allocate nothing;
 * kernels.ts says why that matters in a browser worker). S holds at least G x k values, cur and acc k, out k x k.
 */
export interface ClusterMeatBuffers {
  S: Float64Array;
  cur: Int32Array;
  acc: Float64Array;
  out: Float64Array;
}

/**
 * Meat sum_g s_g s_g' for one clustering, over the first k columns of X and the first n rows (defaults: all).
 * Example: X = [[1,1,1]], e = [1,1,2], clusters [0,0,1] -> s = [2, 2] -> [[8]].
 */
export function clusterMeat(X: Float64Array[], e: Float64Array, cl: ClusterDim, k = X.length, n = e.length, buffers?: ClusterMeatBuffers): Float64Array {
  const G = cl.nlevels;
  const S = buffers ? buffers.S.fill(0, 0, G * k) : new Float64Array(G * k);
  const codes = cl.codes;
  if (!addClusterScores(X, e, codes, k, n, S)) addScoresByColumn(X, e, codes, k, n, S, buffers);
  // The lower triangle, then mirrored: entry (j, i) would sum the same products s_gj s_gi (a product commutes
  // exactly) in the same order of g, and the clusters skipped for a zero score add exactly zero either way.
  const M = buffers ? buffers.out.fill(0, 0, k * k) : new Float64Array(k * k);
  for (let g = 0; g < G; g++) {
    const o = g * k;
    for (let i = 0; i < k; i++) {
      const si = S[o + i];
      if (si === 0) continue;
      const row = i * k;
      for (let j = 0; j <= i; j++) M[row + j] += si * S[o + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) M[j * k + i] = M[i * k + j];
  return M;
}

/** Scores of more than four columns (cluster-scores.ts takes up to four in one pass): column by column. */
function addScoresByColumn(X: Float64Array[], e: Float64Array, codes: Int32Array, k: number, n: number, S: Float64Array, buffers?: ClusterMeatBuffers): void {
  // Scores s_g, cache-blocked over rows (each S entry still sums its rows in row order). Runs of
  // equal codes (data sorted by cluster) are summed in a register, carried across blocks, and added
  // to S when the code changes: no store-to-load stall on the same slot at every row.
  const cur = buffers ? buffers.cur : new Int32Array(k);
  const acc = buffers ? buffers.acc : new Float64Array(k);
  cur.fill(n > 0 ? codes[0] : 0, 0, k);
  acc.fill(0, 0, k);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < k; j++) {
      const x = X[j];
      let c = cur[j];
      let a = acc[j];
      for (let r = r0; r < r1; r++) {
        const g = codes[r];
        if (g !== c) {
          S[c * k + j] += a;
          a = 0;
          c = g;
        }
        a += x[r] * e[r];
      }
      cur[j] = c;
      acc[j] = a;
    }
  }
  if (n > 0) for (let j = 0; j < k; j++) S[cur[j] * k + j] += acc[j];
}

/**
 * Intersection of clusterings: one level per distinct combination present in the data.
 * Example: [0,0,1] x [0,1,1] -> codes [0,1,2], nlevels 3.
 */
export function intersectClusters(dims: ClusterDim[]): ClusterDim {
  let acc = dims[0];
  for (let d = 1; d < dims.length; d++) {
    const b = dims[d];
    const n = acc.codes.length;
    const codes = new Int32Array(n);
    const map = new Map<number, number>();
    for (let r = 0; r < n; r++) {
      const key = acc.codes[r] * b.nlevels + b.codes[r];
      let c = map.get(key);
      if (c === undefined) {
        c = map.size;
        map.set(key, c);
      }
      codes[r] = c;
    }
    acc = {codes, nlevels: map.size};
  }
  return acc;
}

export interface ClusterVcov {
  V: Float64Array;
  /** Smallest number of clusters over the dimensions (G of G/(G-1) and of df = G - 1). */
  gMin: number;
  /** True when the negative-diagonal fix was applied. */
  fixed: boolean;
}

/**
 * The meat of a clustering in which every cluster has one observation (G = n; codes are dense, so that is
 * nlevels = n), else null. Then s_g = x_i e_i and M = sum_i e_i^2 x_i x_i', the heteroskedasticity-robust meat
 * (vcov-hetero.ts), which is computed once and shared: a two-way clustering by partner and year on a panel with
 * one row per partner-year has such an intersection. Equal to clusterMeat up to rounding (~1e-16 relative).
 * Example: codes [0, 1, 2], nlevels 3 -> heteroMeat(X, e).
 */
export function singletonMeat(X: Float64Array[], e: Float64Array, cl: ClusterDim): Float64Array | null {
  return cl.nlevels === e.length ? heteroMeat(X, e) : null;
}

/**
 * `repair` (default true) applies fixest's fix of a negative diagonal (fixNegativeDiagonal).
 * Example (one-way): `vcovCluster(bread, X, e, [{codes, nlevels: 30}], 19)` is the twfe_ctrl
 * clustered-by-country matrix of the fixtures.
 */
export function vcovCluster(bread: Float64Array, X: Float64Array[], e: Float64Array, dims: ClusterDim[], K: number, repair = true): ClusterVcov {
  const k = X.length;
  const n = e.length;
  const nway = dims.length;
  const M = new Float64Array(k * k);
  // Inclusion-exclusion over non-empty subsets of the dimensions (bit masks).
  for (let mask = 1; mask < 1 << nway; mask++) {
    const subset = dims.filter((_, d) => mask & (1 << d));
    const cl = subset.length === 1 ? subset[0] : intersectClusters(subset);
    const sign = subset.length % 2 === 1 ? 1 : -1;
    const Ms = singletonMeat(X, e, cl) ?? clusterMeat(X, e, cl);
    for (let i = 0; i < k * k; i++) M[i] += sign * Ms[i];
  }
  let gMin = Infinity;
  for (const d of dims) gMin = Math.min(gMin, d.nlevels);
  const factor = (gMin / (gMin - 1)) * ((n - 1) / (n - K));
  const V: Float64Array = sandwich(bread, M, k).map((v) => v * factor);
  // Without `repair` the caller repairs the variance itself, once it is in the model's own coordinates.
  return repair ? {...fixNegativeDiagonal(V, k), gMin} : {V, gMin, fixed: false};
}

/** The note of a repaired variance (estimate() and the multiverse; notes-zh.ts translates it). */
export const PSD_REPAIR_NOTE = "The variance matrix had negative values on its diagonal and was replaced by its positive semi-definite part (Cameron, Gelbach and Miller 2011).";

/**
 * Smallest eigenvalue kept by the repair: fixest's `mat_posdef_fix(X, tol = 1e-10)` (R/miscfuns.R), called from
 * its vcov code (R/VCOV.R) when a diagonal element is negative, rebuilds X with eigenvalues `pmax(values, tol)`.
 */
export const PSD_FLOOR = 1e-10;

/**
 * Positive semi-definite part as fixest makes it (Cameron, Gelbach & Miller 2011): V = Q diag(max(λ, 1e-10)) Q'.
 * Example: psdPart([[1, 2], [2, 1]]) (eigenvalues 3 and -1) -> [[1.5, 1.5], [1.5, 1.5]] + 1e-10 / 2 · [[1, -1], [-1, 1]].
 */
export function psdPart(V: Float64Array, k: number, buffers?: {a: Float64Array; vectors: Float64Array; values: Float64Array; out: Float64Array}): Float64Array {
  // `buffers` may be reused (the multiverse's workspace): the same arithmetic without allocating.
  const {values, vectors} = symEigen(V, k, buffers);
  const out = buffers ? buffers.out.fill(0, 0, k * k) : new Float64Array(k * k);
  for (let m = 0; m < k; m++) {
    const lam = Math.max(values[m], PSD_FLOOR);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] += lam * vectors[i * k + m] * vectors[j * k + m];
  }
  return out;
}

/**
 * fixest's repair of a multi-way cluster variance: when any diagonal element is negative, the matrix is replaced
 * by its positive semi-definite part (psdPart). Applied to the variance of the model as reported (with its
 * intercept), since the repair does not commute with a change of coordinates. Example: `fixNegativeDiagonal(V, k).fixed`.
 */
export function fixNegativeDiagonal(V: Float64Array, k: number, buffers?: Parameters<typeof psdPart>[2]): {V: Float64Array; fixed: boolean} {
  for (let i = 0; i < k; i++) if (V[i * k + i] < 0) return {V: psdPart(V, k, buffers), fixed: true};
  return {V, fixed: false};
}
