/**
 * The fused two-way IRLS (ppml-irls-two.ts) against the general one (ppml-irls.ts, whose two-way weighted
 * demeaning is exact too): the same coefficients, deviance and last weighted least squares (the variances'
 * inputs) to 1e-12 relative, for one, two and three regressors (the kernels with locals and the generic one),
 * with rows blocked by the larger dimension or in arbitrary order (one run per row). Through `estimate`: a
 * regressor that the fixed effects absorb is dropped with fixest's note and the estimates equal the model
 * without it.
 */
import {describe, expect, it} from "vitest";
import {demeanWeighted} from "../../../src/lib/engine/demean-weighted.js";
import type {FeDim} from "../../../src/lib/engine/demean-types.js";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {poissonIrls, weightedCross} from "../../../src/lib/engine/ppml-irls.js";
import {poissonIrlsTwoWay} from "../../../src/lib/engine/ppml-irls-two.js";
import {runsOf} from "../../../src/lib/engine/ppml-two-passes.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";
import {twoWayLayout} from "../../../src/lib/engine/weighted-two-way.js";
import {createRng} from "../../../src/lib/random/rng.js";

/** Unbalanced unit x year data (about 15% of cells missing), 20% zeros; rows blocked by unit or shuffled. */
function data(units: number, years: number, k: number, shuffle: boolean, seed: number) {
  const rng = createRng(seed);
  const ua = Float64Array.from({length: units}, () => rng.normal());
  const ya = Float64Array.from({length: years}, () => 0.3 * rng.normal());
  const rows: Array<[number, number]> = [];
  for (let u = 0; u < units; u++) for (let t = 0; t < years; t++) if (rng.uniform() > 0.15) rows.push([u, t]);
  if (shuffle) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
  }
  const m = rows.length;
  const X = Array.from({length: k}, () => new Float64Array(m));
  const y = new Float64Array(m);
  const unit: FeDim = {codes: new Int32Array(m), nlevels: units};
  const year: FeDim = {codes: new Int32Array(m), nlevels: years};
  rows.forEach(([u, t], i) => {
    unit.codes[i] = u;
    year.codes[i] = t;
    let idx = ua[u] + ya[t];
    for (let j = 0; j < k; j++) {
      X[j][i] = (j === 0 ? 0.5 * ua[u] : 0) + rng.normal();
      idx += (0.3 - 0.2 * j) * X[j][i];
    }
    y[i] = rng.uniform() < 0.2 ? 0 : Math.exp(idx + 0.5 * rng.normal());
  });
  return {y, X, unit, year};
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

function startMeans(y: Float64Array): {mu: Float64Array; ybar: number} {
  let s = 0;
  for (const v of y) s += v;
  const ybar = s / y.length;
  return {mu: Float64Array.from(y, (v) => (v + ybar) / 2), ybar};
}

