/**
 * How one text cell is read: missing, a number, an infinity, or text.
 *
 * Missing-value tokens (the same in every column, compared after trimming blanks):
 *   ""  (empty cell)   "NA" (R)   "NaN" (pandas, JS)   "." (Stata)
 * Numbers: decimal notation with optional sign, fraction and exponent (`-1.5e-3`, `.5`, `2008`),
 * surrounding blanks allowed. Not numbers: hexadecimal, thousands separators, decimal commas.
 * Infinities (`Inf`, `-Inf`, `Infinity`, any case): a separate kind, because in a numeric column they
 * are an error (they would poison every sum) rather than text.
 */

const MISSING = new Set(["", "NA", "NaN", "."]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;

/** Kinds of cell: 0 missing, 1 number, 2 infinity, 3 text. */
export const MISSING_CELL = 0;
export const NUMBER_CELL = 1;
export const INFINITE_CELL = 2;
export const TEXT_CELL = 3;

/**
 * Classifies a cell; `out[0]` receives the number for NUMBER_CELL.
 *
 * @example const v = new Float64Array(1); cellKind(" 2.5e1 ", v) // NUMBER_CELL, v[0] === 25
 * @example cellKind("NA", v) // MISSING_CELL
 */
export function cellKind(cell: string, out: Float64Array): number {
  const s = cell.trim();
  if (MISSING.has(s)) return MISSING_CELL;
  if (NUMBER.test(s)) {
    const v = Number(s);
    // "1e999" matches the pattern but overflows to Infinity: report it as an infinity.
    if (!Number.isFinite(v)) return INFINITE_CELL;
    out[0] = v;
    return NUMBER_CELL;
  }
  if (INFINITY.test(s)) return INFINITE_CELL;
  return TEXT_CELL;
}

/** True if the trimmed cell is one of the missing-value tokens. @example isMissingCell(" NA ") // true */
export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim());
}
