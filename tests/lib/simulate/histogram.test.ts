// Histogram bins of the labs' live figures: every finite value counted once, in the right bin, common range.
import {describe, expect, it} from "vitest";
import {histogram} from "../../../src/lib/simulate/histogram.js";

describe("histogram", () => {
  it("counts each finite value once over the common range", () => {
    const h = histogram([[0, 1, 1, 2, NaN], [0.5, 1.5]], 2);
    expect([h.lo, h.hi]).toEqual([0, 2]);
    expect(h.counts).toEqual([[1, 3], [1, 1]]);
  });
  it("a constant series and an empty one", () => {
    expect(histogram([[3, 3]], 4)).toEqual({lo: 2.5, hi: 3.5, counts: [[0, 0, 2, 0]]});
    expect(histogram([[NaN]], 3).counts).toEqual([[0, 0, 0]]);
  });
  it("totals equal the finite values on random data", () => {
    const v = Array.from({length: 5000}, (_, i) => Math.sin(i) * 3);
    const h = histogram([v], 40);
    expect(h.counts[0].reduce((a, b) => a + b, 0)).toBe(5000);
  });
});
