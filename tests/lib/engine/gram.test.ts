/**
 * gram.ts: the Gram matrix of the OLS fit and the multiverse batch. Checked against a naive double loop (values),
 * and for its summation order: entry (i, j) has the same bits whatever the other columns (kernels for 2-5
 * columns, 2 x 2 tiles beyond), and gramVec / crossvec give the bits of the matrix's first column.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {BLOCK, gram, gramVec} from "../../../src/lib/engine/gram.ts";
import {crossprod, crossvec} from "../../../src/lib/engine/ols.ts";

function naive(cols: Float64Array[]): number[] {
  const p = cols.length;
  const out = new Array<number>(p * p).fill(0);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) for (let r = 0; r < cols[0].length; r++) out[i * p + j] += cols[i][r] * cols[j][r];
  return out;
}

/** Columns of n rows from a seed (values of mixed sign and scale). */
function columns(p: number, n: number, seed: number): Float64Array[] {
  let s = seed >>> 0 || 1;
  const next = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
  return Array.from({length: p}, (_, j) => Float64Array.from({length: n}, () => (next() - 0.5) * 10 ** (j % 3)));
}

const sizes = [0, 1, 3, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 17];

describe("gram", () => {
  it("equals the naive cross-products (1e-12 of the entry's scale) for 1-8 columns and sizes around the block", () => {
    for (let p = 1; p <= 8; p++) {
      for (const n of sizes) {
        const cols = columns(p, n, p * 1000 + n);
        const C = gram(cols);
        const ref = naive(cols);
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++) {
            const scale = Math.sqrt(ref[i * p + i] * ref[j * p + j]) || 1;
            expect(Math.abs(C[i * p + j] - ref[i * p + j]) / scale, `p ${p} n ${n} (${i}, ${j})`).toBeLessThan(1e-12);
          }
        }
        expect(Array.from(crossprod(cols))).toEqual(Array.from(C));
      }
    }
  });

  it("is symmetric and its entry (i, j) has the same bits as in the Gram matrix of columns i and j alone", () => {
    fc.assert(
      fc.property(fc.integer({min: 2, max: 9}), fc.integer({min: 0, max: 3000}), fc.integer(), (p, n, seed) => {
        const cols = columns(p, n, seed);
        const C = gram(cols);
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++) {
            expect(Object.is(C[i * p + j], C[j * p + i])).toBe(true);
            const pair = gram([cols[i], cols[j]]);
            expect(Object.is(C[i * p + j], pair[1])).toBe(true);
          }
          expect(Object.is(C[i * p + i], gram([cols[i]])[0])).toBe(true);
        }
      }),
      {numRuns: 40}
    );
  });

  it("gramVec and crossvec give the bits of the first column of the Gram matrix of [y, X]", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 7}), fc.integer({min: 0, max: 3000}), fc.integer(), (k, n, seed) => {
        const [y, ...X] = columns(k + 1, n, seed);
        const C = gram([y, ...X]);
        const v = gramVec(X, y, k, n, new Float64Array(k + 2).fill(7));
        const w = crossvec(X, y);
        for (let j = 0; j < k; j++) {
          expect(Object.is(v[j], C[(j + 1) * (k + 1)])).toBe(true);
          expect(Object.is(w[j], C[j + 1])).toBe(true);
        }
      }),
      {numRuns: 40}
    );
  });

  it("propagates a NaN or an infinity to the entries of its column", () => {
    const [a, b, c] = columns(3, 2000, 5);
    b[1500] = NaN;
    c[3] = Infinity;
    const C = gram([a, b, c]);
    expect(Number.isNaN(C[1 * 3 + 0])).toBe(true);
    expect(C[2 * 3 + 2]).toBe(Infinity);
    expect(Number.isFinite(C[0])).toBe(true);
  });
});
