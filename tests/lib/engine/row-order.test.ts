/**
 * Row order and id type do not change estimates (issue 22): the same firm x partner x year panel sorted by firm,
 * shuffled, and shuffled with text ids gives the same numbers to 1e-12 (relative) for OLS with 1-3 fixed effects
 * (iid, hetero, one- and two-way clustered) and PPML with 2 and 3 fixed effects. The panel has more rows than
 * prepare.ts BLOCK_MIN_ROWS, so the engine reorders the shuffled rows internally (the path under test); a small
 * panel (never reordered) is checked too.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {BLOCK_MIN_ROWS, blockRows} from "../../../src/lib/engine/prepare.js";
import type {Frame, Result, Spec} from "../../../src/lib/engine/types.js";
import {createRng} from "../../../src/lib/random/rng.js";

/** Firm x partner x year panel sorted by firm, with gaps; y for OLS, v >= 0 (with zeros) for PPML. */
function panel(firms: number, seed: number): Frame {
  const rng = createRng(seed);
  const P = 12;
  const T = 8;
  const b = Float64Array.from({length: P}, () => rng.normal());
  const g = Float64Array.from({length: T}, () => 0.3 * rng.normal());
  const cols: Record<string, number[]> = {firm: [], partner: [], year: [], y: [], v: [], x1: [], x2: [], x3: []};
  for (let f = 0; f < firms; f++) {
    const a = rng.normal();
    const k = 1 + rng.int(4);
    const used = new Set<number>();
    for (let j = 0; j < k; j++) {
      const p = rng.int(P);
      if (used.has(p)) continue;
      used.add(p);
      for (let t = 0; t < T; t++) {
        if (rng.uniform() < 0.15) continue;
        const x1 = b[p] + rng.normal();
        const x2 = 0.5 * a + rng.normal();
        const x3 = g[t] + rng.normal();
        const idx = 0.5 * x1 - 0.3 * x2 + 0.2 * x3;
        cols.firm.push(f);
        cols.partner.push(p);
        cols.year.push(2010 + t);
        cols.x1.push(x1);
        cols.x2.push(x2);
        cols.x3.push(x3);
        cols.y.push(idx + a + b[p] + g[t] + rng.normal());
        cols.v.push(rng.uniform() < 0.2 ? 0 : Math.exp(0.3 * idx + 0.5 * a + 0.5 * b[p] + g[t] + 0.5 * rng.normal()));
      }
    }
  }
  const n = cols.firm.length;
  const columns: Frame["columns"] = {};
  for (const [k, v] of Object.entries(cols)) columns[k] = Float64Array.from(v);
  const firm = columns.firm as Float64Array;
  const partner = columns.partner as Float64Array;
  columns.pair = Float64Array.from({length: n}, (_, i) => firm[i] * 100 + partner[i]);
  return {nrows: n, columns};
}

