/**
 * One of Tables 4-7 laid out as the paper prints it (coefficient with stars, t or SE in parentheses below,
 * then N, R², fixed-effect rows), with each of our columns right after the paper column it mirrors, and
 * the rows the paper leaves out (SE type, clusters, within R², df; GMM diagnostics).
 *
 * Test hooks: every cell has `data-col` (model id), `data-term` (paper term) and `data-kind`
 * (coef | t | se | nobs | r2 | ...), and every number its full value in `data-value`.
 */
import type {Column, ComparisonTable} from "../../lib/replication/compare.js";
import {el} from "../format.js";
import {pick, t} from "../../lib/i18n.js";
import {autoDigits, fmtNum, int, num} from "./cells.js";
import {engineNoteZh} from "../../lib/engine/notes-zh.js";

export type StatMode = "t" | "se";

const TERM_LABEL: Record<string, {en: string; zh: string}> = {
  "L.lnexport": {en: "L.lnexport (lagged outcome)", zh: "L.lnexport（被解释变量滞后一期）"},
  DSTRI: {en: "DSTRI", zh: "DSTRI"},
  LDSTRI: {en: "LDSTRI (DSTRI, t − 1)", zh: "LDSTRI（滞后一期的 DSTRI）"},
  city_rate: {en: "city_rate (urban share)", zh: "city_rate（城镇化率）"},
  Constant: {en: "Constant", zh: "常数项"}
};

