/**
 * The one reader of customs files, used by the customs page (in a Web Worker), the explorer's customs input
 * and the Node loaders (data/customs/): bytes -> kind (text, Parquet, or a binary it names) -> text with a
 * detected encoding -> records with a detected delimiter -> rows checked one at a time by header name, with
 * every cell trimmed. Nothing here depends on column order, padding, line ends or encoding: the property tests
 * in tests/lib/customs/read.test.ts permute, pad, re-end and re-encode files and expect the same rows.
 *
 * A file that cannot be a customs file at all (binary, Excel, raw transaction records, unclosed quote, no
 * header) gives `error` (a code for pages to translate and a one-line English message); a readable file gives
 * its valid rows and its problems (the first `keep`, the total count, and optionally all of them as CSV lines).
 */
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import {CsvSyntaxError} from "./csv.js";
import {BINARY_NAMES, decodeText, sniff, type BinaryKind, type TextEncoding} from "./decode.js";
import {DELIMITER_NAMES, detectDelimiter, forEachRecord, type Delimiter} from "./delimited.js";
import {CUSTOMS_COLUMNS, createRowValidator, headerProblems, problemSink, type CustomsProblem, type CustomsRow, type CustomsValidation} from "./validate.js";

/** The command that turns raw customs transaction records into the four-column file (issue #11, `dtb customs`). */
export const AGGREGATE_COMMAND = "dtb customs aggregate --input FILE --regions zj=33,wz=3303 [--modes cbec=9610,9710,9810,1210] --out customs.csv";

/** Columns of raw customs transaction records (data/customs/README.md, records schema). */
const RAW_COLUMNS = ["firm_id", "region_code", "hs_code", "customs_mode", "value_usd", "month"];

export type CustomsErrorCode = "binary" | "excel" | "encoding" | "raw-records" | "syntax" | "empty" | "parquet" | "too-big" | "collision";

export interface CustomsFileError {
  code: CustomsErrorCode;
  /** One line, English (pages translate by `code` and show `detail` as is). */
  message: string;
  /** The part that names the file's content: the binary kind, the raw columns seen, the syntax message. */
  detail?: string;
}

export interface CustomsRead {
  format: "csv" | "parquet";
  /** "line" for text (header = line 1), "row" for Parquet (first data row = row 1). */
  unit: "line" | "row";
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Data records read (header excluded). */
  records: number;
  rows: CustomsRow[];
  /** The first `keep` problems, in file order. */
  problems: CustomsProblem[];
  /** All problems, including those not kept. */
  problemCount: number;
  error: CustomsFileError | null;
}

export interface ReadOptions {
  /** How many problems to keep as objects (default: all). */
  keep?: number;
  /** Receives every problem as a CSV line `line,column,message\n` (for a download of all problems). */
  allProblems?: {push(text: string): void};
  /** Turns each message of `allProblems` into the reader's language (default: as written, English). */
  translate?: (message: string) => string;
  onProgress?: (done: number, total: number) => void;
}

/** Max size of a customs file read in the browser (page and explorer): 50 MB. */
export const MAX_CUSTOMS_BYTES = 50 * 1024 * 1024;

/** "read as UTF-16 LE, semicolon-separated" (EN/ZH), for the page's status line. */
export function describeRead(r: Pick<CustomsRead, "format" | "encoding" | "delimiter">): {en: string; zh: string} {
  if (r.format === "parquet") return {en: "read as Parquet", zh: "按 Parquet 读取"};
  const enc = r.encoding ? r.encoding.toUpperCase().replace("UTF-16LE", "UTF-16 LE").replace("UTF-16BE", "UTF-16 BE") : "";
  const d = r.delimiter ? DELIMITER_NAMES[r.delimiter] : null;
  return {
    en: `read as ${enc}${d ? `, ${d.en}-separated` : ""}`,
    zh: `按 ${enc} 编码${d ? `、${d.zh}分隔` : ""}读取`
  };
}

const failed = (base: Partial<CustomsRead>, error: CustomsFileError): CustomsRead => ({
  format: "csv", unit: "line", encoding: null, delimiter: null, records: 0, rows: [], problems: [], problemCount: 0, ...base, error
});

/** Raw-records columns present in a header (two or more mean a file of transaction records). */
function rawColumns(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  return RAW_COLUMNS.filter((c) => names.includes(c));
}

function rawRecordsError(cols: string[]): CustomsFileError {
  return {
    code: "raw-records",
    detail: cols.join(", "),
    message: `this file holds customs transaction records (columns ${cols.join(", ")}), not yearly exports by region: aggregate it first with \`${AGGREGATE_COMMAND}\` and use customs.csv`
  };
}

/**
 * Read customs text (already decoded). Example:
 * `readCustomsText(" year ; region ;partner_iso3;exports_usd\r\n2019; zj ;USA; 100 \r\n").rows` -> `[{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 100}]` (delimiter ";").
 */
