/**
 * Benchmark of `dtb customs aggregate` (loaders/customs-records): N synthetic records in Parquet, the
 * command end to end (a child process: Node + tsx start-up, schema check, the one-pass SQL, checks on the
 * cells, validation, atomic write) against DuckDB directly (bench/customs-direct.mjs), alternately, with the
 * same memory limit and threads, on two references: the command's own statements (the cells with their
 * check aggregates as a temp table, then the final query: the target ratio ~1) and the one statement
 * `--emit-sql` prints (the optimizer drops the check aggregates there, as nothing reads them). Wall time, CPU time and peak RSS from
 * /usr/bin/time. Standalone: `npx tsx bench/customs.ts` with
 *   DTB_BENCH_CUSTOMS_ROWS   number of records (default 5,000,000; the issue's figure is 50,000,000)
 *   DTB_BENCH_CUSTOMS_DIR    reuse (or keep) the synthetic records in this folder
 *   DTB_BENCH_RUNS           repetitions of each (default 3)
 * `npm run bench` runs it when DTB_BENCH_CUSTOMS_ROWS is set.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {parseModes, parseRegions} from "../loaders/customs-records/schema.ts";
import {aggregateSql, cellsSql, finalSql} from "../loaders/customs-records/sql.ts";
import {synthesize} from "../loaders/customs-records/synth.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REGIONS = "zj=33,wz=3303";
const MODES = "cbec=9610,9710,9810,1210";
const MEM = process.env.DTB_BENCH_CUSTOMS_MEMORY ?? "4GB";
const THREADS = "2";

interface Run {
  wall: number;
  cpu: number;
  peakMb: number;
}

/** Runs a command under /usr/bin/time: wall s, CPU s (user + sys), peak RSS. */
function timed(cmd: string, args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", cmd, ...args], {cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"]});
  if (r.status !== 0) throw Object.assign(new Error("failed"), {stderr: r.stderr});
  return parseTime(r.stderr);
}
function parseTime(stderr: string): Run {
  const m = stderr.match(/TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/);
  if (!m) throw new Error(`no timing in: ${stderr}`);
  return {wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), peakMb: Number(m[4]) / 1024};
}
function timedCapture(cmd: string, args: string[]): Run {
  try {
    return timed(cmd, args);
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed: ${(e as {stderr?: string}).stderr ?? e}`);
  }
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];

export async function runCustomsBench(rows: number, runs: number, log = console.log): Promise<Record<string, number>> {
  const keep = process.env.DTB_BENCH_CUSTOMS_DIR;
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), "dtb-customs-bench-"));
  const work = mkdtempSync(path.join(tmpdir(), "dtb-customs-out-"));
  try {
    const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".parquet")) : [];
    let synthS = NaN;
    if (!keep || have.length === 0) {
      const t = performance.now();
      await synthesize({rows, seed: 2026, out: dir});
      synthS = (performance.now() - t) / 1000;
    }
    const files = readdirSync(dir).filter((f) => f.endsWith(".parquet"));
    const bytes = files.reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
    const sqlFile = path.join(work, "aggregate.sql");
    writeFileSync(sqlFile, aggregateSql(parseRegions(REGIONS), parseModes(MODES)));
    const cellsFile = path.join(work, "cells.sql");
    const finalFile = path.join(work, "final.sql");
    writeFileSync(cellsFile, cellsSql(parseRegions(REGIONS)));
    writeFileSync(finalFile, finalSql(parseRegions(REGIONS), parseModes(MODES)));
    const glob = path.join(dir, "*.parquet");
    // Fixed costs (process start, tsx, DuckDB start-up) from a 1,000-record input, measured the same way.
    const tiny = path.join(work, "tiny");
    await synthesize({rows: 1000, seed: 1, out: tiny});
    const runCmd = (g: string) => timedCapture(process.execPath, [path.join(root, "bin", "dtb.js"), "customs", "aggregate", "--input", g, "--regions", REGIONS, "--modes", MODES, "--out", path.join(work, "cmd.csv"), "--memory-limit", MEM, "--threads", THREADS, "--quiet"]);
    const runDirect = (g: string) => timedCapture(process.execPath, [path.join(root, "bench", "customs-direct.mjs"), sqlFile, g, path.join(work, "direct.csv"), MEM, THREADS]);
    const runSame = (g: string) => timedCapture(process.execPath, [path.join(root, "bench", "customs-direct.mjs"), finalFile, g, path.join(work, "same.csv"), MEM, THREADS, cellsFile]);
    const cmd: Run[] = [];
    const direct: Run[] = [];
    const cmd0: Run[] = [];
    const direct0: Run[] = [];
    const same: Run[] = [];
    const same0: Run[] = [];
    for (let r = 0; r < runs; r++) {
      cmd.push(runCmd(glob));
      same.push(runSame(glob));
      direct.push(runDirect(glob));
      same0.push(runSame(path.join(tiny, "*.parquet")));
      cmd0.push(runCmd(path.join(tiny, "*.parquet")));
      direct0.push(runDirect(path.join(tiny, "*.parquet")));
    }
    const out = {
      customs_rows: rows,
      customs_parquet_mb: bytes / 2 ** 20,
      customs_synth_s: synthS,
      cmd_wall_s: median(cmd.map((x) => x.wall)),
      cmd_cpu_s: median(cmd.map((x) => x.cpu)),
      cmd_peak_mb: median(cmd.map((x) => x.peakMb)),
      direct_wall_s: median(direct.map((x) => x.wall)),
      direct_cpu_s: median(direct.map((x) => x.cpu)),
      direct_peak_mb: median(direct.map((x) => x.peakMb)),
      same_wall_s: median(same.map((x) => x.wall)),
      same_cpu_s: median(same.map((x) => x.cpu)),
      same_peak_mb: median(same.map((x) => x.peakMb)),
      same_wall_ratio: median(cmd.map((x, i) => x.wall / same[i].wall)),
      same_cpu_ratio: median(cmd.map((x, i) => x.cpu / same[i].cpu)),
      same_fixed_cpu_s: median(same0.map((x) => x.cpu)),
      wall_ratio: median(cmd.map((x, i) => x.wall / direct[i].wall)),
      cpu_ratio: median(cmd.map((x, i) => x.cpu / direct[i].cpu)),
      cmd_fixed_cpu_s: median(cmd0.map((x) => x.cpu)),
      direct_fixed_cpu_s: median(direct0.map((x) => x.cpu)),
      cmd_fixed_wall_s: median(cmd0.map((x) => x.wall)),
      direct_fixed_wall_s: median(direct0.map((x) => x.wall))
    };
    const dataCpuRatio = (out.cmd_cpu_s - out.cmd_fixed_cpu_s) / (out.direct_cpu_s - out.direct_fixed_cpu_s);
    const sameDataCpuRatio = (out.cmd_cpu_s - out.cmd_fixed_cpu_s) / (out.same_cpu_s - out.same_fixed_cpu_s);
    log(`customs aggregate: ${rows.toLocaleString("en")} synthetic records, ${files.length} Parquet file(s), ${out.customs_parquet_mb.toFixed(0)} MB${Number.isNaN(synthS) ? "" : `; synth ${synthS.toFixed(0)} s`}`);
    log(`  dtb customs aggregate   wall ${out.cmd_wall_s.toFixed(1)} s  CPU ${out.cmd_cpu_s.toFixed(1)} s  peak RSS ${out.cmd_peak_mb.toFixed(0)} MB`);
    log(`  its statements, DuckDB direct  wall ${out.same_wall_s.toFixed(1)} s  CPU ${out.same_cpu_s.toFixed(1)} s  peak RSS ${out.same_peak_mb.toFixed(0)} MB`);
    log(`  --emit-sql statement, direct   wall ${out.direct_wall_s.toFixed(1)} s  CPU ${out.direct_cpu_s.toFixed(1)} s  peak RSS ${out.direct_peak_mb.toFixed(0)} MB (check aggregates pruned)`);
    log(`  ratio command / its statements direct: wall ${out.same_wall_ratio.toFixed(2)}, CPU ${out.same_cpu_ratio.toFixed(2)}; beyond fixed costs CPU ${sameDataCpuRatio.toFixed(2)}`);
    log(`  ratio command / --emit-sql direct: wall ${out.wall_ratio.toFixed(2)}, CPU ${out.cpu_ratio.toFixed(2)}; memory limit ${MEM}, ${THREADS} threads, ${runs} runs each (medians)`);
    log(`  fixed costs (1,000 records): command wall ${out.cmd_fixed_wall_s.toFixed(1)} s CPU ${out.cmd_fixed_cpu_s.toFixed(1)} s; direct wall ${out.direct_fixed_wall_s.toFixed(1)} s CPU ${out.direct_fixed_cpu_s.toFixed(1)} s`);
    log(`  CPU beyond the fixed costs (the work on the records): command / direct = ${dataCpuRatio.toFixed(2)}`);
    return {...out, data_cpu_ratio: dataCpuRatio, same_data_cpu_ratio: sameDataCpuRatio};
  } finally {
    rmSync(work, {recursive: true, force: true});
    if (!keep) rmSync(dir, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCustomsBench(Number(process.env.DTB_BENCH_CUSTOMS_ROWS ?? 5_000_000), Number(process.env.DTB_BENCH_RUNS ?? 3));
}
