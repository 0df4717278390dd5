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
 * column, so a user can fix the whole file in one pass. Rows are checked one at a time (createRowValidator) so
 * a file of any length streams through; problems go to a ProblemSink that keeps the first few in memory and
 * can count (or write out) the rest. Reading bytes (encoding, delimiter, Excel/Parquet) is ./read.ts.
 */
import {csvCell} from "../csv/write.js";
import countries from "i18n-iso-countries";
import {regionCollision} from "./columns.js";

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

/** Where problems go: the first `keep` are kept as objects, all are counted (and optionally written as CSV lines). */
export interface ProblemSink {
  add(p: CustomsProblem): void;
  readonly first: CustomsProblem[];
  readonly count: number;
}

/**
 * A sink keeping the first `keep` problems; with `lines`, every problem is also appended to it as a CSV line
 * `line,column,message` (for a download of all problems), its message passed through `translate` (the
 * Chinese page's download is in Chinese: message-zh.ts).
 * Example: `const s = problemSink(200); s.add(p); s.count` -> 1.
 */
export function problemSink(keep = Infinity, lines?: {push(text: string): void}, translate: (message: string) => string = (m) => m): ProblemSink {
  const first: CustomsProblem[] = [];
  let count = 0;
  return {
    add(p) {
      count++;
      if (first.length < keep) first.push(p);
      if (lines) lines.push(`${p.line},${csvCell(p.column ?? "")},${csvCell(translate(p.message))}\n`);
    },
    first,
    get count() {
      return count;
    }
  };
}

/**
 * Header problems (missing, unexpected or repeated columns), each on line 1. Empty when the header is usable.
 * Example: `headerProblems(["region", "partner", "year", "exports_usd"])` -> missing partner_iso3, unexpected partner.
 */
export function headerProblems(header: string[]): CustomsProblem[] {
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
  return problems;
}

/**
 * Checks data rows one at a time against a usable header (see headerProblems): `row(cells, line)` takes the
 * record's fields in file order, trims each cell, sends every problem to `sink` and returns the valid row (or
 * null). Columns are found by header name, never by position. Duplicate region-partner-year keys are found
 * across all rows seen so far.
 */
export function createRowValidator(header: string[], sink: ProblemSink): {row(cells: string[], line: number): CustomsRow | null} {
  const names = header.map((h) => h.trim());
  const at = (c: string) => names.indexOf(c);
  const iRegion = at("region"), iPartner = at("partner_iso3"), iYear = at("year"), iValue = at("exports_usd");
  const firstLine = new Map<string, number>();
  // Verdicts per distinct code, computed once (a file has few distinct regions and partners but many rows).
  const regionVerdict = new Map<string, string | null>();
  const partnerCache = new Map<string, string | null>();
  return {
    row(cells, line) {
      let ok = true;
      const add = (column: string, message: string) => {
        ok = false;
        sink.add({line, column, message});
      };
      const cell = (i: number) => (cells[i] ?? "").trim();

      const region = cell(iRegion);
      let verdict = regionVerdict.get(region);
      if (verdict === undefined) {
        verdict =
          region === "" ? "missing region code"
          : !REGION.test(region) ? `region "${region}" must be a short lowercase code such as zj or wz`
          : regionCollision(region);
        if (regionVerdict.size < 10_000) regionVerdict.set(region, verdict);
      }
      if (verdict) add("region", verdict);

      const partner = cell(iPartner);
      let partnerVerdict = partnerCache.get(partner);
      if (partnerVerdict === undefined) {
        partnerVerdict =
          partner === "" ? "missing partner ISO3 code"
          : isIso3Code(partner) ? null
          : `"${partner}" is not an ISO 3166-1 alpha-3 country code${isIso3Code(partner.toUpperCase()) ? ` (write it in capitals: ${partner.toUpperCase()})` : ""}`;
        if (partnerCache.size < 10_000) partnerCache.set(partner, partnerVerdict);
      }
      if (partnerVerdict) add("partner_iso3", partnerVerdict);

      const yearText = cell(iYear);
      const year = Number(yearText);
      if (yearText === "") add("year", "missing year");
      else if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100) add("year", `year "${yearText}" is not a 4-digit integer year`);

      const valueText = cell(iValue);
      const value = Number(valueText);
      if (valueText === "") add("exports_usd", "missing value (leave the row out instead)");
      else if (/^[+-]?(nan|inf|infinity)$/i.test(valueText)) add("exports_usd", `"${valueText}" is not a finite number`);
      else if (!NUMBER.test(valueText)) {
        const hint = /\d[, ]\d/.test(valueText) ? " (no thousands separators; use . for decimals)" : "";
        add("exports_usd", `"${valueText}" is not a number${hint}`);
      } else if (!Number.isFinite(value)) add("exports_usd", `"${valueText}" is not a finite number`);
      else if (value < 0) add("exports_usd", `negative exports ${valueText}`);

      if (!ok) return null;
      const key = `${region}|${partner}|${year}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        add("year", `duplicate of line ${first} (same region, partner_iso3 and year)`);
        return null;
      }
      firstLine.set(key, line);
      return {region, partner_iso3: partner, year, exports_usd: value};
    }
  };
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
  const problems = headerProblems(header);
  if (problems.length) return {rows: [], problems};
  const sink = problemSink();
  const check = createRowValidator(header, sink);
  const names = header.map((h) => h.trim());
  const out: CustomsRow[] = [];
  rows.forEach((raw, i) => {
    const r = check.row(names.map((h) => raw[h] ?? ""), lines?.[i] ?? i + 2);
    if (r) out.push(r);
  });
  return {rows: out, problems: sink.first};
}

/** Format a problem as one line. Example: `formatProblem({line: 3, column: "year", message: "..."}, "zj.csv")` -> `zj.csv line 3, column year: ...`. */
export function formatProblem(p: CustomsProblem, file = ""): string {
  return `${file ? file + " " : ""}line ${p.line}${p.column ? `, column ${p.column}` : ""}: ${p.message}`;
}

// Kept here for callers that import it from this module; the implementation is the one reader (./read.ts).
// (read.ts imports this module too; neither uses the other at load time, so the cycle is harmless.)
export {validateCustomsCsv} from "./read.js";
