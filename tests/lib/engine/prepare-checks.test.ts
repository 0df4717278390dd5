/**
 * The sample preparation's one-pass checks (prepare.ts `checkInputColumn`, frame.ts `sumSquaresScan`), the blocked
 * rows' codes made while blocking (`blockRowsCoded`) and the one-pass count of changing ids: each against the
 * slower rule it replaces, on hostile values (NaN, +-Infinity, |x| beyond 1e154, -0) and shuffled codes.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {allFinite, factorize, sumSquaresScan} from "../../../src/lib/engine/frame.js";
import {blockRows, blockRowsCoded, checkInputColumn, inversePermutation, sampleCoder} from "../../../src/lib/engine/prepare.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";

const hostile = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e200, -1e200, -0, 0, 5e-324));

describe("sumSquaresScan", () => {
  it("is finite exactly when every value is finite and no square overflows, and then equals the plain sum to rounding", () => {
    fc.assert(
      fc.property(fc.array(hostile, {maxLength: 40}), (values) => {
        const col = Float64Array.from(values);
        const ss = sumSquaresScan(col);
        const plain = values.reduce((s, v) => s + v * v, 0);
        if (values.every((v) => Number.isFinite(v) && Number.isFinite(v * v)) && Number.isFinite(plain)) {
          expect(Number.isFinite(ss)).toBe(true);
          expect(Math.abs(ss - plain)).toBeLessThanOrEqual(1e-12 * plain);
        } else if (values.some((v) => !Number.isFinite(v))) {
          expect(Number.isFinite(ss)).toBe(false);
        }
      })
    );
  });
});

describe("allFinite", () => {
  it("is true exactly when no value is NaN or infinite, squares beyond the double range included", () => {
    fc.assert(
      fc.property(fc.array(hostile, {maxLength: 40}), (values) => {
        expect(allFinite(Float64Array.from(values))).toBe(values.every((v) => Number.isFinite(v)));
      })
    );
  });
});

describe("checkInputColumn", () => {
  it("records complete columns, lets missing values through and names the first infinite value", () => {
    const finite = new Map<Float64Array, number>();
    const ok = Float64Array.of(1, 2, 3);
    checkInputColumn(ok, "x", "column 'x'", finite);
    expect(finite.get(ok)).toBe(14);
    const gap = Float64Array.of(1, NaN, 3);
    checkInputColumn(gap, "x", "column 'x'", finite);
    expect(finite.has(gap)).toBe(false);
    expect(() => checkInputColumn(Float64Array.of(1, NaN, -Infinity), "x", "column 'x'", finite)).toThrow("column 'x' has an infinite value at row 3");
    expect(() => checkInputColumn(Float64Array.of(NaN, NaN), "x", "column 'x' (spec.x[0])", finite)).toThrow("column 'x' (spec.x[0]) has no non-missing value");
    // Squares that overflow are not infinite values: the exact scan lets the column through, unrecorded.
    const huge = Float64Array.of(1e200, -1e200);
    checkInputColumn(huge, "x", "column 'x'", finite);
    expect(finite.has(huge)).toBe(false);
  });

  it("takes huge but finite regressors for finite ones (never 'infinite value')", () => {
    const n = 40;
    const frame: Frame = {nrows: n, columns: {id: Float64Array.from({length: n}, (_, i) => i % 8), t: Float64Array.from({length: n}, (_, i) => Math.floor(i / 8)), y: Float64Array.from({length: n}, (_, i) => Math.sin(i) + (i % 3)), x: Float64Array.from({length: n}, (_, i) => 1e160 * Math.cos(i * 1.7))}};
    // Their cross-products overflow, so the model is refused further on, as it always was, for that reason.
    expect(() => estimate(frame, {id: "id", time: "t", y: "y", x: ["x"], fe: ["id"], vcov: {cluster: ["id"]}} as Spec)).toThrow(/collinear/);
    frame.columns.x = Float64Array.from({length: n}, (_, i) => 1e100 * Math.cos(i * 1.7));
    const r = estimate(frame, {id: "id", time: "t", y: "y", x: ["x"], fe: ["id"], vcov: {cluster: ["id"]}} as Spec);
    expect(Number.isFinite(r.coef[0])).toBe(true);
  });
});

describe("blockRowsCoded", () => {
  it("gives the rows of blockRows, the codes sampleCoder gives the grouping on them and their inverse permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 30}), {minLength: 1, maxLength: 200}), fc.boolean(), (raw, subset) => {
        // Codes of a grouping on the full data (first-appearance numbering as factorize gives), some rows left out.
        const map = new Map<number, number>();
        const codes = Int32Array.from(raw, (v) => map.get(v) ?? (map.set(v, map.size), map.size - 1));
        const fe = {codes, nlevels: map.size};
        const rows = Int32Array.from(raw.map((_, i) => i).filter((i) => !subset || i % 3 !== 1));
        if (rows.length === 0) return;
        const plain = blockRows(rows.slice(), fe);
        const coded = blockRowsCoded(rows.slice(), fe, raw.length);
        if (plain === null) {
          expect(coded).toBeNull();
          return;
        }
        expect(coded).not.toBeNull();
        expect(Array.from(coded!.rows)).toEqual(Array.from(plain));
        const viaCoder = sampleCoder(coded!.rows, false).of(fe);
        expect(coded!.nlevels).toBe(viaCoder.nlevels);
        expect(Array.from(coded!.codes)).toEqual(Array.from(viaCoder.codes));
        const inverse = inversePermutation(coded!.rows, raw.length);
        expect(coded!.pos === null ? null : Array.from(coded!.pos)).toEqual(inverse === null ? null : Array.from(inverse));
      })
    );
  });
});

describe("changing ids, counted in one pass for every regressor", () => {
  it("equals the count of ids whose regressor takes two values, per regressor, on shuffled rows with text ids", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 2 ** 31 - 1}), (seed) => {
        let s = seed;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
        const n = 120;
        const id = Array.from({length: n}, () => `p${Math.floor(rnd() * 12)}`);
        const t = Float64Array.from({length: n}, () => Math.floor(rnd() * 6));
        // x1 constant within id unless the id is odd; x2 moves everywhere; x3 is -0 or 0 (equal values).
        const x1 = Float64Array.from(id, (g, i) => (Number(g.slice(1)) % 2 ? rnd() : Number(g.slice(1))) + 0 * i);
        const x2 = Float64Array.from({length: n}, () => rnd());
        const x3 = Float64Array.from({length: n}, () => (rnd() < 0.5 ? -0 : 0));
        const y = Float64Array.from({length: n}, (_, i) => x1[i] + x2[i] + rnd());
        const frame: Frame = {nrows: n, columns: {id, t, y, x1, x2, x3, one: new Float64Array(n).fill(1)}};
        const r = estimate(frame, {id: "id", time: "t", y: "y", x: ["x1", "x2"], fe: ["t"], vcov: {cluster: ["id"]}} as Spec);
        const expected = (x: Float64Array) => new Set(id.filter((g) => new Set(id.flatMap((h, i) => (h === g ? [x[i]] : []))).size > 1)).size;
        expect(r.info?.changing_ids).toEqual({x1: expected(x1), x2: expected(x2)});
        const r3 = estimate(frame, {id: "id", time: "t", y: "y", x: ["x3", "x2"], fe: ["t"], vcov: {cluster: ["id"]}} as Spec);
        expect((r3.info?.changing_ids as Record<string, number>).x3 ?? 0).toBe(0);
      }),
      {numRuns: 30}
    );
  });

  it("counts each of 1 to 6 regressors right (the four-column kernel, its unused slots, and the general loop)", () => {
    let s = 99;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const n = 300;
    const id = Array.from({length: n}, () => `p${Math.floor(rnd() * 25)}`);
    const t = Float64Array.from({length: n}, () => Math.floor(rnd() * 6));
    // Column j moves only in ids whose number is divisible by j + 2.
    const xs = Array.from({length: 6}, (_, j) => Float64Array.from(id, (g) => (Number(g.slice(1)) % (j + 2) === 0 ? rnd() : Number(g.slice(1)) * (j + 1))));
    const y = Float64Array.from({length: n}, () => rnd());
    const columns: Record<string, Float64Array | string[]> = {id, t, y};
    xs.forEach((x, j) => (columns[`x${j}`] = x));
    const expected = (x: Float64Array) => new Set(id.filter((g) => new Set(id.flatMap((h, i) => (h === g ? [x[i]] : []))).size > 1)).size;
    for (let k = 1; k <= 6; k++) {
      const names = xs.slice(0, k).map((_, j) => `x${j}`);
      const r = estimate({nrows: n, columns}, {id: "id", time: "t", y: "y", x: names, fe: ["t"], vcov: {cluster: ["id"]}} as Spec);
      expect(r.info?.changing_ids).toEqual(Object.fromEntries(names.map((name, j) => [name, expected(xs[j])])));
    }
  });
});

describe("factorize's `complete`", () => {
  it("is true exactly when no code is -1, for numbers (table and hash paths), text and row numbers", () => {
    const value = fc.oneof(fc.integer({min: -5, max: 5}), fc.double({min: -1e9, max: 1e9}), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(value, {maxLength: 60}), (values) => {
        const f = factorize(Float64Array.from(values));
        expect(f.complete).toBe(Array.from(f.codes).every((c) => c >= 0));
        const t = factorize(values.map((v) => (v !== v ? null : `k${v}`)));
        expect(t.complete).toBe(Array.from(t.codes).every((c) => c >= 0));
      })
    );
    expect(factorize(Float64Array.of(0, 1, 2, 3)).complete).toBe(true);
  });

  it("`finite` is claimed only when no value is infinite, and an infinite time value is still refused naming its row", () => {
    const value = fc.oneof(fc.integer({min: -5, max: 5}), fc.double({min: -1e9, max: 1e9}), fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity));
    fc.assert(
      fc.property(fc.array(value, {maxLength: 60}), (values) => {
        const f = factorize(Float64Array.from(values));
        if (f.finite) expect(values.every((v) => v !== Infinity && v !== -Infinity)).toBe(true);
      })
    );
    expect(factorize(Float64Array.of(2001, 2002, NaN)).finite).toBe(true);
    const n = 12;
    const t = Float64Array.from({length: n}, (_, i) => 2000 + (i % 4));
    t[6] = Infinity;
    const frame = {nrows: n, columns: {id: Float64Array.from({length: n}, (_, i) => i % 3), t, y: Float64Array.from({length: n}, (_, i) => Math.sin(i)), x: Float64Array.from({length: n}, (_, i) => Math.cos(i))}};
    expect(() => estimate(frame, {id: "id", time: "t", y: "y", x: ["x"], fe: ["id"], vcov: "iid"} as Spec)).toThrow("column 't' has an infinite value at row 7");
  });

  it("a missing fixed-effect, cluster, id or time value is still found", () => {
    const n = 30;
    const base = () => ({id: Float64Array.from({length: n}, (_, i) => i % 6), t: Float64Array.from({length: n}, (_, i) => Math.floor(i / 6)), y: Float64Array.from({length: n}, (_, i) => Math.sin(i * 3.1)), x: Float64Array.from({length: n}, (_, i) => Math.cos(i * 1.3)), g: Array.from({length: n}, (_, i) => `g${i % 3}`) as Array<string | null>});
    const spec = {id: "id", time: "t", y: "y", x: ["x"], fe: ["g"], vcov: {cluster: ["g"]}} as Spec;
    const full = estimate({nrows: n, columns: base()}, spec);
    const c1 = base();
    c1.g[4] = null;
    expect(estimate({nrows: n, columns: c1}, spec).nobs).toBe(full.nobs - 1);
    const c2 = base();
    c2.id[7] = NaN;
    expect(() => estimate({nrows: n, columns: c2}, spec)).toThrow("id column 'id' is missing at row 8");
    const c3 = base();
    c3.t[9] = NaN;
    expect(() => estimate({nrows: n, columns: c3}, spec)).toThrow("time column 't' is missing at row 10");
  });
});
