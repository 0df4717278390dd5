/** Grid bounds (issue #21): indices sized for the grid; an oversize grid refused with the numbers before it runs. */
import {describe, expect, it} from "vitest";
import {UserError} from "../../../src/lib/errors.ts";
import {expandGrid, GRID_LIMITS, gridFootprint, oversizeMessage, validateGrid} from "../../../src/lib/multiverse/grid.ts";

const BASE = {id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri"]};

describe("grid bounds", () => {
  it("more than 65,536 options in a dimension: 32-bit indices, no wrap-around", () => {
    const subsets = Array.from({length: 70_000}, (_, i) => [i % 2 ? "lngdp" : "urban"]);
    const g = validateGrid({...BASE, controls: {subsets}});
    expect(gridFootprint(g).index_bytes).toBe(4);
    const c = expandGrid(g);
    expect(c.n).toBe(70_000);
    expect(c.idx.controls).toBeInstanceOf(Uint32Array);
    expect(c.idx.controls[69_999]).toBe(69_999);
    expect(c.idx.controls[65_536]).toBe(65_536);
  });
  it("the default-sized grids keep 16-bit indices", () => {
    const g = validateGrid({...BASE, controls: {optional: ["lngdp", "lnpopu"]}, fe: [[], ["iso3"]]});
    expect(gridFootprint(g)).toMatchObject({specs: 8, index_bytes: 2, influence_columns: 1 + 1 + 2});
    expect(expandGrid(g).idx.fe).toBeInstanceOf(Uint16Array);
  });
  it("65,537 samples: refused by validateGrid with the specifications, the allocation and the limit", () => {
    const samples = Array.from({length: 65_537}, (_, i) => ({label: `s${i}`, exclude: {}}));
    let message = "";
    try {
      validateGrid({...BASE, samples});
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^grid: 65,537 specifications with 65,537 option columns would allocate about 34\.\d GB .*the limit is 1\.0 GB; drop some options$/);
  });
  it("the specification limit is stated with its number", () => {
    expect(oversizeMessage({specs: GRID_LIMITS.specs + 1, index_bytes: 2, influence_columns: 10, bytes: 1})).toBe(
      "grid: 2,000,001 specifications is more than the 2,000,000 supported; drop some options"
    );
    expect(oversizeMessage({specs: 10, index_bytes: 2, influence_columns: 10, bytes: GRID_LIMITS.bytes})).toBeNull();
  });
});
