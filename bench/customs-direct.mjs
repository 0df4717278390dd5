// Reference for bench/customs.ts: the same SQL run by DuckDB directly (no dtb), plain Node, no tsx.
// Usage: node bench/customs-direct.mjs SQLFILE GLOB OUT.csv MEMORY_LIMIT THREADS [CELLS_SQLFILE]
// With CELLS_SQLFILE: the command's own two statements (the cells with their checks as a temp table, then
// SQLFILE = the final query on them), i.e. exactly the SQL `dtb customs aggregate` runs, without dtb.
import {readFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";

const [sqlFile, glob, out, memoryLimit, threads, cellsFile] = process.argv.slice(2);
const instance = await DuckDBInstance.create(":memory:", {memory_limit: memoryLimit, threads});
const con = await instance.connect();
await con.run(`CREATE VIEW customs_records AS SELECT * FROM read_parquet('${glob}')`);
if (cellsFile) await con.run(`CREATE TEMP TABLE cells AS ${readFileSync(cellsFile, "utf8")}`);
await con.run(`COPY (${readFileSync(sqlFile, "utf8")}) TO '${out}' (FORMAT csv, HEADER true)`);
con.closeSync();
instance.closeSync();
