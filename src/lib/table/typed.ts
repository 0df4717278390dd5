/**
 * Column builders for typed formats (Arrow, Parquet), where a column already has a type and the
 * values come as numbers, bigints, booleans, strings or null.
 */
import type {Column} from "../engine/types.js";
import {UserError} from "../errors.js";
import {cellKind, INFINITE_CELL, TEXT_CELL} from "./cells.js";
import type {NotNumeric} from "./types.js";

/**
 * Numeric column: number -> as is, bigint (Int64) -> Number (exact up to 2^53), boolean -> 0/1,
 * null/undefined/NaN -> NaN (missing). ±Infinity is a UserError naming column and 1-based row.
 *
 * @example numberColumn([1, 2n, null], "x", "p.parquet") // Float64Array [1, 2, NaN]
 */
export function numberColumn(values: ArrayLike<unknown>, name: string, source: string): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let x: number;
    if (v === null || v === undefined) x = NaN;
    else if (typeof v === "number") x = v;
    else if (typeof v === "bigint") x = Number(v);
    else if (typeof v === "boolean") x = v ? 1 : 0;
    else throw new UserError(`${source}: column "${name}" row ${i + 1}: unexpected value ${JSON.stringify(String(v))} in a numeric column`);
    if (x === Infinity || x === -Infinity) {
      throw new UserError(`${source}: column "${name}" row ${i + 1}: infinite value (${x}); use null for a missing value`);
    }
    out[i] = x;
  }
  return out;
}

/**
 * DECIMAL column from its unscaled integers (number: INT32, bigint: INT64, bytes: a big-endian two's
 * complement FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY) and its scale s, each value computed as DuckDB's cast to
 * DOUBLE computes it (TryCastDecimalToFloatingPoint): u / 10^s when u is exact as a double (|u| <= 2^53; one
 * correctly rounded division, so the double nearest the decimal), else the integer part u / 10^s (truncated)
 * plus the remainder scaled, each converted to a double first. null/undefined -> NaN (missing).
 *
 * @example decimalColumn([481, -5n, null], 2, "dec", "p.parquet") // Float64Array [4.81, -0.05, NaN]
 */
export function decimalColumn(values: ArrayLike<unknown>, scale: number, name: string, source: string): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const power = Number(`1e${scale}`);
  const bigPower = 10n ** BigInt(scale);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = NaN;
    else if (typeof v === "number") out[i] = v / power;
    else if (typeof v === "bigint" || v instanceof Uint8Array) {
      const u = typeof v === "bigint" ? v : bigEndianSigned(v);
      out[i] = u >= -EXACT && u <= EXACT ? Number(u) / power : Number(u / bigPower) + Number(u % bigPower) / power;
    } else throw new UserError(`${source}: column "${name}" row ${i + 1}: unexpected value ${JSON.stringify(String(v))} in a decimal column`);
  }
  return out;
}

/** The largest integer every smaller one of which a double holds exactly. */
const EXACT = 2n ** 53n;

/** A big-endian two's complement integer. @example bigEndianSigned(new Uint8Array([0xff, 0xfe])) // -2n */
export function bigEndianSigned(bytes: Uint8Array): bigint {
  let u = 0n;
  for (const b of bytes) u = (u << 8n) | BigInt(b);
  return bytes.length > 0 && bytes[0] & 0x80 ? u - (1n << BigInt(bytes.length * 8)) : u;
}

/**
 * Text column (strings, null = missing; Date -> ISO date/time text) and its first non-numeric cell:
 * a typed string column stays text even if its cells look like numbers (the message then says so).
 *
 * @example textColumn(["AUS", null], "country") // {column: ["AUS", null], notNumeric: {where: "row 1", value: "AUS"}}
 */
export function textColumn(values: ArrayLike<unknown>): {column: Column; notNumeric: NotNumeric} {
  const n = values.length;
  const out: Array<string | null> = new Array(n);
  const scratch = new Float64Array(1);
  let notNumeric: NotNumeric | undefined;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const s = v === null || v === undefined ? null : v instanceof Uint8Array ? utf8.decode(v) : v instanceof Date ? isoText(v) : String(v);
    out[i] = s;
    if (!notNumeric && s !== null) {
      const kind = cellKind(s, scratch);
      if (kind === TEXT_CELL || kind === INFINITE_CELL) notNumeric = {where: `row ${i + 1}`, value: s};
    }
  }
  return {column: out, notNumeric: notNumeric ?? {where: "row 1", value: null}};
}

/** UTF-8 text as stored: ignoreBOM keeps a U+FEFF that starts a value (the CSV reader keeps it in a cell too). */
const utf8 = new TextDecoder("utf-8", {ignoreBOM: true});

function isoText(d: Date): string {
  const s = d.toISOString();
  return s.endsWith("T00:00:00.000Z") ? s.slice(0, 10) : s;
}
