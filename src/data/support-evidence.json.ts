// Framework data loader -> /data/support-evidence.json: the evidence by DSTRI area (the mechanism page's five
// fixed-effects models, src/lib/mechanism/area-models.ts, estimated here with the same engine on the same panel),
// so the support page can say where to start without loading the panel and the engine (issue 19).
import {buildPanel} from "../../loaders/build.js";
import {writeStdout} from "../../loaders/stdout.js";
import {estimateAreas} from "../lib/mechanism/area-models.js";

const {frame} = await buildPanel();
const out = estimateAreas(frame).map((e) => ({
  area: e.area.key, column: e.area.column, beta: e.coef.beta, se: e.coef.se, lo: e.coef.lo, hi: e.coef.hi,
  pvalue: e.pvalue, df: e.coef.df, nobs: e.nobs, partners: e.n_groups, movers: e.movers, years: e.years
}));
await writeStdout(JSON.stringify(out) + "\n");
