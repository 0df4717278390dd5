// Framework data loader -> /data/support-measures.json: data/support/measures.json, checked against the catalogue
// schema together with the other file (cases link to measures), so an invalid catalogue fails the build.
import {readSupportCatalogue} from "../../loaders/support.ts";
import {writeStdout} from "../../loaders/stdout.ts";

await writeStdout(JSON.stringify(readSupportCatalogue().measures) + "\n");
