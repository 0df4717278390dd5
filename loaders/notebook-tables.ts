/**
 * The long source tables the notebook page offers to SQL (`dstri`, `wdi`, `exports`), as Arrow IPC
 * *streams* (DuckDB-wasm's insertArrowFromIPCStream takes them as is). Key columns are text, `year`
 * Int32, the value Float64. Data: cache -> snapshot -> live (loaders/resolve.ts), as the panel.
 */
import type {Frame} from "../src/lib/engine/types.js";
import type {SourceName} from "./sources/index.js";
import {resolveSource} from "./resolve.js";
import {frameToArrowStream} from "./writers.js";
import type {ColumnKind} from "./panel.js";

/** The tidy source as Arrow stream bytes. Example: `(await sourceArrowStream("dstri")).length > 0`. */
export async function sourceArrowStream(name: SourceName): Promise<Uint8Array> {
  const {table} = await resolveSource(name);
  const value = table.columns.length - 1;
  const columns: Frame["columns"] = {};
  table.columns.forEach((col, j) => {
    if (col === "year" || j === value) columns[col] = Float64Array.from(table.rows, (r) => (r[j] === "" ? NaN : Number(r[j])));
    else columns[col] = table.rows.map((r) => String(r[j]));
  });
  const kinds = Object.fromEntries(table.columns.map((c, j) => [c, (c === "year" ? "int" : j === value ? "float" : "text") as ColumnKind]));
  return frameToArrowStream({nrows: table.rows.length, columns}, (n) => kinds[n]);
}
