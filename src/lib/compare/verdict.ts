/**
 * The reviewer's verdict (issue #21): for each headline claim of the study (Tables 4-7, the Zhejiang columns), the
 * paper's estimate next to ours on the open data, and a verdict by one stated rule. The same ModelRun objects as
 * the Replication page (runModels), so the card's numbers are the page's numbers; a data loader runs it at build
 * time for Home (src/data/verdict.json.ts) and the browser test compares the card with the page's tables.
 *
 * The rule (VERDICT_RULE, printed on the card):
 *  - "unreadable": the engine warns that our model should not be read (engine/warnings.ts);
 *  - "opposite": our coefficient has the other sign;
 *  - "holds": same sign and two-sided p < 0.05 with our standard errors;
 *  - "same_sign_ns": same sign, p >= 0.05;
 *  - "not_estimated": the engine could not estimate our model.
 * Sizes are compared per standard deviation of each study's DSTRI (the paper's index runs 0.288-1.992, the
 * OECD's 0-1), as the Replication page's readings do (replication/compare.ts readDifference).
 */
import type {ModelWarning} from "../engine/types.js";
import type {PaperTables} from "../paper/schema.js";
import {keyTerm, type ModelRun} from "../replication/compute.js";
import {explorerHref} from "./explorer-link.js";

export type VerdictCode = "holds" | "same_sign_ns" | "opposite" | "unreadable" | "not_estimated";

export const VERDICT_ALPHA = 0.05;

export const VERDICT_RULE = {
  en: `Verdict rule: "holds" = same sign as the paper and p < ${VERDICT_ALPHA} (two-sided, our standard errors); "same sign, not significant" = same sign, p ≥ ${VERDICT_ALPHA}; "opposite sign" = our estimate has the other sign; "cannot be read" = the engine warns that the model should not be read. One standard deviation of each study's own DSTRI makes the sizes comparable.`,
  zh: `判定规则：“成立”= 与原文同号且 p < ${VERDICT_ALPHA}（双侧，本复现的标准误）；“同号但不显著”= 同号且 p ≥ ${VERDICT_ALPHA}；“符号相反”= 本复现估计值符号相反；“无法解读”= 引擎警告该模型不宜解读。效应大小按各自 DSTRI 的一个标准差换算，以便比较。`
};

export interface VerdictSide {
  coef: number;
  t: number;
  /** Effect of one standard deviation of the study's DSTRI, log points. */
  sd_effect: number;
  nobs: number;
  sample: {en: string; zh: string};
}

export interface VerdictRow {
  /** Our model id (replication/models.ts), e.g. "t4_ctrl_cn". */
  id: string;
  paper_id: string;
  table: number;
  claim: {en: string; zh: string};
  /** The paper's key term (DSTRI or LDSTRI). */
  term: string;
  paper: VerdictSide;
  ours: (VerdictSide & {p: number; n_groups: number}) | null;
  verdict: VerdictCode;
  warnings: ModelWarning[];
  /** Explorer URL of our model, relative to the site root. */
  explorer: string;
  headline: boolean;
}

const CLAIMS: Record<string, {en: string; zh: string}> = {
  t4_base: {en: "Table 4 (1): DSTRI alone, country and year FE", zh: "表 4（1）：仅含 DSTRI，国家和年份固定效应"},
  t4_ctrl: {en: "Table 4 (2): with controls (the headline)", zh: "表 4（2）：加入控制变量（核心结论）"},
  t5_excl2020: {en: "Table 5: 2020 left out", zh: "表 5：剔除 2020 年"},
  t6_lag: {en: "Table 6: DSTRI lagged one year", zh: "表 6：DSTRI 滞后一期"},
  t7_diff: {en: "Table 7: difference GMM", zh: "表 7：差分 GMM"},
  t7_sys: {en: "Table 7: system GMM", zh: "表 7：系统 GMM"}
};

/** The verdict of one comparison by the rule above. Example: verdictOf(-0.224, -0.07, 0.86, []) -> "same_sign_ns". */
export function verdictOf(paperCoef: number, coef: number, p: number, warnings: readonly ModelWarning[]): VerdictCode {
  if (!Number.isFinite(coef)) return "not_estimated";
  if (warnings.length) return "unreadable";
  if (Math.sign(coef) !== Math.sign(paperCoef)) return "opposite";
  return p < VERDICT_ALPHA ? "holds" : "same_sign_ns";
}

/**
 * One row per run that mirrors a Zhejiang column of the paper (Wenzhou's repeat them), in table order.
 * `sd`: the DSTRI standard deviations of the paper's Table 2 and of ours (the Replication page's `sd`).
 */
export function verdictRows(paper: PaperTables, runs: ModelRun[], sd: {paper: number; ours: number}): VerdictRow[] {
  const [y0, y1] = paper.claims.period;
  const rows: VerdictRow[] = [];
  for (const run of runs) {
    const pm = paper.models.find((m) => m.id === run.model.paper_id);
    if (!pm || pm.dependent !== "lnexport_zj") continue;
    const short = run.model.id.replace(/_[a-z0-9]+$/, "");
    const pc = pm.terms[pm.key_regressor];
    if (!pc) continue;
    const r = run.result;
    const j = r ? r.terms.indexOf(keyTerm(run.model.spec)) : -1;
    const warnings = r?.warnings ?? [];
    const years = typeof r?.info?.n_periods === "number" ? r.info.n_periods : null;
    const ours = r && j >= 0
      ? {coef: r.coef[j], t: r.tstat[j], p: r.pvalue[j], sd_effect: r.coef[j] * sd.ours, nobs: r.nobs, n_groups: r.n_groups,
        sample: {en: `China's exports, ${r.n_groups} partners${years ? `, ${years} years` : ""}`, zh: `中国出口，${r.n_groups} 个伙伴${years ? `，${years} 年` : ""}`}}
      : null;
    // The paper's sample: only Table 5 leaves 2020 out (our Table 7 also excludes years, but the paper's does not).
    const drop = run.model.table === 5 ? {en: ", 2020 left out", zh: "，剔除 2020 年"} : {en: "", zh: ""};
    rows.push({
      id: run.model.id,
      paper_id: pm.id,
      table: pm.table,
      claim: CLAIMS[short] ?? {en: run.model.label, zh: run.model.label},
      term: pm.key_regressor,
      paper: {coef: pc.coef, t: pc.t, sd_effect: pc.coef * sd.paper, nobs: pm.observations,
        sample: {en: `Zhejiang's exports, ${pm.n_countries ?? paper.claims.n_countries} partners, ${y0}-${y1}${drop.en}`, zh: `浙江出口，${pm.n_countries ?? paper.claims.n_countries} 个伙伴，${y0}-${y1} 年${drop.zh}`}},
      ours,
      verdict: ours ? verdictOf(pc.coef, ours.coef, ours.p, warnings) : "not_estimated",
      warnings,
      explorer: explorerHref(run.model),
      headline: short === "t4_ctrl"
    });
  }
  return rows.sort((a, b) => a.table - b.table);
}

/** The verdict in words. */
export const VERDICT_WORDS: Record<VerdictCode, {en: string; zh: string}> = {
  holds: {en: "holds", zh: "成立"},
  same_sign_ns: {en: "same sign, not significant", zh: "同号但不显著"},
  opposite: {en: "opposite sign", zh: "符号相反"},
  unreadable: {en: "cannot be read (warnings)", zh: "无法解读（有警告）"},
  not_estimated: {en: "not estimated", zh: "无法估计"}
};
