/**
 * `dtb event-study` and `dtb estimate` with `inference`: spawned as a user runs them, on the project's own fixtures
 * (numbers against scripts/reference/inference.R, as tests/lib/engine/inference.test.ts does for the engine).
 */
import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const FIX = resolve(ROOT, "tests/fixtures");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected: any = JSON.parse(readFileSync(resolve(FIX, "inference/expected.json"), "utf8"));

function dtb(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(process.execPath, ["bin/dtb.js", ...args], {cwd: ROOT, timeout: 60_000}, (error, stdout, stderr) => {
      done({code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr});
    });
  });
}

const SPEC = JSON.stringify({id: "country", time: "year", y: "y", x: ["lngdp"], fe: ["country", "year"], vcov: {cluster: ["country"]}});
const cases: Record<string, string[]> = {
  es: ["event-study", "--data", resolve(FIX, "unbalanced_gaps.csv"), "--spec", SPEC, "--term", "dstri", "--leads", "3", "--lags", "2", "--leave-one-out"],
  badLeads: ["event-study", "--data", resolve(FIX, "unbalanced_gaps.csv"), "--spec", SPEC, "--term", "dstri", "--leads", "1", "--lags", "2"],
  noFe: ["event-study", "--data", resolve(FIX, "unbalanced_gaps.csv"), "--spec", JSON.stringify({id: "country", time: "year", y: "y", x: [], fe: ["year"]}), "--term", "dstri", "--leads", "2", "--lags", "0"],
  ri: ["estimate", "--data", resolve(FIX, "inference/ri_panel.csv"), "--spec", JSON.stringify({...expected.randomization[0].spec, inference: {type: "randomization", term: "dstri"}})],
  riBad: ["estimate", "--data", resolve(FIX, "inference/ri_panel.csv"), "--spec", JSON.stringify({...expected.randomization[0].spec, inference: {type: "randomization", term: "lnpopu"}})]
};
const out: Record<string, Awaited<ReturnType<typeof dtb>>> = {};
beforeAll(async () => {
  const names = Object.keys(cases);
  await Promise.all([0, 1].map(async (w) => {
    for (let i = w; i < names.length; i += 2) out[names[i]] = await dtb(cases[names[i]]);
  }));
}, 120_000);

describe("dtb event-study", () => {
  it("prints the event-time coefficients of the R reference, the pre-trend test and leave-one-out rows", () => {
    expect(out.es.code, out.es.stderr).toBe(0);
    const r = JSON.parse(out.es.stdout);
    const c = expected.event_study[0];
    expect(r.event_time).toEqual([-3, -2, -1, 0, 1, 2]);
    const est = r.coef.filter((_: number, i: number) => r.event_time[i] !== -1);
    est.forEach((b: number, i: number) => expect(Math.abs(b - c.expected.coef[i])).toBeLessThan(1e-8 * Math.abs(c.expected.coef[i])));
    expect(Math.abs(r.pretrend.p_f - c.pretrend.p_f)).toBeLessThan(1e-8);
    expect(r.leave_one_out).toHaveLength(35);
  });
  it("refuses a window without pre-periods and a model without the partner effect, in one line", () => {
    expect(out.badLeads.code).toBe(1);
    expect(out.badLeads.stderr).toMatch(/^dtb event-study: event study: leads must be a whole number from 2 to 20.*got 1\n$/);
    expect(out.noFe.code).toBe(1);
    expect(out.noFe.stderr).toMatch(/^dtb event-study: event study: .*partner fixed effect 'country' must be in spec.fe\n$/);
  });
});

describe("dtb estimate with randomization inference", () => {
  it("adds randomization {p_value, reps_used, enumerated} equal to the R enumeration", () => {
    expect(out.ri.code, out.ri.stderr).toBe(0);
    const r = JSON.parse(out.ri.stdout);
    const c = expected.randomization[0];
    expect(r.randomization.enumerated).toBe(true);
    expect(r.randomization.reps_used).toBe(c.n_perm);
    expect(Math.round(r.randomization.p_value * c.n_perm)).toBe(Math.round(c.p_value * c.n_perm));
  });
  it("a term outside the model is one line, exit 1", () => {
    expect(out.riBad.code).toBe(1);
    expect(out.riBad.stderr).toMatch(/^dtb estimate: spec.inference.term must be one of the model's regressors \(dstri, lngdp\); got "lnpopu"\n$/);
  });
});
