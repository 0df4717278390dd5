/**
 * Node only: CSV and Parquet files read by the native DuckDB (`@duckdb/node-api`) into the same
 * `ParsedTable` the project's own readers give (src/lib/table/csv.ts, parquet.ts): same columns, same
 * values, same missing cells, same text, same "first non-numeric cell" for error messages. Numbers
 * arrive as Float64Arrays copied from DuckDB's vectors; text arrives as dictionary codes with one string
 * per distinct value (the column is an array of those shared strings, its codes attached for `factorize`).
 *
 * Returns null whenever DuckDB's reading could differ from the JS reader's or DuckDB refuses the file:
 * the caller then reads the file with the JS reader, which gives today's result or today's one-line
 * error (file, line, column). The cases (see scan.ts and below): NUL bytes, a quote followed by a blank,
 * a blank line in a one-column file, unusual headers, a row with the wrong number of fields, a quote
 * problem, invalid UTF-8, mixed line ends, an infinite value, Parquet columns that are not numbers or
 * text. A column DuckDB guessed as numbers from its sample but that holds text later, or holds "nan" /
 * "inf", is read again as text (DuckDB's cast is not the JS reader's number rule; the text path applies
 * that rule to each distinct value).
 */
import {statSync} from "node:fs";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import type {DuckDBConnection, DuckDBResult} from "@duckdb/node-api";
import type {Column} from "../../src/lib/engine/types.js";
import type {NotNumeric, ParsedTable} from "../../src/lib/table/types.js";
import {copyDoubles, fetchRawChunk, TextCoder} from "./columns.js";
import {csvText, parquetText} from "./text.js";
import {estimateRows, hasBlankLine, readHeader, scanQuotes} from "./scan.js";

/** Rows DuckDB may parse ahead of the conversion (see readTableDuck). */
const STREAM_BUFFER = "32MB";

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

let lastFallback = "";

/** Why the last read was declined to the JS reader ("" when DuckDB read it): for tests and DTB_READ_TRACE. */
export function lastFallbackReason(): string {
  return lastFallback;
}

function fallback(reason: string): null {
  lastFallback = reason;
  if (process.env.DTB_READ_TRACE) process.stderr.write(`dtb: the JS reader reads this file (${reason})\n`);
  return null;
}

