/**
 * The emitted SQL: the exact statement `--emit-sql` prints runs as is in DuckDB on a table named
 * customs_records and gives the same file as `aggregateRecords`; it uses standard SQL only (no DuckDB
 * extension that Spark SQL or Trino would reject).
 */
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {aggregateRecords} from "../../../loaders/customs-records/aggregate.js";
import {resolveInputs} from "../../../loaders/customs-records/inputs.js";
import {parseMap, parseModes, parseRegions} from "../../../loaders/customs-records/schema.js";
import {aggregateSql} from "../../../loaders/customs-records/sql.js";
import {synthesize} from "../../../loaders/customs-records/synth.js";
import {tmp} from "./helpers.js";

const regions = parseRegions("zj=33,wz=3303");
const groups = parseModes("cbec=9610,9710,9810,1210");

describe("emitted SQL", () => {
  it("has no DuckDB-only syntax", () => {
    const sql = aggregateSql(regions, groups);
    for (const bad of ["::", "EXCLUDE", "read_parquet", "read_csv", "QUALIFY", "LIMIT", "ILIKE", "regexp", "list_", "struct", '"']) expect(sql).not.toContain(bad);
    expect(sql).toMatch(/FROM customs_records/);
    expect((sql.match(/FROM customs_records/g) ?? []).length).toBe(1); // one scan of the records
  });

  it("run as is by DuckDB on a customs_records table, equals the command's file", async () => {
    const dir = tmp();
    await synthesize({rows: 5000, seed: 3, out: dir});
    const r = await aggregateRecords({inputs: resolveInputs(dir), map: parseMap(undefined), regions, groups, threads: 1});
    const inst = await DuckDBInstance.create(":memory:");
    const con = await inst.connect();
    try {
      await con.run(`CREATE TABLE customs_records AS SELECT * FROM read_parquet('${join(dir, "*.parquet")}')`);
      const rows = (await con.runAndReadAll(aggregateSql(regions, groups))).getRowObjectsJS();
      const csv = ["region,partner_iso3,year,exports_usd", ...rows.map((x) => `${x.region},${x.partner_iso3},${Number(x.year)},${Number(x.exports_usd)}`)].join("\n") + "\n";
      expect(csv).toBe(r.csv);
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });
});
