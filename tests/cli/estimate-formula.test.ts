/**
 * `dtb estimate --formula`: the same JSON as `--spec` for the same model, fixest term names, one-line
 * syntax errors with the character position, `--vcov`, `--id/--time`, and trade flows with repeated
 * id-time pairs and four fixed effects (the formula fixture, compared with its R reference numbers).
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

const PANEL = resolve(REPO_ROOT, "tests/fixtures/formulas/panel.csv");
const FLOWS = resolve(REPO_ROOT, "tests/fixtures/formulas/flows.csv");
const fixture = JSON.parse(readFileSync(resolve(REPO_ROOT, "tests/fixtures/formulas/formulas.expected.json"), "utf8")) as {
  models: Array<{id: string; formula: string; expected: {terms: string[]; coef: number[]; se: number[]; nobs: number}}>;
};
const want = (id: string) => fixture.models.find((m) => m.id === id)!.expected;

const CASES: Record<string, string[]> = {
  spec: ["--data", PANEL, "--spec", JSON.stringify({id: "country", time: "year", y: "y", x: ["L.dstri", "lngdp"], fe: ["country", "year"], vcov: {cluster: ["country"]}})],
  formula: ["--data", PANEL, "--formula", "y ~ L.dstri + lngdp | country + year", "--id", "country", "--time", "year"],
  lagFormula: ["--data", PANEL, "--formula=y ~ l(dstri, 1) + lngdp | country + year", "--vcov", "~country", "--id=country", "--time=year"],
  vcovOverride: ["--data", PANEL, "--formula", "y ~ log(urban) + dstri | country + year, vcov = ~country", "--vcov", "iid", "--id", "country"],
  flows: ["--data", FLOWS, "--formula", "lnflow ~ tariff + dstri_m | exporter + importer + product + year", "--vcov", "~exporter", "--id", "exporter", "--time", "year"],
  flowsSpec: ["--data", FLOWS, "--spec", JSON.stringify({id: "exporter", time: "year", y: "lnflow", x: ["tariff", "dstri_m"], fe: ["exporter", "importer", "product", "year"], vcov: {cluster: ["exporter"]}})],
  flowsLag: ["--data", FLOWS, "--formula", "lnflow ~ l(tariff, 1) | importer", "--id", "exporter", "--time", "year"],
  syntax: ["--data", PANEL, "--formula", "y ~ dstri + lngdp | country)"],
  badVcov: ["--data", PANEL, "--formula", "y ~ dstri", "--vcov", "~"],
  both: ["--data", PANEL, "--formula", "y ~ dstri", "--spec", "{}"],
  vcovWithSpec: ["--data", PANEL, "--spec", "{}", "--vcov", "iid"],
  dataArg: ["--data", PANEL, "--formula", "feols(y ~ dstri, data = q1)"],
  textColumn: ["--data", PANEL, "--formula", "y ~ dstri:region", "--id", "country"]
};
let out: Record<string, Outcome> = {};

beforeAll(async () => {
  const names = Object.keys(CASES);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      out[name] = await dtb(CASES[name]);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}, 240_000);

const ok = (name: string) => {
  expect(out[name].stderr, name).toBe("");
  expect(out[name].code).toBe(0);
  const {timing_ms, ...rest} = JSON.parse(out[name].stdout);
  void timing_ms;
  return rest;
};
const fails = (name: string) => {
  expect(out[name].code, name).toBe(1);
  expect(out[name].stdout).toBe("");
  const lines = out[name].stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe("dtb estimate --formula", () => {
  it("prints the same JSON as --spec for the same model", () => {
    expect(ok("formula")).toEqual(ok("spec"));
  });
  it("l(x, k) gives the same numbers under fixest's name", () => {
    const a = ok("lagFormula");
    const b = ok("spec");
    expect(a.terms).toEqual(["l(dstri,1)", "lngdp"]);
    expect(a.coef).toEqual(b.coef);
    expect(a.se).toEqual(b.se);
  });
  it("--vcov overrides the formula's vcov", () => {
    expect(ok("vcovOverride").info.vcov).toBe("iid");
    const e = want("log_x");
    expect(ok("vcovOverride").se[0]).toBeCloseTo(e.se[0], 12);
  });
  it("trade flows with repeated exporter-year pairs and four fixed effects match the R reference, as --spec", () => {
    const a = ok("flows");
    const e = want("flows_4fe");
    expect(a.terms).toEqual(e.terms);
    expect(a.nobs).toBe(e.nobs);
    a.coef.forEach((c: number, j: number) => expect(Math.abs(c - e.coef[j])).toBeLessThanOrEqual(1e-8 * Math.abs(e.coef[j])));
    a.se.forEach((s: number, j: number) => expect(Math.abs(s - e.se[j])).toBeLessThanOrEqual(1e-8 * e.se[j]));
    expect(ok("flowsSpec")).toEqual(a);
  });
  it("errors are one line", () => {
    expect(fails("flowsLag")).toMatch(/^dtb estimate: rows \d+ and \d+ have the same exporter = \w+ and year = 2015 \(duplicate id-time pair; lags and GMM need unique id-time pairs\)$/);
    expect(fails("syntax")).toBe("dtb estimate: formula: unexpected ')' at character 28");
    expect(fails("badVcov")).toBe("dtb estimate: formula: unexpected end of input (expected a cluster variable, e.g. ~iso3) at character 2");
    expect(fails("both")).toBe("dtb estimate: give either --spec or --formula, not both");
    expect(fails("vcovWithSpec")).toBe("dtb estimate: option --vcov goes with --formula (a --spec names its own vcov)");
    expect(fails("dataArg")).toBe("dtb estimate: --formula: 'data = q1' is for notebooks; the CLI reads --data FILE");
    expect(fails("textColumn")).toMatch(/^dtb estimate: \S*panel.csv: column "region" (line \d+: "[A-E]" is not a number|is stored as text)/);
  });
});
