// Data loader: the multiverse Web Worker as one self-contained ES module (loaders/bundle-worker.ts).
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/multiverse-entry.ts"));
