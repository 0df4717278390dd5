// Determinism: the same seed gives the same numbers; chunks (as the page's workers run them) merge to the
// single-thread result bit for bit; parameter errors are one line.
import {describe, expect, it} from "vitest";
import {UserError} from "../../../src/lib/errors.js";
import {defaultParams, mergeDraws, parseParams, parseReps, parseSeed, repSeeds, runLab, simulateReps, summarizeLab} from "../../../src/lib/simulate/index.js";

describe("runLab", () => {
  it("same seed, same numbers; another seed, other numbers", () => {
    const a = runLab("cluster", defaultParams("cluster"), 50, 7).result;
    const b = runLab("cluster", defaultParams("cluster"), 50, 7).result;
    const c = runLab("cluster", defaultParams("cluster"), 50, 8).result;
    expect(a).toEqual(b);
    expect(c.estimators.fe_twoway.mean).not.toBe(a.estimators.fe_twoway.mean);
  });
  it("chunks merge to the single-thread result", () => {
    for (const lab of ["fe", "nickell"] as const) {
      const p = defaultParams(lab);
      const reps = lab === "fe" ? 30 : 6;
      const seeds = repSeeds(99, reps);
      const cut = Math.floor(reps / 3);
      const merged = mergeDraws([simulateReps(lab, p, seeds, 0, cut), simulateReps(lab, p, seeds, cut, reps)]);
      expect(summarizeLab(lab, p, reps, 99, merged)).toEqual(runLab(lab, p, reps, 99).result);
    }
  });
});

describe("parameters", () => {
  it("fills defaults and accepts text", () => {
    expect(parseParams("fe", {N: "10", corr: "0"})).toEqual({N: 10, T: 7, beta: -0.5, corr: 0});
  });
  it.each([
    [{N: "ten"}, "parameter N=ten: not a number"],
    [{N: "4.5"}, "parameter N=4.5: must be an integer"],
    [{T: "1"}, "parameter T=1: must be between 2 and 50"],
    [{rho: "1"}, "lab 'fe' has no parameter 'rho': expected N, T, beta, corr"]
  ])("%j -> one-line error", (given, message) => {
    expect(() => parseParams("fe", given as any)).toThrow(new UserError(message));
  });
  it("reps and seed", () => {
    expect(() => parseReps("0")).toThrow(/^reps=0: must be an integer between 1 and 100000$/);
    expect(() => parseSeed("-1")).toThrow(/^seed=-1: must be a non-negative integer/);
    expect(parseSeed("123")).toBe(123);
  });
});
