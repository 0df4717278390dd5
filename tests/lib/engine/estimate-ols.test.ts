/**
 * Every model of the three shared fixtures x every variance type, against fixest 0.12.1 numbers:
 * coef, se, t, p, df_t, vcov, nobs, n_groups, R2, adj R2, within R2, adj within R2 to 1e-8 relative.
 * Skipped on a bare clone; tests/lib/engine/project-fixtures.test.ts covers the same models and variances
 * (and two-way clustering) on the project's own fixtures.
 */
import {describe, expect, it} from "vitest";
import {describeWithSharedReference} from "../../helpers/shared.ts";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import type {Spec} from "../../../src/lib/engine/types.ts";
import {expectClose} from "../../helpers/close.ts";
import {readFixtureExpected, readFixtureFrame} from "../../helpers/fixtures.ts";

const FIXTURES = ["panel", "panel_unbalanced", "panel_dynamic"];
const VCOVS: Array<["iid" | "hc1" | "cluster", Spec["vcov"]]> = [
  ["iid", "iid"],
  ["hc1", "hetero"],
  ["cluster", {cluster: ["country"]}]
];
const CONTROLS = ["lngdp", "lnpopu", "gov", "urban"];

/** Spec of a fixture model id (ESTIMATION.md: (a) base/ctrl, (b) twfe, (c) _excl, (d) lag). */
export function specFor(id: string, vcov: Spec["vcov"]): Spec {
  const lag = id.includes("_lag_");
  const x = [lag ? "L.dstri" : "dstri", ...(id.includes("ctrl") ? CONTROLS : [])];
  return {
    id: "country",
    time: "year",
    y: "y",
    x,
    fe: id.startsWith("twfe") ? ["country", "year"] : [],
    vcov,
    ...(id.endsWith("_excl") ? {exclude: {year: [2020]}} : {})
  };
}

export const worst = {coef: 0, se: 0, p: 0, vcov: 0, fit: 0};

describeWithSharedReference("estimateOls vs fixest 0.12.1 on the shared fixtures", () => {
  describe.each(FIXTURES)("fixture %s", (name) => {
    const frame = readFixtureFrame(name);
    const expected = readFixtureExpected(name);
    const ids = Object.keys(expected.models);
    it("has the 12 models", () => expect(ids.length).toBe(12));
    for (const id of ids) {
      const m = expected.models[id];
      for (const [key, vcov] of VCOVS) {
        it(`${id} / ${key}`, () => {
          const r = estimateOls(frame, specFor(id, vcov));
          expect(r.terms).toEqual(m.terms);
          worst.coef = Math.max(worst.coef, expectClose(r.coef, m.coef, 1e-8, "coef"));
          worst.se = Math.max(worst.se, expectClose(r.se, m.se[key], 1e-8, "se"));
          expectClose(r.tstat, m.tstat[key], 1e-8, "tstat");
          worst.p = Math.max(worst.p, expectClose(r.pvalue, m.pvalue[key], 1e-8, "pvalue"));
          expect(r.df_t).toBe(m.df_t[key]);
          expect(r.info?.dof_K).toBe(m.dof_K[key]);
          worst.vcov = Math.max(worst.vcov, expectClose(r.vcov, m.vcov[key], 1e-8, "vcov", 1e-300));
          expect(r.nobs).toBe(m.sample.n_obs);
          expect(r.n_groups).toBe(m.sample.n_groups);
          expect(r.info?.n_periods).toBe(m.sample.n_periods);
          expect(r.info?.nparams).toBe(m.fit.nparams);
          const f = m.fit;
          worst.fit = Math.max(
            worst.fit,
            expectClose(r.r2, f.r2, 1e-8, "r2"),
            expectClose(r.adj_r2, f.adj_r2, 1e-8, "adj_r2"),
            expectClose(r.r2_within, f.within_r2, 1e-8, "r2_within"),
            expectClose(r.adj_r2_within, f.adj_within_r2, 1e-8, "adj_r2_within"),
            expectClose(r.ssr, f.ssr, 1e-8, "ssr"),
            expectClose(r.info?.tss, f.tss, 1e-8, "tss"),
            expectClose(r.info?.ssr_fe_only, f.ssr_fe_only, 1e-8, "ssr_fe_only"),
            expectClose(r.info?.sigma, f.sigma, 1e-8, "sigma")
          );
          if (key === "cluster") expect(r.info?.n_clusters).toBe(m.n_clusters);
        });
      }
    }
  });

  it("reports the worst relative errors", () => {
    console.log("max relative error vs fixest fixtures:", JSON.stringify(worst));
  });
});
