/**
 * One of Tables 4-7 on the replication page: the side-by-side regression table and, under it, the
 * plain-language reading of each of our models against the paper model it mirrors.
 */
import type {PaperTables} from "../../lib/paper/schema.js";
import {readDifference, type ComparisonTable} from "../../lib/replication/compare.js";
import type {ModelRun} from "../../lib/replication/compute.js";
import {el} from "../format.js";
import {readingBox} from "./reading.js";
import {regressionTable, type StatMode} from "./regression-table.js";

/** Short names of our models (ids without the region suffix). */
const SHORT: Record<string, string> = {
  t4_base: "DSTRI alone",
  t4_ctrl: "With controls",
  t5_excl2020: "Without 2020",
  t6_lag: "Lagged DSTRI",
  t7_diff: "Difference GMM",
  t7_sys: "System GMM"
};

export function tableSection(
  table: ComparisonTable,
  runs: ModelRun[],
  paper: PaperTables,
  sd: {paper: number; ours: number},
  mode: StatMode,
  outcomeLabel: string
): HTMLElement {
  const section = el("div", {className: "table-section"}, regressionTable(table, mode));
  section.dataset.table = String(table.table);
  const readings = el("div", {className: "readings"});
  for (const run of runs.filter((r) => r.model.table === table.table)) {
    const pm = paper.models.find((m) => m.id === run.model.paper_id);
    if (!pm) continue;
    const region = pm.dependent === "lnexport_wz" ? "Wenzhou" : "Zhejiang";
    const title = `${SHORT[run.model.id.replace(/_[a-z0-9]+$/, "")] ?? run.model.id}: ours against the paper's ${pm.table === 4 ? `${pm.column} ` : ""}${region}`;
    const box = readingBox(title, readDifference(pm, run, sd, outcomeLabel));
    box.dataset.model = run.model.id;
    readings.append(box);
  }
  section.append(readings);
  return section;
}
