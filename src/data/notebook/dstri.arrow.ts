// Framework data loader -> /data/notebook/dstri.arrow: the long dstri table for the notebook's SQL cells
// (Arrow IPC stream; see loaders/notebook-tables.ts).
import {sourceArrowStream} from "../../../loaders/notebook-tables.js";
import {writeStdout} from "../../../loaders/stdout.js";

await writeStdout(await sourceArrowStream("dstri"));
