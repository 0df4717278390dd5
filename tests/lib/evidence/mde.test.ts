/** Minimum detectable effect against R's qt (values computed with R 4.2: qt(0.975, df) + qt(0.8, df)), and the readings. */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {intervalSentence, minimumDetectableEffect, readInterval} from "../../../src/lib/evidence/mde.js";

describe("minimumDetectableEffect", () => {
  it("equals (qt(0.975, df) + qt(0.8, df)) x SE", () => {
    // R: qt(0.975, 41) + qt(0.8, 41) = 2.8700171300; qnorm(0.975) + qnorm(0.8) = 2.8015852181
    expect(minimumDetectableEffect(0.4251, 41)).toBeCloseTo(0.4251 * 2.87001713, 7);
    expect(minimumDetectableEffect(1, null)).toBeCloseTo(2.8015852, 6);
    expect(minimumDetectableEffect(0, 10)).toBeNaN();
    expect(minimumDetectableEffect(Number.NaN, 10)).toBeNaN();
  });
  it("grows with the SE and shrinks with the degrees of freedom", () => {
    fc.assert(
      fc.property(fc.double({min: 1e-6, max: 1e3, noNaN: true}), fc.integer({min: 2, max: 500}), (se, df) => {
        const m = minimumDetectableEffect(se, df);
        expect(m).toBeGreaterThan(2.8 * se);
        expect(minimumDetectableEffect(se, df + 1)).toBeLessThanOrEqual(m);
        expect(minimumDetectableEffect(2 * se, df)).toBeCloseTo(2 * m, 9);
      })
    );
  });
});

describe("readInterval and intervalSentence", () => {
  it("the study's headline: the paper's per-SD effect inside our interval", () => {
    expect(readInterval(-0.079, 0.066, -0.073)).toEqual({referenceInside: true, excludesZero: false, rulesOutReferenceSize: false});
    expect(readInterval(-0.05, -0.01, -0.2)).toEqual({referenceInside: false, excludesZero: true, rulesOutReferenceSize: true});
    expect(readInterval(-0.5, -0.01, -0.2).rulesOutReferenceSize).toBe(false);
    expect(readInterval(-0.01, 0.02, -0.2).rulesOutReferenceSize).toBe(true);
    const unit = {en: "per 0.084 of the index", zh: "每 0.084 指数"};
    const en = intervalSentence({lo: -0.079, hi: 0.066, reference: -0.073, mde: 0.1, unit}, "en");
    expect(en).toContain("lies inside it, so the open data cannot reject it");
    expect(en).toContain("This is imprecision, not evidence of no effect.");
    expect(en).not.toMatch(/not significant/i);
    const zh = intervalSentence({lo: -0.079, hi: 0.066, reference: -0.073, mde: 0.1, unit}, "zh");
    expect(zh).toContain("开放数据无法拒绝它");
    expect(zh).toContain("估计不精确");
    expect(zh).not.toMatch(/[A-Za-z]{4,}/);
  });
});
