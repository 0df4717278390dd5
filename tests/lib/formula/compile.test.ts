/**
 * Formula -> spec equivalence: a formula gives exactly the result of the hand-written engine spec
 * (same coefficients, SEs, vcov, fit), derived columns follow the documented conventions, and
 * data errors are one line naming the column.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame, Spec} from "../../../src/lib/engine/types.ts";
import {compileModel} from "../../../src/lib/formula/compile.ts";
import {estimateFormula} from "../../../src/lib/formula/estimate.ts";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

/** A small unbalanced panel: 12 countries x 2010-2019 with a gap, a text category and missing cells. */
function panel(): Frame {
  const rng = createRng("formula-compile");
  const country: string[] = [];
  const region: Array<string | null> = [];
  const year: number[] = [];
  const cols: Record<string, number[]> = {y: [], x: [], z: [], w: []};
  for (let c = 0; c < 12; c++) {
    for (let t = 2010; t < 2020; t++) {
      if (c === 3 && t === 2014) continue; // interior gap
      country.push(`C${String(c).padStart(2, "0")}`);
      region.push(c === 5 && t === 2011 ? null : ["north", "south", "east"][c % 3]);
      year.push(t);
      const x = rng.normal();
      const z = 1 + rng.uniform();
      cols.x.push(x);
      cols.z.push(z);
      cols.w.push(rng.normal());
      cols.y.push(0.5 * x - 0.3 * z + 0.2 * x * z + 0.1 * c + rng.normal());
    }
  }
  cols.y[7] = NaN;
  cols.z[20] = NaN;
  return {
    nrows: country.length,
    columns: {
      country,
      region,
      year: Float64Array.from(year),
      y: Float64Array.from(cols.y),
      x: Float64Array.from(cols.x),
      z: Float64Array.from(cols.z),
      w: Float64Array.from(cols.w)
    }
  };
}

const P = {id: "country", time: "year"};

