// portableExp: within a few ulps of Math.exp over the range the labs use, exact at 0, and monotone.
import {describe, expect, it} from "vitest";
import {createRng} from "../../../src/lib/random/rng.js";
import {portableExp} from "../../../src/lib/random/portable-exp.js";

describe("portableExp", () => {
  it("agrees with Math.exp to 1e-15 relative on 100,000 values in [-30, 30]", () => {
    const rng = createRng(1);
    let worst = 0;
    for (let i = 0; i < 100000; i++) {
      const x = -30 + 60 * rng.uniform();
      worst = Math.max(worst, Math.abs(portableExp(x) - Math.exp(x)) / Math.exp(x));
    }
    console.log(`[exp] worst relative difference ${worst}`);
    expect(worst).toBeLessThan(1e-15);
  });
  it("edges", () => {
    expect(portableExp(0)).toBe(1);
    expect(portableExp(1000)).toBe(Infinity);
    expect(portableExp(-1000)).toBe(0);
    expect(Number.isNaN(portableExp(NaN))).toBe(true);
    expect(Math.abs(portableExp(-700) / Math.exp(-700) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(portableExp(700) / Math.exp(700) - 1)).toBeLessThan(1e-14);
  });
});
