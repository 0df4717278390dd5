/**
 * The engine against the REAL fixest (not the lm + dummies reference of multiway-fe.test.ts) on the
 * trade-shaped models of scripts/reference/trade.R: 3 and 4 FE dimensions and combined `a^b` effects,
 * iid / hetero / one- and two-way clustered. Runs scripts/reference/trade-fixest.R; skipped when
 * `library(fixest)` does not load (CI has no fixest; locally e.g. `R_LIBS=/tmp/Rlib`).
 * fixest demeans iteratively (fixef.tol): with its tightest tolerance (1e-11 here) coefficients,
 * standard errors and vcov must agree to 1e-8; with its default (1e-6) the differences are reported.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import type {Frame, Spec} from "../../../src/lib/engine/types.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const FIX = resolve(ROOT, "tests/fixtures");
const TEXT = new Set(["origin", "destination", "product", "flow"]);
const hasFixest = spawnSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"}).status === 0;

function readTrade(): Frame {
  const lines = readFileSync(resolve(FIX, "trade_fe.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const rows = lines.slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
  const columns: Frame["columns"] = {};
  header.forEach((h, j) => {
    columns[h] = TEXT.has(h) ? rows.map((r) => r[j]) : Float64Array.from(rows, (r) => Number(r[j]));
  });
  return {nrows: rows.length, columns};
}

interface Fx {
  coef: number[];
  se: number[];
  vcov: number[][];
  nobs: number;
}

if (!hasFixest) console.info("skipped: engine = real fixest: R's fixest is not installed (the committed fixture tests/fixtures/trade_fe.reference.json covers these models, tests/lib/engine/multiway-fe.test.ts)");

describe.skipIf(!hasFixest)("engine = real fixest on the trade-shaped 3- and 4-way FE models", () => {
  it("coefficients, clustered SEs and vcov within 1e-8 of fixest (fixef.tol 1e-11)", () => {
    const ref = JSON.parse(readFileSync(resolve(FIX, "trade_fe.reference.json"), "utf8")) as {models: Array<{id: string; spec: Spec}>};
    const fx = JSON.parse(execFileSync("Rscript", [resolve(ROOT, "scripts/reference/trade-fixest.R")], {encoding: "utf8"})) as Array<{id: string; default: Fx; tight: Fx}>;
    const frame = readTrade();
    expect(fx.map((m) => m.id)).toEqual(ref.models.map((m) => m.id));
    const worst = {tight: {coef: 0, se: 0, vcov: 0}, default: {coef: 0, se: 0, vcov: 0}};
    for (const [i, m] of ref.models.entries()) {
      const got = estimate(frame, m.spec);
      for (const tol of ["tight", "default"] as const) {
        const e = fx[i][tol];
        expect(got.nobs).toBe(e.nobs);
        const w = worst[tol];
        e.coef.forEach((c, j) => {
          w.coef = Math.max(w.coef, Math.abs(got.coef[j] - c) / Math.abs(c));
          w.se = Math.max(w.se, Math.abs(got.se[j] - e.se[j]) / e.se[j]);
          e.coef.forEach((_, k) => (w.vcov = Math.max(w.vcov, Math.abs(got.vcov[j][k] - e.vcov[j][k]) / (e.se[j] * e.se[k]))));
        });
      }
    }
    console.log(`engine vs fixest ${JSON.stringify(worst)} (max relative differences over ${ref.models.length} models)`);
    expect(Math.max(worst.tight.coef, worst.tight.se, worst.tight.vcov)).toBeLessThan(1e-8);
  }, 120_000);
});