describe("formula -> spec equivalence", () => {
  const frame = panel();
  it.each<[string, Spec]>([
    ["y ~ x + z", {id: "country", time: "year", y: "y", x: ["x", "z"]}],
    ["y ~ x + z | country + year", {id: "country", time: "year", y: "y", x: ["x", "z"], fe: ["country", "year"], vcov: {cluster: ["country"]}}],
    ["y ~ x + z | country, vcov = 'hetero'", {id: "country", time: "year", y: "y", x: ["x", "z"], fe: ["country"], vcov: "hetero"}],
    ["y ~ x + z | year, vcov = ~country + year", {id: "country", time: "year", y: "y", x: ["x", "z"], fe: ["year"], vcov: {cluster: ["country", "year"]}}],
    ["y ~ l(x, 1) + z | country + year, vcov = 'iid'", {id: "country", time: "year", y: "y", x: ["L.x", "z"], fe: ["country", "year"], vcov: "iid"}],
    ["y ~ L2.x + z | country + year, vcov = 'iid'", {id: "country", time: "year", y: "y", x: ["L2.x", "z"], fe: ["country", "year"], vcov: "iid"}]
  ])("%s", (formula, spec) => {
    const a = estimateFormula(frame, formula, P);
    const b = estimate(frame, spec);
    // Same numbers; names differ only for lags (fixest's l(x,1) vs the engine's L.x).
    expect(a.coef).toEqual(b.coef);
    expect(a.se).toEqual(b.se);
    expect(a.vcov).toEqual(b.vcov);
    expect([a.nobs, a.n_groups, a.df_t, a.r2, a.r2_within]).toEqual([b.nobs, b.n_groups, b.df_t, b.r2, b.r2_within]);
    expect(a.terms).toEqual(b.terms.map((t) => (t === "L.x" && formula.includes("l(x") ? "l(x,1)" : t)));
  });

  it("derived columns: product, log, lag, dummies, combined FE; terms named as fixest", () => {
    const f = panel();
    const {frame: g, spec} = compileModel(parseModel("log(y) ~ x:z + log(z) + l(x,1) + i(region) | country^region"), f, P);
    expect(spec.y).toBe("log(y)");
    expect(spec.x).toEqual(["x:z", "log(z)", "l(x,1)", "region::north", "region::south"]);
    expect(spec.fe).toEqual(["country^region"]);
    expect(spec.vcov).toEqual({cluster: ["country^region"]});
    const c = g.columns;
    const x = f.columns.x as Float64Array;
    const z = f.columns.z as Float64Array;
    expect((c["x:z"] as Float64Array)[0]).toBe(x[0] * z[0]);
    expect(Number.isNaN((c["x:z"] as Float64Array)[20])).toBe(true);
    expect((c["log(z)"] as Float64Array)[1]).toBe(Math.log(z[1]));
    // lag: first year missing, then the previous year's x; after the gap (C03 2015) missing
    const lag = c["l(x,1)"] as Float64Array;
    expect(Number.isNaN(lag[0])).toBe(true);
    expect(lag[1]).toBe(x[0]);
    const gapRow = (f.columns.country as string[]).findIndex((v, r) => v === "C03" && (f.columns.year as Float64Array)[r] === 2015);
    expect(Number.isNaN(lag[gapRow])).toBe(true);
    // i(region): reference "east" (first sorted), missing region -> missing dummies
    const north = c["region::north"] as Float64Array;
    const region = f.columns.region as Array<string | null>;
    region.forEach((v, r) => {
      if (v === null) expect(Number.isNaN(north[r])).toBe(true);
      else expect(north[r]).toBe(v === "north" ? 1 : 0);
    });
    // combined FE: passed through to the engine by name (no column built here); the engine's
    // combination has one level per observed (country, region) and a row missing a part leaves the sample
    expect(c["country^region"]).toBeUndefined();
    const r = estimate(g, spec);
    expect((r.info as Record<string, unknown>).fixef_sizes).toEqual({"country^region": 12});
    // same numbers as a combination column built independently here (missing if a part is missing)
    const country = f.columns.country as string[];
    expect(region.indexOf(null)).toBeGreaterThanOrEqual(0);
    const pair = country.map((v, i) => (region[i] === null ? null : `${v}|${region[i]}`));
    const byHand = estimate({nrows: g.nrows, columns: {...g.columns, pair}}, {...spec, fe: ["pair"], vcov: {cluster: ["pair"]}});
    expect(r.coef).toEqual(byHand.coef);
    expect(r.se).toEqual(byHand.se);
    expect(r.nobs).toBe(byHand.nobs);
    // the input frame is not modified
    expect(Object.keys(f.columns)).toEqual(["country", "region", "year", "y", "x", "z", "w"]);
  });

  it("log of a non-positive value is missing (the row leaves the sample)", () => {
    const f = panel();
    const r = estimateFormula(f, "y ~ log(w) + x", P);
    const w = f.columns.w as Float64Array;
    const y = f.columns.y as Float64Array;
    const x = f.columns.x as Float64Array;
    let n = 0;
    for (let i = 0; i < f.nrows; i++) if (w[i] > 0 && !Number.isNaN(y[i]) && !Number.isNaN(x[i])) n++;
    expect(r.nobs).toBe(n);
    expect(r.terms).toEqual(["(Intercept)", "log(w)", "x"]);
  });

  it("i(var, ref =) picks the reference; numeric categories are sorted numerically", () => {
    const f = panel();
    expect(compileModel(parseModel("y ~ x + i(region, ref = south)"), f, P).spec.x).toEqual(["x", "region::east", "region::north"]);
    const g: Frame = {nrows: f.nrows, columns: {...f.columns, k: Float64Array.from({length: f.nrows}, (_, i) => [10, 9, 100][i % 3])}};
    expect(compileModel(parseModel("y ~ x + i(k)"), g, P).spec.x).toEqual(["x", "k::10", "k::100"]);
  });
});

