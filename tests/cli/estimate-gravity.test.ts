/**
 * `dtb estimate` with the gravity additions: `--estimator ppml` and `fepois(...)` (PPML), `--vcov DK`,
 * `"DK(2)"`, `NW`, `NW(1)` (fixest's names), the `bootstrap` spec key, each compared with the R reference
 * fixtures (scripts/reference/ppml.R, wild.R) at 1e-8; and the one-line refusals.
 */
import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {REPO_ROOT} from "../lib/table/fixture-helpers.js";

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}
function dtb(args: string[]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, ["bin/dtb.js", "estimate", ...args], {cwd: REPO_ROOT, timeout: 60_000}, (error, stdout, stderr) => {
      done({code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr});
    });
  });
}
const FIX = resolve(REPO_ROOT, "tests/fixtures");
const FLOWS = resolve(FIX, "ppml_flows.csv");
const GAPS = resolve(FIX, "unbalanced_gaps.csv");
const WILD = resolve(FIX, "wild_panels.csv");
interface Ref {
  id: string;
  spec: Record<string, unknown>;
  expected: {terms: string[]; coef: number[]; se: number[]; pvalue: number[]; nobs: number; p_value?: number};
}
const ppml = (JSON.parse(readFileSync(resolve(FIX, "ppml.reference.json"), "utf8")) as {models: Ref[]}).models;
const hac = (JSON.parse(readFileSync(resolve(FIX, "hac.reference.json"), "utf8")) as {models: Ref[]}).models;
const wild = (JSON.parse(readFileSync(resolve(FIX, "wild.reference.json"), "utf8")) as {models: Ref[]}).models;
const ref = (list: Ref[], id: string) => list.find((m) => m.id === id)!;

const G8 = ref(wild, "G8_fe");
const CASES: Record<string, string[]> = {
  ppmlFlag: ["--data", FLOWS, "--formula", "y ~ x1 + x2 | origin + destination", "--estimator", "ppml", "--vcov", "~origin", "--id", "flow", "--time", "year"],
  fepois: ["--data", FLOWS, "--formula", "fepois(y ~ x1 + x2 | origin + destination, vcov = ~origin)", "--id", "flow", "--time", "year"],
  ppmlSpec: ["--data", FLOWS, "--spec", JSON.stringify(ref(ppml, "sep_oy_cl_o").spec)],
  dk2: ["--data", GAPS, "--formula", "y ~ dstri + lngdp + lnpopu | country + year", "--vcov", "DK(2)", "--id", "country", "--time", "year"],
  dkDefault: ["--data", GAPS, "--formula", "y ~ dstri + lngdp + lnpopu | country + year", "--vcov", "DK", "--id", "country", "--time", "year"],
  nw1: ["--data", GAPS, "--formula", "y ~ dstri + lngdp + lnpopu | country", "--vcov", "NW(1)", "--id", "country", "--time", "year"],
  nwPpml: ["--data", FLOWS, "--formula", "fepois(y ~ x1 + x2 | origin + destination + year, vcov = NW(2))", "--id", "flow", "--time", "year"],
  bootstrap: ["--data", WILD, "--spec", JSON.stringify({...G8.spec, exclude: {panel: ["G9", "G10", "G11", "G12"]}})],
  negative: ["--data", WILD, "--formula", "y ~ x | firm", "--estimator", "ppml", "--id", "firm", "--time", "year"],
  nwDuplicates: ["--data", FLOWS, "--formula", "y ~ x1 | origin + year", "--vcov", "NW", "--id", "origin", "--time", "year"],
  bootTerm: ["--data", WILD, "--spec", JSON.stringify({...G8.spec, bootstrap: {type: "wild", term: "w", cluster: "group"}})],
  oneCluster: ["--data", WILD, "--spec", JSON.stringify({...G8.spec, exclude: {panel: ["G9", "G10", "G11", "G12"]}, bootstrap: {type: "wild", term: "x", cluster: "panel"}})],
  badEstimator: ["--data", FLOWS, "--formula", "y ~ x1", "--estimator", "poisson"]
};
const out: Record<string, Outcome> = {};
beforeAll(async () => {
  const names = Object.keys(CASES);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      out[name] = await dtb(CASES[name]);
    }
  };
  await Promise.all([worker(), worker()]);
}, 240_000);

const json = (name: string) => {
  expect(out[name].stderr).toBe("");
  expect(out[name].code).toBe(0);
  return JSON.parse(out[name].stdout) as {terms: string[]; coef: number[]; se: number[]; pvalue: number[]; nobs: number; deviance?: number; notes: string[]; bootstrap?: {p_value: number; enumerated: boolean}};
};
const close = (got: number[], want: number[]) => got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThan(1e-8 * Math.abs(want[i])));

describe("dtb estimate: PPML, DK/NW, wild bootstrap", () => {
  it("--estimator ppml and fepois(...) equal the R reference (od_cl_o)", () => {
    const e = ref(ppml, "od_cl_o").expected;
    for (const name of ["ppmlFlag", "fepois"]) {
      const r = json(name);
      expect(r.terms).toEqual(e.terms);
      expect(r.nobs).toBe(e.nobs);
      close(r.coef, e.coef);
      close(r.se, e.se);
      expect(r.deviance).toBeGreaterThan(0);
    }
  });
  it("a PPML spec with a separating regressor gives the reference and the notes", () => {
    const e = ref(ppml, "sep_oy_cl_o").expected;
    const r = json("ppmlSpec");
    close(r.coef, e.coef);
    close(r.se, e.se);
    expect(r.notes.join(" ")).toMatch(/separated by the regressors/);
  });
  it('--vcov "DK(2)", DK, "NW(1)" and fepois(..., vcov = NW(2)) equal the fixest-convention reference', () => {
    for (const [name, id] of [["dk2", "ols_twfe_DK_2"], ["dkDefault", "ols_twfe_DK_default"], ["nw1", "ols_country_NW_1"], ["nwPpml", "ppml_ody_NW_2"]]) {
      const e = ref(hac, id).expected;
      const r = json(name);
      expect(r.nobs).toBe(e.nobs);
      close(r.se, e.se);
      close(r.pvalue, e.pvalue);
    }
  });
  it("the bootstrap spec key adds the enumerated wild bootstrap p (G = 8), equal to R's", () => {
    const r = json("bootstrap");
    expect(r.bootstrap!.enumerated).toBe(true);
    expect(r.bootstrap!.p_value).toBe(G8.expected.p_value);
  });
  it("refusals are one line with exit code 1", () => {
    const cases: Array<[string, RegExp]> = [
      ["negative", /PPML needs a non-negative outcome: 'y' is -[\d.]+ at row \d+/],
      ["nwDuplicates", /Newey-West needs one row per origin and year/],
      ["bootTerm", /spec.bootstrap.term 'w' is not a regressor of the model/],
      ["oneCluster", /spec.bootstrap.cluster 'panel' has only 1 cluster/],
      ["badEstimator", /--estimator must be ols or ppml/]
    ];
    for (const [name, re] of cases) {
      expect(out[name].code).toBe(1);
      expect(out[name].stderr.trim().split("\n")).toHaveLength(1);
      expect(out[name].stderr).toMatch(re);
    }
  });
});
