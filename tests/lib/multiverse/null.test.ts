/**
 * The null bootstrap (SSN 2020, partners resampled as clusters): seeded and split-invariant; with a true zero
 * effect its p-values spread over (0, 1); with a strong effect they are small.
 */
import {describe, expect, it} from "vitest";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {runBatch} from "../../../src/lib/multiverse/batch.ts";
import {expandGrid, validateGrid} from "../../../src/lib/multiverse/grid.ts";
import {concatDraws, nullDraws, nullPvalues} from "../../../src/lib/multiverse/null.ts";
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
