/**
 * Property tests (fast-check): invariances the estimator must satisfy on random panels.
 */
import fc from "fast-check";
import {describe, it} from "vitest";
import {estimateOls} from "../../../src/lib/engine/estimate-ols.ts";
import type {Frame, Spec} from "../../../src/lib/engine/types.ts";
import {expectClose} from "../../helpers/close.ts";
import {Matrix, solve} from "ml-matrix";

const arbPanel = fc
  .record({
    G: fc.integer({min: 4, max: 8}),
    T: fc.integer({min: 4, max: 7}),
    seed: fc.integer({min: 1, max: 1_000_000}),
    dropEvery: fc.integer({min: 5, max: 13})
  })
  .map(({G, T, seed, dropEvery}) => {
    let s = seed;
    const u = () => ((s = (s * 48271) % 2147483647) / 2147483647) - 0.5;
    const id: string[] = [];
    const year: number[] = [];
    const x1: number[] = [];
    const x2: number[] = [];
    const y: number[] = [];
    let c = 0;
    for (let g = 0; g < G; g++)
      for (let t = 0; t < T; t++) {
        if (++c % dropEvery === 0) continue;
        id.push(`g${g}`);
        year.push(2000 + t);
        const a = u() + 0.2 * g;
        const b = u() * 3 + 0.1 * t;
        x1.push(a);
        x2.push(b);
        y.push(1 + 0.7 * a - 0.4 * b + 0.3 * g + u());
      }
    const frame: Frame = {nrows: id.length, columns: {id, year: Float64Array.from(year), x1: Float64Array.from(x1), x2: Float64Array.from(x2), y: Float64Array.from(y)}};
    return frame;
  });

const base = (fe: string[], vcov: Spec["vcov"]): Spec => ({id: "id", time: "year", y: "y", x: ["x1", "x2"], fe, vcov});
const VARIANTS: Array<[string[], Spec["vcov"]]> = [
  [[], "iid"],
  [["id"], "hetero"],
  [["id", "year"], {cluster: ["id"]}]
];

function permute(frame: Frame, perm: number[]): Frame {
  const columns: Frame["columns"] = {};
  for (const [k, col] of Object.entries(frame.columns)) {
    columns[k] = col instanceof Float64Array ? Float64Array.from(perm, (i) => col[i]) : perm.map((i) => col[i]);
  }
  return {nrows: frame.nrows, columns};
}

describe("properties", () => {
  it("row order does not matter", () => {
    fc.assert(
      fc.property(arbPanel, fc.integer({min: 1, max: 1e6}), (frame, seed) => {
        const perm = [...Array(frame.nrows).keys()];
        let s = seed;
        for (let i = perm.length - 1; i > 0; i--) {
          s = (s * 48271) % 2147483647;
          const j = s % (i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        for (const [fe, vcov] of VARIANTS) {
          const a = estimateOls(frame, base(fe, vcov));
          const b = estimateOls(permute(frame, perm), base(fe, vcov));
          expectClose(b.coef, a.coef, 1e-9, "coef");
          expectClose(b.se, a.se, 1e-9, "se");
          expectClose(b.r2, a.r2, 1e-9, "r2");
        }
      }),
      {numRuns: 25}
    );
  });

  it("adding a constant to y within an FE group leaves slopes unchanged", () => {
    fc.assert(
      fc.property(arbPanel, fc.double({min: -50, max: 50, noNaN: true}), (frame, shift) => {
        const ids = frame.columns.id as string[];
        const y = (frame.columns.y as Float64Array).map((v, i) => (ids[i] === "g1" ? v + shift : v));
        const shifted: Frame = {nrows: frame.nrows, columns: {...frame.columns, y}};
        for (const fe of [["id"], ["id", "year"]]) {
          const a = estimateOls(frame, base(fe, {cluster: ["id"]}));
          const b = estimateOls(shifted, base(fe, {cluster: ["id"]}));
          expectClose(b.coef, a.coef, 1e-8, "coef");
          expectClose(b.se, a.se, 1e-7, "se");
        }
      }),
      {numRuns: 25}
    );
  });

  it("rescaling x by c rescales its coefficient and SE by 1/c", () => {
    fc.assert(
      fc.property(arbPanel, fc.double({min: 0.01, max: 100, noNaN: true}), fc.boolean(), (frame, c, neg) => {
        const k = neg ? -c : c;
        const x1 = (frame.columns.x1 as Float64Array).map((v) => v * k);
        const scaled: Frame = {nrows: frame.nrows, columns: {...frame.columns, x1}};
        for (const [fe, vcov] of VARIANTS) {
          const a = estimateOls(frame, base(fe, vcov));
          const b = estimateOls(scaled, base(fe, vcov));
          const j = fe.length ? 0 : 1;
          expectClose(b.coef[j], a.coef[j] / k, 1e-8, "coef");
          expectClose(b.se[j], a.se[j] / Math.abs(k), 1e-8, "se");
          expectClose(b.coef[j + 1], a.coef[j + 1], 1e-8, "other coef");
        }
      }),
      {numRuns: 25}
    );
  });

  it("pooled OLS equals the normal-equations solution", () => {
    fc.assert(
      fc.property(arbPanel, (frame) => {
        const r = estimateOls(frame, base([], "iid"));
        const n = frame.nrows;
        const X = new Matrix(n, 3);
        const yv = Matrix.columnVector(Array.from(frame.columns.y as Float64Array));
        for (let i = 0; i < n; i++) {
          X.set(i, 0, 1);
          X.set(i, 1, (frame.columns.x1 as Float64Array)[i]);
          X.set(i, 2, (frame.columns.x2 as Float64Array)[i]);
        }
        const XtX = X.transpose().mmul(X);
        const b = solve(XtX, X.transpose().mmul(yv));
        expectClose(r.coef, b.to1DArray(), 1e-8, "coef");
      }),
      {numRuns: 30}
    );
  });
});
