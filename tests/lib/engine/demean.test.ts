/** Demeaning paths agree with each other and with the exact dummy projection. */
import {describe, expect, it} from "vitest";
import {demean, demeanIterative, demeanTwoExact} from "../../../src/lib/engine/demean.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {denseOls} from "../../helpers/dense-ols.ts";
import {readOwnFixtureFrame} from "../../helpers/fixtures.ts";

function maxAbsDiff(a: Float64Array, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe("demean", () => {
  const frame = readOwnFixtureFrame("unbalanced_gaps");
  const y = frame.columns.y as Float64Array;
  const rows = [...Array(frame.nrows).keys()].filter((i) => Number.isFinite(y[i]));
  const yy = Float64Array.from(rows, (i) => y[i]);
  const c = factorize(rows.map((i) => (frame.columns.country as string[])[i]));
  const t = factorize(Float64Array.from(rows, (i) => (frame.columns.year as Float64Array)[i]));

  it("one dimension: subtracts group means", () => {
    const r = demean([Float64Array.of(1, 2, 3, 5)], [{codes: Int32Array.of(0, 0, 1, 1), nlevels: 2}]);
    expect(Array.from(r.cols[0])).toEqual([-0.5, 0.5, -1, 1]);
  });

  it("two-way exact path equals the residual of y on all dummies", () => {
    const exact = demeanTwoExact([yy], c, t)!;
    expect(exact.method).toBe("exact2");
    expect(exact.redundancies).toBe(1);
    // Residuals of y on intercept + dummies (dense QR): a regression with no slope. Use a zero-slope
    // trick: regress y on a constant column x = 1 absorbed... instead compare with y - fitted.
    const fit = denseOls({y: Array.from(yy), X: [], fe: [Array.from(c.codes), Array.from(t.codes)]});
    expect(maxAbsDiff(exact.cols[0], fit.resid)).toBeLessThan(1e-12);
  });

  it("iterative (Irons-Tuck) path agrees with the exact path", () => {
    const a = demeanTwoExact([yy], c, t)!;
    const b = demeanIterative([yy], [c, t]);
    expect(b.converged).toBe(true);
    expect(maxAbsDiff(a.cols[0], b.cols[0])).toBeLessThan(1e-11);
  });

  it("three dimensions converge to the dense projection", () => {
    const third = factorize(Float64Array.from(rows, (i) => ((frame.columns.country as string[])[i].charCodeAt(0) + (frame.columns.year as Float64Array)[i]) % 3));
    const r = demean([yy], [c, t, third]);
    expect(r.method).toBe("schur");
    const it3 = demeanIterative([yy], [c, t, third]);
    expect(maxAbsDiff(it3.cols[0], r.cols[0])).toBeLessThan(1e-10);
    const fit = denseOls({y: Array.from(yy), X: [], fe: [Array.from(c.codes), Array.from(t.codes), Array.from(third.codes)]});
    expect(maxAbsDiff(r.cols[0], fit.resid)).toBeLessThan(1e-10);
  });

  it("disconnected two-way design: redundancies counted", () => {
    // ids 0,1 only in years 0,1; ids 2,3 only in years 2,3 -> two components.
    const idc = Int32Array.of(0, 0, 1, 1, 2, 2, 3, 3);
    const yr = Int32Array.of(0, 1, 0, 1, 2, 3, 2, 3);
    const v = Float64Array.of(1, 4, 2, 7, 3, 3, 9, 1);
    const r = demeanTwoExact([v], {codes: idc, nlevels: 4}, {codes: yr, nlevels: 4})!;
    expect(r.redundancies).toBe(2);
    // Rank-deficient dummies: compare with alternating projections (which need no rank decision).
    const it = demeanIterative([v], [{codes: idc, nlevels: 4}, {codes: yr, nlevels: 4}]);
    expect(maxAbsDiff(r.cols[0], it.cols[0])).toBeLessThan(1e-12);
  });
});

describe("two-way exact path: dense and sorted-run updates of the Schur matrix, chunked sums", () => {
  // Many groups (more than a chunk of 256), several rows per cell, and small dimensions on both sides of
  // the dense path's limit (48 levels): 3, 48, 49 and 120.
  for (const T of [3, 48, 49, 120]) {
    it(`T = ${T}: equals the iterative demeaning (1e-10) and the row-order passes bit for bit`, () => {
      let s = T * 7919;
      const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const G = 700;
      const n = 6000;
      const big = Int32Array.from({length: n}, (_, i) => (i < G ? i : Math.floor(next() * G)));
      const small = Int32Array.from({length: n}, (_, i) => (i < T ? i : Math.floor(next() * T)));
      const v = Float64Array.from({length: n}, (_, i) => Math.sin(i) * 3 + big[i] / 100 + small[i] / 7);
      const a = {codes: big, nlevels: G};
      const b = {codes: small, nlevels: T};
      const exact = demeanTwoExact([v], a, b)!;
      expect(exact.method).toBe("exact2");
      const iter = demeanIterative([v], [a, b], 1e-15);
      expect(iter.converged).toBe(true);
      expect(maxAbsDiff(exact.cols[0], iter.cols[0])).toBeLessThan(1e-10);
      // Blocked copy (rows sorted by the large dimension): the blocked sweeps give the bits of the row passes.
      const order = Array.from({length: n}, (_, i) => i).sort((x, y) => big[x] - big[y] || x - y);
      const first = new Int32Array(G).fill(-1);
      let next2 = 0;
      for (const i of order) if (first[big[i]] < 0) first[big[i]] = next2++;
      const bs = {codes: Int32Array.from(order, (i) => first[big[i]]), nlevels: G};
      const ss = {codes: Int32Array.from(order, (i) => small[i]), nlevels: T};
      const vs = Float64Array.from(order, (i) => v[i]);
      const blocked = demeanTwoExact([vs], bs, ss)!;
      const rows = demeanTwoExact([vs], bs, ss, "rows")!;
      expect(Array.from(blocked.cols[0])).toEqual(Array.from(rows.cols[0]));
      expect(maxAbsDiff(blocked.cols[0], Float64Array.from(order, (i) => exact.cols[0][i]))).toBeLessThan(1e-12);
    });
  }
});
