/**
 * ols-sample.ts: on large samples with fixed effects the outcome's and regressors' checks are made by the scatter
 * that reorders them. Whatever the data hold, the result must be the one of checking first: rows with a missing
 * value dropped (the same estimates as on the frame without them), infinite values and empty columns refused with
 * the same one-line error naming the row, the same error when several things are wrong, and columns used twice
 * handled (the working-array pool must never hand out one array twice).
 */
import {describe, expect, it} from "vitest";
import {shuffledPanel} from "../../../bench/shuffled-panel.ts";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {BLOCK_MIN_ROWS} from "../../../src/lib/engine/prepare.ts";
import type {Frame, Result, Spec} from "../../../src/lib/engine/types.ts";

const base = shuffledPanel(90_000, 7);
const n = base.nrows;
const spec = {id: "pair", time: "year", y: "y", x: ["x1", "x2", "x3"], fe: ["firm", "year"], vcov: {cluster: ["firm"]}} as Spec;

function withColumn(frame: Frame, name: string, edit: (c: Float64Array) => void): Frame {
  const col = Float64Array.from(frame.columns[name] as Float64Array);
  edit(col);
  return {nrows: frame.nrows, columns: {...frame.columns, [name]: col}};
}

/** The frame without the given rows (every column filtered). */
function without(frame: Frame, drop: Set<number>): Frame {
  const keep = Array.from({length: frame.nrows}, (_, i) => i).filter((i) => !drop.has(i));
  const columns: Frame["columns"] = {};
  for (const [name, col] of Object.entries(frame.columns)) columns[name] = col instanceof Float64Array ? Float64Array.from(keep, (i) => col[i]) : keep.map((i) => (col as Array<string | null>)[i]);
  return {nrows: keep.length, columns};
}

function expectSame(a: Result, b: Result): void {
  expect(a.terms).toEqual(b.terms);
  expect(a.nobs).toBe(b.nobs);
  for (let j = 0; j < a.coef.length; j++) {
    expect(Math.abs(a.coef[j] - b.coef[j])).toBeLessThan(1e-12 * Math.max(1, Math.abs(b.coef[j])));
    expect(Math.abs(a.se[j] - b.se[j])).toBeLessThan(1e-12 * Math.max(1, Math.abs(b.se[j])));
  }
  expect(a.notes).toEqual(b.notes);
}

describe("OLS sample with deferred column checks", () => {
  it("the fixture is large enough to be reordered", () => {
    expect(n).toBeGreaterThan(BLOCK_MIN_ROWS);
  });

  it("missing values in the outcome and a regressor drop their rows, as on the frame without them", () => {
    const bad = new Set([3, 70_000, n - 1, 12_345]);
    let f = withColumn(base, "x2", (c) => {
      c[3] = NaN;
      c[70_000] = NaN;
    });
    f = withColumn(f, "y", (c) => {
      c[n - 1] = NaN;
      c[12_345] = NaN;
    });
    const r = estimate(f, spec);
    expect(r.nobs).toBe(n - bad.size);
    expectSame(r, estimate(without(base, bad), spec));
  });

  it("an infinite value is refused with the row named, in the outcome or a regressor", () => {
    const fx = withColumn(base, "x3", (c) => (c[54_321] = -Infinity));
    expect(() => estimate(fx, spec)).toThrow("column 'x3' has an infinite value at row 54322");
    const fy = withColumn(base, "y", (c) => (c[n - 5] = Infinity));
    expect(() => estimate(fy, spec)).toThrow(`column 'y' has an infinite value at row ${n - 4}`);
  });

  it("an empty outcome or regressor is refused as before", () => {
    const fx = withColumn(base, "x1", (c) => c.fill(NaN));
    expect(() => estimate(fx, spec)).toThrow(/column 'x1' \(spec\.x\[0\]\) has no non-missing value/);
    const fy = withColumn(base, "y", (c) => c.fill(NaN));
    expect(() => estimate(fy, spec)).toThrow(/column 'y' \(spec\.y\) has no non-missing value/);
  });

  it("with several faults, the error is the one the checks meet first", () => {
    const f = withColumn(base, "x2", (c) => (c[10] = Infinity));
    expect(() => estimate(f, {...spec, fe: ["firm", "nope"]} as Spec)).toThrow("column 'x2' has an infinite value at row 11");
  });

  it("rows sorted by the fixed effect (no reorder) and a grouping with missing codes give the results of the filtered frame", () => {
    const order = Array.from({length: n}, (_, i) => i).sort((a, b) => (base.columns.firm as Float64Array)[a] - (base.columns.firm as Float64Array)[b] || a - b);
    const sorted: Frame = {nrows: n, columns: Object.fromEntries(Object.entries(base.columns).map(([k, c]) => [k, c instanceof Float64Array ? Float64Array.from(order, (i) => c[i]) : order.map((i) => (c as string[])[i])]))};
    const withNa = withColumn(sorted, "x1", (c) => (c[500] = NaN));
    expectSame(estimate(withNa, spec), estimate(without(sorted, new Set([500])), spec));
    const firmNa = withColumn(base, "firm", (c) => (c[77] = NaN));
    expectSame(estimate(firmNa, spec), estimate(without(base, new Set([77])), spec));
  });

  it("a column used twice (under two names, or the outcome as a regressor) and repeated fits give the same numbers", () => {
    const alias: Frame = {nrows: n, columns: {...base.columns, x9: base.columns.x2}};
    const a1 = estimate(alias, {...spec, x: ["x2", "x9", "x3"]} as Spec);
    const a2 = estimate(alias, {...spec, x: ["x2", "x9", "x3"]} as Spec);
    expect(a1.terms).toEqual(["x2", "x3"]);
    expect(a1.coef).toEqual(a2.coef);
    expect(a1.se).toEqual(a2.se);
    expectSame({...a1, notes: []}, {...estimate(base, {...spec, x: ["x2", "x3"]} as Spec), notes: []});
    // The outcome's own array as a regressor (under another name): coefficient 1, residuals 0.
    const yAlias: Frame = {nrows: n, columns: {...base.columns, yy: base.columns.y}};
    const yx = estimate(yAlias, {...spec, x: ["x1", "yy"]} as Spec);
    expect(Math.abs(yx.coef[yx.terms.indexOf("yy")] - 1)).toBeLessThan(1e-9);
    expectSame(estimate(base, spec), estimate(base, spec));
  });
});
