import {describe, expect, it} from "vitest";
import {startingPoints} from "../../../src/lib/support/where-to-start.js";
import type {Measure} from "../../../src/lib/support/schema.js";

const m = (id: string, areas: string[]) => ({id, areas}) as unknown as Measure;

describe("startingPoints", () => {
  const evidence = [
    {area: "infra", beta: -1, lo: -2, hi: 0.5, pvalue: 0.2},
    {area: "ipr", beta: -3, lo: -5, hi: -1, pvalue: 0.01},
    {area: "other", beta: 1, lo: -1, hi: 3, pvalue: 0.5},
    {area: "payment", beta: 0.1, lo: -1, hi: 1, pvalue: 0.001}
  ];
  const measures = [m("g-2", ["infra", "ipr"]), m("g-1", ["ipr"]), m("i-1", ["infra"]), m("e-1", ["other"])];
  it("ranks by p-value, skips areas without measures, says whether the interval excludes zero", () => {
    const s = startingPoints(evidence, measures);
    expect(s.map((x) => x.evidence.area)).toEqual(["ipr", "infra"]); // payment has no measure
    expect(s.map((x) => x.clear)).toEqual([true, false]);
  });
  it("lists the most specific measures first, at most perArea", () => {
    expect(startingPoints(evidence, measures, 1)[0].measures.map((x) => x.id)).toEqual(["g-1", "g-2"]);
    expect(startingPoints(evidence, measures, 1, 1)[0].measures.map((x) => x.id)).toEqual(["g-1"]);
  });
  it("puts areas whose score moves in fewer than 5 partners last, whatever their p-value (issue 24)", () => {
    const withMovers = [
      {area: "etrans", beta: -8, lo: -15, hi: -1, pvalue: 0.03, movers: 3},
      {area: "infra", beta: 0.1, lo: -1, hi: 1.2, pvalue: 0.8, movers: 12},
      {area: "other", beta: -1, lo: -3, hi: 1, pvalue: 0.4, movers: 25}
    ];
    const ms = [m("a", ["etrans"]), m("b", ["infra"]), m("c", ["other"])];
    expect(startingPoints(withMovers, ms, 3).map((x) => x.evidence.area)).toEqual(["other", "infra", "etrans"]);
  });
  it("is empty without evidence", () => {
    expect(startingPoints([], measures)).toEqual([]);
  });
});