describe("fused two-way IRLS = general IRLS", () => {
  for (const k of [1, 2, 3]) {
    for (const shuffle of [false, true]) {
      it(`${k} regressor(s), rows ${shuffle ? "shuffled" : "blocked by unit"}: coefficients, deviance, last WLS to 1e-12`, () => {
        const {y, X, unit, year} = data(300, 9, k, shuffle, 20 + k);
        const fes = [unit, year];
        const a = startMeans(y);
        const general = poissonIrls(y, X, fes, a.mu, a.ybar, false);
        const b = startMeans(y);
        const lay = twoWayLayout(unit, year);
        expect(lay).not.toBeNull();
        let seen: Float64Array | null = null;
        const fused = poissonIrlsTwoWay(y, X, lay!, b.mu, b.ybar, false, (A) => {
          seen = A.slice();
          return X.map((_, j) => j);
        });
        const runs = runsOf(unit.codes).level.length;
        if (shuffle) expect(runs).toBeGreaterThan(1000);
        else expect(runs).toBe(300);
        expect(fused.converged).toBe(true);
        expect(fused.iterations).toBe(general.iterations);
        for (let j = 0; j < k; j++) expect(rel(fused.beta[j], general.beta[j])).toBeLessThan(1e-12);
        expect(rel(fused.dev, general.dev)).toBeLessThan(1e-12);
        // The first iteration's X~'WX~ handed to `choose` is the collinearity check's matrix.
        const mu0 = startMeans(y).mu;
        const first = weightedCross(demeanWeighted(X, mu0, fes).cols, mu0);
        for (let i = 0; i < k * k; i++) expect(rel(seen![i], first[i])).toBeLessThan(1e-12);
        const gl = general.last!;
        const fl = fused.last!;
        // The Hessian handed over from pass 2 is the one the materialised regressors give, bit for bit.
        expect(Array.from(fl.hessian!)).toEqual(Array.from(weightedCross(fl.XT, fl.w)));
        for (let i = 0; i < y.length; i += 7) {
          expect(rel(fl.w[i], gl.w[i])).toBeLessThan(1e-12);
          expect(Math.abs(fl.wresid[i] - gl.wresid[i])).toBeLessThan(1e-10 * Math.max(1, Math.abs(gl.wresid[i])));
          for (let j = 0; j < k; j++) expect(Math.abs(fl.XT[j][i] - gl.XT[j][i])).toBeLessThan(1e-10);
        }
      });
    }
  }
});

describe("fused two-way IRLS on other shapes = general IRLS", () => {
  /** y, one regressor, two FE from code arrays. */
  function compare(unitCodes: Int32Array, otherCodes: Int32Array, seed: number) {
    const rng = createRng(seed);
    const m = unitCodes.length;
    let L1 = 0, L2 = 0;
    for (let i = 0; i < m; i++) {
      L1 = Math.max(L1, unitCodes[i] + 1);
      L2 = Math.max(L2, otherCodes[i] + 1);
    }
    const x = Float64Array.from({length: m}, () => rng.normal());
    const x2 = Float64Array.from({length: m}, (_, i) => 0.3 * unitCodes[i] / L1 + rng.normal());
    const y = Float64Array.from({length: m}, (_, i) => (rng.uniform() < 0.25 ? 0 : Math.exp(0.4 * x[i] + 0.1 * (unitCodes[i] % 7) + 0.5 * rng.normal())));
    const fes = [{codes: unitCodes, nlevels: L1}, {codes: otherCodes, nlevels: L2}];
    const a = startMeans(y);
    const general = poissonIrls(y, [x, x2], fes, a.mu, a.ybar, false);
    const b = startMeans(y);
    const fused = poissonIrlsTwoWay(y, [x, x2], twoWayLayout(fes[0], fes[1])!, b.mu, b.ybar, false, () => [0, 1]);
    expect(fused.converged).toBe(general.converged);
    expect(fused.iterations).toBe(general.iterations);
    for (let j = 0; j < 2; j++) expect(rel(fused.beta[j], general.beta[j])).toBeLessThan(1e-11);
    expect(rel(fused.dev, general.dev)).toBeLessThan(1e-12);
  }
  it("second dimension with one level", () => {
    const m = 3000;
    compare(Int32Array.from({length: m}, (_, i) => i % 200), new Int32Array(m), 1);
  });
  it("units nested in regions (the Schur system has more than one null direction)", () => {
    const m = 4000;
    compare(Int32Array.from({length: m}, (_, i) => i % 400), Int32Array.from({length: m}, (_, i) => (i % 400) % 10), 2);
  });
  it("sparse cells: each unit seen in 3 of 60 periods, rows shuffled", () => {
    const rng = createRng(9);
    const u: number[] = [];
    const t: number[] = [];
    for (let g = 0; g < 800; g++) for (let r = 0; r < 3; r++) {
      u.push(g);
      t.push(rng.int(60));
    }
    const order = Array.from(u.keys());
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    compare(Int32Array.from(order, (i) => u[i]), Int32Array.from(order, (i) => t[i]), 3);
  });
  it("both dimensions the same size", () => {
    const m = 2500;
    compare(Int32Array.from({length: m}, (_, i) => i % 50), Int32Array.from({length: m}, (_, i) => Math.floor(i / 50)), 4);
  });
});

