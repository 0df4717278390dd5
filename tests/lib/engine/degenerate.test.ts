/** Degenerate outcomes (issue #13): a one-line error, never coefficients 0 with SE 0; t and p never disagree. */
import {describe, expect, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import {UserError} from "../../../src/lib/errors.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";

const country = ["A", "A", "A", "B", "B", "B", "C", "C", "C"];
const year = Float64Array.of(1, 2, 3, 1, 2, 3, 1, 2, 3);
const x = Float64Array.of(0.5, 1, 2, 1, 1.5, 1, 3, 2, 3.5);
const frame = (y: Float64Array, xs = x): Frame => ({nrows: 9, columns: {country, year, y, x: xs}});
const spec = {id: "country", time: "year", y: "y", x: ["x"]};

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  throw new Error("expected a UserError");
}

describe("degenerate outcomes", () => {
  it("constant y with fixed effects is a one-line error", () => {
    expect(message(() => estimateOls(frame(new Float64Array(9).fill(3)), {...spec, fe: ["country", "year"]}))).toMatch(/outcome 'y' is constant \(3\) in all 9 rows/);
  });
  it("pooled constant y is the same error (no t = null beside p = 0)", () => {
    expect(message(() => estimateOls(frame(new Float64Array(9).fill(7.25)), {...spec, fe: []}))).toMatch(/constant \(7\.25\)/);
  });
  it("y explained exactly by the fixed effects is an error naming them", () => {
    const y = Float64Array.from(country, (c, i) => ({A: 1, B: 2, C: 4})[c as "A"] + 10 * year[i]);
    expect(message(() => estimateOls(frame(y), {...spec, fe: ["country", "year"]}))).toMatch(/no variation within the fixed effects \(country, year\)/);
    // With only the country FE, the year part remains: estimable.
    expect(estimateOls(frame(y), {...spec, fe: ["country"]}).coef).toHaveLength(1);
  });
  it("a perfect fit gives se 0, t NaN and p NaN together (never p = 0 with t missing)", () => {
    const y = Float64Array.from(x, (v) => 2 * v + 1);
    const r = estimateOls(frame(y), {...spec, fe: [], vcov: "iid"});
    expect(r.coef[1]).toBeCloseTo(2, 10);
    r.tstat.forEach((t, i) => expect(Number.isFinite(t) === Number.isFinite(r.pvalue[i])).toBe(true));
  });
  it("ordinary data are unaffected", () => {
    const y = Float64Array.of(1, 2, 4, 2, 3, 3, 5, 4, 6);
    const r = estimateOls(frame(y), {...spec, fe: ["country", "year"]});
    expect(Number.isFinite(r.tstat[0]) && Number.isFinite(r.pvalue[0])).toBe(true);
  });
});
