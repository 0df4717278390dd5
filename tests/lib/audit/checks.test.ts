/**
 * Each audit check computes its stated arithmetic from data/paper/tables.json (and the panel where needed):
 * the values are recomputed here independently, and a changed transcription changes the arithmetic (so no
 * number is hard-coded in checks.ts).
 */
import tcdf from "@stdlib/stats-base-dists-t-cdf";
import {inverse, Matrix} from "ml-matrix";
import {beforeAll, describe, expect, it} from "vitest";
import {buildPanel} from "../../../loaders/build.ts";
import {
  auditChecks,
  checkConstant,
  checkCorrelations,
  checkDstriRange,
  checkGmm,
  checkLngov,
  checkMinimums,
  checkObservations,
  checkR2,
  checkTstats,
  checkVif,
  correlationFacts,
  literalStars,
  type Check
} from "../../../src/lib/audit/checks.ts";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import type {PaperTables} from "../../../src/lib/paper/schema.ts";
import {replicationModels} from "../../../src/lib/replication/models.ts";
import {readPaperTables} from "../../../src/lib/replication/paper-node.ts";
import {isolatedEnv} from "../../loaders/helpers.ts";

const paper = readPaperTables();
let frame: Frame;

beforeAll(async () => {
  isolatedEnv();
  frame = (await buildPanel()).frame;
});

/** The value of the step whose label starts with `label`. */
function step(c: Check, label: string, ours = false): number {
  const s = (ours ? c.ours : c.steps).find((x) => x.label.startsWith(label));
  if (!s) throw new Error(`no step "${label}" in ${c.id}: ${(ours ? c.ours : c.steps).map((x) => x.label).join(" | ")}`);
  return s.value;
}

const clone = (): PaperTables => structuredClone(paper);
const modelN = (id: string) => paper.models.find((m) => m.id === id)!.observations;

describe("observation counts", () => {
  it("30 × 14 = 420 possible, Table 4 has 660 = 30 × 22; 2020 removes 60 = 2 per country; the lag 30", () => {
    const c = checkObservations(paper);
    const years = paper.claims.period[1] - paper.claims.period[0] + 1;
    expect(step(c, "Years claimed")).toBe(years);
    expect(step(c, "Largest possible")).toBe(paper.claims.n_countries * years);
    expect(step(c, "Largest possible")).toBe(420);
    expect(step(c, "Table 4 observations per country")).toBe(modelN("t4_m1") / 30);
    expect(step(c, "Table 4 observations per country")).toBe(22);
    expect(step(c, "Dropping 2020")).toBe(modelN("t4_m1") - modelN("t5_zj"));
    expect(step(c, "… per country (one year")).toBe(2);
    expect(step(c, "The one-year lag")).toBe(30);
    expect(c.verdict).toBe("inconsistent");
  });

  it("follows the transcription", () => {
    const p = clone();
    p.models.find((m) => m.id === "t5_zj")!.observations = 630;
    expect(step(checkObservations(p), "… per country (one year")).toBe(1);
    p.claims.period = [2000, 2021];
    expect(step(checkObservations(p), "Largest possible")).toBe(660);
  });

  it("on our panel: 42 × 17 rows, Table 4 (2) with 294 observations", () => {
    const c = checkObservations(paper, frame);
    expect(step(c, "Panel rows", true)).toBe(714);
    expect(step(c, "Table 4 (2)", true)).toBe(estimate(frame, replicationModels({column: "lnexport_cn", region: "cn", label: ""})[1].spec).nobs);
  });
});

