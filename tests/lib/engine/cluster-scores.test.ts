/**
 * cluster-scores.ts: the one-pass scores of up to four columns equal, bit for bit, the column-by-column loop they
 * replace (kept below as the reference), on blocked and shuffled cluster codes; clusterMeat beyond four columns
 * (its own column loop) equals the same reference; olsFwl's row-by-row residuals equal sequential subtraction.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {addClusterScores} from "../../../src/lib/engine/cluster-scores.ts";
import {olsFwl} from "../../../src/lib/engine/ols.ts";
import {clusterMeat} from "../../../src/lib/engine/vcov-cluster.ts";

/** The reference: for each column, runs of equal codes summed in row order and added to S when the code changes. */
function scoresByColumn(X: Float64Array[], e: Float64Array, codes: Int32Array, G: number): Float64Array {
  const k = X.length;
  const S = new Float64Array(G * k);
  for (let j = 0; j < k; j++) {
    if (e.length === 0) continue;
    let c = codes[0];
    let a = 0;
    for (let r = 0; r < e.length; r++) {
      if (codes[r] !== c) {
        S[c * k + j] += a;
        a = 0;
        c = codes[r];
      }
      a += X[j][r] * e[r];
    }
    S[c * k + j] += a;
  }
  return S;
}

function meatOf(S: Float64Array, G: number, k: number): Float64Array {
  const M = new Float64Array(k * k);
  for (let g = 0; g < G; g++) for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) if (S[g * k + i] !== 0) M[i * k + j] += S[g * k + i] * S[g * k + j];
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) M[j * k + i] = M[i * k + j];
  return M;
}

const case_ = fc.record({
  k: fc.integer({min: 1, max: 6}),
  n: fc.integer({min: 0, max: 400}),
  G: fc.integer({min: 1, max: 30}),
  blocked: fc.boolean(),
  seed: fc.integer({min: 1, max: 2 ** 30})
});

function build({k, n, G, blocked, seed}: {k: number; n: number; G: number; blocked: boolean; seed: number}) {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const codes = Int32Array.from({length: n}, () => Math.floor(next() * G));
  if (blocked) codes.sort();
  const X = Array.from({length: k}, () => Float64Array.from({length: n}, () => next() * 4 - 2));
  const e = Float64Array.from({length: n}, () => next() - 0.5);
  return {codes, X, e};
}

describe("cluster scores in one pass", () => {
  it("addClusterScores equals the column-by-column scores bit for bit (1-4 columns) and declines more", () => {
    fc.assert(
      fc.property(case_, (c) => {
        const {codes, X, e} = build(c);
        const S = new Float64Array(c.G * c.k);
        const done = addClusterScores(X, e, codes, c.k, c.n, S);
        expect(done).toBe(c.k <= 4);
        if (done) expect(Array.from(S)).toEqual(Array.from(scoresByColumn(X, e, codes, c.G)));
      }),
      {numRuns: 200}
    );
  });

  it("clusterMeat equals the meat of the reference scores bit for bit, for 1-6 columns", () => {
    fc.assert(
      fc.property(case_, (c) => {
        const {codes, X, e} = build(c);
        const M = clusterMeat(X, e, {codes, nlevels: c.G});
        expect(Array.from(M)).toEqual(Array.from(meatOf(scoresByColumn(X, e, codes, c.G), c.G, c.k)));
      }),
      {numRuns: 200}
    );
  });
});

describe("olsFwl residuals row by row", () => {
  it("equal y - b1 x1 - ... - bk xk subtracted in that order, bit for bit, for 0-6 regressors", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 6}), fc.integer({min: 8, max: 2500}), fc.integer({min: 1, max: 2 ** 30}), (k, n, seed) => {
        const {X, e: y} = build({k, n, G: 1, blocked: false, seed});
        const fit = olsFwl(y, X)!;
        expect(fit).not.toBeNull();
        const ref = Float64Array.from(y);
        for (let j = 0; j < k; j++) for (let r = 0; r < n; r++) ref[r] -= fit.coef[j] * X[j][r];
        expect(Array.from(fit.resid)).toEqual(Array.from(ref));
      }),
      {numRuns: 60}
    );
  });
});