export function regressionTable(ct: ComparisonTable, mode: StatMode): HTMLElement {
  const table = el("table", {className: "reg"});
  table.dataset.table = String(ct.table);
  table.dataset.mode = mode;

  const head = el("thead");
  const h1 = el("tr", {}, el("th", {text: ""}));
  const h2 = el("tr", {}, el("th", {className: "rowlabel", text: t("dependent variable")}));
  for (const c of ct.columns) {
    const th = el("th", {className: `col ${c.kind}`}, el("span", {className: "who", text: c.kind === "paper" ? pick({en: "Paper", zh: "原文"}) : pick({en: "Ours", zh: "本复现"})}), el("span", {className: "heading", text: c.heading}));
    th.dataset.col = c.id;
    h1.append(th);
    h2.append(cellTd(c, el("span", {className: "mono", text: c.dependent})));
  }
  head.append(h1, h2);

  const body = el("tbody");
  for (const term of ct.rows) {
    const coefRow = el("tr", {className: "coef"}, el("th", {className: "rowlabel", text: TERM_LABEL[term] ? pick(TERM_LABEL[term]) : term}));
    const statRow = el("tr", {className: "stat"}, el("th", {className: "rowlabel", text: ""}));
    coefRow.dataset.term = statRow.dataset.term = term;
    for (const c of ct.columns) {
      const cell = c.cells[term];
      if (!cell) {
        const absorbed = term === "Constant" && c.kind === "ours" && !c.error;
        coefRow.append(cellTd(c, el("span", {className: "muted", text: absorbed ? pick({en: "absorbed", zh: "被固定效应吸收"}) : c.error ? "" : "–"})));
        statRow.append(cellTd(c, el("span", {text: ""})));
        continue;
      }
      const coef = num(cell.coef, autoDigits(cell.coef), {col: c.id, term, kind: "coef"});
      // The paper's cells show its printed text (e.g. "-0.000"), which our rounding would not reproduce.
      if (cell.printed) coef.textContent = cell.printed.replace(/\*+$/, "");
      coefRow.append(cellTd(c, coef, el("span", {className: "stars", text: cell.stars})));
      const shown = mode === "t" ? cell.t : cell.se;
      const inner = num(shown, mode === "t" ? 2 : autoDigits(shown), {col: c.id, term, kind: mode});
      if (cell.printed && mode === "t") inner.textContent = cell.t.toFixed(2);
      if (c.kind === "paper" && mode === "se") inner.title = pick({en: "Implied by the printed coefficient and t: |coef / t|", zh: "由原文报告的系数与 t 值推算：|系数 / t|"});
      statRow.append(cellTd(c, el("span", {className: "paren", text: c.kind === "paper" && mode === "se" ? "(≈" : "("}), inner, el("span", {className: "paren", text: ")"})));
    }
    body.append(coefRow, statRow);
  }

  const fit = el("tbody", {className: "fit"});
  const gmm = ct.columns.some((c) => c.hansen_p !== undefined);
  const statRows: Array<[string, string, (c: Column) => Node]> = [
    [gmm ? pick({en: "Observations (plm's count)", zh: "观测值（plm 的计数）"}) : t("observations"), "nobs", (c) => int(c.nobs, {col: c.id, kind: "nobs"})],
    ...(gmm
      ? ([
          [pick({en: "Partner-years", zh: "伙伴-年份数"}), "partner_years", (c: Column) => (c.kind === "paper" ? notReported() : int(c.gmm_rows?.partner_years ?? null, {col: c.id, kind: "partner_years"}))],
          [pick({en: "Differenced / level rows", zh: "差分方程行 / 水平方程行"}), "gmm_rows", (c: Column) => (c.kind === "paper" || !c.gmm_rows ? notReported() : text(`${c.gmm_rows.differenced} / ${c.gmm_rows.level}`))]
        ] as Array<[string, string, (c: Column) => Node]>)
      : []),
    ...(gmm ? [] : ([
      ["R²", "r2", (c: Column) => num(c.r2, 3, {col: c.id, kind: "r2"})],
      [pick({en: "Within R²", zh: "组内 R²"}), "r2_within", (c: Column) => (c.kind === "paper" ? notReported() : num(c.r2_within, 4, {col: c.id, kind: "r2_within"}))]
    ] as Array<[string, string, (c: Column) => Node]>)),
    [pick({en: "Countries", zh: "国家数"}), "n_groups", (c) => (c.n_groups === null && c.kind === "paper" ? notReported() : int(c.n_groups, {col: c.id, kind: "n_groups"}))],
    [pick({en: "Clusters", zh: "聚类数"}), "n_clusters", (c) => (c.kind === "paper" ? notReported() : c.n_clusters === null ? text("–") : int(c.n_clusters, {col: c.id, kind: "n_clusters"}))],
    [t("standard errors"), "se", (c) => (c.kind === "paper" ? notReported() : text(c.se_label))],
    [pick({en: "df of the t test", zh: "t 检验自由度"}), "df_t", (c) => (c.kind === "paper" ? notReported() : c.df_t === null ? text(pick({en: "normal", zh: "正态（z 检验）"})) : int(c.df_t, {col: c.id, kind: "df_t"}))],
    [pick({en: "Country FE", zh: "国家固定效应"}), "country_fe", (c) => text(yesNo(c.country_fe))],
    [pick({en: "Year FE", zh: "年份固定效应"}), "year_fe", (c) => text(yesNo(c.year_fe))],
    ...(gmm
      ? ([
          [pick({en: "Instruments", zh: "工具变量数"}), "n_instruments", (c: Column) => (c.kind === "paper" ? notReported() : int(c.n_instruments ?? null, {col: c.id, kind: "n_instruments"}))],
          [pick({en: "Hansen J, p", zh: "Hansen J 检验 p 值"}), "hansen_p", (c: Column) => (c.kind === "paper" ? notReported() : num(c.hansen_p ?? null, 3, {col: c.id, kind: "hansen_p"}))],
          [pick({en: "AR(2), p", zh: "AR(2) 检验 p 值"}), "ar2_p", (c: Column) => (c.kind === "paper" ? notReported() : num(c.ar2_p ?? null, 3, {col: c.id, kind: "ar2_p"}))]
        ] as Array<[string, string, (c: Column) => Node]>)
      : [])
  ];
  for (const [label, kind, render] of statRows) {
    const tr = el("tr", {}, el("th", {className: "rowlabel", text: label}));
    tr.dataset.kind = kind;
    for (const c of ct.columns) tr.append(cellTd(c, c.error && c.kind === "ours" && kind !== "country_fe" && kind !== "year_fe" ? text("–") : render(c)));
    fit.append(tr);
  }
  table.append(head, body, fit);

  const wrap = el("div", {className: "table-wrap"}, table);
  const errors = ct.columns.filter((c) => c.error);
  for (const c of errors) wrap.append(el("p", {className: "model-error", text: pick({en: `${c.heading}: could not be estimated (${c.error}).`, zh: `${c.heading}：无法估计（${c.error}）。`})}));
  const notes = ct.columns.filter((c) => c.notes.length).flatMap((c) => c.notes.map((n) => `${c.heading}${pick({en: ": ", zh: "："})}${pick({en: n, zh: engineNoteZh(n)})}`));
  if (notes.length) {
    const details = el("details", {className: "engine-notes"}, el("summary", {text: pick({en: `Estimation notes (${notes.length})`, zh: `估计说明（${notes.length} 条）`})}));
    const ul = el("ul");
    for (const n of notes) ul.append(el("li", {text: n}));
    details.append(ul);
    wrap.append(details);
  }
  wrap.append(el("p", {className: "table-note muted", text: noteText(mode)}));
  return wrap;
}

function cellTd(c: Column, ...children: Node[]): HTMLTableCellElement {
  const td = el("td", {className: `col ${c.kind}`}, ...children);
  td.dataset.col = c.id;
  return td;
}

function text(s: string): Node {
  return el("span", {text: s});
}

/** The paper's "YES"/"NO" rows in the page's language (ours are translated where they are made). */
function yesNo(s: string): string {
  return pick({en: s, zh: s === "YES" ? "是" : s === "NO" ? "否" : s});
}

function notReported(): Node {
  return el("span", {className: "muted", text: pick({en: "not reported", zh: "未报告"})});
}

function noteText(mode: StatMode): string {
  return pick({
    en: (mode === "t" ? "t statistics in parentheses. " : "Standard errors in parentheses; the paper's are implied by its printed coefficient and t (≈). ") +
      "*** p < 0.01, ** p < 0.05, * p < 0.1. Paper columns as printed; ours recomputed in your browser from the open panel.",
    zh: (mode === "t" ? "括号内为 t 值。" : "括号内为标准误；原文的标准误由其报告的系数与 t 值推算（≈）。") +
      "*** p < 0.01，** p < 0.05，* p < 0.1。原文各列照录原表；本复现各列由浏览器根据公开面板数据现场计算。"
  });
}

export {fmtNum};
