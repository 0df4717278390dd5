import {describe, expect, it} from "vitest";
import {mostRestrictive, oecdMedian} from "../../../src/lib/whatif/partner.js";

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
