/**
 * identification.ts: changing partners per specification equal the engine's `info.changing_ids` on the estimation
 * sample of each spec (a random sample of the default grid on the study panel); the within SD equals the engine's
 * `info.within_sd` of a two-way model on the same rows; the defensible mask follows defensible.ts; shares by group
 * are counted by hand.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {defaultGrid, DEFAULT_KEEP} from "../../../src/lib/multiverse/default-grid.ts";
import {expandGrid, specOf, type Grid} from "../../../src/lib/multiverse/grid.ts";
import {bucketOf, changingPartners, defensibleMask, keyWithinSd, partnersPerSample, significantShares} from "../../../src/lib/multiverse/identification.ts";
import {prepare} from "../../../src/lib/multiverse/prepare.ts";
import {createRng} from "../../../src/lib/random/rng.ts";
import {studyPanel} from "./helpers.ts";

let frame: Frame;
let grid: Grid;

beforeAll(async () => {
  const panel = await studyPanel();
  frame = panel.frame;
  grid = defaultGrid(panel.partners);
}, 60_000);

describe("changingPartners", () => {
  it("equals the engine's info.changing_ids of each specification alone (60 random OLS specifications)", () => {
    const c = expandGrid(grid, DEFAULT_KEEP);
    const p = prepare(frame, grid);
    const moving = changingPartners(p, grid, c);
    const rng = createRng(24);
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const i = Math.floor(rng.uniform() * c.n);
      const {spec, keyTerm} = specOf(grid, c, i);
      let res;
      try {
        res = estimate(frame, spec);
      } catch {
        continue;
      }
      const want = (res.info?.changing_ids as Record<string, number> | undefined)?.[keyTerm];
      if (want === undefined) continue;
      expect(moving[i], JSON.stringify(spec)).toBe(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  }, 120_000);
});

describe("keyWithinSd", () => {
  it("equals info.within_sd of a two-way model of the outcome on the measure alone (same rows)", () => {
    const p = prepare(frame, grid);
    const time = factorize(frame.columns.year as Float64Array);
    const sd = keyWithinSd(p, grid, time);
    grid.key.forEach((k, j) => {
      const res = estimate(frame, {id: "iso3", time: "year", y: grid.y[0], x: [k], fe: ["iso3", "year"], vcov: "iid"});
      const want = (res.info?.within_sd as Record<string, number>)[k];
      expect(Math.abs(sd[j] - want) / want, k).toBeLessThan(1e-10);
    });
    // The overall index moves far less within partner and year than across them (issue 24: 0.028 vs 0.085).
    const total = (() => {
      const x = (frame.columns.dstri as Float64Array).filter((v) => Number.isFinite(v));
      const m = x.reduce((a, b) => a + b, 0) / x.length;
      return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
    })();
    expect(sd[grid.key.indexOf("dstri")]).toBeLessThan(total / 2);
  });
});

describe("defensibleMask and partnersPerSample", () => {
  it("keeps partner effects with partner-clustered errors on samples of at least 10 partners, and nothing else", () => {
    const c = expandGrid(grid, {estimator: [0], vcov: [0, 1, 2, 3, 4], lag: [0], controls: [0], key: [0]});
    const p = prepare(frame, grid);
    const sizes = partnersPerSample(p, grid);
    expect(sizes[grid.samples.findIndex((s) => s.label === "all/all")]).toBe(new Set(frame.columns.iso3 as string[]).size);
    const mask = defensibleMask(grid, c, sizes);
    for (let i = 0; i < c.n; i++) {
      const fe = grid.fe[c.idx.fe[i]];
      const v = grid.vcov[c.idx.vcov[i]];
      const partnerErrors = v === "driscoll_kraay" || (typeof v === "object" && v.cluster.includes("iso3"));
      const want = fe.includes("iso3") && partnerErrors && sizes[c.idx.sample[i]] >= 10;
      expect(mask[i], `${fe} ${JSON.stringify(v)} ${grid.samples[c.idx.sample[i]].label}`).toBe(want ? 1 : 0);
    }
    // The study panel's non-OECD sample is too small (issue 24: 4 partners).
    expect(sizes[grid.samples.findIndex((s) => s.label === "all/nonoecd")]).toBeLessThan(10);
  });
});

describe("significantShares", () => {
  it("counts significant estimates by sign in each group, with the range of changing partners", () => {
    const r = {coef: [-1, -2, 3, 0.5, -0.1], pvalue: [0.01, 0.2, 0.04, 0.5, 0.001]};
    const changers = [3, 3, 12, 25, 7];
    const rows = significantShares(r, [0, 1, 2, 3, 4], (i) => bucketOf(changers[i]), changers);
    expect(rows).toEqual([
      {group: 0, n: 2, share_sig_negative: 0.5, share_sig_positive: 0, changers_min: 3, changers_max: 3},
      {group: 5, n: 1, share_sig_negative: 1, share_sig_positive: 0, changers_min: 7, changers_max: 7},
      {group: 10, n: 1, share_sig_negative: 0, share_sig_positive: 1, changers_min: 12, changers_max: 12},
      {group: 20, n: 1, share_sig_negative: 0, share_sig_positive: 0, changers_min: 25, changers_max: 25}
    ]);
    expect([0, 4, 5, 9, 10, 19, 20, 41].map(bucketOf)).toEqual([0, 0, 5, 5, 10, 10, 20, 20]);
  });
});

describe("the CSV download carries what identifies each specification", () => {
  it("adds changing_partners and defensible columns when given, and nothing otherwise", async () => {
    const {toCsv} = await import("../../../src/lib/multiverse/output.ts");
    const {emptyResult} = await import("../../../src/lib/multiverse/batch.ts");
    const c = expandGrid(grid, {key: [2], lag: [0], controls: [0], fe: [3], vcov: [0, 2], sample: [0], estimator: [0], y: [0]});
    const p = prepare(frame, grid);
    const changers = changingPartners(p, grid, c);
    const mask = defensibleMask(grid, c, partnersPerSample(p, grid));
    const lines = toCsv(grid, c, emptyResult(c.n), undefined, {changers, defensible: mask}).trim().split("\n");
    expect(lines[0].endsWith(",changing_partners,defensible")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",").slice(-2).join(","))).toEqual(["3,0", "3,1"]);
    expect(toCsv(grid, c, emptyResult(c.n)).split("\n")[0].endsWith(",spec")).toBe(true);
  });
});
