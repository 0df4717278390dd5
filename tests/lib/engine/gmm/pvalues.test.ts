import chisqCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import {describe, expect, it} from "vitest";
import {chisqUpper, gammaQ, normalTwoSided} from "../../../../src/lib/engine/gmm/pvalues.js";

describe("p-values", () => {
  it("normal two-sided", () => {
    expect(normalTwoSided(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalTwoSided(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalTwoSided(0)).toBe(1);
  });
  it("gammaQ(1, x) = exp(-x)", () => {
    for (const x of [0.1, 1, 5, 30]) expect(Math.abs(gammaQ(1, x) / Math.exp(-x) - 1)).toBeLessThan(1e-13);
  });
  it("chi-square upper tail agrees with 1 - cdf where that is accurate", () => {
    for (const df of [1, 2, 6, 11, 17, 77, 94]) {
      for (const q of [0.5, 1, 1.5, 3]) {
        const x = df * q;
        expect(Math.abs(chisqUpper(x, df) - (1 - chisqCdf(x, df)))).toBeLessThan(1e-12);
      }
    }
  });
  it("keeps relative precision in the far tail: P(χ²_1 > 50) = 1.5375e-12", () => {
    // = 2 Φ(-sqrt(50))
    expect(Math.abs(chisqUpper(50, 1) / normalTwoSided(Math.sqrt(50)) - 1)).toBeLessThan(1e-10);
  });
  it("df <= 0 -> NaN", () => expect(chisqUpper(1, 0)).toBeNaN());
});
