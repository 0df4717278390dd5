/**
 * Gravity bench: PPML (estimator "ppml", fixest fepois conventions) with two fixed effects on a 1M-row panel in
 * arbitrary row order, against the engine's OLS with the same fixed effects on the same rows in the same run
 * (a ratio that is meaningful on a loaded machine), and fixest's fepois when R can load fixest (else "n/a");
 * then the wild cluster bootstrap's draws per second on a study-sized design (42 clusters, 5 regressors).
 * Rows: DTB_BENCH_GRAVITY_ROWS (default 1,000,000).
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {estimate} from "../src/lib/engine/estimate.ts";
import type {Frame, Spec} from "../src/lib/engine/types.ts";
import {createRng} from "../src/lib/random/rng.ts";
import {bootstrapWeights, wildClusterBootstrap, wildPValues} from "../src/lib/engine/wild-bootstrap.ts";

function panel(rows: number): Frame {
  const rng = createRng(20);
  const units = Math.max(10, Math.round(rows / 50));
  const years = 50;
  const ua = Float64Array.from({length: units}, () => rng.normal());
  const ya = Float64Array.from({length: years}, () => 0.3 * rng.normal());
  // Every (unit, year) once, then shuffled (Fisher-Yates): rows in arbitrary order.
  const order = Int32Array.from({length: units * years}, (_, i) => i).slice(0, rows);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const n = order.length;
  const unit = new Float64Array(n), year = new Float64Array(n), x1 = new Float64Array(n), x2 = new Float64Array(n), y = new Float64Array(n), ly = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const u = Math.floor(order[r] / years);
    const t = order[r] % years;
    unit[r] = u;
    year[r] = 2000 + t;
    x1[r] = 0.5 * ua[u] + rng.normal();
    x2[r] = ya[t] + rng.normal();
    const mu = Math.exp(0.5 + 0.3 * x1[r] - 0.2 * x2[r] + ua[u] + ya[t]);
    y[r] = rng.uniform() < 0.2 ? 0 : mu * Math.exp(0.5 * rng.normal() - 0.125);
    ly[r] = Math.log(mu) + 0.3 * rng.normal();
  }
  return {nrows: n, columns: {unit, year, x1, x2, y, ly}};
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Median of `runs` timed calls after one untimed call: the protocol of fixest's side (`invisible(f())`, then 3) and of shuffled.ts. */
function timeIt(f: () => void, runs: number): number {
  f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function fixestMs(frame: Frame): string {
  try {
    execFileSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"});
  } catch {
    return "n/a (fixest not installed)";
  }
  const dir = mkdtempSync(join(tmpdir(), "dtb-grav-"));
  const csv = join(dir, "p.csv");
  const cols = ["unit", "year", "x1", "x2", "y"];
  const lines = [cols.join(",")];
  for (let r = 0; r < frame.nrows; r++) lines.push(cols.map((c) => (frame.columns[c] as Float64Array)[r]).join(","));
  writeFileSync(csv, lines.join("\n"));
  const out = execFileSync("Rscript", ["-e", `suppressMessages({library(fixest); library(data.table)}); setFixest_nthreads(1); d <- fread("${csv}"); f <- function() fepois(y ~ x1 + x2 | unit + year, d, vcov = ~unit); invisible(f()); t <- replicate(3, system.time(f())[["elapsed"]]); cat(median(t) * 1000)`], {encoding: "utf8"});
  return `${Number(out).toFixed(0)} ms`;
}

/** "RATIO ..." line: the engine's PPML time over fixest's in this run (target <= 1.0), or n/a without fixest. */
function ratioLine(rows: number, ppmlMs: number, fixest: string): string {
  const f = Number.parseFloat(fixest);
  const ratio = fixest.endsWith(" ms") && f > 0 ? `${(ppmlMs / f).toFixed(2)}x` : "n/a (fixest not installed)";
  return `RATIO gravity PPML 2 FE ${(rows / 1e6).toFixed(1)}M shuffled: engine/fixest fepois = ${ratio} (target <= 1.0)`;
}

export function runGravityBench(runs = 3): Record<string, unknown> {
  const rows = Number(process.env.DTB_BENCH_GRAVITY_ROWS ?? 1_000_000);
  const frame = panel(rows);
  const spec: Spec = {id: "unit", time: "year", y: "y", x: ["x1", "x2"], fe: ["unit", "year"], vcov: {cluster: ["unit"]}, estimator: "ppml"};
  const ols: Spec = {...spec, y: "ly", estimator: "ols"};
  let iterations = 0;
  const ppmlMs = timeIt(() => {
    iterations = estimate(frame, spec).iterations ?? 0;
  }, runs);
  const olsMs = timeIt(() => estimate(frame, ols), runs);
  const fixest = fixestMs(frame);
  console.log(`PPML, 2 FE, ${rows.toLocaleString("en-US")} shuffled rows: ${ppmlMs.toFixed(0)} ms (${iterations} IRLS iterations); engine OLS same FE ${olsMs.toFixed(0)} ms (PPML/OLS ${(ppmlMs / olsMs).toFixed(1)}x); fixest fepois 1 thread: ${fixest}`);
  console.log(ratioLine(rows, ppmlMs, fixest));

  // Wild bootstrap draws per second: 42 clusters x 7 years, 5 regressors (the study's Table 4 (2) shape).
  const rng = createRng(3);
  const G = 42, T = 7, k = 5, n = G * T;
  const X = Array.from({length: k}, () => Float64Array.from({length: n}, () => rng.normal()));
  const yb = Float64Array.from({length: n}, (_, i) => 0.1 * X[0][i] + rng.normal());
  const cluster = {codes: Int32Array.from({length: n}, (_, i) => Math.floor(i / T)), nlevels: G};
  const input = {y: yb, X, j: 0, cluster, K: k + T, weights: "rademacher" as const, reps: 99_999, seed: 1, term: "x0"};
  const pMs = timeIt(() => wildPValues(input, [0]), runs);
  const weightsMs = timeIt(() => bootstrapWeights(G, "rademacher", 99_999, 1), runs);
  const ciMs = timeIt(() => wildClusterBootstrap({...input, reps: 9999}), runs);
  const out = {rows, ppml_ms: ppmlMs, ols_ms: olsMs, iterations, fixest, bootstrap_draws_per_s: 99_999 / (pMs / 1000), bootstrap_draws_per_s_excl_weights: 99_999 / ((pMs - weightsMs) / 1000), bootstrap_9999_with_ci_ms: ciMs};
  console.log(`wild bootstrap (G = 42, k = 5): ${Math.round(out.bootstrap_draws_per_s).toLocaleString("en-US")} draws/s for the p-value (${Math.round(out.bootstrap_draws_per_s_excl_weights).toLocaleString("en-US")} without drawing the weights); 9,999 draws with the 95% interval in ${ciMs.toFixed(0)} ms`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) runGravityBench(Number(process.env.DTB_BENCH_RUNS ?? 3));
