/**
 * The null bootstrap (SSN 2020, partners resampled as clusters): seeded and split-invariant; with a true zero
 * effect its p-values spread over (0, 1); with a strong effect they are small.
 */
import {describe, expect, it} from "vitest";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {runBatch} from "../../../src/lib/multiverse/batch.ts";
import {expandGrid, validateGrid} from "../../../src/lib/multiverse/grid.ts";
import {concatDraws, dynamicNullOutcome, nullDraws, nullPvalues} from "../../../src/lib/multiverse/null.ts";
import {prepare} from "../../../src/lib/multiverse/prepare.ts";
import {summarize} from "../../../src/lib/multiverse/summary.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

/** G partners x T years; x persistent within partner; y = beta x + 0.5 z + partner effect + AR(1) noise. */
function panel(seed: number, beta: number, G = 24, T = 8): Frame {
  const rng = createRng(seed);
  const n = G * T;
  const id: string[] = [];
  const year = new Float64Array(n), x = new Float64Array(n), z = new Float64Array(n), y = new Float64Array(n);
  for (let g = 0; g < G; g++) {
    const a = rng.normal();
    let xv = rng.normal();
    let u = rng.normal();
    for (let t = 0; t < T; t++) {
      const i = g * T + t;
      xv = 0.8 * xv + 0.6 * rng.normal();
      u = 0.5 * u + rng.normal();
      id.push(`P${g}`);
      year[i] = 2010 + t;
      x[i] = xv;
      z[i] = rng.normal();
      y[i] = beta * x[i] + 0.5 * z[i] + a + u;
    }
  }
  return {nrows: n, columns: {id, year, x, z, w: Float64Array.from(z, (v, i) => v + x[i] * 0.3), y}};
}

const grid = validateGrid({id: "id", time: "year", y: ["y"], key: ["x"], lags: [0, 1], controls: {optional: ["z", "w"]}, fe: [["id"], ["id", "year"]], vcov: [{cluster: ["id"]}]});
const combos = expandGrid(grid);

function pvalues(frame: Frame, draws: number, seed: number | string) {
  const p = prepare(frame, grid);
  const obs = runBatch(p, grid, combos, {frame});
  const stats = nullDraws(p, grid, combos, obs, {seed, from: 0, to: draws});
  return nullPvalues(summarize(obs), stats, seed);
}

describe("null bootstrap", () => {
  it("is seeded: the same seed gives the same draws, and any split of the draws gives the same statistics", () => {
    const frame = panel(1, 0);
    const p = prepare(frame, grid);
    const obs = runBatch(p, grid, combos, {frame});
    const all = nullDraws(p, grid, combos, obs, {seed: 9, from: 0, to: 12});
    const again = nullDraws(p, grid, combos, obs, {seed: 9, from: 0, to: 12});
    const split = concatDraws([nullDraws(p, grid, combos, obs, {seed: 9, from: 0, to: 5}), nullDraws(p, grid, combos, obs, {seed: 9, from: 5, to: 12})]);
    expect(Array.from(again.median)).toEqual(Array.from(all.median));
    expect(Array.from(split.median)).toEqual(Array.from(all.median));
    expect(Array.from(split.stouffer)).toEqual(Array.from(all.stouffer));
    const other = nullDraws(p, grid, combos, obs, {seed: 10, from: 0, to: 12});
    expect(Array.from(other.median)).not.toEqual(Array.from(all.median));
  });

  it("imposes the null: draws' median estimates are centred near zero, not near the observed effect", () => {
    const frame = panel(2, 1);
    const p = prepare(frame, grid);
    const obs = runBatch(p, grid, combos, {frame});
    const s = summarize(obs);
    expect(s.median).toBeGreaterThan(0.7);
    const stats = nullDraws(p, grid, combos, obs, {seed: 1, from: 0, to: 30});
    const meanMedian = stats.median.reduce((a, b) => a + b, 0) / stats.median.length;
    expect(Math.abs(meanMedian)).toBeLessThan(0.1);
  });

  it("a strong effect gives small p-values; a true zero effect gives p-values spread over (0, 1)", () => {
    const strong = pvalues(panel(3, 1.5, 30), 40, 1);

    expect(strong.draws).toBe(40);
    expect(strong.p_median).toBeLessThanOrEqual(0.05);
    expect(strong.p_share_significant).toBeLessThanOrEqual(0.05);
    expect(strong.p_stouffer).toBeLessThanOrEqual(0.05);

    const ps: number[] = [];
    for (let s = 100; s < 124; s++) ps.push(pvalues(panel(s, 0), 40, s).p_median);
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    // Under the null p is ~ uniform: mean 0.5 with sd 0.29/sqrt(24) ~ 0.06 (plus resolution 1/40).
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.7);
    expect(Math.min(...ps)).toBeLessThan(0.3);
    expect(Math.max(...ps)).toBeGreaterThan(0.7);
    expect(ps.filter((p) => p <= 0.05).length).toBeLessThanOrEqual(5);
  }, 120_000);
});

describe("fastSe (bootstrap draws)", () => {
  it("gives the engine's key standard errors to 1e-12 for iid, HC1, one- and two-way clusters", async () => {
    const g = validateGrid({id: "id", time: "year", y: ["y"], key: ["x"], lags: [0, 1], controls: {optional: ["z", "w"]}, fe: [[], ["id"], ["id", "year"]], vcov: ["iid", "hetero", {cluster: ["id"]}, {cluster: ["id", "year"]}]});
    const c = expandGrid(g);
    const frame = panel(5, 0.3);
    const p = prepare(frame, g);
    const exact = runBatch(p, g, c, {frame});
    const fast = runBatch(p, g, c, {frame, fastSe: true});
    let worst = 0;
    for (let i = 0; i < c.n; i++) {
      expect(fast.ok[i]).toBe(exact.ok[i]);
      if (exact.ok[i]) worst = Math.max(worst, Math.abs(fast.se[i] - exact.se[i]) / exact.se[i]);
    }
    expect(worst).toBeLessThan(1e-12);
  });
});

