/**
 * The fast paths of the engine give exactly the same bits as the plain ones: blocked (sorted by id)
 * two-way and one-way demeaning, cache-blocked cross-products, sort-free duplicate check, run-cached
 * factorisation.
 */
import {describe, expect, it} from "vitest";
import {demean, demeanTwoExact} from "../../../src/lib/engine/demean.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {crossprod, crossvec} from "../../../src/lib/engine/ols.ts";
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

  it("one-way: blocked = generic (rows shuffled between ids keep the generic path exact)", () => {
    const a = demean(cols, [id]);
    // Same data with id codes relabelled in reverse: not blocked, generic path.
    const rev = {codes: id.codes.map((g) => id.nlevels - 1 - g), nlevels: id.nlevels};
    const b = demean(cols, [rev]);
    a.cols.forEach((col, j) => expect(sameBits(col, b.cols[j])).toBe(true));
  });

  it("cross-products over several cache blocks = plain loops", () => {
    const X = [c.x1, c.x2, c.x3];
    const A = crossprod(X);
    const v = crossvec(X, c.y);
    for (let i = 0; i < 3; i++) {
      let sy = 0;
      for (let r = 0; r < c.y.length; r++) sy += X[i][r] * c.y[r];
      expect(Object.is(v[i], sy)).toBe(true);
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let r = 0; r < c.y.length; r++) s += X[i][r] * X[j][r];
        expect(Object.is(A[i * 3 + j], s)).toBe(true);
      }
    }
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

  it("factorize: runs of equal values keep first-appearance codes", () => {
    expect(Array.from(factorize(["b", "b", "a", "b", null, "a", "a"]).codes)).toEqual([0, 0, 1, 0, -1, 1, 1]);
    expect(Array.from(factorize(Float64Array.of(0.5, 0.5, 2.5, 0.5, NaN, 2.5)).codes)).toEqual([0, 0, 1, 0, -1, 1]);
  });
});
