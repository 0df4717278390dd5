/**
 * `dtb estimate` prints the engine's warnings (issue #21) on the study panel: the explorer's broken GMM case
 * (Difference GMM, DSTRI lagged one year, 2020 dropped), the uncollapsed GMM (instruments >= groups, Hansen p = 1),
 * two-way clustering (7 year clusters) and the baseline (none).
 */
import {execFile} from "node:child_process";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {isolatedEnv, REPO, SHIPPED, tempDir} from "../loaders/helpers.js";

const exec = promisify(execFile);
let env: Record<string, string>;
let panel = "";

async function estimate(spec: object) {
  const r = await exec(process.execPath, [join(REPO, "bin", "dtb.js"), "estimate", "--data", panel, "--spec", JSON.stringify(spec)], {cwd: REPO, env: {...process.env, ...env}, timeout: 120_000});
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

const BASE = {id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri", "lngdp", "lnpopu", "lngov", "urban"]};
const GMM = {id: "iso3", time: "year", y: "lnexport_cn", estimator: "gmm-diff", effect: "twoways"};
const outs: Record<string, any> = {};

beforeAll(async () => {
  env = isolatedEnv({DTB_SNAPSHOT_DIR: SHIPPED});
  panel = join(tempDir("dtb-warnings-"), "panel.csv");
  await exec(process.execPath, [join(REPO, "bin", "dtb.js"), "panel", "--out", panel], {cwd: REPO, env: {...process.env, ...env}, timeout: 120_000});
  const cases: Record<string, object> = {
    explorerGmm: {...GMM, x: ["L.lnexport_cn", "L.dstri", "lngdp", "lnpopu", "lngov", "urban"], gmm: {instruments: "y", lags: [2, 99], collapse: true}, exclude: {year: [2020]}},
    uncollapsed: {...GMM, x: ["L.lnexport_cn", "dstri", "lngdp"], gmm: {instruments: "y", lags: [2, 99], collapse: false}},
    twoway: {...BASE, fe: ["iso3", "year"], vcov: {cluster: ["iso3", "year"]}},
    baseline: {...BASE, fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}}
  };
  await Promise.all(Object.entries(cases).map(async ([name, spec]) => (outs[name] = await estimate(spec))));
}, 240_000);

const codes = (name: string) => outs[name].warnings.map((w: {code: string}) => w.code);

describe("dtb estimate: warnings", () => {
  it("the explorer's GMM case: singular weights, Hansen p ~ 4e-198, no AR(2), lnpopu without SE, SEs > 100x", () => {
    expect(codes("explorerGmm")).toEqual(["gmm_singular_weights", "hansen_extreme", "ar2_missing", "se_missing", "se_huge"]);
    const w = outs.explorerGmm.warnings;
    expect(w[3].terms).toEqual(["lnpopu"]);
    expect(w[4].terms).toContain("L.dstri");
    expect(outs.explorerGmm.hansen.pvalue).toBeLessThan(1e-100);
    for (const x of w) {
      expect(typeof x.message).toBe("string");
      expect(x.message_zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("uncollapsed GMM: instruments >= groups and Hansen p = 1", () => {
    expect(outs.uncollapsed.n_instruments).toBeGreaterThanOrEqual(outs.uncollapsed.n_groups);
    expect(codes("uncollapsed")).toEqual(expect.arrayContaining(["instruments_ge_groups", "hansen_extreme"]));
    expect(outs.uncollapsed.warnings.find((x: {code: string}) => x.code === "hansen_extreme").message).toMatch(/too many instruments/);
  });
  it("two-way clustering: 7 year clusters are too few", () => {
    expect(outs.twoway.info.n_clusters).toBe(7);
    expect(codes("twoway")).toEqual(["few_clusters"]);
  });
  it("the baseline (42 country clusters) has no warning, and the key is always there", () => {
    expect(outs.baseline.warnings).toEqual([]);
  });
});
