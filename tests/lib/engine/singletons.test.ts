/**
 * Singletons: kept by default (fixest fixef.rm = "none"), removed in one pass with
 * drop_singletons. Checked on a constructed panel against the dense-dummy reference.
 */
import {describe, expect, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import {dropSingletons} from "../../../src/lib/engine/sample.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {expectClose} from "../../helpers/close.ts";
import {clusterMeatDense, denseOls} from "../../helpers/dense-ols.ts";

/** 12 ids x 8 years, plus id "S" observed once (a singleton in the id dimension). */
function panelWithSingleton(): Frame {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const id: string[] = [];
  const year: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 12; i++)
    for (let t = 0; t < 8; t++) {
      if ((i * 7 + t * 3) % 11 === 0) continue; // unbalanced
      id.push(`C${i}`);
      year.push(2000 + t);
      const xv = rnd() + 0.1 * i;
      x.push(xv);
      y.push(0.5 * xv + 0.2 * i - 0.1 * t + rnd());
    }
  id.push("S");
  year.push(2003);
  x.push(0.3);
  y.push(1.7);
  return {nrows: id.length, columns: {id, year: Float64Array.from(year), x: Float64Array.from(x), y: Float64Array.from(y)}};
}

function reference(frame: Frame, dropS: boolean, vcov: "iid" | "hetero" | "cluster") {
  const ids = frame.columns.id as string[];
  const keep = [...Array(frame.nrows).keys()].filter((i) => !dropS || ids[i] !== "S");
  const idCodes = keep.map((i) => Number(ids[i] === "S" ? 99 : ids[i].slice(1)));
  const yrCodes = keep.map((i) => (frame.columns.year as Float64Array)[i]);
  const fit = denseOls({y: keep.map((i) => (frame.columns.y as Float64Array)[i]), X: [keep.map((i) => (frame.columns.x as Float64Array)[i])], fe: [idCodes, yrCodes]});
  const n = keep.length;
  const G = new Set(idCodes).size;
  const T = new Set(yrCodes).size;
  const nparams = 1 + G + T - 1;
  const ssr = fit.resid.reduce((s, e) => s + e * e, 0);
  let v: number;
  if (vcov === "iid") v = (ssr / (n - nparams)) * fit.P[0].reduce((s, p) => s + p * p, 0);
  else if (vcov === "hetero") v = (n / (n - nparams)) * fit.P[0].reduce((s, p, i) => s + p * p * fit.resid[i] ** 2, 0);
  else v = (G / (G - 1)) * ((n - 1) / (n - (1 + T))) * clusterMeatDense(fit, idCodes)[0][0];
  return {coef: fit.coef[0], se: Math.sqrt(v), n, G, df: vcov === "cluster" ? G - 1 : n - nparams};
}

describe("singletons", () => {
  const frame = panelWithSingleton();
  for (const drop of [false, true])
    for (const vcov of ["iid", "hetero", "cluster"] as const) {
      it(`drop_singletons=${drop}, ${vcov}`, () => {
        const r = estimateOls(frame, {
          id: "id", time: "year", y: "y", x: ["x"], fe: ["id", "year"], drop_singletons: drop,
          vcov: vcov === "cluster" ? {cluster: ["id"]} : vcov
        });
        const ref = reference(frame, drop, vcov);
        expect(r.nobs).toBe(ref.n);
        expect(r.n_groups).toBe(ref.G);
        expect(r.df_t).toBe(ref.df);
        expectClose(r.coef[0], ref.coef, 1e-9, "coef");
        expectClose(r.se[0], ref.se, 1e-8, "se");
        expect(r.info?.n_singletons_removed).toBe(drop ? 1 : 0);
      });
    }
  it("coefficient and iid SE do not depend on keeping the singleton; HC1/CR1 do", () => {
    const base = {id: "id", time: "year", y: "y", x: ["x"], fe: ["id", "year"]};
    const a = estimateOls(frame, base);
    const b = estimateOls(frame, {...base, drop_singletons: true});
    expectClose(a.coef[0], b.coef[0], 1e-10);
    expectClose(a.se[0], b.se[0], 1e-10);
    const ah = estimateOls(frame, {...base, vcov: "hetero"});
    const bh = estimateOls(frame, {...base, vcov: "hetero", drop_singletons: true});
    expect(Math.abs(ah.se[0] - bh.se[0])).toBeGreaterThan(1e-6);
  });
  it("removal is a single pass (not recursive)", () => {
    // rows: (a,1) (a,2) (b,2): year 1 is a singleton -> drop (a,1); then a has 1 row left but stays.
    const fes = [
      {codes: Int32Array.of(0, 0, 1, 1), nlevels: 2},
      {codes: Int32Array.of(0, 1, 1, 1), nlevels: 2}
    ];
    expect(Array.from(dropSingletons(Int32Array.of(0, 1, 2, 3), fes))).toEqual([1, 2, 3]);
    const fes2 = [
      {codes: Int32Array.of(0, 0, 1), nlevels: 2},
      {codes: Int32Array.of(0, 1, 1), nlevels: 2}
    ];
    // id b (row 2) and year 0 (row 0) are singletons; row 1 stays although it is now alone.
    expect(Array.from(dropSingletons(Int32Array.of(0, 1, 2), fes2))).toEqual([1]);
  });
});
