/**
 * Honest GMM on the replication page (issue 24, point 4): a model that carries the engine's warnings gets no sign or
 * size reading, says why, states its instruments in words and counts partner-years apart from plm's rows; the
 * option that treats the DSTRI as endogenous gives the engine's GMM with the DSTRI's own lags as instruments.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {buildPanel} from "../../../loaders/build.ts";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {comparisonTables, readDifference} from "../../../src/lib/replication/compare.ts";
import {runModels, runOne} from "../../../src/lib/replication/compute.ts";
import {gmmRows} from "../../../src/lib/replication/gmm-reading.ts";
import {endogenousGmmModels, replicationModels} from "../../../src/lib/replication/models.ts";
import {readPaperTables} from "../../../src/lib/replication/paper-node.ts";

const CN = {column: "lnexport_cn", region: "cn", label: "China"};
const paper = readPaperTables();
const sd = {paper: 0.326, ours: 0.084};
let frame: Frame;

beforeAll(async () => {
  frame = (await buildPanel()).frame;
});

describe("GMM readings", () => {
  it("give no sign or size reading for a model with warnings, and say why", () => {
    // Table 7 on the whole panel 2008-2024 (replicationModels without a frame): the engine warns on both models
    // (years with all-zero dummies, where plm stops). The page no longer shows these; the rule is tested on them.
    const [diff, sys] = replicationModels(CN).filter((m) => m.table === 7).map((m) => runOne(frame, m));
    const pm = paper.models.find((m) => m.id === "t7_zj")!;
    for (const run of [diff, sys]) {
      const r = run.result!;
      expect(r.warnings!.length).toBeGreaterThan(0);
      const reading = readDifference(pm, run, sd, "China");
      expect(reading.sign).toBe("n/a");
      expect(reading.significance).toBe("n/a");
      expect(reading.sd_effect).toBeNull();
      const text = reading.sentences.join(" ");
      expect(text).not.toMatch(/Same sign|Opposite sign|Per standard deviation/);
      expect(text).toContain("No sign or size reading");
      const j = r.terms.indexOf("L.dstri");
      expect(text).toContain(`t = ${r.tstat[j].toFixed(2)}`);
      expect(text).toContain(`Hansen J p = ${r.hansen!.pvalue.toFixed(3)}`);
      expect(text).toContain("DSTRI (overall) lagged one year thus enters as exogenous");
      expect(text).not.toMatch(/\b(?:L\.dstri|lngdp|lnpopu|lngov)\b/);
      expect(text).toContain(`Instruments (${r.n_instruments} in all): lags 2 and deeper of the outcome, collapsed`);
    }
    // System GMM: plm's observations = differenced + level rows; the paper's 630 compares with the partner-years.
    const rows = gmmRows(sys.result!)!;
    expect(rows.differenced + rows.level).toBe(sys.result!.nobs);
    expect(rows.partner_years).toBeLessThan(sys.result!.nobs);
    expect(rows.partner_years).toBe(sys.result!.info!.partner_years);
    const text = readDifference(pm, sys, sd, "China").sentences.join(" ");
    expect(text).toContain(`to be compared with our ${rows.partner_years} partner-years`);
    expect(text).toContain(`count ${rows.differenced} differenced rows and ${rows.level} level rows`);
    const t7 = comparisonTables(paper, [diff, sys], "China").find((t) => t.table === 7)!;
    expect(t7.columns[2].gmm_rows).toEqual(rows);
  });

  it("read the page's Table 7 (2014-2020, no warnings) by sign, with its specification tests", () => {
    const pm = paper.models.find((m) => m.id === "t7_zj")!;
    for (const run of runModels(frame, CN, "cluster", [7])) {
      const r = run.result!;
      expect(r.warnings).toEqual([]);
      const reading = readDifference(pm, run, sd, "China");
      expect(reading.sign).not.toBe("n/a");
      const text = reading.sentences.join(" ");
      expect(text).toMatch(/Same sign|Opposite sign/);
      expect(text).toContain(`Hansen J p = ${r.hansen!.pvalue.toFixed(3)} (${r.n_instruments} instruments), AR(2) p = ${r.ar2!.pvalue.toFixed(3)}.`);
      // The verdict sentence follows the p-values: system GMM's Hansen p (0.033 in plm) rejects, difference GMM's does not.
      if (r.hansen!.pvalue < 0.05) expect(text).toContain("The Hansen test rejects the instruments' validity at 5%");
      else if (r.ar2!.pvalue >= 0.05) expect(text).toContain("Neither rejects at 5%");
    }
  });

  it("keep the sign reading for a model without warnings", () => {
    const run = runModels(frame, CN, "cluster", [4])[1];
    expect(run.result!.warnings).toEqual([]);
    const reading = readDifference(paper.models.find((m) => m.id === "t4_m2")!, run, sd, "China");
    expect(reading.sign).not.toBe("n/a");
    expect(reading.sentences.join(" ")).toContain("Sample: the paper reports 294 observations".replace("294", String(paper.models.find((m) => m.id === "t4_m2")!.observations)));
  });

  it("treat the DSTRI as endogenous with its own lags as GMM instruments (the engine's gmm.endogenous)", () => {
    const models = endogenousGmmModels(CN, frame);
    expect(models.map((m) => m.id)).toEqual(["t7_diff_endo_cn", "t7_sys_endo_cn"]);
    for (const m of models) {
      expect(m.spec.gmm!.endogenous).toEqual(["dstri"]);
      const run = runOne(frame, m);
      const direct = estimate(frame, {...m.spec});
      expect(run.result!.coef).toEqual(direct.coef);
      expect(run.result!.info!.gmm_instruments).toEqual(["lnexport_cn", "dstri"]);
      const text = readDifference(paper.models.find((p) => p.id === "t7_zj")!, run, sd, "China").sentences.join(" ");
      expect(text).toContain("of the outcome and of DSTRI");
      expect(text).toContain("The DSTRI is treated as endogenous");
      // More instruments than the exogenous version: the DSTRI's lags join the outcome's.
      const exo = runOne(frame, {...m, spec: {...m.spec, gmm: {...m.spec.gmm, endogenous: []}}});
      expect(run.result!.n_instruments!).toBeGreaterThan(exo.result!.n_instruments!);
    }
  });
});
