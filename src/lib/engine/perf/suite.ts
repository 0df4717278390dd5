/**
 * Benchmark suite of the engine (Node only: it shells out to Rscript for fixest when available).
 *  1. ~1M-row unbalanced two-way panel, 4 regressors, FE id + year, clustered by id: median time,
 *     and fixest (single thread) on the same data if `library(fixest)` loads.
 *  2. A study-sized clustered spec (~400 rows; target < 2 ms).
 *  3. 1000 specifications in a row (specification-curve style).
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {estimate} from "../estimate.js";
import type {Frame, Spec} from "../types.js";
import {factorize} from "../frame.js";
import {fixestAvailable, fixestTiming, maxRelDiff, type FixestTiming} from "./fixest.js";
import {frameToCsv, syntheticPanel} from "./synthetic.js";
import {medianMs} from "./timing.js";

/**
 * 1M-row two-way panel, CPU ms of one estimation, measured in the same run (issue #11, 2026-11-30,
 * 2 cores under load ~7): fixest 0.12.2 single-threaded 218 ms, the engine 146 ms (0.67x). Used only
 * when fixest is not available (CI), so that the table still shows a ratio, marked "recorded".
 */
export const RECORDED_FIXEST_MS = 218;
export const RECORDED_ENGINE_MS = 146;

export interface BenchOptions {
  nIds?: number;
  nYears?: number;
  runs?: number;
  log?: (line: string) => void;
  /** Frame of the study-sized spec (e.g. a fixture panel); a synthetic 30 x 14 panel if absent. */
  smallFrame?: Frame;
}