/** Records an unexpected failure inside the DuckDB reader (the JS reader then reads the file). */
export function declined(error: unknown): void {
  fallback(`error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
}

/**
 * Reads `path` (.csv or .parquet) with DuckDB; null: read it with the JS reader instead.
 * `jsParse` reads the file with the JS reader (used lazily, for the line of a text cell in a file whose
 * lines are not simply rows + 2).
 */
export async function readTableDuck(path: string, format: "csv" | "parquet", source: string, jsParse: () => ParsedTable, columns?: readonly string[]): Promise<ParsedTable | null> {
  lastFallback = "";
  const header = format === "csv" ? readHeader(path) : null;
  if (format === "csv") {
    if (!header) return fallback("header");
    if (header.length === 1 && hasBlankLine(path)) return fallback("blank line in a one-column file");
  }
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const config: Record<string, string> = {autoinstall_known_extensions: "false", autoload_known_extensions: "false"};
  if (process.env.DTB_DUCKDB_THREADS) config.threads = process.env.DTB_DUCKDB_THREADS;
  const instance = await DuckDBInstance.create(":memory:", config);
  const con = await instance.connect();
  // DuckDB's threads parse ahead of the chunks taken here while this thread converts them: with the
  // default 1 MB buffer they stop after a few chunks (1M-row firm CSV: ~0.58 s; 32 MB: ~0.46 s). A larger
  // buffer makes the first chunk wait for it to fill.
  await con.run(`SET streaming_buffer_size = '${STREAM_BUFFER}'`);
  try {
    return header ? await readCsv(con, path, header, source, jsParse, columns) : await readParquet(con, path, source, columns);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

async function readCsv(con: DuckDBConnection, path: string, header: string[], source: string, jsParse: () => ParsedTable, columns?: readonly string[]): Promise<ParsedTable | null> {
  const asText = new Set<string>();
  const wanted = columns ? new Set(columns) : null;
  const selected = wanted ? header.filter((h) => wanted.has(h)) : header;
  for (let attempt = 0; attempt <= header.length; attempt++) {
    const types = [...asText].map((c) => `${lit(c)}: 'VARCHAR'`).join(", ");
    const sql =
      `read_csv(${lit(path)}, header = true, delim = ',', quote = '"', escape = '"', skip = 0, comment = '', ` +
      `buffer_size = 4194304, nullstr = ['', 'NA', 'NaN', '.'], auto_type_candidates = ['DOUBLE', 'VARCHAR'], names = [${header.map(lit).join(", ")}]` +
      `${types ? `, types = {${types}}` : ""})`;
    if (wanted && attempt === 0) {
      // Only some columns are read: the file's own column count is checked first (a row longer than the header).
      try {
        const d = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${sql}`);
        if (d.currentRowCount !== header.length) return fallback("columns");
      } catch (error) {
        return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
      }
    }
    const query = `SELECT ${wanted ? selected.map(ident).join(", ") : "*"} FROM ${sql}`;
    let built: Built | {retry: string[]} | null;
    try {
      // DuckDB works in its own threads; the quote scan runs here meanwhile.
      const running = con.stream(query);
      running.catch(() => {}); // awaited below; this only keeps a failure during the scan from going unhandled
      const quotes = attempt === 0 ? scanQuotes(path) : null;
      const result = await running;
      if (quotes?.quoteBlank) return fallback("quote followed by a blank");
      const names = result.columnNames();
      if (names.length !== selected.length || names.some((n, j) => n !== selected[j])) return fallback("columns");
      // A row holds at least one byte per column (separators and line end): an upper bound on the rows.
      // The arrays start at the count estimated from the first megabyte (scan.ts) and grow if it was short.
      const size = statSync(path).size;
      const bound = Math.floor(size / header.length) + 1;
      built = await collect(result, names, "csv", Math.min(bound, estimateRows(path, size)), bound);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const m = /\nColumn (.+) is being converted as type /.exec(message);
      if (m && header.includes(m[1]) && !asText.has(m[1])) {
        asText.add(m[1]);
        continue;
      }
      return fallback(`DuckDB: ${message.split("\n")[0]}`);
    }
    if (built === null) return null;
    if ("retry" in built) {
      for (const name of built.retry) asText.add(name);
      continue;
    }
    const notNumeric: Record<string, NotNumeric> = {};
    let plain: boolean | null = null;
    const plainLines = () => (plain ??= !scanQuotes(path).hasQuote && !hasBlankLine(path));
    for (const [name, first] of Object.entries(built.firstText)) notNumeric[name] = lazyWhere(first, plainLines, jsParse, name);
    return {frame: {nrows: built.nrows, columns: built.columns}, source, format: "csv", notNumeric};
  }
  return fallback("too many retries");
}

/**
 * The first non-numeric cell of a text column, its line computed when a message asks for it (the error
 * path): row + 2 in a file without quotes or blank lines, else the JS reader's line.
 */
function lazyWhere(first: {row: number; value: string | null}, plainLines: () => boolean, jsParse: () => ParsedTable, name: string): NotNumeric {
  let where: string | null = null;
  return {
    value: first.value,
    get where() {
      if (where === null) {
        if (plainLines()) where = `line ${first.row + 2}`;
        else {
          try {
            where = jsParse().notNumeric[name]?.where ?? "";
          } catch {
            where = "";
          }
        }
      }
      return where;
    }
  };
}

