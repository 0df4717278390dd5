/** The normal quantile behind Stouffer's Z (summary.ts): exact to double precision, tails included. */
import {describe, expect, it} from "vitest";
import {normalQuantile} from "../../../src/lib/multiverse/summary.ts";
import {normalCdf} from "../../../src/lib/vendor/stdlib-dists.js";

describe("normalQuantile", () => {
  it("inverts the normal CDF to ~1e-15 from 1e-300 to 1 - 1e-16, with known values and symmetry", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(NaN)).toBeNaN();
    const ps = [1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.49, 0.50018, 0.6, 0.9, 0.97575, 0.99];
    for (const p of ps) {
      const x = normalQuantile(p);
      expect(Math.abs(normalCdf(x, 0, 1) - p) / p).toBeLessThan(1e-13);
      if (p >= 1e-8) expect(normalQuantile(1 - p) + x).toBeCloseTo(0, 7);
    }
    // Upper tail: p close to 1 (q = 1 - p exactly representable), checked through the lower tail.
    for (const p of [1 - 2 ** -52, 1 - 2 ** -40, 1 - 2 ** -20]) expect(Math.abs(normalCdf(-normalQuantile(p), 0, 1) - (1 - p)) / (1 - p)).toBeLessThan(1e-12);
  });
});
