/**
 * The Parquet reader's plan from the file's footer (loaders/duck-read/parquet-footer.ts): for each column it
 * plans, the same choice DuckDB's DESCRIBE leads to (read as is, or cast to DOUBLE), the file's row count,
 * and no plan (DuckDB decides) for any other column type or a damaged file.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {columnRead, parquetPlan} from "../../loaders/duck-read/parquet-footer.ts";

const dir = mkdtempSync(join(tmpdir(), "dtb-footer-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Writes `select` to Parquet with DuckDB; returns the path and DuckDB's DESCRIBE of the file and its rows. */
async function written(label: string, select: string): Promise<{path: string; described: Array<[string, string]>; rows: number}> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const path = join(dir, `${label}.parquet`);
  await con.run(`COPY (${select}) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
  const d = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
  const n = await con.runAndReadAll(`SELECT count(*)::BIGINT FROM read_parquet('${path}')`);
  con.closeSync();
  instance.closeSync();
  return {path, described: d.getRows().map((r) => [String(r[0]), String(r[1])]), rows: Number(n.getRows()[0][0])};
}

/** The choice read.ts makes from DuckDB's type name (null: the file is declined). */
function fromDescribe(type: string): "as is" | "cast" | null {
  if (type === "DOUBLE" || type === "VARCHAR") return "as is";
  if (/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DECIMAL\(\d+,\d+\))$/.test(type)) return "cast";
  return null;
}

const PLAIN = `SELECT i::DOUBLE * 0.5 AS "y", i::BIGINT AS "firm id", (i % 60)::INTEGER AS partner, (i % 7)::TINYINT AS t8, (i % 7)::SMALLINT AS t16,
  (i % 7)::UTINYINT AS u8, (i % 7)::UINTEGER AS u32, (i % 7)::UBIGINT AS u64, (i % 2 = 0) AS flag, (i / 3)::FLOAT AS f,
  (i / 8)::DECIMAL(9,2) AS d4, (i / 8)::DECIMAL(18,3) AS d8, (i / 8)::DECIMAL(30,4) AS d16,
  CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 97)::VARCHAR || '_' || (i % 5)::VARCHAR END AS "pair ""q""" FROM range(2500) t(i)`;

describe("parquetPlan", () => {
  it("plans every plain column as DuckDB's DESCRIBE leads to, with the file's rows (several row groups, hostile names)", async () => {
    const {path, described, rows} = await written("plain", PLAIN);
    const plan = parquetPlan(path);
    expect(plan).not.toBeNull();
    expect(plan!.rows).toBe(rows);
    expect(plan!.columns.map(({name, read}) => [name, read])).toEqual(described.map(([name, type]) => [name, fromDescribe(type)]));
  });
  it.each([
    ["a DATE column", "SELECT DATE '2020-01-01' + i::INTEGER AS d, i::DOUBLE AS y FROM range(10) t(i)"],
    ["a TIMESTAMP column", "SELECT TIMESTAMP '2020-01-01' + INTERVAL (i) HOUR AS ts FROM range(10) t(i)"],
    ["a BLOB column", "SELECT 'ab'::BLOB AS b FROM range(10) t(i)"],
    ["a struct", "SELECT {'a': i} AS s FROM range(10) t(i)"],
    ["a list", "SELECT [i, i] AS l FROM range(10) t(i)"],
    ["a UUID", "SELECT uuid() AS u FROM range(3) t(i)"],
    ["a TIME column", "SELECT TIME '10:00:00' AS tm FROM range(3) t(i)"]
  ])("gives no plan for %s (DuckDB's DESCRIBE decides)", async (label, select) => {
    const {path} = await written(label.replace(/\W+/g, "-"), select);
    expect(parquetPlan(path)).toBeNull();
  });
  it("gives no plan for a damaged file: cut short, no footer, a footer length past the start, not Parquet, empty", async () => {
    const {path} = await written("cut", PLAIN);
    const bytes = readFileSync(path);
    const cases: Array<[string, Uint8Array]> = [
      ["cut", bytes.subarray(0, bytes.length - 20)],
      ["nofooter", bytes.subarray(0, bytes.length - 4)],
      ["empty", new Uint8Array(0)],
      ["text", new TextEncoder().encode("a,b\n1,2\n")]
    ];
    const long = Buffer.from(bytes);
    long.writeUInt32LE(0x7fffffff, long.length - 8);
    cases.push(["length", long]);
    const junk = Buffer.from(bytes);
    junk.fill(7, junk.length - 200, junk.length - 8);
    cases.push(["junk", junk]);
    for (const [name, content] of cases) {
      const p = join(dir, `${name}.parquet`);
      writeFileSync(p, content);
      expect(parquetPlan(p), name).toBeNull();
    }
    expect(parquetPlan(join(dir, "missing.parquet"))).toBeNull();
  });
});

describe("columnRead", () => {
  it("reads DOUBLE and UTF-8 text as is, casts integers, booleans, FLOAT and decimals, and leaves the rest to DuckDB", () => {
    expect(columnRead({type: "DOUBLE"})).toBe("as is");
    expect(columnRead({type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: {type: "STRING"}})).toBe("as is");
    expect(columnRead({type: "BYTE_ARRAY", logical_type: {type: "STRING"}})).toBe("as is");
    expect(columnRead({type: "INT64"})).toBe("cast");
    expect(columnRead({type: "INT32", converted_type: "UINT_8", logical_type: {type: "INTEGER"}})).toBe("cast");
    expect(columnRead({type: "FIXED_LEN_BYTE_ARRAY", converted_type: "DECIMAL"})).toBe("cast");
    expect(columnRead({type: "BOOLEAN"})).toBe("cast");
    for (const e of [
      {type: "BYTE_ARRAY"},
      {type: "BYTE_ARRAY", converted_type: "ENUM"},
      {type: "BYTE_ARRAY", converted_type: "JSON"},
      {type: "INT32", converted_type: "DATE"},
      {type: "INT64", logical_type: {type: "TIMESTAMP"}},
      {type: "INT96"},
      {type: "FIXED_LEN_BYTE_ARRAY", logical_type: {type: "UUID"}},
      {type: "DOUBLE", logical_type: {type: "FLOAT16"}}
    ]) expect(columnRead(e), JSON.stringify(e)).toBeNull();
  });
});