describe("DSTRI range", () => {
  it("reported max 1.992 and mean 1.728 exceed the index's ceiling; 6 years before 2014", () => {
    const d = paper.table2.find((r) => r.variable === "DSTRI")!;
    const c = checkDstriRange(paper, frame);
    expect(step(c, "Reported maximum")).toBeCloseTo(d.max - 1, 12);
    expect(step(c, "Reported mean")).toBeCloseTo(d.mean - 1, 12);
    expect(step(c, "Years of the claimed period")).toBe(2014 - paper.claims.period[0]);
    expect(step(c, "Country-years with no published")).toBe((2014 - paper.claims.period[0]) * 30);
    expect(step(c, "first year with a value", true)).toBe(2014);
    expect(step(c, "maximum", true)).toBeLessThanOrEqual(1);
    expect(step(c, "OECD DSTRI in our panel: minimum", true)).toBeGreaterThanOrEqual(0);
  });
});

describe("lngov", () => {
  it("e^82519 would have 35,838 digits; the printed zeros bound the SE by 0.0005 / |t|", () => {
    const g = paper.table2.find((r) => r.variable === "lngov")!;
    const c = checkLngov(paper, frame);
    expect(step(c, "Digits of e^max")).toBeCloseTo(g.max / Math.log(10), 10);
    const lngovCells = paper.models.filter((m) => m.terms.lngov).map((m) => m.terms.lngov);
    const maxT = Math.max(...lngovCells.map((x) => Math.abs(x.t)));
    expect(step(c, "Coefficients printed as")).toBe(lngovCells.filter((x) => x.coef === 0).length);
    expect(step(c, "Largest |t|")).toBe(maxT);
    expect(step(c, "Upper bound")).toBeCloseTo(0.0005 / maxT, 15);
    expect(step(c, "Largest effect")).toBeCloseTo(0.0005 * g.sd, 12);
    expect(step(c, "mean", true)).toBeLessThan(40);
    expect(c.verdict).toBe("inconsistent");
  });
});

describe("correlations", () => {
  it("-0.098 at n = 660 has p ≈ 0.0118 (**), so *** in one panel does not fit", () => {
    const c = checkCorrelations(paper, frame);
    const n = modelN("t4_m1");
    const r = -0.098;
    const t = r * Math.sqrt((n - 2) / (1 - r * r));
    const p = 2 * tcdf(-Math.abs(t), n - 2);
    expect(step(c, "t of r")).toBeCloseTo(t, 12);
    expect(step(c, "two-sided p")).toBeCloseTo(p, 14);
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.05);
    expect(step(c, "stars this p earns")).toBe(2);
    // The threshold r for p = 0.01 gives p = 0.01 back.
    const rc = step(c, "smallest |r|");
    expect(correlationFacts(rc, n).p).toBeCloseTo(0.01, 10);
    expect(step(c, "Rows where the correlation with exports")).toBe(2);
    expect(step(c, "Cells among the regressors printed differently")).toBe(1);
    expect(c.finding).toContain("The Wenzhou panel's stars fit");
    // The legend assumption is stated, with what the printed legend would imply (p in [0.01, 0.05): *** literally).
    expect(c.finding).toContain('An assumption: the legend printed under Table 3 reads "****p<0.01, ***p<0.05, *p<0.1"');
    expect(c.finding).toContain(`Read literally, p = ${p.toFixed(4)} would earn ***, and then: The Zhejiang panel's stars fit`);
  });
  it("literalStars reads the printed legend as written", () => {
    expect([0.003, 0.0118, 0.07, 0.2].map(literalStars)).toEqual(["****", "***", "*", ""]);
  });

  it("follows the transcription", () => {
    const p = clone();
    p.table3[1].rows[3].cells[1] = {printed: "-0.098***", r: -0.098, stars: 3};
    const c = checkCorrelations(p);
    expect(step(c, "Cells among the regressors printed differently")).toBe(0);
  });
});

