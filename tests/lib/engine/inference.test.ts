/**
 * Leads, the event study, randomization inference and the within SD against scripts/reference/inference.R
 * (lm + dummies + sandwich in fixest 0.12.1 conventions; tests/fixtures/inference/expected.json), to 1e-8.
 */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {eventStudy} from "../../../src/lib/engine/event-study.js";
import {randomizationInference} from "../../../src/lib/engine/randomization.js";
import {effectPerWithinSd, withinSd} from "../../../src/lib/engine/within-sd.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";
import {parseCsv} from "../../helpers/fixtures.js";

const FIX = resolve(import.meta.dirname, "../../fixtures");
const TOL = 1e-8;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected: any = JSON.parse(readFileSync(resolve(FIX, "inference/expected.json"), "utf8"));
const gaps = parseCsv(readFileSync(resolve(FIX, "unbalanced_gaps.csv"), "utf8"));
const riPanel = parseCsv(readFileSync(resolve(FIX, "inference/ri_panel.csv"), "utf8"));

/** jsonlite writes a one-element vector as a scalar (auto_unbox): read every vector as an array. */
const arr = <T,>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const rel = (a: number, e: number) => Math.abs(a - e) / Math.max(Math.abs(e), 1e-300);
function close(a: number[], e: number[], what: string, tol = TOL): void {
  expect(a.length, what).toBe(e.length);
  a.forEach((v, i) => expect(rel(v, e[i]), `${what}[${i}]: ${v} vs ${e[i]}`).toBeLessThanOrEqual(tol));
}

