// The gravity lab's PPML (the engine's, via src/lib/simulate/fit-ppml.ts) against R's glm(family = poisson) +
// sandwich on three cross-sections drawn in R (scripts/reference/gravity-ppml.R): slope, iid (fixest adj) and HC1
// SEs to 1e-8.
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {ppmlFit} from "../../../src/lib/simulate/fit-ppml.js";

const FIX = resolve(import.meta.dirname, "../../fixtures");
const expected = JSON.parse(readFileSync(resolve(FIX, "gravity_ppml.reference.json"), "utf8")) as Record<string, {coef: number[]; se_iid: number[]; se_hc1: number[]}>;
const lines = readFileSync(resolve(FIX, "gravity_ppml.csv"), "utf8").trim().split("\n").slice(1);

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe("lab PPML (engine) = R glm poisson + sandwich", () => {
  for (const [id, e] of Object.entries(expected)) {
    it(id, () => {
      const rows = lines.map((l) => l.split(",")).filter((r) => r[0] === id);
      const x = Float64Array.from(rows, (r) => Number(r[1]));
      const y = Float64Array.from(rows, (r) => Number(r[2]));
      const f = ppmlFit(y, x);
      expect(f.failure).toBeUndefined();
      expect(rel(f.coef, e.coef[1])).toBeLessThan(1e-8);
      expect(rel(f.se.iid, e.se_iid[1])).toBeLessThan(1e-8);
      expect(rel(f.se.hetero, e.se_hc1[1])).toBeLessThan(1e-8);
    });
  }
});
