/**
 * Row objects (as `loadPanel()` in src/lib/browser/panel.ts returns them) -> the engine's column-oriented
 * `Frame`. The one converter the pages use (explorer, mechanism, what-if).
 * Numbers stay numbers (missing = NaN), booleans become 1/0 (so a flag like `oecd` can be used in a spec),
 * text stays text (missing = null). A column's kind is taken from its first non-missing value.
 */
import type {Column, Frame} from "../engine/types.js";

/**
 * `columns` limits (and orders) the columns; by default every key that appears in any row.
 * @example rowsToFrame([{iso3: "USA", year: 2019, oecd: true}]).columns.oecd // Float64Array [1]
 */
export function rowsToFrame(rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[]): Frame {
  const n = rows.length;
  const names = new Set<string>(columns ?? []);
  if (!columns) for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  const out: Record<string, Column> = {};
  for (const name of names) {
    let kind: "number" | "text" | null = null;
    for (let i = 0; i < n && kind === null; i++) {
      const v = rows[i][name];
      if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
      kind = typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" ? "number" : "text";
    }
    if (kind === "text") {
      const col: Array<string | null> = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i][name];
        col[i] = v === null || v === undefined ? null : String(v);
      }
      out[name] = col;
    } else {
      // All-missing columns are numeric (NaN): the engine then reports "no non-missing value" by name.
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i][name];
        col[i] = typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "bigint" ? Number(v) : NaN;
      }
      out[name] = col;
    }
  }
  return {nrows: n, columns: out};
}
