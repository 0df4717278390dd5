/**
 * Descriptive statistics (the study's Table 3 layout): N, mean, standard deviation, min, max.
 * Convention (R `mean`/`sd`, ESTIMATION.md §Descriptives): sd uses n − 1; missing (NaN) values are
 * skipped -- "available cases" -- optionally within a sample mask (e.g. the estimation sample).
 */

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation sqrt(Σ(x − x̄)² / (n − 1)); NaN when n < 2. */
  sd: number;
  min: number;
  max: number;
}

export interface VariableSummary extends Summary {
  variable: string;
}

/**
 * Summary of the non-missing values of `x` (restricted to rows where `sample[i] === 1` if given).
 * Two passes (mean, then centred sum of squares) plus the usual correction term
 * Σ(x − x̄) / n, as R's `mean` does, so the result does not depend on the level of x.
 * n = 0 gives NaN for every statistic.
 *
 * @example summarize(new Float64Array([1, 2, NaN, 3])) // {n: 3, mean: 2, sd: 1, min: 1, max: 3}
 */
export function summarize(x: Float64Array, sample?: Uint8Array): Summary {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v || (sample && !sample[i])) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return {n: 0, mean: NaN, sd: NaN, min: NaN, max: NaN};
  let mean = sum / n;
  let dev = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v || (sample && !sample[i])) continue;
    dev += v - mean;
  }
  mean += dev / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v || (sample && !sample[i])) continue;
    const d = v - mean;
    ss += d * d;
  }
  return {n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN, min, max};
}

/**
 * One summary row per variable, in the order given.
 *
 * @example describe({y: new Float64Array([1, 2]), x: new Float64Array([NaN, 4])}, ["y", "x"])
 * // [{variable: "y", n: 2, mean: 1.5, ...}, {variable: "x", n: 1, mean: 4, sd: NaN, ...}]
 */
export function describe(columns: Record<string, Float64Array>, variables: string[], sample?: Uint8Array): VariableSummary[] {
  return variables.map((variable) => {
    const column = columns[variable];
    if (!column) throw new Error(`describe: no column "${variable}"`);
    return {variable, ...summarize(column, sample)};
  });
}

/**
 * Complete-case mask: 1 where every column is non-missing (and `sample`, if given, is 1).
 * This is listwise deletion, the estimation sample of a specification's variables.
 *
 * @example completeCases([new Float64Array([1, NaN, 3]), new Float64Array([1, 2, NaN])]) // Uint8Array [1, 0, 0]
 */
export function completeCases(columns: Float64Array[], sample?: Uint8Array): Uint8Array {
  const n = columns.length > 0 ? columns[0].length : sample ? sample.length : 0;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let ok = sample ? sample[i] === 1 : true;
    for (let j = 0; ok && j < columns.length; j++) {
      const v = columns[j][i];
      if (v !== v) ok = false;
    }
    mask[i] = ok ? 1 : 0;
  }
  return mask;
}
