import {Matrix} from "ml-matrix";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {invertOrPinv, pinv} from "../../../../src/lib/engine/gmm/pinv.js";

const maxAbs = (m: Matrix) => Math.max(...m.to1DArray().map(Math.abs));

describe("pinv (MASS::ginv)", () => {
  it("rank-1 example", () => {
    const p = pinv(new Matrix([[1, 1], [1, 1]]));
    expect(maxAbs(p.sub(new Matrix([[0.25, 0.25], [0.25, 0.25]])))).toBeLessThan(1e-15);
  });
  it("Penrose conditions on random rank-deficient matrices", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -50, max: 50}), {minLength: 12, maxLength: 12}), (v) => {
        const B = Matrix.from1DArray(4, 3, v.map((k) => k / 10));
        const A = B.mmul(B.transpose()); // 4 x 4, rank <= 3
        const P = pinv(A);
        const scale = Math.max(1, maxAbs(A));
        expect(maxAbs(A.mmul(P).mmul(A).sub(A))).toBeLessThan(1e-8 * scale);
        expect(maxAbs(P.mmul(A).mmul(P).sub(P))).toBeLessThan(1e-8 * Math.max(1, maxAbs(P)) ** 2 * scale);
      }),
      {numRuns: 50}
    );
  });
  it("cuts singular values below sqrt(eps) times the largest", () => {
    const A = new Matrix([[1, 0], [0, 1e-9]]);
    expect(pinv(A).get(1, 1)).toBe(0);
    expect(pinv(new Matrix([[1, 0], [0, 1e-7]])).get(1, 1)).toBeCloseTo(1e7, 0);
  });
});

describe("invertOrPinv (plm's 1e-9 rule)", () => {
  it("regular -> solve", () => {
    const r = invertOrPinv(new Matrix([[2, 0], [0, 4]]));
    expect(r.singular).toBe(false);
    expect(r.inv.to2DArray()).toEqual([[0.5, 0], [0, 0.25]]);
  });
  it("smallest eigenvalue below 1e-9 (absolute) -> ginv", () => {
    expect(invertOrPinv(new Matrix([[1, 0], [0, 1e-10]])).singular).toBe(true);
    expect(invertOrPinv(new Matrix([[1, 1], [1, 1]])).singular).toBe(true);
  });
});
