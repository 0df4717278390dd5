/** The variance decomposition (issue #21): exact ANOVA shares on a balanced grid, adding to 100%. */
import {describe, expect, it} from "vitest";
import {emptyResult} from "../../../src/lib/multiverse/batch.ts";
import {expandGrid, validateGrid} from "../../../src/lib/multiverse/grid.ts";
import {varianceDecomposition} from "../../../src/lib/multiverse/variance.ts";

describe("varianceDecomposition", () => {
  it("a balanced 2 x 3 x 2 grid with a known interaction: main, two-way and remainder shares exact", () => {
    const g = validateGrid({id: "iso3", time: "year", y: ["y"], key: ["k1", "k2"], fe: [[], ["iso3"], ["year"]], vcov: ["iid", "hetero"]});
    const c = expandGrid(g);
    expect(c.n).toBe(12);
    const r = emptyResult(c.n);
    // estimate = key effect (±1) + fe effect (0, 2, 4) + key×fe interaction (+1 only for key 1, fe 2) ; vcov no effect,
    // plus a three-way bit on one cell that only the remainder can hold.
    for (let i = 0; i < c.n; i++) {
      const k = c.idx.key[i], f = c.idx.fe[i], v = c.idx.vcov[i];
      r.coef[i] = (k ? 1 : -1) + 2 * f + (k === 1 && f === 2 ? 1 : 0) + (k === 1 && f === 2 && v === 1 ? 0.5 : 0);
      r.ok[i] = 1;
    }
    const all = Array.from({length: c.n}, (_, i) => i);
    const d = varianceDecomposition(g, c, r, all);
    // By hand: cell means and sums of squares of the 12 values.
    const y = Array.from(r.coef);
    const mean = y.reduce((a, b) => a + b) / 12;
    const tss = y.reduce((a, b) => a + (b - mean) ** 2, 0);
    const groupSs = (key: (i: number) => string) => {
      const m = new Map<string, number[]>();
      all.forEach((i) => (m.get(key(i)) ?? m.set(key(i), []).get(key(i))!).push(y[i]));
      let ss = 0;
      for (const v of m.values()) ss += v.length * (v.reduce((a, b) => a + b) / v.length - mean) ** 2;
      return ss;
    };
    const ssK = groupSs((i) => `${c.idx.key[i]}`), ssF = groupSs((i) => `${c.idx.fe[i]}`), ssV = groupSs((i) => `${c.idx.vcov[i]}`);
    const ssKF = groupSs((i) => `${c.idx.key[i]},${c.idx.fe[i]}`) - ssK - ssF;
    const ssKV = groupSs((i) => `${c.idx.key[i]},${c.idx.vcov[i]}`) - ssK - ssV;
    const ssFV = groupSs((i) => `${c.idx.fe[i]},${c.idx.vcov[i]}`) - ssF - ssV;
    const get = (id: string) => [...d.main, ...d.pairs].find((t) => t.id === id)!.share;
    expect(get("key")).toBeCloseTo(ssK / tss, 14);
    expect(get("fe")).toBeCloseTo(ssF / tss, 14);
    expect(get("vcov")).toBeCloseTo(ssV / tss, 14);
    expect(get("key×fe")).toBeCloseTo(ssKF / tss, 14);
    expect(get("key×vcov")).toBeCloseTo(ssKV / tss, 14);
    expect(get("fe×vcov")).toBeCloseTo(ssFV / tss, 14);
    expect(get("key×fe")).toBeGreaterThan(0.005);
    expect(d.remainder).toBeGreaterThan(0);
    const total = d.main.reduce((s, t) => s + t.share, 0) + d.pairs.reduce((s, t) => s + t.share, 0) + d.remainder;
    expect(total).toBeCloseTo(1, 14);
    // Balanced design: every term is a sum of squares, never negative.
    for (const t of [...d.main, ...d.pairs]) expect(t.share).toBeGreaterThanOrEqual(-1e-14);
  });
  it("no variation: all shares 0", () => {
    const g = validateGrid({id: "iso3", time: "year", y: ["y"], key: ["k1", "k2"]});
    const c = expandGrid(g);
    const r = emptyResult(c.n);
    r.ok.fill(1);
    r.coef.fill(3);
    const d = varianceDecomposition(g, c, r, [0, 1]);
    expect(d.main.every((t) => t.share === 0)).toBe(true);
    expect(d.remainder).toBe(0);
  });
});
