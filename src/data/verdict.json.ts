// Framework data loader -> /data/verdict.json: the reviewer's verdict card (src/lib/compare/verdict.ts), computed at
// build time with the Replication page's own functions (runModels on China's exports, SE clustered by country), so
// Home shows it without downloading the panel; the Replication page's browser test checks it equals the live tables.
import {buildPanel} from "../../loaders/build.js";
import {writeStdout} from "../../loaders/stdout.js";
import {descriptives, runModels} from "../lib/replication/compute.js";
import {readPaperTables} from "../lib/replication/paper-node.js";
import {verdictRows} from "../lib/compare/verdict.js";

const {frame} = await buildPanel();
const paper = readPaperTables();
const outcome = {column: "lnexport_cn", region: "cn", label: "China"};
const sd = {
  paper: paper.table2.find((r) => r.variable === "DSTRI")!.sd,
  ours: descriptives(frame, outcome, "available").find((r) => r.column === "dstri")!.sd
};
const rows = verdictRows(paper, runModels(frame, outcome, "cluster"), sd);
// NaN / Infinity become null in JSON; the card shows them as "–".
await writeStdout(JSON.stringify({sd, rows}) + "\n");
