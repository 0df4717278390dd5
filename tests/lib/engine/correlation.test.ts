import {describe, expect, it} from "vitest";
import {describeWithSharedReference} from "../../helpers/shared.ts";
import {correlationMatrix, correlationPValue, pearson} from "../../../src/lib/engine/correlation.js";
import {CONTROLS, expectedOf, FIXTURE_NAMES, fixtureColumns, relClose} from "../table/fixture-helpers.js";

describe("pearson", () => {
  it("matches the hand-computed example", () => {
    const c = pearson(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 3, 2, 4]));
    expect(c.n).toBe(4);
    expect(c.r).toBeCloseTo(0.8, 14);
    // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)) -> p = 0.2 exactly.
    expect(c.p).toBeCloseTo(0.2, 12);
  });
  it("uses pairwise-complete rows and gives NaN for a constant variable", () => {
    const c = pearson(new Float64Array([1, NaN, 3, 4, 5]), new Float64Array([2, 1, NaN, 8, 10]));
    expect(c.n).toBe(3);
    expect(pearson(new Float64Array([1, 1, 1]), new Float64Array([1, 2, 3])).r).toBeNaN();
  });
  it("p is 0 for perfect correlation and NaN for n < 3", () => {
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(0.5, 2)).toBeNaN();
  });
});

describeWithSharedReference("correlations vs R cor.test on the shared fixtures", () => {
  describe.each(FIXTURE_NAMES)("correlations vs R cor.test on %s", (name) => {
    const expected = expectedOf(name).correlations;
    const cols = fixtureColumns(name);
    for (const method of ["pairwise", "listwise"] as const) {
      it(method, () => {
        const want = expected[method];
        const got = correlationMatrix(cols, want.variables, method);
        expect(got.variables).toEqual(want.variables);
        expect(got.n).toEqual(want.n);
        const k = want.variables.length;
        let worstP = 0;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            expect(relClose(got.r[a][b], want.r[a][b]), `r[${a}][${b}] ${got.r[a][b]} vs ${want.r[a][b]}`).toBe(true);
            // p-values down to ~1e-70: compared relatively (they carry 15 significant digits in the JSON).
            expect(relClose(got.p[a][b], want.p[a][b]), `p[${a}][${b}] ${got.p[a][b]} vs ${want.p[a][b]}`).toBe(true);
            if (want.p[a][b] > 0) worstP = Math.max(worstP, Math.abs(got.p[a][b] / want.p[a][b] - 1));
          }
        }
        expect(worstP).toBeLessThan(1e-8);
      });
    }
    it("listwise uses the complete cases of y, x and controls", () => {
      const got = correlationMatrix(cols, ["y", "dstri", ...CONTROLS], "listwise");
      expect(got.n[0][1]).toBe(expectedOf(name).descriptives.estimation_sample_n);
    });
  });
});