it("stops on the same iteration as the general IRLS when means on zero outcomes collapse (separation suspected)", () => {
  const {y, X, unit, year} = data(300, 9, 3, false, 13);
  const a = startMeans(y);
  const general = poissonIrls(y, X, [unit, year], a.mu, a.ybar, false);
  const b = startMeans(y);
  const fused = poissonIrlsTwoWay(y, X, twoWayLayout(unit, year)!, b.mu, b.ybar, false, () => [0, 1, 2]);
  expect(general.suspect).toBe(true);
  expect(fused.suspect).toBe(true);
  expect(fused.iterations).toBe(general.iterations);
  expect(fused.last).toBeNull();
});

describe("PPML with two fixed effects through estimate", () => {
  function frame(): Frame {
    const {y, X, unit, year} = data(400, 8, 2, true, 7);
    const m = y.length;
    // A unit-level regressor: absorbed by the unit fixed effect.
    const rng = createRng(3);
    const level = Float64Array.from({length: 400}, () => rng.normal());
    return {
      nrows: m,
      columns: {
        unit: Float64Array.from(unit.codes, (c) => 1000 + c),
        year: Float64Array.from(year.codes, (c) => 2000 + c),
        y,
        x1: X[0],
        x2: X[1],
        size: Float64Array.from(unit.codes, (c) => level[c])
      }
    };
  }
  const base: Spec = {id: "unit", time: "year", y: "y", x: ["x1", "x2"], fe: ["unit", "year"], vcov: {cluster: ["unit"]}, estimator: "ppml"};

  it("drops a regressor absorbed by a fixed effect, with a note, and equals the model without it", () => {
    const f = frame();
    const without = estimate(f, base);
    const withSize = estimate(f, {...base, x: ["x1", "size", "x2"]});
    expect(withSize.terms).toEqual(["x1", "x2"]);
    expect(withSize.notes.join(" ")).toMatch(/size/);
    for (let j = 0; j < 2; j++) {
      expect(rel(withSize.coef[j], without.coef[j])).toBeLessThan(1e-12);
      expect(rel(withSize.se[j], without.se[j])).toBeLessThan(1e-10);
    }
  });

  it("refuses a model whose every regressor is absorbed", () => {
    expect(() => estimate(frame(), {...base, x: ["size"]})).toThrow(/collinear with the fixed effects/);
  });
});

describe("pooled working arrays (scratch.ts) across estimations", () => {
  it("PPML, OLS and PPML on other data in between leave a repeated PPML bit for bit the same (arrays above the pool's 65,536 minimum)", () => {
    const make = (seed: number): Frame => {
      const {y, X, unit, year} = data(9000, 9, 2, true, seed);
      return {nrows: y.length, columns: {unit: Float64Array.from(unit.codes), year: Float64Array.from(year.codes), y, x1: X[0], x2: X[1], ly: Float64Array.from(y, (v) => Math.log(1 + v))}};
    };
    const a = make(31);
    const b = make(32);
    expect(a.nrows).toBeGreaterThan(65536);
    const spec: Spec = {id: "unit", time: "year", y: "y", x: ["x1", "x2"], fe: ["unit", "year"], vcov: {cluster: ["unit"]}, estimator: "ppml"};
    const first = estimate(a, spec);
    estimate(b, spec);
    estimate(a, {...spec, y: "ly", estimator: "ols"});
    estimate(b, {...spec, fe: ["unit"], vcov: "hetero"});
    const again = estimate(a, spec);
    expect(again.coef).toEqual(first.coef);
    expect(again.se).toEqual(first.se);
    expect(again.loglik).toBe(first.loglik);
    expect(again.deviance).toBe(first.deviance);
  });
});

