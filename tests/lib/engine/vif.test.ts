import {describe, expect, it} from "vitest";
import {describeWithSharedReference} from "../../helpers/shared.ts";
import {completeCases} from "../../../src/lib/engine/descriptives.js";
import {vif} from "../../../src/lib/engine/vif.js";
import {CONTROLS, expectedOf, FIXTURE_NAMES, fixtureColumns, relClose} from "../table/fixture-helpers.js";

describe("vif", () => {
  it("two regressors: 1 / (1 - r^2)", () => {
    const res = vif({a: new Float64Array([1, 2, 3, 4]), b: new Float64Array([1, 3, 2, 4])}, ["a", "b"]);
    expect(res.n).toBe(4);
    expect(res.vif[0]).toBeCloseTo(1 / (1 - 0.64), 12);
    expect(res.vif[1]).toBeCloseTo(1 / (1 - 0.64), 12);
  });
  it("perfect collinearity gives Infinity", () => {
    const a = new Float64Array([1, 2, 3, 4, 5]);
    const b = new Float64Array([2, 1, 4, 3, 6]);
    const c = a.map((v, i) => 2 * v - b[i] + 1);
    const res = vif({a, b, c}, ["a", "b", "c"]);
    expect(res.vif.every((v) => v === Infinity || v > 1e12)).toBe(true);
  });
  it("orthogonal regressors give 1", () => {
    const res = vif({a: new Float64Array([1, -1, 1, -1]), b: new Float64Array([1, 1, -1, -1])}, ["a", "b"]);
    expect(res.vif[0]).toBeCloseTo(1, 14);
  });
});

describeWithSharedReference("vif vs car::vif on the shared fixtures", () => {
  describe.each(FIXTURE_NAMES)("vif vs car::vif on %s", (name) => {
    it("pooled y ~ dstri + controls, complete cases", () => {
      const want = expectedOf(name).vif;
      const cols = fixtureColumns(name);
      const sample = completeCases([cols.y]);
      const got = vif(cols, want.variables, sample);
      expect(got.variables).toEqual(["dstri", ...CONTROLS]);
      expect(got.n).toBe(want.n);
      for (let j = 0; j < want.vif.length; j++) {
        expect(relClose(got.vif[j], want.vif[j]), `${want.variables[j]}: ${got.vif[j]} vs ${want.vif[j]}`).toBe(true);
      }
    });
  });
});
