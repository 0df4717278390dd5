import {describe, expect, it} from "vitest";
import {largestMover, lastExportsYear, latestValue, mostRestrictive, oecdMedian, sliderBounds} from "../../../src/lib/whatif/partner.js";

const rows = [
  {iso3: "AAA", year: 2019, oecd: true, s: 0.5},
  {iso3: "AAA", year: 2020, oecd: true, s: 0.1}, // latest: 0.1
  {iso3: "BBB", year: 2020, oecd: true, s: 0.2},
  {iso3: "CCC", year: 2018, oecd: true, s: 0.4},
  {iso3: "CCC", year: 2020, oecd: true, s: NaN}, // latest finite: 0.4 (2018)
  {iso3: "DDD", year: 2020, oecd: false, s: 0.9}, // not a member
  {iso3: "EEE", year: 2020, oecd: true, s: null}
];

describe("oecdMedian", () => {
  it("takes each member's latest finite value, then the median (odd and even counts)", () => {
    expect(oecdMedian(rows, "s")).toEqual({value: 0.2, members: 3});
    expect(oecdMedian([...rows, {iso3: "FFF", year: 2020, oecd: true, s: 0.3}], "s")).toEqual({value: 0.25, members: 4});
  });
  it("is null when no member has a value", () => {
    expect(oecdMedian(rows.filter((r) => !r.oecd), "s")).toBeNull();
  });
});

describe("mostRestrictive", () => {
  it("is the partner with the highest latest value, members or not", () => {
    expect(mostRestrictive(rows, "s")).toBe("DDD");
    expect(mostRestrictive([], "s")).toBeNull();
  });
});

describe("scores of the exports' year (issue 24)", () => {
  const panel = [
    {iso3: "AAA", year: 2019, exports_cn_usd: 5, s: 0.04, oecd: true},
    {iso3: "AAA", year: 2020, exports_cn_usd: 6, s: 0.06, oecd: true},
    {iso3: "AAA", year: 2024, exports_cn_usd: NaN, s: 0.02, oecd: true},
    {iso3: "BBB", year: 2020, exports_cn_usd: 7, s: 0.0, oecd: true},
    {iso3: "BBB", year: 2024, exports_cn_usd: null, s: 0.1, oecd: true}
  ];
  it("lastExportsYear is the last year with a finite export value", () => {
    expect(lastExportsYear(panel)).toBe(2020);
    expect(lastExportsYear([{iso3: "A", year: 2020, exports_cn_usd: NaN}])).toBeNaN();
  });
  it("latestValue, oecdMedian and mostRestrictive read that year when asked, the latest otherwise", () => {
    expect(latestValue(panel, "AAA", "s", 2020)).toEqual({year: 2020, value: 0.06});
    expect(latestValue(panel, "AAA", "s")).toEqual({year: 2024, value: 0.02});
    expect(oecdMedian(panel, "s", 2020)).toEqual({value: 0.03, members: 2});
    expect(mostRestrictive(panel, "s", 2020)).toBe("AAA");
    expect(mostRestrictive(panel, "s")).toBe("BBB");
  });
  it("sliderBounds is the observed range over every partner and year, on the 0.01 grid", () => {
    expect(sliderBounds(panel, "s")).toEqual({min: 0, max: 0.1});
    expect(sliderBounds([{iso3: "A", year: 1, s: 0.013}, {iso3: "B", year: 1, s: 0.236}], "s")).toEqual({min: 0.01, max: 0.24});
    expect(sliderBounds([{iso3: "A", year: 1, s: 0.06000000000000001}], "s")).toEqual({min: 0.06, max: 0.06});
    expect(sliderBounds([{iso3: "A", year: 1, s: null}], "s")).toBeNull();
  });
});

describe("largestMover (the opening scenario)", () => {
  it("is the partner whose value moved most between its first and last year up to maxYear, with both ends", () => {
    const rows = [
      {iso3: "BBB", year: 2014, s: 0.2},
      {iso3: "BBB", year: 2020, s: 0.2},
      {iso3: "AAA", year: 2020, s: 0.3},
      {iso3: "AAA", year: 2014, s: 0.1},
      {iso3: "AAA", year: 2024, s: 0.9},
      {iso3: "CCC", year: 2014, s: 0.5},
      {iso3: "CCC", year: 2020, s: 0.36}
    ];
    expect(largestMover(rows, "s", 2020)).toEqual({iso3: "AAA", first: {year: 2014, value: 0.1}, last: {year: 2020, value: 0.3}});
    expect(largestMover(rows.filter((r) => r.iso3 === "BBB"), "s")).toBeNull();
  });
});
