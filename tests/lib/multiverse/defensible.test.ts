/** The defensible view's rule: partner effects, partner-clustered or Driscoll-Kraay errors, at least 10 partners. */
import {describe, expect, it} from "vitest";
import {isDefensible, MIN_PARTNERS, REASONS} from "../../../src/lib/multiverse/defensible.js";
import type {Spec} from "../../../src/lib/engine/types.js";

const base: Spec = {id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri"], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}};

describe("isDefensible", () => {
  it("keeps two-way or partner effects with partner-clustered (one- or two-way) or Driscoll-Kraay errors", () => {
    expect(isDefensible(base, 42)).toEqual({ok: true, reasons: []});
    expect(isDefensible({...base, fe: ["iso3"]}, 42).ok).toBe(true);
    expect(isDefensible({...base, vcov: {cluster: ["iso3", "year"]}}, 42).ok).toBe(true);
    expect(isDefensible({...base, vcov: "DK" as unknown as Spec["vcov"]}, 42).ok).toBe(true);
    expect(isDefensible({...base, vcov: {driscoll_kraay: {lag: 2}} as unknown as Spec["vcov"]}, 42).ok).toBe(true);
  });
  it("names every reason a specification is left out", () => {
    expect(isDefensible({...base, fe: []}, 42).reasons).toEqual(["pooled_or_time_effects_only"]);
    expect(isDefensible({...base, fe: ["year"], vcov: "hetero"}, 42).reasons).toEqual(["pooled_or_time_effects_only", "errors_ignore_persistence"]);
    expect(isDefensible({...base, vcov: "iid"}, 4).reasons).toEqual(["errors_ignore_persistence", "too_few_partners"]);
    expect(isDefensible({...base, vcov: {cluster: ["year"]}}, 42).reasons).toEqual(["errors_ignore_persistence"]);
    expect(isDefensible(base, MIN_PARTNERS - 1).reasons).toEqual(["too_few_partners"]);
    expect(isDefensible(base, MIN_PARTNERS).ok).toBe(true);
  });
  it("GMM keeps its own effects and variance; only the sample size counts", () => {
    const gmm: Spec = {...base, x: ["L.lnexport_cn", "L.dstri"], estimator: "gmm-sys", fe: [], vcov: "iid"};
    expect(isDefensible(gmm, 42).ok).toBe(true);
    expect(isDefensible(gmm, 4).reasons).toEqual(["too_few_partners"]);
  });
  it("every reason is written in both languages", () => {
    for (const r of Object.values(REASONS)) {
      expect(r.en.length).toBeGreaterThan(20);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
