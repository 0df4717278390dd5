/**
 * The text coding kernel (loaders/duck-read/text-table.ts) against a plain Map coder, and its worker text
 * (workerKernelSource) run in a fresh context: the same codes, levels and `_` counts from both.
 */
import {runInNewContext} from "node:vm";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {levelsFromKeys} from "../../loaders/duck-read/levels.ts";
import {codeTextRecords, declaredName, firstTextKeys, newTextTable, type TextTable, textKeys, workerKernelSource} from "../../loaders/duck-read/text-table.ts";

/** A cell: null, an inline string of <= 12 ASCII/UTF-8 bytes, or a long string (number `k` among the long ones). */
type Cell = null | {inline: Uint8Array} | {long: number};

/** Records as the coders mark them: bytes past the length filled with `junk` (the kernel must mask them). */
function records(cells: Cell[], junk: number): Int32Array {
  const words = new Int32Array(cells.length * 4);
  const bytes = new Uint8Array(words.buffer);
  cells.forEach((cell, i) => {
    if (cell === null) words[i * 4] = -1;
    else if ("long" in cell) {
      words[i * 4] = -2;
      words[i * 4 + 1] = cell.long;
    } else {
      words[i * 4] = cell.inline.length;
      bytes.fill(junk, i * 16 + 4, i * 16 + 16);
      bytes.set(cell.inline, i * 16 + 4);
    }
  });
  return words;
}

const keyOf = (cell: Exclude<Cell, null>) => ("long" in cell ? `L${cell.long}` : `I${Array.from(cell.inline).join(",")}`);

/** First-appearance codes, levels and `_` count of inline cells, by a Map. */
function reference(cells: Cell[], longs: string[]) {
  const index = new Map<string, number>();
  const levels: string[] = [];
  let underscores = 0;
  const codes = cells.map((cell) => {
    if (cell === null) return -1;
    const key = keyOf(cell);
    let code = index.get(key);
    if (code === undefined) {
      code = levels.push("long" in cell ? longs[cell.long] : new TextDecoder().decode(cell.inline)) - 1;
      index.set(key, code);
    }
    if ("inline" in cell) underscores += cell.inline.filter((b) => b === 95).length;
    return code;
  });
  return {codes, levels, underscores};
}

function levelsOf(st: TextTable, longs: string[]): string[] {
  return levelsFromKeys(textKeys(st), st.count, st.longPairs.map(([k, code]) => [longs[k], code] as [string, number]));
}

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.uint8Array({minLength: 0, maxLength: 12}).map((b) => ({inline: b})),
  // Few distinct values: repeats, underscores and the empty string are common.
  fc.constantFrom("", "_", "a_b", "18342_7", "NA", "x").map((s) => ({inline: new TextEncoder().encode(s)})),
  fc.integer({min: 0, max: 3}).map((k) => ({long: k}))
);
const LONGS = ["a string longer than twelve bytes", "another long string_", "ünïcödé lóng strîng", "x".repeat(40)];

