/**
 * Validation of user-supplied customs export files (browser-safe: used by the `dtb` loaders in Node and by the
 * customs page's in-browser upload).
 *
 * Schema (documented in data/customs/README.md): CSV with exactly the columns
 *   region        short lowercase code of the exporting region, e.g. `zj` (Zhejiang), `wz` (Wenzhou)
 *   partner_iso3  destination economy, ISO 3166-1 alpha-3 in capitals (Kosovo: XKX)
 *   year          calendar year, 4-digit integer
 *   exports_usd   exports in US$ (not thousands), a finite number >= 0, `.` decimals, no thousands separators
 * and no two rows with the same region, partner_iso3 and year.
 *
 * Every problem is reported (not just the first), each with its 1-based file line (the header is line 1) and
 * column, so a user can fix the whole file in one pass.
 */
import countries from "i18n-iso-countries";
import {parseCsv, CsvSyntaxError} from "./csv.js";

export const CUSTOMS_COLUMNS = ["region", "partner_iso3", "year", "exports_usd"] as const;

/** One valid observation. */
export interface CustomsRow {
  region: string;
  partner_iso3: string;
  year: number;
  exports_usd: number;
}

/** One problem: file line (1 = header), the column when it concerns one, and a plain message. */
export interface CustomsProblem {
  line: number;
  column?: string;
  message: string;
}

export interface CustomsValidation {
  /** The rows without problems (a row with any problem is left out). */
  rows: CustomsRow[];
  problems: CustomsProblem[];
}

const REGION = /^[a-z][a-z0-9_]{0,15}$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True for a capitalised ISO 3166-1 alpha-3 code (or XKX). Example: `isIso3Code("FRA")` -> true. */
export function isIso3Code(code: string): boolean {
  return code === "XKX" || (/^[A-Z]{3}$/.test(code) && countries.isValid(code));
}

/**
 * Validate parsed customs records. `header` is the file's header; `rows` map header names to cell text;
 * `lines` (optional) gives each row's file line (default: row i is line i + 2).
 * Example: `validateCustoms([{region: "zj", partner_iso3: "USA", year: "2019", exports_usd: "1.5e9"}],
 * ["region", "partner_iso3", "year", "exports_usd"])` -> `{rows: [{region: "zj", ..., exports_usd: 1.5e9}], problems: []}`.
 */
export function validateCustoms(
  rows: Record<string, string>[],
  header: string[],
  lines?: number[]
): CustomsValidation {
  const problems: CustomsProblem[] = [];
  const names = header.map((h) => h.trim());
  for (const col of CUSTOMS_COLUMNS) {
    if (!names.includes(col)) problems.push({line: 1, column: col, message: `missing column "${col}"`});
  }
  names.forEach((name, i) => {
    if (!(CUSTOMS_COLUMNS as readonly string[]).includes(name)) {
      problems.push({line: 1, column: name || `#${i + 1}`, message: `unexpected column "${name}" (allowed: ${CUSTOMS_COLUMNS.join(", ")})`});
    } else if (names.indexOf(name) !== i) {
      problems.push({line: 1, column: name, message: `column "${name}" appears twice`});
    }
  });
  if (problems.length) return {rows: [], problems};

  const out: CustomsRow[] = [];
  const firstLine = new Map<string, number>();
  rows.forEach((raw, i) => {
    const line = lines?.[i] ?? i + 2;
    const before = problems.length;
    const cell = (c: string) => (raw[c] ?? "").trim();
    const add = (column: string, message: string) => problems.push({line, column, message});

    const region = cell("region");
    if (region === "") add("region", "missing region code");
    else if (!REGION.test(region)) add("region", `region "${region}" must be a short lowercase code such as zj or wz`);

    const partner = cell("partner_iso3");
    if (partner === "") add("partner_iso3", "missing partner ISO3 code");
    else if (!isIso3Code(partner)) {
      const hint = isIso3Code(partner.toUpperCase()) ? ` (write it in capitals: ${partner.toUpperCase()})` : "";
      add("partner_iso3", `"${partner}" is not an ISO 3166-1 alpha-3 country code${hint}`);
    }

    const yearText = cell("year");
    const year = Number(yearText);
    if (yearText === "") add("year", "missing year");
    else if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100) add("year", `year "${yearText}" is not a 4-digit integer year`);

    const valueText = cell("exports_usd");
    const value = Number(valueText);
    if (valueText === "") add("exports_usd", "missing value (leave the row out instead)");
    else if (/^[+-]?(nan|inf|infinity)$/i.test(valueText)) add("exports_usd", `"${valueText}" is not a finite number`);
    else if (!NUMBER.test(valueText)) {
      const hint = /\d[, ]\d/.test(valueText) ? " (no thousands separators; use . for decimals)" : "";
      add("exports_usd", `"${valueText}" is not a number${hint}`);
    } else if (!Number.isFinite(value)) add("exports_usd", `"${valueText}" is not a finite number`);
    else if (value < 0) add("exports_usd", `negative exports ${valueText}`);

    if (problems.length === before) {
      const key = `${region}|${partner}|${year}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        add("year", `duplicate of line ${first} (same region, partner_iso3 and year)`);
      } else {
        firstLine.set(key, line);
        out.push({region, partner_iso3: partner, year, exports_usd: value});
      }
    }
  });
  return {rows: out, problems};
}

/**
 * Parse and validate the text of a customs CSV file. Besides validateCustoms' checks it reports records with
 * the wrong number of fields and CSV syntax errors (unclosed quote).
 * Example: `validateCustomsCsv("region,partner_iso3,year,exports_usd\nzj,USA,2019,100\n").rows.length` -> 1.
 */
export function validateCustomsCsv(text: string): CustomsValidation {
  let csv;
  try {
    csv = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return {rows: [], problems: [{line: e.line, message: e.message.replace(/^line \d+: /, "")}]};
    throw e;
  }
  if (csv.header.length === 0) return {rows: [], problems: [{line: 1, message: "empty file (expected a header row)"}]};
  const shape: CustomsProblem[] = [];
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  csv.records.forEach((rec, i) => {
    if (rec.length !== csv.header.length) {
      shape.push({line: csv.lines[i], message: `expected ${csv.header.length} fields, found ${rec.length}`});
      return;
    }
    rows.push(Object.fromEntries(csv.header.map((h, j) => [h, rec[j]])));
    lines.push(csv.lines[i]);
  });
  const result = validateCustoms(rows, csv.header, lines);
  const problems = [...shape, ...result.problems].sort((a, b) => a.line - b.line);
  return {rows: result.rows, problems};
}

/** Format a problem as one line. Example: `formatProblem({line: 3, column: "year", message: "..."}, "zj.csv")` -> `zj.csv line 3, column year: ...`. */
export function formatProblem(p: CustomsProblem, file = ""): string {
  return `${file ? file + " " : ""}line ${p.line}${p.column ? `, column ${p.column}` : ""}: ${p.message}`;
}
