/**
 * iid variance (fixest vcov = "iid"): V = sigma^2 (X~'X~)^{-1}, sigma^2 = SSR / (n - nparams),
 * K = nparams with every FE counted; t df = n - nparams (ESTIMATION.md "Variance matrices").
 */

/**
 * Example: bread [[0.5]], SSR 8, n 10, K 2 -> sigma^2 = 1, V = [[0.5]].
 */
export function vcovIid(bread: Float64Array, ssr: number, n: number, K: number): Float64Array {
  const s2 = ssr / (n - K);
  return bread.map((b) => b * s2);
}
