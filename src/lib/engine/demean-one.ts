/**
 * One FE dimension: subtract group means (exact; the within transformation of ESTIMATION.md).
 */
import {counts, groupSums, isBlocked} from "./group-sums.js";
import type {DemeanResult, FeDim} from "./demean-types.js";
import {takeF64} from "./scratch.js";

/** In place: v_i -= mean of v over the rows of level codes_i. `inv` = 1 / level counts. */
function subtractMeans(v: Float64Array, codes: Int32Array, inv: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  const n = v.length;
  groupSums(v, codes, sums);
  for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  for (let i = 0; i < n; i++) v[i] -= sums[codes[i]];
}

/**
 * One dimension whose levels are contiguous row blocks in code order: out = c - (0 + acc_g)/n_g
 * with acc_g summed in row order, i.e. exactly `subtractMeans` (bit for bit) in one sweep.
 */
function subtractMeansBlocked(c: Float64Array, codes: Int32Array, inv: Float64Array): Float64Array {
  const n = c.length;
  const v = takeF64(n); // every element written below
  let a = 0;
  while (a < n) {
    const g = codes[a];
    let b = a;
    let acc = 0;
    while (b < n && codes[b] === g) acc += c[b++];
    const mean = (0 + acc) * inv[g];
    for (let p = a; p < b; p++) v[p] = c[p] - mean;
    a = b;
  }
  return v;
}

/**
 * Demeans each column by one FE dimension (new arrays; inputs untouched).
 * Example: `demeanOne([Float64Array.of(1,2,3,5)], {codes: Int32Array.of(0,0,1,1), nlevels: 2})`
 * -> cols [[-0.5, 0.5, -1, 1]].
 */
export function demeanOne(cols: Float64Array[], fe: FeDim): DemeanResult {
  const inv = counts(fe).map((c) => 1 / c);
  const sums = new Float64Array(fe.nlevels);
  const blocked = isBlocked(fe.codes);
  const out = cols.map((c) => {
    if (blocked) return subtractMeansBlocked(c, fe.codes, inv);
    const v = c.slice();
    subtractMeans(v, fe.codes, inv, sums);
    return v;
  });
  return {cols: out, method: "one", iterations: 0, redundancies: 0, converged: true};
}
