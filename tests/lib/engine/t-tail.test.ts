import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {betaHalf, MAX_NU, twoSidedTInteger} from "../../../src/lib/engine/t-tail.ts";
import {pvalueT} from "../../../src/lib/engine/tdist.ts";
import {tcdf} from "../../../src/lib/vendor/stdlib-dists.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const stdlibP = (t: number, df: number) => 2 * tcdf(-Math.abs(t), df);

describe("two-sided Student t p-value for integer df (t-tail.ts)", () => {
  it("equals R's 2 * pt(-|t|, df) (R 4.x, printed to 17 digits)", () => {
    const cases: Array<[number, number, number]> = [
      [73.31, 29, 1.7751694317318961e-34],
      [0.5, 3, 6.5144796484815104e-1],
      [2.045, 29, 5.002407592241169e-2],
      [6, 280, 6.0862046551939727e-9],
      [40, 999, 1.2426421196271845e-209]
    ];
    for (const [t, df, p] of cases) {
      expect(rel(twoSidedTInteger(t, df), p)).toBeLessThan(1e-12);
      expect(rel(twoSidedTInteger(-t, df), p)).toBeLessThan(1e-12);
    }
  });

  it("equals the closed forms for 1 and 2 df: (2/pi) atan(1/|t|) and 2 / (s (s + |t|)), s = sqrt(2 + t^2)", () => {
    for (let e = -6; e <= 6; e += 0.01) {
      const t = 10 ** e;
      expect(rel(twoSidedTInteger(t, 1), (2 / Math.PI) * Math.atan(1 / t))).toBeLessThan(1e-14);
      const s = Math.sqrt(2 + t * t);
      expect(rel(twoSidedTInteger(t, 2), 2 / (s * (s + t)))).toBeLessThan(1e-14);
    }
  });

  it("agrees with @stdlib's t CDF to 1e-12 relative for every integer df up to MAX_NU, both tails", () => {
    let worst = 0;
    for (let df = 1; df <= MAX_NU; df += df < 60 ? 1 : 7) {
      for (let e = -2; e <= 2.4; e += 0.05) {
        const t = 10 ** e;
        const q = stdlibP(t, df);
        if (q < 1e-290) continue;
        worst = Math.max(worst, rel(twoSidedTInteger(t, df), q));
      }
    }
    expect(worst).toBeGreaterThan(0); // a different algorithm: not a copy of the same numbers
    expect(worst).toBeLessThan(1e-12);
  });

  it("B(nu/2, 1/2): pi, 2, pi/2, and the same bits whatever was cached before", () => {
    expect(betaHalf(1)).toBe(Math.PI);
    expect(betaHalf(2)).toBe(2);
    expect(rel(betaHalf(3), Math.PI / 2)).toBeLessThan(1e-15);
    // Straight chain from B(1/2, 1/2) = pi, the recurrence B(a + 1, 1/2) = B(a, 1/2) a / (a + 1/2).
    let B = Math.PI;
    for (let v = 1; v < 301; v += 2) B = (B * (v / 2)) / (v / 2 + 0.5);
    betaHalf(151);
    expect(betaHalf(301)).toBe(B);
  });

  it("edges: 1 at t = 0, 0 at |t| = Infinity, NaN for NaN", () => {
    expect(twoSidedTInteger(0, 5)).toBe(1);
    expect(twoSidedTInteger(Infinity, 5)).toBe(0);
    expect(twoSidedTInteger(-Infinity, 5)).toBe(0);
    expect(twoSidedTInteger(NaN, 5)).toBeNaN();
  });

  it("is a probability, symmetric in t and decreasing in |t| (property)", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 1e3, noNaN: true}), fc.double({min: 0, max: 1e3, noNaN: true}), fc.integer({min: 1, max: MAX_NU}), (a, b, df) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = twoSidedTInteger(lo, df);
        const pHi = twoSidedTInteger(hi, df);
        return pLo >= 0 && pLo <= 1 && pHi <= pLo * (1 + 1e-12) && twoSidedTInteger(-lo, df) === pLo;
      })
    );
  });

  it("pvalueT uses it for integer df <= MAX_NU and @stdlib otherwise", () => {
    expect(pvalueT(2.1, 40)).toBe(twoSidedTInteger(2.1, 40));
    expect(pvalueT(2.1, MAX_NU + 1)).toBe(stdlibP(2.1, MAX_NU + 1));
    expect(pvalueT(2.1, 40.5)).toBe(stdlibP(2.1, 40.5));
    expect(pvalueT(2.1, 0)).toBeNaN();
  });
});
