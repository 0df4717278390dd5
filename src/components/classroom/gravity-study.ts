/**
 * Lesson 7's "study's numbers": the study's printed log-linear estimate next to the open panel's two-way
 * log-OLS estimate, and, when the engine has PPML (the gravity-estimation issue), the same model by PPML on
 * exports in levels. Every number is computed or read, never typed in.
 */
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import type {PaperTables} from "../../lib/paper/schema.js";
import {factTable, fit, paperModel} from "./study.js";

const f3 = (v: number) => v.toFixed(3).replace("-", "−");

export function gravityFacts(paper: PaperTables, frame: Frame): HTMLElement {
  const m = paperModel(paper, "t4_m1");
  const tw = fit(frame, {});
  const j = tw.terms.indexOf("dstri");
  return factTable([
    {id: "paper", label: {en: "Study, Table 4 (1): log exports on the DSTRI (OLS)", zh: "论文表4第(1)列：出口对数对DSTRI（OLS）"}, value: `${m.terms.DSTRI.printed} ${m.terms.DSTRI.t_printed}`},
    {id: "ols-log", label: {en: "Open panel, log-OLS, partner and year FE", zh: "公开面板，对数OLS，伙伴国与年份固定效应"}, value: `${f3(tw.coef[j])} (SE ${tw.se[j].toFixed(3)}, n = ${tw.nobs})`},
    {
      id: "ppml",
      label: {en: "Open panel, PPML, partner and year FE", zh: "公开面板，PPML，伙伴国与年份固定效应"},
      value: pick({en: "not in this build: the engine's PPML with fixed effects is being added (gravity-estimation issue)", zh: "本版本尚无：引擎的带固定效应 PPML 正在加入（引力模型估计议题）"})
    }
  ]);
}
