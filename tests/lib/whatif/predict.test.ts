import {beforeAll, describe, expect, it} from "vitest";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import {buildPanel} from "../../../loaders/build.ts";
import {estimate} from "../../../src/lib/engine/index.ts";
import type {Frame, Result} from "../../../src/lib/engine/types.ts";
import {areaSpec, estimateAreas} from "../../../src/lib/mechanism/area-models.ts";
import {SCORE_DEFS} from "../../../src/lib/mechanism/areas.ts";
import {criticalValue} from "../../../src/lib/engine/tdist.ts";
import {coefficientOf, isExtrapolation, linearPredictor, observedRange, whatIf} from "../../../src/lib/whatif/predict.ts";

let frame: Frame;
beforeAll(async () => {
  frame = (await buildPanel()).frame;
});

/** Row index of the partner's latest year with every listed column observed. */
function latestRow(iso3: string, columns: string[]): number {
  const ids = frame.columns.iso3 as Array<string | null>;
  const year = frame.columns.year as Float64Array;
  const xs = columns.map((c) => frame.columns[c] as Float64Array);
  let best = -1;
  for (let i = 0; i < frame.nrows; i++) {
    if (ids[i] === iso3 && xs.every((x) => Number.isFinite(x[i])) && (best < 0 || year[i] > year[best])) best = i;
  }
  return best;
}

function rowValues(result: Result, i: number): Record<string, number> {
  return Object.fromEntries(result.terms.map((t) => [t, (frame.columns[t] as Float64Array)[i]]));
}

describe("what-if arithmetic", () => {
  it("follows the documented formulas", () => {
    const w = whatIf({beta: -1, lo: -2, hi: 0}, 0.3, 0.2, 1e9);
    expect(w.delta).toBeCloseTo(-0.1, 12);
    expect(w.dlog).toBeCloseTo(0.1, 12);
    expect(w.pct).toBeCloseTo(100 * (Math.exp(0.1) - 1), 10);
    expect(w.pctLo).toBeCloseTo(0, 10);
    expect(w.pctHi).toBeCloseTo(100 * (Math.exp(0.2) - 1), 10);
    expect(w.usd).toBeCloseTo(1e9 * (Math.exp(0.1) - 1), 3);
    expect(w.pctLo).toBeLessThanOrEqual(w.pct);
    expect(w.pctHi).toBeGreaterThanOrEqual(w.pct);
  });
  it("uses the t quantile with the model's df", () => {
    expect(criticalValue(41)).toBeCloseTo(tQuantile(0.975, 41), 12);
    expect(criticalValue(41)).toBeCloseTo(2.019541, 5);
    expect(criticalValue(null)).toBeCloseTo(1.959964, 5);
  });
  it("flags scores outside the observed range", () => {
    const r = observedRange([0.1, NaN, 0.3]);
    expect(r).toEqual({min: 0.1, max: 0.3});
    expect(isExtrapolation(0.2, r)).toBe(false);
    expect(isExtrapolation(0.31, r)).toBe(true);
    expect(isExtrapolation(0.2, null)).toBe(true);
  });
});

describe("what-if equals the engine's prediction on the real panel", () => {
  for (const def of SCORE_DEFS) {
    it(`${def.column}: change in fitted ln(exports) = β·Δ`, () => {
      const result = estimate(frame, areaSpec(def.column));
      const coef = coefficientOf(result, def.column)!;
      expect(coef).not.toBeNull();
      expect(coef.lo).toBeCloseTo(coef.beta - tQuantile(0.975, result.df_t!) * coef.se, 12);
      for (const iso3 of ["IND", "USA", "IDN", "DEU"]) {
        const i = latestRow(iso3, result.terms);
        expect(i).toBeGreaterThanOrEqual(0);
        const original = rowValues(result, i);
        const s0 = original[def.column];
        for (const s1 of [0, 0.05, s0 + 0.1, 0.5, 1]) {
          const changed = {...original, [def.column]: s1};
          const diff = linearPredictor(result, changed) - linearPredictor(result, original);
          const w = whatIf(coef, s0, s1, 1e9);
          expect(w.dlog).toBeCloseTo(diff, 10);
          expect(w.pct).toBeCloseTo(100 * (Math.exp(diff) - 1), 8);
        }
      }
    });
  }

  it("the linear predictor plus the fixed effects reproduces the fitted value's change (within-partner)", () => {
    // Two rows of one partner in different years: their fitted values differ by Σβ(x1 − x0) + (δ_t1 − δ_t0).
    // Moving only the score in one row changes that difference by exactly β·Δ, checked via linearPredictor.
    const result = estimate(frame, areaSpec("dstri"));
    const i = latestRow("IND", ["lnexport_cn", ...result.terms]);
    const v = rowValues(result, i);
    const beta = coefficientOf(result, "dstri")!.beta;
    expect(linearPredictor(result, {...v, dstri: v.dstri + 0.2}) - linearPredictor(result, v)).toBeCloseTo(beta * 0.2, 12);
  });

  it("per-area models: estimated on 2014-2020 with 42 clusters", () => {
    const est = estimateAreas(frame);
    expect(est).toHaveLength(5);
    for (const e of est) {
      expect(e.years).toEqual([2014, 2020]);
      expect(e.n_groups).toBe(42);
      expect(e.coef.df).toBe(41);
      expect(e.coef.lo).toBeLessThan(e.coef.beta);
      expect(e.movers).toBeGreaterThan(0);
      expect(e.movers).toBeLessThanOrEqual(42);
    }
  });
});
