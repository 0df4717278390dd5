/**
 * What the table readers return: the `Frame` the engine works on, plus what the engine cannot know
 * from a Frame alone -- where a text column first stopped looking like numbers, so that an error can
 * say `column "gdp" line 18: "abc" is not a number` instead of just "not numeric".
 */
import type {Frame} from "../engine/types.js";

/** The first cell of a text column that is not a number, with its location in the source. */
export interface NotNumeric {
  /** "line 18" (CSV: the line of the file, header = line 1) or "row 17" (Arrow/Parquet: 1-based data row). */
  where: string;
  /** The raw cell text; null when every value is a number written as text (a typed string column). */
  value: string | null;
}

export type TableFormat = "csv" | "parquet" | "arrow";

export interface ParsedTable {
  frame: Frame;
  /** File name (or another label) used in error messages. */
  source: string;
  format: TableFormat;
  /** For every text column: its first non-numeric cell. Numeric columns have no entry. */
  notNumeric: Record<string, NotNumeric>;
}
