import {Matrix} from "ml-matrix";
import {describe, expect, it} from "vitest";
import {buildBlocks, dropEmptyTimeEffects, kernel, timeDummies} from "../../../../src/lib/engine/gmm/transform.js";

describe("time dummies", () => {
  it('"d": differenced dummies for periods TL1+1..T', () => {
    expect(timeDummies(4, 2, 1, "d").V1.to2DArray()).toEqual([
      [1, 0],
      [-1, 1]
    ]);
  });
  it('"ld": intercept + dummies in levels, their differences in the differenced rows', () => {
    const {V1, V2} = timeDummies(4, 2, 1, "ld");
    expect(V2!.to2DArray()).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 0, 1]
    ]);
    expect(V1.to2DArray()).toEqual([
      [0, 1, 0],
      [0, -1, 1]
    ]);
  });
});

describe("kernel H", () => {
  it('"d": tridiagonal (2, -1)', () => {
    expect(kernel(3, "d").to2DArray()).toEqual([
      [2, -1, 0],
      [-1, 2, -1],
      [0, -1, 2]
    ]);
  });
  it('"ld": plm FSM(t, "full") = [[G, FD], [FD\', I]]', () => {
    expect(kernel(2, "ld").to2DArray()).toEqual([
      [2, -1, -1, 1, 0],
      [-1, 2, 0, -1, 1],
      [-1, 0, 1, 0, 0],
      [1, -1, 0, 1, 0],
      [0, 1, 0, 0, 1]
    ]);
  });
});

describe("buildBlocks zero-filling", () => {
  // One individual, T = 5, columns y, L.y, x; x missing at period 4.
  const y = [1, 2, 4, 7, 11];
  const ly = [NaN, 1, 2, 4, 7];
  const x = [0.5, 0.6, 0.7, NaN, 0.9];
  const levels = new Matrix(y.map((v, t) => [v, ly[t], x[t]]));
  const common = {levels: [levels, levels], exog: [2], yGrid: [Float64Array.from(y), Float64Array.from(y)], times: [1, 2, 3, 4, 5], twoways: true, collapse: true, lagMin: 2, lagMax: 99, TL1: 2, TL2: 1};
  it('"d": rows with a missing value are zero in y, X and W', () => {
    const b = buildBlocks({...common, transformation: "d"});
    expect(b.nd).toBe(3);
    // rows: Δ at periods 3, 4, 5; periods 4 and 5 involve x4 = NaN
    expect(Array.from(b.y[0])).toEqual([2, 0, 0]);
    const W = b.W[0];
    expect(W.cols).toBe(3 + 3 + 1); // 3 collapsed lags, 3 time dummies, Δx
    for (const r of [1, 2]) expect(Array.from(W.data.subarray(r * W.cols, (r + 1) * W.cols)).every((v) => v === 0)).toBe(true);
    expect(Array.from(W.data.subarray(0, W.cols))).toEqual([1, 0, 0, 1, 0, 0, 0.7 - 0.6]);
    expect(b.timeNames).toEqual(["3", "4", "5"]);
  });
  it('"ld": level rows appended, level row of period 4 zeroed, level instrument Δy_{t-1}', () => {
    const b = buildBlocks({...common, transformation: "ld"});
    expect(b.y[0].length).toBe(3 + 4);
    expect(Array.from(b.y[0].subarray(3))).toEqual([2, 4, 0, 11]);
    expect(b.timeNames).toEqual(["(Intercept)", "3", "4", "5"]);
    expect(b.W[0].cols).toBe(3 + (1 + 4) + 1 + 1);
  });
  it("time effects with no usable row are dropped from X and W", () => {
    const b = buildBlocks({...common, transformation: "d"});
    const {blocks, dropped} = dropEmptyTimeEffects(b, 2);
    expect(dropped).toEqual(["4", "5"]);
    expect(blocks.X[0].cols).toBe(3);
    expect(blocks.W[0].cols).toBe(5);
  });
});
