import {readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {Dictionary, Int32, makeVector, Table, tableFromArrays, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {formatOf, parseArrow, parseParquet, parseTable} from "../../../src/lib/table/index.js";
import {requireNumeric} from "../../../src/lib/table/numeric.js";

const expectUserError = async (f: () => unknown, pattern: RegExp) => {
  let message = "";
  try {
    await f();
  } catch (error) {
    expect((error as Error).name).toBe("UserError");
    message = (error as Error).message;
  }
  expect(message).toMatch(pattern);
};

describe("formatOf", () => {
  it("chooses by extension", () => {
    expect(formatOf("a/b.CSV")).toBe("csv");
    expect(formatOf("x.parquet")).toBe("parquet");
    expect(formatOf("x.feather")).toBe("arrow");
    expect(formatOf("x.ipc")).toBe("arrow");
  });
  it("rejects unknown extensions", async () => {
    await expectUserError(() => formatOf("x.xlsx"), /^x\.xlsx: unknown file type "\.xlsx"/);
    await expectUserError(() => parseTable(new Uint8Array(), "noext"), /unknown file type \(no extension\)/);
  });
});

describe("parseArrow", () => {
  const table = () =>
    new Table({
      id: vectorFromArray(["A", "A", "B"], new Dictionary(new Utf8(), new Int32())),
      year: makeVector(new Int32Array([2008, 2009, 2008])),
      big: makeVector(new BigInt64Array([1n, 2n, 3n])),
      y: makeVector(new Float64Array([1.5, NaN, -2]))
    });
  for (const kind of ["file", "stream"] as const) {
    it(`reads the ${kind} format`, () => {
      const t = parseArrow(tableToIPC(table(), kind), "p.arrow");
      expect(t.frame.nrows).toBe(3);
      expect(t.frame.columns.id).toEqual(["A", "A", "B"]);
      expect(Array.from(t.frame.columns.year as Float64Array)).toEqual([2008, 2009, 2008]);
      expect(Array.from(t.frame.columns.big as Float64Array)).toEqual([1, 2, 3]);
      expect(Array.from(t.frame.columns.y as Float64Array)).toEqual([1.5, NaN, -2]);
      expect(t.notNumeric.id).toEqual({where: "row 1", value: "A"});
    });
  }
  it("nulls are missing; Inf is an error with the row", async () => {
    const withNull = new Table({y: vectorFromArray([1, null, 3])});
    expect(Number.isNaN((parseArrow(tableToIPC(withNull), "n.arrow").frame.columns.y as Float64Array)[1])).toBe(true);
    const inf = tableFromArrays({y: new Float64Array([1, Infinity])});
    await expectUserError(() => parseArrow(tableToIPC(inf), "i.arrow"), /^i\.arrow: column "y" row 2: infinite value/);
  });
  it("rejects non-Arrow bytes", async () => {
    await expectUserError(() => parseArrow(new TextEncoder().encode("a,b\n1,2\n"), "x.arrow"), /^x\.arrow: not an Arrow IPC file/);
  });
  it("text columns of numbers-as-strings are reported as text", () => {
    const t = parseArrow(tableToIPC(new Table({g: vectorFromArray(["1", "2"], new Utf8())})), "s.arrow");
    expect(() => requireNumeric(t, ["g"])).toThrow('s.arrow: column "g" is stored as text');
  });
});

describe("parseParquet (written by DuckDB)", () => {
  it("reads numbers, bigints, decimals, strings, dates and nulls", async () => {
    const path = join(tmpdir(), `dtb-typed-${process.pid}.parquet`);
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(
      `COPY (SELECT * FROM (VALUES ('A', 2008::INTEGER, 1.5::DOUBLE, 10::BIGINT, 1.25::DECIMAL(10,2), DATE '2020-01-02', true),
        ('B', 2009, NULL, NULL, NULL, NULL, NULL)) t(id, year, y, big, dec, d, b)) TO '${path}' (FORMAT parquet)`
    );
    con.closeSync();
    const bytes = new Uint8Array(await readFile(path));
    await rm(path);
    const t = await parseParquet(bytes, "t.parquet");
    expect(t.frame.nrows).toBe(2);
    const c = t.frame.columns;
    expect(c.id).toEqual(["A", "B"]);
    expect(Array.from(c.year as Float64Array)).toEqual([2008, 2009]);
    expect(Array.from(c.y as Float64Array)).toEqual([1.5, NaN]);
    expect(Array.from(c.big as Float64Array)).toEqual([10, NaN]);
    expect(Array.from(c.dec as Float64Array)).toEqual([1.25, NaN]);
    expect(Array.from(c.b as Float64Array)).toEqual([1, NaN]);
    expect(c.d).toEqual(["2020-01-02", null]);
  });
  it("reads DECIMAL columns of every width as the double nearest each decimal, as DuckDB casts them", async () => {
    const path = join(tmpdir(), `dtb-dec-${process.pid}.parquet`);
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    // INT32 (precision 9), INT64 (18) and FIXED_LEN_BYTE_ARRAY (38) storage; negatives, nulls, and values whose
    // unscaled integer times 10^-scale rounds away from the nearest double (481 at scale 2).
    const select = `SELECT (i * 0.37)::DECIMAL(9,2) AS d9, (i * -1.0001)::DECIMAL(18,4) AS d18, (i * 12345.6789012345)::DECIMAL(38,10) AS d38,
      CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.01)::DECIMAL(5,2) END AS dnull FROM range(3000) t(i)`;
    await con.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
    const expected = await con.runAndReadAll(`SELECT d9::DOUBLE, d18::DOUBLE, d38::DOUBLE, dnull::DOUBLE FROM read_parquet('${path}')`);
    con.closeSync();
    const bytes = new Uint8Array(await readFile(path));
    await rm(path);
    const t = await parseParquet(bytes, "dec.parquet");
    const rows = expected.getRows();
    const names = ["d9", "d18", "d38", "dnull"];
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < names.length; j++) {
        const want = rows[i][j] === null ? NaN : (rows[i][j] as number);
        const got = (t.frame.columns[names[j]] as Float64Array)[i];
        if (!Object.is(got, want)) expect([names[j], i, got]).toEqual([names[j], i, want]);
      }
    }
    expect((t.frame.columns.d9 as Float64Array)[13]).toBe(4.81);
  });
  it("rejects non-Parquet bytes", async () => {
    await expectUserError(() => parseParquet(new TextEncoder().encode("a,b\n1,2\n"), "x.parquet"), /^x\.parquet: not a Parquet file/);
  });
});