/** Dynamic panel: y = 0.5 L.y + beta x + partner effect + noise, x persistent; G partners x T years. */
function dynamicPanel(seed: number, beta: number, G = 40, T = 9): Frame {
  const rng = createRng(seed);
  const n = G * T;
  const id: string[] = [];
  const year = new Float64Array(n), x = new Float64Array(n), y = new Float64Array(n);
  for (let g = 0; g < G; g++) {
    const a = rng.normal();
    let xv = rng.normal();
    let yv = a + rng.normal();
    for (let t = 0; t < T; t++) {
      const i = g * T + t;
      xv = 0.7 * xv + 0.7 * rng.normal();
      yv = 0.5 * yv + beta * xv + a + rng.normal();
      id.push(`P${g}`);
      year[i] = 2000 + t;
      x[i] = xv;
      y[i] = yv;
    }
  }
  return {nrows: n, columns: {id, year, x, y}};
}

describe("null bootstrap with GMM specifications", () => {
  const gmmGrid = validateGrid({id: "id", time: "year", y: ["y"], key: ["x"], fe: [["id"]], vcov: [{cluster: ["id"]}], estimators: ["ols", "gmm-diff"]});
  const gmmCombos = expandGrid(gmmGrid);
  const isGmm = (i: number) => gmmGrid.estimators[gmmCombos.idx.estimator[i]] !== "ols";

  it("imposes the null in the dynamic model exactly: y*_t - rho y*_(t-1) = y_t - rho y_(t-1) - b k_t", () => {
    const f = dynamicPanel(7, 1, 5, 6);
    const p = prepare(f, gmmGrid);
    const ids = p.factors.get("id")!.codes;
    const yr = f.columns.year as Float64Array;
    const order = Int32Array.from({length: f.nrows}, (_, i) => i);
    const y = f.columns.y as Float64Array, x = f.columns.x as Float64Array;
    const ys = dynamicNullOutcome(y, x, 0.8, 0.45, ids, yr, order);
    for (let i = 1; i < f.nrows; i++) {
      if (ids[i] !== ids[i - 1]) expect(ys[i]).toBeCloseTo(y[i] - 0.8 * x[i], 12);
      else expect(ys[i] - 0.45 * ys[i - 1]).toBeCloseTo(y[i] - 0.45 * y[i - 1] - 0.8 * x[i], 12);
    }
  });

  it("re-estimates every GMM specification in every draw, centred on zero under the imposed null, and counts failures", () => {
    const frame = dynamicPanel(11, 1);
    const p = prepare(frame, gmmGrid);
    const obs = runBatch(p, gmmGrid, gmmCombos, {frame});
    const gmmSpecs = Array.from({length: gmmCombos.n}, (_, i) => i).filter(isGmm);
    expect(gmmSpecs.length).toBe(1);
    const g0 = gmmSpecs[0];
    expect(obs.ok[g0]).toBe(1);
    expect(obs.coef[g0]).toBeGreaterThan(0.7);
    expect(obs.gmm.get(g0)!.rho).toBeGreaterThan(0.2);
    // Only the GMM specification: the draws' medians are its own re-estimates.
    const which = Int32Array.of(g0);
    const stats = nullDraws(p, gmmGrid, gmmCombos, obs, {seed: 3, from: 0, to: 30, which, frame});
    expect(stats.gmm).toBe(1);
    expect(stats.specs).toBe(1);
    const est = Array.from(stats.median).filter((v) => Number.isFinite(v));
    expect(est.length + stats.failed.reduce((a, b) => a + b, 0)).toBe(30);
    expect(est.length).toBeGreaterThan(25);
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    expect(Math.abs(mean)).toBeLessThan(0.15);
    // Without the data the GMM specification cannot be re-estimated: every draw counts it as failed.
    const none = nullDraws(p, gmmGrid, gmmCombos, obs, {seed: 3, from: 0, to: 5, which});
    expect(Array.from(none.failed)).toEqual([1, 1, 1, 1, 1]);
  }, 60_000);

  it("with GMM in the grid: a strong effect gives small p-values, a true zero effect p-values spread over (0, 1)", () => {
    const pv = (frame: Frame, draws: number, seed: number) => {
      const p = prepare(frame, gmmGrid);
      const obs = runBatch(p, gmmGrid, gmmCombos, {frame});
      const stats = nullDraws(p, gmmGrid, gmmCombos, obs, {seed, from: 0, to: draws, frame});
      expect(stats.gmm).toBe(1);
      return nullPvalues(summarize(obs), stats, seed);
    };
    const strong = pv(dynamicPanel(21, 1), 30, 1);
    expect(strong.gmm_per_draw).toBe(1);
    expect(strong.p_median).toBeLessThanOrEqual(0.05);
    expect(strong.p_stouffer).toBeLessThanOrEqual(0.05);
    const ps: number[] = [];
    for (let s = 200; s < 216; s++) ps.push(pv(dynamicPanel(s, 0), 30, s).p_stouffer);
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    // 16 p-values, ~ uniform: mean 0.5 with sd 0.29/4 ~ 0.07.
    expect(mean).toBeGreaterThan(0.28);
    expect(mean).toBeLessThan(0.72);
    expect(Math.min(...ps)).toBeLessThan(0.35);
    expect(Math.max(...ps)).toBeGreaterThan(0.65);
    expect(ps.filter((p) => p <= 0.05).length).toBeLessThanOrEqual(4);
  }, 120_000);
});
