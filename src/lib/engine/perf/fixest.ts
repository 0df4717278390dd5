/**
 * fixest as the benchmarks' reference (Node only): runs `feols` in Rscript on data the benchmark wrote
 * to a file, single-threaded (`setFixest_nthreads(1)`, data.table too), and returns the median wall and
 * CPU (user + system) time of `runs` estimations after one warm-up, with the coefficients and the
 * clustered standard errors at full precision. R finds fixest through the environment (e.g.
 * `R_LIBS=/tmp/Rlib`); without it `fixestAvailable()` is false and the benchmarks say so.
 */
import {execFileSync} from "node:child_process";

let available: boolean | null = null;

/** True when `Rscript -e 'library(fixest)'` succeeds (checked once per process). */
export function fixestAvailable(): boolean {
  if (available !== null) return available;
  try {
    execFileSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"});
    available = true;
  } catch {
    available = false;
  }
  return available;
}

export interface FixestTiming {
  wallMs: number;
  cpuMs: number;
  coef: number[];
  se: number[];
}

/**
 * `readData`: an R expression giving the data frame (e.g. `data.table::fread("x.csv")`);
 * `formula`: fixest formula text; `cluster`: the clustering variable.
 * Example: `fixestTiming('data.table::fread("p.csv")', "y ~ x1 | id + year", "id", 5)`.
 */
export function fixestTiming(readData: string, formula: string, cluster: string, runs: number): FixestTiming {
  const script = [
    "suppressMessages(library(fixest)); suppressMessages(library(data.table))",
    "setFixest_nthreads(1); setDTthreads(1)",
    `d <- ${readData}`,
    `f <- function() feols(${formula}, d, cluster = ~${cluster})`,
    "m <- f()",
    `t <- sapply(1:${runs}, function(i) { s <- system.time(m <<- f()); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) })`,
    "t <- matrix(t, nrow = 2)",
    `cat(sprintf("%.17g", c(median(t[1, ]) * 1000, median(t[2, ]) * 1000, length(coef(m)), coef(m), se(m))), sep = " ")`
  ].join("\n");
  const out = execFileSync("Rscript", ["-e", script], {encoding: "utf8", maxBuffer: 1 << 24}).trim().split(/\s+/).map(Number);
  const k = out[2];
  return {wallMs: out[0], cpuMs: out[1], coef: out.slice(3, 3 + k), se: out.slice(3 + k, 3 + 2 * k)};
}

/** Largest |a_i - b_i| / |b_i| (b the reference). */
export function maxRelDiff(a: number[], b: number[]): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return m;
}
