/** Bad input -> UserError with a one-line message naming the key / column / row. */
import {describe, expect, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import {UserError} from "../../../src/lib/errors.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";

function frame(over: Partial<Frame["columns"]> = {}): Frame {
  const base: Frame["columns"] = {
    country: ["A", "A", "A", "B", "B", "B", "C", "C", "C"],
    year: Float64Array.of(1, 2, 3, 1, 2, 3, 1, 2, 3),
    y: Float64Array.of(1, 2, 4, 2, 3, 3, 5, 4, 6),
    x: Float64Array.of(0.5, 1, 2, 1, 1.5, 1, 3, 2, 3.5),
    z: Float64Array.of(1, 0, 1, 0, 2, 1, 0, 1, 1),
    name: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    one: Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1)
  };
  return {nrows: 9, columns: {...base, ...over} as Frame["columns"]};
}
const spec = {id: "country", time: "year", y: "y", x: ["x"]};

function expectUserError(fn: () => unknown, pattern: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, "expected a UserError").toBeInstanceOf(UserError);
  const msg = (err as Error).message;
  expect(msg).toMatch(pattern);
  expect(msg.includes("\n")).toBe(false);
}

describe("spec errors", () => {
  it("unknown key", () => expectUserError(() => estimateOls(frame(), {...spec, fes: ["country"]} as never), /unknown key 'fes'/));
  it("unknown vcov option", () => expectUserError(() => estimateOls(frame(), {...spec, vcov: "robust"} as never), /spec\.vcov/));
  it("unknown vcov key", () => expectUserError(() => estimateOls(frame(), {...spec, vcov: {cluster: ["country"], type: 1}} as never), /unknown key 'type'/));
  it("unknown estimator", () => expectUserError(() => estimateOls(frame(), {...spec, estimator: "iv"} as never), /spec\.estimator/));
  it("missing required key", () => expectUserError(() => estimateOls(frame(), {id: "country", time: "year", x: ["x"]} as never), /spec\.y is required/));
  it("y among x", () => expectUserError(() => estimateOls(frame(), {...spec, x: ["x", "y"]}), /dependent variable 'y'/));
  it("duplicate regressor", () => expectUserError(() => estimateOls(frame(), {...spec, x: ["x", "x"]}), /lists 'x' twice/));
});

describe("data errors", () => {
  it("missing column", () => expectUserError(() => estimateOls(frame(), {...spec, x: ["x", "gdp"]}), /column 'gdp' \(spec\.x\[1\]\) not found/));
  it("non-numeric column", () => expectUserError(() => estimateOls(frame(), {...spec, x: ["name"]}), /column 'name' \(spec\.x\[0\]\) is not numeric/));
  it("duplicate id-time rows with a lag", () =>
    expectUserError(() => estimateOls(frame({year: Float64Array.of(1, 2, 2, 1, 2, 3, 1, 2, 3)}), {...spec, x: ["L.x"]}), /rows 2 and 3 .*country = A.*year = 2.*lags and GMM need unique id-time pairs/));
  it("duplicate id-time rows without a lag estimate (no panel structure needed)", () => {
    const r = estimateOls(frame({year: Float64Array.of(1, 2, 2, 1, 2, 3, 1, 2, 3)}), spec);
    expect(r.nobs).toBe(9);
  });
  it("infinite value", () => expectUserError(() => estimateOls(frame({x: Float64Array.of(0.5, 1, 2, 1, Infinity, 1, 3, 2, 3.5)}), spec), /'x' has an infinite value at row 5/));
  it("all-missing variable", () => expectUserError(() => estimateOls(frame({z: new Float64Array(9).fill(NaN)}), {...spec, x: ["x", "z"]}), /column 'z' .* no non-missing value/));
  it("one cluster", () => expectUserError(() => estimateOls(frame(), {...spec, vcov: {cluster: ["one"]}}), /cluster 'one' has only 1 cluster/));
  it("more parameters than observations", () =>
    expectUserError(() => estimateOls(frame(), {...spec, x: ["x", "z"], fe: ["country", "year"], exclude: {country: ["C"]}}), /too few observations: 6 rows/));
  it("non-integer time with a lag", () =>
    expectUserError(() => estimateOls(frame({year: Float64Array.of(1, 2, 3.5, 1, 2, 3, 1, 2, 3)}), {...spec, x: ["L.x"]}), /must hold integers .* row 3/));
  it("empty sample", () => expectUserError(() => estimateOls(frame(), {...spec, exclude: {country: ["A", "B", "C"]}}), /no observation left/));
  it("empty sample names each variable once", () =>
    expectUserError(
      () => estimateOls(frame(), {...spec, fe: ["country", "year"], vcov: {cluster: ["country", "year"]}, exclude: {country: ["A", "B", "C"]}}),
      /missing y, x, country, year$/
    ));
  it("exclude on a missing column", () => expectUserError(() => estimateOls(frame(), {...spec, exclude: {yr: [1]}}), /column 'yr' \(spec\.exclude\.yr\) not found/));
  it("missing id", () => expectUserError(() => estimateOls(frame({country: ["A", null, "A", "B", "B", "B", "C", "C", "C"]}), spec), /id column 'country' is missing at row 2/));
  it("all regressors collinear with FE", () =>
    expectUserError(() => estimateOls(frame({x: Float64Array.of(1, 1, 1, 2, 2, 2, 3, 3, 3)}), {...spec, fe: ["country"]}), /collinear/));
});

describe("collinearity notes", () => {
  it("drops a regressor collinear with another and says so", () => {
    const f = frame({z: Float64Array.of(1, 2, 4, 2, 3, 2, 6, 4, 7)}); // z = 2x
    const r = estimateOls(f, {...spec, x: ["x", "z"]});
    expect(r.terms).toEqual(["(Intercept)", "x"]);
    expect(r.notes).toContain("The variable 'z' has been removed because of collinearity.");
  });
  it("drops a regressor absorbed by the FE", () => {
    const f = frame({z: Float64Array.of(1, 1, 1, 2, 2, 2, 3, 3, 3)});
    const r = estimateOls(f, {...spec, x: ["x", "z"], fe: ["country"]});
    expect(r.terms).toEqual(["x"]);
    expect(r.notes[0]).toMatch(/'z' has been removed/);
  });
});
