/**
 * CSV files read by DuckDB (see read.ts for what "the same frame" means and when the JS reader reads instead).
 */
import {statSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {NotNumeric, ParsedTable} from "../../src/lib/table/types.js";
import {type Built, collect, fallback} from "./collect.js";
import type {Sample} from "./sample.js";
import {estimateRows, hasBlankLine, type QuoteScan, scanQuotes} from "./scan.js";

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Reads the CSV at `path` (its `header` already checked, scan.ts) with DuckDB; null: the JS reader reads it.
 * `sample`: column types from the first rows (sample.ts), or null to let DuckDB's sniffer type them.
 */
export async function readCsv(con: DuckDBConnection, path: string, header: string[], sample: Sample | null, source: string, jsParse: () => ParsedTable, release: () => void, columns?: readonly string[]): Promise<ParsedTable | null> {
  const asText = new Set<string>();
  const wanted = columns ? new Set(columns) : null;
  const selected = wanted ? header.filter((h) => wanted.has(h)) : header;
  const unread = wanted ? header.filter((h) => !wanted.has(h)) : [];
  // `_` in the columns not read are counted (the columns read as text), so that the file's count of `_` can be
  // accounted for (see below); when the first rows hold none, no count is made (a later one: the JS reader).
  // Columns of short text in the first rows (ids) come back as they are and are counted here from DuckDB's
  // string records; the others (long text, numbers) by DuckDB in one summed column, whose replace() costs
  // ~70 ms of CPU on the 1M firm ids where the count here costs ~6 ms.
  const countUnread = unread.length > 0 && (sample?.underscore ?? true);
  const unreadText = new Set(countUnread ? unread : []);
  const rawCounted = countUnread && sample ? unread.filter((h) => sample.short[header.indexOf(h)]) : [];
  const sqlCounted = unread.filter((h) => unreadText.has(h) && !rawCounted.includes(h));
  let scan: QuoteScan | null = null;
  for (let attempt = 0; attempt <= header.length; attempt++) {
    // Missing-value tokens: only "" when the first rows hold no other (sample.ts `missingTokens`). A later "NA",
    // "NaN" or "." then stops a DOUBLE column (a conversion error, or NaN, read again as text below, where the JS
    // rule makes it missing) or stays a string of a text column (csvText makes it missing): the same frame.
    const nulls = sample && !sample.missingTokens ? `nullstr = ''` : `nullstr = ['', 'NA', 'NaN', '.']`;
    const options = `header = true, delim = ',', quote = '"', escape = '"', skip = 0, comment = '', buffer_size = 4194304, ${nulls}`;
    let sql: string;
    if (sample) {
      // Explicit types (sample.ts): no sniffing.
      const types = header.map((h, j) => `${lit(h)}: '${asText.has(h) || unreadText.has(h) ? "VARCHAR" : sample.types[j]}'`);
      sql = `read_csv(${lit(path)}, ${options}, auto_detect = false, columns = {${types.join(", ")}})`;
    } else {
      const types = [...new Set([...asText, ...unreadText])].map((c) => `${lit(c)}: 'VARCHAR'`).join(", ");
      sql =
        `read_csv(${lit(path)}, ${options}, auto_type_candidates = ['DOUBLE', 'VARCHAR'], names = [${header.map(lit).join(", ")}]` +
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
    }
    const counted = sqlCounted.length ? `, CAST(${sqlCounted.map((h) => `coalesce(strlen(${ident(h)}) - strlen(replace(${ident(h)}, '_', '')), 0)`).join(" + ")} AS INTEGER)` : "";
    const raw = rawCounted.map((h) => `, ${ident(h)}`).join("");
    const query = `SELECT ${wanted ? selected.map(ident).join(", ") : "*"}${counted}${raw} FROM ${sql}`;
    let built: Built | {retry: string[]} | null;
    try {
      // DuckDB works in its own threads; the byte scan runs here meanwhile.
      const running = con.stream(query);
      running.catch(() => {}); // awaited below; this only keeps a failure during the scan from going unhandled
      scan ??= scanQuotes(path, true);
      const result = await running;
      if (scan.quoteBlank) return fallback("quote followed by a blank");
      const names = result.columnNames().slice(0, selected.length);
      if (result.columnCount !== selected.length + (sqlCounted.length ? 1 : 0) + rawCounted.length || names.some((n, j) => n !== selected[j])) return fallback("columns");
      // A row holds at least one byte per column (separators and line end): an upper bound on the rows.
      // The arrays start at the count estimated from the first megabyte (scan.ts) and grow if it was short.
      const size = statSync(path).size;
      const bound = Math.floor(size / header.length) + 1;
      built = await collect(result, names, "csv", Math.min(bound, estimateRows(path, size)), bound, {
        countUnderscores: scan.underscores > 0,
        countColumn: sqlCounted.length > 0,
        rawCounted: rawCounted.length,
        countRows: () => countRows(con, sql),
        release
      });
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
    // DuckDB reads "1_000" as 1000 in a DOUBLE column; the JS reader keeps such a cell as text. Every `_` of
    // the file must be in the header, in a cell read as text or in a column not read (counted by DuckDB):
    // one more lies in a number column (or, when the first rows held none, perhaps in a column not read).
    if (scan.underscores > 0) {
      let known = built.underscores;
      for (const h of header) for (let at = h.indexOf("_"); at >= 0; at = h.indexOf("_", at + 1)) known++;
      if (known !== scan.underscores) return fallback("a digit separator (_) in a column read as numbers");
    }
    const notNumeric: Record<string, NotNumeric> = {};
    let plain: boolean | null = null;
    const plainLines = () => (plain ??= !scan!.hasQuote && !hasBlankLine(path));
    for (const [name, first] of Object.entries(built.firstText)) notNumeric[name] = lazyWhere(first, plainLines, jsParse, name);
    return {frame: {nrows: built.nrows, columns: built.columns}, source, format: "csv", notNumeric};
  }
  return fallback("too many retries");
}

/**
 * The rows of the CSV read by `sql` (read_csv with the read's options), counted by DuckDB: the count reads no
 * cell's value, so it counts the rows a read should give even where the read failed. -1: it failed too.
 */
async function countRows(con: DuckDBConnection, sql: string): Promise<number> {
  try {
    const r = await con.runAndReadAll(`SELECT count(*)::BIGINT FROM ${sql}`);
    return Number(r.getRows()[0][0]);
  } catch {
    return -1;
  }
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

