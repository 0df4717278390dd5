/**
 * The tidy cache format (see ../shared/data/README.md): UTF-8 CSV, header row, `.` decimals, one observation a
 * row, no duplicate keys. Every source's cache file, the snapshot files and every live fetch use it, so they
 * are interchangeable. This module reads (with validation) and writes that format.
 */
import {parseCsv, csvField, CsvSyntaxError} from "../src/lib/customs/csv.js";
import {UserError} from "../src/lib/errors.js";

/** A tidy table: key columns are text except `year` (integer); the last column is the numeric value. */
export interface TidyTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

/**
 * Parse and validate tidy CSV text whose header must be exactly `columns` (in order). `year` must be an
 * integer, the last column a finite number, and the key (all columns but the last) unique.
 * `where` names the file in error messages. Example:
 * `parseTidy("iso3,year,measure,value\nAUS,2014,DSTRI,0.02\n", ["iso3","year","measure","value"], "dstri.csv")`.
 * Throws UserError `<where> line L, column C: ...` on the first problem.
 */
export function parseTidy(text: string, columns: string[], where: string): TidyTable {
  let csv;
  try {
    csv = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new UserError(`${where} ${e.message}`);
    throw e;
  }
  if (csv.header.join(",") !== columns.join(",")) {
    throw new UserError(
      `${where} line 1: expected columns ${columns.join(",")} but found ${csv.header.join(",") || "(empty file)"}`
    );
  }
  const yearAt = columns.indexOf("year");
  const valueAt = columns.length - 1;
  const seen = new Set<string>();
  const rows: TidyTable["rows"] = [];
  for (let r = 0; r < csv.records.length; r++) {
    const rec = csv.records[r];
    const line = csv.lines[r];
    if (rec.length !== columns.length) {
      throw new UserError(`${where} line ${line}: expected ${columns.length} fields, found ${rec.length}`);
    }
    const row: Array<string | number> = rec.slice();
    if (yearAt >= 0) {
      const y = Number(rec[yearAt]);
      if (!/^\d{4}$/.test(rec[yearAt]) || !Number.isInteger(y)) {
        throw new UserError(`${where} line ${line}, column year: "${rec[yearAt]}" is not a 4-digit year`);
      }
      row[yearAt] = y;
    }
    const v = Number(rec[valueAt]);
    if (rec[valueAt].trim() === "" || !Number.isFinite(v)) {
      throw new UserError(`${where} line ${line}, column ${columns[valueAt]}: "${rec[valueAt]}" is not a finite number`);
    }
    row[valueAt] = v;
    const key = rec.slice(0, valueAt).join("\u0001");
    if (seen.has(key)) throw new UserError(`${where} line ${line}: duplicate key ${rec.slice(0, valueAt).join(",")}`);
    seen.add(key);
    rows.push(row);
  }
  return {columns, rows};
}

/**
 * Write a tidy table as CSV text (LF line ends, trailing newline), rows sorted by key so that the same data
 * always gives the same bytes (and the same sha256). Numbers use JavaScript's shortest round-trip form.
 */
export function formatTidy(table: TidyTable): string {
  const rows = table.rows.slice().sort(compareRows);
  const out = [table.columns.join(",")];
  for (const row of rows) out.push(row.map((v) => csvField(String(v))).join(","));
  return out.join("\n") + "\n";
}

function compareRows(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < a.length - 1; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