/** fixest on the same data (written once to a CSV file), single-threaded, median of `runs`. */
function fixestOnPanel(frame: Frame, runs: number): FixestTiming {
  const dir = mkdtempSync(path.join(tmpdir(), "dtb-bench-"));
  try {
    const csv = path.join(dir, "panel.csv");
    writeFileSync(csv, frameToCsv(frame));
    return fixestTiming(`fread("${csv}")`, "y ~ x1 + x2 + x3 + x4 | id + year", "id", runs);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Machine yardstick: one plain pass computing group sums over the rows of `frame`
 * (sums[id_code[i]] += y[i], id codes built beforehand). Timing the engine against this pass in the
 * same run makes the numbers comparable across machines and load levels ("engine = N x one
 * group-sum pass"). Returns a function that runs the pass once.
 */
export function groupSumPass(frame: Frame, id: string, y: string): () => number {
  const f = factorize(frame.columns[id]);
  const codes = f.codes;
  const v = frame.columns[y] as Float64Array;
  const out = new Float64Array(f.nlevels);
  return () => {
    out.fill(0);
    for (let i = 0; i < codes.length; i++) out[codes[i]] += v[i];
    return out[0];
  };
}

/**
 * Median times of `a` and `b` measured alternately (a, b, a, b, ...) so that both see the same load;
 * `b` is the median of `bReps` calls each round.
 */
function interleaved(a: () => unknown, b: () => unknown, runs: number, bReps = 5): {a: number; b: number; ratio: number} {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    a();
    ta.push(performance.now() - t);
    tb.push(medianMs(b, bReps, 0));
  }
  return {a: median(ta), b: median(tb), ratio: median(ta.map((x, i) => x / tb[i]))};
}

function median(x: number[]): number {
  const s = [...x].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
}

type Row = [string, string, string, string, string];

function table(rows: Row[], log: (l: string) => void): void {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) log(r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join("  "));
}

/** Runs the suite and returns the measured numbers (also logged as a compact table). */
export function runBench(opts: BenchOptions = {}): Record<string, number | string> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const runs = opts.runs ?? 5;
  const out: Record<string, number | string> = {};
  const rows: Row[] = [["benchmark", "rows", "median ms", "ratio", "target"]];

  // 1. Large panel, against the yardstick measured alternately in the same run.
  const big = syntheticPanel(opts.nIds ?? 21000, opts.nYears ?? 50, 0.95);
  const bigSpec: Spec = {id: "id", time: "year", y: "y", x: ["x1", "x2", "x3", "x4"], fe: ["id", "year"], vcov: {cluster: ["id"]}};
  let res = estimate(big, bigSpec);
  const m = interleaved(() => (res = estimate(big, bigSpec)), groupSumPass(big, "id", "y"), runs);
  const c0 = process.cpuUsage();
  estimate(big, bigSpec);
  const c1 = process.cpuUsage(c0);
  Object.assign(out, {large_rows: big.nrows, large_ms: m.a, yardstick_ms: m.b, large_vs_yardstick: m.ratio, large_cpu_ms: (c1.user + c1.system) / 1000});
  rows.push(["yardstick: one group-sum pass", String(big.nrows), m.b.toFixed(2), "1x", ""]);
  rows.push(["large: FE id+year, 4 x, cluster id", String(big.nrows), m.a.toFixed(1), `${m.ratio.toFixed(0)}x pass`, "<= 0.8x fixest"]);
  if (fixestAvailable()) {
    // Engine CPU time: median of `runs` single runs (CPU time is what a loaded machine distorts least).
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c = process.cpuUsage();
      estimate(big, bigSpec);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    const fx = fixestOnPanel(big, runs);
    out.large_cpu_ms = median(cpu);
    out.fixest_ms = fx.wallMs;
    out.fixest_cpu_ms = fx.cpuMs;
    out.ratio = m.a / fx.wallMs;
    out.ratio_cpu = median(cpu) / fx.cpuMs;
    out.fixest_max_rel_coef_diff = maxRelDiff(res.coef, fx.coef);
    out.fixest_max_rel_se_diff = maxRelDiff(res.se, fx.se);
    rows.push(["fixest 0.12 (1 thread), same data", String(big.nrows), fx.wallMs.toFixed(1), `${(m.a / fx.wallMs).toFixed(2)}x wall, ${Number(out.ratio_cpu).toFixed(2)}x CPU`, "engine <= 0.8x"]);
  } else {
    out.fixest_ms = "n/a";
    rows.push(["fixest (Rscript + fixest not found)", "-", "n/a", "-", ""]);
    // Recorded CPU figures (RECORDED_FIXEST_MS). Wall time here depends on the load; CPU time of one
    // run is the fairer comparison with them.
    out.ratio_vs_recorded_fixest_wall = m.a / RECORDED_FIXEST_MS;
    out.ratio_vs_recorded_fixest_cpu = Number(out.large_cpu_ms) / RECORDED_FIXEST_MS;
    rows.push(["fixest, recorded figure (not this run)", "998010", String(RECORDED_FIXEST_MS), `${(m.a / RECORDED_FIXEST_MS).toFixed(2)}x wall, ${(Number(out.large_cpu_ms) / RECORDED_FIXEST_MS).toFixed(2)}x CPU`, "<= 0.8x"]);
    rows.push(["engine, recorded CPU figure", "998010", String(RECORDED_ENGINE_MS), `${(Number(out.large_cpu_ms) / RECORDED_ENGINE_MS).toFixed(2)}x CPU`, ""]);
  }

  // 2. Study-sized clustered spec.
  const small = opts.smallFrame ?? syntheticPanel(30, 14, 0.98, 7);
  const idName = opts.smallFrame ? "country" : "id";
  const xs = opts.smallFrame ? ["dstri", "lngdp", "lnpopu", "gov", "urban"] : ["x1", "x2", "x3", "x4"];
  const smallSpec: Spec = {id: idName, time: "year", y: "y", x: xs, fe: [idName, "year"], vcov: {cluster: [idName]}};
  const smallMs = medianMs(() => estimate(small, smallSpec), 201, 50);
  Object.assign(out, {small_rows: small.nrows, small_ms: smallMs});
  rows.push(["study-sized: two-way FE, cluster", String(small.nrows), smallMs.toFixed(3), "", "< 2 ms"]);

  // 3. 1000 specifications: subsets of controls x FE choice x vcov x exclusion.
  const specs: Spec[] = [];
  const vcovs: Spec["vcov"][] = ["iid", "hetero", {cluster: [idName]}];
  const fes = [[], [idName], [idName, "year"]];
  for (let s = 0; specs.length < 1000; s++) {
    const mask = s % (1 << (xs.length - 1));
    const x = [xs[0], ...xs.slice(1).filter((_, j) => mask & (1 << j))];
    specs.push({id: idName, time: "year", y: "y", x, fe: fes[s % 3], vcov: vcovs[Math.floor(s / 3) % 3], ...(s % 2 ? {exclude: {year: [2020, 1980]}} : {})});
  }
  const manyMs = medianMs(() => {
    for (const sp of specs) estimate(small, sp);
  }, 3, 1);
  out.specs_1000_ms = manyMs;
  rows.push(["1000 specifications (total)", String(small.nrows), manyMs.toFixed(0), `${(manyMs / 1000).toFixed(3)} ms each`, ""]);

  table(rows, log);
  log(`large panel: ${res.n_groups} ids; one run ${Number(out.large_cpu_ms).toFixed(0)} ms CPU; demean ${JSON.stringify((res.info as Record<string, unknown>).demean)}`);
  log(`  coef ${res.coef.map((c) => c.toFixed(6)).join(" ")}`);
  if (typeof out.fixest_cpu_ms === "number") {
    log(`  engine ${Number(out.large_cpu_ms).toFixed(0)} ms CPU vs fixest ${out.fixest_cpu_ms.toFixed(0)} ms CPU (1 thread): ${Number(out.ratio_cpu).toFixed(2)}x; max rel. diff coef ${Number(out.fixest_max_rel_coef_diff).toExponential(1)}, clustered SE ${Number(out.fixest_max_rel_se_diff).toExponential(1)}`);
  }
  return out;
}
