// Data loader: the explorer's wild-bootstrap worker as one self-contained ES module (loaders/bundle-worker.ts).
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/bootstrap-entry.ts"));
