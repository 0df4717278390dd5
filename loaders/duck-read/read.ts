/**
 * Node only: CSV and Parquet files read by the native DuckDB (`@duckdb/node-api`) into the same
 * `ParsedTable` the project's own readers give (src/lib/table/csv.ts, parquet.ts): same columns, same
 * values, same missing cells, same text, same "first non-numeric cell" for error messages. Numbers
 * arrive as Float64Arrays copied from DuckDB's vectors; text arrives as dictionary codes with one string
 * per distinct value (the column is an array of those shared strings, its codes attached for `factorize`,
 * made when the column is first read: text.ts lazyColumn);
 * in a file of 200k rows or more the first text column is coded by a worker thread (coder-worker.ts)
 * while this one copies the numbers.
 *
 * Returns null whenever DuckDB's reading could differ from the JS reader's or DuckDB refuses the file:
 * the caller then reads the file with the JS reader, which gives today's result or today's one-line
 * error (file, line, column). The cases (see scan.ts and below): NUL bytes, a quote followed by a blank,
 * a blank line in a one-column file, unusual headers, a row with the wrong number of fields, a quote
 * problem, invalid UTF-8, mixed line ends, an infinite value, Parquet columns that are not numbers or
 * text, a digit separator ("1_000") in a column read as numbers (csv.ts). CSV column types come from the
 * JS reader's rule on the first rows (sample.ts); a column read as numbers that holds text later, or holds
 * "nan" / "inf", is read again as text (DuckDB's cast is not the JS reader's number rule; the text path
 * applies that rule to each distinct value).
 */
