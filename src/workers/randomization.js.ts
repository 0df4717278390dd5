// Data loader: the pages' randomization-inference worker as one self-contained ES module (loaders/bundle-worker.ts).
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/randomization-entry.ts"));
