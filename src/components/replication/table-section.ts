/**
 * One of Tables 4-7 on the replication page: the side-by-side regression table and, under it, the
 * plain-language reading of each of our models against the paper model it mirrors.
 */
import type {PaperTables} from "../../lib/paper/schema.js";
import {readDifference, type ComparisonTable} from "../../lib/replication/compare.js";
import type {ModelRun} from "../../lib/replication/compute.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {regionName} from "../../lib/replication/compare.js";
import {readingBox} from "./reading.js";
import {modelWarningsAlert} from "../model-warnings.js";
import {pinButton} from "../compare/pin-button.js";
import {explorerHref, stateOfModel} from "../../lib/compare/explorer-link.js";
import {withLang} from "../../lib/i18n.js";
import {regressionTable, type StatMode} from "./regression-table.js";

/** Short names of our models (ids without the region suffix). */
const SHORT: Record<string, {en: string; zh: string}> = {
  t4_base: {en: "DSTRI alone", zh: "仅含 DSTRI"},
  t4_ctrl: {en: "With controls", zh: "加入控制变量"},
  t5_excl2020: {en: "Without 2020", zh: "剔除 2020 年"},
  t6_lag: {en: "Lagged DSTRI", zh: "DSTRI 滞后一期"},
  t7_diff: {en: "Difference GMM", zh: "差分 GMM"},
  t7_sys: {en: "System GMM", zh: "系统 GMM"},
  t7_diff_endo: {en: "Difference GMM, DSTRI endogenous", zh: "差分 GMM（DSTRI 内生）"},
  t7_sys_endo: {en: "System GMM, DSTRI endogenous", zh: "系统 GMM（DSTRI 内生）"}
};

export function tableSection(
  table: ComparisonTable,
  runs: ModelRun[],
  paper: PaperTables,
  sd: {paper: number; ours: number},
  mode: StatMode,
  outcomeLabel: string
): HTMLElement {
  // Warnings above the table (outside its horizontal scroll), one alert per model not to be read as it stands.
  const alerts = table.columns
    .filter((c) => c.warnings?.length)
    .map((c) => modelWarningsAlert(c.warnings!, `${pick({en: "Ours", zh: "本复现"})} (${c.heading})`));
  const section = el("div", {className: "table-section"}, ...alerts, regressionTable(table, mode));
  section.dataset.table = String(table.table);
  // Each of our columns: open it in the explorer (the same spec), or pin it to compare side by side there.
  const open = el("ul", {className: "col-actions"});
  // The explorer has no endogenous-regressor option: those models get no link that would open a different model.
  for (const run of runs.filter((r) => r.model.table === table.table && !(r.model.spec.gmm?.endogenous ?? []).length)) {
    const short = SHORT[run.model.id.replace(/_[a-z0-9]+$/, "")];
    const name = `${pick({en: "Ours", zh: "本复现"})}: ${short ? pick(short) : run.model.id}`;
    const a = el("a", {text: pick({en: "open in explorer →", zh: "在模型探索中打开 →"})});
    a.href = withLang(explorerHref(run.model));
    a.setAttribute("aria-label", `${name}: ${a.textContent}`);
    const li = el("li", {}, el("span", {className: "col-name", text: `${name} `}), a, " ", pinButton(stateOfModel(run.model), name));
    li.dataset.model = run.model.id;
    open.append(li);
  }
  if (open.children.length) section.append(open);
  const readings = el("div", {className: "readings"});
  for (const run of runs.filter((r) => r.model.table === table.table)) {
    const pm = paper.models.find((m) => m.id === run.model.paper_id);
    if (!pm) continue;
    const region = pm.dependent === "lnexport_wz" ? "Wenzhou" : "Zhejiang";
    const short = SHORT[run.model.id.replace(/_[a-z0-9]+$/, "")];
    const name = short ? pick(short) : run.model.id;
    const title = pick({
      en: `${name}: ours against the paper's ${pm.table === 4 ? `${pm.column} ` : ""}${region}`,
      zh: `${name}：本复现对照原文${pm.table === 4 ? `第${pm.column}列` : ""}（${regionName(region)}）`
    });
    const box = readingBox(title, readDifference(pm, run, sd, outcomeLabel));
    box.dataset.model = run.model.id;
    readings.append(box);
  }
  section.append(readings);
  return section;
}
