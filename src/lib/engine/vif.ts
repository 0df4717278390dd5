/**
 * Variance inflation factors (car::vif for a model without factor terms; ESTIMATION.md):
 *   VIF_j = 1 / (1 − R_j²),
 * R_j² from the OLS regression of regressor j on the other regressors with an intercept, on the
 * complete cases of all regressors (and of y, via `sample`). The intercept is handled by centring
 * every column on the sample mean; the regression is solved by Householder QR (no normal
 * equations, so nearly collinear regressors keep their accuracy). Perfect collinearity gives
 * VIF = Infinity.
 */
import {completeCases} from "./descriptives.js";

export interface VifResult {
  variables: string[];
  vif: number[];
  /** Number of complete cases used. */
  n: number;
}

/**
 * VIF of each of `variables` (at least two), on the rows where all of them are present and
 * `sample[i] === 1` (pass the complete-case mask of y and the regressors to match the model).
 *
 * @example vif({a: new Float64Array([1, 2, 3, 4]), b: new Float64Array([1, 3, 2, 4])}, ["a", "b"])
 * // {variables: ["a", "b"], vif: [2.777…, 2.777…], n: 4}   (r(a, b)² = 0.64, 1/(1 − 0.64))
 */
export function vif(columns: Record<string, Float64Array>, variables: string[], sample?: Uint8Array): VifResult {
  const cols = variables.map((v) => {
    const c = columns[v];
    if (!c) throw new Error(`vif: no column "${v}"`);
    return c;
  });
  const mask = completeCases(cols, sample);
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const k = cols.length;
  // Centred complete-case data, column-major: z[j] has n entries.
  const z = cols.map((c) => {
    const out = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < c.length; i++) if (mask[i]) out[m++] = c[i];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += out[i];
    mean /= n;
    let corr = 0;
    for (let i = 0; i < n; i++) corr += out[i] - mean;
    mean += corr / n;
    for (let i = 0; i < n; i++) out[i] -= mean;
    return out;
  });
  const result: number[] = [];
  for (let j = 0; j < k; j++) {
    if (k < 2 || n <= k) {
      result.push(NaN);
      continue;
    }
    const others = z.filter((_, l) => l !== j);
    const tss = dot(z[j], z[j]);
    const ssr = residualSumOfSquares(others, z[j]);
    const r2 = tss > 0 ? 1 - ssr / tss : NaN;
    result.push(r2 >= 1 ? Infinity : 1 / (1 - r2));
  }
  return {variables: [...variables], vif: result, n};
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * SSR of the least-squares fit of y on the columns of X (no intercept; inputs already centred):
 * Householder QR applied to [X | y]; SSR = squared norm of the transformed y below row p.
 * A column whose remaining norm is ~0 (collinear) is skipped; if y is then fully explained, SSR = 0.
 */
function residualSumOfSquares(X: Float64Array[], y: Float64Array): number {
  const n = y.length;
  const p = X.length;
  const A = X.map((c) => Float64Array.from(c));
  const b = Float64Array.from(y);
  let row = 0;
  for (let j = 0; j < p && row < n; j++) {
    const a = A[j];
    let norm = 0;
    for (let i = row; i < n; i++) norm += a[i] * a[i];
    norm = Math.sqrt(norm);
    let full = 0;
    for (let i = 0; i < n; i++) full += X[j][i] * X[j][i];
    if (norm <= 1e-12 * Math.sqrt(full)) continue; // collinear with earlier columns
    const alpha = a[row] > 0 ? -norm : norm;
    // v = a[row:] − alpha e1, H = I − 2vv'/v'v
    const v = new Float64Array(n - row);
    for (let i = row; i < n; i++) v[i - row] = a[i];
    v[0] -= alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    if (vv === 0) {
      row++;
      continue;
    }
    const apply = (c: Float64Array) => {
      let s = 0;
      for (let i = row; i < n; i++) s += v[i - row] * c[i];
      const f = (2 * s) / vv;
      for (let i = row; i < n; i++) c[i] -= f * v[i - row];
    };
    for (let l = j; l < p; l++) apply(A[l]);
    apply(b);
    row++;
  }
  let ssr = 0;
  for (let i = row; i < n; i++) ssr += b[i] * b[i];
  return ssr;
}
