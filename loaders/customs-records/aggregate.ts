/**
 * `dtb customs aggregate`: transaction records -> the four-column customs file (region, partner_iso3,
 * year, exports_usd) that the panel reads. One pass over the records (sql.ts `cellsSql`), checks on
 * the cells, the label join, then the file is validated by the customs validator
 * (src/lib/customs/validate.ts) and written atomically (temp file beside it, then rename).
 */
import {writeFileSync, renameSync, rmSync, mkdirSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {randomBytes} from "node:crypto";
import type {DuckDBConnection} from "@duckdb/node-api";
import {UserError} from "../../src/lib/errors.js";
import {parseCsv} from "../../src/lib/customs/csv.js";
import {isIso3Code, validateCustoms} from "../../src/lib/customs/validate.js";
import {duckError, openDuck, runWithProgress, type DuckOptions, type Progress} from "./duckdb.js";
import type {Inputs} from "./inputs.js";
import {outputLabels, type ColumnMap, type ModeGroup, type RecordColumn, type RegionSpec} from "./schema.js";
import {AGGREGATE_COLUMNS, NOT_WHOLE, cellsSql, finalSql, ident, lit, readFilesSql, sourceViewSql} from "./sql.js";

export interface AggregateOptions extends DuckOptions {
  inputs: Inputs;
  map: ColumnMap;
  regions: RegionSpec[];
  groups: ModeGroup[];
  onProgress?: (p: Progress) => void;
}

export interface AggregateResult {
  csv: string;
  rows: number;
  records: number;
  labels: string[];
  ms: number;
}

/** Input columns and their DuckDB types (reads Parquet footers / sniffs a CSV sample, not the data). */
async function describe(con: DuckDBConnection, from: string, what: string): Promise<Record<string, string>> {
  try {
    const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    return Object.fromEntries(r.getRows().map((row) => [String(row[0]), String(row[1])]));
  } catch (e) {
    throw duckError(e, what);
  }
}

/** Checks every needed column is present; the error names the canonical and the mapped name. */
export function checkColumns(types: Record<string, string>, map: ColumnMap, needed: RecordColumn[], what: string): void {
  for (const c of needed) {
    if (!(map[c] in types)) {
      const mapped = map[c] === c ? "" : ` (mapped from "${map[c]}")`;
      const found = Object.keys(types);
      throw new UserError(`missing column "${map[c]}"${mapped === "" ? "" : ""} for ${c}${mapped} in ${what}; columns found: ${found.slice(0, 12).join(", ")}${found.length > 12 ? ", ..." : ""}${map[c] === c ? " (use --map " + c + "=NAME)" : ""}`);
    }
  }
}

/** The table function reading `files` (all inputs by default); a file with mixed line endings is read non-strictly. */
function inputsSql(inputs: Inputs, extra = "", files = inputs.files): string {
  return readFilesSql(files, inputs.format, inputs.header, (inputs.mixedNewlines ? ", strict_mode = false" : "") + extra);
}

/**
 * Where the first record matching `cond` (SQL over the input's own column names) is: " (first in FILE, line N)"
 * for CSV (N counts the header as line 1; a quoted field spanning lines shifts it), "row N" for Parquet.
 * Failure path only: one more read of the files, stopping at the first match.
 */
export async function locateRecord(con: DuckDBConnection, inputs: Inputs, cond: string): Promise<string> {
  try {
    for (const file of inputs.files) {
      const sql =
        inputs.format === "csv"
          ? `SELECT line FROM (SELECT row_number() OVER () + 1 AS line, * FROM ${inputsSql(inputs, "", [file])}) WHERE ${cond} ORDER BY line LIMIT 1`
          : `SELECT file_row_number + 1 AS line FROM ${inputsSql(inputs, ", file_row_number = true", [file])} WHERE ${cond} ORDER BY line LIMIT 1`;
      const r = await rowsOf(con, sql);
      if (r.length) return ` (first in ${file}, ${inputs.format === "csv" ? "line" : "row"} ${Number(r[0].line)})`;
    }
  } catch {
    /* the location is a courtesy: the error itself stands without it */
  }
  return "";
}

/** A DuckDB error raised by `wholeOrError` -> one line naming the column, the value, the file and the line; else null. */
async function notWholeError(e: unknown, con: DuckDBConnection, inputs: Inputs, map: ColumnMap): Promise<UserError | null> {
  const msg = e instanceof Error ? e.message : String(e);
  const m = msg.match(new RegExp(NOT_WHOLE + "([a-z_]+)"));
  if (!m || !(m[1] in map)) return null;
  const c = m[1] as RecordColumn;
  const name = map[c] === c ? c : `${map[c]} (${c})`;
  const num = `TRY_CAST(${ident(map[c])} AS DOUBLE)`;
  const cond = `${num} <> TRUNC(${num})`;
  let value = "";
  try {
    const r = await rowsOf(con, `SELECT ${ident(map[c])} AS v FROM ${inputsSql(inputs)} WHERE ${cond} LIMIT 1`);
    if (r.length) value = ` ${String(r[0].v).trim()}`;
  } catch {
    /* the value is a courtesy too */
  }
  return new UserError(`bad ${c}${value}: ${name} must be a whole number${await locateRecord(con, inputs, cond)}`);
}

/** Runs `sql` over the records; DuckDB's errors become one line (a fractional year or month names its record). */
export async function runOverRecords(con: DuckDBConnection, inputs: Inputs, map: ColumnMap, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    throw (await notWholeError(e, con, inputs, map)) ?? duckError(e, what);
  }
}

