/**
 * One-line refusals and spellings of the gravity additions: PPML with a negative outcome, Newey-West with
 * duplicated id-time pairs (Driscoll-Kraay accepts them), a bad lag, fixest's vcov names in a spec.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {validateSpec} from "../../../src/lib/engine/spec.js";
import {parseHacVcov} from "../../../src/lib/engine/vcov-hac-spec.js";
import {bartlettWeights, defaultHacLag, timeRanks} from "../../../src/lib/engine/vcov-hac.js";
import {readCsvFrame} from "./csv-frame.js";

const flows = readCsvFrame("ppml_flows.csv", new Set(["origin", "destination", "product", "flow"]));
const oneLine = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    const msg = (e as Error).message;
    expect(msg.includes("\n")).toBe(false);
    return msg;
  }
  throw new Error("no error");
};

describe("gravity refusals", () => {
  it("PPML refuses a negative outcome, naming the row", () => {
    const y = Float64Array.from(flows.columns.y as Float64Array);
    y[6] = -1;
    const frame = {...flows, columns: {...flows.columns, yneg: y}};
    expect(oneLine(() => estimate(frame, {id: "flow", time: "year", y: "yneg", x: ["x1"], fe: ["origin"], estimator: "ppml"}))).toMatch(/non-negative outcome: 'yneg' is -1 at row 7/);
  });
  it("Newey-West refuses duplicated id-time pairs; Driscoll-Kraay accepts them", () => {
    const spec = {id: "origin", time: "year", y: "y", x: ["x1"], fe: ["origin", "year"]};
    expect(oneLine(() => estimate(flows, {...spec, vcov: "NW"}))).toMatch(/Newey-West needs one row per origin and year: origin "[A-Z]+" in year \d+ appears twice/);
    expect(estimate(flows, {...spec, vcov: "DK"}).se[0]).toBeGreaterThan(0);
  });
  it("a lag must be a whole number >= 1", () => {
    expect(oneLine(() => validateSpec({id: "a", time: "t", y: "y", x: ["x"], vcov: "DK(0)"}))).toMatch(/lag must be a whole number >= 1/);
    expect(oneLine(() => validateSpec({id: "a", time: "t", y: "y", x: ["x"], vcov: {newey_west: {lag: 1.5}}}))).toMatch(/lag must be a whole number >= 1/);
    expect(oneLine(() => validateSpec({id: "a", time: "t", y: "y", x: ["x"], vcov: "DKK"}))).toMatch(/spec.vcov must be/);
  });
  it("bootstrap only with OLS, with known keys", () => {
    expect(oneLine(() => validateSpec({id: "a", time: "t", y: "y", x: ["x"], estimator: "ppml", bootstrap: {type: "wild", term: "x", cluster: "a"}}))).toMatch(/OLS only/);
    expect(oneLine(() => validateSpec({id: "a", time: "t", y: "y", x: ["x"], bootstrap: {type: "wild", term: "x", cluster: "a", draws: 5}}))).toMatch(/unknown key 'draws'/);
  });
});

describe("HAC spellings and conventions", () => {
  it("fixest's names", () => {
    expect(parseHacVcov("DK")).toEqual({type: "driscoll_kraay"});
    expect(parseHacVcov("DK(2)")).toEqual({type: "driscoll_kraay", lag: 2});
    expect(parseHacVcov("NW(1)")).toEqual({type: "newey_west", lag: 1});
    expect(parseHacVcov("newey_west")).toEqual({type: "newey_west"});
    expect(parseHacVcov({driscoll_kraay: {lag: 3}})).toEqual({type: "driscoll_kraay", lag: 3});
    expect(parseHacVcov("hetero")).toBeNull();
  });
  it("default lag floor(T^(1/4)), Bartlett weights trimmed to T - 1, time ranks", () => {
    expect(defaultHacLag(14)).toBe(1);
    expect(defaultHacLag(16)).toBe(2);
    expect(Array.from(bartlettWeights(2, 10))).toEqual([0.5, 1 - 1 / 3, 1 - 2 / 3]);
    expect(Array.from(bartlettWeights(5, 3))).toEqual([0.5, 1 - 1 / 6]);
    expect(timeRanks(Float64Array.of(2003, 2001, 2003))).toEqual({codes: Int32Array.of(1, 0, 1), nlevels: 2});
  });
});
