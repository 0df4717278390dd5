/**
 * What a refresh changed in one source (`dtb data fetch`): rows added, rows gone, values revised, compared by key
 * (every column but the last, the value). Exact comparison: both sides are written by the same formatter.
 */
import type {TidyTable} from "./tidy.js";

export interface TableDiff {
  added: number;
  removed: number;
  revised: number;
  unchanged: number;
  /** A few revised keys with old -> new, for the report. */
  examples: string[];
}

/** Compare two tidy tables. Example: `diffTables(a, a)` -> `{added: 0, removed: 0, revised: 0, unchanged: a.rows.length, examples: []}`. */
export function diffTables(before: TidyTable | null, after: TidyTable): TableDiff {
  const key = (r: Array<string | number>) => r.slice(0, -1).join(",");
  const old = new Map((before?.rows ?? []).map((r) => [key(r), r[r.length - 1]]));
  const out: TableDiff = {added: 0, removed: 0, revised: 0, unchanged: 0, examples: []};
  const seen = new Set<string>();
  for (const r of after.rows) {
    const k = key(r);
    seen.add(k);
    const v = r[r.length - 1];
    if (!old.has(k)) out.added++;
    else if (old.get(k) !== v) {
      out.revised++;
      if (out.examples.length < 3) out.examples.push(`${k}: ${old.get(k)} -> ${v}`);
    } else out.unchanged++;
  }
  for (const k of old.keys()) if (!seen.has(k)) out.removed++;
  return out;
}
