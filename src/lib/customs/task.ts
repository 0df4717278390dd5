/**
 * One customs-file check as a task (what the Web Worker runs; also callable directly in Node tests): read the
 * file with the one reader, keep the first `keep` problems and a downloadable CSV of all of them, and return
 * only the valid rows that match a panel partner-year (at most partners x years x regions), so that what
 * crosses back to the page stays small whatever the file's size. Memory: the text, the valid rows and the
 * problem lines; never one object per problem beyond `keep`.
 */
import {customsMessageZh} from "./message-zh.js";
import {customsColumns} from "./merge.js";
import {MAX_CUSTOMS_BYTES, readCustomsBytes, type CustomsRead} from "./read.js";
import type {CustomsRow} from "./validate.js";

export interface CustomsTask {
  /** The file (a File or Blob in the browser; bytes in Node). */
  file: Blob | Uint8Array;
  /** The panel's keys and columns; without them every valid row is returned. */
  panel?: {iso3: string[]; year: number[]; columns: string[]};
  /** Problems kept as objects (default 200). */
  keep?: number;
  /** The language of the all-problems CSV (its header and messages); default English. */
  lang?: "en" | "zh";
}

/**
 * Rows packed as typed arrays (codes index `regions` / `partners`): a structured clone of four typed arrays
 * costs the page almost nothing, where tens of thousands of small objects would hold its main thread.
 */
export interface PackedRows {
  regions: string[];
  partners: string[];
  region: Uint16Array;
  partner: Uint16Array;
  year: Uint16Array;
  value: Float64Array;
}

export function packRows(rows: readonly CustomsRow[]): PackedRows {
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const partners = [...new Set(rows.map((r) => r.partner_iso3))].sort();
  const ri = new Map(regions.map((r, i) => [r, i]));
  const pi = new Map(partners.map((p, i) => [p, i]));
  return {
    regions,
    partners,
    region: Uint16Array.from(rows, (r) => ri.get(r.region)!),
    partner: Uint16Array.from(rows, (r) => pi.get(r.partner_iso3)!),
    year: Uint16Array.from(rows, (r) => r.year),
    value: Float64Array.from(rows, (r) => r.exports_usd)
  };
}

/** The rows back as objects, optionally only those of some regions. */
export function unpackRows(p: PackedRows, only?: ReadonlySet<string>): CustomsRow[] {
  const out: CustomsRow[] = [];
  for (let i = 0; i < p.value.length; i++) {
    const region = p.regions[p.region[i]];
    if (only && !only.has(region)) continue;
    out.push({region, partner_iso3: p.partners[p.partner[i]], year: p.year[i], exports_usd: p.value[i]});
  }
  return out;
}

export interface CustomsTaskResult extends Omit<CustomsRead, "rows"> {
  /** Valid rows, and of those the ones matching a panel partner-year (all when no panel was given), packed. */
  valid: number;
  rows: PackedRows;
  regions: string[];
  /** Valid rows outside the panel: the first 200, and how many in all. */
  unmatched: CustomsRow[];
  unmatchedCount: number;
  /** Every problem as CSV (`line,column,message`), only when there are more than `keep`. */
  allProblems: Blob | null;
}

export const PROBLEMS_KEPT = 200;

/** Reads, validates and matches; `progress(done, total)` in bytes (decoding counts as the first 10%). */
export async function checkCustomsTask(task: CustomsTask, progress: (done: number, total: number) => void = () => {}): Promise<CustomsTaskResult> {
  const size = task.file instanceof Uint8Array ? task.file.byteLength : task.file.size;
  if (size > MAX_CUSTOMS_BYTES) {
    return emptyResult({code: "too-big", message: `the file is ${(size / 1e6).toFixed(0)} MB; the limit is ${MAX_CUSTOMS_BYTES / 1024 / 1024} MB`});
  }
  const bytes = task.file instanceof Uint8Array ? task.file : new Uint8Array(await task.file.arrayBuffer());
  progress(1, 10);
  const keep = task.keep ?? PROBLEMS_KEPT;
  // Problem lines are gathered into ~1 MB strings: a Blob of a million tiny parts is slow to build and to
  // turn into a download URL on the page (measured: ~0.3 s of main-thread time for 1M parts).
  const parts: string[] = [];
  const zh = task.lang === "zh";
  let buffer = zh ? "行号,列,问题\n" : "line,column,message\n";
  const lines = {push(text: string) {
    buffer += text;
    if (buffer.length > 1 << 20) (parts.push(buffer), (buffer = ""));
  }};
  const read = await readCustomsBytes(bytes, {keep, allProblems: lines, translate: zh ? customsMessageZh : undefined, onProgress: (d, t) => progress(1 + (9 * d) / Math.max(1, t), 10)});
  parts.push(buffer);
  const regions = [...new Set(read.rows.map((r) => r.region))].sort();
  const allProblems = read.problemCount > keep ? new Blob(parts, {type: "text/csv"}) : null;
  parts.length = 0;
  if (!task.panel || read.error) {
    return {...read, valid: read.rows.length, rows: packRows(read.rows), regions, unmatched: [], unmatchedCount: 0, allProblems};
  }
  // The one merge decides what matches (and refuses a region colliding with a panel column).
  let merged;
  try {
    merged = customsColumns(task.panel, read.rows, task.panel.columns);
  } catch (e) {
    return {...read, error: {code: "collision", message: (e as Error).message}, valid: read.rows.length, rows: packRows([]), regions, unmatched: [], unmatchedCount: 0, allProblems};
  }
  const outside = new Set(merged.unmatched);
  const rows = merged.unmatched.length ? read.rows.filter((r) => !outside.has(r)) : read.rows;
  return {
    ...read,
    valid: read.rows.length,
    rows: packRows(rows),
    regions,
    unmatched: merged.unmatched.slice(0, 200),
    unmatchedCount: merged.unmatched.length,
    allProblems
  };
}

function emptyResult(error: CustomsRead["error"]): CustomsTaskResult {
  return {
    format: "csv", unit: "line", encoding: null, delimiter: null, records: 0, problems: [], problemCount: 0, error,
    valid: 0, rows: packRows([]), regions: [], unmatched: [], unmatchedCount: 0, allProblems: null
  };
}
