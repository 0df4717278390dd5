import {describe as group, expect, it} from "vitest";
import {describeWithSharedReference} from "../../helpers/shared.ts";
import {completeCases, describe, summarize} from "../../../src/lib/engine/descriptives.js";
import {CONTROLS, expectedOf, FIXTURE_NAMES, fixtureColumns, relClose} from "../table/fixture-helpers.js";

group("summarize", () => {
  it("skips NaN and uses n - 1 for sd", () => {
    expect(summarize(new Float64Array([1, 2, NaN, 3]))).toEqual({n: 3, mean: 2, sd: 1, min: 1, max: 3});
  });
  it("restricts to a sample mask", () => {
    const s = summarize(new Float64Array([1, 2, 10, 3]), new Uint8Array([1, 1, 0, 1]));
    expect(s).toEqual({n: 3, mean: 2, sd: 1, min: 1, max: 3});
  });
  it("gives NaN for empty input and sd NaN for one value", () => {
    expect(summarize(new Float64Array([NaN])).mean).toBeNaN();
    const one = summarize(new Float64Array([5]));
    expect(one.n).toBe(1);
    expect(one.sd).toBeNaN();
  });
  it("does not lose precision at a large level", () => {
    const s = summarize(new Float64Array([1e9 + 1, 1e9 + 2, 1e9 + 3]));
    expect(s.sd).toBe(1);
  });
});

group("completeCases", () => {
  it("is 1 only where every column is present", () => {
    const m = completeCases([new Float64Array([1, NaN, 3, 4]), new Float64Array([1, 2, NaN, 4])], new Uint8Array([1, 1, 1, 0]));
    expect(Array.from(m)).toEqual([1, 0, 0, 0]);
  });
});

const VARS = ["y", "dstri", "L.dstri", ...CONTROLS];

describeWithSharedReference("descriptives vs R on the shared fixtures", () => {
  group.each(FIXTURE_NAMES)("descriptives vs R on %s", (name) => {
    const expected = expectedOf(name).descriptives;
    const cols = fixtureColumns(name);
    const check = (got: ReturnType<typeof describe>, want: Array<Record<string, number | string>>) => {
      expect(got.map((r) => r.variable)).toEqual(want.map((r) => r.variable));
      for (let i = 0; i < want.length; i++) {
        expect(got[i].n).toBe(want[i].n);
        for (const key of ["mean", "sd", "min", "max"] as const) {
          expect(relClose(got[i][key], want[i][key] as number), `${want[i].variable} ${key}: ${got[i][key]} vs ${want[i][key]}`).toBe(true);
        }
      }
    };
    it("available cases", () => {
      check(describe(cols, VARS), expected.available_cases);
    });
    it("estimation sample of y ~ dstri + controls", () => {
      const sample = completeCases(["y", "dstri", ...CONTROLS].map((v) => cols[v]));
      expect(sample.reduce((a, b) => a + b, 0)).toBe(expected.estimation_sample_n);
      check(describe(cols, VARS, sample), expected.estimation_sample_ctrl);
    });
  });
});
