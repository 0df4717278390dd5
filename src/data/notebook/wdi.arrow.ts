// Framework data loader -> /data/notebook/wdi.arrow: the long wdi table for the notebook's SQL cells
// (Arrow IPC stream; see loaders/notebook-tables.ts).
import {sourceArrowStream} from "../../../loaders/notebook-tables.js";
import {writeStdout} from "../../../loaders/stdout.js";

await writeStdout(await sourceArrowStream("wdi"));
