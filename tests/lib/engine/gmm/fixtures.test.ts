/**
 * estimateGmm vs plm 2.6-2 pgmm on the shared fixtures (3 panels x 4 variants).
 * Tolerance (relative): 1e-6 where plm inverted regular matrices, 1e-4 where plm used its
 * Moore-Penrose pseudo-inverse (fixture `warnings` non-empty): there the estimates depend on
 * the singular-value cut-off and on BLAS rounding (R itself on another machine differs by up
 * to ~1e-5 in SE). A p-value inherits the relative error of z times its condition number
 * κ(z) = |z| φ(z) / Φ(-|z|) (≈ z² for large |z|), so p is compared with tol · max(1, κ).
 */
import {afterAll, describe, expect, it} from "vitest";
import {estimateGmm} from "../../../../src/lib/engine/gmm/index.js";
import {NO_SHARED_REASON} from "../../../helpers/shared.ts";
import {haveFixtures, readFixtureFrame, readGmmExpected} from "./fixture-data.js";

if (!haveFixtures) console.info(`skipped: GMM vs the shared plm fixtures: ${NO_SHARED_REASON} (tests/lib/engine/gmm/project-fixtures.test.ts)`);

const PANELS = ["panel", "panel_unbalanced", "panel_dynamic"];
const VARIANTS = ["diff_gmm_ab_all_lags", "diff_gmm_ab_collapsed", "sys_gmm_bb_all_lags", "sys_gmm_bb_collapsed"];
const X = ["L.y", "L.dstri", "lngdp", "lnpopu", "gov", "urban"];

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
/** Condition number of the two-sided p-value p(z) = 2Φ(-|z|) with respect to z. */
const kappa = (z: number, p: number): number => Math.max(1, (Math.abs(z) * 2 * phi(z)) / p);

const maxErr: Record<string, number> = {};
const note = (variant: string, err: number) => {
  maxErr[variant] = Math.max(maxErr[variant] ?? 0, err);
};

describe.skipIf(!haveFixtures)("GMM vs plm::pgmm fixtures", () => {
  for (const panel of PANELS) {
    for (const variant of VARIANTS) {
      it(`${panel} / ${variant}`, () => {
        const e = readGmmExpected(panel)[variant];
        const tol = e.warnings.length > 0 ? 1e-4 : 1e-6;
        const r = estimateGmm(readFixtureFrame(panel), {
          id: "country",
          time: "year",
          y: "y",
          x: X,
          estimator: variant.startsWith("diff") ? "gmm-diff" : "gmm-sys",
          effect: "twoways",
          gmm: {instruments: "y", lags: [2, 99], collapse: variant.endsWith("collapsed")}
        });
        const info = r.info as {se_nonrobust: number[]; coef_onestep: number[]; wald: {statistic: number; df: number; pvalue: number}; time_effects: {terms: string[]; coef: number[]}};
        const check = (what: string, got: number, want: number, t = tol) => {
          const err = rel(got, want);
          note(`${panel}/${variant}`, err / t * tol);
          expect(err, `${what}: got ${got}, plm ${want}`).toBeLessThanOrEqual(t);
        };
        expect(r.terms).toEqual(X);
        expect(e.terms).toEqual(X);
        expect(r.nobs).toBe(e.n_obs_used);
        expect(r.n_groups).toBe(e.n_groups);
        expect(r.n_instruments).toBe(e.n_instruments);
        expect(r.df_t).toBeNull();
        expect(info.time_effects.terms).toEqual(e.time_dummy_terms);
        X.forEach((name, k) => {
          check(`coef ${name}`, r.coef[k], e.coef[k]);
          check(`se ${name}`, r.se[k], e.se_robust[k]);
          check(`z ${name}`, r.tstat[k], e.z_robust[k]);
          check(`p ${name}`, r.pvalue[k], e.p_robust[k], tol * kappa(e.z_robust[k], e.p_robust[k]));
          check(`se_nonrobust ${name}`, info.se_nonrobust[k], e.se_nonrobust[k]);
          check(`coef_onestep ${name}`, info.coef_onestep[k], e.coef_onestep[k]);
          expect(r.vcov[k][k]).toBeCloseTo(r.se[k] ** 2, 12);
        });
        info.time_effects.coef.forEach((c, k) => check(`time effect ${e.time_dummy_terms[k]}`, c, e.time_dummy_coef[k]));
        check("hansen statistic", r.hansen!.statistic, e.sargan_hansen.stat);
        expect(r.hansen!.df).toBe(e.sargan_hansen.df);
        check("hansen p", r.hansen!.pvalue, e.sargan_hansen.p);
        check("ar1 z", r.ar1!.statistic, e.ar1.z);
        check("ar1 p", r.ar1!.pvalue, e.ar1.p, tol * kappa(e.ar1.z, e.ar1.p));
        check("ar2 z", r.ar2!.statistic, e.ar2.z);
        check("ar2 p", r.ar2!.pvalue, e.ar2.p, tol * kappa(e.ar2.z, e.ar2.p));
        check("wald", info.wald.statistic, e.wald_coef.stat);
        expect(info.wald.df).toBe(e.wald_coef.df);
        check("wald p", info.wald.pvalue, e.wald_coef.p, tol * Math.max(1, e.wald_coef.stat / 2));
        // plm warns exactly when it falls back on the pseudo-inverse; so must we.
        expect(r.notes.some((n) => n.includes("second-step weight matrix singular"))).toBe(
          e.warnings.some((w) => w.includes("second-step matrix is singular"))
        );
      });
    }
  }
  afterAll(() => {
    // Max relative error per panel/variant, scaled to the variant's tolerance (p-values: divided by κ).
    console.table(Object.fromEntries(Object.entries(maxErr).map(([k, v]) => [k, {max_rel_err: v.toExponential(2)}])));
  });
});
