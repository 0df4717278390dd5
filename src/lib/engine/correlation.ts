/**
 * Pearson correlation matrices with two-sided p-values (R `cor` + `cor.test`).
 *   r = Σ(x − x̄)(y − ȳ) / sqrt(Σ(x − x̄)² Σ(y − ȳ)²)
 *   t = r · sqrt((n − 2) / (1 − r²)),  p = 2 · F_t(−|t|; n − 2)   (Student t, df = n − 2)
 * "pairwise": each cell uses the rows where both variables are present (n differs by cell);
 * "listwise": every cell uses the rows where all variables are present.
 * Diagonal: r = 1, p = 0, n = non-missing count of the variable (as in ESTIMATION.md).
 */
import {tcdf} from "../vendor/stdlib-dists.js";
import {completeCases} from "./descriptives.js";

export interface Correlation {
  r: number;
  p: number;
  n: number;
}

export interface CorrelationMatrix {
  variables: string[];
  r: number[][];
  p: number[][];
  n: number[][];
}

/**
 * Pearson r, its two-sided p-value and n over rows where x and y are both non-missing (and
 * `sample[i] === 1` if given). n < 3 or a constant variable gives NaN for r and p.
 *
 * @example pearson(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 3, 2, 4]))
 * // {r: 0.8, p: 0.2, n: 4}   (t = 0.8·sqrt(2/0.36) = 1.8856, df = 2)
 */
export function pearson(x: Float64Array, y: Float64Array, sample?: Uint8Array): Correlation {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b || (sample && !sample[i])) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 3) return {r: NaN, p: NaN, n};
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b || (sample && !sample[i])) continue;
    const da = a - mx;
    const db = b - my;
    sxy += da * db;
    sxx += da * da;
    syy += db * db;
  }
  if (sxx === 0 || syy === 0) return {r: NaN, p: NaN, n};
  // Rounding can push |r| a hair above 1; clamp as R's cor does.
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return {r, p: correlationPValue(r, n), n};
}

/**
 * Two-sided p-value of H0: ρ = 0 for a Pearson r from n observations (R `cor.test`).
 *
 * @example correlationPValue(0.8, 4) // 0.2
 */
export function correlationPValue(r: number, n: number): number {
  const df = n - 2;
  if (!(df > 0) || r !== r) return NaN;
  if (Math.abs(r) === 1) return 0;
  const t = r * Math.sqrt(df / (1 - r * r));
  return 2 * tcdf(-Math.abs(t), df);
}

/**
 * Correlation matrix of `variables`: r, p and n per cell, pairwise or listwise (see top of file).
 *
 * @example correlationMatrix({a, b, c}, ["a", "b", "c"], "pairwise").r[0][1] // r(a, b)
 */
export function correlationMatrix(
  columns: Record<string, Float64Array>,
  variables: string[],
  method: "pairwise" | "listwise",
  sample?: Uint8Array
): CorrelationMatrix {
  const cols = variables.map((v) => {
    const c = columns[v];
    if (!c) throw new Error(`correlationMatrix: no column "${v}"`);
    return c;
  });
  const mask = method === "listwise" ? completeCases(cols, sample) : sample;
  const k = cols.length;
  const r = square(k);
  const p = square(k);
  const n = square(k);
  for (let a = 0; a < k; a++) {
    let count = 0;
    for (let i = 0; i < cols[a].length; i++) if (cols[a][i] === cols[a][i] && (!mask || mask[i])) count++;
    r[a][a] = 1;
    p[a][a] = 0;
    n[a][a] = count;
    for (let b = a + 1; b < k; b++) {
      const c = pearson(cols[a], cols[b], mask);
      r[a][b] = r[b][a] = c.r;
      p[a][b] = p[b][a] = c.p;
      n[a][b] = n[b][a] = c.n;
    }
  }
  return {variables: [...variables], r, p, n};
}

function square(k: number): number[][] {
  return Array.from({length: k}, () => new Array<number>(k).fill(NaN));
}
