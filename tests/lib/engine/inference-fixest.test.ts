/**
 * Leads and the within SD against the REAL fixest: `f(x, k)` in feols with panel.id, and
 * sd(resid(feols(x ~ 1 | country + year))) (scripts/reference/inference-fixest.R). Skipped when library(fixest)
 * does not load (CI has none; locally e.g. R_LIBS=/tmp/Rlib). The lm-based reference of inference.test.ts runs always.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {withinSd} from "../../../src/lib/engine/within-sd.js";
import type {Spec} from "../../../src/lib/engine/types.js";
import {parseCsv} from "../../helpers/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const hasFixest = spawnSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"}).status === 0;
if (!hasFixest) console.log("inference-fixest.test.ts: skipped, library(fixest) does not load here (set R_LIBS to a library with fixest)");

describe.skipIf(!hasFixest)("leads and within SD equal the real fixest", () => {
  it("f(x, k) coefficients and SEs within 1e-8; within SD within 1e-8", () => {
    const fx = JSON.parse(execFileSync("Rscript", [resolve(ROOT, "scripts/reference/inference-fixest.R")], {encoding: "utf8"}));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const expected: any = JSON.parse(readFileSync(resolve(ROOT, "tests/fixtures/inference/expected.json"), "utf8"));
    const frame = parseCsv(readFileSync(resolve(ROOT, "tests/fixtures/unbalanced_gaps.csv"), "utf8"));
    let worst = 0;
    for (const m of expected.leads) {
      const r = estimate(frame, m.spec as Spec);
      const e = fx.leads[m.id];
      expect(r.nobs).toBe(e.nobs);
      const ec = Array.isArray(e.coef) ? e.coef : [e.coef];
      const es = Array.isArray(e.se) ? e.se : [e.se];
      r.coef.forEach((b, j) => (worst = Math.max(worst, Math.abs(b - ec[j]) / Math.abs(ec[j]), Math.abs(r.se[j] - es[j]) / es[j])));
    }
    const r = estimate(frame, {id: "country", time: "year", y: "y", x: ["dstri", "lngdp"], fe: ["country", "year"]});
    for (const v of ["dstri", "lngdp"]) worst = Math.max(worst, Math.abs(withinSd(r, v)! - fx.within[v]) / fx.within[v]);
    console.log(`leads and within SD vs fixest ${fx.fixest}: max relative difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-8);
  });
});
