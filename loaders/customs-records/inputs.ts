/**
 * Resolves `--input`: one file, a folder (every .parquet or .csv in it, recursively) or a glob that
 * DuckDB expands (`data/2019-*.parquet`). The format comes from the extensions; a folder or glob must
 * hold one format only.
 */
import {accessSync, closeSync, constants, openSync, readSync, readdirSync, statSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {UserError} from "../../src/lib/errors.js";
import type {InputFormat} from "./sql.js";

export interface Inputs {
  /** Files, or one glob pattern handed to DuckDB. */
  files: string[];
  format: InputFormat;
  /** CSV: the header shared by every file (read here so DuckDB does not have to guess it). */
  header?: string[];
  /**
   * CSV: some file ends its lines in LF in one place and CRLF in another (an exported header glued to rows
   * from another tool). DuckDB's strict parser stops on such a file with no file or line
   * ("state machine reached an invalid state"); `readFilesSql` then reads it non-strictly.
   */
  mixedNewlines?: boolean;
}

/** First 64 KB of a file as text (BOM removed). */
function head(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

/**
 * True when the first 64 KB of a CSV end lines both in LF and in CRLF.
 * Example: `"a,b\n1,2\r\n3,4\r\n"` -> true; `"a,b\r\n1,2\r\n"` -> false.
 */
export function hasMixedNewlines(text: string): boolean {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  return crlf > 0 && lf > crlf;
}

/** First line of a CSV file, split on commas (quotes removed). */
export function csvHeader(path: string): string[] {
  const line = head(path).split(/\r?\n/)[0];
  return line.split(",").map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
}

/** Files matching a pattern whose wildcards (* and ?) are in the file name only. */
function expandGlob(pattern: string): string[] {
  const dir = dirname(pattern);
  const re = new RegExp("^" + basename(pattern).replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => re.test(n) && !n.startsWith(".")).map((n) => join(dir, n)).sort();
}

function formatOf(path: string): InputFormat | null {
  if (/\.parquet$/i.test(path)) return "parquet";
  if (/\.csv(\.gz)?$/i.test(path)) return "csv";
  return null;
}

function listFolder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    if (e.name.startsWith(".") || e.name.startsWith("_")) continue; // temp and draft files
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFolder(p));
    else if (formatOf(e.name)) out.push(p);
  }
  return out.sort();
}

/** Example: `resolveInputs("records/")` -> {files: ["records/part-0000.parquet", ...], format: "parquet"}. */
export function resolveInputs(input: string | undefined): Inputs {
  if (!input) throw new UserError("missing --input FILE|FOLDER|GLOB (CSV or Parquet customs records)");
  const path = resolve(input);
  let files: string[];
  if (/[*?[]/.test(input)) {
    const format = formatOf(input);
    if (!format) throw new UserError(`--input ${input}: the pattern must end in .parquet or .csv`);
    // Wildcards in folder names (a/*/b.parquet, **): DuckDB expands them (Parquet only).
    if (/[*?[]/.test(dirname(input))) {
      if (format === "csv") throw new UserError(`--input ${input}: for CSV, wildcards are allowed in the file name only`);
      return {files: [path], format};
    }
    files = expandGlob(path);
    if (files.length === 0) throw new UserError(`no input file matches ${input}`);
  } else {
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new UserError(`cannot read input ${input}: no such file or folder`);
    }
    files = st.isDirectory() ? listFolder(path) : [path];
    if (files.length === 0) throw new UserError(`input folder ${input} holds no .parquet or .csv file`);
  }
  const formats = new Set(files.map(formatOf));
  if (formats.has(null)) throw new UserError(`cannot tell the format of ${input}: use a .parquet or .csv file name`);
  if (formats.size > 1) throw new UserError(`input ${input} mixes Parquet and CSV files: give one format at a time`);
  for (const f of files) {
    try {
      accessSync(f, constants.R_OK);
    } catch {
      throw new UserError(`cannot read input file ${f}: permission denied`);
    }
  }
  const format = [...formats][0] as InputFormat;
  if (format === "parquet") return {files, format};
  const header = csvHeader(files[0]);
  for (const f of files.slice(1)) {
    const h = csvHeader(f);
    if (h.join(",") !== header.join(",")) throw new UserError(`CSV file ${f} has the header ${h.join(",")}; ${files[0]} has ${header.join(",")} (all files must have the same columns in the same order)`);
  }
  const mixedNewlines = files.some((f) => hasMixedNewlines(head(f)));
  return {files, format, header, ...(mixedNewlines ? {mixedNewlines} : {})};
}
