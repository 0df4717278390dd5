/**
 * Says which specification the simulator used: the explorer's (with a link back to its view) or the default
 * (score + controls, partner and year fixed effects, clustered by partner), plus the sample it was estimated on.
 */
import {pick, withLang} from "../../lib/i18n.js";
import type {Result} from "../../lib/engine/types.js";
import type {ChosenSpec} from "../../lib/whatif/spec.js";
import {outcomeLabel, termLabel} from "../../lib/explorer/labels.js";

/** Fixed-effect and cluster columns in words (issue 19: labels, not codes, in prose). */
const GROUP_WORDS: Record<string, {en: string; zh: string}> = {iso3: {en: "partner", zh: "伙伴国"}, year: {en: "year", zh: "年份"}};
const groupWord = (c: string, lang: "en" | "zh") => GROUP_WORDS[c]?.[lang] ?? c;

export function specNote(chosen: ChosenSpec, result: Result): HTMLElement {
  const p = document.createElement("p");
  p.className = "whatif-spec muted";
  p.dataset.testid = "whatif-spec";
  p.dataset.source = chosen.source;
  const vcov = chosen.spec.vcov;
  const se = vcov === "iid" ? pick({en: "iid", zh: "普通"}) : vcov === "hetero" ? pick({en: "heteroskedasticity-robust", zh: "异方差稳健"}) :
    typeof vcov === "object" && "cluster" in vcov ? pick({en: `clustered by ${vcov.cluster.map((c) => groupWord(c, "en")).join(", ")}`, zh: `按${vcov.cluster.map((c) => groupWord(c, "zh")).join("、")}聚类`}) : vcov ? String(typeof vcov === "string" ? vcov : Object.keys(vcov)[0]) : pick({en: "iid", zh: "普通"});
  const what = pick({
    en: `outcome: ${outcomeLabel(chosen.spec.y).en}; regressors: ${chosen.spec.x.map((x) => termLabel(x).en).join(", ")}; fixed effects: ${(chosen.spec.fe ?? []).map((c) => groupWord(c, "en")).join(", ") || "none"}; standard errors ${se}; ${result.nobs} observations, ${result.n_groups} partners.`,
    zh: `被解释变量：${outcomeLabel(chosen.spec.y).zh}；解释变量：${chosen.spec.x.map((x) => termLabel(x).zh).join("、")}；固定效应：${(chosen.spec.fe ?? []).map((c) => groupWord(c, "zh")).join("、") || "无"}；标准误${se}；${result.nobs} 个观测值，${result.n_groups} 个伙伴国。`
  });
  if (chosen.source === "explorer" && chosen.explorerUrl) {
    const a = document.createElement("a");
    a.href = withLang(chosen.explorerUrl);
    a.textContent = pick({en: "the explorer", zh: "模型探索页"});
    p.append(pick({en: "Using the specification you chose in ", zh: "使用您在"}), a, pick({en: ": ", zh: "中选择的设定："}), what);
  } else {
    p.append(
      pick({
        en: "Default specification (the explorer's current specification is used instead when it includes this score): ",
        zh: "默认设定（若模型探索页当前的设定包含该得分，则改用其设定）："
      }),
      what
    );
  }
  return p;
}
