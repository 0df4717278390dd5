/** The engine's warnings (issue #21): each rule fires at its threshold and not just inside it, in both languages. */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame, Result} from "../../../src/lib/engine/types.ts";
import {modelWarnings, WARNING_CODES, WARNING_LIMITS, warningText} from "../../../src/lib/engine/warnings.ts";

/** A readable OLS result; each test changes one thing. */
function ols(over: Partial<Result> = {}, info: Record<string, unknown> = {}): Result {
  return {
    terms: ["dstri", "lngdp"],
    coef: [-0.2, 0.7],
    se: [0.05, 0.3],
    tstat: [-4, 2.33],
    pvalue: [0.001, 0.02],
    df_t: 41,
    nobs: 294,
    n_groups: 42,
    r2: 0.9,
    r2_within: 0.2,
    vcov: [[0.0025, 0], [0, 0.09]],
    notes: [],
    info: {vcov: "cluster", n_clusters: 42, ssr: 10, tss: 100, df_resid: 240, ...info},
    ...over
  };
}

function gmm(over: Partial<Result> = {}): Result {
  return {
    ...ols({df_t: null, r2: null, r2_within: null}),
    info: {estimator: "gmm-diff"},
    hansen: {statistic: 10, df: 8, pvalue: 0.3},
    ar1: {statistic: -2, pvalue: 0.04},
    ar2: {statistic: 0.5, pvalue: 0.6},
    n_instruments: 12,
    ...over
  };
}

const codes = (r: Result) => modelWarnings(r).map((w) => w.code);

describe("modelWarnings", () => {
  it("a sound model has none", () => {
    expect(modelWarnings(ols())).toEqual([]);
    expect(modelWarnings(gmm())).toEqual([]);
  });

  it("few clusters: 29 warns, 30 does not; only for a clustered variance", () => {
    expect(codes(ols({}, {n_clusters: WARNING_LIMITS.minClusters - 1}))).toEqual(["few_clusters"]);
    expect(codes(ols({}, {n_clusters: WARNING_LIMITS.minClusters}))).toEqual([]);
    expect(codes(ols({}, {vcov: "hetero", n_clusters: 3}))).toEqual([]);
    expect(modelWarnings(ols({}, {n_clusters: 7}))[0].message).toMatch(/^Only 7 clusters/);
  });

  it("SE more than 100 times the coefficient, named per term", () => {
    const w = modelWarnings(ols({coef: [-0.2, 0.001], se: [0.05, 0.1001]}));
    expect(w.map((x) => x.code)).toEqual(["se_huge"]);
    expect(w[0].terms).toEqual(["lngdp"]);
    expect(codes(ols({coef: [-0.2, 0.001], se: [0.05, 0.1]}))).toEqual([]); // exactly 100x is not more than 100x
  });

  it("a coefficient without a standard error (NaN, 0 or missing)", () => {
    for (const bad of [NaN, 0, Infinity]) {
      const w = modelWarnings(ols({se: [0.05, bad]}));
      expect(w.map((x) => x.code)).toContain("se_missing");
      expect(w.find((x) => x.code === "se_missing")!.terms).toEqual(["lngdp"]);
    }
  });

  it("Hansen p outside [0.01, 0.99]; the bounds themselves pass", () => {
    expect(codes(gmm({hansen: {statistic: 1, pvalue: 0.0099}}))).toEqual(["hansen_extreme"]);
    expect(codes(gmm({hansen: {statistic: 1, pvalue: 0.9901}}))).toEqual(["hansen_extreme"]);
    expect(codes(gmm({hansen: {statistic: 1, pvalue: 0.01}}))).toEqual([]);
    expect(codes(gmm({hansen: {statistic: 1, pvalue: 0.99}}))).toEqual([]);
    expect(modelWarnings(gmm({hansen: {statistic: 1, pvalue: 1}}))[0].message).toMatch(/too many instruments/);
    expect(modelWarnings(gmm({hansen: {statistic: 1, pvalue: 3.78e-198}}))[0].message).toMatch(/p = 3\.8e-198: the instruments are rejected/);
  });

  it("instruments >= groups (Roodman): 42 for 42 warns, 41 does not", () => {
    expect(codes(gmm({n_instruments: 42}))).toEqual(["instruments_ge_groups"]);
    expect(codes(gmm({n_instruments: 41}))).toEqual([]);
  });

  it("AR(2) not computable", () => {
    expect(codes(gmm({ar2: {statistic: NaN, pvalue: NaN}}))).toEqual(["ar2_missing"]);
    expect(codes(gmm({ar2: undefined}))).toEqual(["ar2_missing"]);
  });

  it("a singular GMM weight matrix, read from the engine's own note", () => {
    expect(codes(gmm({notes: ["second-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)"]}))).toEqual(["gmm_singular_weights"]);
    // The same words in an OLS note are not a GMM warning.
    expect(codes(ols({notes: ["weight matrix singular"]}))).toEqual([]);
  });

  it("an exact fit: SSR <= 1e-12 TSS, or no residual degrees of freedom", () => {
    expect(codes(ols({}, {ssr: 1e-11, tss: 100}))).toEqual(["exact_fit"]);
    expect(codes(ols({}, {ssr: 1e-9, tss: 100}))).toEqual([]);
    expect(codes(ols({}, {df_resid: 0}))).toEqual(["exact_fit"]);
  });

  it("every code has an English and a Chinese message that says what to do", () => {
    const all = [
      ...modelWarnings(gmm({n_instruments: 50, hansen: {statistic: 1, pvalue: 1}, ar2: undefined, se: [NaN, 100], notes: ["first-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)"]})),
      ...modelWarnings(ols({}, {ssr: 0, n_clusters: 5}))
    ];
    expect(new Set(all.map((w) => w.code))).toEqual(new Set(WARNING_CODES));
    for (const w of all) {
      expect(warningText(w, "en")).toMatch(/\b(Use|Collapse|Try|Drop|Read|Prefer)\b/);
      expect(warningText(w, "zh")).toMatch(/[\u4e00-\u9fff]/);
      expect(w.message).not.toMatch(/\n/);
    }
  });
});

describe("estimate() attaches the warnings", () => {
  const country = ["A", "A", "A", "B", "B", "B", "C", "C", "C"];
  const year = Float64Array.of(1, 2, 3, 1, 2, 3, 1, 2, 3);
  const x = Float64Array.of(0.5, 1, 2, 1, 1.5, 1, 3, 2, 3.5);
  const frame = (y: Float64Array): Frame => ({nrows: 9, columns: {country, year, y, x}});
  const spec = {id: "country", time: "year", y: "y", x: ["x"]};

  it("an exact fit is flagged first", () => {
    const r = estimate(frame(Float64Array.from(x, (v) => 2 * v + 1)), {...spec, fe: [], vcov: "iid"});
    expect(r.warnings![0].code).toBe("exact_fit");
    const noisy = estimate(frame(Float64Array.from(x, (v, i) => 2 * v + 1 + Math.cos(i * 5))), {...spec, fe: [], vcov: "iid"});
    expect(noisy.warnings).toEqual([]);
  });
  it("three clusters are flagged; the warning names the count", () => {
    const y = Float64Array.from(x, (v, i) => 2 * v + Math.sin(i * 7));
    const r = estimate(frame(y), {...spec, fe: [], vcov: {cluster: ["country"]}});
    expect(r.warnings!.map((w) => w.code)).toContain("few_clusters");
    expect(r.warnings!.find((w) => w.code === "few_clusters")!.message).toMatch(/^Only 3 clusters/);
  });
});
