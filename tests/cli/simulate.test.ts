// `dtb simulate`: the JSON contract, the same numbers as runLab (the page's engine) for the same seed, and
// one-line errors for bad arguments.
import {execFile} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {describe, expect, it} from "vitest";
import {parseParams, runLab} from "../../src/lib/simulate/index.js";
import {tempDir} from "../loaders/helpers.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);
const dtb = (args: string[]) =>
  run(process.execPath, [join(REPO, "bin", "dtb.js"), "simulate", ...args], {cwd: REPO, timeout: 60_000}).then(
    (r) => ({code: 0, stderr: r.stderr}),
    (e) => ({code: e.code as number, stderr: e.stderr as string})
  );

describe("dtb simulate", () => {
  it("writes the lab's summary JSON, equal to runLab for the same seed", async () => {
    const dir = tempDir();
    const out = join(dir, "fe.json");
    const r = await dtb(["--lab", "fe", "--reps", "200", "--seed", "11", "--param", "corr=0.3", "--param", "N=20", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(json)).toEqual(["lab", "params", "reps", "seed", "truth", "estimators"]);
    expect(Object.keys(json.estimators)).toEqual(["pooled", "fe_country", "fe_twoway"]);
    expect(Object.keys(json.estimators.fe_twoway.coverage)).toEqual(["iid", "hetero", "cluster"]);
    const expected = runLab("fe", parseParams("fe", {corr: "0.3", N: "20"}), 200, 11).result;
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(readdirSync(dir)).toEqual(["fe.json"]); // no temp file left
  });
  it("gravity lab: the same JSON as runLab for the seed (the page's numbers)", async () => {
    const dir = tempDir();
    const out = join(dir, "gravity.json");
    const r = await dtb(["--lab", "gravity", "--reps", "100", "--seed", "7", "--param", "N=300", "--param", "s1=1.5", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(json.estimators)).toEqual(["ols_log", "ppml"]);
    expect(json).toEqual(JSON.parse(JSON.stringify(runLab("gravity", parseParams("gravity", {N: "300", s1: "1.5"}), 100, 7).result)));
  });
  it.each([
    [["--lab", "probit", "--reps", "10", "--seed", "1", "--out", "x.json"], "dtb simulate: unknown lab 'probit': expected one of fe, cluster, nickell, gravity"],
    [["--lab", "cluster", "--reps", "10", "--seed", "1", "--param", "N=2", "--param", "T=2", "--out", "x.json"], "dtb simulate: lab cluster: every replication would fail at N=2, T=2, beta=0, rho_x=0.8, rho_e=0.8: no residual degrees of freedom (fe_twoway 0)"],
    [["--lab", "fe", "--reps", "10", "--seed", "1", "--param", "corr=high", "--out", "x.json"], "dtb simulate: parameter corr=high: not a number"],
    [["--lab", "cluster", "--reps", "10", "--seed", "1", "--param", "rho_e=1", "--out", "x.json"], "dtb simulate: parameter rho_e=1: must be between -0.99 and 0.99"],
    [["--lab", "fe", "--reps", "10", "--seed", "1", "--param", "corr", "--out", "x.json"], "dtb simulate: --param corr: expected NAME=VALUE"],
    [["--lab", "fe", "--reps", "-3", "--seed", "1", "--out", "x.json"], "dtb simulate: reps=-3: must be an integer between 1 and 100000"],
    [["--lab", "fe", "--reps", "10", "--out", "x.json"], "dtb simulate: missing --seed"]
  ])("%j -> one line, exit 1", async (args, message) => {
    const r = await dtb(args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(existsSync(join(REPO, "x.json"))).toBe(false);
  });
});
