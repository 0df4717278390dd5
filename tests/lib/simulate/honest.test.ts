// Honest at every setting: a replication whose model has no residual degrees of freedom or is not identified
// counts as failed with its reason (never as a coverage of 0); settings where every replication fails are
// refused with one line; link values that cannot be used are listed, not silently replaced.
import {describe, expect, it} from "vitest";
import {defaultParams, infeasible, runLab} from "../../../src/lib/simulate/index.js";
import {readLabState} from "../../../src/lib/simulate/url-state.js";
import {estimateRunMs, formatDuration} from "../../../src/lib/simulate/cost.js";

describe("failed replications", () => {
  it("fe lab at N = 2, T = 2: two-way FE fails every time (0 residual df), the others are fitted", () => {
    const {result} = runLab("fe", {...defaultParams("fe"), N: 2, T: 2}, 50, 3);
    const tw = result.estimators.fe_twoway;
    expect(tw.failed).toBe(50);
    expect(tw.n_ok).toBe(0);
    expect(tw.failed_reasons).toEqual({no_residual_df: 50});
    expect(Number.isNaN(tw.coverage!.iid!)).toBe(true);
    expect(Number.isNaN(tw.rejection_rate!)).toBe(true);
    const json = JSON.parse(JSON.stringify(result));
    expect(json.estimators.fe_twoway.coverage.cluster).toBeNull(); // null in JSON, never 0
    expect(result.estimators.pooled.failed).toBe(0);
    expect(result.estimators.fe_country.failed).toBe(0); // N T - N - 1 = 1 residual df
  });
  it("a regressor constant within partners is not identified with partner FE", () => {
    const {result} = runLab("fe", {...defaultParams("fe"), N: 3, T: 3}, 20, 4);
    expect(result.estimators.fe_twoway.failed).toBe(0); // 9 - 3 - 3 = 3 df
    expect(result.estimators.fe_twoway.n_ok).toBe(20);
  });
  it("settings where every replication fails are refused, others run", () => {
    const why = infeasible("cluster", {...defaultParams("cluster"), N: 2, T: 2});
    expect(why?.en).toMatch(/^every replication would fail at N=2, T=2, .*no residual degrees of freedom \(fe_twoway 0\)/);
    expect(why?.en.split("\n")).toHaveLength(1);
    expect(why?.zh).toMatch(/残差自由度为0/);
    expect(infeasible("cluster", {...defaultParams("cluster"), N: 2, T: 3})).toBeNull();
    expect(infeasible("fe", {...defaultParams("fe"), N: 2, T: 2})).toBeNull();
    expect(infeasible("nickell", {N: 2, T: 3, rho: 0.5})).toBeNull();
  });
});

describe("link values", () => {
  it("out-of-range values are listed with the value used instead", () => {
    const s = readLabState("nickell", "?rho=1&N=1e7&T=7&reps=1e9&seed=abc");
    expect(s.params).toEqual({N: 42, T: 7, rho: 0.5});
    expect(s.notes!.map((n) => [n.key, n.given, n.used])).toEqual([["N", "1e7", 42], ["rho", "1", 0.5], ["reps", "1e9", 100], ["seed", "abc", 1]]);
    expect(s.notes![1].why.en).toBe("outside -0.95…0.95");
    expect(readLabState("nickell", "?rho=0.3").notes).toBeUndefined();
    expect(readLabState("fe", "?N=4.5").notes![0].why.en).toBe("must be a whole number");
  });
});

describe("time estimate", () => {
  it("the issue's long run is estimated in days, the defaults in seconds", () => {
    const long = estimateRunMs("nickell", {N: 5000, T: 50, rho: 0.95}, 100000, 1);
    expect(long).toBeGreaterThan(86400e3);
    expect(formatDuration(long).en).toMatch(/days$/);
    expect(estimateRunMs("fe", defaultParams("fe"), 1000, 1)).toBeLessThan(10_000);
    expect(estimateRunMs("nickell", defaultParams("nickell"), 100, 1)).toBeLessThan(10_000);
  });
});
