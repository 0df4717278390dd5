/**
 * The notebook's dataflow (as Observable's): which tables a cell reads, and which cells must re-run,
 * in order, when a SQL cell's result changes. A SQL cell reads every earlier result table its text names
 * as a word (outside strings and comments); a chart reads its table; a model line reads its `data =`
 * table (panel by default). Dependencies are transitive: a chart of q2 re-runs when q1, which q2 reads,
 * changes. Browser-safe.
 */
import {modelLines, type Cell} from "./cells.js";
import {modelTables} from "./models.js";

/** The tables a cell reads, among `known` (result tables and built-ins). */
export function tablesRead(cell: Cell, known: ReadonlySet<string>): Set<string> {
  if (cell.type === "chart") return new Set([cell.table]);
  if (cell.type === "model") return new Set(modelTables(modelLines(cell)));
  if (cell.type === "text") return new Set();
  const code = cell.sql.replace(/'(?:[^']|'')*'/g, " ").replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
  const words = new Set(Array.from(code.matchAll(/"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*)/g), (m) => m[1] ?? m[2]));
  return new Set([...words].filter((w) => known.has(w) && w !== cell.name));
}

/**
 * Indices of the cells after `index` that depend, directly or through other SQL cells, on cell `index`'s
 * result table, in notebook order. Example: cells [q1 = panel…, q2 = …q1, chart of q2] -> dependents(cells, 0) = [1, 2].
 */
export function dependents(cells: readonly Cell[], index: number): number[] {
  const start = cells[index];
  if (!start || start.type !== "sql") return [];
  const known = new Set(cells.flatMap((c) => (c.type === "sql" ? [c.name] : [])));
  const changed = new Set([start.name]);
  const out: number[] = [];
  for (let i = index + 1; i < cells.length; i++) {
    const c = cells[i];
    const reads = tablesRead(c, known);
    if ([...reads].some((t) => changed.has(t))) {
      out.push(i);
      if (c.type === "sql") changed.add(c.name);
    }
  }
  return out;
}
