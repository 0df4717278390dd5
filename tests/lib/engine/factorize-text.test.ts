/**
 * Text factor codes (frame.ts `factorize`, hashed table) equal a Map-based reference: codes in order of first
 * appearance, null -> -1, exact string equality (no two distinct strings merged, whatever their hashes), on
 * random, hostile and many-level columns (the table grows several times).
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {factorize} from "../../../src/lib/engine/frame.js";

function reference(col: Array<string | null>): {codes: number[]; levels: string[]} {
  const map = new Map<string, number>();
  const levels: string[] = [];
  const codes = col.map((v) => {
    if (v === null) return -1;
    let c = map.get(v);
    if (c === undefined) {
      c = levels.length;
      map.set(v, c);
      levels.push(v);
    }
    return c;
  });
  return {codes, levels};
}

describe("factorize on text", () => {
  it("equals the Map reference on random columns with nulls, unicode and empty strings", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.string({maxLength: 4}), fc.string({unit: "binary", maxLength: 3}), fc.constantFrom("", "18342_7", "18342_7 ", "=cmd|' /C calc'!A0")), {nil: null}), {maxLength: 400}), (col) => {
        const f = factorize(col);
        const r = reference(col);
        expect(Array.from(f.codes)).toEqual(r.codes);
        expect(f.levels).toEqual(r.levels);
        expect(f.nlevels).toBe(r.levels.length);
      }),
      {numRuns: 300}
    );
  });

  it("equals the reference on 200,000 shuffled pair ids with 30,000 levels (table growth)", () => {
    const col: Array<string | null> = [];
    let s = 12345;
    for (let i = 0; i < 200_000; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      col.push(s % 997 === 0 ? null : `${s % 30_000}_${s % 7}`);
    }
    const f = factorize(col);
    const r = reference(col);
    expect(f.nlevels).toBe(r.levels.length);
    expect(f.levels).toEqual(r.levels);
    expect(Array.from(f.codes)).toEqual(r.codes);
  });

  it("strings whose FNV-1a hashes collide stay distinct", () => {
    // Brute-force a 32-bit hash collision among short strings, then code both.
    const fnv = (v: string) => {
      let h = 0x811c9dc5 | 0;
      for (let j = 0; j < v.length; j++) h = Math.imul(h ^ v.charCodeAt(j), 16777619);
      return h;
    };
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    let x = 987654321;
    const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
    for (let i = 0; i < 600_000 && !pair; i++) {
      const v = String.fromCharCode(...Array.from({length: 8}, () => 33 + (next() % 90)));
      const h = fnv(v);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, v];
      else seen.set(h, v);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    const f = factorize([a, b, a, b]);
    expect(Array.from(f.codes)).toEqual([0, 1, 0, 1]);
    expect(f.levels).toEqual([a, b]);
  });
});
