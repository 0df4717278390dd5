/**
 * CSV (RFC 4180) to `Frame`. Browser-safe: takes a string or the file's bytes.
 *
 * Conventions:
 * - UTF-8, with or without byte-order mark; LF, CRLF (or lone CR) line ends; comma separator.
 * - Fields may be quoted with `"`; a quote inside a quoted field is written `""`; quoted fields may
 *   span lines. A quote inside an unquoted field is kept literally (lenient, as R and pandas).
 * - The first record is the header: names must be non-empty and distinct.
 * - Blank lines are skipped; every other record must have as many fields as the header.
 * - Missing values: empty, `NA`, `NaN`, `.` (see cells.ts). A column is numeric (Float64Array,
 *   missing = NaN) if every non-missing cell is a finite number; otherwise it is text (strings,
 *   missing = null) and its first non-numeric cell is remembered for error messages.
 * - `Inf`/`-Inf`/`Infinity` in an otherwise numeric column is an error naming column and line.
 * Every error says "line N" = the line of the file where the offending record starts (header = 1).
 */
import type {Column} from "../engine/types.js";
import {UserError} from "../errors.js";
import {cellKind, INFINITE_CELL, MISSING_CELL, NUMBER_CELL} from "./cells.js";
import {decodeUtf8} from "./decode.js";
import type {NotNumeric, ParsedTable} from "./types.js";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Parses CSV text (or UTF-8 bytes) into a Frame with typed columns. `columns`: type and keep only these
 * (in the file's order); every row is still split and counted, so a malformed file is refused whatever
 * is asked, but a cell of another column is never read as a number (an infinity there is not an error).
 *
 * @example
 * parseCsv('id,t,y\n"A",1,2.5\n"A",2,NA\n', "p.csv").frame
 * // {nrows: 2, columns: {id: ["A", "A"], t: Float64Array [1, 2], y: Float64Array [2.5, NaN]}}
 */
export function parseCsv(input: string | Uint8Array, source = "data.csv", columns?: readonly string[]): ParsedTable {
  const text = typeof input === "string" ? stripBom(input) : decodeUtf8(input, source);
  const {records, lines} = splitRecords(text, source);
  if (records.length === 0) throw new UserError(`${source}: the file is empty (a header row is required)`);
  const header = records[0];
  const ncol = header.length;
  const seen = new Map<string, number>();
  header.forEach((name, j) => {
    if (name.trim() === "") throw new UserError(`${source} line ${lines[0]}: column ${j + 1} has an empty name`);
    const before = seen.get(name);
    if (before !== undefined) {
      throw new UserError(`${source} line ${lines[0]}: duplicate column name "${name}" (columns ${before + 1} and ${j + 1})`);
    }
    seen.set(name, j);
  });
  const nrows = records.length - 1;
  for (let r = 1; r <= nrows; r++) {
    if (records[r].length !== ncol) {
      throw new UserError(`${source} line ${lines[r]}: ${records[r].length} fields, but the header has ${ncol}`);
    }
  }
  const wanted = columns ? new Set(columns) : null;
  const built: Record<string, Column> = {};
  const notNumeric: Record<string, NotNumeric> = {};
  for (let j = 0; j < ncol; j++) {
    const name = header[j];
    if (wanted && !wanted.has(name)) continue;
    const column = buildColumn(records, lines, j, name, source);
    built[name] = column.column;
    if (column.notNumeric) notNumeric[name] = column.notNumeric;
  }
  return {frame: {nrows, columns: built}, source, format: "csv", notNumeric};
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Column j as numbers if every non-missing cell is a number, else as text. Records[0] is the header. */
function buildColumn(records: string[][], lines: number[], j: number, name: string, source: string) {
  const n = records.length - 1;
  const values = new Float64Array(n);
  const scratch = new Float64Array(1);
  let firstText = -1;
  let firstInf = -1;
  for (let r = 0; r < n; r++) {
    const kind = cellKind(records[r + 1][j], scratch);
    if (kind === NUMBER_CELL) values[r] = scratch[0];
    else if (kind === MISSING_CELL) values[r] = NaN;
    else if (kind === INFINITE_CELL) {
      if (firstInf < 0) firstInf = r;
    } else {
      firstText = r;
      break;
    }
  }
  if (firstText < 0) {
    if (firstInf >= 0) {
      const cell = records[firstInf + 1][j].trim();
      throw new UserError(
        `${source}: column "${name}" line ${lines[firstInf + 1]}: infinite value "${cell}" (leave the cell empty or write NA for a missing value)`
      );
    }
    return {column: values as Column, notNumeric: undefined};
  }
  const text: Array<string | null> = new Array(n);
  for (let r = 0; r < n; r++) {
    const cell = records[r + 1][j];
    text[r] = cellKind(cell, scratch) === MISSING_CELL ? null : cell;
  }
  return {column: text as Column, notNumeric: {where: `line ${lines[firstText + 1]}`, value: records[firstText + 1][j]}};
}

/**
 * Splits text into records of fields (RFC 4180) and the file line on which each record starts.
 * Character-code scanning; substrings are taken only for whole fields.
 */
function splitRecords(text: string, source: string): {records: string[][]; lines: number[]} {
  const records: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    // Blank line (LF, CRLF or CR alone): skipped.
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        let parts = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new UserError(`${source} line ${quoteLine}: a quoted field is never closed`);
          for (let k = from; k < q; k++) if (text.charCodeAt(k) === LF || (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) !== LF)) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field = parts + text.slice(from, q);
          i = q + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < n && after !== COMMA && after !== LF && after !== CR) {
          throw new UserError(`${source} line ${line}: unexpected text after a closing quote (write "" for a quote inside a quoted field)`);
        }
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === COMMA || c === LF || c === CR) break;
          k++;
        }
        field = text.slice(i, k);
        i = k;
      }
      fields.push(field);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push(fields);
    lines.push(startLine);
  }
  return {records, lines};
}
