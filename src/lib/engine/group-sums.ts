/**
 * Group-sum kernels shared by the demeaning paths (typed arrays and integer codes, no per-row objects).
 */

/** Number of rows of each level. Example: codes [0,0,1] -> [2, 1]. */
export function counts(fe: {codes: Int32Array; nlevels: number}): Float64Array {
  const c = new Float64Array(fe.nlevels);
  const codes = fe.codes;
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  return c;
}

/**
 * sums[codes[i]] += v[i], accumulating runs of equal codes in a register first: data sorted by id
 * (the usual layout) then avoid a store-to-load dependency on the same slot at every row.
 * Correct for any order.
 */
export function groupSums(v: Float64Array, codes: Int32Array, sums: Float64Array): void {
  const n = v.length;
  if (n === 0) return;
  let cur = codes[0];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c !== cur) {
      sums[cur] += acc;
      acc = 0;
      cur = c;
    }
    acc += v[i];
  }
  sums[cur] += acc;
}

/**
 * True when the codes never decrease, i.e. the rows of each level are one contiguous block and the
 * blocks come in code order (codes numbered by first appearance on data sorted by that variable).
 */
export function isBlocked(codes: Int32Array): boolean {
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[i - 1]) return false;
  return true;
}
