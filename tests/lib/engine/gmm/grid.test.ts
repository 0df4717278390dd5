import {describe, expect, it} from "vitest";
import {UserError} from "../../../../src/lib/errors.js";
import {buildGrid, lagOnGrid, onGrid} from "../../../../src/lib/engine/gmm/grid.js";

describe("grid and calendar lags", () => {
  const id = ["B", "A", "A", "A"];
  const time = Float64Array.from([2011, 2010, 2011, 2013]);
  const x = Float64Array.from([10, 1, 2, 3]);
  const g = buildGrid(id, time, [0, 1, 2, 3], "id", "year");
  it("pads to sorted ids x distinct times", () => {
    expect(g.ids).toEqual(["A", "B"]);
    expect(g.times).toEqual([2010, 2011, 2013]);
    expect(Array.from(onGrid(g, x))).toEqual([1, 2, 3, NaN, 10, NaN]);
  });
  it("a gap gives a missing lag (never the previous available period)", () => {
    expect(Array.from(lagOnGrid(g, onGrid(g, x), 1))).toEqual([NaN, 1, NaN, NaN, NaN, NaN]);
    expect(Array.from(lagOnGrid(g, onGrid(g, x), 2))).toEqual([NaN, NaN, 2, NaN, NaN, NaN]);
  });
  it("rejects duplicates, missing and fractional times", () => {
    expect(() => buildGrid(["A", "A"], Float64Array.from([1, 1]), [0, 1], "id", "year")).toThrow(/duplicate \(id, year\) pair \(A, 1\) at rows 1 and 2/);
    expect(() => buildGrid(["A"], Float64Array.from([1.5]), [0], "id", "year")).toThrow(UserError);
    expect(() => buildGrid([null], Float64Array.from([1]), [0], "id", "year")).toThrow(/missing value at row 1/);
  });
});
