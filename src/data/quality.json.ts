// Framework data loader -> /data/quality.json. Coverage per country and year, missing cells per column and
// outliers of the panel (see loaders/quality.ts for the rules).
import {buildPanel} from "../../loaders/build.js";
import {qualityReport} from "../../loaders/quality.js";
import {writeStdout} from "../../loaders/stdout.js";

await writeStdout(JSON.stringify(qualityReport((await buildPanel()).frame)) + "\n");
