/**
 * The null bootstrap re-estimates PPML specifications and those with Driscoll-Kraay / Newey-West errors in every
 * draw, and each draw's estimate is exactly `estimate()` on that draw's null data, rebuilt here on its own:
 * the drawn partners' rows (a partner drawn twice = two partners), the outcome with the null imposed
 * (y - b k for OLS, y exp(-b k) for PPML), the partner id, fixed effect and cluster on the draw's codes.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Column, Frame, Spec} from "../../../src/lib/engine/types.ts";
import {runBatch, type BatchResult} from "../../../src/lib/multiverse/batch.ts";
import {expandGrid, specOf, validateGrid} from "../../../src/lib/multiverse/grid.ts";
import {drawRows, nullDraws, ppmlNullShift, rowsById} from "../../../src/lib/multiverse/null.ts";
import {prepare} from "../../../src/lib/multiverse/prepare.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

/** G partners x T years, with gaps; exports in levels (some zeros) and their log; x persistent. */
function gravityPanel(seed: number, beta: number, G = 14, T = 7): Frame {
  const rng = createRng(seed);
  const iso3: string[] = [];
  const year: number[] = [], x: number[] = [], z: number[] = [], lev: number[] = [], ln: number[] = [];
  for (let g = 0; g < G; g++) {
    const a = rng.normal();
    let xv = rng.normal();
    for (let t = 0; t < T; t++) {
      xv = 0.7 * xv + 0.5 * rng.normal();
      if (g % 5 === 2 && t === 3) continue; // a gap
      const zv = rng.normal();
      const mu = Math.exp(2 + beta * xv + 0.3 * zv + a + 0.1 * t);
      const v = rng.uniform() < 0.08 ? 0 : mu * Math.exp(0.4 * rng.normal());
      iso3.push(`C${String.fromCharCode(65 + g)}`);
      year.push(2010 + t);
      x.push(xv);
      z.push(zv);
      lev.push(v);
      ln.push(v > 0 ? Math.log(v) : NaN);
    }
  }
  return {nrows: iso3.length, columns: {iso3, year: Float64Array.from(year), x: Float64Array.from(x), z: Float64Array.from(z), exports_t_usd: Float64Array.from(lev), lnexport_t: Float64Array.from(ln)}};
}

const grid = validateGrid({
  id: "iso3",
  time: "year",
  y: ["lnexport_t"],
  key: ["x"],
  lags: [0, 1],
  controls: {optional: ["z"]},
  fe: [["iso3"], ["iso3", "year"]],
  vcov: [{cluster: ["iso3"]}, "driscoll_kraay", "newey_west"],
  estimators: ["ols", "ppml"]
});
const combos = expandGrid(grid);

/** The draw's data and spec of specification i, built without null.ts's own helpers (but its row draw). */
function nullData(frame: Frame, i: number, b: number, rows: Int32Array, codes: Int32Array): {frame: Frame; spec: Spec; keyTerm: string} {
  const {spec, keyTerm} = specOf(grid, combos, i);
  // The key term on the full data (a lag within the original partner), then taken at the draw's rows.
  const key = keyColumn(frame, keyTerm);
  const y = frame.columns[spec.y] as Float64Array;
  const columns: Record<string, Column> = {};
  for (const [k, col] of Object.entries(frame.columns)) columns[k] = col instanceof Float64Array ? Float64Array.from(rows, (r) => col[r]) : Array.from(rows, (r) => col[r]);
  columns.draw_id = Float64Array.from(codes);
  // PPML: the shift that makes PPML on the full null data estimate zero (checked in the test below).
  const c = spec.estimator === "ppml" ? ppmlNullShift(frame, spec, keyTerm, key, b)! : b;
  columns.y_null = Float64Array.from(rows, (r) => (spec.estimator === "ppml" ? y[r] * Math.exp(-c * key[r]) : y[r] - b * key[r]));
  const swap = (n: string) => (n === "iso3" ? "draw_id" : n);
  const vcov = typeof spec.vcov === "object" && "cluster" in spec.vcov ? {cluster: spec.vcov.cluster.map(swap)} : spec.vcov;
  return {frame: {nrows: rows.length, columns}, spec: {...spec, id: "draw_id", y: "y_null", fe: (spec.fe ?? []).map(swap), vcov}, keyTerm};
}

/** x, or its lag 1 within the original partner in calendar years (missing at a gap or the first year). */
function keyColumn(frame: Frame, term: string): Float64Array {
  const x = frame.columns.x as Float64Array;
  if (term === "x") return x;
  const iso = frame.columns.iso3 as string[];
  const yr = frame.columns.year as Float64Array;
  const at = new Map<string, number>();
  for (let r = 0; r < frame.nrows; r++) at.set(`${iso[r]}|${yr[r]}`, r);
  return Float64Array.from({length: frame.nrows}, (_, r) => {
    const q = at.get(`${iso[r]}|${yr[r] - 1}`);
    return q === undefined ? NaN : x[q];
  });
}

