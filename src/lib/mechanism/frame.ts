/**
 * Row objects (as returned by `loadPanel()`) to the engine's column-oriented `Frame`.
 * Numbers (and booleans, as 1/0) become Float64Array with NaN = missing; strings become (string|null)[].
 * A column's kind is decided by its first non-missing value. Browser-safe, no dependencies.
 */
import type {Column, Frame} from "../engine/types.js";

/**
 * Builds a Frame from rows. `columns` limits (and orders) the columns; by default every key of the first row.
 * Example: `rowsToFrame([{iso3: "IND", year: 2020, dstri: 0.3}])` ->
 * `{nrows: 1, columns: {iso3: ["IND"], year: Float64Array[2020], dstri: Float64Array[0.3]}}`.
 */
export function rowsToFrame(rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[]): Frame {
  const names = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const out: Record<string, Column> = {};
  for (const name of names) {
    const first = rows.find((r) => r[name] != null && !(typeof r[name] === "number" && Number.isNaN(r[name])))?.[name];
    if (typeof first === "string") {
      out[name] = rows.map((r) => (r[name] == null ? null : String(r[name])));
    } else {
      const col = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        const v = r[name];
        col[i] = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : v == null ? NaN : Number(v);
      });
      out[name] = col;
    }
  }
  return {nrows: rows.length, columns: out};
}
