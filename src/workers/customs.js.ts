// Data loader: prints the customs worker as one self-contained ES module (see loaders/bundle-worker.ts).
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/customs-entry.ts"));
