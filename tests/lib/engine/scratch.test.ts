/**
 * The pool of working arrays (src/lib/engine/scratch.ts) and the estimation paths that use it: a reused
 * array never changes a result, input columns are never handed back, and the exact multi-way path gives
 * the same projection whether the rows come blocked by the large dimension or shuffled.
 */
import {afterEach, describe, expect, it} from "vitest";
import {demeanSchur} from "../../../src/lib/engine/demean-schur.js";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {factorize} from "../../../src/lib/engine/frame.js";
import {firmPanel} from "../../../src/lib/engine/perf/firm-panel.js";
import {recycle, setPooling, takeF64, takeI32} from "../../../src/lib/engine/scratch.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";
import {createRng} from "../../../src/lib/random/rng.js";

afterEach(() => setPooling(true));

describe("scratch pool", () => {
  it("hands a given-back array out again once, by type and length; small arrays are not pooled", () => {
    setPooling(true);
    const a = takeF64(1 << 17);
    recycle([a, a]);
    expect(takeI32(1 << 17)).not.toBe(a);
    expect(takeF64((1 << 17) + 1)).not.toBe(a);
    expect(takeF64(1 << 17)).toBe(a);
    expect(takeF64(1 << 17)).not.toBe(a);
    const small = takeF64(100);
    recycle([small]);
    expect(takeF64(100)).not.toBe(small);
  });
  it("off: every take is fresh", () => {
    setPooling(false);
    const a = takeF64(1 << 17);
    recycle([a]);
    expect(takeF64(1 << 17)).not.toBe(a);
  });
});

describe("estimation with reused arrays", () => {
  // ~80k rows (above the pooling threshold), three FE, some missing values (sample != all rows).
  const frame = firmPanel(80_000, 7);
  const y = frame.columns.y as Float64Array;
  for (let i = 5; i < y.length; i += 997) y[i] = NaN;
  const copies = Object.fromEntries(Object.entries(frame.columns).map(([k, v]) => [k, (v as Float64Array).slice()]));
  const specs: Spec[] = [
    {id: "pair", time: "year", y: "y", x: ["x1", "x2", "x3"], fe: ["firm", "partner", "year"], vcov: {cluster: ["firm"]}},
    {id: "pair", time: "year", y: "x1", x: ["x2", "x3"], fe: ["firm", "year"], vcov: "hetero"},
    {id: "pair", time: "year", y: "y", x: ["x1"], fe: ["firm"], vcov: "iid"},
    {id: "pair", time: "year", y: "y", x: ["x1", "x2"], fe: ["partner^year", "firm"], vcov: {cluster: ["firm", "partner"]}}
  ];
  it("repeated estimates equal fresh-array estimates bit for bit; inputs untouched", () => {
    setPooling(false);
    const fresh = specs.map((s) => estimate(frame, s));
    setPooling(true);
    for (let round = 0; round < 2; round++) {
      specs.forEach((s, j) => {
        const r = estimate(frame, s);
        expect(r.coef).toEqual(fresh[j].coef);
        expect(r.se).toEqual(fresh[j].se);
        expect(r.r2_within).toEqual(fresh[j].r2_within);
      });
    }
    for (const [k, v] of Object.entries(copies)) expect(frame.columns[k]).toEqual(v);
  });
});

describe("exact multi-way demeaning: blocked and shuffled rows", () => {
  it("gives the same projection (to rounding)", () => {
    const f = firmPanel(20_000, 11);
    const n = f.nrows;
    const perm = Int32Array.from({length: n}, (_, i) => i);
    const rng = createRng("shuffle");
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const shuffled: Frame = {nrows: n, columns: Object.fromEntries(Object.entries(f.columns).map(([k, v]) => [k, Float64Array.from(perm, (p) => (v as Float64Array)[p])]))};
    const dims = (fr: Frame) => ["firm", "partner", "year"].map((k) => factorize(fr.columns[k]));
    const a = demeanSchur([f.columns.y as Float64Array], dims(f))!;
    const b = demeanSchur([shuffled.columns.y as Float64Array], dims(shuffled))!;
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a.cols[0][perm[i]] - b.cols[0][i]));
    expect(worst).toBeLessThan(1e-11);
    expect(a.method).toBe("schur");
  });
});
