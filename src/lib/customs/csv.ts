/**
 * A small RFC 4180 CSV reader, browser-safe (no Node APIs), shared by the customs page's upload and the
 * Node loaders. It keeps the 1-based line number of each record so that errors can point at the line.
 */

import {csvCell} from "../csv/write.js";

export interface CsvTable {
  header: string[];
  /** Data records (header excluded), each the list of its fields as text. */
  records: string[][];
  /** 1-based line number in the file where each record starts (the header is line 1). */
  lines: number[];
}

/** Error in the CSV syntax itself (e.g. an unclosed quote); `line` is 1-based. */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Parse CSV text: comma separator, `"` quoting with `""` escapes, LF or CRLF line ends, a UTF-8 BOM is
 * dropped, and fully blank lines are skipped. Field text is returned as is (no trimming, no type guessing).
 * Example: `parseCsv("a,b\n1,\"x,y\"\n")` -> `{header: ["a","b"], records: [["1","x,y"]], lines: [2]}`.
 */
export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const all: string[][] = [];
  const starts: number[] = [];
  let field = "";
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStarted = false; // distinguishes an empty line from a record with one empty field
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === "" && !fieldStarted)) {
      all.push(record);
      starts.push(recordLine);
    }
    record = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(`line ${quoteLine}: a quoted field is never closed`, quoteLine);
  if (field !== "" || record.length > 0 || fieldStarted) endRecord();
  if (all.length === 0) return {header: [], records: [], lines: []};
  return {header: all[0].map((h) => h.trim()), records: all.slice(1), lines: starts.slice(1)};
}

/**
 * A CSV field, through the site's one writer (src/lib/csv/write.ts: RFC 4180 quoting, formula cells neutralised).
 * Example: `csvField('a,"b"')` -> `"a,""b"""`.
 */
export function csvField(value: string): string {
  return csvCell(value);
}
