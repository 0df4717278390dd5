/**
 * Arrow IPC (file or stream format; `.arrow`, `.feather` v2, `.ipc`) to `Frame`. Browser-safe.
 * Int/Float/Bool columns become numbers (Int64 via Number), Utf8/LargeUtf8/Dictionary become
 * strings, Date/Timestamp become ISO text; nulls are missing. Other types are a UserError.
 */
import {DataType, tableFromIPC, type Table} from "apache-arrow";
import type {Column} from "../engine/types.js";
import {UserError} from "../errors.js";
import {numberColumn, textColumn} from "./typed.js";
import type {NotNumeric, ParsedTable} from "./types.js";

/**
 * Parses Arrow IPC bytes (file format starts with "ARROW1", stream format with 0xFFFFFFFF).
 * `columns`: convert, check and keep only these (the others are neither read nor refused).
 *
 * @example parseArrow(tableToIPC(tableFromArrays({t: new Int32Array([1, 2])}), "file"), "p.arrow").frame
 * // {nrows: 2, columns: {t: Float64Array [1, 2]}}
 */
export function parseArrow(bytes: Uint8Array, source = "data.arrow", columns?: readonly string[]): ParsedTable {
  const isFile = bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === "ARROW1";
  const isStream = bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
  if (!isFile && !isStream) throw new UserError(`${source}: not an Arrow IPC file or stream (no Arrow signature at the start)`);
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new UserError(`${source}: unreadable Arrow data (${oneLine(error)})`);
  }
  const built: Record<string, Column> = {};
  const notNumeric: Record<string, NotNumeric> = {};
  const nrows = table.numRows;
  const seen = new Set<string>();
  const wanted = columns ? new Set(columns) : null;
  for (const field of table.schema.fields) {
    const name = field.name;
    if (seen.has(name)) throw new UserError(`${source}: duplicate column name "${name}"`);
    seen.add(name);
    if (wanted && !wanted.has(name)) continue;
    const vector = table.getChild(name)!;
    const values: unknown[] = new Array(nrows);
    for (let i = 0; i < nrows; i++) values[i] = vector.get(i);
    const type = field.type;
    if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isBool(type)) {
      built[name] = numberColumn(values, name, source);
    } else if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) {
      const text = textColumn(values);
      built[name] = text.column;
      notNumeric[name] = text.notNumeric;
    } else if (DataType.isDate(type) || DataType.isTimestamp(type)) {
      const text = textColumn(values.map((v) => (v === null || v === undefined ? null : new Date(Number(v)))));
      built[name] = text.column;
      notNumeric[name] = text.notNumeric;
    } else {
      throw new UserError(`${source}: column "${name}" has Arrow type ${String(type)}, which is not supported (use numbers or text)`);
    }
  }
  if (seen.size === 0) throw new UserError(`${source}: the Arrow data has no columns`);
  return {frame: {nrows, columns: built}, source, format: "arrow", notNumeric};
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
