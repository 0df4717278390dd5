/**
 * GMM with an endogenous regressor (spec.gmm.endogenous: its own lags as GMM-style instruments, out of the IV-style
 * ones) against plm 2.6 pgmm `| lag(y, 2:99) + lag(dstri, 2:99)` (scripts/reference/gmm-endogenous.R). Tolerances
 * as the other GMM fixtures: 1e-7 relative on coefficients, Windmeijer SEs, Hansen and AR tests, except where plm
 * inverts a singular matrix by a general inverse (its vcovHC warns), where 1e-4.
 */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import type {Spec} from "../../../src/lib/engine/types.js";
import {parseCsv} from "../../helpers/fixtures.js";

const DIR = resolve(import.meta.dirname, "../../fixtures/gmm-endogenous");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected: any = JSON.parse(readFileSync(resolve(DIR, "expected.json"), "utf8"));
const frame = parseCsv(readFileSync(resolve(DIR, "panel.csv"), "utf8"));
const rel = (a: number, e: number) => Math.abs(a - e) / Math.max(Math.abs(e), 1e-12);

describe("GMM with an endogenous regressor equals plm pgmm with the same instruments", () => {
  for (const m of expected.models) {
    it(`${m.id}: ${m.call}`, () => {
      const r = estimate(frame, m.spec as Spec);
      const tol = r.notes.some((n) => /pseudo-inverse/.test(n)) ? 1e-4 : 1e-7;
      expect(r.terms).toEqual(m.spec.x);
      r.coef.forEach((b, k) => expect(rel(b, m.expected.coef[k]), `coef ${k}`).toBeLessThan(tol));
      r.se.forEach((s, k) => expect(rel(s, m.expected.se[k]), `se ${k}`).toBeLessThan(tol));
      expect(r.n_instruments).toBe(m.expected.n_instruments);
      expect(r.nobs).toBe(m.expected.nobs);
      expect(rel(r.hansen!.statistic, m.expected.hansen.statistic)).toBeLessThan(tol);
      expect(r.hansen!.df).toBe(m.expected.hansen.df);
      expect(rel(r.ar1!.statistic, m.expected.ar1.statistic)).toBeLessThan(tol);
      expect(rel(r.ar2!.statistic, m.expected.ar2.statistic)).toBeLessThan(tol);
      // The instrument sets are stated: y and dstri GMM-style, lngdp IV-style.
      expect(r.info?.gmm_instruments).toEqual(["y", "dstri"]);
      expect(r.info?.iv_instruments).toEqual(["lngdp"]);
      const py = r.info?.partner_years as number;
      const rows = (r.info?.rows_differenced as number) + (r.info?.rows_level as number);
      expect(rows).toBe(r.nobs);
      if (m.spec.estimator === "gmm-sys") expect(py).toBeLessThan(r.nobs);
      else expect(py).toBe(r.nobs);
    });
  }
  it("refuses an endogenous column that is not a regressor, the outcome, or a repeat, in one line", () => {
    const base = expected.models[0].spec as Spec;
    const withEndo = (endogenous: unknown) => ({...base, gmm: {...base.gmm, endogenous}}) as Spec;
    expect(() => estimate(frame, withEndo(["urban"]))).toThrow(/spec.gmm.endogenous: 'urban' is not a regressor of the model/);
    expect(() => estimate(frame, withEndo(["y"]))).toThrow(/lists the dependent variable 'y'/);
    expect(() => estimate(frame, withEndo(["dstri", "dstri"]))).toThrow(/lists a column twice/);
    expect(() => estimate(frame, withEndo("dstri"))).toThrow(/must be a list of regressor columns/);
  });
});
