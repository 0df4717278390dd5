/**
 * Cross-check against a live plm::pgmm (skipped when Rscript with plm is not installed) for
 * specifications the fixtures do not cover: effect "individual", a second lag of y in x,
 * a finite instrument window lag(y, 3:5), on the project's own unbalanced panel (tests/fixtures/unbalanced_gaps.csv;
 * the same cases are stored by scripts/reference/gmm.R for machines without R). Regular-inverse and
 * pseudo-inverse cases alike: tolerance 1e-6 relative (observed ~1e-8).
 */
import {execFileSync} from "node:child_process";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {estimateGmm} from "../../../../src/lib/engine/gmm/index.js";
import type {Spec} from "../../../../src/lib/engine/types.js";
import {OWN_FIXTURES, readFrameAt} from "./fixture-data.js";

function haveR(): boolean {
  try {
    execFileSync("Rscript", ["-e", "suppressMessages(library(plm)); library(jsonlite)"], {stdio: "ignore", timeout: 30_000});
    return true;
  } catch {
    return false;
  }
}

/** `r`: the pgmm arguments before `model` and `data`. */
const CASES: Array<{name: string; r: string; spec: Spec}> = [
  {
    name: "difference GMM, effect individual, all lags",
    r: `y ~ lag(y,1) + lag(dstri,1) + lngdp + lnpopu + gov + urban | lag(y, 2:99), effect = "individual", transformation = "d", collapse = FALSE`,
    spec: {id: "country", time: "year", y: "y", x: ["L.y", "L.dstri", "lngdp", "lnpopu", "gov", "urban"], estimator: "gmm-diff", effect: "individual", gmm: {lags: [2, 99], collapse: false}}
  },
  {
    name: "system GMM, effect individual, collapsed",
    r: `y ~ lag(y,1) + lag(dstri,1) + lngdp + lnpopu + gov + urban | lag(y, 2:99), effect = "individual", transformation = "ld", collapse = TRUE`,
    spec: {id: "country", time: "year", y: "y", x: ["L.y", "L.dstri", "lngdp", "lnpopu", "gov", "urban"], estimator: "gmm-sys", effect: "individual", gmm: {lags: [2, 99], collapse: true}}
  },
  {
    name: "difference GMM, L.y + L2.y, lag(y, 3:5)",
    r: `y ~ lag(y,1:2) + dstri + gov | lag(y, 3:5), effect = "twoways", transformation = "d", collapse = FALSE`,
    spec: {id: "country", time: "year", y: "y", x: ["L.y", "L2.y", "dstri", "gov"], estimator: "gmm-diff", gmm: {lags: [3, 5], collapse: false}}
  },
  {
    name: "system GMM, L.y + L2.y, lag(y, 3:5), collapsed",
    r: `y ~ lag(y,1:2) + dstri + gov | lag(y, 3:5), effect = "twoways", transformation = "ld", collapse = TRUE`,
    spec: {id: "country", time: "year", y: "y", x: ["L.y", "L2.y", "dstri", "gov"], estimator: "gmm-sys", gmm: {lags: [3, 5], collapse: true}}
  }
];

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

const R_PRESENT = haveR();
if (!R_PRESENT) console.info("skipped: GMM vs live plm::pgmm: Rscript with plm and jsonlite is not installed");

describe.skipIf(!R_PRESENT)("GMM vs live plm::pgmm", () => {
  const csv = resolve(OWN_FIXTURES, "unbalanced_gaps.csv");
  const frame = readFrameAt(csv);
  for (const c of CASES) {
    it(c.name, () => {
      const script = `suppressMessages(library(plm)); library(jsonlite)
p <- pdata.frame(read.csv("${csv}"), index = c("country", "year"))
m <- suppressWarnings(pgmm(${c.r}, model = "twosteps", data = p))
s <- suppressWarnings(summary(m, robust = TRUE))
cat(toJSON(list(coef = unname(s$coefficients[, 1]), se = unname(s$coefficients[, 2]), J = unname(s$sargan$statistic),
  ar1 = unname(s$m1$statistic[1]), ar2 = unname(s$m2$statistic[1]), ninst = ncol(m$W[[1]]),
  nobs = sum(sapply(m$residuals, function(e) sum(e != 0)))), digits = NA, auto_unbox = TRUE))`;
      const R = JSON.parse(execFileSync("Rscript", ["-e", script], {encoding: "utf8", timeout: 60_000}));
      const r = estimateGmm(frame, c.spec);
      expect(r.n_instruments).toBe(R.ninst);
      expect(r.nobs).toBe(R.nobs);
      r.coef.forEach((b, k) => expect(rel(b, R.coef[k]), `coef ${r.terms[k]}`).toBeLessThan(1e-6));
      r.se.forEach((b, k) => expect(rel(b, R.se[k]), `se ${r.terms[k]}`).toBeLessThan(1e-6));
      expect(rel(r.hansen!.statistic, R.J)).toBeLessThan(1e-6);
      expect(rel(r.ar1!.statistic, R.ar1)).toBeLessThan(1e-6);
      expect(rel(r.ar2!.statistic, R.ar2)).toBeLessThan(1e-6);
    });
  }
});
