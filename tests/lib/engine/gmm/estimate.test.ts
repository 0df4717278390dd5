/** estimateGmm: input validation (one-line UserErrors), exclusion, invariance to row order. */
import {describe, expect, it} from "vitest";
import {estimateGmm} from "../../../../src/lib/engine/gmm/index.js";
import type {Frame, Spec} from "../../../../src/lib/engine/types.js";
import {UserError} from "../../../../src/lib/errors.js";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {OWN_FIXTURES, readFrameAt} from "./fixture-data.js";

/** A panel of the project's own fixtures (tests/fixtures, scripts/reference/*.R): there on a bare clone. */
const own = (name: string) => readFrameAt(resolve(OWN_FIXTURES, `${name}.csv`));

const base: Spec = {
  id: "country",
  time: "year",
  y: "y",
  x: ["L.y", "L.dstri", "lngdp", "lnpopu", "gov", "urban"],
  estimator: "gmm-diff",
  effect: "twoways",
  gmm: {instruments: "y", lags: [2, 99], collapse: true}
};

/** A small synthetic dynamic panel (deterministic LCG noise). */
function toyFrame(G = 8, T = 8): Frame {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const id: string[] = [];
  const year: number[] = [];
  const y: number[] = [];
  const x: number[] = [];
  for (let g = 0; g < G; g++) {
    let prev = rnd();
    for (let t = 0; t < T; t++) {
      const xv = rnd();
      prev = 0.5 * prev + 0.3 * xv + g * 0.1 + rnd();
      id.push(`c${g}`);
      year.push(2000 + t);
      x.push(xv);
      y.push(prev);
    }
  }
  return {nrows: id.length, columns: {id, year: Float64Array.from(year), y: Float64Array.from(y), x: Float64Array.from(x), name: id.slice()}};
}
const toySpec: Spec = {id: "id", time: "year", y: "y", x: ["L.y", "x"], estimator: "gmm-diff", gmm: {lags: [2, 99], collapse: true}};

const oneLineError = (f: () => unknown, re: RegExp) => {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  const msg = (err as Error).message;
  expect(msg).not.toContain("\n");
  expect(msg).toMatch(re);
};

describe("estimateGmm input validation", () => {
  const f = toyFrame();
  it("requires the lagged dependent variable", () => oneLineError(() => estimateGmm(f, {...toySpec, x: ["x"]}), /needs the lagged dependent variable 'L\.y'/));
  it("rejects the contemporaneous dependent variable", () => oneLineError(() => estimateGmm(f, {...toySpec, x: ["L.y", "y"]}), /dependent variable 'y' itself/));
  it("names a missing column and where it was asked for", () => oneLineError(() => estimateGmm(f, {...toySpec, x: ["L.y", "nope"]}), /column 'nope' \(spec\.x\[1\]\) not found/));
  it("rejects text regressors", () => oneLineError(() => estimateGmm(f, {...toySpec, x: ["L.y", "name"]}), /'name' \(spec\.x\[1\]\) must be numeric/));
  it("rejects non-integer time", () => {
    const g = toyFrame();
    (g.columns.year as Float64Array)[3] = 2003.5;
    oneLineError(() => estimateGmm(g, toySpec), /must hold integers.*row 4 has 2003\.5/);
  });
  it("too few periods for the lags", () => oneLineError(() => estimateGmm(toyFrame(8, 3), toySpec), /needs at least 4 distinct periods.*have 3/));
  it("bad estimator / lags / instruments", () => {
    oneLineError(() => estimateGmm(f, {...toySpec, estimator: "ols"}), /spec\.estimator must be "gmm-diff" or "gmm-sys"/);
    oneLineError(() => estimateGmm(f, {...toySpec, gmm: {lags: [1, 5]}}), /spec\.gmm\.lags \[1, 5\] invalid/);
    oneLineError(() => estimateGmm(f, {...toySpec, gmm: {lags: [3, 2]}}), /invalid/);
    oneLineError(() => estimateGmm(f, {...toySpec, gmm: {instruments: "x" as "y"}}), /spec\.gmm\.instruments must be "y"/);
    oneLineError(() => estimateGmm(f, {...toySpec, effect: "time" as "twoways"}), /spec\.effect/);
  });
  it("collinear regressors are reported, not returned as NaN", () => {
    const g = toyFrame();
    g.columns.x2 = Float64Array.from(g.columns.x as Float64Array, (v) => 2 * v);
    oneLineError(() => estimateGmm(g, {...toySpec, x: ["L.y", "x", "x2"]}), /not identified/);
  });
});

describe("estimateGmm behaviour", () => {
  it("is invariant to the order of the rows", () => {
    const f = toyFrame();
    const perm = Array.from({length: f.nrows}, (_, i) => (i * 37) % f.nrows);
    const g: Frame = {
      nrows: f.nrows,
      columns: Object.fromEntries(
        Object.entries(f.columns).map(([k, c]) => [k, c instanceof Float64Array ? Float64Array.from(perm, (i) => c[i]) : perm.map((i) => c[i])])
      )
    };
    for (const estimator of ["gmm-diff", "gmm-sys"] as const) {
      const a = estimateGmm(f, {...toySpec, estimator});
      const b = estimateGmm(g, {...toySpec, estimator});
      a.coef.forEach((c, k) => expect(b.coef[k]).toBeCloseTo(c, 10));
      a.se.forEach((c, k) => expect(b.se[k]).toBeCloseTo(c, 10));
      expect(b.nobs).toBe(a.nobs);
    }
  });

  it("exclude = estimating on the subset; the following period's time effect is dropped with a note", () => {
    const frame = own("unbalanced_gaps");
    const r = estimateGmm(frame, {...base, exclude: {year: [2020]}});
    const years = frame.columns.year as Float64Array;
    const keep = Array.from({length: frame.nrows}, (_, i) => i).filter((i) => years[i] !== 2020);
    const sub: Frame = {
      nrows: keep.length,
      columns: Object.fromEntries(
        Object.entries(frame.columns).map(([k, c]) => [k, c instanceof Float64Array ? Float64Array.from(keep, (i) => c[i]) : keep.map((i) => c[i])])
      )
    };
    const s = estimateGmm(sub, base);
    expect(r.coef).toEqual(s.coef);
    const te = (r.info as {time_effects: {terms: string[]}}).time_effects.terms;
    expect(te).not.toContain("2020");
    expect(te).not.toContain("2021"); // L.y at 2021 is missing once 2020 is gone
    expect(r.notes.join(" ")).toMatch(/time effects 2021 dropped/);
    expect(r.coef.every(Number.isFinite)).toBe(true);
  });

  it("reports the result contract", () => {
    const r = estimateGmm(own("gmm_dynamic"), base);
    // plm's numbers for this model (scripts/reference/gmm.R): instruments and Hansen df.
    const plm = JSON.parse(readFileSync(resolve(OWN_FIXTURES, "gmm_dynamic.gmm.json"), "utf8")).models.find((m: {id: string}) => m.id === "diff_collapsed").expected;
    expect(r.terms).toEqual(base.x);
    expect(r.vcov.length).toBe(6);
    expect(r.r2).toBeNull();
    expect(r.df_t).toBeNull();
    expect(r.hansen!.df).toBe(plm.sargan_hansen.df);
    expect(r.n_instruments).toBe(plm.n_instruments);
    const info = r.info as Record<string, unknown>;
    expect(info.se_nonrobust).toHaveLength(6);
    expect(info.coef_onestep).toHaveLength(6);
  });
});
