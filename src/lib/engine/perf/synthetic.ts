/**
 * Synthetic unbalanced two-way panels for benchmarks (deterministic: seeded xorshift RNG + Box-Muller).
 * y = 0.5 x1 - 0.3 x2 + 0.2 x3 + 0.1 x4 + a_i + g_t + e; rows dropped at random (unbalanced panel).
 */
import type {Frame} from "../types.js";

/** xorshift32 uniform in (0, 1). Example: `const u = rng(42); u()`. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
}

/**
 * `nIds` x `nYears` grid with each cell kept with probability `keep`; numeric id and year columns.
 * Example: `syntheticPanel(20000, 50, 0.95)` -> ~950k rows.
 */
export function syntheticPanel(nIds: number, nYears: number, keep = 0.95, seed = 12345): Frame {
  const u = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const cap = nIds * nYears;
  const id = new Float64Array(cap);
  const year = new Float64Array(cap);
  const y = new Float64Array(cap);
  const xs = [0, 1, 2, 3].map(() => new Float64Array(cap));
  const alpha = Float64Array.from({length: nIds}, () => normal());
  const gamma = Float64Array.from({length: nYears}, () => normal());
  const beta = [0.5, -0.3, 0.2, 0.1];
  let n = 0;
  for (let i = 0; i < nIds; i++)
    for (let t = 0; t < nYears; t++) {
      if (u() > keep) continue;
      id[n] = i + 1;
      year[n] = 1970 + t;
      let v = alpha[i] + gamma[t] + normal();
      for (let j = 0; j < 4; j++) {
        const x = normal() + 0.5 * alpha[i] + 0.2 * gamma[t];
        xs[j][n] = x;
        v += beta[j] * x;
      }
      y[n] = v;
      n++;
    }
  return {
    nrows: n,
    columns: {
      id: id.slice(0, n),
      year: year.slice(0, n),
      y: y.slice(0, n),
      x1: xs[0].slice(0, n),
      x2: xs[1].slice(0, n),
      x3: xs[2].slice(0, n),
      x4: xs[3].slice(0, n)
    }
  };
}

/** Writes a Frame of numeric columns as CSV text (for the fixest comparison). */
export function frameToCsv(frame: Frame): string {
  const names = Object.keys(frame.columns);
  const cols = names.map((k) => frame.columns[k] as Float64Array);
  const lines: string[] = [names.join(",")];
  for (let r = 0; r < frame.nrows; r++) lines.push(cols.map((c) => c[r]).join(","));
  return lines.join("\n") + "\n";
}
