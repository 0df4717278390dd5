// Framework data loader -> /data/notebook/dstri.csv: the long dstri table as CSV, for the notebook's R export
// (DuckDB's R package reads it with read_csv_auto).
import {resolveSource} from "../../../loaders/resolve.js";
import {writeStdout} from "../../../loaders/stdout.js";

const {table} = await resolveSource("dstri");
const quote = (v: string | number) => (typeof v === "number" ? String(v) : /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
await writeStdout(new TextEncoder().encode([table.columns.join(","), ...table.rows.map((r) => r.map(quote).join(","))].join("\n") + "\n"));
