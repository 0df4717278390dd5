// Data loader: the replication page's worker (event study, endogenous GMM) as one self-contained ES module.
import {bundleWorker} from "../../loaders/bundle-worker.ts";

process.stdout.write(await bundleWorker("src/workers/replication-entry.ts"));
