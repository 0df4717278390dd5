/**
 * The DuckDB reader's tests (duck-read.test.ts) run again with the native batch copier turned off
 * (loaders/duck-read/batch.ts): the chunk-by-chunk path, which machines without a C compiler take, gives
 * the same frames and errors. (Where the copier was not built, both files run that path.)
 */
import {setBatchEnabled} from "../../loaders/duck-read/batch.ts";

setBatchEnabled(false);
await import("./duck-read.test.ts");
