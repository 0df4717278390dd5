import {describe, expect, it} from "vitest";
import {changes, ols, type ChangeInputRow} from "../../../src/lib/home/changes.js";

const row = (iso3: string, year: number, dstri: number, exports: number): ChangeInputRow =>
  ({iso3, country: iso3, country_zh: `${iso3}-zh`, year, dstri, exports_cn_usd: exports});

describe("home changes", () => {
  it("takes the first and last common years and computes each partner's changes", () => {
    const rows = [
      row("AAA", 2013, NaN, 50), // no DSTRI: not a common year
      row("AAA", 2014, 0.1, 100), row("AAA", 2017, 0.3, 150), row("AAA", 2020, 0.25, 200),
      row("BBB", 2014, 0.2, 10), row("BBB", 2020, 0.2, 5),
      row("CCC", 2014, 0.3, 10), row("CCC", 2020, 0.4, 0), // no exports in 2020: left out
      row("DDD", 2020, 0.1, 7)
    ];
    const c = changes(rows);
    expect([c.from, c.to]).toEqual([2014, 2020]);
    expect(c.points.map((p) => p.iso3)).toEqual(["AAA", "BBB"]);
    expect(c.points[0].dDstri).toBe(0.15);
    expect(c.points[0].dLnExport).toBeCloseTo(Math.log(2), 14);
    expect(c.points[1].dLnExport).toBeCloseTo(-Math.log(2), 14);
    expect(c.points[0].country_zh).toBe("AAA-zh");
  });
  it("gives no points on an empty panel", () => {
    expect(changes([]).points).toEqual([]);
  });
  it("fits y on x by least squares", () => {
    expect(ols([0, 1, 2], [1, 3, 5])).toEqual({slope: 2, intercept: 1});
    const f = ols([1, 2, 3, 4], [2, 1, 4, 3]);
    // By hand: Σ(x-x̄)(y-ȳ) = 4 × 0.75 = 3, Σ(x-x̄)² = 5, slope 0.6.
    expect(f.slope).toBeCloseTo(0.6, 15);
    expect(f.intercept).toBeCloseTo(2.5 - 0.6 * 2.5, 15);
    expect(Number.isNaN(ols([1, 1], [1, 2]).slope)).toBe(true);
  });
});
