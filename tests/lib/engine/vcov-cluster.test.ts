/**
 * Two-way clustering (no shared fixture): the engine vs an explicit dense-dummy sandwich
 * V = Gmin/(Gmin-1) (n-1)/(n-K) P (Omega_1 + Omega_2 - Omega_12) P' on a fixture panel, and the
 * building blocks of vcov-cluster.ts on hand-computed values.
 */
import {describe, expect, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import {clusterMeat, intersectClusters, psdPart, vcovCluster} from "../../../src/lib/engine/vcov-cluster.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {expectClose} from "../../helpers/close.ts";
import {clusterMeatDense, denseOls} from "../../helpers/dense-ols.ts";
import {readFixtureFrame} from "../../helpers/fixtures.ts";

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
  it("psdPart removes negative eigenvalues", () => {
    const V = psdPart(Float64Array.of(1, 2, 2, 1), 2); // eigenvalues 3, -1
    expectClose(Array.from(V), [1.5, 1.5, 1.5, 1.5], 1e-12);
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
  const frame = readFixtureFrame("panel_unbalanced");
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
