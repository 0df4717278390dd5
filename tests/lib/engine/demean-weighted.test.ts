/**
 * Weighted demeaning: the exact two-dimension path (demean-weighted-two.ts) equals the iterative one
 * (demean-weighted.ts, Irons-Tuck) on random unbalanced data with random weights, also when the design is
 * disconnected; one dimension equals the weighted group mean.
 */
import {describe, expect, it} from "vitest";
import {demeanWeighted} from "../../../src/lib/engine/demean-weighted.js";
import {demeanWeightedTwo} from "../../../src/lib/engine/demean-weighted-two.js";
import {createRng} from "../../../src/lib/random/rng.js";

describe("weighted demeaning", () => {
  it("exact two-way equals alternating projections (1e-10), connected and disconnected", () => {
    for (const disconnected of [false, true]) {
      const rng = createRng(disconnected ? 2 : 1);
      const n = 3000, U = 150, T = 12;
      const u = new Int32Array(n), t = new Int32Array(n), w = new Float64Array(n), v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        u[i] = rng.int(U);
        // Disconnected: units < 75 only in years < 6, the others only in years >= 6.
        t[i] = disconnected ? (u[i] < 75 ? rng.int(6) : 6 + rng.int(6)) : rng.int(T);
        w[i] = Math.exp(rng.normal());
        v[i] = rng.normal() + u[i] / 50 + t[i] / 3;
      }
      const fes = [{codes: u, nlevels: U}, {codes: t, nlevels: T}];
      const exact = demeanWeightedTwo([v], w, fes[0], fes[1])![0];
      const iter = demeanWeighted([v], w, [fes[0], fes[1], {codes: new Int32Array(n), nlevels: 1}], 1e-14).cols[0];
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(exact[i] - iter[i]));
      expect(worst).toBeLessThan(1e-10);
      // Weighted residuals are orthogonal to every dummy.
      const byUnit = new Float64Array(U);
      for (let i = 0; i < n; i++) byUnit[u[i]] += w[i] * exact[i];
      expect(Math.max(...Array.from(byUnit, Math.abs))).toBeLessThan(1e-9);
    }
  });
  it("one dimension: minus the weighted group mean", () => {
    const r = demeanWeighted([Float64Array.of(1, 3, 5)], Float64Array.of(1, 3, 2), [{codes: Int32Array.of(0, 0, 1), nlevels: 2}]);
    expect(Array.from(r.cols[0])).toEqual([1 - 2.5, 3 - 2.5, 0]);
  });
});
