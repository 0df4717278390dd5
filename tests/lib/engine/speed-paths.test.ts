/**
 * The fast paths of the engine give exactly the same bits as the plain ones: blocked (sorted by id)
 * two-way and one-way demeaning, sort-free duplicate check, run-cached factorisation; the
 * cache-blocked cross-products (four partial sums per block) agree with plain loops to 1e-12.
 */
import {describe, expect, it} from "vitest";
import {demean, demeanIterative, demeanTwoExact} from "../../../src/lib/engine/demean.ts";
import {allFinite, assertNoInfinite, factorize} from "../../../src/lib/engine/frame.ts";
import {crossprod, crossvec, dot4, sumSquares} from "../../../src/lib/engine/ols.ts";
import {assertPanel, panelIndex} from "../../../src/lib/engine/panel.ts";
import {syntheticPanel} from "../../../src/lib/engine/perf/synthetic.ts";

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe("fast paths are bit-identical", () => {
  const p = syntheticPanel(300, 20, 0.9, 3);
  const c = p.columns as Record<string, Float64Array>;
  const id = factorize(c.id);
  const yr = factorize(c.year);
  const cols = [c.y, c.x1, c.x2];

  it("two-way exact: blocked sweeps = row-order passes", () => {
    const a = demeanTwoExact(cols, id, yr)!;
    const b = demeanTwoExact(cols, id, yr, "rows")!;
    a.cols.forEach((col, j) => expect(sameBits(col, b.cols[j])).toBe(true));
    expect(a.redundancies).toBe(b.redundancies);
  });

  it("two-way exact: Schur complement from missing levels (mixed groups) = dense projection", () => {
    // Blocked ids of three kinds: nearly complete (missing-level path), sparse (direct path) and
    // with a repeated year (counts 2: direct path), plus one unsorted id (years out of order).
    const T = 12;
    const idc: number[] = [];
    const yc: number[] = [];
    for (let g = 0; g < 40; g++) {
      const years = g % 4 === 0 ? [0, 3, 5] : g % 4 === 1 ? [...Array(T).keys()].filter((t) => (t + g) % 5 !== 0) : g % 4 === 2 ? [1, 1, 2, 4, 6, 7, 8, 9] : [...Array(T).keys()].reverse().slice(0, 9);
      for (const t of years) {
        idc.push(g);
        yc.push(t);
      }
    }
    const v = Float64Array.from(idc, (g, i) => Math.sin(3 * i + g) + 0.1 * yc[i] * yc[i]);
    const feId = {codes: Int32Array.from(idc), nlevels: 40};
    const feYr = {codes: Int32Array.from(yc), nlevels: T};
    const r = demeanTwoExact([v], feId, feYr)!;
    const rows = demeanTwoExact([v], feId, feYr, "rows")!;
    expect(sameBits(r.cols[0], rows.cols[0])).toBe(true);
    const it = demeanIterative([v], [feId, feYr]);
    let m = 0;
    for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(r.cols[0][i] - it.cols[0][i]));
    expect(m).toBeLessThan(1e-11);
  });

  it("one-way: blocked = generic (rows shuffled between ids keep the generic path exact)", () => {
    const a = demean(cols, [id]);
    // Same data with id codes relabelled in reverse: not blocked, generic path.
    const rev = {codes: id.codes.map((g) => id.nlevels - 1 - g), nlevels: id.nlevels};
    const b = demean(cols, [rev]);
    a.cols.forEach((col, j) => expect(sameBits(col, b.cols[j])).toBe(true));
  });

  // Cross-products sum four interleaved partial sums per cache block (dot4): they agree with plain
  // loops to rounding (no longer bit for bit), and are symmetric exactly.
  it("cross-products over several cache blocks = plain loops (to 1e-12 relative)", () => {
    const X = [c.x1, c.x2, c.x3];
    const A = crossprod(X);
    const v = crossvec(X, c.y);
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    for (let i = 0; i < 3; i++) {
      let sy = 0;
      let sa = 0;
      for (let r = 0; r < c.y.length; r++) {
        sy += X[i][r] * c.y[r];
        sa += Math.abs(X[i][r] * c.y[r]);
      }
      expect(Math.abs(v[i] - sy) / sa).toBeLessThan(1e-12);
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let r = 0; r < c.y.length; r++) s += X[i][r] * X[j][r];
        expect(rel(A[i * 3 + j], s)).toBeLessThan(1e-12);
        expect(Object.is(A[i * 3 + j], A[j * 3 + i])).toBe(true);
      }
    }
    const short = Float64Array.of(1, 2, 3, 4, 5, 6, 7);
    expect(sumSquares([short])[0]).toBe(140);
    expect(dot4(short, short, 2, 7)).toBe(135);
  });

  it("duplicate check: same message as the sorted index", () => {
    const idF = factorize(["A", "B", "A", "B"]);
    const time = Float64Array.of(1, 1, 2, 1);
    const t = factorize(time);
    expect(() => panelIndex(idF, time, "id", "t")).toThrow("rows 2 and 4 have the same id = B and t = 1");
    expect(() => assertPanel(idF, t.codes, t.nlevels, time, "id", "t")).toThrow("rows 2 and 4 have the same id = B and t = 1");
    const ok = Float64Array.of(1, 1, 2, 2);
    const tk = factorize(ok);
    expect(() => assertPanel(idF, tk.codes, tk.nlevels, ok, "id", "t")).not.toThrow();
    const miss = Float64Array.of(1, NaN, 1, 2);
    const tm = factorize(miss);
    expect(() => assertPanel(idF, tm.codes, tm.nlevels, miss, "id", "t")).toThrow("time column 't' is missing at row 2");
  });

  it("allFinite screen: NaN and infinities anywhere (also in the tail of a 4-way unrolled loop)", () => {
    expect(allFinite(Float64Array.of(1, -0, 3, 4, 5))).toBe(true);
    expect(allFinite(new Float64Array(0))).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity])
      for (let pos = 0; pos < 7; pos++) {
        const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7);
        x[pos] = bad;
        expect(allFinite(x)).toBe(false);
      }
    expect(() => assertNoInfinite(Float64Array.of(1, NaN, -Infinity), "x")).toThrow("infinite value at row 3");
  });

  it("factorize: runs of equal values keep first-appearance codes", () => {
    expect(Array.from(factorize(["b", "b", "a", "b", null, "a", "a"]).codes)).toEqual([0, 0, 1, 0, -1, 1, 1]);
    expect(Array.from(factorize(Float64Array.of(0.5, 0.5, 2.5, 0.5, NaN, 2.5)).codes)).toEqual([0, 0, 1, 0, -1, 1]);
  });
});
