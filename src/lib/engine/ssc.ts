/**
 * Parameter counts and small-sample K (fixest 0.12.1 `ssc(adj = TRUE, fixef.K = "nested",
 * cluster.adj = TRUE, cluster.df = "min", t.df = "min", fixef.force_exact = FALSE)`; ESTIMATION.md
 * "Parameter count" and "Variance matrices"; fixest R/VCOV.R, nesting block of `vcov.fixest`).
 */

/**
 * nparams = k + sum_f (|f| - 1) + 1 with FE (fixest assumes exactly one redundancy between FE
 * dimensions: fixef.force_exact = FALSE); = k without FE (k counts the intercept when pooled).
 * Example: two-way 30 x 14 with 5 slopes -> 5 + 29 + 13 + 1 = 48.
 */
export function nparamsOf(k: number, feSizes: number[]): number {
  if (feSizes.length === 0) return k;
  let s = k + 1;
  for (const L of feSizes) s += L - 1;
  return s;
}

/**
 * True when every level of the FE falls in exactly one cluster (the FE is nested in the cluster
 * variable), checked on the estimation sample.
 * Example: FE country, cluster country -> true; FE year, cluster country -> false.
 */
export function isNested(fe: {codes: Int32Array; nlevels: number}, cluster: {codes: Int32Array}): boolean {
  if (fe.codes === cluster.codes) return true; // the same grouping (e.g. FE and cluster both the firm)
  const owner = new Int32Array(fe.nlevels).fill(-1);
  const f = fe.codes;
  const c = cluster.codes;
  for (let i = 0; i < f.length; i++) {
    const o = owner[f[i]];
    if (o < 0) owner[f[i]] = c[i];
    else if (o !== c[i]) return false;
  }
  return true;
}

/**
 * K of the clustered small-sample factor (n-1)/(n-K), fixef.K = "nested": start from nparams; if
 * every FE dimension is nested in (one of) the cluster variables, K = nparams - (sum|f| - (#FE-1)) + 1
 * (= k + 1); otherwise subtract |f| - 1 for each nested dimension; finally K = max(K, k + 1).
 * Without FE, K = nparams = k.
 * Example: twfe by country, k = 5, G = 30, T = 14: 48 - 29 = 19.
 */
export function clusterK(k: number, feSizes: number[], nested: boolean[]): number {
  const np = nparamsOf(k, feSizes);
  if (feSizes.length === 0) return np;
  if (!nested.some(Boolean)) return np;
  let K = np;
  if (nested.every(Boolean)) {
    const total = feSizes.reduce((a, b) => a + b, 0);
    K = np - (total - (feSizes.length - 1)) + 1;
  } else {
    for (let f = 0; f < feSizes.length; f++) if (nested[f]) K -= feSizes[f] - 1;
  }
  return Math.max(K, k + 1);
}