/** The frame's rows in a seeded random order; `text`: firm, partner and pair as text ids ("18342_7"). */
function shuffled(frame: Frame, seed: number, text: boolean): Frame {
  const rng = createRng(seed);
  const n = frame.nrows;
  const order = Int32Array.from({length: n}, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const columns: Frame["columns"] = {};
  for (const [k, c] of Object.entries(frame.columns)) columns[k] = Float64Array.from(order, (r) => (c as Float64Array)[r]);
  if (text) {
    const firm = columns.firm as Float64Array;
    const partner = columns.partner as Float64Array;
    columns.pair = Array.from(firm, (f, i) => `${f}_${partner[i]}`);
    columns.firm = Array.from(firm, (f) => `F${f}`);
    columns.partner = Array.from(partner, (p) => `P-${p}`);
  }
  return {nrows: n, columns};
}

function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/**
 * Largest difference over every number of the two results that should agree: relative for coefficients, SEs,
 * t, the vcov and fit statistics; absolute for p-values (probabilities: a p of 1e-94 differs relatively by
 * about t^2 times the t statistic's rounding, a meaningless digit).
 */
function worstDiff(a: Result, b: Result): number {
  expect(a.terms).toEqual(b.terms);
  expect(a.nobs).toBe(b.nobs);
  expect(a.n_groups).toBe(b.n_groups);
  expect(a.notes).toEqual(b.notes);
  let w = 0;
  for (const key of ["coef", "se", "tstat"] as const) a[key].forEach((v, i) => (w = Math.max(w, relDiff(v, b[key][i]))));
  a.pvalue.forEach((p, i) => (w = Math.max(w, Math.abs(p - b.pvalue[i]))));
  a.vcov.forEach((row, i) => row.forEach((v, j) => (w = Math.max(w, relDiff(v, b.vcov[i][j])))));
  for (const key of ["r2", "adj_r2", "r2_within", "adj_r2_within", "ssr", "deviance", "null_deviance", "loglik", "pseudo_r2"] as const) {
    const x = a[key];
    const y = b[key];
    if (typeof x === "number" && typeof y === "number") w = Math.max(w, relDiff(x, y));
    else expect(x).toEqual(y);
  }
  return w;
}

const base = {time: "year", y: "y", x: ["x1", "x2", "x3"]};
const SPECS: Array<[string, Spec]> = [
  ["OLS 1 FE, clustered", {...base, id: "pair", fe: ["firm"], vcov: {cluster: ["firm"]}} as Spec],
  ["OLS 2 FE (firm + year), clustered", {...base, id: "pair", fe: ["firm", "year"], vcov: {cluster: ["firm"]}} as Spec],
  ["OLS 2 FE (firm + partner), hetero", {...base, id: "pair", fe: ["firm", "partner"], vcov: "hetero"} as Spec],
  ["OLS 3 FE, clustered by firm", {...base, id: "pair", fe: ["firm", "partner", "year"], vcov: {cluster: ["firm"]}} as Spec],
  ["OLS 3 FE, two-way clustered, iid-free", {...base, id: "pair", fe: ["firm", "partner", "year"], vcov: {cluster: ["firm", "partner"]}} as Spec],
  ["OLS 3 FE with partner^year, clustered", {...base, id: "pair", fe: ["firm", "partner^year"], vcov: {cluster: ["firm"]}} as Spec],
  ["PPML 2 FE, clustered", {time: "year", y: "v", x: ["x1", "x2"], id: "pair", fe: ["firm", "year"], vcov: {cluster: ["firm"]}, estimator: "ppml"} as Spec],
  ["PPML 3 FE, clustered", {time: "year", y: "v", x: ["x1", "x2"], id: "pair", fe: ["firm", "partner", "year"], vcov: {cluster: ["firm"]}, estimator: "ppml"} as Spec]
];

describe("estimates do not depend on row order or id type", () => {
  const big = panel(9000, 7);
  const variants = {sorted: big, shuffled: shuffled(big, 11, false), "shuffled, text ids": shuffled(big, 11, true)};

  it("the test panel is large enough to be reordered internally, and is reordered only when shuffled", () => {
    expect(big.nrows).toBeGreaterThan(BLOCK_MIN_ROWS);
    const all = Int32Array.from({length: big.nrows}, (_, i) => i);
    const codes = (f: Frame) => {
      const firm = f.columns.firm as Float64Array;
      return {codes: Int32Array.from(firm), nlevels: 9000};
    };
    expect(blockRows(all, codes(big))).toBeNull();
    const perm = blockRows(all, codes(variants.shuffled));
    expect(perm).not.toBeNull();
    // Blocked: each firm's rows contiguous, rows within a firm in their original order.
    const firm = variants.shuffled.columns.firm as Float64Array;
    const seen = new Set<number>();
    for (let r = 0; r < perm!.length; r++) {
      const f = firm[perm![r]];
      if (r > 0 && f !== firm[perm![r - 1]]) {
        expect(seen.has(f)).toBe(false);
        seen.add(firm[perm![r - 1]]);
      }
      if (r > 0 && f === firm[perm![r - 1]]) expect(perm![r]).toBeGreaterThan(perm![r - 1]);
    }
  });

  for (const [label, spec] of SPECS) {
    it(`${label}: sorted = shuffled = shuffled with text ids (1e-12)`, () => {
      const ref = estimate(variants.sorted, spec);
      for (const [name, f] of Object.entries(variants)) {
        if (name === "sorted") continue;
        const w = worstDiff(estimate(f, spec), ref);
        expect(w, `${label}, ${name}`).toBeLessThanOrEqual(1e-12);
      }
    }, 60_000);
  }

  it("a small panel (not reordered) gives the same numbers in any order and with text ids (1e-12)", () => {
    const small = panel(300, 3);
    expect(small.nrows).toBeLessThan(BLOCK_MIN_ROWS);
    for (const [, spec] of SPECS) {
      const ref = estimate(small, spec);
      expect(worstDiff(estimate(shuffled(small, 5, false), spec), ref)).toBeLessThanOrEqual(1e-12);
      expect(worstDiff(estimate(shuffled(small, 5, true), spec), ref)).toBeLessThanOrEqual(1e-12);
    }
  }, 60_000);
});
