/**
 * The DuckDB reader's text path (loaders/duck-read/text.ts, levels.ts): the checks made on a level's key
 * bytes must never say "no" where the string rules (src/lib/table/cells.ts) say "yes", the strings made
 * from keys are the values, and a text column made on first read behaves as a plain property.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {KeyedLevels} from "../../loaders/duck-read/levels.ts";
import {codedTextColumn, lazyColumn} from "../../loaders/duck-read/text.ts";
import {factorize} from "../../src/lib/engine/frame.ts";
import type {Column} from "../../src/lib/engine/types.ts";
import {isMissingCell} from "../../src/lib/table/cells.ts";

/** Strings built from missing tokens, blanks of every kind String.prototype.trim removes, and other characters. */
const cellish = fc
  .array(fc.constantFrom("", "NA", "NaN", ".", " ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2028", "\u3000", "\ufeff", "\0", "a", "1", "_", "北", "é"), {maxLength: 6})
  .map((parts) => parts.join(""));

/** Keys as the coders leave them for `values` (by code): inline up to 12 UTF-8 bytes (zero past the length), else long. */
function keyedOf(values: string[]): KeyedLevels {
  const keys = new Int32Array(Math.max(values.length, 1) * 4);
  const bytes = new Uint8Array(keys.buffer);
  const long: Array<[string, number]> = [];
  values.forEach((s, c) => {
    const b = new TextEncoder().encode(s);
    if (b.length > 12) {
      keys[c * 4] = -1;
      long.push([s, c]);
    } else {
      keys[c * 4] = b.length;
      bytes.set(b, c * 16 + 4);
    }
  });
  return new KeyedLevels(keys, values.length, long);
}

describe("KeyedLevels: levels made from the coders' keys", () => {
  it("mayBeMissing is true for every level isMissingCell calls missing; hasNul and at agree with the string (fast-check)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(cellish, fc.string({unit: "binary", maxLength: 8}), fc.string({unit: "grapheme", maxLength: 14})), {maxLength: 40}), (values) => {
        const keyed = keyedOf(values);
        const asStored = (s: string) => new TextDecoder("utf-8", {ignoreBOM: true}).decode(new TextEncoder().encode(s));
        values.forEach((s, c) => {
          if (isMissingCell(s)) expect(keyed.mayBeMissing(c)).toBe(true);
          expect(keyed.hasNul(c)).toBe(s.includes("\0"));
          expect(keyed.at(c)).toBe(asStored(s));
        });
        expect(keyed.all()).toEqual(values.map(asStored));
      }),
      {numRuns: 3000}
    );
  });
  it("spares the missing-token check on plain ids, not on blanks, short or non-ASCII ends", () => {
    const keyed = keyedOf(["4008_12", " NA ", "NA\u3000", "NA", "é123", "a string longer than 12 bytes"]);
    expect([0, 1, 2, 3, 4, 5].map((c) => keyed.mayBeMissing(c))).toEqual([false, true, true, true, true, true]);
  });
  it("with the keys made later (the coder's table): the first ones answer the first levels, every key is made once, when a later level is asked", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(cellish, fc.string({unit: "grapheme", maxLength: 14})), {maxLength: 120}), fc.nat(130), (values, asked) => {
        const whole = keyedOf(values);
        const keys = (whole as unknown as {made: {keys: Int32Array}}).made.keys;
        const long = values.flatMap((s, c) => (new TextEncoder().encode(s).length > 12 ? [[s, c] as [string, number]] : []));
        let made = 0;
        const first = keys.slice(0, Math.min(values.length, 64) * 4);
        const lazy = new KeyedLevels(() => (made++, keys), values.length, long, first);
        const c = values.length ? asked % values.length : 0;
        if (values.length) {
          expect([lazy.at(c), lazy.hasNul(c), lazy.mayBeMissing(c)]).toEqual([whole.at(c), whole.hasNul(c), whole.mayBeMissing(c)]);
          expect(made).toBe(c < 64 ? 0 : 1);
        }
        expect(lazy.all()).toEqual(whole.all());
        expect(made).toBe(values.length ? 1 : made);
      }),
      {numRuns: 1000}
    );
  });
  it("past 64 single levels, makes them all at once, the same strings", () => {
    const values = Array.from({length: 200}, (_, i) => `id_${i}`);
    const keyed = keyedOf(values);
    expect(values.map((_, c) => keyed.at(c))).toEqual(values);
  });
});

describe("lazyColumn: a text column made when first read", () => {
  it("is built once, on first read, then is a plain enumerable property in its place", () => {
    const columns: Record<string, Column> = {a: new Float64Array([1, 2])};
    let builds = 0;
    lazyColumn(columns, "id", () => {
      builds++;
      return ["x", null];
    });
    columns.z = new Float64Array([3, 4]);
    expect(builds).toBe(0);
    expect(Object.keys(columns)).toEqual(["a", "id", "z"]);
    const first = columns.id;
    expect(first).toEqual(["x", null]);
    expect(columns.id).toBe(first);
    expect(builds).toBe(1);
    expect(Object.getOwnPropertyDescriptor(columns, "id")).toMatchObject({value: first, writable: true, enumerable: true});
    expect(JSON.stringify(columns.id)).toBe('["x",null]');
  });
  it("is seen by spreads, entries and structuredClone, and can be replaced before it is read", () => {
    const columns: Record<string, Column> = {};
    lazyColumn(columns, "id", () => ["a", "b"]);
    expect({...columns}).toEqual({id: ["a", "b"]});
    const other: Record<string, Column> = {};
    lazyColumn(other, "id", () => ["a"]);
    expect(structuredClone(other)).toEqual({id: ["a"]});
    const replaced: Record<string, Column> = {};
    let builds = 0;
    lazyColumn(replaced, "id", () => {
      builds++;
      return ["never"];
    });
    replaced.id = ["new"];
    expect(replaced.id).toEqual(["new"]);
    expect(builds).toBe(0);
  });
  it("in a frozen frame, returns the array it made each time", () => {
    const columns: Record<string, Column> = {};
    let builds = 0;
    lazyColumn(columns, "id", () => {
      builds++;
      return ["a"];
    });
    Object.freeze(columns);
    expect(columns.id).toBe(columns.id);
    expect(builds).toBe(1);
  });
  it("codedTextColumn attaches its codes: factorize gives the reader's codes and levels", () => {
    const codes = Int32Array.from([0, 1, -1, 0, 2]);
    const col = codedTextColumn(codes, ["b", "a", "c"]);
    expect(col).toEqual(["b", "a", null, "b", "c"]);
    const f = factorize(col);
    expect(Array.from(f.codes)).toEqual([0, 1, -1, 0, 2]);
    expect(f.levels).toEqual(["b", "a", "c"]);
  });
});
