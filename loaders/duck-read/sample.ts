/**
 * Column types for DuckDB's CSV reader decided by the JS reader's own rule (src/lib/table/csv.ts) on the
 * file's first rows, so that DuckDB reads with explicit types and without its type sniffer (~25 ms of
 * CPU and ~50 ms before the first chunk on the 1M-row firm file). A guess decides only the speed, never
 * the result: a column read as DOUBLE that holds text further down makes DuckDB stop with "Column X is
 * being converted as type DOUBLE" and the reader reads it again as text (read.ts); a VARCHAR column of
 * numbers is turned into numbers by the JS rule (text.ts csvText).
 */
import {closeSync, openSync, readSync} from "node:fs";
import {parseCsv} from "../../src/lib/table/csv.js";

/** Bytes read for the sample: ~800 rows of the firm file, parsed in ~2 ms (256 KB: ~8 ms). */
const SAMPLE_BYTES = 1 << 16;

export interface Sample {
  /** DuckDB type per header column, in the header's order. */
  types: Array<"DOUBLE" | "VARCHAR">;
  /** The sample holds a `_` below the header. */
  underscore: boolean;
  /** Per header column: every cell of the sample is text of at most 12 UTF-8 bytes (DuckDB keeps it inline). */
  short: boolean[];
  /**
   * The sample may hold a missing-value token other than the empty cell ("NA", "NaN", "." as a whole field,
   * blanks or quotes around it allowed): then DuckDB is given the list of tokens (cells.ts); otherwise only ""
   * (its list costs ~15 ms of CPU per million rows), and a token met further down is read as the JS rule does
   * by the paths that already read unexpected cells (csv.ts).
   */
  missingTokens: boolean;
}

/** A whole field that is "NA", "NaN" or "." (blanks and quotes around it allowed); over-matching only costs speed. */
const TOKEN_FIELD = /(?:^|,)[ \t"]*(?:NA|NaN|\.)[ \t"]*(?:,|\r?$)/m;

/**
 * The types of the header's columns by the JS rule on the whole lines of the first 64 KB: DOUBLE for a
 * column whose cells there are all numbers or missing, else VARCHAR. Null when those lines do not parse
 * as the JS reader reads them (then DuckDB's own sniffer decides, as before).
 */
export function sampleTypes(path: string, header: readonly string[]): Sample | null {
  const buf = Buffer.allocUnsafe(SAMPLE_BYTES);
  const fd = openSync(path, "r");
  let got: number;
  try {
    got = readSync(fd, buf, 0, SAMPLE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  let end = got;
  if (got === SAMPLE_BYTES) {
    end = buf.lastIndexOf(10, got - 1) + 1;
    if (end <= 0) return null;
  }
  const bytes = buf.subarray(0, end);
  let columns;
  try {
    columns = parseCsv(bytes, path).frame.columns;
  } catch {
    return null;
  }
  if (Object.keys(columns).length !== header.length || header.some((name) => !(name in columns))) return null;
  const firstLine = bytes.indexOf(10);
  return {
    types: header.map((name) => (columns[name] instanceof Float64Array ? "DOUBLE" : "VARCHAR")),
    underscore: firstLine >= 0 && bytes.indexOf(95, firstLine) >= 0,
    missingTokens: TOKEN_FIELD.test(bytes.subarray(firstLine + 1).toString("latin1")),
    short: header.map((name) => {
      const col = columns[name];
      return !(col instanceof Float64Array) && (col as Array<string | null>).every((v) => v === null || Buffer.byteLength(v) <= 12);
    })
  };
}
