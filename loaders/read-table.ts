/**
 * Node-only: read a panel file from disk into a `Frame` (the parsing itself is browser-safe code in
 * src/lib/table). File-system failures become one-line UserErrors naming the file.
 */
import {readFileSync} from "node:fs";
import {readFile, stat} from "node:fs/promises";
import {UserError} from "../src/lib/errors.js";
import {formatOf} from "../src/lib/table/format.js";
import type {ParsedTable} from "../src/lib/table/types.js";

/** Files from this size on are read by DuckDB (unless told otherwise); smaller ones by the JS reader. */
export const DUCKDB_MIN_BYTES = 4 << 20;

/** A parser of file bytes; `columns`: type, check and keep only these (src/lib/table/csv.ts, parquet.ts, arrow.ts). */
export type TableReader = (bytes: Uint8Array, source: string, columns?: readonly string[]) => ParsedTable | Promise<ParsedTable>;

/**
 * The parser for `path`'s extension, imported on demand: apache-arrow alone takes ~1 s to import
 * under tsx, which every `dtb estimate` on a CSV would otherwise pay. Unknown extension: UserError.
 *
 * @example const parse = await readerFor("panel.parquet"); // parseParquet
 */
export async function readerFor(path: string): Promise<TableReader> {
  const format = formatOf(path);
  if (format === "csv") return (await import("../src/lib/table/csv.js")).parseCsv;
  if (format === "arrow") return (await import("../src/lib/table/arrow.js")).parseArrow;
  return (await import("../src/lib/table/parquet.js")).parseParquet;
}

/**
 * Reads and parses `path` (.csv, .parquet, .arrow/.feather/.ipc). Error messages use the path as
 * given. Pass `reader` (from readerFor) to keep module loading out of a timed read. CSV and Parquet are
 * read by the native DuckDB (same frame, see loaders/duck-read/read.ts) from DUCKDB_MIN_BYTES on (or
 * always with `options.duckdb` true; never with false or DTB_READER=js); the JS reader reads the rest and
 * what DuckDB declines, and gives every error message.
 * `options.columns`: read only these columns (the others are still split into fields, so a malformed row
 * is still refused, but their cells are not typed, checked or kept). Every reader -- the JS readers below
 * DUCKDB_MIN_BYTES, DuckDB above it -- checks the same set: an infinity or a text cell in a column that is
 * not asked for is no error, whatever the file's size (an infinity in an asked-for column is one).
 *
 * @example const {frame} = await readTable("panel.csv"); frame.nrows
 */
export async function readTable(path: string, reader?: TableReader, options: {duckdb?: boolean; columns?: readonly string[]} = {}): Promise<ParsedTable> {
  const parse = reader ?? (await readerFor(path)); // unknown extension: said before touching the disk
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path}: is a directory, not a data file`);
    const format = formatOf(path);
    // CSV and Parquet: the native DuckDB first (loaders/duck-read), the JS reader when it declines.
    // Small files: the JS reader is quicker than loading DuckDB (~0.1-0.2 s) and gives the same frame.
    const useDuck = options.duckdb ?? (info.size >= DUCKDB_MIN_BYTES && process.env.DTB_READER !== "js");
    if (useDuck && format !== "arrow") {
      const {declined, readTableDuck} = await import("./duck-read/read.js");
      const jsParse = () => {
        const result = parse(readFileSync(path), path, options.columns);
        if (result instanceof Promise) throw new Error("synchronous reader expected");
        return result;
      };
      let table: ParsedTable | null = null;
      try {
        table = await readTableDuck(path, format, path, jsParse, options.columns);
      } catch (error) {
        // A file-system error is the file's (said below); anything else from DuckDB: the JS reader decides.
        if ((error as NodeJS.ErrnoException).code) throw error;
        declined(error);
      }
      if (table) return table;
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${path}: no such file`);
    if (code === "EACCES" || code === "EPERM") throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot read the file (${code ?? String(error)})`);
  }
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (formatOf(path) === "arrow" && (options.duckdb ?? (bytes.byteLength >= DUCKDB_MIN_BYTES && process.env.DTB_READER !== "js"))) {
    // Arrow: typed buffers read directly (loaders/duck-read/arrow.ts); the browser's reader for the rest.
    const fast = (await import("./duck-read/arrow.js")).readArrowFast(view, path, options.columns);
    if (fast) return options.columns ? keepColumns(fast, options.columns) : fast;
  }
  const table = await parse(view, path, options.columns);
  return options.columns ? keepColumns(table, options.columns) : table;
}

/** The table with only `names` (in the file's order); other columns dropped. */
function keepColumns(table: ParsedTable, names: readonly string[]): ParsedTable {
  const keep = new Set(names);
  const columns = Object.fromEntries(Object.entries(table.frame.columns).filter(([name]) => keep.has(name)));
  const notNumeric = Object.fromEntries(Object.entries(table.notNumeric).filter(([name]) => keep.has(name)));
  return {...table, frame: {nrows: table.frame.nrows, columns}, notNumeric};
}
