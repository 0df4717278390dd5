/**
 * The support page's per-area evidence line (src/lib/support/area-evidence.ts): the estimate and interval per 0.02
 * step are the area model's, scaled; an area moved in fewer than 5 partners is flagged; the caveats are there.
 */
import {describe, expect, it} from "vitest";
import {areaEvidenceSummary} from "../../../src/lib/support/area-evidence.ts";

describe("areaEvidenceSummary", () => {
  it("scales the estimate and interval to one 0.02 step and flags few changing partners", () => {
    const s = areaEvidenceSummary({area: "etrans", beta: -8.32, lo: -15.9, hi: -0.74, pvalue: 0.033, movers: 3, partners: 42});
    expect(s.estimate).toBeCloseTo(-8.32 * 0.02, 12);
    expect([s.lo, s.hi]).toEqual([-15.9 * 0.02, -0.74 * 0.02]);
    expect(s.few).toBe(true);
    expect(s.text.en).toContain("Identified by only 3 partners");
    expect(s.text.en).toContain("95% interval −0.318 to −0.015");
    expect(s.text.en).toContain("China's exports stand in for Zhejiang's");
    expect(s.text.en).toContain("An association, not an effect");
    expect(s.text.zh).toContain("仅由 3 个伙伴国识别");
    expect(s.text.zh).toContain("中国的出口只是浙江出口的替代");
  });

  it("says an interval that includes zero is imprecise, and does not flag an area most partners move", () => {
    const s = areaEvidenceSummary({area: "infra", beta: -0.5, lo: -2, hi: 1, pvalue: 0.5, movers: 25, partners: 42});
    expect(s.few).toBe(false);
    expect(s.text.en).toContain("which includes zero: imprecise, not evidence of no link");
    expect(s.text.en).not.toContain("Identified by only");
    expect(s.text.en).toContain("The score changed in 25 of 42 partners.");
  });
});
