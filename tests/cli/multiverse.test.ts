/**
 * `dtb multiverse`: the README grid on the study panel; each emitted spec reproduces its numbers with
 * `dtb estimate`; the same seed gives the same output; bad grids give one-line errors naming the key.
 */
import {execFile} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {REPO, tempDir} from "../loaders/helpers.js";
import {SNAPSHOT_DIR} from "../lib/multiverse/helpers.ts";
import {isolatedEnv} from "../loaders/helpers.js";

const exec = promisify(execFile);
let env: Record<string, string>;
let dir: string;

async function dtb(args: string[]) {
  try {
    const r = await exec(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env}, timeout: 300_000});
    return {code: 0, stdout: r.stdout, stderr: r.stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

const GRID = {
  id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri", "dstri_etrans"], lags: [0, 1],
  controls: {optional: ["lngdp", "lnpopu", "lngov", "urban"], always: []},
  fe: [[], ["iso3"], ["year"], ["iso3", "year"]], vcov: ["iid", "hetero", {cluster: ["iso3"]}],
  samples: [{label: "all", exclude: {}}, {label: "no2020", exclude: {year: [2020]}}], estimators: ["ols"]
};

beforeAll(async () => {
  env = isolatedEnv({DTB_SNAPSHOT_DIR: SNAPSHOT_DIR});
  dir = tempDir("dtb-multiverse-");
  const r = await dtb(["panel", "--out", join(dir, "panel.csv")]);
  expect(r.code).toBe(0);
  writeFileSync(join(dir, "grid.json"), JSON.stringify(GRID));
}, 120_000);

describe("dtb multiverse", () => {
  let doc: any;
  it("estimates every specification of the grid and writes OUT.json", async () => {
    const r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "grid.json"), "--out", join(dir, "out.json"), "--null-draws", "5", "--seed", "42"]);
    expect(r.stderr).toMatch(/1536 specifications/);
    expect(r.code).toBe(0);
    doc = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    expect(doc.specs).toHaveLength(1536);
    expect(Object.keys(doc.specs[0])).toEqual(expect.arrayContaining(["spec", "key_term", "coef", "se", "tstat", "pvalue", "nobs", "ok", "error"]));
    expect(doc.null).toMatchObject({draws: 5, seed: 42});
    for (const k of ["p_median", "p_share_significant", "p_stouffer"]) expect(doc.null[k]).toBeGreaterThanOrEqual(0);
    expect(doc.timing_ms.estimate).toBeGreaterThan(0);
    expect(doc.summary.n_ok + doc.summary.n_failed).toBe(1536);
  }, 300_000);

  it("each spec reproduces its numbers with `dtb estimate` (three specs, one per SE flavour)", async () => {
    const picks = [doc.specs.find((s: any) => s.spec.vcov === "iid" && s.key_term === "L.dstri"), doc.specs.find((s: any) => s.spec.vcov === "hetero" && s.spec.fe.length === 0), doc.specs.find((s: any) => typeof s.spec.vcov === "object" && s.spec.fe.length === 2 && s.spec.exclude)];
    for (const s of picks) {
      const r = await dtb(["estimate", "--data", join(dir, "panel.csv"), "--spec", JSON.stringify(s.spec)]);
      expect(r.code).toBe(0);
      const res = JSON.parse(r.stdout);
      const j = res.terms.indexOf(s.key_term);
      expect(res.coef[j]).toBe(s.coef);
      expect(res.se[j]).toBe(s.se);
      expect(res.pvalue[j]).toBe(s.pvalue);
      expect(res.nobs).toBe(s.nobs);
    }
  }, 120_000);

  it("the same seed gives the same output", async () => {
    const r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "grid.json"), "--out", join(dir, "out2.json"), "--null-draws", "5", "--seed", "42"]);
    expect(r.code).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, "out2.json"), "utf8"));
    expect(again.null).toEqual(doc.null);
    expect(again.specs).toEqual(doc.specs);
  }, 300_000);

  it("bad grids and options give one-line errors naming the key", async () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({...GRID, key: ["nope"]}));
    let r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "bad.json"), "--out", join(dir, "x.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/column 'nope' \(grid.key\[0\]\) not found/);
    writeFileSync(join(dir, "bad2.json"), JSON.stringify({...GRID, vcov: ["robust"]}));
    r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "bad2.json"), "--out", join(dir, "x.json")]);
    expect(r.stderr).toMatch(/^dtb multiverse: grid.vcov\[0\] must be/);
    r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "grid.json")]);
    expect(r.stderr).toMatch(/missing --out/);
    r = await dtb(["multiverse", "--data", join(dir, "panel.csv"), "--grid", join(dir, "grid.json"), "--out", join(dir, "x.json"), "--null-draws", "-3"]);
    expect(r.stderr).toMatch(/--null-draws must be an integer/);
  }, 120_000);
});
