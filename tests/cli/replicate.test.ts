/**
 * `dtb replicate --out FILE`: every model of Tables 4-7 for every outcome in the panel, each with a spec that
 * `dtb estimate` re-runs to the same numbers on `dtb panel --out p.csv` (checked for a fixed-effects model
 * and the lag model); customs regions add their outcomes; a model the engine cannot estimate gets `error`.
 */
import {execFile} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {isolatedEnv, REPO, tempDir} from "../loaders/helpers.js";

const exec = promisify(execFile);
let env: Record<string, string>;
let out: string;

async function dtb(args: string[], extra: Record<string, string> = {}) {
  try {
    const r = await exec(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env, ...extra}, timeout: 120_000});
    return {code: 0, stdout: r.stdout, stderr: r.stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

interface Model {
  id: string;
  table: number;
  paper_id: string;
  outcome: string;
  spec: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: string;
}

const NUMBERS = ["terms", "coef", "se", "tstat", "pvalue", "df_t", "nobs", "n_groups", "r2", "r2_within", "vcov"];

beforeAll(() => {
  env = isolatedEnv();
  out = tempDir("dtb-replicate-");
});

describe("dtb replicate", () => {
  let doc: {generated: string; panel: {rows: number; outcomes: string[]}; models: Model[]};

  it("writes every model of Tables 4-7 for China's exports", async () => {
    const r = await dtb(["replicate", "--out", join(out, "rep.json")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/6 models for lnexport_cn/);
    doc = JSON.parse(readFileSync(join(out, "rep.json"), "utf8"));
    expect(doc.panel.rows).toBe(714);
    expect(doc.panel.outcomes).toEqual(["lnexport_cn"]);
    expect(doc.models.map((m) => m.id)).toEqual(["t4_base_cn", "t4_ctrl_cn", "t5_excl2020_cn", "t6_lag_cn", "t7_diff_cn", "t7_sys_cn"]);
    expect(doc.models.map((m) => m.paper_id)).toEqual(["t4_m1", "t4_m2", "t5_zj", "t6_zj", "t7_zj", "t7_zj"]);
    for (const m of doc.models) expect(m.result !== undefined || typeof m.error === "string").toBe(true);
  });

  it("gives the numbers `dtb panel` + `dtb estimate` give for the same spec (FE and lag models)", async () => {
    const csv = join(out, "panel.csv");
    expect((await dtb(["panel", "--out", csv])).code).toBe(0);
    for (const id of ["t4_ctrl_cn", "t6_lag_cn", "t5_excl2020_cn"]) {
      const m = doc.models.find((x) => x.id === id)!;
      const specFile = join(out, `${id}.json`);
      writeFileSync(specFile, JSON.stringify(m.spec));
      const r = await dtb(["estimate", "--data", csv, "--spec", specFile]);
      expect(r.code).toBe(0);
      const est = JSON.parse(r.stdout);
      for (const key of NUMBERS) expect([id, key, m.result![key]]).toEqual([id, key, est[key]]);
    }
  });

  it("writes Table 7 on the years with both the DSTRI and exports, with plm pgmm's numbers (fixture, 1e-8)", () => {
    // scripts/reference/gmm-table7-overlap.R: plm 2.6 pgmm on the panel cut to those years.
    const plm = JSON.parse(readFileSync(join(REPO, "tests/fixtures/gmm-table7-overlap/expected.json"), "utf8"));
    const [lo, hi] = plm.meta.years as [number, number];
    for (const [id, ref] of [["t7_diff_cn", "diff_exo"], ["t7_sys_cn", "sys_exo"]]) {
      const m = doc.models.find((x) => x.id === id)!;
      const e = plm.models.find((x: {id: string}) => x.id === ref).expected;
      const years = (m.spec.exclude as {year: number[]}).year;
      expect(years.length).toBeGreaterThan(0);
      expect(years.every((t) => t < lo || t > hi), id).toBe(true);
      const coef = m.result!.coef as number[];
      coef.forEach((b, k) => expect(Math.abs(b - e.coef[k]) / Math.max(Math.abs(e.coef[k]), 1), `${id} coef ${k}`).toBeLessThan(1e-8));
      const hansen = m.result!.hansen as {pvalue: number};
      expect(Math.abs(hansen.pvalue - e.hansen.pvalue), `${id} Hansen p`).toBeLessThan(1e-8);
      expect(m.result!.warnings).toEqual([]);
    }
  });

  it("adds Zhejiang and Wenzhou models when customs files exist, and records failures without aborting", async () => {
    const customs = tempDir("dtb-customs-");
    const lines = ["region,partner_iso3,year,exports_usd"];
    // Zhejiang: a full synthetic series (42 partners are not needed: 12 partners x 2014-2020).
    const partners = ["USA", "DEU", "FRA", "GBR", "JPN", "KOR", "AUS", "CAN", "ITA", "ESP", "NLD", "MEX"];
    partners.forEach((p, i) => {
      for (let y = 2014; y <= 2020; y++) lines.push(`zj,${p},${y},${(1 + i) * 1e8 * (1 + 0.03 * (y - 2014)) + 7e6 * Math.sin(i * y)}`);
    });
    // Wenzhou: one row only -- every model must fail, and be recorded as such.
    lines.push("wz,USA,2019,40000");
    writeFileSync(join(customs, "regions.csv"), lines.join("\n") + "\n");
    const r = await dtb(["replicate", "--out", join(out, "rep2.json"), "--se", "iid"], {DTB_CUSTOMS_DIR: customs});
    expect(r.code).toBe(0);
    const d = JSON.parse(readFileSync(join(out, "rep2.json"), "utf8"));
    expect(d.panel.outcomes).toEqual(["lnexport_cn", "lnexport_wz", "lnexport_zj"]);
    expect(d.models).toHaveLength(18);
    const zj = d.models.find((m: Model) => m.id === "t4_ctrl_zj");
    expect(zj.result.nobs).toBe(84);
    expect(zj.spec.vcov).toBe("iid");
    expect(zj.paper_id).toBe("t4_m2");
    const wz = d.models.filter((m: Model) => m.outcome === "lnexport_wz");
    expect(wz.map((m: Model) => m.paper_id)).toEqual(["t4_m3", "t4_m4", "t5_wz", "t6_wz", "t7_wz", "t7_wz"]);
    expect(wz.filter((m: Model) => m.table < 7).every((m: Model) => typeof m.error === "string" && m.result === undefined)).toBe(true);
  });

  it("rejects bad arguments with one line", async () => {
    for (const args of [["replicate"], ["replicate", "--out"], ["replicate", "--out", "x.json", "--se", "hc3"], ["replicate", "--bogus"]]) {
      const r = await dtb(args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^dtb replicate: /);
    }
  });
});
