/** Lags by calendar time within id; panel index and duplicate detection. */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {assertIntegerTime, lagColumn, parseLag} from "../../../src/lib/engine/lag.ts";
import {panelIndex} from "../../../src/lib/engine/panel.ts";
import {UserError} from "../../../src/lib/errors.ts";

describe("parseLag", () => {
  it("parses L. and Lk.", () => {
    expect(parseLag("L.dstri")).toEqual({base: "dstri", k: 1});
    expect(parseLag("L2.dstri")).toEqual({base: "dstri", k: 2});
    expect(parseLag("dstri")).toBeNull();
    expect(() => parseLag("L0.x")).toThrow(UserError);
  });
  it("parses leads F. and Fk. as negative lags", () => {
    expect(parseLag("F.dstri")).toEqual({base: "dstri", k: -1});
    expect(parseLag("F3.dstri")).toEqual({base: "dstri", k: -3});
    expect(() => parseLag("F0.x")).toThrow(/lead term 'F0.x': the lead order must be a positive integer/);
  });
});

describe("lagColumn", () => {
  it("uses calendar time: a gap gives NaN, never the previous available row", () => {
    // Unsorted rows: id A years 2013, 2010, 2011; id B 2011, 2010.
    const id = factorize(["A", "A", "A", "B", "B"]);
    const time = Float64Array.of(2013, 2010, 2011, 2011, 2010);
    const x = Float64Array.of(3, 1, 2, 20, 10);
    const idx = panelIndex(id, time, "id", "year");
    expect(Array.from(lagColumn(x, time, idx, 1))).toEqual([NaN, NaN, 1, 10, NaN]);
    expect(Array.from(lagColumn(x, time, idx, 2))).toEqual([2, NaN, NaN, NaN, NaN]);
    expect(Array.from(lagColumn(x, time, idx, 3))).toEqual([1, NaN, NaN, NaN, NaN]);
  });
  it("leads use calendar time too: a gap gives NaN, never the next available row", () => {
    const id = factorize(["A", "A", "A", "B", "B"]);
    const time = Float64Array.of(2013, 2010, 2011, 2011, 2010);
    const x = Float64Array.of(3, 1, 2, 20, 10);
    const idx = panelIndex(id, time, "id", "year");
    expect(Array.from(lagColumn(x, time, idx, -1))).toEqual([NaN, 2, NaN, NaN, 20]);
    expect(Array.from(lagColumn(x, time, idx, -2))).toEqual([NaN, NaN, 3, NaN, NaN]);
    expect(Array.from(lagColumn(x, time, idx, -3))).toEqual([NaN, 3, NaN, NaN, NaN]);
  });
  it("a lead k of x at (i, t) is x at (i, t + k), on random unbalanced panels in any row order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({id: fc.integer({min: 0, max: 4}), t: fc.integer({min: 2000, max: 2012}), x: fc.double({noNaN: true, min: -1e6, max: 1e6})}), {minLength: 1, maxLength: 60}),
        fc.integer({min: 1, max: 5}),
        (rows, k) => {
          const seen = new Set<string>();
          const uniq = rows.filter((r) => !seen.has(`${r.id}:${r.t}`) && seen.add(`${r.id}:${r.t}`));
          const id = factorize(uniq.map((r) => `p${r.id}`));
          const time = Float64Array.from(uniq.map((r) => r.t));
          const x = Float64Array.from(uniq.map((r) => r.x));
          const idx = panelIndex(id, time, "id", "year");
          const lead = lagColumn(x, time, idx, -k);
          const lag = lagColumn(x, time, idx, k);
          uniq.forEach((r, i) => {
            const ahead = uniq.find((s) => s.id === r.id && s.t === r.t + k);
            const behind = uniq.find((s) => s.id === r.id && s.t === r.t - k);
            expect(lead[i]).toBe(ahead ? ahead.x : NaN);
            expect(lag[i]).toBe(behind ? behind.x : NaN);
          });
        }
      ),
      {numRuns: 300}
    );
  });
  it("propagates a missing x at t-1", () => {
    const id = factorize(["A", "A"]);
    const time = Float64Array.of(2010, 2011);
    const idx = panelIndex(id, time, "id", "year");
    expect(Array.from(lagColumn(Float64Array.of(NaN, 2), time, idx, 1))).toEqual([NaN, NaN]);
  });
  it("rejects non-integer time", () => {
    expect(() => assertIntegerTime(Float64Array.of(2010, 2010.5), "year")).toThrow(/row 2/);
  });
});

describe("panelIndex", () => {
  it("orders rows by id then time", () => {
    const idx = panelIndex(factorize(["B", "A", "B", "A"]), Float64Array.of(2, 5, 1, 3), "id", "t");
    expect(Array.from(idx.order)).toEqual([2, 0, 3, 1]);
    expect(Array.from(idx.start)).toEqual([0, 2, 4]);
  });
  it("rejects duplicate id-time rows naming both rows", () => {
    expect(() => panelIndex(factorize(["A", "B", "A"]), Float64Array.of(1, 1, 1), "country", "year")).toThrow(
      "rows 1 and 3 have the same country = A and year = 1 (duplicate id-time pair; lags and GMM need unique id-time pairs)"
    );
  });
  it("handles long blocks (> 64 periods)", () => {
    const n = 200;
    const time = Float64Array.from({length: n}, (_, i) => (i * 37) % n);
    const idx = panelIndex(factorize(new Array(n).fill("A")), time, "id", "t");
    for (let i = 1; i < n; i++) expect(time[idx.order[i]]).toBeGreaterThan(time[idx.order[i - 1]]);
  });
});
