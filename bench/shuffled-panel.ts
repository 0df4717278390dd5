/**
 * A firm x partner x year panel shaped like a customs extract (issue 22): ~50 rows per 2.5 firms... i.e.
 * `rows / 20` firms, 60 partners (Zipf: a few dominate), 15 years, each firm trading with a few partners over a
 * contiguous span of years (unbalanced), rows SHUFFLED (Fisher-Yates, seeded) and a TEXT pair id such as
 * "18342_7" (firm_partner), as users' files have them. Deterministic (the project's seeded RNG).
 * y = 0.5 x1 - 0.3 x2 + 0.2 x3 + 0.1 x4 + a_firm + b_partner + g_year + e; `v` = a non-negative flow for PPML
 * (exp of the same index times a log-normal error, zero in ~20% of the rows).
 * Columns: firm, partner, year (numbers), pair (text, dictionary-coded as dtb's reader gives it; `withPlainTextPair`
 * for one string per row), pair_num (the same id as a number), y, x1..x4, v.
 * Example: `shuffledPanel(1_000_000)` -> ~1M rows, 50,000 firms.
 */
import {attachDictionary} from "../src/lib/engine/frame.ts";
import {createRng} from "../src/lib/random/rng.ts";
import type {Frame} from "../src/lib/engine/types.ts";

export function shuffledPanel(targetRows: number, seed = 22): Frame {
  const rng = createRng(seed);
  const P = 60;
  const T = 15;
  const F = Math.max(10, Math.round(targetRows / 18.5));
  const pw = new Float64Array(P);
  for (let p = 0; p < P; p++) pw[p] = (p ? pw[p - 1] : 0) + 1 / (p + 1);
  const b = Float64Array.from({length: P}, () => rng.normal());
  const g = Float64Array.from({length: T}, () => 0.3 * rng.normal());
  const pt = Float64Array.from({length: P * T}, () => rng.normal());
  const cap = Math.ceil(targetRows * 1.5) + 1000;
  const cols = {firm: new Float64Array(cap), partner: new Float64Array(cap), year: new Float64Array(cap), pair_num: new Float64Array(cap), y: new Float64Array(cap), v: new Float64Array(cap), x1: new Float64Array(cap), x2: new Float64Array(cap), x3: new Float64Array(cap), x4: new Float64Array(cap)};
  const seen = new Int32Array(P).fill(-1);
  let n = 0;
  // Mean rows per firm ~20: ~2.2 partners x ~9 years.
  for (let f = 0; f < F && n < cap - T; f++) {
    const a = rng.normal();
    const t0 = rng.uniform() < 0.4 ? 0 : rng.int(T);
    const t1 = rng.uniform() < 0.5 ? T - 1 : t0 + rng.int(T - t0);
    const k = 1 + Math.min(P - 1, Math.floor(-Math.log(1 - rng.uniform()) * 2.2));
    for (let j = 0; j < k; j++) {
      const u = rng.uniform() * pw[P - 1];
      let p = 0;
      while (pw[p] < u) p++;
      if (seen[p] === f) continue;
      seen[p] = f;
      for (let t = t0; t <= t1 && n < cap; t++) {
        if (rng.uniform() < 0.1) continue; // gaps
        const x1 = pt[p * T + t] + 0.3 * b[p] + rng.normal();
        const x2 = 0.5 * a + rng.normal();
        const x3 = 0.2 * g[t] + rng.normal();
        const x4 = rng.normal();
        const idx = 0.5 * x1 - 0.3 * x2 + 0.2 * x3 + 0.1 * x4;
        cols.firm[n] = f;
        cols.partner[n] = p;
        cols.year[n] = 2008 + t;
        cols.pair_num[n] = f * 100 + p;
        cols.x1[n] = x1;
        cols.x2[n] = x2;
        cols.x3[n] = x3;
        cols.x4[n] = x4;
        cols.y[n] = idx + a + b[p] + g[t] + rng.normal();
        cols.v[n] = rng.uniform() < 0.2 ? 0 : Math.exp(0.2 * idx + 0.5 * a + 0.5 * b[p] + g[t] + 0.5 * rng.normal());
        n++;
      }
    }
  }
  // Shuffle the rows.
  const order = Int32Array.from({length: n}, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const columns: Frame["columns"] = {};
  for (const [name, c] of Object.entries(cols)) {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = c[order[r]];
    columns[name] = out;
  }
  columns.pair = pairColumn(columns.pair_num as Float64Array);
  return {nrows: n, columns};
}

/**
 * The text pair id as `dtb` hands it to the engine after reading a file (loaders/duck-read: DuckDB's strings coded
 * into a dictionary as they are read): one string per distinct id, shared by its rows, with its codes attached
 * (frame.ts `attachDictionary`), so the engine never hashes a string per row.
 */
export function pairColumn(pn: Float64Array): string[] {
  const seen = new Map<number, number>();
  const levels: string[] = [];
  const codes = new Int32Array(pn.length);
  for (let r = 0; r < pn.length; r++) {
    let c = seen.get(pn[r]);
    if (c === undefined) {
      c = levels.push(`${Math.floor(pn[r] / 100)}_${pn[r] % 100}`) - 1;
      seen.set(pn[r], c);
    }
    codes[r] = c;
  }
  const column = Array.from(codes, (c) => levels[c]);
  attachDictionary(column, codes, levels.slice());
  return column;
}

/**
 * The same frame with its pair id as one freshly made JavaScript string per row and no codes (what a reader that
 * does not code text gives, e.g. the browser's CSV reader): the engine then codes the strings itself.
 */
export function withPlainTextPair(frame: Frame): Frame {
  const pair = (frame.columns.pair as string[]).map((s) => s.split("_").join("_"));
  return {nrows: frame.nrows, columns: {...frame.columns, pair}};
}
