// Framework data loader -> /data/panel.csv. The panel as CSV (UTF-8, missing = empty, oecd true/false).
import {buildPanel} from "../../loaders/build.js";
import {frameToCsv} from "../../loaders/writers.js";
import {writeStdout} from "../../loaders/stdout.js";

const {frame} = await buildPanel();
await writeStdout(frameToCsv(frame));
