/**
 * A Parquet file's columns and row count from its footer, read here (a few KB at the end of the file, with
 * hyparquet's metadata parser, the browser reader's) while DuckDB starts, instead of asking DuckDB: its
 * DESCRIBE and row count cost ~5-8 ms after it has started (1M-row firm file). Only plain columns are
 * planned here: DOUBLE, UTF-8 text, and integers, booleans, FLOAT and DECIMAL (cast to DOUBLE). Anything else
 * (dates, times, ENUM, JSON, binary, nested or repeated columns, duplicate names, an unreadable footer) gives
 * null and DuckDB's DESCRIBE decides, as before. A plan that DuckDB would type otherwise is still caught:
 * the reader checks the result's types (collect.ts) and declines the file to the JS reader.
 */
import {closeSync, fstatSync, openSync, readSync} from "node:fs";
import {parquetMetadata, parquetSchema} from "hyparquet";

/** How the reader selects a column: as DuckDB gives it (DOUBLE, VARCHAR) or cast to DOUBLE. */
export type ColumnRead = "as is" | "cast";

export interface ParquetPlan {
  columns: Array<{name: string; read: ColumnRead}>;
  rows: number;
}

/** Footers up to this size are read here (a file with thousands of row groups: DuckDB's DESCRIBE). */
const MAX_FOOTER = 4 << 20;

const INTEGER_CONVERTED = new Set(["INT_8", "INT_16", "INT_32", "INT_64", "UINT_8", "UINT_16", "UINT_32", "UINT_64"]);

/** The plan for `path` from its footer, or null (see above). */
export function parquetPlan(path: string): ParquetPlan | null {
  let fd = -1;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size < 12) return null;
    const tail = Buffer.alloc(8);
    readSync(fd, tail, 0, 8, size - 8);
    if (tail.toString("latin1", 4) !== "PAR1") return null;
    const length = tail.readUInt32LE(0);
    if (length > MAX_FOOTER || length + 12 > size) return null;
    const footer = new Uint8Array(length + 8);
    readSync(fd, footer, 0, length + 8, size - length - 8);
    const metadata = parquetMetadata(footer);
    const fields = parquetSchema(metadata).children;
    const columns: ParquetPlan["columns"] = [];
    const names = new Set<string>();
    for (const field of fields) {
      const e = field.element;
      if (field.children.length > 0 || e.repetition_type === "REPEATED" || names.has(e.name)) return null;
      names.add(e.name);
      const read = columnRead(e);
      if (!read) return null;
      columns.push({name: e.name, read});
    }
    if (columns.length === 0) return null;
    return {columns, rows: Number(metadata.num_rows)};
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** How a flat column of this physical and logical type is read, or null when it is not a plain case. */
export function columnRead(e: {type?: string; converted_type?: string; logical_type?: {type: string}}): ColumnRead | null {
  const converted = e.converted_type;
  const logical = e.logical_type?.type;
  if (converted === "DECIMAL" || logical === "DECIMAL") return e.type === "INT32" || e.type === "INT64" || e.type === "FIXED_LEN_BYTE_ARRAY" || e.type === "BYTE_ARRAY" ? "cast" : null;
  if (e.type === "BYTE_ARRAY") return (converted === "UTF8" || logical === "STRING") && (!logical || logical === "STRING") ? "as is" : null;
  if (e.type === "DOUBLE") return !converted && !logical ? "as is" : null;
  if (e.type === "FLOAT" || e.type === "BOOLEAN") return !converted && !logical ? "cast" : null;
  if (e.type === "INT32" || e.type === "INT64") {
    if (!converted && !logical) return "cast";
    if ((!converted || INTEGER_CONVERTED.has(converted)) && (!logical || logical === "INTEGER")) return "cast";
  }
  return null;
}
