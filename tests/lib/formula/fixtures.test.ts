/**
 * Formulas against reference numbers: tests/fixtures/formulas/formulas.expected.json, made by
 * scripts/reference/formulas.R with lm + factor dummies + sandwich rescaled to fixest 0.12.1
 * conventions (the R side builds every derived column itself, independently of the parser).
 * Tolerances as tests/lib/engine/project-fixtures.test.ts: 1e-8 relative (vcov on the correlation
 * scale; p-values scaled by 1 + t²); terms, df_t, nobs, n_groups exactly.
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {estimateFormula} from "../../../src/lib/formula/estimate.ts";
import {parseCsv} from "../../../src/lib/table/csv.ts";
import type {Frame, Result} from "../../../src/lib/engine/types.ts";

const here = dirname(fileURLToPath(import.meta.url));
const DIR = resolve(here, "../../fixtures/formulas");
const TOL = 1e-8;

interface Expected {
  terms: string[];
  coef: number[];
  se: number[];
  tstat: number[];
  pvalue: number[];
  df_t: number;
  nobs: number;
  n_groups: number;
  r2: number;
  adj_r2: number;
  r2_within: number | null;
  adj_r2_within: number | null;
  vcov: number[][];
  ssr: number;
}
interface Case {
  id: string;
  data: string;
  formula: string;
  panel: {id: string; time: string};
  expected: Expected;
}

const fixture = JSON.parse(readFileSync(resolve(DIR, "formulas.expected.json"), "utf8")) as {models: Case[]};
const frames: Record<string, Frame> = {};
const frameOf = (name: string): Frame => (frames[name] ??= parseCsv(readFileSync(resolve(DIR, name + ".csv")), name + ".csv").frame);

/** Largest relative error of each kind, collected for the report printed at the end. */
export const worst = {coef: 0, se: 0, vcov: 0, pvalue: 0, fit: 0};

function rel(a: number | null | undefined, e: number, scale = Math.abs(e)): number {
  if (a === null || a === undefined || Number.isNaN(a)) return Infinity;
  return a === e ? 0 : Math.abs(a - e) / scale;
}

function compare(got: Result, want: Expected): string[] {
  const bad: string[] = [];
  if (JSON.stringify(got.terms) !== JSON.stringify(want.terms)) return [`terms: expected ${JSON.stringify(want.terms)}, got ${JSON.stringify(got.terms)}`];
  for (const key of ["df_t", "nobs", "n_groups"] as const) if (got[key] !== want[key]) bad.push(`${key}: expected ${want[key]}, got ${got[key]}`);
  const check = (kind: keyof typeof worst, label: string, r: number) => {
    worst[kind] = Math.max(worst[kind], r);
    if (!(r <= TOL)) bad.push(`${label}: relative error ${r}`);
  };
  want.terms.forEach((term, j) => {
    check("coef", `coef[${term}]`, rel(got.coef[j], want.coef[j]));
    check("se", `se[${term}]`, rel(got.se[j], want.se[j]));
    check("pvalue", `pvalue[${term}]`, rel(got.pvalue[j], want.pvalue[j], Math.abs(want.pvalue[j]) * (1 + want.tstat[j] ** 2)));
    want.terms.forEach((_, l) => check("vcov", `vcov[${j},${l}]`, rel(got.vcov[j]?.[l], want.vcov[j][l], want.se[j] * want.se[l])));
  });
  check("fit", "r2", rel(got.r2, want.r2));
  check("fit", "adj_r2", rel(got.adj_r2, want.adj_r2));
  check("fit", "ssr", rel(got.ssr, want.ssr));
  for (const key of ["r2_within", "adj_r2_within"] as const) {
    const e = want[key];
    if (e === null) {
      if (got[key] !== null && got[key] !== undefined) bad.push(`${key}: expected null, got ${got[key]}`);
    } else check("fit", key, rel(got[key], e));
  }
  return bad;
}

describe("formulas vs R reference (lm + dummies + sandwich, fixest conventions)", () => {
  it("covers at least 20 formulas and every construct", () => {
    expect(fixture.models.length).toBeGreaterThanOrEqual(20);
    const all = fixture.models.map((m) => m.formula).join("\n");
    for (const construct of [":", "*", "log(", "l(", "L.", "i(", "ref =", "^", "vcov = ~", "hetero", "iid", "feols("]) expect(all).toContain(construct);
    // repeated id-time pairs (trade flows) are covered
    expect(fixture.models.some((m) => m.data === "flows")).toBe(true);
  });

  it.each(fixture.models.map((m) => [m.id, m] as const))("%s", (_id, m) => {
    const got = estimateFormula(frameOf(m.data), m.formula, m.panel);
    expect(compare(got, m.expected)).toEqual([]);
  });

  it("worst relative errors stay below 1e-8", () => {
    // Printed so that the figures can be quoted; the per-model tests above enforce them.
    console.info(`formula fixtures: worst relative error ${JSON.stringify(worst)}`);
    for (const v of Object.values(worst)) expect(v).toBeLessThanOrEqual(TOL);
  });
});
