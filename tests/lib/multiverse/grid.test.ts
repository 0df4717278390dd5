/** Grid validation (one-line errors naming the key), sizes, expansion, and the page grid = explorer views. */
import {describe, expect, it} from "vitest";
import {UserError} from "../../../src/lib/errors.ts";
import {toSpec} from "../../../src/lib/explorer/state.ts";
import {defaultGrid, DEFAULT_KEEP, toExplorerState} from "../../../src/lib/multiverse/default-grid.ts";
import {allSubsets, expandGrid, gridSize, specOf, validateGrid} from "../../../src/lib/multiverse/grid.ts";
import {emptyResult} from "../../../src/lib/multiverse/batch.ts";
import {influence} from "../../../src/lib/multiverse/influence.ts";
import {median, summarize} from "../../../src/lib/multiverse/summary.ts";

const ISSUE_GRID = {
  id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri", "dstri_etrans"], lags: [0, 1],
  controls: {optional: ["lngdp", "lnpopu", "lngov", "urban"], always: []},
  fe: [[], ["iso3"], ["year"], ["iso3", "year"]], vcov: ["iid", "hetero", {cluster: ["iso3"]}],
  samples: [{label: "all", exclude: {}}, {label: "no2020", exclude: {year: [2020]}}], estimators: ["ols"]
};

describe("validateGrid", () => {
  it("accepts the README example and counts 2 x 2 x 16 x 4 x 3 x 2 = 1536 specifications", () => {
    const g = validateGrid(ISSUE_GRID);
    expect(gridSize(g)).toBe(1536);
    expect(expandGrid(g).n).toBe(1536);
    expect(g.subsets).toHaveLength(16);
  });
  const bad: Array<[unknown, RegExp]> = [
    [[], /grid must be a JSON object/],
    [{...ISSUE_GRID, fes: []}, /unknown key 'fes'/],
    [{...ISSUE_GRID, key: undefined}, /grid.key is required/],
    [{...ISSUE_GRID, y: []}, /grid.y must not be empty/],
    [{...ISSUE_GRID, lags: [0, -1]}, /grid.lags\[1\]/],
    [{...ISSUE_GRID, vcov: ["hc3"]}, /grid.vcov\[0\]/],
    [{...ISSUE_GRID, estimators: ["iv"]}, /grid.estimators\[0\]/],
    [{...ISSUE_GRID, samples: [{label: "a"}, {label: "a"}]}, /label 'a' is used twice/],
    [{...ISSUE_GRID, controls: {optional: ["dstri"]}}, /'dstri' is also a key regressor/],
    [{...ISSUE_GRID, controls: {optional: ["a"], subsets: [["a"]]}}, /either 'optional'.*or 'subsets'/],
    [{...ISSUE_GRID, fe: [[1]]}, /grid.fe\[0\]\[0\]/]
  ];
  for (const [g, re] of bad) {
    it(`rejects ${JSON.stringify(g).slice(0, 60)}… with one line`, () => {
      expect(() => validateGrid(g)).toThrow(UserError);
      expect(() => validateGrid(g)).toThrow(re);
    });
  }
});

describe("expandGrid", () => {
  it("lists every subset once", () => {
    expect(allSubsets(["a", "b"])).toEqual([[], ["a"], ["b"], ["a", "b"]]);
  });
  it("counts GMM once per (y, key, lag, controls, sample) and honours switched-off options", () => {
    const g = validateGrid({...ISSUE_GRID, estimators: ["ols", "gmm-diff"]});
    expect(gridSize(g)).toBe(1536 + 2 * 2 * 16 * 2);
    expect(gridSize(g, {fe: [3], vcov: [2], estimator: [0]})).toBe(2 * 2 * 16 * 2);
    const c = expandGrid(g, {key: [1], lag: [1], estimator: [1]});
    expect(c.n).toBe(16 * 2);
    expect(specOf(g, c, 0).spec).toMatchObject({x: ["L.lnexport_cn", "L.dstri_etrans"], estimator: "gmm-diff", effect: "twoways"});
  });
});

describe("the page's default grid", () => {
  const partners = [{iso3: "AUS", oecd: true}, {iso3: "BRA", oecd: false}, {iso3: "IND", oecd: false}];
  const g = defaultGrid(partners);
  it("has 55,296 OLS/FE specifications (>= 20,000) on by default; 6,912 GMM, 82,944 PPML and 27,648 OLS Driscoll-Kraay / Newey-West ones off", () => {
    expect(gridSize(g, DEFAULT_KEEP)).toBe(55296);
    expect(gridSize(g, {estimator: [1, 2]})).toBe(6912);
    expect(gridSize(g, {estimator: [3]})).toBe(82944);
    expect(gridSize(g, {estimator: [0], vcov: [4, 5]})).toBe(27648);
    expect(gridSize(g) - gridSize(g, DEFAULT_KEEP)).toBe(6912 + 82944 + 27648);
  });
  it("every specification is the explorer view it opens (same spec as the explorer's toSpec)", () => {
    const c = expandGrid(g);
    for (let i = 0; i < c.n; i += 97) expect(specOf(g, c, i).spec).toEqual(toSpec(toExplorerState(g, c, i), partners));
  });
});

describe("summaries", () => {
  it("median, shares, Janus and influence on a hand-made curve", () => {
    expect(median(Float64Array.of(3, 1, 2))).toBe(2);
    expect(median(Float64Array.of(4, 1, 2, 3))).toBe(2.5);
    const g = validateGrid({id: "i", time: "t", y: ["y"], key: ["a", "b"], fe: [[], ["i"]]});
    const c = expandGrid(g);
    const r = emptyResult(4);
    // key a: -1, -1; key b: -3, +1 (fe none, i): the key moves the estimate more than the FE.
    [-1, -1, -3, 1].forEach((b, i) => {
      r.coef[i] = b;
      r.tstat[i] = b * 3;
      r.pvalue[i] = b === -3 ? 0.001 : 0.5;
      r.ok[i] = 1;
    });
    const s = summarize(r);
    expect(s.median).toBe(-1);
    expect(s.direction).toBe(-1);
    expect(s.share_negative).toBe(0.75);
    expect(s.share_sig_negative).toBe(0.25);
    expect(s.janus).toBe(0.25);
    expect(s.min).toBe(-3);
    expect(s.max).toBe(1);
    const inf = influence(g, c, r);
    const fe = inf.decisions.find((d) => d.id === "fe")!;
    const key = inf.decisions.find((d) => d.id === "key")!;
    // mean -1; key means -1, -1: between SS 0; fe means -2, 0: between SS 4 of TSS 8.
    expect(key.share).toBe(0);
    expect(fe.share).toBe(0.5);
    expect(fe.coef[1]).toBeCloseTo(2, 12);
  });
});
