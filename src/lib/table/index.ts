/**
 * Reading a panel file into a `Frame`, choosing the reader by file extension. Browser-safe: the
 * caller supplies the bytes (Node: loaders/read-table.ts; browser: a File or a fetch).
 */
import {parseArrow} from "./arrow.js";
import {parseCsv} from "./csv.js";
import {parseParquet} from "./parquet.js";
import {formatOf} from "./format.js";
import type {ParsedTable} from "./types.js";

export type {NotNumeric, ParsedTable, TableFormat} from "./types.js";
export {parseCsv} from "./csv.js";
export {parseArrow} from "./arrow.js";
export {parseParquet} from "./parquet.js";
export {requireNumeric, numericColumnsOfSpec} from "./numeric.js";
export {formatOf} from "./format.js";

/**
 * Parses a file's bytes with the reader its extension names.
 *
 * @example const table = await parseTable(bytes, "panel.csv"); table.frame.nrows
 */
export async function parseTable(bytes: Uint8Array, fileName: string): Promise<ParsedTable> {
  const format = formatOf(fileName);
  if (format === "csv") return parseCsv(bytes, fileName);
  if (format === "arrow") return parseArrow(bytes, fileName);
  return parseParquet(bytes, fileName);
}
