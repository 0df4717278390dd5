/**
 * Text columns of the DuckDB reader (read.ts) into the JS readers' columns: a CSV text column by the CSV
 * reader's rule (src/lib/table/csv.ts), a Parquet string column as stored (parquet.ts), each from its
 * dictionary codes and distinct values (columns.ts TextCoder, coder-worker.ts), one string per distinct value.
 */
import type {Column} from "../../src/lib/engine/types.js";
import {attachDictionary} from "../../src/lib/engine/frame.js";
import {cellKind, INFINITE_CELL, isMissingCell, MISSING_CELL, NUMBER_CELL, TEXT_CELL} from "../../src/lib/table/cells.js";
import type {Coder} from "./columns.js";

/**
 * A CSV text column by the JS reader's rule (csv.ts buildColumn), applied once per distinct value:
 * numbers if every non-missing cell is a number (missing tokens are compared after trimming), an error
 * (null here) if the only non-numbers are infinities, else text with the missing tokens as null.
 */
export function csvText(coder: Coder, n: number): {column: Column; first?: {row: number; value: string | null}} | null {
  const codes = coder.codes.subarray(0, n);
  const levels = coder.levels;
  const kind = new Uint8Array(levels.length);
  const number = new Float64Array(levels.length);
  const one = new Float64Array(1);
  let text = false;
  let inf = false;
  for (let l = 0; l < levels.length; l++) {
    if (levels[l].includes("\0")) return null; // a binary file: the JS reader names it
    if (text) {
      // Already text: only missing tokens matter now (numbers and infinities are kept as text).
      kind[l] = mayBeMissing(levels[l]) && isMissingCell(levels[l]) ? MISSING_CELL : TEXT_CELL;
      continue;
    }
    kind[l] = cellKind(levels[l], one);
    if (kind[l] === NUMBER_CELL) number[l] = one[0];
    else if (kind[l] === TEXT_CELL) text = true;
    else if (kind[l] === INFINITE_CELL) inf = true;
  }
  if (!text) {
    if (inf) return null;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      out[i] = c < 0 || kind[c] === MISSING_CELL ? NaN : number[c];
    }
    return {column: out};
  }
  // Text: missing tokens become null; codes renumbered in first-appearance order without them.
  // Levels are numbered in order of first appearance, so the first text cell is the first row holding
  // the lowest-numbered text level.
  let firstLevel = -1;
  for (let l = 0; l < levels.length && firstLevel < 0; l++) if (kind[l] === TEXT_CELL) firstLevel = l;
  let anyMissing = false;
  for (let l = 0; l < levels.length && !anyMissing; l++) if (kind[l] === MISSING_CELL) anyMissing = true;
  let kept = levels;
  if (anyMissing) {
    const remap = new Int32Array(levels.length).fill(-1);
    kept = [];
    for (let l = 0; l < levels.length; l++) if (kind[l] !== MISSING_CELL) remap[l] = kept.push(levels[l]) - 1;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      codes[i] = c < 0 ? -1 : remap[c];
    }
    firstLevel = remap[firstLevel];
  }
  const column: Array<string | null> = new Array(n);
  let firstRow = -1;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) column[i] = null;
    else {
      column[i] = kept[c];
      if (c === firstLevel && firstRow < 0) firstRow = i;
    }
  }
  attachDictionary(column, codes, kept);
  return {column, first: {row: firstRow, value: firstRow < 0 ? null : column[firstRow]}};
}

/**
 * False when `s` cannot be a missing token (cells.ts: "", "NA", "NaN", "." after trimming): longer than 3
 * characters with no blank at either end. Spares the trim and Set lookup on each of 100k+ id levels (~8 ms).
 * Every character String.prototype.trim removes is <= 0x20 or >= 0xa0.
 */
export function mayBeMissing(s: string): boolean {
  if (s.length <= 3) return true;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80;
}

/** A Parquet string column (parquet.ts/typed.ts textColumn): text as stored, only nulls missing. */
export function parquetText(coder: Coder, n: number): {column: Column; first: {row: number; value: string | null}} {
  const codes = coder.codes.subarray(0, n);
  const levels = coder.levels;
  // Levels are numbered in order of first appearance: the first non-number cell is the first row of the
  // lowest-numbered non-number level, found without classifying the others.
  const one = new Float64Array(1);
  let firstLevel = -1;
  for (let l = 0; l < levels.length && firstLevel < 0; l++) {
    const k = cellKind(levels[l], one);
    if (k === TEXT_CELL || k === INFINITE_CELL) firstLevel = l;
  }
  const column: Array<string | null> = new Array(n);
  let firstRow = -1;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) column[i] = null;
    else {
      column[i] = levels[c];
      if (c === firstLevel && firstRow < 0) firstRow = i;
    }
  }
  attachDictionary(column, codes, levels);
  return {column, first: {row: firstRow, value: firstRow < 0 ? null : levels[firstLevel]}};
}

/**
 * How many `_` the column's cells hold, summed over its `n` rows (null cells: none). The reader compares
 * the file's count with the cells it read as text: DuckDB reads "1_000" as 1000 in a DOUBLE column (its
 * cast allows digit separators), where the JS reader keeps the cell as text.
 */
export function underscoresIn(coder: Coder, n: number): number {
  const levels = coder.levels;
  const per = new Int32Array(levels.length);
  let any = false;
  for (let l = 0; l < levels.length; l++) {
    const s = levels[l];
    let k = 0;
    for (let at = s.indexOf("_"); at >= 0; at = s.indexOf("_", at + 1)) k++;
    per[l] = k;
    if (k) any = true;
  }
  if (!any) return 0;
  const codes = coder.codes;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c >= 0) total += per[c];
  }
  return total;
}