/** Opens the records as the view `customs_records` (the relation the standard SQL reads). */
export async function openRecords(con: DuckDBConnection, inputs: Inputs, map: ColumnMap, needed: RecordColumn[]): Promise<string> {
  const what = inputs.files.length === 1 ? inputs.files[0] : `${inputs.files.length} files (${inputs.files[0]}, ...)`;
  const from = inputsSql(inputs);
  const types = await describe(con, from, what);
  checkColumns(types, map, needed, what);
  await con.run(`CREATE OR REPLACE TEMP VIEW customs_records AS ${sourceViewSql(from, map, needed, types)}`);
  return what;
}

type Row = Record<string, unknown>;

async function rowsOf(con: DuckDBConnection, sql: string): Promise<Row[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjectsJS() as Row[];
}

/**
 * The checks, on the cells only (no new pass over the records): codes, months, values. On a failure one
 * more query finds the first offending record's file (failure path only).
 */
async function checkCells(con: DuckDBConnection, inputs: Inputs, map: ColumnMap, what: string): Promise<number> {
  const where = (cond: string): Promise<string> => locateRecord(con, inputs, cond);
  const name = (c: keyof ColumnMap) => (map[c] === c ? c : `${map[c]} (${c})`);
  const totals = (await rowsOf(con, `SELECT SUM(n_records) AS n, SUM(n_values) AS nv, MIN(min_value) AS vmin, MIN(min_month) AS mmin, MAX(max_month) AS mmax, SUM(n_months) AS nm FROM cells`))[0];
  const n = Number(totals.n ?? 0);
  if (n === 0) throw new UserError(`${what} holds no record`);
  if (Number(totals.nv) < n) throw new UserError(`${n - Number(totals.nv)} record(s) have no ${name("value_usd")}${await where(`${ident(map.value_usd)} IS NULL`)}`);
  if (Number(totals.vmin) < 0 || !Number.isFinite(Number(totals.vmin))) throw new UserError(`${name("value_usd")} must be a finite number >= 0; found ${totals.vmin}${await where(`TRY_CAST(${ident(map.value_usd)} AS DOUBLE) < 0`)}`);
  if (Number(totals.nm) < n) throw new UserError(`${n - Number(totals.nm)} record(s) have no ${name("month")}`);
  if (Number(totals.mmin) < 1 || Number(totals.mmax) > 12) throw new UserError(`bad month ${Number(totals.mmin) < 1 ? totals.mmin : totals.mmax}: ${name("month")} must be 1-12${await where(`TRY_CAST(${ident(map.month)} AS INTEGER) NOT BETWEEN 1 AND 12`)}`);
  const distinct = async (col: string) => (await rowsOf(con, `SELECT ${col} AS v, SUM(n_records) AS n FROM cells GROUP BY ${col}`)).map((r) => ({v: r.v as string | number | null, n: Number(r.n)}));
  for (const {v, n: k} of await distinct("customs_mode")) {
    if (v === null || !/^\d{4}$/.test(String(v))) throw new UserError(`bad customs_mode ${JSON.stringify(v)} in ${k} record(s): a supervision mode is 4 digits, e.g. 9610${v === null ? "" : await where(`TRIM(CAST(${ident(map.customs_mode)} AS VARCHAR)) = ${lit(String(v))}`)}`);
  }
  for (const {v, n: k} of await distinct("partner_iso3")) {
    if (v === null || !isIso3Code(String(v))) throw new UserError(`bad partner_iso3 ${JSON.stringify(v)} in ${k} record(s): not an ISO 3166-1 alpha-3 code in capitals${v === null ? "" : await where(`TRIM(CAST(${ident(map.partner_iso3)} AS VARCHAR)) = ${lit(String(v))}`)}`);
  }
  for (const {v, n: k} of await distinct("region_prefix")) {
    if (v === null || !/^\d{2,}$/.test(String(v))) throw new UserError(`bad region_code starting ${JSON.stringify(v)} in ${k} record(s): a region code is digits (province 2, city 4, county 6)`);
  }
  for (const {v, n: k} of await distinct("year")) {
    if (v === null || !(Number(v) >= 1900 && Number(v) <= 2100)) throw new UserError(`bad year ${JSON.stringify(v)} in ${k} record(s): expected a 4-digit year`);
  }
  return n;
}

