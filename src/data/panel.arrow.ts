// Framework data loader -> /data/panel.arrow. The panel in Arrow IPC *stream* format (not the file format), so
// DuckDB-wasm's insertArrowFromIPCStream takes it as is; iso3/country/country_zh Utf8, year Int32, oecd Bool,
// numbers Float64 with nulls. Data: cache -> snapshot -> live (see loaders/resolve.ts).
import {buildPanel} from "../../loaders/build.js";
import {frameToArrowStream} from "../../loaders/writers.js";
import {writeStdout} from "../../loaders/stdout.js";

const {frame} = await buildPanel();
await writeStdout(frameToArrowStream(frame));
