/** The verdict rule and the explorer links of the verdict card (issue #21). */
import {describe, expect, it} from "vitest";
import {stateOfModel} from "../../../src/lib/compare/explorer-link.ts";
import {verdictOf, verdictRows} from "../../../src/lib/compare/verdict.ts";
import {parseState, toSpec} from "../../../src/lib/explorer/state.ts";
import {replicationModels} from "../../../src/lib/replication/models.ts";
import {readPaperTables} from "../../../src/lib/replication/paper-node.ts";
import type {ModelRun} from "../../../src/lib/replication/compute.ts";
import type {Frame, ModelWarning} from "../../../src/lib/engine/types.ts";

// A panel shaped like the snapshot: exports 2008-2020, the DSTRI 2014-2024, so Table 7 runs on 2014-2020.
const years = Array.from({length: 17}, (_, k) => 2008 + k);
const frame: Frame = {nrows: years.length, columns: {
  year: Float64Array.from(years),
  lnexport_cn: Float64Array.from(years, (t) => (t <= 2020 ? 1 : NaN)),
  lnexport_zj: Float64Array.from(years, (t) => (t <= 2020 ? 1 : NaN)),
  dstri: Float64Array.from(years, (t) => (t >= 2014 ? 0.1 : NaN))
}};

const W: ModelWarning = {code: "ar2_missing", message: "m", message_zh: "m"};

describe("verdictOf", () => {
  it("applies the stated rule", () => {
    expect(verdictOf(-0.224, -0.3, 0.01, [])).toBe("holds");
    expect(verdictOf(-0.224, -0.3, 0.0499, [])).toBe("holds");
    expect(verdictOf(-0.224, -0.3, 0.05, [])).toBe("same_sign_ns");
    expect(verdictOf(-0.224, -0.074, 0.863, [])).toBe("same_sign_ns");
    expect(verdictOf(-0.224, 0.077, 0.86, [])).toBe("opposite");
    expect(verdictOf(-0.224, 0.077, 0.001, [])).toBe("opposite");
    expect(verdictOf(-0.224, -0.3, 0.001, [W])).toBe("unreadable");
    expect(verdictOf(-0.224, NaN, NaN, [])).toBe("not_estimated");
  });
});

describe("explorer links of the replication models", () => {
  const outcomes = [{column: "lnexport_cn", region: "cn", label: "China"}, {column: "lnexport_zj", region: "zj", label: "Zhejiang"}];
  for (const outcome of outcomes) {
    for (const vcov of [{cluster: ["iso3"]}, "hetero", "iid"] as const) {
      it(`open the exact spec (${outcome.region}, ${JSON.stringify(vcov)})`, () => {
        for (const m of [...replicationModels(outcome, vcov as never), ...replicationModels(outcome, vcov as never, frame)]) {
          const s = stateOfModel(m);
          expect(toSpec(s, []), m.id).toEqual(m.spec);
        }
        const t7 = replicationModels(outcome, vcov as never, frame).filter((m) => m.table === 7);
        for (const m of t7) expect([stateOfModel(m).from, stateOfModel(m).to, stateOfModel(m).drop2020]).toEqual([2014, 2020, false]);
      });
    }
  }
});

describe("verdictRows", () => {
  it("one row per Zhejiang claim, the headline marked, numbers from the runs", () => {
    const paper = readPaperTables();
    const models = replicationModels({column: "lnexport_cn", region: "cn", label: "China"}, undefined, frame);
    expect(models.find((m) => m.id === "t7_diff_cn")!.spec.exclude!.year).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2021, 2022, 2023, 2024]);
    const runs: ModelRun[] = models.map((model, k) => ({
      model,
      error: null,
      result: {terms: model.spec.x, coef: model.spec.x.map((_, j) => -0.1 * (k + 1) + j), se: model.spec.x.map(() => 0.05), tstat: model.spec.x.map(() => -2), pvalue: model.spec.x.map(() => 0.04), df_t: 41, nobs: 294, n_groups: 42, r2: 0.9, r2_within: 0.1, vcov: [], notes: [], warnings: [], info: {n_periods: 7}}
    }));
    const rows = verdictRows(paper, runs, {paper: 0.326, ours: 0.084});
    expect(rows.map((r) => r.id)).toEqual(["t4_base_cn", "t4_ctrl_cn", "t5_excl2020_cn", "t6_lag_cn", "t7_diff_cn", "t7_sys_cn"]);
    expect(rows.filter((r) => r.headline).map((r) => r.id)).toEqual(["t4_ctrl_cn"]);
    const head = rows[1];
    expect(head.paper).toMatchObject({coef: -0.224, t: -4.97, nobs: 660});
    expect(head.paper.sd_effect).toBeCloseTo(-0.224 * 0.326, 15);
    // The key term's coefficient: dstri is x[0] in the FE models, L.dstri is x[1] in GMM.
    expect(head.ours!.coef).toBeCloseTo(-0.2, 15);
    expect(rows[4].ours!.coef).toBeCloseTo(-0.5 + 1, 15);
    expect(head.verdict).toBe("holds");
    expect(rows[2].paper.sample.en).toMatch(/2020 left out/);
    // Only Table 5's paper sample leaves 2020 out, also when our Table 7 excludes years (the overlap 2014-2020).
    expect(rows.filter((r) => /2020 left out/.test(r.paper.sample.en)).map((r) => r.id)).toEqual(["t5_excl2020_cn"]);
    expect(parseState(head.explorer.slice(head.explorer.indexOf("?"))).ignored).toEqual([]);
  });
});
