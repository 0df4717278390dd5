/** Small dense linear algebra. */
import {describe, expect, it} from "vitest";
import {cholesky, cholSolve, spdInverse, symEigen} from "../../../src/lib/engine/linalg.ts";
import {clusterK, isNested, nparamsOf} from "../../../src/lib/engine/ssc.ts";
import {fitStats} from "../../../src/lib/engine/fit.ts";
import {pvalueT, pvalueNormal} from "../../../src/lib/engine/tdist.ts";
import {expectClose} from "../../helpers/close.ts";

describe("linalg", () => {
  it("cholesky + solve + inverse", () => {
    const A = Float64Array.of(4, 2, 2, 3);
    const {L, dropped} = cholesky(A, 2);
    expect(dropped).toEqual([]);
    expectClose(Array.from(L), [2, 0, 1, Math.SQRT2], 1e-15);
    expectClose(Array.from(cholSolve(L, 2, Float64Array.of(2, 1))), [0.5, 0], 1e-15, "x", 1e-12);
    expectClose(Array.from(spdInverse(A, 2)!), [0.375, -0.25, -0.25, 0.5], 1e-15);
  });
  it("detects a singular matrix", () => {
    expect(spdInverse(Float64Array.of(1, 2, 2, 4), 2)).toBeNull();
  });
  it("symmetric eigenvalues", () => {
    const {values} = symEigen(Float64Array.of(2, 1, 1, 2), 2);
    expectClose(Array.from(values).sort(), [1, 3], 1e-14);
  });
});

describe("ssc", () => {
  it("nparams", () => {
    expect(nparamsOf(5, [30, 14])).toBe(48);
    expect(nparamsOf(6, [])).toBe(6);
    expect(nparamsOf(2, [30])).toBe(32);
  });
  it("nested K rule (fixest fixef.K = 'nested')", () => {
    expect(clusterK(5, [30, 14], [true, false])).toBe(19);
    expect(clusterK(5, [30], [true])).toBe(6);
    expect(clusterK(5, [30, 14], [true, true])).toBe(6);
    expect(clusterK(5, [30, 14], [false, false])).toBe(48);
    expect(clusterK(6, [], [])).toBe(6);
  });
  it("isNested", () => {
    expect(isNested({codes: Int32Array.of(0, 0, 1), nlevels: 2}, {codes: Int32Array.of(3, 3, 4)})).toBe(true);
    expect(isNested({codes: Int32Array.of(0, 0, 1), nlevels: 2}, {codes: Int32Array.of(3, 4, 4)})).toBe(false);
  });
});

describe("fit and p-values", () => {
  it("fit statistics", () => {
    const f = fitStats({ssr: 1, tss: 4, ssrFe: null, n: 10, nparams: 2, k: 2});
    expectClose(f.r2, 0.75, 1e-15);
    expectClose(f.adj_r2, 1 - 0.25 * (9 / 8), 1e-15);
    expect(f.r2_within).toBeNull();
  });
  it("t p-values reproduce a fixture tail value", () => {
    expectClose(pvalueT(73.31, 29), 1.77404796543662e-34, 1e-3);
    expectClose(pvalueNormal(1.959963984540054), 0.05, 1e-12);
  });
});
