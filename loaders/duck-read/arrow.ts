/**
 * Node only: Arrow IPC files into the same `ParsedTable` as src/lib/table/arrow.ts (the browser's reader),
 * without a JavaScript value per cell. DuckDB has no Arrow IPC reader without its arrow extension (not
 * installable offline), so this reads with apache-arrow, taking each record batch's buffers directly:
 * - float and integer columns: the batch's typed array copied into a Float64Array (64-bit integers through
 *   Number, exact to 2^53 as the browser's reader), nulls from the validity bitmap -> NaN;
 * - dictionary-encoded text: the batch's indices become codes in first-appearance order (one string per
 *   distinct value), attached to the column for `factorize`.
 * Returns null for anything else (plain text, booleans, half floats, dates, infinities, non-UTF-8
 * dictionaries, repeated names): the
 * browser's reader then reads the file and gives today's result or error.
 */
import {DataType, tableFromIPC, type Data, type Table} from "apache-arrow";
import type {Column} from "../../src/lib/engine/types.js";
import {attachDictionary} from "../../src/lib/engine/frame.js";
import {cellKind, INFINITE_CELL, TEXT_CELL} from "../../src/lib/table/cells.js";
import type {NotNumeric, ParsedTable} from "../../src/lib/table/types.js";

const valid = (data: Data, i: number): boolean => {
  const bitmap = data.nullBitmap;
  if (!bitmap || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
};

/** Reads Arrow IPC bytes (only `columns` when given), or null when the browser's reader must (see above). */
export function readArrowFast(bytes: Uint8Array, source: string, columns?: readonly string[]): ParsedTable | null {
  const isFile = bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === "ARROW1";
  const isStream = bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
  if (!isFile && !isStream) return null;
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch {
    return null;
  }
  const nrows = table.numRows;
  const names = table.schema.fields.map((f) => f.name);
  if (names.length === 0 || new Set(names).size !== names.length) return null;
  const built: Record<string, Column> = {};
  const notNumeric: Record<string, NotNumeric> = {};
  const wanted = columns ? new Set(columns) : null;
  for (const field of table.schema.fields) {
    if (wanted && !wanted.has(field.name)) continue;
    const vector = table.getChild(field.name)!;
    const type = field.type;
    if ((DataType.isFloat(type) && type.precision !== 0) || DataType.isInt(type)) {
      const out = new Float64Array(nrows);
      let at = 0;
      for (const data of vector.data) {
        const values = data.values as ArrayLike<number | bigint>;
        const big = typeof values[0] === "bigint" || values instanceof BigInt64Array || values instanceof BigUint64Array;
        for (let i = 0; i < data.length; i++) {
          const raw = values[data.offset + i];
          out[at + i] = valid(data, i) ? (big ? Number(raw) : (raw as number)) : NaN;
        }
        at += data.length;
      }
      for (let i = 0; i < nrows; i++) if (out[i] === Infinity || out[i] === -Infinity) return null;
      built[field.name] = out;
    } else if (DataType.isDictionary(type) && (DataType.isUtf8(type.dictionary) || DataType.isLargeUtf8(type.dictionary))) {
      const codes = new Int32Array(nrows);
      const levels: string[] = [];
      const index = new Map<string, number>();
      let at = 0;
      for (const data of vector.data) {
        const dict = data.dictionary!.toArray() as Array<string | null>;
        const local = new Int32Array(dict.length).fill(-2); // -2: not seen yet in this batch
        const indices = data.values as ArrayLike<number | bigint>;
        for (let i = 0; i < data.length; i++) {
          if (!valid(data, i)) {
            codes[at + i] = -1;
            continue;
          }
          const k = Number(indices[data.offset + i]);
          let c = local[k];
          if (c === -2) {
            const s = dict[k];
            if (s === null || s === undefined) c = -1;
            else {
              let g = index.get(s);
              if (g === undefined) {
                g = levels.length;
                index.set(s, g);
                levels.push(s);
              }
              c = g;
            }
            local[k] = c;
          }
          codes[at + i] = c;
        }
        at += data.length;
      }
      const column: Array<string | null> = new Array(nrows);
      const one = new Float64Array(1);
      const notNumber = levels.map((s) => {
        const kind = cellKind(s, one);
        return kind === TEXT_CELL || kind === INFINITE_CELL;
      });
      let first = -1;
      for (let i = 0; i < nrows; i++) {
        const c = codes[i];
        column[i] = c < 0 ? null : levels[c];
        if (first < 0 && c >= 0 && notNumber[c]) first = i;
      }
      attachDictionary(column, codes, levels);
      built[field.name] = column;
      notNumeric[field.name] = first < 0 ? {where: "row 1", value: null} : {where: `row ${first + 1}`, value: levels[codes[first]]};
    } else return null;
  }
  return {frame: {nrows, columns: built}, source, format: "arrow", notNumeric};
}
