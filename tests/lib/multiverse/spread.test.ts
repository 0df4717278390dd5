/** The what-if page's multiverse spread: stored summary read defensively, predictions ordered low to high. */
import {describe, expect, it} from "vitest";
import {readSpread, spreadOfPredictions, SPREAD_KEY} from "../../../src/lib/multiverse/spread.ts";

const store = (v: unknown) => ({getItem: (k: string) => (k === SPREAD_KEY ? (typeof v === "string" ? v : JSON.stringify(v)) : null)});

describe("multiverse spread", () => {
  it("reads a stored spread and rejects malformed or foreign ones", () => {
    const ok = {keys: {dstri: {n: 3, min: -2, median: -1, max: 0.5}}, url: "/multiverse?off=", total: 3};
    expect(readSpread(store(ok))).toEqual(ok);
    expect(readSpread(store("{oops"))).toBeNull();
    expect(readSpread(store({...ok, url: "https://evil.example/"}))).toBeNull();
    expect(readSpread(store({...ok, keys: {dstri: {n: 1}}}))).toBeNull();
    expect(readSpread(null)).toBeNull();
  });
  it("turns coefficients into % changes: a fall of the DSTRI with negative coefficients raises exports", () => {
    const r = spreadOfPredictions({min: -2, median: -1, max: 0.5}, -0.1);
    expect(r.lo).toBeCloseTo(100 * Math.expm1(-0.05), 12);
    expect(r.median).toBeCloseTo(100 * Math.expm1(0.1), 12);
    expect(r.hi).toBeCloseTo(100 * Math.expm1(0.2), 12);
  });
});
