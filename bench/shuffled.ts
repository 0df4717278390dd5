/**
 * Engine-only benchmark on shapes we did not design (issue 22 point 6, issue 20's PPML target): a firm x partner x
 * year panel with SHUFFLED rows, a TEXT pair id ("18342_7") and gaps (bench/shuffled-panel.ts), at 1M and 5M rows
 * (DTB_BENCH_SHUFFLED_ROWS, comma-separated; default "1000000,5000000"), each model timed in this process and in
 * fixest 0.12 single-threaded (`setFixest_nthreads(1)`) on the same numbers in the same run when R loads fixest
 * (else "n/a"). Models:
 *  - 3 FE (firm + partner + year), 3 regressors, clustered by firm, spec id "pair" (text, coded as dtb's reader
 *    hands it over) and the same through the formula path without id/time (what `dtb estimate --formula` runs);
 *    for information, the spec id "pair" as one uncoded string per row (the engine codes it itself);
 *  - 2 FE (firm + year), 4 regressors, clustered by firm;
 *  - PPML, 2 FE (firm + year), 2 regressors, clustered by firm (fixest fepois);
 * plus the engine on the same panel sorted by firm (row order must not matter). Median of `runs` after a warm-up;
 * wall and CPU time; ratio lines start with "RATIO" and give the targets. Coefficients are compared with fixest's.
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {estimate} from "../src/lib/engine/estimate.ts";
import {fixestAvailable, maxRelDiff} from "../src/lib/engine/perf/fixest.ts";
import type {Frame, Result, Spec} from "../src/lib/engine/types.ts";
import {estimateFormula} from "../src/lib/formula/estimate.ts";
import {pairColumn, shuffledPanel, withPlainTextPair} from "./shuffled-panel.ts";

interface Model {
  key: string;
  label: string;
  run: (f: Frame) => Result;
  fixest: string;
  /** null: reported for information, fixest's time being that of the model named by `fixestKey`. */
  target: number | null;
  fixestKey?: string;
  /** The frame with its pair id as one plain string per row (`withPlainTextPair`). */
  plainText?: boolean;
}

const X3 = ["x1", "x2", "x3"];
const MODELS: Model[] = [
  {key: "fe3_id", label: "3 FE (firm+partner+year), cluster firm, id \"pair\" (text)", run: (f) => estimate(f, {id: "pair", time: "year", y: "y", x: X3, fe: ["firm", "partner", "year"], vcov: {cluster: ["firm"]}} as Spec), fixest: "feols(y ~ x1 + x2 + x3 | firm + partner + year, d, cluster = ~firm)", target: 1.0},
  {key: "fe3_id_plain", label: "3 FE (firm+partner+year), cluster firm, id \"pair\" as one uncoded JS string per row", run: (f) => estimate(f, {id: "pair", time: "year", y: "y", x: X3, fe: ["firm", "partner", "year"], vcov: {cluster: ["firm"]}} as Spec), fixest: "", fixestKey: "fe3_id", target: null, plainText: true},
  {key: "fe3_formula", label: "3 FE (firm+partner+year), cluster firm, formula without id/time", run: (f) => estimateFormula(f, "feols(y ~ x1 + x2 + x3 | firm + partner + year, vcov = ~firm)", {id: "(none)", time: "(none)"}), fixest: "feols(y ~ x1 + x2 + x3 | firm + partner + year, d, cluster = ~firm)", target: 1.0},
  {key: "fe2", label: "2 FE (firm+year), 4 regressors, cluster firm, id \"pair\" (text)", run: (f) => estimate(f, {id: "pair", time: "year", y: "y", x: ["x1", "x2", "x3", "x4"], fe: ["firm", "year"], vcov: {cluster: ["firm"]}} as Spec), fixest: "feols(y ~ x1 + x2 + x3 + x4 | firm + year, d, cluster = ~firm)", target: 0.8},
  {key: "ppml2", label: "PPML 2 FE (firm+year), 2 regressors, cluster firm", run: (f) => estimate(f, {id: "pair", time: "year", y: "v", x: ["x1", "x2"], fe: ["firm", "year"], vcov: {cluster: ["firm"]}, estimator: "ppml"} as Spec), fixest: "fepois(v ~ x1 + x2 | firm + year, d, cluster = ~firm)", target: 1.0}
];
const NUMERIC = ["firm", "partner", "year", "y", "v", "x1", "x2", "x3", "x4"];

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

function timeEngine(run: () => Result, runs: number): {wall: number; cpu: number; result: Result} {
  let result = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    result = run();
    wall.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {wall: median(wall), cpu: median(cpu), result};
}

