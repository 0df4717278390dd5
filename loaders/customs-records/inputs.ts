/**
 * Resolves `--input`: one file, a folder (every .parquet or .csv in it, recursively) or a glob that
 * DuckDB expands (`data/2019-*.parquet`). The format comes from the extensions; a folder or glob must
 * hold one format only.
 */
import {accessSync, constants, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {UserError} from "../../src/lib/errors.js";
import type {InputFormat} from "./sql.js";

export interface Inputs {
  /** Files, or one glob pattern handed to DuckDB. */
  files: string[];
  format: InputFormat;
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
  if (/[*?[]/.test(input)) {
    const format = formatOf(input);
    if (!format) throw new UserError(`--input ${input}: the pattern must end in .parquet or .csv`);
    return {files: [path], format};
  }
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UserError(`cannot read input ${input}: no such file or folder`);
  }
  const files = st.isDirectory() ? listFolder(path) : [path];
  if (files.length === 0) throw new UserError(`input folder ${input} holds no .parquet or .csv file`);
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
  return {files, format: [...formats][0] as InputFormat};
}