describe("repeated id-time pairs", () => {
  // Flows: the same (exporter, year) appears once per importer.
  const rng = createRng("flows");
  const rows = [] as Array<[string, string, number, number, number]>;
  for (const ex of ["A", "B", "C", "D"]) for (const im of ["P", "Q", "R", "S", "T"]) for (let t = 2015; t < 2020; t++) {
    const tariff = rng.uniform();
    rows.push([ex, im, t, tariff, -tariff + rng.normal()]);
  }
  const flows: Frame = {
    nrows: rows.length,
    columns: {
      exporter: rows.map((r) => r[0]),
      importer: rows.map((r) => r[1]),
      year: Float64Array.from(rows.map((r) => r[2])),
      tariff: Float64Array.from(rows.map((r) => r[3])),
      lnflow: Float64Array.from(rows.map((r) => r[4]))
    }
  };
  it("estimate without a lag (formula and spec)", () => {
    const r = estimateFormula(flows, "lnflow ~ tariff | exporter + importer + year", {id: "exporter", time: "year"});
    expect(r.nobs).toBe(100);
    expect(estimate(flows, {id: "exporter", time: "year", y: "lnflow", x: ["tariff"], fe: ["exporter", "importer", "year"]}).coef).toEqual(r.coef);
  });
  it("a lag says it needs unique id-time pairs", () => {
    expect(() => estimateFormula(flows, "lnflow ~ l(tariff,1) | importer", {id: "exporter", time: "year"})).toThrow(
      /have the same exporter = A and year = 2015 \(duplicate id-time pair; lags and GMM need unique id-time pairs\)/
    );
    expect(() => estimate(flows, {id: "exporter", time: "year", y: "lnflow", x: ["L.tariff"]})).toThrow(/lags and GMM need unique id-time pairs/);
  });
  it("no id/time columns and no lag: estimates (one id per row)", () => {
    const r = estimateFormula(flows, "lnflow ~ tariff", {id: "iso3", time: "period"});
    expect(r.nobs).toBe(100);
    expect(r.n_groups).toBe(100);
  });
  it("the stand-in row id (a row identity, coded without a lookup table) gives what an ordinary unique id gives, with rows dropped and reordered", () => {
    const n = 80_000;
    const rng = createRng(8);
    const g = Float64Array.from({length: n}, () => rng.int(5000));
    const t = Float64Array.from({length: n}, () => rng.int(12));
    const x = Float64Array.from({length: n}, () => rng.normal());
    const y = Float64Array.from(x, (v, i) => (i % 97 === 0 ? NaN : 0.5 * v + 0.01 * g[i] + rng.normal()));
    const uid = Float64Array.from({length: n}, (_, i) => 3 * n - 2 * i);
    const d2: Frame = {nrows: n, columns: {g, t, x, y, uid, ay: Float64Array.from(y, Math.abs)}};
    for (const model of ["y ~ x | g + t", "fepois(ay ~ x | g + t)"]) {
      const stand = estimateFormula(d2, model, {id: "none", time: "none"});
      const own = estimateFormula(d2, model, {id: "uid", time: "t"});
      expect(stand.coef).toEqual(own.coef);
      expect(stand.se).toEqual(own.se);
      expect(stand.nobs).toBe(n - Math.ceil(n / 97));
      expect(stand.n_groups).toBe(stand.nobs);
      expect(own.n_groups).toBe(stand.nobs);
    }
  });
});

describe("data errors are one line naming the column", () => {
  const f = panel();
  it.each([
    ["y ~ nope", /column 'nope' \(formula term 'nope'\) not found/],
    ["y ~ x + country", /column 'country' \(formula term 'country'\) is not numeric/],
    ["y ~ log(region)", /column 'region' \(formula term 'log\(region\)'\) is not numeric/],
    ["y ~ x + i(nope)", /column 'nope' \(formula term 'i\(nope\)'\) not found/],
    ["y ~ x + i(region, ref = west)", /i\(region, ref = "west"\): no such level \(levels: east, north, south\)/],
    ["y ~ x | nope", /column 'nope' \(fixed effect 'nope'\) not found/],
    ["y ~ x | country^nope", /column 'nope' \(fixed effect 'country\^nope'\) not found/],
    ["y ~ x, vcov = ~nope", /column 'nope' \(vcov cluster 'nope'\) not found/],
    ["y ~ l(x,1)", /x/]
  ])("%s", (formula, message) => {
    if (formula === "y ~ l(x,1)") {
      expect(() => estimateFormula(f, formula, {id: "iso3", time: "year"})).toThrow(/column 'iso3' \(panel id\) not found/);
      return;
    }
    expect(() => estimateFormula(f, formula, P)).toThrow(message);
  });
  it("i() with a single level", () => {
    const g: Frame = {nrows: f.nrows, columns: {...f.columns, one: new Array(f.nrows).fill("a")}};
    expect(() => estimateFormula(g, "y ~ x + i(one)", P)).toThrow("formula: i(one) needs at least 2 levels; 'one' has 1");
  });
});
