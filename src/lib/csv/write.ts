/**
 * The one CSV writer of the site (notebook tables, model tables, the explorer, the multiverse, customs
 * problems). RFC 4180 quoting (a field with a comma, a quote or a line break is quoted, quotes doubled),
 * and OWASP's rule against CSV injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would open in a spreadsheet as a live formula (`=HYPERLINK(...)`), so it gets a leading
 * `'` and opens as text. Numbers are written as numbers: a cell that is only a number (optionally followed
 * by significance stars, as in a regression table: `-0.25**`) has no letters or parentheses, so it cannot
 * call a function, and is left alone. https://owasp.org/www-community/attacks/CSV_Injection
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\**$/;

/**
 * One CSV field. null/undefined and non-finite numbers become empty; text is neutralised and quoted.
 * Example: `csvCell("=HYPERLINK(\"x\")")` -> `"'=HYPERLINK(""x"")"`; `csvCell(-0.5)` -> `-0.5`.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return value.toString();
  const s = String(value);
  const safe = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (no line ending). Example: `csvRow(["a", 1, null])` -> `a,1,`. */
export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole CSV text, `\n` line endings and a final newline. Example: `csvText([["x"], [1]])` -> `x\n1\n`. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvRow).join("\n") + "\n";
}