/** fixest on the same numbers (Float64 columns through readBin: exact), every model in one R process. */
function timeFixest(frame: Frame, runs: number): Record<string, {wall: number; cpu: number; coef: number[]}> | null {
  if (!fixestAvailable()) return null;
  const dir = mkdtempSync(path.join(tmpdir(), "dtb-shuffled-"));
  try {
    const file = path.join(dir, "cols.bin");
    writeFileSync(file, Buffer.concat(NUMERIC.map((c) => {
      const a = frame.columns[c] as Float64Array;
      return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    })));
    const script = [
      "suppressMessages(library(fixest)); setFixest_nthreads(1)",
      `con <- file("${file}", "rb"); cols <- c(${NUMERIC.map((c) => `"${c}"`).join(", ")}); d <- lapply(cols, function(c) readBin(con, "double", ${frame.nrows})); close(con); names(d) <- cols; d <- as.data.frame(d)`,
      "out <- character(0)",
      ...MODELS.filter((m) => m.fixest).map((m) => `local({f <- function() ${m.fixest}; mod <- f(); t <- sapply(1:${runs}, function(i) { s <- system.time(mod <<- f()); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }); t <- matrix(t, nrow = 2); out <<- c(out, sprintf("%s %.17g %.17g %s", "${m.key}", median(t[1, ]) * 1000, median(t[2, ]) * 1000, paste(sprintf("%.17g", coef(mod)), collapse = ",")))})`),
      "cat(out, sep = \"\\n\")"
    ].join("\n");
    const lines = execFileSync("Rscript", ["-e", script], {encoding: "utf8", maxBuffer: 1 << 24}).trim().split("\n");
    const res: Record<string, {wall: number; cpu: number; coef: number[]}> = {};
    for (const line of lines) {
      const [key, wall, cpu, coef] = line.trim().split(" ");
      res[key] = {wall: Number(wall), cpu: Number(cpu), coef: coef.split(",").map(Number)};
    }
    return res;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The same panel with its rows sorted by firm (stable). */
function sortedByFirm(frame: Frame): Frame {
  const firm = frame.columns.firm as Float64Array;
  const order = Int32Array.from({length: frame.nrows}, (_, i) => i).sort((a, b) => firm[a] - firm[b] || a - b);
  const columns: Frame["columns"] = {};
  for (const [k, c] of Object.entries(frame.columns)) {
    if (c instanceof Float64Array) columns[k] = Float64Array.from(order, (r) => c[r]);
    else columns[k] = Array.from(order, (r) => c[r]);
  }
  columns.pair = pairColumn(columns.pair_num as Float64Array); // coded as the reader codes it, in this order
  return {nrows: frame.nrows, columns};
}

export function runShuffledBench(runs = 3, log: (l: string) => void = console.log): Record<string, unknown> {
  const sizes = (process.env.DTB_BENCH_SHUFFLED_ROWS ?? "1000000,5000000").split(",").map(Number).filter((n) => n > 0);
  const out: Record<string, unknown> = {};
  for (const size of sizes) {
    const frame = shuffledPanel(size);
    const tag = `${(frame.nrows / 1e6).toFixed(1)}M`;
    log(`shuffled panel ${tag}: ${frame.nrows.toLocaleString("en-US")} rows in arbitrary order, ${new Set(frame.columns.firm as Float64Array).size.toLocaleString("en-US")} firms, 60 partners, 15 years, text pair id (e.g. "${(frame.columns.pair as string[])[0]}"), unbalanced with gaps`);
    const fx = timeFixest(frame, runs);
    const sorted = sortedByFirm(frame);
    const plain = withPlainTextPair(frame);
    const plainSorted = withPlainTextPair(sorted);
    for (const m of MODELS) {
      const e = timeEngine(() => m.run(m.plainText ? plain : frame), runs);
      const s = timeEngine(() => m.run(m.plainText ? plainSorted : sorted), runs);
      const f = fx?.[m.fixestKey ?? m.key];
      const diff = f ? maxRelDiff(e.result.coef, f.coef) : NaN;
      const ratio = f ? `${(e.wall / f.wall).toFixed(2)}x wall, ${(e.cpu / f.cpu).toFixed(2)}x CPU` : "n/a (fixest not found)";
      log(`  ${m.label}: engine ${e.wall.toFixed(0)} ms wall (${e.cpu.toFixed(0)} ms CPU); same rows sorted by firm ${s.wall.toFixed(0)} ms; fixest 1 thread ${f ? `${f.wall.toFixed(0)} ms wall (${f.cpu.toFixed(0)} ms CPU)` : "n/a"}${f ? `; max rel. coef diff vs fixest ${diff.toExponential(1)}` : ""}`);
      log(`${m.target === null ? "INFO" : "RATIO"} shuffled ${tag} ${m.key}: engine/fixest = ${ratio} (${m.target === null ? "no target" : `target <= ${m.target.toFixed(1)}`}); shuffled/sorted = ${(e.wall / s.wall).toFixed(2)}x`);
      out[`${tag}_${m.key}`] = {engine_ms: e.wall, engine_cpu_ms: e.cpu, sorted_ms: s.wall, fixest_ms: f?.wall ?? null, fixest_cpu_ms: f?.cpu ?? null, ratio_wall: f ? e.wall / f.wall : null, ratio_cpu: f ? e.cpu / f.cpu : null, coef_rel_diff: f ? diff : null};
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) runShuffledBench(Number(process.env.DTB_BENCH_RUNS ?? 3));