describe("R² with fixed effects", () => {
  it("is computed from the engine's SSR of the FE-only fit", () => {
    const c = checkR2(paper, frame);
    expect(step(c, "R² added by the four controls")).toBeCloseTo(0.991 - 0.99, 12);
    const r = estimate(frame, replicationModels({column: "lnexport_cn", region: "cn", label: ""})[0].spec);
    const info = r.info as {ssr_fe_only: number; tss: number};
    expect(step(c, "R² of China's exports on country and year FE only", true)).toBe(1 - info.ssr_fe_only / info.tss);
    expect(step(c, "R² with the DSTRI added", true)).toBe(r.r2);
    expect(step(c, "within R² of the DSTRI alone", true)).toBe(r.r2_within);
    expect(r.r2! - (1 - info.ssr_fe_only / info.tss)).toBeCloseTo(r.r2_within! * (info.ssr_fe_only / info.tss), 12);
  });
});

describe("t statistics, constant, minimums, GMM", () => {
  it("implied SE of lngdp = |-1.599 / -75.18|", () => {
    const c = checkTstats(paper, frame);
    const cell = paper.models.find((m) => m.id === "t4_m2")!.terms.lngdp;
    expect(step(c, "Implied SE of lngdp")).toBe(Math.abs(cell.coef / cell.t));
    expect(step(c, "Implied SE of lngdp")).toBeCloseTo(0.02127, 5);
  });

  it("ȳ − b·x̄ from Table 2 and Table 4", () => {
    const c = checkConstant(paper);
    expect(step(c, "ȳ − b·x̄, Zhejiang")).toBeCloseTo(7.504 + 0.273 * 1.728, 12);
    expect(step(c, "printed constant, model (1)")).toBe(paper.models.find((m) => m.id === "t4_m1")!.terms.Constant.coef);
  });

  it("lnexport_wz min 0 means exports of e^0 = 1 unit", () => {
    const c = checkMinimums(paper, frame);
    expect(step(c, "Wenzhou's smallest")).toBe(1);
    expect(step(c, "Lowest urbanisation rate reported")).toBe(0);
    expect(step(c, "Lowest urban share", true)).toBeGreaterThan(0.2);
  });

  it("GMM reports the same N as the FE lag model and no diagnostics", () => {
    const c = checkGmm(paper);
    expect(step(c, "Observations, GMM")).toBe(modelN("t7_zj") - modelN("t6_zj"));
    expect(step(c, "Lagged dependent variable")).toBe(0);
    expect(step(c, "Diagnostics reported")).toBe(0);
  });
});

describe("VIF from Table 3", () => {
  it("equals the diagonal of the inverse correlation matrix (independent inverse)", () => {
    const c = checkVif(paper, frame);
    const panel = paper.table3[0];
    const k = panel.variables.length - 1;
    const R = Matrix.zeros(k, k);
    for (let i = 1; i <= k; i++) for (let j = 1; j <= k; j++) R.set(i - 1, j - 1, i === j ? 1 : i > j ? panel.rows[i].cells[j].r : panel.rows[j].cells[i].r);
    const inv = inverse(R);
    const vifs = Array.from({length: k}, (_, i) => inv.get(i, i));
    expect(step(c, "VIF of DSTRI")).toBeCloseTo(vifs[0], 10);
    expect(step(c, "Mean VIF implied")).toBeCloseTo(vifs.reduce((a, b) => a + b, 0) / k, 10);
    expect(step(c, "Mean VIF reported")).toBe(paper.claims.vif_mean);
    expect(c.verdict).toBe("consistent");
  });
});

describe("auditChecks", () => {
  it("runs every check with and without the panel, every step a finite number", () => {
    for (const checks of [auditChecks(paper), auditChecks(paper, frame)]) {
      expect(checks.map((c) => c.id)).toEqual(["observations", "dstri-range", "lngov", "correlations", "r2", "tstats", "constant", "minimums", "vif", "gmm"]);
      for (const c of checks) for (const s of [...c.steps, ...c.ours]) expect([c.id, s.label, Number.isFinite(s.value)]).toEqual([c.id, s.label, true]);
    }
    expect(auditChecks(paper).every((c) => c.ours.length === 0)).toBe(true);
  });
});
