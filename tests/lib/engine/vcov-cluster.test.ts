/**
 * Two-way clustering (no shared fixture): the engine vs an explicit dense-dummy sandwich
 * V = Gmin/(Gmin-1) (n-1)/(n-K) P (Omega_1 + Omega_2 - Omega_12) P' on a fixture panel, and the
 * building blocks of vcov-cluster.ts on hand-computed values.
 */
import {describe, expect, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {clusterMeat, intersectClusters, psdPart, singletonMeat, vcovCluster} from "../../../src/lib/engine/vcov-cluster.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {expectClose} from "../../helpers/close.ts";
import {clusterMeatDense, denseOls} from "../../helpers/dense-ols.ts";
import {readOwnFixtureFrame} from "../../helpers/fixtures.ts";

describe("clusterMeat / intersectClusters", () => {
  it("sums scores within clusters", () => {
    const M = clusterMeat([Float64Array.of(1, 1, 1)], Float64Array.of(1, 1, 2), {codes: Int32Array.of(0, 0, 1), nlevels: 2});
    expect(Array.from(M)).toEqual([8]);
  });
  it("codes combinations present in the data", () => {
    const c = intersectClusters([
      {codes: Int32Array.of(0, 0, 1, 1), nlevels: 2},
      {codes: Int32Array.of(0, 1, 1, 1), nlevels: 2}
    ]);
    expect(Array.from(c.codes)).toEqual([0, 1, 2, 2]);
    expect(c.nlevels).toBe(3);
  });
  it("singleton clusters: the heteroskedasticity-robust meat, equal to the cluster meat up to rounding", () => {
    const n = 40;
    const X = [Float64Array.from({length: n}, (_, i) => Math.sin(i + 1)), Float64Array.from({length: n}, (_, i) => Math.cos(3 * i) + 2)];
    const e = Float64Array.from({length: n}, (_, i) => Math.sin(7 * i) * (1 + i / n));
    // Codes a permutation of 0..n-1 (one observation per cluster), in a scrambled order.
    const codes = Int32Array.from({length: n}, (_, i) => (i * 17) % n);
    const single = singletonMeat(X, e, {codes, nlevels: n})!;
    const byCluster = clusterMeat(X, e, {codes, nlevels: n});
    expect(single).not.toBeNull();
    expectClose(Array.from(single), Array.from(byCluster), 1e-14);
    // Any cluster with two observations: not a singleton clustering.
    expect(singletonMeat(X, e, {codes: Int32Array.from({length: n}, (_, i) => i >> 1), nlevels: n / 2})).toBeNull();
  });
  it("psdPart floors the eigenvalues at fixest's 1e-10", () => {
    const V = psdPart(Float64Array.of(1, 2, 2, 1), 2); // eigenvalues 3, -1 -> 3, 1e-10
    expectClose(Array.from(V), [1.5 + 5e-11, 1.5 - 5e-11, 1.5 - 5e-11, 1.5 + 5e-11], 1e-15);
  });
  it("one-way with one regressor equals the scalar formula", () => {
    const X = [Float64Array.of(1, -1, 2, 0)];
    const e = Float64Array.of(0.5, 0.5, -1, 1);
    const cl = {codes: Int32Array.of(0, 0, 1, 1), nlevels: 2};
    const {V, gMin} = vcovCluster(Float64Array.of(1 / 6), X, e, [cl], 1);
    // s = [0, -2]; meat 4; factor 2/1 * 3/3
    expect(gMin).toBe(2);
    expectClose(V[0], (2 * 4) / 36, 1e-14);
  });
});

describe("two-way clustering vs dense dummies", () => {
  const frame = readOwnFixtureFrame("unbalanced_gaps");
  for (const fe of [["country", "year"], []]) {
    it(`fe = [${fe.join(", ")}], cluster by country and year`, () => {
      const spec = {id: "country", time: "year", y: "y", x: ["dstri", "lngdp", "gov"], fe, vcov: {cluster: ["country", "year"]}};
      const r = estimateOls(frame, spec);
      // Reference sample: complete cases.
      const cols = ["y", "dstri", "lngdp", "gov"].map((c) => frame.columns[c] as Float64Array);
      const rows: number[] = [];
      for (let i = 0; i < frame.nrows; i++) if (cols.every((c) => Number.isFinite(c[i]))) rows.push(i);
      const country = factorize(frame.columns.country).codes;
      const year = factorize(frame.columns.year).codes;
      const cc = rows.map((i) => country[i]);
      const yy = rows.map((i) => year[i]);
      const fit = denseOls({
        y: rows.map((i) => cols[0][i]),
        X: [1, 2, 3].map((j) => rows.map((i) => cols[j][i])),
        fe: fe.length ? [cc, yy] : []
      });
      const pairs = cc.map((c, i) => c * 1000 + yy[i]);
      const M1 = clusterMeatDense(fit, cc);
      const M2 = clusterMeatDense(fit, yy);
      const M12 = clusterMeatDense(fit, pairs);
      const n = rows.length;
      const G = Math.min(new Set(cc).size, new Set(yy).size);
      const k = fe.length ? 3 : 4;
      // All FE nested in a cluster dimension -> K = k + 1; pooled -> K = k.
      const K = fe.length ? k + 1 : k;
      const factor = (G / (G - 1)) * ((n - 1) / (n - K));
      const Vslopes = M1.map((row, a) => row.map((v, b) => factor * (v + M2[a][b] - M12[a][b])));
      const off = fe.length ? 0 : 1;
      expectClose(r.coef.slice(off), fit.coef, 1e-9, "coef");
      const Vengine = r.vcov.slice(off).map((row) => row.slice(off));
      expectClose(Vengine, Vslopes, 1e-8, "vcov");
      expect(r.df_t).toBe(G - 1);
      expect(r.info?.dof_K).toBe(K);
      expect(r.info?.n_clusters).toBe(G);
    });
  }
});

/**
 * A pooled model (with an intercept) whose two-way cluster variance has a negative diagonal: fixest repairs the
 * variance of the model as reported, with its intercept, not of the centred regression the engine fits. Data: 4
 * non-OECD partners x 2014-2019 of the open panel (BRA, IDN, IND, ZAF); reference: the real fixest 0.12.2,
 * `feols(lnexport_cn ~ dstri + lngdp + lnpopu, d, vcov = ~iso3 + year)` (built from source for this check).
 */
describe("two-way clustered pooled model repaired as fixest does", () => {
  const rows: Array<[string, number, number, number, number, number]> = [
    ["BRA", 2014, 24.276475047065983, 0.28000000000000003, 28.52957293028901, 19.114253468955429],
    ["BRA", 2015, 24.034847209927094, 0.28000000000000003, 28.22003603000956, 19.122170686691359],
    ["BRA", 2016, 23.822263292479047, 0.32000000000000001, 28.216412404680447, 19.129790413396325],
    ["BRA", 2017, 24.099384424383, 0.32000000000000001, 28.355431944346606, 19.137072879996499],
    ["BRA", 2018, 24.243523758797327, 0.22, 28.28174809740014, 19.143907275710756],
    ["BRA", 2019, 24.29214994539355, 0.22, 28.258716401050087, 19.150427219171569],
    ["IDN", 2014, 24.388692351153804, 0.27000000000000002, 27.515402336554288, 19.371865144657846],
    ["IDN", 2015, 24.260469995689423, 0.27000000000000002, 27.481191027025265, 19.383088542833974],
    ["IDN", 2016, 24.214770084504742, 0.28999999999999998, 27.560467059323575, 19.393833424836224],
    ["IDN", 2017, 24.275163367910853, 0.28999999999999998, 27.64651914284897, 19.404056718813333],
    ["IDN", 2018, 24.492763399466817, 0.28999999999999998, 27.672423613593331, 19.413754152908577],
    ["IDN", 2019, 24.545044096550061, 0.28999999999999998, 27.743545791812117, 19.423110202500929],
    ["IND", 2014, 24.716633489768956, 0.20000000000000001, 28.343542635589493, 20.995029778781227],
    ["IND", 2015, 24.788167384411839, 0.20000000000000001, 28.374665745296291, 21.006958335119659],
    ["IND", 2016, 24.808152581344221, 0.23999999999999999, 28.461665452545422, 21.018874631759871],
    ["IND", 2017, 24.944879633372199, 0.28000000000000003, 28.606136926803075, 21.030498593194569],
    ["IND", 2018, 25.067371971633406, 0.28000000000000003, 28.625357353157383, 21.041471583864862],
    ["IND", 2019, 25.039743911631842, 0.28000000000000003, 28.673276877356702, 21.051871723374671],
    ["ZAF", 2014, 23.477264024769802, 0.29999999999999999, 26.666587043811532, 17.833600913184132],
    ["ZAF", 2015, 23.488324193141029, 0.29999999999999999, 26.57175392823078, 17.853699797200182],
    ["ZAF", 2016, 23.290313453061248, 0.29999999999999999, 26.502729242619139, 17.86310501617842],
    ["ZAF", 2017, 23.429351602608161, 0.29999999999999999, 26.667242510002282, 17.869643390805354],
    ["ZAF", 2018, 23.520904865113746, 0.29999999999999999, 26.727796459624205, 17.886467090008196],
    ["ZAF", 2019, 23.530312330330641, 0.29999999999999999, 26.687693232754505, 17.902962839560981]
  ];
  const frame: Frame = {
    nrows: rows.length,
    columns: {
      iso3: rows.map((r) => r[0]), year: Float64Array.from(rows, (r) => r[1]), y: Float64Array.from(rows, (r) => r[2]),
      dstri: Float64Array.from(rows, (r) => r[3]), lngdp: Float64Array.from(rows, (r) => r[4]), lnpopu: Float64Array.from(rows, (r) => r[5])
    }
  };
  it("gives fixest's coefficients and standard errors to 1e-8", () => {
    const r = estimate(frame, {id: "iso3", time: "year", y: "y", x: ["dstri", "lngdp", "lnpopu"], fe: [], vcov: {cluster: ["iso3", "year"]}});
    expect(r.terms).toEqual(["(Intercept)", "dstri", "lngdp", "lnpopu"]);
    expectClose(r.coef, [13.759586232849, 0.165917517613707, 0.0918540677159854, 0.405793439221725], 1e-8);
    expectClose(r.se, [1.6288886958842, 2.26683145158512, 0.0622174254946884, 0.0713815815136578], 1e-8);
    expect(r.notes.some((n) => /positive semi-definite/.test(n))).toBe(true);
  });
});