async function readParquet(con: DuckDBConnection, path: string, source: string, columns?: readonly string[]): Promise<ParsedTable | null> {
  let described: Array<[string, string]>;
  try {
    const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
    described = r.getRows().map((row) => [String(row[0]), String(row[1])]);
  } catch (error) {
    return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
  if (described.length === 0 || new Set(described.map(([n]) => n)).size !== described.length) return fallback("columns");
  if (columns) described = described.filter(([name]) => columns.includes(name));
  const exprs: string[] = [];
  for (const [name, type] of described) {
    if (type === "DOUBLE" || type === "VARCHAR") exprs.push(ident(name));
    else if (/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DECIMAL\(\d+,\d+\))$/.test(type)) exprs.push(`CAST(${ident(name)} AS DOUBLE) AS ${ident(name)}`);
    else return fallback(`column ${name} has type ${type}`);
  }
  let built: Built | {retry: string[]} | null;
  try {
    const rows = await con.runAndReadAll(`SELECT SUM(num_rows)::BIGINT FROM parquet_file_metadata(${lit(path)})`);
    const capacity = Number(rows.getRows()[0][0]);
    const result = await con.stream(`SELECT ${exprs.join(", ")} FROM read_parquet(${lit(path)})`);
    built = await collect(result, described.map(([n]) => n), "parquet", capacity, capacity);
  } catch (error) {
    return fallback(`DuckDB: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
  if (built === null || "retry" in built) return built === null ? null : fallback("infinite value");
  const notNumeric: Record<string, NotNumeric> = {};
  for (const [name, first] of Object.entries(built.firstText)) notNumeric[name] = {where: `row ${first.row < 0 ? 1 : first.row + 1}`, value: first.value};
  return {frame: {nrows: built.nrows, columns: built.columns}, source, format: "parquet", notNumeric};
}

interface Built {
  nrows: number;
  columns: Record<string, Column>;
  /** Text columns: first data row (0-based) holding a cell that is not a number, and that cell; row -1: none. */
  firstText: Record<string, {row: number; value: string | null}>;
}

/**
 * Streams the result's chunks into the columns (DuckDB keeps one chunk at a time, not the whole result);
 * {retry}: DOUBLE columns holding NaN/infinity, to read again as text; null: use the JS reader.
 * Arrays start with room for `capacity` rows and grow up to `bound` (more rows: the JS reader).
 */
async function collect(result: DuckDBResult, names: string[], format: "csv" | "parquet", capacity: number, bound: number): Promise<Built | {retry: string[]} | null> {
  const kinds = result.columnTypes().map(String);
  const doubles: Array<Float64Array | null> = [];
  const coders: Array<TextCoder | null> = [];
  for (let j = 0; j < names.length; j++) {
    if (kinds[j] === "DOUBLE") doubles.push(new Float64Array(capacity));
    else if (kinds[j] === "VARCHAR") doubles.push(null);
    else return fallback(`column ${names[j]}: type ${kinds[j]}`);
    coders.push(kinds[j] === "VARCHAR" ? new TextCoder(capacity) : null);
  }
  const bad = new Array<boolean>(names.length).fill(false);
  let nrows = 0;
  let fetched = 0;
  for (;;) {
    const chunk = await fetchRawChunk(result);
    if (!chunk) break;
    const n = chunk.rows;
    if (nrows + n > capacity) {
      if (nrows + n > bound) return fallback("more rows than the file size allows");
      capacity = Math.min(bound, Math.max(nrows + n, Math.ceil(capacity * 1.5)));
      for (let j = 0; j < names.length; j++) {
        const old = doubles[j];
        if (old) {
          const wider = new Float64Array(capacity);
          wider.set(old.subarray(0, nrows));
          doubles[j] = wider;
        } else coders[j]!.reserve(capacity, nrows);
      }
    }
    for (let j = 0; j < names.length; j++) {
      const vector = chunk.vector(j);
      const out = doubles[j];
      if (out) {
        if (copyDoubles(vector, n, out, nrows)) bad[j] = true;
      } else coders[j]!.add(vector, n, nrows);
    }
    nrows += n;
    // DuckDB frees a chunk only when V8 collects its wrapper, and V8 does not see the chunk's native
    // memory: without a collection now and then, every chunk of the file stays resident until the end.
    if (++fetched % GC_EVERY === 0) collectGarbage();
  }
  const columns: Record<string, Column> = {};
  const firstText: Built["firstText"] = {};
  const retry: string[] = [];
  for (let j = 0; j < names.length; j++) {
    const name = names[j];
    const out = doubles[j];
    if (out) {
      const col = out.subarray(0, nrows);
      // CSV: "nan"/"inf" cells, which the JS reader treats as text or refuses; Parquet: NaN is missing, infinity refused.
      if (bad[j] && (format === "csv" || col.some((v) => v === Infinity || v === -Infinity))) retry.push(name);
      columns[name] = col;
    } else {
      const coder = coders[j]!;
      const text = format === "csv" ? csvText(coder, nrows) : parquetText(coder, nrows);
      if (text === null) return fallback(`column ${name}: infinite value or NUL byte`);
      columns[name] = text.column;
      if (text.first) firstText[name] = text.first;
    }
  }
  if (retry.length) return {retry};
  return {nrows, columns, firstText};
}

/** Chunks between collections: 16 keeps reading the 1M-row firm CSV at ~250 MB peak RSS (64: ~265, none: ~285), at no measurable cost in time. */
const GC_EVERY = 16;

let gc: ((options?: {type: string}) => void) | null | undefined;

/** A young-generation collection (V8's `gc`, reached without --expose-gc through a fresh context). */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as typeof gc;
    } catch {
      gc = null;
    }
  }
  gc?.({type: "minor"});
}
