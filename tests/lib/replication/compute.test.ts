/**
 * The replication page's computation module (src/lib/replication/compute.ts, compare.ts) gives exactly the
 * numbers of the engine's `estimate()` called directly, and of `dtb replicate`, on the panel assembled from
 * the shared snapshot; customs regions merged in the browser match the Node panel builder.
 */
import {execFile} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {buildPanel} from "../../../loaders/build.ts";
import {describe as describeVars} from "../../../src/lib/engine/descriptives.ts";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame, Result} from "../../../src/lib/engine/types.ts";
import {comparisonTables, readDifference} from "../../../src/lib/replication/compare.ts";
import {criticalValue} from "../../../src/lib/engine/tdist.ts";
import {minimumDetectableEffect} from "../../../src/lib/evidence/mde.ts";
import {correlations, descriptives, numericColumns, outcomesIn, runModels, vcovFor, withRegions} from "../../../src/lib/replication/compute.ts";
import {replicationModels} from "../../../src/lib/replication/models.ts";
import {readPaperTables} from "../../../src/lib/replication/paper-node.ts";
import {isolatedEnv, REPO, tempDir} from "../../loaders/helpers.ts";

const CN = {column: "lnexport_cn", region: "cn", label: "China"};
const paper = readPaperTables();
let frame: Frame;
let env: Record<string, string>;

beforeAll(async () => {
  env = isolatedEnv();
  frame = (await buildPanel()).frame;
});

/** JSON round trip: what the CLI writes (NaN -> null). */
const json = (r: unknown) => JSON.parse(JSON.stringify(r));
/** A result without its timings (timing_ms, GMM info.elapsed_ms: they differ between two runs of the same model). */
const noTime = (r: Result | null | undefined) => {
  if (!r) return r;
  const {timing_ms: _t, ...rest} = r;
  if (!rest.info) return rest;
  const {elapsed_ms: _e, ...info} = rest.info;
  return {...rest, info};
};

describe("runModels", () => {
  it("equals estimate() on the same spec, for every model and SE type", () => {
    for (const se of ["cluster", "hetero", "iid"] as const) {
      const runs = runModels(frame, CN, se);
      expect(runs.map((r) => r.model.id)).toEqual(["t4_base_cn", "t4_ctrl_cn", "t5_excl2020_cn", "t6_lag_cn", "t7_diff_cn", "t7_sys_cn"]);
      for (const run of runs) {
        const direct = (() => {
          try {
            return estimate(frame, run.model.spec);
          } catch (e) {
            return (e as Error).message;
          }
        })();
        if (typeof direct === "string") expect(run.error).toBe(direct.split("\n")[0]);
        else expect(noTime(run.result)).toEqual(noTime(direct));
        if (!run.model.spec.estimator) expect(run.model.spec.vcov).toEqual(vcovFor(se));
      }
    }
  });

  it("on the snapshot panel: 42 partners, 2014-2020 (294 obs) for Table 4, 252 without 2020 and with the lag", () => {
    const runs = runModels(frame, CN, "cluster", [4, 5, 6]);
    expect(runs.map((r) => r.result!.nobs)).toEqual([294, 294, 252, 252]);
    expect(runs.every((r) => r.result!.n_groups === 42)).toBe(true);
    const r = runs[1].result!;
    expect((r.info as {n_clusters: number}).n_clusters).toBe(42);
    expect(r.df_t).toBe(41);
  });

  it("changing the SE type changes SEs, never coefficients", () => {
    const [a] = runModels(frame, CN, "cluster", [4]);
    const [b] = runModels(frame, CN, "iid", [4]);
    expect(b.result!.coef).toEqual(a.result!.coef);
    expect(b.result!.se[0]).not.toBeCloseTo(a.result!.se[0], 6);
  });

  it("records an engine error on its model instead of throwing", () => {
    const tiny: Frame = {nrows: 3, columns: {iso3: ["A", "B", "C"], year: new Float64Array([2015, 2015, 2015]), lnexport_cn: new Float64Array([1, 2, 3])}};
    const runs = runModels(tiny, CN, "cluster");
    expect(runs).toHaveLength(6);
    expect(runs.every((r) => r.result === null && typeof r.error === "string" && r.error.length > 0)).toBe(true);
  });
});

describe("dtb replicate", () => {
  it("writes the same results as runModels (JSON), for every model", async () => {
    const out = join(tempDir("dtb-rep-"), "rep.json");
    await promisify(execFile)(process.execPath, [join(REPO, "bin", "dtb.js"), "replicate", "--out", out], {cwd: REPO, env: {...process.env, ...env}, timeout: 120_000});
    const doc = JSON.parse(readFileSync(out, "utf8"));
    const runs = runModels(frame, CN, "cluster");
    expect(doc.models.map((m: {id: string}) => m.id)).toEqual(runs.map((r) => r.model.id));
    doc.models.forEach((m: {spec: unknown; result?: Result; error?: string}, i: number) => {
      expect(m.spec).toEqual(json(runs[i].model.spec));
      if (runs[i].error) expect(m.error).toBe(runs[i].error);
      else expect(noTime(m.result)).toEqual(json(noTime(runs[i].result)));
    });
  });
});

