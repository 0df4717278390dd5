/**
 * Which reader a file needs, from its name. Kept apart from the readers so that Node code can
 * load only the reader it needs (apache-arrow alone takes ~1 s to import under tsx).
 */
import {UserError} from "../errors.js";
import type {TableFormat} from "./types.js";

const EXTENSIONS: Record<string, TableFormat> = {
  csv: "csv",
  parquet: "parquet",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow"
};

/**
 * Format from the file name's extension (case-insensitive): .csv, .parquet, .arrow/.feather/.ipc;
 * anything else is a UserError.
 *
 * @example formatOf("panel.Parquet") // "parquet"
 */
export function formatOf(fileName: string): TableFormat {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  const format = match ? EXTENSIONS[match[1].toLowerCase()] : undefined;
  if (!format) {
    throw new UserError(`${fileName}: unknown file type ${match ? `".${match[1]}"` : "(no extension)"}; expected .csv, .parquet, .arrow, .feather or .ipc`);
  }
  return format;
}
