// Framework data loader -> /data/provenance.json. Where every input came from (method, URL, time, rows, sha256,
// licence, citation), the customs files used and the panel's shape.
import {buildPanel} from "../../loaders/build.js";
import {provenanceDoc} from "../../loaders/provenance.js";
import {writeStdout} from "../../loaders/stdout.js";

await writeStdout(JSON.stringify(provenanceDoc(await buildPanel()), null, 2) + "\n");