describe("comparison with the paper", () => {
  it("lays each of our models next to the paper model it mirrors, with the engine's numbers", () => {
    const runs = runModels(frame, CN, "cluster");
    const tables = comparisonTables(paper, runs, "China");
    expect(tables.map((t) => t.table)).toEqual([4, 5, 6, 7]);
    const t4 = tables[0];
    expect(t4.columns.map((c) => `${c.kind}:${c.id}`)).toEqual(["paper:t4_m1", "ours:t4_base_cn", "paper:t4_m2", "ours:t4_ctrl_cn"]);
    expect(t4.rows[0]).toBe("DSTRI");
    expect(t4.rows).toContain("city_rate");
    const ours = t4.columns[1].cells.DSTRI!;
    const r = runs[0].result!;
    expect(ours.coef).toBe(r.coef[0]);
    expect(ours.se).toBe(r.se[0]);
    expect(ours.t).toBe(r.tstat[0]);
    const printed = t4.columns[0].cells.DSTRI!;
    expect(printed.coef).toBe(-0.273);
    expect(printed.se).toBeCloseTo(0.273 / 6.46, 12);
    // Table 7: one paper column, then our difference and system GMM.
    expect(tables[3].columns.map((c) => c.id)).toEqual(["t7_zj", "t7_diff_cn", "t7_sys_cn"]);
  });

  it("reads the difference with each side's own DSTRI standard deviation", () => {
    const runs = runModels(frame, CN, "cluster", [4]);
    const sd = {paper: 0.326, ours: descriptives(frame, CN).find((d) => d.column === "dstri")!.sd};
    const pm = paper.models.find((m) => m.id === "t4_m2")!;
    const reading = readDifference(pm, runs[1], sd, "China");
    const b = runs[1].result!.coef[0];
    expect(reading.sd_effect).toEqual({paper: -0.224 * 0.326, ours: b * sd.ours});
    expect(reading.sign).toBe(Math.sign(b) === -1 ? "same" : "opposite");
    expect(reading.significance).toBe(runs[1].result!.pvalue[0] < 0.1 ? "both" : "paper only");
    // Issue 24: the interval per SD against the paper's effect, the minimum detectable effect, the within SD.
    const r = runs[1].result!;
    const q = criticalValue(r.df_t);
    const lo = (b - q * r.se[0]) * sd.ours, hi = (b + q * r.se[0]) * sd.ours;
    const text = reading.sentences.join(" ");
    expect(text).toContain(`95% interval ${lo.toFixed(3)} to ${hi.toFixed(3)} log points per SD of our DSTRI`);
    expect(text).toContain(lo <= -0.224 * 0.326 && -0.224 * 0.326 <= hi ? "lies inside it, so the open data cannot reject it" : "lies outside it");
    expect(text).toContain(`only effects of about ${(minimumDetectableEffect(r.se[0], r.df_t) * sd.ours).toFixed(3)} or more would have been detected`);
    const w = (r.info!.within_sd as Record<string, number>).dstri;
    expect(w).toBeLessThan(sd.ours);
    expect(text).toContain(`the DSTRI's SD within partner and year is ${w.toFixed(3)}`);
    expect(text).toContain("A heuristic: it assumes the paper's index is a linear rescaling of the OECD one");
  });
});

describe("Tables 2 and 3 on the panel", () => {
  it("descriptives are the engine's, on available values or the estimation sample", () => {
    const rows = descriptives(frame, CN);
    expect(rows.map((r) => r.paper)).toEqual(["lnexport_zj", "DSTRI", "lngdp", "lnpopu", "lngov", "city_rate"]);
    const direct = describeVars(numericColumns(frame), ["lnexport_cn", "dstri", "lngdp", "lnpopu", "lngov", "urban"]);
    rows.forEach((r, j) => expect([r.n, r.mean, r.sd, r.min, r.max]).toEqual([direct[j].n, direct[j].mean, direct[j].sd, direct[j].min, direct[j].max]));
    const est = descriptives(frame, CN, "estimation");
    expect(est.every((r) => r.n === 294)).toBe(true);
  });

  it("correlations carry p-values from r and n", () => {
    const c = correlations(frame, CN);
    const r = c.r[1][0];
    const n = c.n[1][0];
    expect(n).toBe(294);
    expect(c.p[1][0]).toBeGreaterThan(0);
    expect(c.r[0][1]).toBe(r);
  });
});

describe("customs regions merged in the browser", () => {
  it("give the same lnexport_<region> columns as the Node panel builder", async () => {
    const rows = [
      {region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 1234567.5},
      {region: "zj", partner_iso3: "DEU", year: 2018, exports_usd: 0},
      {region: "wz", partner_iso3: "FRA", year: 2016, exports_usd: 4321},
      {region: "wz", partner_iso3: "ATA", year: 2016, exports_usd: 5}
    ];
    const dir = tempDir("dtb-customs-");
    writeFileSync(join(dir, "c.csv"), "region,partner_iso3,year,exports_usd\n" + rows.map((r) => `${r.region},${r.partner_iso3},${r.year},${r.exports_usd}`).join("\n") + "\n");
    const saved = process.env.DTB_CUSTOMS_DIR;
    process.env.DTB_CUSTOMS_DIR = dir;
    try {
      const node = (await buildPanel()).frame;
      const merged = withRegions(frame, rows);
      expect(outcomesIn(Object.keys(merged.columns)).map((o) => o.column)).toEqual(["lnexport_cn", "lnexport_wz", "lnexport_zj"]);
      for (const col of ["exports_zj_usd", "lnexport_zj", "exports_wz_usd", "lnexport_wz"]) {
        expect(Array.from(merged.columns[col] as Float64Array)).toEqual(Array.from(node.columns[col] as Float64Array));
      }
    } finally {
      process.env.DTB_CUSTOMS_DIR = saved;
    }
  });
});