/** Formats the result rows as the four-column CSV (shortest round-trip numbers). */
function toCsv(rows: Row[]): string {
  const lines = ["region,partner_iso3,year,exports_usd"];
  for (const r of rows) lines.push(`${r.region},${r.partner_iso3},${Number(r.year)},${Number(r.exports_usd)}`);
  return lines.join("\n") + "\n";
}

/** Runs the aggregation and returns the CSV text (validated), without writing it. */
export async function aggregateRecords(opts: AggregateOptions): Promise<AggregateResult> {
  const t0 = performance.now();
  const labels = outputLabels(opts.regions, opts.groups);
  const duck = await openDuck(opts);
  try {
    const what = await openRecords(duck.con, opts.inputs, opts.map, AGGREGATE_COLUMNS);
    await runOverRecords(duck.con, opts.inputs, opts.map, what, () => runWithProgress(duck.con, `CREATE TEMP TABLE cells AS ${cellsSql(opts.regions)}`, opts.onProgress));
    const records = await checkCells(duck.con, opts.inputs, opts.map, what);
    const rows = await rowsOf(duck.con, finalSql(opts.regions, opts.groups));
    const csv = toCsv(rows);
    const table = parseCsv(csv);
    const asObjects = table.records.map((rec) => Object.fromEntries(table.header.map((h, j) => [h, rec[j] ?? ""])));
    const v = validateCustoms(asObjects, table.header, table.lines);
    if (v.problems.length) {
      const p = v.problems[0];
      throw new UserError(`the aggregated file fails the customs validator: line ${p.line}${p.column ? `, column ${p.column}` : ""}: ${p.message}`);
    }
    return {csv, rows: rows.length, records, labels, ms: performance.now() - t0};
  } finally {
    duck.close();
  }
}

/** Atomic write: temp file in the same folder, then rename; a full disk is one plain line, no partial file. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const out = resolve(path);
  mkdirSync(dirname(out), {recursive: true});
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, {force: true});
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError(`disk full while writing ${path}; nothing was written`);
    throw new UserError(`cannot write ${path}: ${code ?? (e as Error).message}`);
  }
}
