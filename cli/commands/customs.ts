/**
 * `dtb customs aggregate|panel|synth`: customs transaction records (CSV or Parquet, any size) -> the
 * four-column customs file, a firm-level panel, or synthetic records. See data/customs/README.md
 * ("Transaction records") for the schema and loaders/customs-records/ for the SQL.
 *
 *   dtb customs aggregate --input GLOB --regions zj=33,wz=3303 [--modes cbec=9610,9710,9810,1210]
 *                         [--map value_usd=amount,...] [--out FILE.csv] [--emit-sql]
 *   dtb customs panel --input GLOB --level firm --out FILE.parquet [--country-panel FILE] [--regions ...]
 *   dtb customs synth --rows N --seed S --out DIR [--format parquet|csv]
 * Common: --memory-limit 4GB, --threads N, --temp-dir DIR (DuckDB spill folder).
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {UserError} from "../../src/lib/errors.js";
import {aggregateRecords, writeAtomic} from "../../loaders/customs-records/aggregate.js";
import type {Progress} from "../../loaders/customs-records/duckdb.js";
import {resolveInputs} from "../../loaders/customs-records/inputs.js";
import {firmPanel} from "../../loaders/customs-records/panel.js";
import {CBEC_MODES, parseMap, parseModes, parseRegions} from "../../loaders/customs-records/schema.js";
import {aggregateSql} from "../../loaders/customs-records/sql.js";
import {synthesize} from "../../loaders/customs-records/synth.js";

const USAGE = `usage:
  dtb customs aggregate --input FILE|DIR|GLOB --regions zj=33,wz=3303 [--modes cbec=9610,9710,9810,1210] [--map value_usd=amount,...] [--out FILE.csv] [--emit-sql]
  dtb customs panel --input FILE|DIR|GLOB --level firm --out FILE.parquet [--country-panel PANEL.csv] [--regions ...] [--modes cbec=...] [--map ...]
  dtb customs synth --rows N --seed S --out DIR [--format parquet|csv]
  options for all: --memory-limit 4GB --threads N --temp-dir DIR`;

const VALUED = ["input", "regions", "modes", "map", "out", "memory-limit", "threads", "temp-dir", "level", "country-panel", "rows", "seed", "format"];
const FLAGS = ["emit-sql", "quiet"];

/** `--key value` / `--key=value` pairs; unknown options are a UserError. */
export function parseCustomsArgs(args: string[]): {verb: string; opts: Record<string, string>; flags: Set<string>} {
  const [verb, ...rest] = args;
  if (!verb || !["aggregate", "panel", "synth"].includes(verb)) throw new UserError(`expected aggregate, panel or synth, got ${verb ? `"${verb}"` : "nothing"}\n${USAGE}`);
  const opts: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--")) throw new UserError(`unexpected argument "${a}" (options start with --)`);
    const eq = a.indexOf("=");
    const key = a.slice(2, eq < 0 ? undefined : eq);
    if (FLAGS.includes(key)) {
      flags.add(key);
      continue;
    }
    if (!VALUED.includes(key)) throw new UserError(`unknown option --${key} for customs ${verb}`);
    const value = eq < 0 ? rest[++i] : a.slice(eq + 1);
    if (value === undefined || value === "") throw new UserError(`--${key} needs a value`);
    opts[key] = value;
  }
  return {verb, opts, flags};
}

/** Progress line on a terminal (rows read, elapsed, rate); nothing when stderr is not a terminal. */
function progressPrinter(quiet: boolean): ((p: Progress) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  return (p) => {
    const s = p.elapsedMs / 1000;
    process.stderr.write(`\r  ${p.rows.toLocaleString("en")} rows read, ${s.toFixed(1)} s, ${Math.round(p.rows / Math.max(s, 1e-3)).toLocaleString("en")} rows/s   `);
  };
}