import {statSync} from "node:fs";
import type {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import type {NotNumeric, ParsedTable} from "../../src/lib/table/types.js";
import {type Built, collect, fallback, resetFallback} from "./collect.js";
import {readCsv} from "./csv.js";
import {dropSpareCoder, prestartCoder} from "./coder-worker.js";
import {sampleTypes} from "./sample.js";
import {type ParquetPlan, parquetPlan} from "./parquet-footer.js";
import {hasBlankLine, readHeader} from "./scan.js";
import {PARQUET_STREAM_BUFFER_KB, streamBufferMb} from "./stream-buffer.js";

/** Files from this size on start a coder thread early (a 200k-row firm CSV is ~15 MB, see collect.ts). */
const CODER_MIN_BYTES = 8 << 20;


const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export {declined, lastFallbackReason} from "./collect.js";
export {setStreamBufferMb} from "./stream-buffer.js";

/**
 * Reads `path` (.csv or .parquet) with DuckDB; null: read it with the JS reader instead.
 * `jsParse` reads the file with the JS reader (used lazily, for the line of a text cell in a file whose
 * lines are not simply rows + 2).
 */
export async function readTableDuck(path: string, format: "csv" | "parquet", source: string, jsParse: () => ParsedTable, columns?: readonly string[]): Promise<ParsedTable | null> {
  resetFallback();
  const {DuckDBInstance} = await import("../duck-api.js");
  const config: Record<string, string> = {autoinstall_known_extensions: "false", autoload_known_extensions: "false"};
  // Parquet: one DuckDB thread and a small streaming buffer (PARQUET_STREAM_BUFFER_KB). Decoding Parquet is
  // cheap next to coding its text ids, so the worker codes rows as they come, while DuckDB's thread and this
  // one (a fetch that finds the buffer short decodes on the fetching thread) decode the next, and each chunk
  // is copied while still in the cache. With two threads and a buffer holding the whole result, the worker
  // waited idle until DuckDB had decoded the file. 1M-row firm Parquet, 10 alternating runs, medians: ~280 ->
  // ~243 ms (1 MB ~228, 2 MB ~247, the same buffers with two threads ~250-273); 5M rows ~1,164 -> ~836 ms;
  // its six number columns alone ~185 -> ~165 ms; three text columns ~389 -> ~374 ms. CSV keeps two threads
  // and 128 MB: this setting read the 1M-row CSV in ~567 ms instead of ~522 (its parse is the larger part).
  if (process.env.DTB_DUCKDB_THREADS) config.threads = process.env.DTB_DUCKDB_THREADS;
  else if (format === "parquet") config.threads = "1";
  // DuckDB starts in a thread of its own (~15 ms) while the file's first bytes are read here.
  const starting = DuckDBInstance.create(":memory:", config);
  starting.catch(() => {}); // awaited below
  // A large file's text is coded by a worker thread (coder-worker.ts), started now to be ready with the first rows.
  if (statSync(path).size >= CODER_MIN_BYTES) prestartCoder();
  // Whatever fails from here on, the spare coder thread is stopped and DuckDB closed: a thread or an
  // instance left behind kept the process from exiting (DuckDB failing to start hung the command).
  let instance: DuckDBInstance | null = null;
  let closed = false;
  try {
    const header = format === "csv" ? readHeader(path) : null;
    // Parquet: the columns and row count from the footer, read while DuckDB starts (parquet-footer.ts).
    const footer = format === "parquet" ? parquetPlan(path) : null;
    let declinedEarly: string | null = null;
    if (format === "csv") {
      if (!header) declinedEarly = "header";
      else if (header.length === 1 && hasBlankLine(path)) declinedEarly = "blank line in a one-column file";
    }
    const sample = header && !declinedEarly ? sampleTypes(path, header) : null;
    instance = await starting;
    if (declinedEarly) return fallback(declinedEarly);
    const con = await instance.connect();
    // Closed as soon as the result is read whole (collect.ts `release`), else when the read ends.
    const release = () => {
      if (closed) return;
      closed = true;
      dropSpareCoder();
      con.closeSync();
      instance!.closeSync();
    };
    try {
      // CSV: DuckDB's threads parse into this buffer while this thread converts the chunks taken from it. Each
      // fetch that finds the buffer short first runs DuckDB's work on the fetching thread until it is full
      // again, so a small buffer makes this thread wait on every fetch. With the text coded by a worker
      // (coder-worker.ts), letting DuckDB parse the whole 1M-row result (~70 MB) on both cores first, then
      // converting on both, pays most. 1M-row firm CSV, machine shared, 8 runs each, medians: text coded here
      // with a 64 MB buffer ~487 ms (1 MB ~580, 32 MB ~490), here with 128 MB ~487, by the worker with 128 MB
      // ~450. Peak memory, 5M-row CSV: ~610 MB at 32 MB. Parquet: see "one DuckDB thread" above.
      await con.run(`SET streaming_buffer_size = '${format === "parquet" ? `${PARQUET_STREAM_BUFFER_KB}KB` : `${streamBufferMb()}MB`}'`);
      return header ? await readCsv(con, path, header, sample, source, jsParse, release, columns) : await readParquet(con, path, source, footer, release, columns);
    } finally {
      release();
    }
  } finally {
    dropSpareCoder();
    if (!instance) void starting.then((started) => started.closeSync(), () => {});
    else if (!closed) instance.closeSync();
  }
}

async function readParquet(con: DuckDBConnection, path: string, source: string, footer: ParquetPlan | null, release: () => void, columns?: readonly string[]): Promise<ParsedTable | null> {
  let plan = footer;
  if (!plan) {
    let described: Array<[string, string]>;
    try {
      const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
      described = r.getRows().map((row) => [String(row[0]), String(row[1])]);
    } catch (error) {
      return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
    }
    if (described.length === 0 || new Set(described.map(([n]) => n)).size !== described.length) return fallback("columns");
    const planned: ParquetPlan["columns"] = [];
    for (const [name, type] of described) {
      if (type === "DOUBLE" || type === "VARCHAR") planned.push({name, read: "as is"});
      else if (/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DECIMAL\(\d+,\d+\))$/.test(type)) planned.push({name, read: "cast"});
      else if (!columns || columns.includes(name)) return fallback(`column ${name} has type ${type}`);
    }
    let rows: number;
    try {
      const r = await con.runAndReadAll(`SELECT SUM(num_rows)::BIGINT FROM parquet_file_metadata(${lit(path)})`);
      rows = Number(r.getRows()[0][0]);
    } catch (error) {
      return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
    }
    plan = {columns: planned, rows};
  }
  const wanted = columns ? plan.columns.filter(({name}) => columns.includes(name)) : plan.columns;
  const exprs = wanted.map(({name, read}) => (read === "as is" ? ident(name) : `CAST(${ident(name)} AS DOUBLE) AS ${ident(name)}`));
  let built: Built | {retry: string[]} | null;
  try {
    const capacity = plan.rows;
    const result = await con.stream(`SELECT ${exprs.join(", ")} FROM read_parquet(${lit(path)})`);
    // The file's own row count: a read that ends short failed in DuckDB (see collect.ts fill).
    built = await collect(result, wanted.map(({name}) => name), "parquet", capacity, capacity, {expectedRows: capacity, release});
  } catch (error) {
    return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
  if (built === null || "retry" in built) return built === null ? null : fallback("infinite value");
  const notNumeric: Record<string, NotNumeric> = {};
  for (const [name, first] of Object.entries(built.firstText)) notNumeric[name] = {where: `row ${first.row < 0 ? 1 : first.row + 1}`, value: first.value};
  return {frame: {nrows: built.nrows, columns: built.columns}, source, format: "parquet", notNumeric};
}

