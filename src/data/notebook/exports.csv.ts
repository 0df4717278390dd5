// Framework data loader -> /data/notebook/exports.csv: the long exports table as CSV, for the notebook's R export
// (DuckDB's R package reads it with read_csv_auto).
import {resolveSource} from "../../../loaders/resolve.js";
import {csvText} from "../../lib/csv/write.js";
import {writeStdout} from "../../../loaders/stdout.js";

const {table} = await resolveSource("exports");
await writeStdout(new TextEncoder().encode(csvText([table.columns, ...table.rows])));