/** Rows in another order: results must not depend on it. */
function shuffled(frame: Frame, seed = 7): Frame {
  const n = frame.nrows;
  const order = Array.from({length: n}, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const columns: Frame["columns"] = {};
  for (const [k, c] of Object.entries(frame.columns)) columns[k] = c instanceof Float64Array ? Float64Array.from(order, (r) => c[r]) : order.map((r) => c[r]);
  return {nrows: n, columns};
}

describe("leads F.x / Fk.x equal lm on hand-built leads (R add_lags)", () => {
  for (const m of expected.leads) {
    it(m.id, () => {
      for (const frame of [gaps, shuffled(gaps)]) {
        const r = estimate(frame, m.spec as Spec);
        expect(r.terms).toEqual(arr(m.expected.terms));
        expect(r.nobs).toBe(m.expected.nobs);
        close(r.coef, arr(m.expected.coef), "coef");
        close(r.se, arr(m.expected.se), "se");
        close(r.pvalue, arr(m.expected.pvalue), "p", 1e-7);
      }
    });
  }
});

describe("event study with binned endpoints equals lm on the hand-built regressors", () => {
  for (const c of expected.event_study) {
    it(c.id, () => {
      const spec: Spec = {id: "country", time: "year", y: "y", x: arr<string>(c.controls), fe: ["country", "year"], vcov: c.vcov};
      for (const frame of [gaps, shuffled(gaps, 11)]) {
        const es = eventStudy(frame, spec, {term: "dstri", leads: c.leads, lags: c.lags, leave_one_out: c.leave_one_out.length > 0});
        const k = arr(c.regressors).length;
        close(es.model.coef, c.expected.coef, "model coef");
        close(es.model.se, c.expected.se, "model se");
        expect(es.model.nobs).toBe(c.expected.nobs);
        // Event-time coefficients in window order, the reference -1 at 0.
        const est = es.event_time.map((j, i) => ({j, b: es.coef[i]})).filter((e) => e.j !== -1).map((e) => e.b);
        close(est, c.expected.coef.slice(0, k), "event coef");
        expect(es.coef[es.event_time.indexOf(-1)]).toBe(0);
        expect(rel(es.pretrend.f, c.pretrend.f)).toBeLessThan(TOL);
        expect(rel(es.pretrend.p_f, c.pretrend.p_f)).toBeLessThan(1e-7);
        expect(rel(es.pretrend.p_chi2, c.pretrend.p_chi2)).toBeLessThan(1e-7);
        expect(es.pretrend.df1).toBe(c.pretrend.df1);
        for (const loo of c.leave_one_out) {
          const row = es.leave_one_out!.find((r) => r.id === loo.id);
          expect(row, `leave-one-out row ${loo.id}`).toBeDefined();
          if (!row) continue;
          close(row.coef.filter((_, i) => es.event_time[i] !== -1) as number[], loo.coef, `leave out ${loo.id}`);
        }
      }
    });
  }
  it("refuses a model without the partner fixed effect, a short window and the treatment among the controls", () => {
    const spec: Spec = {id: "country", time: "year", y: "y", x: ["lngdp"], fe: ["year"], vcov: "iid"};
    expect(() => eventStudy(gaps, spec, {term: "dstri", leads: 3, lags: 1})).toThrow(/partner fixed effect 'country' must be in spec.fe/);
    expect(() => eventStudy(gaps, {...spec, fe: ["country", "year"]}, {term: "dstri", leads: 1, lags: 1})).toThrow(/leads must be a whole number from 2/);
    expect(() => eventStudy(gaps, {...spec, x: ["dstri"], fe: ["country", "year"]}, {term: "dstri", leads: 2, lags: 1})).toThrow(/remove it from spec.x/);
  });
});

describe("randomization inference", () => {
  for (const c of expected.randomization) {
    it(`${c.id}: full enumeration equals the independent R enumeration exactly`, () => {
      const frame = c.id.startsWith("unbalanced") ? dropRows(riPanel, (r) => ["FFF", "GGG"].includes(String(riPanel.columns.country[r])) && (riPanel.columns.year as Float64Array)[r] === 2014) : riPanel;
      const r = randomizationInference(frame, c.spec as Spec, {type: "randomization", term: "dstri"});
      expect(r.enumerated).toBe(true);
      expect(r.reps_used).toBe(c.n_perm);
      expect(r.n_strata).toBe(c.n_strata);
      expect(r.failed).toBe(0);
      expect(rel(r.t, c.t)).toBeLessThan(TOL);
      // p = count / n exactly; the fixture stores it to 15 digits, so compare the counts.
      expect(Math.round(r.p_value * r.reps_used)).toBe(Math.round(c.p_value * c.n_perm));
      expect(r.p_value).toBe(Math.round(c.p_value * c.n_perm) / c.n_perm);
    });
  }
  it("random draws agree with the R enumeration within 4 Monte Carlo standard errors; a seed gives one stream", () => {
    for (const c of expected.randomization) {
      const frame = c.id.startsWith("unbalanced") ? dropRows(riPanel, (r) => ["FFF", "GGG"].includes(String(riPanel.columns.country[r])) && (riPanel.columns.year as Float64Array)[r] === 2014) : riPanel;
      const spec = c.spec as Spec;
      const draws = randomizationInference(frame, spec, {type: "randomization", term: "dstri", reps: 2999, seed: 5}, {enumerateMax: 0});
      expect(draws.enumerated).toBe(false);
      expect(draws.reps_used).toBe(3000); // the identity plus 2,999 draws
      const mcse = Math.sqrt((c.p_value * (1 - c.p_value)) / draws.reps_used);
      expect(Math.abs(draws.p_value - c.p_value), c.id).toBeLessThan(4 * mcse + 1 / draws.reps_used);
    }
    const spec = expected.randomization[0].spec as Spec;
    const run = (seed: number) => randomizationInference(riPanel, spec, {type: "randomization", term: "dstri", reps: 199, seed}, {enumerateMax: 0}).p_value;
    expect(run(5)).toBe(run(5));
  });
  it("through the spec: result.randomization, and one-line refusals", () => {
    const spec = {...(expected.randomization[0].spec as Spec), inference: {type: "randomization" as const, term: "dstri"}};
    const r = estimate(riPanel, spec);
    expect(r.randomization?.p_value).toBeCloseTo(expected.randomization[0].p_value, 14);
    expect(r.randomization?.enumerated).toBe(true);
    expect(() => estimate(riPanel, {...spec, inference: {type: "randomization", term: "urban"}})).toThrow(/spec.inference.term must be one of the model's regressors \(dstri, lngdp\); got "urban"/);
    expect(() => estimate(riPanel, {...spec, inference: {type: "randomization", term: "dstri", reps: 0}})).toThrow(/reps must be a whole number from 1/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(() => estimate(riPanel, {...spec, inference: {type: "wild", term: "dstri"} as any})).toThrow(/type must be "randomization"/);
  });
});

describe("within SD (Mummolo & Peterson) equals sd(resid(x ~ FE)) on the estimation sample", () => {
  for (const c of expected.within_sd) {
    it(c.id, () => {
      const r = estimate(shuffled(gaps, 3), c.spec as Spec);
      const sds = arr<number>(c.within_sd);
      arr<string>(c.terms).forEach((term, i) => {
        expect(rel(withinSd(r, term)!, sds[i])).toBeLessThan(TOL);
        expect(rel(effectPerWithinSd(r, term)!, r.coef[r.terms.indexOf(term)] * sds[i])).toBeLessThan(TOL);
      });
      if (c.id !== "pooled") expect(sds[0]).toBeLessThan(arr<number>(c.total_sd)[0]);
    });
  }
});

describe("changing partners per regressor (info.changing_ids)", () => {
  it("counts the ids whose value moves within the estimation sample, as a direct count does", () => {
    const spec: Spec = {id: "country", time: "year", y: "y", x: ["dstri", "L.dstri", "lngdp"], fe: ["country", "year"], vcov: {cluster: ["country"]}, exclude: {year: [2020]}};
    const r = estimate(shuffled(gaps, 5), spec);
    const changing = r.info?.changing_ids as Record<string, number>;
    // Direct count on the same sample: rows with y, dstri, L.dstri and lngdp present, year != 2020.
    const c = gaps.columns;
    const country = c.country as Array<string | null>;
    const year = c.year as Float64Array;
    const key = new Map<string, number>();
    for (let i = 0; i < gaps.nrows; i++) key.set(`${country[i]}|${year[i]}`, i);
    const lag = (i: number) => {
      const j = key.get(`${country[i]}|${year[i] - 1}`);
      return j === undefined ? NaN : (c.dstri as Float64Array)[j];
    };
    const values = new Map<string, {dstri: Set<number>; lag: Set<number>; lngdp: Set<number>}>();
    for (let i = 0; i < gaps.nrows; i++) {
      const row = {y: (c.y as Float64Array)[i], d: (c.dstri as Float64Array)[i], l: lag(i), g: (c.lngdp as Float64Array)[i]};
      if (year[i] === 2020 || [row.y, row.d, row.l, row.g].some((v) => Number.isNaN(v))) continue;
      const v = values.get(country[i]!) ?? {dstri: new Set(), lag: new Set(), lngdp: new Set()};
      v.dstri.add(row.d);
      v.lag.add(row.l);
      v.lngdp.add(row.g);
      values.set(country[i]!, v);
    }
    const count = (k: "dstri" | "lag" | "lngdp") => [...values.values()].filter((v) => v[k].size > 1).length;
    expect(changing).toEqual({dstri: count("dstri"), "L.dstri": count("lag"), lngdp: count("lngdp")});
    expect(r.n_groups).toBe(values.size);
  });
});

function dropRows(frame: Frame, drop: (r: number) => boolean): Frame {
  const keep = Array.from({length: frame.nrows}, (_, r) => r).filter((r) => !drop(r));
  const columns: Frame["columns"] = {};
  for (const [k, c] of Object.entries(frame.columns)) columns[k] = c instanceof Float64Array ? Float64Array.from(keep, (r) => c[r]) : keep.map((r) => c[r]);
  return {nrows: keep.length, columns};
}