function duckOpts(o: Record<string, string>) {
  const threads = o.threads === undefined ? undefined : Number(o.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new UserError(`--threads must be a positive integer, got ${o.threads}`);
  if (o["memory-limit"] && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(o["memory-limit"])) throw new UserError(`--memory-limit must look like 4GB or 500MB, got ${o["memory-limit"]}`);
  return {memoryLimit: o["memory-limit"], threads, tempDir: o["temp-dir"]};
}

async function aggregate(o: Record<string, string>, flags: Set<string>): Promise<void> {
  const regions = parseRegions(o.regions);
  const groups = parseModes(o.modes);
  if (flags.has("emit-sql")) {
    process.stdout.write(
      `-- dtb customs aggregate: standard SQL (DuckDB, Spark SQL, Trino). It reads a table or view named\n` +
        `-- customs_records with the columns year, month, region_code, partner_iso3, customs_mode (text), value_usd.\n` +
        `-- The result is the four-column customs file: region, partner_iso3, year, exports_usd.\n` +
        aggregateSql(regions, groups) +
        "\n"
    );
    return;
  }
  const inputs = resolveInputs(o.input);
  const map = parseMap(o.map);
  const onProgress = progressPrinter(flags.has("quiet"));
  const r = await aggregateRecords({inputs, map, regions, groups, onProgress, ...duckOpts(o)});
  if (onProgress) process.stderr.write("\n");
  if (o.out) writeAtomic(o.out, r.csv);
  else process.stdout.write(r.csv);
  process.stderr.write(
    `dtb customs aggregate: ${r.records.toLocaleString("en")} records -> ${r.rows} rows (${r.labels.join(", ")})${o.out ? ` in ${o.out}` : ""}, ${(r.ms / 1000).toFixed(1)} s\n`
  );
}

async function panel(o: Record<string, string>, flags: Set<string>): Promise<void> {
  if (o.level !== "firm") throw new UserError(`--level must be firm (the only level for now), got ${o.level ? `"${o.level}"` : "nothing"}`);
  if (!o.out) throw new UserError("missing --out FILE.parquet");
  const inputs = resolveInputs(o.input);
  const map = parseMap(o.map);
  const groups = parseModes(o.modes);
  const cbecModes = groups.length ? groups.flatMap((g) => g.modes) : [...CBEC_MODES];
  const regions = o.regions ? parseRegions(o.regions) : [];
  let countryPanel = o["country-panel"];
  let tmp: string | null = null;
  if (!countryPanel) {
    // The analysis panel (cache -> snapshot -> live), as `dtb panel` writes it.
    const {buildPanel} = await import("../../loaders/build.js");
    const {frameToCsv} = await import("../../loaders/writers.js");
    tmp = mkdtempSync(join(tmpdir(), "dtb-country-"));
    countryPanel = join(tmp, "panel.csv");
    writeAtomic(countryPanel, frameToCsv((await buildPanel()).frame));
  }
  try {
    const onProgress = progressPrinter(flags.has("quiet"));
    const r = await firmPanel({inputs, map, countryPanel, cbecModes, regions, out: o.out, onProgress, ...duckOpts(o)});
    if (onProgress) process.stderr.write("\n");
    process.stderr.write(`dtb customs panel: ${r.rows.toLocaleString("en")} firm-partner-year rows, ${r.columns.length} columns in ${o.out}, ${(r.ms / 1000).toFixed(1)} s\n`);
  } finally {
    if (tmp) rmSync(tmp, {recursive: true, force: true});
  }
}

async function synth(o: Record<string, string>, flags: Set<string>): Promise<void> {
  const rows = Number(o.rows);
  if (!(Number.isInteger(rows) && rows >= 0)) throw new UserError(`--rows must be a whole number >= 0, got ${o.rows ?? "nothing"}`);
  if (o.seed === undefined) throw new UserError("missing --seed S (an integer or a word)");
  const seed = /^-?\d+$/.test(o.seed) ? Number(o.seed) : o.seed;
  if (!o.out) throw new UserError("missing --out DIR");
  const format = (o.format ?? "parquet") as "parquet" | "csv";
  if (!["parquet", "csv"].includes(format)) throw new UserError(`--format must be parquet or csv, got ${o.format}`);
  const t0 = performance.now();
  const tty = process.stderr.isTTY && !flags.has("quiet");
  const files = await synthesize({rows, seed, out: o.out, format, onPart: tty ? (d, t) => process.stderr.write(`\r  ${d.toLocaleString("en")} / ${t.toLocaleString("en")} records`) : undefined});
  if (tty) process.stderr.write("\n");
  process.stderr.write(`dtb customs synth: ${rows.toLocaleString("en")} SYNTHETIC records (seed ${o.seed}) in ${files.length} ${format} file(s) under ${o.out}, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

export async function run(args: string[]): Promise<void> {
  const {verb, opts, flags} = parseCustomsArgs(args);
  if (verb === "aggregate") await aggregate(opts, flags);
  else if (verb === "panel") await panel(opts, flags);
  else await synth(opts, flags);
}
