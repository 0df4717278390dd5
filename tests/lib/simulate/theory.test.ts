// Each lab against theory, within Monte Carlo error (z = 4 MC standard errors unless stated). The figures
// are printed so the closing note can quote them.
import {describe, expect, it} from "vitest";
import {defaultParams, nickellBias, pooledBiasFe, pooledBiasFeLimit, runLab} from "../../../src/lib/simulate/index.js";

const Z = 4;
const show = (label: string, x: unknown) => console.log(`[mc] ${label}: ${JSON.stringify(x)}`);

describe("lab fe", () => {
  const {result} = runLab("fe", defaultParams("fe"), 2000, 20261130);
  const e = result.estimators;
  it("fe_country and fe_twoway are unbiased", () => {
    for (const name of ["fe_country", "fe_twoway"]) {
      show(`fe ${name} bias`, [e[name].bias, e[name].mc_se.bias]);
      expect(Math.abs(e[name].bias)).toBeLessThan(Z * e[name].mc_se.bias);
    }
  });
  it("pooled bias equals its analytic value (N 42, T 7)", () => {
    const theory = pooledBiasFe(0.8, 42, 7);
    show("fe pooled bias vs theory", [e.pooled.bias, e.pooled.mc_se.bias, theory, pooledBiasFeLimit(0.8)]);
    expect(Math.abs(e.pooled.bias - theory)).toBeLessThan(Z * e.pooled.mc_se.bias);
    // The large-N limit alone would be off by more than its error here: the finite-N terms matter.
    expect(Math.abs(theory - pooledBiasFeLimit(0.8))).toBeGreaterThan(0.005);
  });
  it("pooled bias at large N and another correlation", () => {
    const {result: r} = runLab("fe", {N: 1000, T: 5, beta: 1, corr: -1.5}, 200, 5, undefined, ["pooled"]);
    const theory = pooledBiasFe(-1.5, 1000, 5);
    show("fe pooled bias N=1000 corr=-1.5", [r.estimators.pooled.bias, r.estimators.pooled.mc_se.bias, theory]);
    expect(Math.abs(r.estimators.pooled.bias - theory)).toBeLessThan(Z * r.estimators.pooled.mc_se.bias);
  });
  it("within estimators' clustered coverage is near 95%", () => {
    for (const name of ["fe_country", "fe_twoway"]) expect(Math.abs(e[name].coverage!.cluster! - 0.95)).toBeLessThan(Z * 0.0049 + 0.01);
  });
});

describe("lab cluster", () => {
  it("clustered coverage near 95% with 42 partners; iid well below under strong serial correlation", () => {
    const {result} = runLab("cluster", defaultParams("cluster"), 4000, 42);
    const s = result.estimators.fe_twoway;
    show("cluster coverage (iid, hetero, cluster) and mc_se", [s.coverage, s.mc_se.coverage, s.rejection_rate]);
    // CR1 with G = 42 and t(G - 1) is known to be close to, slightly below, nominal: allow 1.5 points.
    expect(Math.abs(s.coverage!.cluster! - 0.95)).toBeLessThan(Z * s.mc_se.coverage!.cluster! + 0.015);
    expect(s.coverage!.iid!).toBeLessThan(0.9);
    expect(s.coverage!.hetero!).toBeLessThan(0.9);
    expect(Math.abs(s.bias)).toBeLessThan(Z * s.mc_se.bias);
    // beta = 0: the rejection rate is the test's size, 1 - clustered coverage.
    expect(s.rejection_rate).toBeCloseTo(1 - s.coverage!.cluster!, 12);
  });
  it("without serial correlation, iid coverage is near 95% too", () => {
    const {result} = runLab("cluster", {...defaultParams("cluster"), rho_x: 0, rho_e: 0}, 2000, 43);
    const s = result.estimators.fe_twoway;
    show("cluster rho=0 coverage", s.coverage);
    expect(Math.abs(s.coverage!.iid! - 0.95)).toBeLessThan(Z * s.mc_se.coverage!.iid!);
  });
});

describe("lab nickell", () => {
  it("within bias matches Nickell (1981) for large N, for several T and rho", () => {
    for (const [T, rho] of [[7, 0.5], [4, 0.8], [15, 0.3]]) {
      const {result} = runLab("nickell", {N: 1000, T, rho}, 200, T, undefined, ["fe_country"]);
      const s = result.estimators.fe_country;
      const theory = nickellBias(rho, T);
      show(`nickell within T=${T} rho=${rho}`, [s.bias, s.mc_se.bias, theory]);
      // Allowance 0.002 for the O(1/(N T)) finite-N terms Nickell's formula leaves out.
      expect(Math.abs(s.bias - theory)).toBeLessThan(Z * s.mc_se.bias + 0.002);
    }
  });
  it("difference and system GMM are nearly unbiased for large N", () => {
    const {result} = runLab("nickell", {N: 500, T: 7, rho: 0.5}, 40, 9, undefined, ["fe_country", "gmm_diff", "gmm_sys"]);
    const e = result.estimators;
    show("nickell GMM N=500", {within: [e.fe_country.bias, e.fe_country.mc_se.bias], diff: [e.gmm_diff.bias, e.gmm_diff.mc_se.bias], sys: [e.gmm_sys.bias, e.gmm_sys.mc_se.bias]});
    for (const name of ["gmm_diff", "gmm_sys"]) {
      expect(Math.abs(e[name].bias)).toBeLessThan(Z * e[name].mc_se.bias + 0.02);
      expect(Math.abs(e[name].bias)).toBeLessThan(0.15 * Math.abs(e.fe_country.bias));
    }
  }, 60_000);
});
