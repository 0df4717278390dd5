/**
 * The batched path gives estimate()'s numbers: a random sample of the default grid on the study panel
 * (every spec re-estimated alone, to 1e-12; in practice bit for bit), failing specs carry the engine's
 * reason, and the reference fixtures (fixest, via ../shared/reference; skipped on a bare clone, where estimate()
 * itself is checked against the project's own fixtures) are met to 1e-8.
 */
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {runBatch} from "../../../src/lib/multiverse/batch.ts";
import {defaultGrid, DEFAULT_KEEP} from "../../../src/lib/multiverse/default-grid.ts";
import {expandGrid, specOf, validateGrid, type Grid} from "../../../src/lib/multiverse/grid.ts";
import {prepare} from "../../../src/lib/multiverse/prepare.ts";
import {createRng} from "../../../src/lib/random/rng.ts";
import {expectClose, relErr} from "../../helpers/close.ts";
import {describeWithSharedReference} from "../../helpers/shared.ts";
import {fixtureFrame, fixturePath, studyPanel} from "./helpers.ts";

let frame: Frame;
let grid: Grid;

beforeAll(async () => {
  const panel = await studyPanel();
  frame = panel.frame;
  grid = defaultGrid(panel.partners);
}, 60_000);

describe("runBatch on the default grid", () => {
  it("PPML and Driscoll-Kraay / Newey-West specifications equal estimate() alone (bit for bit: they are estimated by it)", () => {
    const combos = expandGrid(grid, {estimator: [0, 3], vcov: [2, 4, 5]});
    const rng = createRng("multiverse-gravity");
    const pick = Int32Array.from(new Set(Array.from({length: 60}, () => rng.int(combos.n)))).sort();
    const r = runBatch(prepare(frame, grid), grid, combos, {frame}, pick);
    let ppml = 0, hac = 0, ok = 0;
    for (const i of pick) {
      const {spec, keyTerm} = specOf(grid, combos, i);
      if (spec.estimator === "ppml") ppml++;
      if (typeof spec.vcov === "string") hac++;
      let res: ReturnType<typeof estimate> | null = null;
      try {
        res = estimate(frame, spec);
      } catch {
        res = null;
      }
      const j = res ? res.terms.indexOf(keyTerm) : -1;
      if (!res || j < 0) {
        expect(r.ok[i]).toBe(0);
        continue;
      }
      ok++;
      expect([r.coef[i], r.se[i], r.tstat[i], r.pvalue[i], r.nobs[i]]).toEqual([res.coef[j], res.se[j], res.tstat[j], res.pvalue[j], res.nobs]);
    }
    expect(ppml).toBeGreaterThan(10);
    expect(hac).toBeGreaterThan(10);
    expect(ok).toBeGreaterThan(pick.length / 2);
  }, 120_000);

  it("equals estimate() alone on a random sample of 400 specifications (1e-12), reasons included", () => {
    const combos = expandGrid(grid, DEFAULT_KEEP);
    expect(combos.n).toBe(55296);
    const rng = createRng("multiverse-sample");
    const pick = Int32Array.from(new Set(Array.from({length: 400}, () => rng.int(combos.n)))).sort();
    const r = runBatch(prepare(frame, grid), grid, combos, {frame}, pick);
    let worst = 0;
    let failed = 0;
    for (const i of pick) {
      const {spec, keyTerm} = specOf(grid, combos, i);
      let res: ReturnType<typeof estimate> | null = null;
      let err = "";
      try {
        res = estimate(frame, spec);
      } catch (e) {
        err = (e as Error).message;
      }
      const j = res ? res.terms.indexOf(keyTerm) : -1;
      if (!res || j < 0) {
        failed++;
        expect(r.ok[i], JSON.stringify(spec)).toBe(0);
        expect(r.notes.get(i)).toBe(res ? `The variable '${keyTerm}' has been removed because of collinearity.` : err);
        continue;
      }
      expect(r.ok[i], JSON.stringify(spec)).toBe(1);
      for (const [a, e] of [[r.coef[i], res.coef[j]], [r.se[i], res.se[j]], [r.tstat[i], res.tstat[j]], [r.pvalue[i], res.pvalue[j]]]) worst = Math.max(worst, relErr(a, e, 1e-300));
      expect(r.nobs[i]).toBe(res.nobs);
      expect(r.df[i]).toBe(res.df_t);
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
    expect(failed).toBeLessThan(pick.length / 4);
  }, 120_000);

  it("keeps failing specifications with a one-line reason and never stops", () => {
    const g = validateGrid({id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri"], fe: [["iso3", "year"]], vcov: ["iid"], samples: [{label: "all", exclude: {}}, {label: "2014 only", exclude: {year: [2008, 2009, 2010, 2011, 2012, 2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]}}]});
    const c = expandGrid(g);
    const r = runBatch(prepare(frame, g), g, c, {frame});
    expect(Array.from(r.ok)).toEqual([1, 0]);
    expect(r.notes.get(1)).toMatch(/collinear|too few observations/);
    expect(r.notes.get(1)).not.toMatch(/\n/);
  });
});

describeWithSharedReference("runBatch vs the reference fixtures (fixest 0.12.1)", () => {
  const ref = JSON.parse(readFileSync(fixturePath("panel.expected.json"), "utf8")).models as Record<string, any>;
  const fx = fixtureFrame("panel");
  const g = validateGrid({
    id: "country", time: "year", y: ["y"], key: ["dstri"], lags: [0, 1],
    controls: {subsets: [[], ["lngdp", "lnpopu", "gov", "urban"]]},
    fe: [[], ["country", "year"]], vcov: ["iid", "hetero", {cluster: ["country"]}],
    samples: [{label: "all", exclude: {}}, {label: "excl", exclude: {year: [2020]}}]
  });
  const c = expandGrid(g);
  const r = runBatch(prepare(fx, g), g, c, {frame: fx});
  const find = (fe: number, lag: number, ctrl: number, sample: number, vc: number) => {
    for (let i = 0; i < c.n; i++) if (c.idx.fe[i] === fe && c.idx.lag[i] === lag && c.idx.controls[i] === ctrl && c.idx.sample[i] === sample && c.idx.vcov[i] === vc) return i;
    throw new Error("not in grid");
  };
  const models: Array<[string, number, number, number, number]> = [
    ["ols_base", 0, 0, 0, 0], ["ols_ctrl", 0, 0, 1, 0], ["twfe_base", 1, 0, 0, 0], ["twfe_ctrl", 1, 0, 1, 0],
    ["ols_base_excl", 0, 0, 0, 1], ["ols_ctrl_excl", 0, 0, 1, 1], ["twfe_base_excl", 1, 0, 0, 1], ["twfe_ctrl_excl", 1, 0, 1, 1],
    ["ols_lag_base", 0, 1, 0, 0], ["ols_lag_ctrl", 0, 1, 1, 0], ["twfe_lag_base", 1, 1, 0, 0], ["twfe_lag_ctrl", 1, 1, 1, 0]
  ];
  for (const [id, fe, lag, ctrl, sample] of models) {
    it(`${id}: coefficient, SE, t and p of the key term in all three SE flavours (1e-8)`, () => {
      const m = ref[id];
      const j = m.terms.indexOf(lag ? "L.dstri" : "dstri");
      ["iid", "hc1", "cluster"].forEach((flavour, vc) => {
        const i = find(fe, lag, ctrl, sample, vc);
        expectClose(r.coef[i], m.coef[j], 1e-8, `${id} coef`);
        expectClose(r.se[i], m.se[flavour][j], 1e-8, `${id} se ${flavour}`);
        expectClose(r.tstat[i], m.tstat[flavour][j], 1e-8, `${id} t ${flavour}`);
        expectClose(r.pvalue[i], m.pvalue[flavour][j], 1e-8, `${id} p ${flavour}`);
        expect(r.df[i]).toBe(m.df_t[flavour]);
        expect(r.nobs[i]).toBe(m.sample.n_obs);
      });
    });
  }
});
