/**
 * The replication page's gravity checks: for Table 4's two baselines and Table 5's model without 2020, the DSTRI
 * coefficient by OLS (clustered by partner, as the tables; Driscoll-Kraay), by PPML on exports in levels
 * (clustered; Driscoll-Kraay) and the wild cluster bootstrap of the OLS coefficient, with a sentence on what
 * they change. Numbers from src/lib/replication/gravity.ts; the bootstrap arrives later from a worker.
 */
import type {BootstrapResult} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import type {GravityCell, GravityRow} from "../../lib/replication/gravity.js";
import {el} from "../format.js";

const NAMES: Record<GravityRow["id"], {en: string; zh: string}> = {
  t4_base: {en: "Table 4: DSTRI alone", zh: "表 4：仅含 DSTRI"},
  t4_ctrl: {en: "Table 4: with controls", zh: "表 4：加入控制变量"},
  t5_excl2020: {en: "Table 5: without 2020", zh: "表 5：剔除 2020 年"}
};

const f3 = (v: number): string => (Number.isFinite(v) ? (v !== 0 && Math.abs(v) < 0.0005 ? v.toExponential(1) : v.toFixed(3)) : "–");

function cellNode(c: GravityCell | string): HTMLElement {
  const td = el("td", {className: "col"});
  if (typeof c === "string") {
    td.append(el("span", {className: "model-error", text: "–"}));
    td.title = c;
    return td;
  }
  td.append(el("span", {text: f3(c.coef)}), el("br"), el("span", {className: "muted", text: `(${f3(c.se)}) p = ${f3(c.p)}`}));
  return td;
}

/** One sentence from the numbers, in the page's language (null when a cell failed). */
export function gravitySentence(rows: GravityRow[], boot: Map<string, BootstrapResult>): string | null {
  const r = rows.find((x) => x.id === "t4_ctrl");
  if (!r || typeof r.ols === "string" || typeof r.olsDk === "string" || typeof r.ppml === "string" || typeof r.ppmlDk === "string") return null;
  const b = boot.get("t4_ctrl");
  const anySig = [r.ols, r.olsDk, r.ppml, r.ppmlDk].some((c) => c.p < 0.05) || (b !== undefined && b.p_value < 0.05);
  const bootEn = b ? `; the wild cluster bootstrap gives p = ${f3(b.p_value)} (95% interval ${f3(b.ci95[0])} to ${f3(b.ci95[1])})` : "";
  const bootZh = b ? `；野聚类自助法 p = ${f3(b.p_value)}（95% 区间 ${f3(b.ci95[0])} 至 ${f3(b.ci95[1])}）` : "";
  return pick({
    en: `In the model with controls, PPML puts the DSTRI coefficient at ${f3(r.ppml.coef)} (z = ${f3(r.ppml.stat)}) against ${f3(r.ols.coef)} by log-linear OLS; Driscoll-Kraay standard errors are ${f3(r.olsDk.se)} (OLS) and ${f3(r.ppmlDk.se)} (PPML) against ${f3(r.ols.se)} and ${f3(r.ppml.se)} clustered by partner${bootEn}. ${anySig ? "At least one of these makes the coefficient significant at 5%: the conclusion depends on the estimator or the errors." : "None of them makes the coefficient significant at 5%: on the open data the estimator and the errors do not change the conclusion that no DSTRI effect is detected."}`,
    zh: `在含控制变量的模型中，PPML 估计的 DSTRI 系数为 ${f3(r.ppml.coef)}（z = ${f3(r.ppml.stat)}），对数线性 OLS 为 ${f3(r.ols.coef)}；Driscoll-Kraay 标准误为 ${f3(r.olsDk.se)}（OLS）和 ${f3(r.ppmlDk.se)}（PPML），按伙伴聚类时为 ${f3(r.ols.se)} 和 ${f3(r.ppml.se)}${bootZh}。${anySig ? "其中至少一种使系数在 5% 水平显著：结论取决于估计方法或标准误。" : "没有一种使系数在 5% 水平显著：在公开数据上，估计方法和标准误都不改变“未发现 DSTRI 效应”的结论。"}`
  });
}

/** The table; `boot` is filled in as the worker answers (call again to redraw). */
export function gravityTable(rows: GravityRow[], boot: Map<string, BootstrapResult>, bootState: "running" | "done" | "error" | "cancelled"): HTMLElement {
  const head = el(
    "tr",
    {},
    el("th", {text: ""}),
    ...[
      {en: "OLS, clustered by partner", zh: "OLS，按伙伴聚类"},
      {en: "OLS, Driscoll-Kraay", zh: "OLS，Driscoll-Kraay"},
      {en: "PPML (exports in US$), clustered", zh: "PPML（出口额，美元），聚类"},
      {en: "PPML, Driscoll-Kraay", zh: "PPML，Driscoll-Kraay"},
      {en: "Wild cluster bootstrap (OLS)", zh: "野聚类自助法（OLS）"}
    ].map((h) => el("th", {className: "col", text: pick(h)}))
  );
  const body = el("tbody");
  for (const r of rows) {
    const b = boot.get(r.id);
    const bootTd = el("td", {className: "col"});
    if (b) bootTd.append(el("span", {text: `p = ${f3(b.p_value)}`}), el("br"), el("span", {className: "muted", text: `[${f3(b.ci95[0])}, ${f3(b.ci95[1])}]`}));
    else bootTd.append(el("span", {className: "muted", text: bootState === "running" ? pick({en: "running…", zh: "计算中…"}) : "–"}));
    body.append(el("tr", {}, el("th", {className: "rowlabel", text: pick(NAMES[r.id])}), cellNode(r.ols), cellNode(r.olsDk), cellNode(r.ppml), cellNode(r.ppmlDk), bootTd));
  }
  const table = el("table", {className: "reg gravity"}, el("thead", {}, head), body);
  const sentence = gravitySentence(rows, boot);
  const wrap = el(
    "div",
    {className: "table-section gravity-checks"},
    el("div", {className: "table-scroll"}, table),
    el("p", {className: "table-note", text: pick({
      en: "DSTRI coefficient, (standard error) and p-value. OLS p-values use the t distribution (partners − 1 degrees of freedom when clustered, years − 1 with Driscoll-Kraay), PPML the normal, as fixest. Driscoll-Kraay: Bartlett weights over years, lag ⌊T^¼⌋. Bootstrap: restricted (null imposed), Rademacher weights by partner, 9,999 draws, seed 1; the interval inverts the test.",
      zh: "DSTRI 系数、（标准误）及 p 值。OLS 的 p 值用 t 分布（聚类时自由度为伙伴数 − 1，Driscoll-Kraay 为年数 − 1），PPML 用正态分布，与 fixest 一致。Driscoll-Kraay：按年 Bartlett 加权，滞后 ⌊T^¼⌋ 期。自助法：施加原假设，按伙伴的 Rademacher 权重，9,999 次抽样，种子 1；区间由检验反演得到。"
    })})
  );
  wrap.dataset.boot = bootState;
  if (sentence) wrap.append(el("p", {className: "gravity-sentence", text: sentence}));
  return wrap;
}