export function readCustomsText(text: string, options: ReadOptions = {}, encoding: TextEncoding | null = null): CustomsRead {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = detectDelimiter(text, [...CUSTOMS_COLUMNS, ...RAW_COLUMNS]);
  const base = {format: "csv" as const, unit: "line" as const, encoding, delimiter};
  const sink = problemSink(options.keep ?? Infinity, options.allProblems, options.translate);
  const rows: CustomsRow[] = [];
  let header: string[] | null = null;
  let validator: ReturnType<typeof createRowValidator> | null = null;
  let records = 0;
  let stop: CustomsFileError | null = null;
  const delimName = DELIMITER_NAMES[delimiter].en;
  try {
    forEachRecord(
      text,
      delimiter,
      (fields, line) => {
        if (stop) return;
        if (!header) {
          header = fields.map((f) => f.trim());
          const raw = rawColumns(header);
          if (raw.length >= 2) {
            stop = rawRecordsError(raw);
            return;
          }
          const hp = headerProblems(header);
          if (hp.length) {
            // One column whose name holds spaces or another separator: say how the file seems to be split.
            if (header.length === 1 && /\s/.test(header[0].trim())) hp.push({line: 1, message: `the header "${header[0].slice(0, 80)}" is one column: the file seems separated by spaces; use commas`});
            for (const p of hp) sink.add(p);
            stop = {code: "empty", message: ""}; // marker: header unusable, stop reading rows
            return;
          }
          validator = createRowValidator(header, sink);
          return;
        }
        records++;
        if (fields.length !== header.length) {
          const other = (Object.keys(DELIMITER_NAMES) as Delimiter[]).find((d) => d !== delimiter && fields.length === 1 && fields[0].split(d).length === header!.length);
          const hint = other ? ` (this line is separated by ${DELIMITER_NAMES[other].en}s, the header by ${delimName}s)` : "";
          sink.add({line, message: `expected ${header.length} fields, found ${fields.length}${hint}`});
          return;
        }
        const row = validator!.row(fields, line);
        if (row) rows.push(row);
      },
      options.onProgress
    );
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      sink.add({line: e.line, message: e.message.replace(/^line \d+: /, "")});
      return {...base, records, rows: [], problems: sink.first, problemCount: sink.count, error: null};
    }
    throw e;
  }
  const halted = stop as CustomsFileError | null;
  if (halted && halted.code !== "empty") return failed(base, halted);
  if (!header) return failed(base, {code: "empty", message: "empty file (expected a header row)"});
  return {...base, records, rows, problems: sink.first, problemCount: sink.count, error: null};
}

/**
 * Read a customs file's bytes: Parquet by its magic bytes, text in any of the detected encodings, anything
 * else named. `name` is only used in messages.
 * Example: `await readCustomsBytes(xlsxBytes)` -> `{error: {code: "excel", message: "this is an Excel workbook (.xlsx) ..."}}`.
 */
export async function readCustomsBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<CustomsRead> {
  const kind = sniff(bytes);
  if (kind === "parquet") return readCustomsParquet(bytes, options);
  if (kind !== "text") return failed({}, binaryError(kind));
  const {text, encoding, lossy} = decodeText(bytes);
  if (lossy) {
    return failed({encoding}, {code: "encoding", message: "the text is neither UTF-8, UTF-16 nor GB18030: save it as \"CSV UTF-8\""});
  }
  return readCustomsText(text, options, encoding);
}

function binaryError(kind: BinaryKind): CustomsFileError {
  const what = BINARY_NAMES[kind].en;
  if (kind === "xlsx" || kind === "xls") return {code: "excel", detail: kind, message: `this is ${what}, not CSV text: in Excel use File > Save As > "CSV UTF-8 (comma delimited)"`};
  return {code: "binary", detail: kind, message: `this is ${what}, not a CSV or Parquet customs file`};
}

async function readCustomsParquet(bytes: Uint8Array, options: ReadOptions): Promise<CustomsRead> {
  const base = {format: "parquet" as const, unit: "row" as const, encoding: null, delimiter: null};
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let header: string[];
  let objects: Record<string, unknown>[];
  try {
    header = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
    const raw = rawColumns(header);
    if (raw.length >= 2) return failed(base, rawRecordsError(raw));
    objects = (await parquetReadObjects({file: buffer})) as Record<string, unknown>[];
  } catch (e) {
    return failed(base, {code: "parquet", detail: (e as Error).message, message: `could not decode the Parquet file (${(e as Error).message})`});
  }
  const sink = problemSink(options.keep ?? Infinity, options.allProblems, options.translate);
  const hp = headerProblems(header);
  if (hp.length) {
    for (const p of hp) sink.add(p);
    return {...base, records: objects.length, rows: [], problems: sink.first, problemCount: sink.count, error: null};
  }
  const check = createRowValidator(header, sink);
  const rows: CustomsRow[] = [];
  objects.forEach((o, i) => {
    // Typed Parquet values are written back as the text a CSV would hold, then checked the same way.
    const row = check.row(header.map((h) => cellText(o[h])), i + 1);
    if (row) rows.push(row);
    if (options.onProgress && i % 65536 === 0) options.onProgress(i, objects.length);
  });
  options.onProgress?.(objects.length, objects.length);
  return {...base, records: objects.length, rows, problems: sink.first, problemCount: sink.count, error: null};
}

function cellText(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  return String(v);
}

/**
 * Parse and validate customs text (the shape of the old API, kept for its callers): every problem, all rows;
 * a file-level error becomes one problem on line 1.
 * Example: `validateCustomsCsv("region,partner_iso3,year,exports_usd\nzj,USA,2019,100\n").rows.length` -> 1.
 */
export function validateCustomsCsv(text: string): CustomsValidation {
  const r = readCustomsText(text);
  if (r.error) return {rows: [], problems: [{line: 1, message: r.error.message}]};
  return {rows: r.rows, problems: r.problems};
}
