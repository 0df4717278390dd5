// Monte Carlo summaries and their standard errors, on hand-computable draws.
import {describe, expect, it} from "vitest";
import {summarize} from "../../../src/lib/simulate/summary.js";

describe("summarize", () => {
  it("mean, bias, SD, RMSE, coverage, rejection and their MC SEs", () => {
    const s = summarize({est: [1, 2, 3, 4], cover: {iid: [1, 0, 1, 1]}, reject: [0, 0, 1, 1]}, 2);
    expect(s.mean).toBe(2.5);
    expect(s.bias).toBe(0.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.rmse).toBeCloseTo(Math.sqrt((1 + 0 + 1 + 4) / 4), 14);
    expect(s.mc_se.mean).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
    expect(s.mc_se.sd).toBeCloseTo(Math.sqrt(5 / 3) / Math.sqrt(6), 14);
    // squared errors 1, 0, 1, 4: mean 1.5, sample SD sqrt(9/3); mc_se = SD / (2 RMSE sqrt(R))
    expect(s.mc_se.rmse).toBeCloseTo(Math.sqrt(3) / (2 * Math.sqrt(1.5) * 2), 14);
    expect(s.coverage).toEqual({iid: 0.75});
    expect(s.mc_se.coverage!.iid).toBeCloseTo(Math.sqrt(0.75 * 0.25 / 4), 14);
    expect(s.rejection_rate).toBe(0.5);
    expect(Object.keys(s).slice(0, 7)).toEqual(["mean", "bias", "sd", "rmse", "mc_se", "coverage", "rejection_rate"]);
  });
  it("leaves failed (non-finite) replications out and counts them", () => {
    const s = summarize({est: [1, NaN, 3], cover: {}}, 2);
    expect(s.mean).toBe(2);
    expect(s.failed).toBe(1);
    expect(s.coverage).toBeUndefined();
    expect(s.rejection_rate).toBeUndefined();
  });
});
