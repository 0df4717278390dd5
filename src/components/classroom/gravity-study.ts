/**
 * Lesson 7's "study's numbers": the study's printed log-linear estimate, and the open panel's DSTRI coefficient of
 * the same two-way model (partner and year fixed effects, clustered by partner) by log-OLS and by the engine's PPML
 * on exports in US$ (the replication page's gravity checks, src/lib/replication/gravity.ts). Every number is
 * computed or read, never typed in.
 */
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import type {PaperTables} from "../../lib/paper/schema.js";
import {gravityRows, type GravityCell} from "../../lib/replication/gravity.js";
import {factTable, paperModel} from "./study.js";

const f3 = (v: number) => v.toFixed(3).replace("-", "−");
const show = (c: GravityCell | string, stat: "t" | "z") =>
  typeof c === "string" ? c : `${f3(c.coef)} (SE ${c.se.toFixed(3)}, ${stat} = ${f3(c.stat)}, n = ${c.nobs})`;

export function gravityFacts(paper: PaperTables, frame: Frame): HTMLElement {
  const m = paperModel(paper, "t4_m1");
  const row = gravityRows(frame, {column: "lnexport_cn", region: "cn", label: "China"}).find((r) => r.id === "t4_base");
  return factTable([
    {id: "paper", label: {en: "Study, Table 4 (1): log exports on the DSTRI (OLS)", zh: "论文表4第(1)列：出口对数对DSTRI（OLS）"}, value: `${m.terms.DSTRI.printed} ${m.terms.DSTRI.t_printed}`},
    {id: "ols-log", label: {en: "Open panel, log-OLS, partner and year FE", zh: "公开面板，对数OLS，伙伴国与年份固定效应"}, value: row ? show(row.ols, "t") : "–"},
    {id: "ppml", label: {en: "Open panel, PPML on exports in US$, partner and year FE", zh: "公开面板，以美元出口额做PPML，伙伴国与年份固定效应"}, value: row ? show(row.ppml, "z") : "–"}
  ]);
}
