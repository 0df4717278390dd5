/**
 * Benchmark suite of the engine (Node only: it shells out to Rscript for fixest when available).
 *  1. ~1M-row unbalanced two-way panel, 4 regressors, FE id + year, clustered by id: median time,
 *     and fixest (single thread) on the same data if `library(fixest)` loads.
 *  2. A study-sized clustered spec (~400 rows; target < 2 ms).
 *  3. 1000 specifications in a row (specification-curve style).
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {estimate} from "../estimate.js";
import type {Frame, Spec} from "../types.js";
import {frameToCsv, syntheticPanel} from "./synthetic.js";
import {medianMs} from "./timing.js";

export interface BenchOptions {
  nIds?: number;
  nYears?: number;
  runs?: number;
  log?: (line: string) => void;
  /** Frame of the study-sized spec (e.g. a fixture panel); a synthetic 30 x 14 panel if absent. */
  smallFrame?: Frame;
}

function fixestAvailable(): boolean {
  try {
    execFileSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"});
    return true;
  } catch {
    return false;
  }
}

function fixestMs(frame: Frame, runs: number): {ms: number; coef: number[]} {
  const dir = mkdtempSync(path.join(tmpdir(), "dtb-bench-"));
  try {
    const csv = path.join(dir, "panel.csv");
    writeFileSync(csv, frameToCsv(frame));
    const script = [
      "suppressMessages(library(fixest)); suppressMessages(library(data.table))",
      "setFixest_nthreads(1)",
      `d <- fread("${csv}")`,
      "f <- function() feols(y ~ x1 + x2 + x3 + x4 | id + year, d, cluster = ~id)",
      "invisible(f())",
      `t <- sapply(1:${runs}, function(i) system.time(m <- f())[["elapsed"]])`,
      "cat(median(t) * 1000, coef(f()), sep = ' ')"
    ].join("\n");
    const out = execFileSync("Rscript", ["-e", script], {encoding: "utf8"}).trim().split(/\s+/).map(Number);
    return {ms: out[0], coef: out.slice(1)};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Time per element of a plain scatter-add loop (sums[codes[i]] += v[i]) over 1M rows: a yardstick
 * that makes benchmark numbers comparable across machines and load levels.
 */
export function calibrationNs(): number {
  const n = 1_000_000;
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = Math.floor(i / 47.6);
  const v = new Float64Array(n).fill(1.5);
  const sums = new Float64Array(21010);
  const pass = () => {
    sums.fill(0);
    for (let i = 0; i < n; i++) sums[codes[i]] += v[i];
  };
  return (medianMs(pass, 21, 5) / n) * 1e6;
}

/** Runs the suite and returns the measured numbers (also logged line by line). */
export function runBench(opts: BenchOptions = {}): Record<string, number | string> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const runs = opts.runs ?? 5;
  const out: Record<string, number | string> = {};
  out.calibration_ns = calibrationNs();
  log(`machine calibration: ${out.calibration_ns.toFixed(2)} ns per scatter-add over 1M elements (an idle modern core: ~1-2 ns; larger = loaded/slow machine)`);

  const big = syntheticPanel(opts.nIds ?? 21000, opts.nYears ?? 50, 0.95);
  const bigSpec: Spec = {id: "id", time: "year", y: "y", x: ["x1", "x2", "x3", "x4"], fe: ["id", "year"], vcov: {cluster: ["id"]}};
  let res = estimate(big, bigSpec);
  const ms = medianMs(() => (res = estimate(big, bigSpec)), runs, 1);
  out.large_rows = big.nrows;
  out.large_ms = ms;
  const c0 = process.cpuUsage();
  estimate(big, bigSpec);
  const c1 = process.cpuUsage(c0);
  out.large_cpu_ms = (c1.user + c1.system) / 1000;
  log(`large panel: ${big.nrows} rows, FE id (${res.n_groups}) + year, 4 regressors, cluster id: engine median ${ms.toFixed(1)} ms over ${runs} runs (one run: ${out.large_cpu_ms.toFixed(0)} ms CPU)`);
  log(`  coef ${res.coef.map((c) => c.toFixed(6)).join(" ")}  (demean: ${JSON.stringify((res.info as Record<string, unknown>).demean)})`);
  if (fixestAvailable()) {
    const fx = fixestMs(big, runs);
    out.fixest_ms = fx.ms;
    out.ratio = ms / fx.ms;
    const maxDiff = Math.max(...fx.coef.map((c, i) => Math.abs(c - res.coef[i]) / Math.abs(c)));
    log(`  fixest (1 thread) median ${fx.ms.toFixed(1)} ms; engine / fixest = ${(ms / fx.ms).toFixed(2)}; max rel. coef difference ${maxDiff.toExponential(2)}`);
  } else {
    out.fixest_ms = "n/a";
    log("  fixest not available: engine alone");
  }

  const small = opts.smallFrame ?? syntheticPanel(30, 14, 0.98, 7);
  const idName = opts.smallFrame ? "country" : "id";
  const xs = opts.smallFrame ? ["dstri", "lngdp", "lnpopu", "gov", "urban"] : ["x1", "x2", "x3", "x4"];
  const smallSpec: Spec = {id: idName, time: "year", y: "y", x: xs, fe: [idName, "year"], vcov: {cluster: [idName]}};
  const smallMs = medianMs(() => estimate(small, smallSpec), 201, 50);
  out.small_rows = small.nrows;
  out.small_ms = smallMs;
  log(`study-sized panel: ${small.nrows} rows, two-way FE, clustered: median ${smallMs.toFixed(3)} ms (target < 2 ms)`);

  // 1000 specifications: subsets of controls x FE choice x vcov x exclusion.
  const specs: Spec[] = [];
  const vcovs: Spec["vcov"][] = ["iid", "hetero", {cluster: [idName]}];
  const fes = [[], [idName], [idName, "year"]];
  for (let s = 0; specs.length < 1000; s++) {
    const mask = s % (1 << (xs.length - 1));
    const x = [xs[0], ...xs.slice(1).filter((_, j) => mask & (1 << j))];
    specs.push({id: idName, time: "year", y: "y", x, fe: fes[s % 3], vcov: vcovs[Math.floor(s / 3) % 3], ...(s % 2 ? {exclude: {year: [2020, 1980]}} : {})});
  }
  const t0 = performance.now();
  for (const sp of specs) estimate(small, sp);
  const manyMs = performance.now() - t0;
  out.specs_1000_ms = manyMs;
  log(`1000 specifications in a row on the study-sized panel: ${manyMs.toFixed(0)} ms (${(manyMs / 1000).toFixed(3)} ms each)`);
  return out;
}
