// Data loader: the notebook's Web Worker as one self-contained ES module (loaders/bundle-worker.ts).
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/notebook-entry.ts"));
