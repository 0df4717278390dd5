/**
 * A model without a panel (the formula compiler's "(row)" id: the row number) costs no per-row level
 * array: factorize codes a row-number column directly, the sample recoding and the changing-id count skip
 * their tables. The results equal those of the generic path (an id column that is not the row number) to
 * the bit, on a sample large enough to be reordered (BLOCK_MIN_ROWS) and on one with dropped rows.
 */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {factorize} from "../../../src/lib/engine/frame.ts";
import {BLOCK_MIN_ROWS} from "../../../src/lib/engine/prepare.ts";
import type {Frame, Spec} from "../../../src/lib/engine/types.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

describe("row-number id", () => {
  it("factorize codes a row-number column as 0..n-1, its levels made on demand; the same as text ids", () => {
    const col = Float64Array.from({length: 1000}, (_, i) => i);
    const f = factorize(col);
    expect(f.nlevels).toBe(1000);
    expect(Array.from(f.codes)).toEqual(Array.from({length: 1000}, (_, i) => i));
    const text = factorize(Array.from(col, String));
    expect(Array.from(f.codes)).toEqual(Array.from(text.codes));
    expect(f.levels.map(String)).toEqual(text.levels);
    // Not row numbers: the generic path.
    const shifted = factorize(Float64Array.from({length: 1000}, (_, i) => i + 1));
    expect(shifted.levels[0]).toBe(1);
  });

  for (const [label, n, missing] of [
    ["reordered sample, every row kept", BLOCK_MIN_ROWS + 5000, false],
    ["rows dropped (missing y)", 3000, true]
  ] as const) {
    it(`OLS with firm + year FE clustered by firm: (row) id = a non-row-number id, bit for bit (${label})`, () => {
      const rng = createRng(7);
      const firm = Float64Array.from({length: n}, () => rng.int(n >> 4));
      const year = Float64Array.from({length: n}, () => 2000 + rng.int(12));
      const x = Float64Array.from({length: n}, () => rng.normal());
      const y = Float64Array.from(x, (v, i) => (missing && i % 97 === 5 ? NaN : 0.5 * v + 0.01 * firm[i] + rng.normal()));
      const columns = {y, x, firm, year};
      const withId = (id: Float64Array): Frame => ({nrows: n, columns: {...columns, id}});
      const spec: Spec = {id: "id", time: "year", y: "y", x: ["x"], fe: ["firm", "year"], vcov: {cluster: ["firm"]}} as Spec;
      const rowIds = Float64Array.from({length: n}, (_, i) => i);
      const otherIds = Float64Array.from({length: n}, (_, i) => 10 * i + 3);
      const a = estimate(withId(rowIds), spec);
      const b = estimate(withId(otherIds), spec);
      expect({...a, timing_ms: null}).toEqual({...b, timing_ms: null});
      expect(a.n_groups).toBe(a.nobs);
      expect(a.info?.changing_ids).toEqual({x: 0});
    });
  }
});
