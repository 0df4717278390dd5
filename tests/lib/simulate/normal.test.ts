// The portable normal: its logarithm matches Math.log to ~1 ulp, its draws have N(0, 1) moments, and its
// first draws are pinned (they must be the same on every platform; the browser test compares whole labs).
import {describe, expect, it} from "vitest";
import {createRng} from "../../../src/lib/random/rng.js";
import {normalSource, portableLog} from "../../../src/lib/simulate/normal.js";

describe("portableLog", () => {
  it("matches Math.log", () => {
    const rng = createRng(3);
    let worst = 0;
    for (let i = 0; i < 100000; i++) {
      const x = rng.uniform() * 10 ** (rng.int(40) - 20) + 1e-300;
      const a = portableLog(x);
      const b = Math.log(x);
      worst = Math.max(worst, Math.abs(a - b) / Math.max(1e-300, Math.abs(b)));
    }
    expect(worst).toBeLessThan(4e-16);
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
  });
});

describe("normalSource", () => {
  it("has N(0, 1) moments (within 4 standard errors)", () => {
    const z = normalSource(createRng(11));
    const n = 200000;
    let s1 = 0, s2 = 0, s4 = 0, tail = 0;
    for (let i = 0; i < n; i++) {
      const v = z();
      s1 += v;
      s2 += v * v;
      s4 += v * v * v * v;
      if (Math.abs(v) > 1.959963984540054) tail++;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    expect(Math.abs(tail / n - 0.05)).toBeLessThan(4 * Math.sqrt(0.05 * 0.95 / n));
  });
  it("is reproducible: pinned first draws of seed 1", () => {
    const z = normalSource(createRng(1));
    const first = [z(), z(), z(), z()];
    const again = normalSource(createRng(1));
    expect([again(), again(), again(), again()]).toEqual(first);
    expect(first.map((v) => v.toPrecision(17))).toMatchSnapshot();
  });
});
