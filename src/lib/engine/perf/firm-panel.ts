/**
 * Synthetic firm x partner x year panel for the firm-scale benchmark (deterministic: the project's
 * seeded RNG, src/lib/random/rng.ts). Each firm trades with a few partners (Zipf: a few dominate) over a
 * contiguous span of years (firms enter and leave). Row = (firm, partner, year), sorted by firm.
 * y = 0.5 x1 - 0.3 x2 + 0.2 x3 + a_firm + b_partner + g_year + e, regressors correlated with the effects.
 * Columns: firm, partner, year, pair (firm-partner id: unique with year, the panel id), y, x1, x2, x3.
 * Example: `firmPanel(5_000_000)` -> ~5M rows, ~100k firms, 60 partners, 10 years.
 */
import {createRng} from "../../random/rng.js";
import type {Frame} from "../types.js";

export function firmPanel(targetRows: number, seed = 2026): Frame {
  const rng = createRng(seed);
  const P = 60;
  const T = 10;
  const pw = new Float64Array(P);
  for (let p = 0; p < P; p++) pw[p] = (p ? pw[p - 1] : 0) + 1 / (p + 1);
  const b = Float64Array.from({length: P}, () => rng.normal());
  const g = Float64Array.from({length: T}, () => 0.3 * rng.normal());
  const pt = Float64Array.from({length: P * T}, () => rng.normal()); // partner-year shock (a DSTRI-like x1)
  const cap = Math.ceil(targetRows * 1.3) + 1000;
  const firm = new Float64Array(cap);
  const partner = new Float64Array(cap);
  const year = new Float64Array(cap);
  const pair = new Float64Array(cap);
  const y = new Float64Array(cap);
  const x1 = new Float64Array(cap);
  const x2 = new Float64Array(cap);
  const x3 = new Float64Array(cap);
  const seen = new Int32Array(P).fill(-1);
  let n = 0;
  let pairId = 0;
  for (let f = 0; n < targetRows; f++) {
    const a = rng.normal();
    const t0 = rng.uniform() < 0.4 ? 0 : rng.int(T);
    const t1 = rng.uniform() < 0.5 ? T - 1 : t0 + rng.int(T - t0);
    const k = 1 + Math.min(P - 1, Math.floor(-Math.log(1 - rng.uniform()) * 6));
    for (let j = 0; j < k; j++) {
      const u = rng.uniform() * pw[P - 1];
      let p = 0;
      while (pw[p] < u) p++;
      if (seen[p] === f) continue;
      seen[p] = f;
      pairId++;
      for (let t = t0; t <= t1 && n < cap; t++) {
        firm[n] = f;
        partner[n] = p;
        year[n] = 2015 + t;
        pair[n] = pairId;
        const v1 = pt[p * T + t] + 0.3 * b[p] + rng.normal();
        const v2 = 0.5 * a + rng.normal();
        const v3 = 0.2 * g[t] + rng.normal();
        x1[n] = v1;
        x2[n] = v2;
        x3[n] = v3;
        y[n] = 0.5 * v1 - 0.3 * v2 + 0.2 * v3 + a + b[p] + g[t] + rng.normal();
        n++;
      }
    }
  }
  const cut = (c: Float64Array) => c.slice(0, n);
  return {nrows: n, columns: {firm: cut(firm), partner: cut(partner), year: cut(year), pair: cut(pair), y: cut(y), x1: cut(x1), x2: cut(x2), x3: cut(x3)}};
}
