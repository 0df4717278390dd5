/**
 * The wild cluster bootstrap (WCR, wild-bootstrap.ts: per-cluster fast algorithm) against the direct reference of
 * scripts/reference/wild.R (re-estimation with lm.fit for every one of the 2^G Rademacher sign vectors on the
 * demeaned data): the p-value exactly equal on panels with G = 8..12 clusters (with fixed effects and pooled), the
 * p-values at five other nulls exactly equal, the 95% interval's ends where p crosses 0.05, and Webb weights within
 * 3 Monte Carlo standard errors of R's 20,000-draw p.
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";
import {bootstrapInput, wildPValues} from "../../../src/lib/engine/wild-bootstrap.js";
import {readCsvFrame} from "./csv-frame.js";

const FIX = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures");
interface Model {
  id: string;
  panel: string;
  G: number;
  spec: Spec;
  expected: {p_value: number; reps: number; nulls: number[]; p_at: number[]; webb_p?: number; webb_reps?: number};
}
const ref = JSON.parse(readFileSync(resolve(FIX, "wild.reference.json"), "utf8")) as {models: Model[]};
const all = readCsvFrame("wild_panels.csv", new Set(["panel", "group", "firm"]));

function panel(name: string): Frame {
  const keep: number[] = [];
  const col = all.columns.panel as string[];
  col.forEach((p, i) => p === name && keep.push(i));
  const columns: Frame["columns"] = {};
  for (const [k, v] of Object.entries(all.columns)) columns[k] = v instanceof Float64Array ? Float64Array.from(keep, (i) => v[i]) : keep.map((i) => v[i]);
  return {nrows: keep.length, columns};
}

describe("wild cluster bootstrap (WCR) equals full Rademacher enumeration by direct re-estimation", () => {
  it("covers G = 8..12 with and without fixed effects", () => {
    expect(new Set(ref.models.map((m) => m.G))).toEqual(new Set([8, 9, 10, 11, 12]));
  });
  for (const m of ref.models) {
    it(`${m.id}: p exactly, p at other nulls exactly, interval ends where p crosses 0.05`, () => {
      const frame = panel(m.panel);
      const got = estimate(frame, m.spec);
      const b = got.bootstrap!;
      expect(b.enumerated).toBe(true);
      expect(b.reps_used).toBe(2 ** m.G);
      expect(b.reps_used).toBe(m.expected.reps);
      expect(b.p_value).toBe(m.expected.p_value);
      // The bootstrap's t of the data is the OLS CR1 t (same K) of the term.
      const j = got.terms.indexOf("x");
      expect(Math.abs(b.t_stat - got.tstat[j])).toBeLessThan(1e-10 * Math.abs(got.tstat[j]));
      const {input} = bootstrapInput(frame, m.spec);
      expect(wildPValues(input, m.expected.nulls)).toEqual(m.expected.p_at);
      const [lo, hi] = b.ci95;
      expect(lo).toBeLessThan(got.coef[j]);
      expect(hi).toBeGreaterThan(got.coef[j]);
      const eps = 1e-6 * got.se[j];
      const [pLoOut, pLoIn, pHiIn, pHiOut] = wildPValues(input, [lo - eps, lo + eps, hi - eps, hi + eps]);
      expect(pLoOut).toBeLessThanOrEqual(0.05);
      expect(pLoIn).toBeGreaterThan(0.05);
      expect(pHiIn).toBeGreaterThan(0.05);
      expect(pHiOut).toBeLessThanOrEqual(0.05);
    });
  }
  for (const m of ref.models.filter((x) => x.expected.webb_p !== undefined)) {
    it(`${m.id}: Webb weights, 9,999 seeded draws, within 3 Monte Carlo SE of R's 20,000 draws`, () => {
      const spec = {...m.spec, bootstrap: {...m.spec.bootstrap!, weights: "webb" as const, reps: 9999, seed: 1}};
      const b = estimate(panel(m.panel), spec).bootstrap!;
      expect(b.enumerated).toBe(false);
      expect(b.reps_used).toBe(9999);
      const p = m.expected.webb_p!;
      const mcse = Math.sqrt(p * (1 - p) * (1 / 9999 + 1 / m.expected.webb_reps!));
      expect(Math.abs(b.p_value - p)).toBeLessThan(3 * mcse);
      // Same seed, same draws.
      expect(estimate(panel(m.panel), spec).bootstrap!.p_value).toBe(b.p_value);
    });
  }
  it("refuses a term that is not in the model and a cluster with one level, in one line", () => {
    const frame = panel("G8");
    const base = ref.models[0].spec;
    expect(() => estimate(frame, {...base, bootstrap: {type: "wild", term: "w", cluster: "group"}})).toThrow(/spec.bootstrap.term 'w' is not a regressor of the model/);
    const one: Frame = {...frame, columns: {...frame.columns, one: frame.columns.panel}};
    expect(() => estimate(one, {...base, bootstrap: {type: "wild", term: "x", cluster: "one"}})).toThrow(/has only 1 cluster/);
  });
});
