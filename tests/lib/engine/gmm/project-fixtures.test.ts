/**
 * estimateGmm vs plm 2.6-2 pgmm on the project's own panels (tests/fixtures/<panel>.gmm.json, written by
 * scripts/reference/gmm.R), so that GMM is tested on a bare clone with nothing beside the repository:
 * difference and system GMM, all lags and collapsed, effect twoways and individual, a finite instrument
 * window with two lags of y; unbalanced panels with gaps and missing cells.
 * Tolerances (relative): REGULAR where plm inverted regular matrices (gmm_dynamic, 120 countries, and the
 * regular cases of unbalanced_gaps; observed at most 4e-9 on gmm_dynamic and 1.6e-8 on unbalanced_gaps, whose
 * 35 countries make the two-step weight matrix ill-conditioned, so 1e-7 rather than the OLS 1e-8); PINV where plm fell back on its Moore-Penrose pseudo-inverse (fixture
 * `warnings` non-empty): there the estimates depend on the singular-value cut-off and BLAS rounding.
 * A p-value inherits z's relative error times its condition number κ(z) = |z| φ(z) / Φ(-|z|).
 */
import {readdirSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {estimateGmm} from "../../../../src/lib/engine/gmm/index.js";
import type {Spec} from "../../../../src/lib/engine/types.js";
import {parseCsv, REPO_ROOT} from "../../../helpers/fixtures.js";

const REGULAR = 1e-7;
const PINV = 1e-4;
const DIR = resolve(REPO_ROOT, "tests/fixtures");
const PANELS = readdirSync(DIR).filter((f) => f.endsWith(".gmm.json")).map((f) => f.replace(/\.gmm\.json$/, "")).sort();

interface Expected {
  terms: string[];
  coef: number[];
  se_robust: number[];
  z_robust: number[];
  p_robust: number[];
  se_nonrobust: number[];
  coef_onestep: number[];
  time_dummy_terms: string[];
  time_dummy_coef: number[];
  n_obs_used: number;
  n_groups: number;
  n_instruments: number;
  sargan_hansen: {stat: number; df: number; p: number};
  ar1: {z: number; p: number};
  ar2: {z: number; p: number} | null;
  wald_coef: {stat: number; df: number; p: number};
  warnings: string[];
}

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const kappa = (z: number, p: number): number => Math.max(1, (Math.abs(z) * 2 * phi(z)) / p);
const worst: Record<string, number> = {};

it("the project's GMM fixtures are there (scripts/reference/gmm.R)", () => {
  expect(PANELS).toEqual(["gmm_dynamic", "unbalanced_gaps"]);
});

describe.each(PANELS)("GMM vs plm::pgmm on tests/fixtures/%s", (panel) => {
  const frame = parseCsv(readFileSync(resolve(DIR, `${panel}.csv`), "utf8"));
  const models = JSON.parse(readFileSync(resolve(DIR, `${panel}.gmm.json`), "utf8")).models as Array<{id: string; spec: Spec; expected: Expected}>;
  it("has 8 models, among them regular and (unbalanced_gaps) pseudo-inverse cases", () => {
    expect(models.length).toBe(8);
    const singular = models.filter((m) => m.expected.warnings.length > 0).length;
    expect(singular > 0).toBe(panel === "unbalanced_gaps");
  });
  for (const {id, spec, expected: e} of models) {
    it(id, () => {
      const tol = e.warnings.length > 0 ? PINV : REGULAR;
      const key = `${panel}/${id} (tol ${tol})`;
      const r = estimateGmm(frame, spec);
      const info = r.info as {se_nonrobust: number[]; coef_onestep: number[]; wald: {statistic: number; df: number; pvalue: number}; time_effects?: {terms: string[]; coef: number[]}};
      const check = (what: string, got: number, want: number, t = tol) => {
        const err = rel(got, want);
        worst[key] = Math.max(worst[key] ?? 0, (err / t) * tol);
        expect(err, `${what}: got ${got}, plm ${want}`).toBeLessThanOrEqual(t);
      };
      expect(r.terms).toEqual(e.terms);
      expect(r.nobs).toBe(e.n_obs_used);
      expect(r.n_groups).toBe(e.n_groups);
      expect(r.n_instruments).toBe(e.n_instruments);
      expect(r.df_t).toBeNull();
      e.terms.forEach((name, k) => {
        check(`coef ${name}`, r.coef[k], e.coef[k]);
        check(`se ${name}`, r.se[k], e.se_robust[k]);
        check(`z ${name}`, r.tstat[k], e.z_robust[k]);
        check(`p ${name}`, r.pvalue[k], e.p_robust[k], tol * kappa(e.z_robust[k], e.p_robust[k]));
        check(`se_nonrobust ${name}`, info.se_nonrobust[k], e.se_nonrobust[k]);
        check(`coef_onestep ${name}`, info.coef_onestep[k], e.coef_onestep[k]);
      });
      const te = info.time_effects ?? {terms: [], coef: []};
      expect(te.terms).toEqual(e.time_dummy_terms);
      te.coef.forEach((c, k) => check(`time effect ${e.time_dummy_terms[k]}`, c, e.time_dummy_coef[k]));
      check("hansen statistic", r.hansen!.statistic, e.sargan_hansen.stat);
      expect(r.hansen!.df).toBe(e.sargan_hansen.df);
      check("hansen p", r.hansen!.pvalue, e.sargan_hansen.p, tol * Math.max(1, e.sargan_hansen.stat / 2));
      check("ar1 z", r.ar1!.statistic, e.ar1.z);
      check("ar1 p", r.ar1!.pvalue, e.ar1.p, tol * kappa(e.ar1.z, e.ar1.p));
      if (e.ar2) {
        check("ar2 z", r.ar2!.statistic, e.ar2.z);
        check("ar2 p", r.ar2!.pvalue, e.ar2.p, tol * kappa(e.ar2.z, e.ar2.p));
      }
      check("wald", info.wald.statistic, e.wald_coef.stat);
      expect(info.wald.df).toBe(e.wald_coef.df);
      check("wald p", info.wald.pvalue, e.wald_coef.p, tol * Math.max(1, e.wald_coef.stat / 2));
      expect(r.notes.some((n) => n.includes("second-step weight matrix singular"))).toBe(
        e.warnings.some((w) => w.includes("second-step matrix is singular"))
      );
    });
  }
});

afterAll(() => {
  // Largest relative error per model, on the scale of its tolerance (p-values divided by their κ).
  console.table(Object.fromEntries(Object.entries(worst).map(([k, v]) => [k, {max_rel_err: v.toExponential(2)}])));
});
