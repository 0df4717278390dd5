/**
 * PPML (fixest `fepois` conventions) and the panel HAC variances (fixest `vcov_DK`, `vcov_NW`) against the
 * reference of scripts/reference/ppml.R (glm + factor dummies, the mu-weighted within transformation, fixest's
 * small-sample rules written out in base R; sandwich::vcovPL cross-checks the DK meat there). Every number at
 * 1e-8 relative: coef, se, z/t, deviance, null deviance, log-likelihoods, pseudo R2; vcov on the correlation
 * scale; p scaled by 1 + t^2 (see project-fixtures.test.ts); terms, N, K, removed rows exactly.
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import type {Result, Spec} from "../../../src/lib/engine/types.js";
import {readCsvFrame} from "./csv-frame.js";

const FIX = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures");
const TOL = 1e-8;

interface Expected {
  terms: string[];
  coef: number[];
  se: number[];
  tstat: number[];
  pvalue: number[];
  nobs: number;
  nparams?: number;
  dof_K: number;
  deviance?: number;
  null_deviance?: number;
  loglik?: number;
  ll_null?: number;
  pseudo_r2?: number;
  n_perfect?: number;
  n_separated?: number;
  collinear?: string[] | string;
  df_t?: number | null;
  lag?: number;
  vcov: number[][];
}
interface Model {
  id: string;
  spec: Spec;
  expected: Expected;
}

const rel = (a: number, e: number, scale = Math.abs(e)): number => (a === e ? 0 : Math.abs(a - e) / scale);

function worstDiff(got: Result, e: Expected): number {
  let worst = 0;
  for (let j = 0; j < e.terms.length; j++) {
    worst = Math.max(worst, rel(got.coef[j], e.coef[j]), rel(got.se[j], e.se[j]), rel(got.tstat[j], e.tstat[j]));
    worst = Math.max(worst, rel(got.pvalue[j], e.pvalue[j], Math.max(Math.abs(e.pvalue[j]) * (1 + e.tstat[j] ** 2), 1e-300)));
    for (let k = 0; k < e.terms.length; k++) worst = Math.max(worst, rel(got.vcov[j][k], e.vcov[j][k], e.se[j] * e.se[k]));
  }
  return worst;
}

const flows = readCsvFrame("ppml_flows.csv", new Set(["origin", "destination", "product", "flow"]));
const ppml = JSON.parse(readFileSync(resolve(FIX, "ppml.reference.json"), "utf8")) as {models: Model[]};
const hac = JSON.parse(readFileSync(resolve(FIX, "hac.reference.json"), "utf8")) as {models: Model[]};
const gaps = readCsvFrame("unbalanced_gaps.csv", new Set(["country"]));

describe("PPML equals glm(poisson) + dummies in fixest fepois conventions", () => {
  it("covers at least 20 models: 1-4 fixed effects, combinations, zeros, separation, one- and two-way clusters", () => {
    expect(ppml.models.length).toBeGreaterThanOrEqual(20);
    const fe = ppml.models.map((m) => m.spec.fe ?? []);
    expect(fe.some((f) => f.length === 4)).toBe(true);
    expect(fe.some((f) => f.some((x) => x.includes("^")))).toBe(true);
    expect(ppml.models.some((m) => (m.expected.n_separated ?? 0) > 0)).toBe(true);
    expect(ppml.models.some((m) => (m.expected.n_perfect ?? 0) > 0)).toBe(true);
    expect(ppml.models.some((m) => typeof m.spec.vcov === "object" && "cluster" in m.spec.vcov && m.spec.vcov.cluster.length === 2)).toBe(true);
  });
  for (const m of ppml.models) {
    it(m.id, () => {
      const got = estimate(flows, m.spec);
      const e = m.expected;
      const info = got.info as Record<string, number>;
      expect(got.terms).toEqual(e.terms);
      expect(got.nobs).toBe(e.nobs);
      expect(got.df_t).toBeNull();
      expect(info.nparams).toBe(e.nparams);
      expect(info.dof_K).toBe(e.dof_K);
      expect(info.n_perfect_fe_removed).toBe(e.n_perfect);
      expect(info.n_separated_removed).toBe(e.n_separated);
      if ((e.n_separated ?? 0) > 0) {
        expect(got.notes.some((n) => n.includes("separated"))).toBe(true);
        expect(got.notes.some((n) => n.includes("'sepx' has been removed"))).toBe(true);
      }
      if ((e.n_perfect ?? 0) > 0) expect(got.notes.some((n) => n.includes('fixef.rm = "perfect"'))).toBe(true);
      let worst = worstDiff(got, e);
      for (const key of ["deviance", "null_deviance", "loglik", "ll_null", "pseudo_r2"] as const) worst = Math.max(worst, rel(got[key] as number, e[key] as number));
      expect(worst).toBeLessThan(TOL);
      expect(got.iterations).toBeGreaterThan(1);
    });
  }
});

describe("Driscoll-Kraay and Newey-West equal fixest's vcov_DK / vcov_NW (OLS and PPML, several lags, gappy panels)", () => {
  it("has OLS and PPML models, default and explicit lags", () => {
    expect(hac.models.length).toBeGreaterThanOrEqual(40);
    expect(hac.models.some((m) => m.spec.estimator === "ppml")).toBe(true);
  });
  for (const m of hac.models) {
    it(m.id, () => {
      const got = estimate(m.id.startsWith("ols_flows") || m.spec.estimator === "ppml" ? flows : gaps, m.spec);
      const e = m.expected;
      const info = got.info as Record<string, number>;
      expect(got.terms).toEqual(e.terms);
      expect(got.nobs).toBe(e.nobs);
      expect(info.dof_K).toBe(e.dof_K);
      expect(info.lag).toBe(e.lag);
      expect(got.df_t).toBe(e.df_t ?? null);
      expect(worstDiff(got, e)).toBeLessThan(TOL);
    });
  }
});
