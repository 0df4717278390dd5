/**
 * The native batch copier (native/duck-batch.c, loaders/duck-read/batch.ts): built where it can be, refusing
 * what is not a DuckDB result or not its arguments with an error (never a crash), and its build skipped in
 * one line where there is no compiler. Its frames equal the JS reader's: duck-read.test.ts runs with it,
 * duck-read-chunks.test.ts without.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {batchAddon, EIGHT_BYTES, STRINGS} from "../../loaders/duck-read/batch.ts";
import {nativeBindings} from "../../loaders/duck-read/columns.ts";
import {settleDoubles} from "../../loaders/duck-read/collect-batch.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const built = existsSync(resolve(ROOT, ".dtb-native/duck-batch.node"));

describe("the native batch copier", () => {
  it.skipIf(!built)("is used where it was built, and refuses an object that is not a DuckDB result", () => {
    nativeBindings(); // loads libduckdb.so, which the copier binds to
    const addon = batchAddon();
    expect(addon).not.toBeNull();
    expect(() => addon!.open({})).toThrow("not a DuckDB result");
    expect(() => addon!.open(null)).toThrow();
  });

  it.skipIf(!built)("refuses arguments of the wrong kind or size with an error", async () => {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    try {
      const result = await con.stream("SELECT i::DOUBLE AS x, i::VARCHAR || 'abcdefghijklmnop' AS s FROM range(5000) t(i)");
      const addon = batchAddon()!;
      const cursor = addon.open((result as unknown as {result: unknown}).result);
      const kinds = new Int32Array([EIGHT_BYTES, STRINGS]);
      const state = new Int32Array(6);
      const x0 = () => new Float64Array(8192);
      const records0 = () => new Int32Array(8192 * 4);
      // A column array shorter than the rows it is given room for.
      state.set([0, 4096, 0, 1 << 20]);
      expect(() => addon.drain(cursor, kinds, [new Float64Array(10), new Int32Array(4096 * 4), new Uint8Array(1 << 20)], [new Uint32Array(128), null], state)).toThrow("data too short");
      expect(() => addon.drain({}, kinds, [x0(), null, null], [null, null], state)).toThrow("not a cursor");
      expect(() => addon.drain((result as unknown as {result: unknown}).result, kinds, [x0(), null, null], [null, null], state)).toThrow("not a cursor");
      // Not a typed array where one is needed.
      expect(() => addon.drain(cursor, kinds, [null, null, null], [null, null], state)).toThrow("duck-batch");
      expect(() => addon.drain(cursor, new Int32Array(70).fill(EIGHT_BYTES), [], [], state)).toThrow("duck-batch: data");
      expect(() => addon.drain(cursor, new Int32Array([9, STRINGS]), [x0(), records0(), new Uint8Array(16)], [null, null], state)).toThrow("kinds");
      // A state that points outside its buffers: negative rows, or a heap larger than the one given.
      for (const bad of [[-2048, 4096, 0, 16], [0, 4096, 0, -1], [4096, 0, 0, 16], [0, 4096, 32, 16]]) {
        const s = Int32Array.from([...bad, 0, 0]);
        expect(() => addon.drain(cursor, kinds, [x0(), records0(), new Uint8Array(16)], [new Uint32Array(256), null], s)).toThrow("state");
      }
      // A heap said to be larger than its buffer holds only what the buffer holds: the long strings wait for room.
      const small = Int32Array.from([0, 4096, 0, 1 << 30, 0, 0]);
      addon.drain(cursor, kinds, [x0(), records0(), new Uint8Array(16)], [new Uint32Array(256), null], small);
      expect(small[0]).toBe(0);
      expect(small[5]).toBeGreaterThan(16);
      // Then a proper call still reads every row (the chunk that did not fit was kept): 5,000 rows, long strings in the heap.
      const x = new Float64Array(8192);
      const records = new Int32Array(8192 * 4);
      const heap = new Uint8Array(1 << 20);
      let rows = 0;
      for (;;) {
        state.set([rows, 8192, 0, heap.length, 0, 0]);
        addon.drain(cursor, kinds, [x, records.subarray(rows * 4), heap], [new Uint32Array(256), null], state);
        rows += state[0];
        if (state[1] === 1) break;
      }
      expect(rows).toBe(5000);
      expect(x[4999]).toBe(4999);
      // Closed, the cursor has ended: nothing more is copied, and what is not a cursor is refused.
      addon.close(cursor);
      state.set([0, 8192, 0, heap.length, 0, 0]);
      addon.drain(cursor, kinds, [x, records, heap], [new Uint32Array(256), null], state);
      expect([state[0], state[1]]).toEqual([0, 1]);
      expect(() => addon.close({})).toThrow("not a cursor");
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it("turns null rows into NaN and flags a NaN or infinity that is not null (the rule of copyDoubles)", () => {
    const out = new Float64Array([1, NaN, 3, Infinity, 5]);
    const nulls = new Uint32Array(1);
    nulls[0] = 0b0001_0; // row 1 is null: its NaN is a missing cell
    expect(settleDoubles(out, 0, 3, nulls)).toBe(false);
    expect(Object.is(out[1], NaN)).toBe(true);
    expect(settleDoubles(out, 2, 3, nulls)).toBe(true); // row 3: an infinity, not null
    nulls[0] |= 1 << 3;
    expect(settleDoubles(out, 2, 3, nulls)).toBe(false);
    expect(Object.is(out[3], NaN)).toBe(true);
    expect(settleDoubles(new Float64Array(0), 0, 0, new Uint32Array(0))).toBe(false);
  });

  it("flags a NaN or infinity in any of its four sums' lanes, at any start and length, as a plain loop does (fast-check)", () => {
    const cell = fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true}), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0));
    fc.assert(
      fc.property(fc.array(cell, {maxLength: 70}), fc.nat(), fc.nat(), fc.array(fc.boolean(), {minLength: 70, maxLength: 70}), (values, a, b, isNull) => {
        const from = values.length ? a % values.length : 0;
        const n = values.length ? b % (values.length - from + 1) : 0;
        const out = Float64Array.from(values);
        const nulls = new Uint32Array(3);
        isNull.forEach((yes, i) => yes && (nulls[i >> 5] |= 1 << (i & 31)));
        let expected = false;
        for (let i = from; i < from + n; i++) if (!Number.isFinite(out[i]) && !isNull[i]) expected = true;
        const want = Array.from(out, (v, i) => (i >= from && i < from + n && isNull[i] ? NaN : v));
        expect(settleDoubles(out, from, n, nulls)).toBe(expected);
        expect(Array.from(out)).toEqual(want);
      }),
      {numRuns: 2000}
    );
  });

  it("its build is skipped in one line, not failed, where there is no C compiler", () => {
    const r = spawnSync(process.execPath, [resolve(ROOT, "scripts/build-native.mjs"), "--force"], {encoding: "utf8", env: {...process.env, PATH: "/nonexistent"}});
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/not built \((no C compiler \(cc\)|[a-z]+: only Linux is built|no node_api\.h in .*)\)/);
  });
});