describe("null bootstrap with PPML, Driscoll-Kraay and Newey-West specifications", () => {
  it("re-estimates each of them in every draw, exactly as estimate() on the draw's null data", () => {
    const frame = gravityPanel(3, 0.6);
    const p = prepare(frame, grid);
    const obs = runBatch(p, grid, combos, {frame});
    const isAlone = (i: number) => grid.estimators[combos.idx.estimator[i]] === "ppml" || typeof grid.vcov[combos.idx.vcov[i]] === "string";
    const alone = Array.from({length: combos.n}, (_, i) => i).filter(isAlone);
    expect(alone.length).toBe(combos.n - 8); // all but OLS with clustered errors (2 lags x 2 control sets x 2 FE)
    for (const i of alone) expect(obs.ok[i], `spec ${i} on the data`).toBe(1);
    const seen: Array<[number, BatchResult]> = [];
    const stats = nullDraws(p, grid, combos, obs, {seed: 5, from: 0, to: 3, frame, onDraw: (d, res) => seen.push([d, {...res, coef: res.coef.slice(), se: res.se.slice(), ok: res.ok.slice(), pvalue: res.pvalue.slice()}])});
    expect(seen.map(([d]) => d)).toEqual([0, 1, 2]);
    const byId = rowsById(p, "iso3");
    let compared = 0;
    for (const [d, res] of seen) {
      const {rows, codes} = drawRows(byId, 5, d);
      for (const i of alone) {
        const {frame: nf, spec, keyTerm} = nullData(frame, i, obs.coef[i], rows, codes);
        const ref = estimate(nf, spec);
        const j = ref.terms.indexOf(keyTerm);
        expect(res.ok[i], `draw ${d} spec ${i}`).toBe(1);
        expect(res.coef[i]).toBe(ref.coef[j]);
        expect(res.se[i]).toBe(ref.se[j]);
        expect(res.pvalue[i]).toBe(ref.pvalue[j]);
        compared++;
      }
    }
    expect(compared).toBe(3 * alone.length);
    // Nothing failed: every specification estimated on the data is in every draw's statistics.
    expect(Array.from(stats.failed)).toEqual([0, 0, 0]);
  }, 60_000);

  it("imposes the null for PPML: the draws' PPML estimates centre on zero, not on the observed effect", () => {
    const frame = gravityPanel(8, 0.8, 30, 7);
    const p = prepare(frame, grid);
    const obs = runBatch(p, grid, combos, {frame});
    const ppml = Array.from({length: combos.n}, (_, i) => i).filter((i) => grid.estimators[combos.idx.estimator[i]] === "ppml" && grid.lags[combos.idx.lag[i]] === 0 && combos.idx.vcov[i] === 1 && combos.idx.fe[i] === 1 && combos.idx.controls[i] === 1);
    expect(ppml.length).toBe(1);
    const i = ppml[0];
    expect(obs.coef[i]).toBeGreaterThan(0.5);
    // On the data, PPML on the null outcome estimates zero for the key (the null is imposed exactly).
    const {spec, keyTerm} = specOf(grid, combos, i);
    const x = frame.columns.x as Float64Array;
    const c = ppmlNullShift(frame, spec, keyTerm, x, obs.coef[i]);
    expect(c).not.toBeNull();
    const y = frame.columns.exports_t_usd as Float64Array;
    const onData = estimate({nrows: frame.nrows, columns: {...frame.columns, y_null: Float64Array.from(y, (v, r) => v * Math.exp(-c! * x[r]))}}, {...spec, y: "y_null"});
    expect(Math.abs(onData.coef[onData.terms.indexOf("x")])).toBeLessThan(1e-9 * (1 + obs.coef[i]));
    expect(Math.abs(c! - obs.coef[i])).toBeGreaterThan(1e-6); // c = b alone would not be exact
    const est: number[] = [];
    nullDraws(p, grid, combos, obs, {seed: 2, from: 0, to: 40, frame, which: Int32Array.of(i), onDraw: (_, res) => est.push(res.coef[i])});
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    const sd = Math.sqrt(est.reduce((a, b) => a + (b - mean) ** 2, 0) / (est.length - 1));
    // Centred on zero within 3 Monte Carlo standard errors, and far from the observed effect.
    expect(Math.abs(mean)).toBeLessThan(3 * sd / Math.sqrt(est.length));
    expect(Math.abs(mean)).toBeLessThan(obs.coef[i] / 4);
  }, 60_000);
});
