// Framework data loader -> /data/panel.parquet. The panel as Parquet, written by DuckDB (@duckdb/node-api) to a
// temp file and then copied to stdout. Same columns and types as panel.arrow.
import {buildPanel} from "../../loaders/build.js";
import {frameToParquet} from "../../loaders/writers.js";
import {writeStdout} from "../../loaders/stdout.js";

const {frame} = await buildPanel();
await writeStdout(await frameToParquet(frame));
