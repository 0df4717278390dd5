/**
 * `dtb customs aggregate` on a CSV of customs records with renamed columns (`--map`), against the bare
 * aggregation in DuckDB (bench/customs-csv-direct.mjs: plain Node, DuckDB's own CSV type detection, the
 * same standard SQL, no checks), both as cold processes, runs alternated; issue 22 asks for <= 1.5x.
 * The records are the synthetic generator's (loaders/customs-records/synth.ts) with `partner_iso3` and
 * `value_usd` renamed `dest` and `amount`. Environment: DTB_BENCH_CUSTOMS_CSV_ROWS (default 2000000,
 * "0" skips), DTB_BENCH_E2E_DIR (data folder, kept between runs).
 */
import {spawnSync} from "node:child_process";
import {createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {createInterface} from "node:readline";
import {fileURLToPath} from "node:url";
import {parseModes, parseRegions} from "../loaders/customs-records/schema.ts";
import {aggregateSql} from "../loaders/customs-records/sql.ts";
import {synthesize} from "../loaders/customs-records/synth.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REGIONS = "zj=33,wz=3303";
const MODES = "cbec=9610,9710,9810,1210";
const MAP = {partner_iso3: "dest", value_usd: "amount"};

function timed(args: string[]): {wall: number; peakMb: number} {
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", process.execPath, ...args], {cwd: root, encoding: "utf8"});
  const m = /TIME ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  if (r.status !== 0 || !m) throw new Error(`${args.join(" ")} failed: ${(r.stderr ?? "").slice(-400)}`);
  return {wall: Number(m[1]), peakMb: Number(m[2]) / 1024};
}

/** The records CSV with the mapped header (written once, kept). */
async function recordsCsv(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `customs-records-${rows}.csv`);
  if (existsSync(file)) return file;
  const synthDir = path.join(dir, `customs-synth-${rows}`);
  const [part] = await synthesize({rows, seed: 2026, out: synthDir, format: "csv", partRows: rows});
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let first = true;
  for await (const line of createInterface({input: createReadStream(part)})) {
    const text = first ? line.split(",").map((h) => (MAP as Record<string, string>)[h] ?? h).join(",") : line;
    first = false;
    if (!out.write(text + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, file);
  rmSync(synthDir, {recursive: true, force: true});
  return file;
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];

export async function runCustomsCsvBench(rows: number, runs: number, log = console.log): Promise<Record<string, number>> {
  const dir = process.env.DTB_BENCH_E2E_DIR ?? path.join(tmpdir(), "dtb-bench-e2e");
  mkdirSync(dir, {recursive: true});
  const csv = await recordsCsv(dir, rows);
  const sqlFile = path.join(dir, "customs-aggregate.sql");
  writeFileSync(sqlFile, aggregateSql(parseRegions(REGIONS), parseModes(MODES)));
  const map = Object.entries(MAP).map(([k, v]) => `${k}=${v}`).join(",");
  const cmd: Array<{wall: number; peakMb: number}> = [];
  const bare: Array<{wall: number; peakMb: number}> = [];
  for (let r = 0; r < runs; r++) {
    cmd.push(timed([path.join(root, "bin", "dtb.js"), "customs", "aggregate", "--input", csv, "--regions", REGIONS, "--modes", MODES, "--map", map, "--out", path.join(dir, "customs-cmd.csv"), "--threads", "2", "--quiet"]));
    bare.push(timed([path.join(root, "bench", "customs-csv-direct.mjs"), sqlFile, csv, path.join(dir, "customs-bare.csv"), "2", JSON.stringify(MAP)]));
  }
  const out = {
    customs_csv_rows: rows,
    customs_csv_cmd_s: median(cmd.map((x) => x.wall)),
    customs_csv_bare_s: median(bare.map((x) => x.wall)),
    customs_csv_cmd_peak_mb: median(cmd.map((x) => x.peakMb)),
    customs_csv_bare_peak_mb: median(bare.map((x) => x.peakMb)),
    customs_csv_ratio: median(cmd.map((x, i) => x.wall / bare[i].wall))
  };
  log(`\n# dtb customs aggregate, ${rows.toLocaleString("en")}-record CSV with --map, vs the bare aggregation in DuckDB; ${runs} runs, medians`);
  log(`customs CSV aggregate: dtb ${out.customs_csv_cmd_s.toFixed(2)} s (${out.customs_csv_cmd_peak_mb.toFixed(0)} MB) | bare DuckDB ${out.customs_csv_bare_s.toFixed(2)} s (${out.customs_csv_bare_peak_mb.toFixed(0)} MB)`);
  log(`ratio customs CSV aggregate dtb/bare DuckDB: ${out.customs_csv_ratio.toFixed(2)}x (target <= 1.5x)`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCustomsCsvBench(Number(process.env.DTB_BENCH_CUSTOMS_CSV_ROWS ?? 2_000_000), Number(process.env.DTB_BENCH_E2E_RUNS ?? 3));
}
