/**
 * Text columns of the DuckDB reader (read.ts) into the JS readers' columns: a CSV text column by the CSV
 * reader's rule (src/lib/table/csv.ts), a Parquet string column as stored (parquet.ts), each from its
 * dictionary codes and distinct values (columns.ts TextCoder, coder-worker.ts). A text column's per-row array
 * and its strings (one per distinct value) are made when the column is first read (lazyColumn): an id
 * column the caller never reads costs its codes and key bytes only. 1M-row firm files (215k ids), medians of
 * 9 alternating reads: Parquet ~225 -> ~190 ms, CSV ~387 -> ~361 ms (with parquet-footer.ts).
 */
import type {Column} from "../../src/lib/engine/types.js";
import {attachDictionary} from "../../src/lib/engine/frame.js";
import {cellKind, INFINITE_CELL, isMissingCell, MISSING_CELL, NUMBER_CELL, TEXT_CELL} from "../../src/lib/table/cells.js";
import type {Coder} from "./columns.js";

/**
 * A text column as the reader returns it: numbers (`column`), or text made when the column is first read
 * (`text`, see lazyColumn), with the first cell that is not a number (error messages name it).
 */
export interface TextResult {
  column?: Float64Array;
  text?: () => Array<string | null>;
  first?: {row: number; value: string | null};
}

/**
 * A CSV text column by the JS reader's rule (csv.ts buildColumn), applied once per distinct value:
 * numbers if every non-missing cell is a number (missing tokens are compared after trimming), an error
 * (null here) if the only non-numbers are infinities, else text with the missing tokens as null. Once a
 * level is text, the others are checked from their key bytes (a NUL, a possible missing token), without
 * making their strings.
 */
export function csvText(coder: Coder, n: number): TextResult | null {
  const codes = coder.codes.subarray(0, n);
  const keyed = coder.keyed;
  const count = keyed.count;
  const kind = new Uint8Array(count);
  const number = new Float64Array(count);
  const one = new Float64Array(1);
  let text = false;
  let inf = false;
  for (let l = 0; l < count; l++) {
    if (keyed.hasNul(l)) return null; // a binary file: the JS reader names it
    if (text) {
      // Already text: only missing tokens matter now (numbers and infinities are kept as text).
      kind[l] = keyed.mayBeMissing(l) && isMissingCell(keyed.at(l)) ? MISSING_CELL : TEXT_CELL;
      continue;
    }
    kind[l] = cellKind(keyed.at(l), one);
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
  for (let l = 0; l < count && firstLevel < 0; l++) if (kind[l] === TEXT_CELL) firstLevel = l;
  const firstValue = keyed.at(firstLevel);
  let anyMissing = false;
  for (let l = 0; l < count && !anyMissing; l++) if (kind[l] === MISSING_CELL) anyMissing = true;
  let kept: () => string[] = () => keyed.all();
  if (anyMissing) {
    const remap = new Int32Array(count).fill(-1);
    let next = 0;
    for (let l = 0; l < count; l++) if (kind[l] !== MISSING_CELL) remap[l] = next++;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      codes[i] = c < 0 ? -1 : remap[c];
    }
    firstLevel = remap[firstLevel];
    kept = () => keyed.all().filter((_, l) => kind[l] !== MISSING_CELL);
  }
  return {text: () => codedTextColumn(codes, kept()), first: {row: codes.indexOf(firstLevel), value: firstValue}};
}

/** The per-row array of a coded text column (null: code -1), its codes attached for `factorize`. */
export function codedTextColumn(codes: Int32Array, levels: string[]): Array<string | null> {
  const n = codes.length;
  const column: Array<string | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    column[i] = c < 0 ? null : levels[c];
  }
  attachDictionary(column, codes, levels);
  return column;
}

/**
 * Sets `columns[name]` to a column made by `build` when it is first read, then kept as a plain property:
 * a text column nobody reads (an id the model does not use) costs its codes and key bytes, not a string
 * per distinct value and an array of the rows. Assigning the property replaces it like any other.
 */
export function lazyColumn(columns: Record<string, Column>, name: string, build: () => Column): void {
  const settle = (value: Column) => Object.defineProperty(columns, name, {value, writable: true, enumerable: true, configurable: true});
  let made: Column | null = null;
  Object.defineProperty(columns, name, {
    enumerable: true,
    configurable: true,
    get() {
      made ??= build();
      // A frozen frame keeps the getter, which then returns the array it made.
      if (Object.isExtensible(columns)) settle(made);
      return made;
    },
    set(value: Column) {
      settle(value);
    }
  });
}

/** A Parquet string column (parquet.ts/typed.ts textColumn): text as stored, only nulls missing. */
export function parquetText(coder: Coder, n: number): TextResult & {first: {row: number; value: string | null}} {
  const codes = coder.codes.subarray(0, n);
  const keyed = coder.keyed;
  // Levels are numbered in order of first appearance: the first non-number cell is the first row of the
  // lowest-numbered non-number level, found without classifying the others.
  const one = new Float64Array(1);
  let firstLevel = -1;
  for (let l = 0; l < keyed.count && firstLevel < 0; l++) {
    const k = cellKind(keyed.at(l), one);
    if (k === TEXT_CELL || k === INFINITE_CELL) firstLevel = l;
  }
  const firstRow = firstLevel < 0 ? -1 : codes.indexOf(firstLevel);
  return {text: () => codedTextColumn(codes, keyed.all()), first: {row: firstRow, value: firstRow < 0 ? null : keyed.at(firstLevel)}};
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
