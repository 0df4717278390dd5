// The classroom's per-replication fit is the engine's estimate(), number for number (coef, SE, t df) for
// pooled, one-way and two-way FE with iid, HC1 and clustered variances, on each lab's data.
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/index.js";
import {createRng} from "../../../src/lib/random/rng.js";
import {drawCluster, drawFe} from "../../../src/lib/simulate/dgp.js";
import {countryDim, fitSlope, yearDim} from "../../../src/lib/simulate/fit.js";

function frameOf(N: number, T: number, y: Float64Array, x: Float64Array) {
  const country = new Float64Array(N * T);
  const year = new Float64Array(N * T);
  for (let r = 0; r < N * T; r++) {
    country[r] = Math.floor(r / T);
    year[r] = 2014 + (r % T);
  }
  return {nrows: N * T, columns: {country, year, y, x}};
}

describe("fitSlope = estimate()", () => {
  const cases = [
    ["fe", drawFe(createRng(7), {N: 42, T: 7, beta: -0.5, corr: 0.8})],
    ["cluster", drawCluster(createRng(8), {N: 10, T: 5, beta: 0.3, rho_x: 0.9, rho_e: -0.5})]
  ] as const;
  for (const [lab, s] of cases) {
    const frame = frameOf(s.N, s.T, s.y, s.x);
    const country = countryDim(s.N, s.T);
    const year = yearDim(s.N, s.T);
    for (const [label, fe, fes] of [["pooled", [], []], ["country", ["country"], [country]], ["twoway", ["country", "year"], [country, year]]] as const) {
      it(`${lab}: ${label}`, () => {
        const f = fitSlope(s.y, s.x, fes as any, country);
        for (const v of ["iid", "hetero", "cluster"] as const) {
          const res = estimate(frame, {id: "country", time: "year", y: "y", x: ["x"], fe: fe as any, vcov: v === "cluster" ? {cluster: ["country"]} : v});
          const j = res.terms.indexOf("x");
          expect(Math.abs(f.coef - res.coef[j])).toBeLessThan(1e-12);
          expect(Math.abs(f.se[v] - res.se[j]) / res.se[j]).toBeLessThan(1e-10);
          expect(f.df[v]).toBe(res.df_t);
        }
      });
    }
  }
});
