/**
 * Delimited text, record by record (browser-safe, no Node APIs): RFC 4180 quoting (`"` with `""` escapes),
 * LF, CRLF or CR line ends, blank lines skipped, and the delimiter detected from the header line. Records are
 * handed to a callback one at a time so a 50 MB file never exists as one big array of arrays (memory stays a
 * small multiple of the text; the customs page's worker relies on that).
 */
import {CsvSyntaxError} from "./csv.js";

export type Delimiter = "," | ";" | "\t" | "|";
export const DELIMITER_NAMES: Record<Delimiter, {en: string; zh: string}> = {
  ",": {en: "comma", zh: "逗号"},
  ";": {en: "semicolon", zh: "分号"},
  "\t": {en: "tab", zh: "制表符"},
  "|": {en: "vertical bar", zh: "竖线"}
};

/**
 * The delimiter of the header line. With `known` column names, the candidate (comma, semicolon, tab,
 * vertical bar) whose split of the header yields the most known names (after trimming) wins, so padding a
 * comma-separated header with tabs does not fool it; otherwise, or on a tie, the candidate that occurs most
 * often outside quotes on the first non-blank line (comma when none occurs or on a tie with comma).
 * Example: `detectDelimiter("region;partner_iso3;year;exports_usd\n...")` -> ";".
 */
export function detectDelimiter(text: string, known: readonly string[] = []): Delimiter {
  const counts: Record<Delimiter, number> = {",": 0, ";": 0, "\t": 0, "|": 0};
  let i = 0;
  while (i < text.length && (text[i] === "\n" || text[i] === "\r")) i++;
  const start = i;
  let inQuotes = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && c in counts) counts[c as Delimiter]++;
  }
  const headerLine = text.slice(start, i);
  const hits = (d: Delimiter) => (known.length ? headerLine.split(d).filter((f) => known.includes(f.trim().replace(/^"|"$/g, "").trim())).length : 0);
  let best: Delimiter = ",";
  for (const d of [";", "\t", "|"] as Delimiter[]) {
    const h = hits(d), hb = hits(best);
    if (h > hb || (h === hb && counts[d] > counts[best])) best = d;
  }
  return best;
}

/**
 * Calls `onRecord(fields, line)` for each non-blank record (`line` = 1-based line where it starts), and
 * `onProgress(position, length)` every 64K characters. Fields are returned as written (not trimmed).
 * Throws CsvSyntaxError for a quoted field that is never closed.
 * Example: `forEachRecord('a;"b;c"\n', ";", (f) => f)` calls back with `["a", "b;c"]`, line 1.
 */
export function forEachRecord(
  text: string,
  delimiter: Delimiter,
  onRecord: (fields: string[], line: number) => void,
  onProgress?: (position: number, length: number) => void
): void {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  let nextReport = 1 << 16;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let quotedAny = false;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === 34) {
        // Quoted field: pieces between escaped quotes, line breaks inside counted.
        quotedAny = true;
        const open = line;
        let j = i + 1;
        let out = "";
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntaxError(`line ${open}: a quoted field is never closed`, open);
          for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10 || (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) !== 10)) line++;
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // Characters after the closing quote and before the delimiter are kept (lenient, as most readers are).
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        field = out + text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        field = text.slice(i, k);
        i = k;
      }
      fields.push(field);
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        if (i >= n) {
          fields.push("");
          break;
        }
        continue;
      }
      break;
    }
    // At a line end (or the end of the text).
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      line++;
    }
    if (!(fields.length === 1 && fields[0] === "" && !quotedAny)) onRecord(fields, recordLine);
    if (onProgress && i >= nextReport) {
      onProgress(i, n);
      nextReport = i + (1 << 16);
    }
  }
  onProgress?.(n, n);
}