describe("text coding kernel", () => {
  it("codes records in first-appearance order, as a Map does, whatever the bytes past the length (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(cellArb, {maxLength: 300}), fc.integer({min: 0, max: 255}), fc.integer({min: 0, max: 40}), (cells, junk, split) => {
        const ref = reference(cells, LONGS);
        const st = newTextTable(cells.length);
        const out = new Int32Array(cells.length);
        const words = records(cells, junk);
        // In two calls, the second starting at a slot other than 0.
        const cut = Math.min(split, cells.length);
        codeTextRecords(st, words, 0, out, 0, cut);
        codeTextRecords(st, words, cut, out, cut, cells.length);
        expect(Array.from(out)).toEqual(ref.codes);
        expect(st.underscores).toBe(ref.underscores);
        // Invalid UTF-8 decodes to the same replacement characters both ways.
        expect(levelsOf(st, LONGS)).toEqual(ref.levels);
        // The first codes' keys, from the slots recorded when they were given.
        expect(Array.from(firstTextKeys(st).subarray(0, Math.min(st.count, 64) * 4))).toEqual(Array.from(textKeys(st).subarray(0, Math.min(st.count, 64) * 4)));
      }),
      {numRuns: 300}
    );
  });

  it("grows its table past its first size (100,000 distinct values), codes and keys unchanged", () => {
    const cells: Cell[] = [];
    for (let i = 0; i < 100_000; i++) cells.push({inline: new TextEncoder().encode(`${i * 7919}_${i % 60}`)});
    for (let i = 0; i < 100_000; i += 3) cells.push({inline: new TextEncoder().encode(`${i * 7919}_${i % 60}`)});
    const ref = reference(cells, LONGS);
    // Sized for 1,000 rows: the table starts at 4,096 slots and grows several times.
    const st = newTextTable(1000);
    const out = new Int32Array(cells.length);
    codeTextRecords(st, records(cells, 0), 0, out, 0, cells.length);
    expect(st.count).toBe(100_000);
    expect(st.inline).toBe(100_000);
    // At most 5/8 full after growing (one cache line or two per lookup).
    expect(st.inline * 8).toBeLessThanOrEqual((st.mask + 1) * 5);
    expect(Array.from(out)).toEqual(ref.codes);
    // The first codes' slots moved with the growth.
    expect(Array.from(firstTextKeys(st))).toEqual(Array.from(textKeys(st).subarray(0, 64 * 4)));
    expect(levelsOf(st, LONGS)).toEqual(ref.levels);
  });

  it("counts the rows of each long string and numbers long strings by first appearance", () => {
    const cells: Cell[] = [{long: 2}, {inline: new Uint8Array([97])}, {long: 0}, {long: 2}, null, {long: 2}];
    const st = newTextTable(cells.length);
    const out = new Int32Array(cells.length);
    codeTextRecords(st, records(cells, 0), 0, out, 0, cells.length);
    expect(Array.from(out)).toEqual([0, 1, 2, 0, -1, 0]);
    expect(st.longPairs).toEqual([
      [2, 0],
      [0, 2]
    ]);
    expect(st.longRows[2]).toBe(3);
    expect(st.longRows[0]).toBe(1);
  });

  it("refuses a 2^23rd distinct value instead of overflowing its slots", () => {
    const st = newTextTable(10);
    st.count = 8388608;
    expect(() => codeTextRecords(st, records([{inline: new Uint8Array([1])}], 0), 0, new Int32Array(1), 0, 1)).toThrow("more than 2^23 distinct text values");
  });
});

describe("the worker's copy of the kernel", () => {
  it("is the module's own functions' text, runs in a bare context and codes bit for bit as the module does", () => {
    const source = workerKernelSource();
    expect(source).not.toMatch(/__name|require\(|import /);
    const cells: Cell[] = [];
    for (let i = 0; i < 20_000; i++) cells.push(i % 97 === 0 ? null : i % 89 === 0 ? {long: i % 4} : {inline: new TextEncoder().encode(`${(i * 31) % 5000}_${i % 7}`)});
    const words = records(cells, 255);
    const here = newTextTable(100);
    const outHere = new Int32Array(cells.length);
    codeTextRecords(here, words, 0, outHere, 0, cells.length);
    const there = runInNewContext(`${source}
      const st = kernel.newTextTable(100);
      const out = new Int32Array(words.length / 4);
      kernel.codeTextRecords(st, words, 0, out, 0, out.length);
      ({out, st, keys: kernel.textKeys(st)});`, {words, Int32Array, Uint8Array, Math, Error}) as {out: Int32Array; st: TextTable; keys: Int32Array};
    expect(Array.from(there.out)).toEqual(Array.from(outHere));
    expect(there.st.count).toBe(here.count);
    expect(there.st.underscores).toBe(here.underscores);
    expect(Array.from(there.keys)).toEqual(Array.from(textKeys(here)));
    expect(there.st.longPairs).toEqual(here.longPairs);
  });

  it("calls a function by the name its text declares (a bundler's rename), not by its `name`", () => {
    function renamed2() {
      return 1;
    }
    Object.defineProperty(renamed2, "name", {value: "renamed"});
    expect(declaredName(renamed2)).toBe("renamed2");
    expect(declaredName(codeTextRecords)).toBe("codeTextRecords");
    expect(() => declaredName((() => 1) as () => number)).toThrow("not a function declaration");
  });
});
