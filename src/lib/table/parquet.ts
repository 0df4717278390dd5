/**
 * Parquet to `Frame` with hyparquet (pure JavaScript: the same code runs in Node and the browser,
 * where DuckDB-wasm cannot load its parquet extension offline; see notes/toolchain.md).
 * Numeric physical types (INT32/INT64/FLOAT/DOUBLE/BOOLEAN, DECIMAL) become numbers; strings
 * (UTF8/STRING/ENUM) become text; DATE/TIMESTAMP become ISO text; nulls are missing. Nested
 * columns and raw binary are a UserError. Compression: uncompressed and Snappy (hyparquet's
 * built-ins; DuckDB's and pyarrow's default), other codecs give a UserError saying so.
 */
import {parquetMetadata, parquetRead, parquetSchema} from "hyparquet";
import type {Column} from "../engine/types.js";
import {UserError} from "../errors.js";
import {decimalColumn, numberColumn, textColumn} from "./typed.js";
import type {NotNumeric, ParsedTable} from "./types.js";

const TEXT_CONVERTED = new Set(["UTF8", "ENUM", "JSON"]);
const TEXT_LOGICAL = new Set(["STRING", "ENUM", "JSON", "UUID"]);
const TIME_CONVERTED = new Set(["DATE", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "TIME_MILLIS", "TIME_MICROS"]);
const TIME_LOGICAL = new Set(["DATE", "TIMESTAMP", "TIME"]);

/**
 * Parses the bytes of a Parquet file (magic "PAR1" at both ends). `columns`: read, check and keep only
 * these (the others are neither decoded nor refused).
 *
 * @example (await parseParquet(readFileSync("p.parquet"), "p.parquet")).frame.columns.year // Float64Array [...]
 */
export async function parseParquet(bytes: Uint8Array, source = "data.parquet", columns?: readonly string[]): Promise<ParsedTable> {
  if (bytes.length < 12 || !hasMagic(bytes, 0) || !hasMagic(bytes, bytes.length - 4)) {
    throw new UserError(`${source}: not a Parquet file (no PAR1 signature)`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new UserError(`${source}: unreadable Parquet metadata (${oneLine(error)})`);
  }
  const nrows = Number(metadata.num_rows);
  const all = parquetSchema(metadata).children;
  const names = new Set<string>();
  for (const field of all) {
    if (names.has(field.element.name)) throw new UserError(`${source}: duplicate column name "${field.element.name}"`);
    names.add(field.element.name);
  }
  if (all.length === 0) throw new UserError(`${source}: the Parquet file has no columns`);
  const wanted = columns ? new Set(columns) : null;
  const fields = wanted ? all.filter((f) => wanted.has(f.element.name)) : all;
  const data = new Map<string, unknown[]>();
  for (const field of fields) {
    const name = field.element.name;
    if (field.children.length > 0) throw new UserError(`${source}: column "${name}" is nested (a struct or list); only flat columns are supported`);
    data.set(name, new Array(nrows));
  }
  // DECIMAL columns are read as their unscaled integers (hyparquet multiplies by 10^-scale, one rounding too
  // many: 481 at scale 2 gives 4.8100000000000005) and scaled by decimalColumn. Text is read as bytes and
  // decoded by textColumn: hyparquet's decoder drops a U+FEFF that starts a value, which is part of it.
  const asBytes = (e: (typeof metadata.schema)[number]) => decimalScale(e) !== null || (e.type === "BYTE_ARRAY" && isTextType(e));
  const readMetadata = {...metadata, schema: metadata.schema.map((e) => (asBytes(e) ? {...e, converted_type: undefined, logical_type: undefined} : e))};
  try {
    await parquetRead({
      file: buffer,
      metadata: readMetadata,
      // Bytes without a text type stay bytes (a BYTE_ARRAY decimal; raw binary is refused below).
      utf8: false,
      ...(wanted ? {columns: fields.map((f) => f.element.name)} : {}),
      onChunk: ({columnName, columnData, rowStart}) => {
        const target = data.get(columnName);
        if (!target) return;
        for (let i = 0; i < columnData.length && rowStart + i < nrows; i++) target[rowStart + i] = columnData[i];
      }
    });
  } catch (error) {
    throw new UserError(`${source}: unreadable Parquet data (${oneLine(error)})`);
  }
  const built: Record<string, Column> = {};
  const notNumeric: Record<string, NotNumeric> = {};
  for (const field of fields) {
    const {name, type, converted_type, logical_type} = field.element;
    const values = data.get(name)!;
    const logical = logical_type?.type;
    const isText = isTextType(field.element);
    const isTime = type === "INT96" || (converted_type && TIME_CONVERTED.has(converted_type)) || (logical && TIME_LOGICAL.has(logical));
    if (isText || isTime) {
      const text = textColumn(values);
      built[name] = text.column;
      notNumeric[name] = text.notNumeric;
    } else if (decimalScale(field.element) !== null) {
      built[name] = decimalColumn(values, decimalScale(field.element)!, name, source);
    } else if (type === "BYTE_ARRAY" || type === "FIXED_LEN_BYTE_ARRAY") {
      throw new UserError(`${source}: column "${name}" holds raw binary data, which is not supported (use numbers or text)`);
    } else {
      built[name] = numberColumn(values, name, source);
    }
  }
  return {frame: {nrows, columns: built}, source, format: "parquet", notNumeric};
}

/** True for a column of text (UTF8, ENUM, JSON; logical STRING, ENUM, JSON, UUID). */
function isTextType(e: {converted_type?: string; logical_type?: {type: string}}): boolean {
  return Boolean((e.converted_type && TEXT_CONVERTED.has(e.converted_type)) || (e.logical_type && TEXT_LOGICAL.has(e.logical_type.type)));
}

/** A DECIMAL column's scale (converted or logical type), or null for any other column. */
function decimalScale(e: {converted_type?: string; logical_type?: {type: string; scale?: number}; scale?: number}): number | null {
  if (e.logical_type?.type === "DECIMAL") return e.logical_type.scale ?? e.scale ?? 0;
  if (e.converted_type === "DECIMAL") return e.scale ?? 0;
  return null;
}

function hasMagic(b: Uint8Array, at: number): boolean {
  return b[at] === 0x50 && b[at + 1] === 0x41 && b[at + 2] === 0x52 && b[at + 3] === 0x31;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
