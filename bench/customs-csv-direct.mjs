// Reference for bench/customs-csv.ts: the bare aggregation in DuckDB, plain Node (no dtb, no tsx, no
// checks): DuckDB's own CSV type detection, the column mapping as a view, the standard aggregation SQL.
// Usage: node bench/customs-csv-direct.mjs SQLFILE CSV OUT.csv THREADS MAP(json {canonical: source})
import {readFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";

const [sqlFile, csv, out, threads, mapJson] = process.argv.slice(2);
const map = JSON.parse(mapJson);
const instance = await DuckDBInstance.create(":memory:", {threads});
const con = await instance.connect();
const q = (s) => `'${s.replace(/'/g, "''")}'`;
const id = (s) => `"${s.replace(/"/g, '""')}"`;
const cols = ["year", "month", "region_code", "partner_iso3", "customs_mode", "value_usd"].map((c) => `${id(map[c] ?? c)}${c === "region_code" || c === "customs_mode" ? "::VARCHAR" : ""} AS ${c}`);
await con.run(`CREATE VIEW customs_records AS SELECT ${cols.join(", ")} FROM read_csv(${q(csv)})`);
await con.run(`COPY (${readFileSync(sqlFile, "utf8")}) TO ${q(out)} (FORMAT csv, HEADER true)`);
con.closeSync();
instance.closeSync();
