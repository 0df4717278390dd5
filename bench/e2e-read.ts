/**
 * Child process of bench/e2e.ts: reads FILE the way `dtb estimate` does (loaders/read-table.ts: DuckDB for
 * CSV and Parquet) and prints the read time in ms, measured in-process after the modules are loaded (as
 * R's system.time(fread(...)) is), the same with every column made (text columns are made when first read,
 * as fread's are not), then the frame's rows. DTB_READER=js times the JS reader instead.
 * Usage: node --import tsx bench/e2e-read.ts FILE
 */
import {readerFor, readTable} from "../loaders/read-table.ts";

const file = process.argv[2];
const reader = await readerFor(file);
// The modules readTable imports on first use, loaded before the clock starts as R's library() calls are.
await import("@duckdb/node-api");
await import("../loaders/duck-read/read.ts");
const t0 = performance.now();
const table = await readTable(file, reader);
const ms = performance.now() - t0;
// Text columns are made when first read (loaders/duck-read/text.ts lazyColumn): the time with every column made too.
let cells = 0;
for (const column of Object.values(table.frame.columns)) cells += column.length;
const allMs = performance.now() - t0;
process.stdout.write(`READ_MS ${ms.toFixed(1)} READ_ALL_MS ${allMs.toFixed(1)} ROWS ${table.frame.nrows} CELLS ${cells}\n`);
