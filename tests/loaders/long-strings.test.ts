/**
 * Strings longer than 12 bytes in DuckDB's records (loaders/duck-read/columns.ts LongStrings, markRecords):
 * numbered by their bytes in order of first appearance, each decoded once, as a Map of decoded strings
 * numbers them. Values that differ only in their last byte, in a multi-byte character or in length, and
 * enough of them to grow the table several times.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {bytesHash, LongStrings, markRecords} from "../../loaders/duck-read/columns.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

/** Long values close to each other: a shared 12-byte start, then a few characters from a small alphabet. */
const nearValue = fc
  .tuple(fc.constantFrom("xxxxxxxxxxxx", "\ufeffxxxxxxxxx", "xxxxxxxxxxé"), fc.array(fc.constantFrom("a", "b", "_", "é", "\u4e2d", "\u{1f600}", "\0"), {minLength: 1, maxLength: 5}))
  .map(([start, rest]) => start + rest.join(""));

/** The bytes of `values` one after another, with each value's offset and length. */
function packed(values: string[]): {heap: Uint8Array; offsets: number[]; lengths: number[]} {
  const parts = values.map((v) => encoder.encode(v));
  const heap = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + 7);
  const offsets: number[] = [];
  let at = 7; // not at 0: offsets are honoured
  for (const p of parts) {
    offsets.push(at);
    heap.set(p, at);
    at += p.length;
  }
  return {heap: heap.subarray(0, at), offsets, lengths: parts.map((p) => p.length)};
}

function reference(values: string[]): {numbers: number[]; list: string[]} {
  const index = new Map<string, number>();
  const list: string[] = [];
  const numbers = values.map((v) => {
    let k = index.get(v);
    if (k === undefined) {
      k = list.push(v) - 1;
      index.set(v, k);
    }
    return k;
  });
  return {numbers, list};
}

describe("LongStrings", () => {
  it("numbers values by their bytes in order of first appearance and decodes each once, as a Map of strings does (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nearValue, fc.string({minLength: 13, maxLength: 60, unit: "binary"})), {maxLength: 300}), (values) => {
        const long = values.filter((v) => encoder.encode(v).length > 12);
        const {heap, offsets, lengths} = packed(long);
        const table = new LongStrings();
        const numbers = long.map((_, i) => table.numberOf(heap, offsets[i], lengths[i]));
        const want = reference(long.map((v) => decoder.decode(encoder.encode(v))));
        expect(numbers).toEqual(want.numbers);
        expect(table.list).toEqual(want.list);
      }),
      {numRuns: 300}
    );
  });

  it("keeps every value apart through many growths of its table (40,000 distinct, each met twice)", () => {
    const values = Array.from({length: 80_000}, (_, i) => `identifier-${(i * 7919) % 40_000}-é`);
    const {heap, offsets, lengths} = packed(values);
    const table = new LongStrings();
    const numbers = values.map((_, i) => table.numberOf(heap, offsets[i], lengths[i]));
    const want = reference(values);
    expect(numbers).toEqual(want.numbers);
    expect(table.list.length).toBe(40_000);
    expect(table.list).toEqual(want.list);
  });

  it("values whose hashes are equal stay apart: their bytes are compared", () => {
    // Found by a search of 400,000 such ids (a 32-bit hash: a pair is expected among ~100,000 values).
    const pairs = [["collision-0062789", "collision-0279192"], ["collision-0062383", "collision-0279598"]];
    for (const [x, y] of pairs) {
      const {heap, offsets, lengths} = packed([x, y, x, y]);
      expect(bytesHash(heap, offsets[0], lengths[0])).toBe(bytesHash(heap, offsets[1], lengths[1]));
      const table = new LongStrings();
      expect(offsets.map((at, i) => table.numberOf(heap, at, lengths[i]))).toEqual([0, 1, 0, 1]);
      expect(table.list).toEqual([x, y]);
    }
  });

  it("markRecords: the same marks from the batch copier's heap and from bytes given row by row; nulls and inline rows left as they are", () => {
    const values = ["short_1", null, "a value longer than twelve", "short_1", "a value longer than twelve", "another long value, é", null, "x".repeat(12), "x".repeat(13)];
    const valid = new Uint8Array(2);
    values.forEach((v, i) => v !== null && (valid[i >> 3] |= 1 << (i & 7)));
    const {heap, offsets, lengths} = packed(values.map((v) => v ?? ""));
    const records = () => {
      const words = new Int32Array(values.length * 4);
      values.forEach((v, i) => {
        words[i * 4] = lengths[i];
        if (lengths[i] > 12) words[i * 4 + 1] = offsets[i];
        else new Uint8Array(words.buffer).set(heap.subarray(offsets[i], offsets[i] + lengths[i]), i * 16 + 4);
      });
      return words;
    };
    const a = new LongStrings();
    const fromHeap = records();
    markRecords(fromHeap, values.length, valid, a, heap);
    const b = new LongStrings();
    const byRow = records();
    markRecords(byRow, values.length, valid, b, null, (row, length) => heap.slice(offsets[row], offsets[row] + length));
    expect(Array.from(fromHeap)).toEqual(Array.from(byRow));
    expect(a.list).toEqual(["a value longer than twelve", "another long value, é", "x".repeat(13)]);
    expect(b.list).toEqual(a.list);
    const marks = values.map((_, i) => [fromHeap[i * 4], fromHeap[i * 4 + 1]]);
    expect(marks.map(([len]) => len)).toEqual([7, -1, -2, 7, -2, -2, -1, 12, -2]);
    expect(marks.filter(([len]) => len === -2).map(([, k]) => k)).toEqual([0, 0, 1, 2]);
    expect(a.bytes).toBe(2 * lengths[2] + lengths[5] + 13);
  });
});
