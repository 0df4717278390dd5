import {describe, expect, it} from "vitest";
import {createRng, hashSeed} from "../../../src/lib/random/rng.ts";

describe("createRng", () => {
  it("is reproducible and seed-sensitive", () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const xa = Array.from({length: 5}, () => a.uniform());
    expect(Array.from({length: 5}, () => b.uniform())).toEqual(xa);
    expect(Array.from({length: 5}, () => c.uniform())).not.toEqual(xa);
  });
  it("hashes names (FNV-1a)", () => {
    expect(hashSeed("a")).toBe(0xe40c292c);
    expect(createRng("Li Wei").normal()).toBe(createRng("Li Wei").normal());
  });
  it("gives uniform and normal moments within Monte Carlo error", () => {
    const rng = createRng(123);
    const n = 200_000;
    let su = 0, sz = 0, sz2 = 0;
    for (let i = 0; i < n; i++) {
      su += rng.uniform();
      const z = rng.normal();
      sz += z;
      sz2 += z * z;
    }
    // mean of U(0,1): 1/2, SE sqrt(1/12/n) ~ 6.5e-4; mean of N(0,1): 0, SE 1/sqrt(n) ~ 2.2e-3; var 1, SE sqrt(2/n)
    expect(Math.abs(su / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sz / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sz2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
  it("draws unbiased integers", () => {
    const rng = createRng(1);
    const counts = new Array(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) counts[rng.int(7)]++;
    // chi-square with 6 df: the 0.999 quantile is 22.46
    const chi = counts.reduce((s, k) => s + (k - n / 7) ** 2 / (n / 7), 0);
    expect(chi).toBeLessThan(22.46);
    expect(() => rng.int(0)).toThrow(/positive integer/);
  });
  it("forks independent, reproducible streams", () => {
    const f1 = createRng(5).fork(), f2 = createRng(5).fork();
    expect(f1.uniform()).toBe(f2.uniform());
    expect(() => createRng(1.5)).toThrow(/integer/);
  });
});
