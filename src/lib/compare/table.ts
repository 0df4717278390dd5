/**
 * Pinned models side by side, as fixest's etable lays them out (issue #21): one column per model; per term the
 * coefficient with stars over its standard error in parentheses, with the variables' labels; then the fixed
 * effects, standard errors, N, R² and the engine's warnings. One table model, four exports: LaTeX (booktabs,
 * caption and \label), Markdown, CSV (formula cells neutralised) and an HTML table that pastes into Word.
 * Stars: *** p < 0.01, ** p < 0.05, * p < 0.1. Pure and browser-safe.
 */
import type {Result} from "../engine/types.js";
import type {Lang} from "../i18n.js";
import {latexEscape} from "../explorer/export.js";
import {FE_LABELS, SE_LABELS, outcomeLabel, termLabel} from "../explorer/labels.js";
import {isGmm, keyTerm, type ExplorerState} from "../explorer/state.js";
import {stars} from "../replication/compute.js";

export interface CompareModel {
  label: string;
  state: ExplorerState;
  /** null when the engine refused the model (`error` says why). */
  result: Result | null;
  error?: string;
}

export interface CompareTable {
  lang: Lang;
  /** Column heads: "(1)", "(2)", ...; `outcomes` are the dependent variables under them. */
  heads: string[];
  outcomes: string[];
  /** Per term: its label and, per model, coefficient text (with stars) and SE text ("" when absent). */
  terms: Array<{term: string; label: string; coef: string[]; se: string[]; values: Array<number | null>}>;
  /** Foot rows: label and one text per model; `alert` marks the cells of models with warnings (or not estimated). */
  foot: Array<{key: string; label: string; cells: string[]; alert?: boolean[]}>;
  note: string;
}

const W = {
  en: {fe: "Fixed effects", se: "Standard errors", n: "Observations", r2: "R²", r2w: "Within R²", warn: "Warnings", gmm: "GMM (time effects)",
    gmmSe: "Windmeijer two-step", none: "none", failed: "not estimated", note: "Standard errors in parentheses. *** p < 0.01, ** p < 0.05, * p < 0.1. Warnings: codes of the engine's warnings (see the site).",
    caption: "Models compared", dep: "Dependent variable"},
  zh: {fe: "固定效应", se: "标准误", n: "观测值", r2: "R²", r2w: "组内R²", warn: "警告", gmm: "GMM（含年份效应）",
    gmmSe: "Windmeijer 两步法", none: "无", failed: "无法估计", note: "括号内为标准误。*** p < 0.01，** p < 0.05，* p < 0.1。警告：引擎警告的代码（详见网站）。",
    caption: "模型对比", dep: "被解释变量"}
} as const;

const num = (v: number, d = 3) => (Number.isFinite(v) ? (v !== 0 && Math.abs(v) < 0.5e-3 ? v.toExponential(1) : v.toFixed(d)) : "");

/** The table in `lang`. Terms in first-appearance order, the key regressor(s) first. */
export function compareTable(models: CompareModel[], lang: Lang = "en"): CompareTable {
  const w = W[lang];
  const order: string[] = [];
  for (const m of models) if (m.result) for (const t of m.result.terms) if (!order.includes(t)) order.push(t);
  const keys = new Set(models.map((m) => keyTerm(m.state)));
  order.sort((a, b) => Number(keys.has(b)) - Number(keys.has(a)));
  const terms = order.map((term) => {
    const coef: string[] = [];
    const se: string[] = [];
    const values: Array<number | null> = [];
    for (const m of models) {
      const j = m.result ? m.result.terms.indexOf(term) : -1;
      if (j < 0) {
        coef.push("");
        se.push("");
        values.push(null);
        continue;
      }
      const r = m.result!;
      coef.push(num(r.coef[j]) + stars(r.pvalue[j]));
      se.push(Number.isFinite(r.se[j]) ? `(${num(r.se[j])})` : "(–)");
      values.push(r.coef[j]);
    }
    return {term, label: termLabel(term)[lang], coef, se, values};
  });
  const cell = (f: (m: CompareModel, r: Result) => string) => models.map((m) => (m.result ? f(m, m.result) : w.failed));
  const foot = [
    {key: "fe", label: w.fe, cells: models.map((m) => (isGmm(m.state) ? w.gmm : FE_LABELS[m.state.fe][lang]))},
    {key: "se", label: w.se, cells: models.map((m) => (isGmm(m.state) ? w.gmmSe : SE_LABELS[m.state.se][lang]))},
    {key: "nobs", label: w.n, cells: cell((_, r) => String(r.nobs))},
    {key: "r2", label: w.r2, cells: cell((_, r) => (r.r2 === null ? "" : num(r.r2)))},
    {key: "r2_within", label: w.r2w, cells: cell((_, r) => (r.r2_within === null ? "" : num(r.r2_within)))},
    {key: "warnings", label: w.warn, cells: models.map((m) => (m.result ? (m.result.warnings ?? []).map((x) => x.code).join(", ") || w.none : m.error ?? w.failed)),
      alert: models.map((m) => !m.result || (m.result.warnings ?? []).length > 0)}
  ];
  return {lang, heads: models.map((m) => m.label), outcomes: models.map((m) => outcomeLabel(m.state.y)[lang]), terms, foot, note: w.note};
}

/** LaTeX (booktabs): a labelled table environment, one column per model. */
export function compareLatex(t: CompareTable, label = "tab:dtb-models"): string {
  const w = W[t.lang];
  const k = t.heads.length;
  const row = (cells: string[]) => `${cells.join(" & ")} \\\\`;
  const lines = [
    ...(t.lang === "zh" ? ["% 含中文：请用 XeLaTeX 或 LuaLaTeX 编译，并加载 ctex 与 booktabs 宏包。"] : []),
    "\\begin{table}[htbp]",
    "\\centering",
    `\\caption{${latexEscape(w.caption)}}`,
    `\\label{${label.replace(/[^A-Za-z0-9:_-]/g, "-")}}`,
    `\\begin{tabular}{l${"c".repeat(k)}}`,
    "\\toprule",
    row(["", ...t.heads.map(latexEscape)]),
    row([latexEscape(w.dep), ...t.outcomes.map(latexEscape)]),
    "\\midrule"
  ];
  for (const r of t.terms) {
    lines.push(row([latexEscape(r.label), ...r.coef.map((c) => latexStars(c))]));
    lines.push(row(["", ...r.se.map(latexEscape)]));
  }
  lines.push("\\midrule");
  for (const f of t.foot) lines.push(row([latexEscape(f.label).replace("R²", "$R^2$"), ...f.cells.map(latexEscape)]));
  lines.push("\\bottomrule", "\\end{tabular}", `\\par\\footnotesize ${latexEscape(t.note)}`, "\\end{table}");
  return lines.join("\n") + "\n";
}

/** "-0.224***" -> "-0.224$^{***}$" (stars as a superscript, the number escaped). */
function latexStars(c: string): string {
  const m = /^(.*?)(\*+)$/.exec(c);
  return m ? `${latexEscape(m[1])}$^{${m[2]}}$` : latexEscape(c);
}

const md = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, "\\$&").replace(/[\r\n]+/g, " ");

/** Markdown (GitHub table). */
export function compareMarkdown(t: CompareTable): string {
  const w = W[t.lang];
  const lines = [`| | ${t.heads.map(md).join(" | ")} |`, `|---|${t.heads.map(() => "---:").join("|")}|`, `| ${md(w.dep)} | ${t.outcomes.map(md).join(" | ")} |`];
  for (const r of t.terms) {
    lines.push(`| ${md(r.label)} | ${r.coef.map(md).join(" | ")} |`);
    lines.push(`| | ${r.se.map(md).join(" | ")} |`);
  }
  for (const f of t.foot) lines.push(`| ${md(f.label)} | ${f.cells.map(md).join(" | ")} |`);
  lines.push("", md(t.note));
  return lines.join("\n") + "\n";
}

/** A CSV cell: a spreadsheet formula (= + - @ first, tab or CR) opens as text (OWASP CSV injection); RFC 4180 quoting. */
export function csvCell(v: string): string {
  // A negative number (with its stars) stays a number; anything else starting like a formula gets a leading '.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-\d+(\.\d+)?(e-?\d+)?\**$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV: the table as shown (one row per line of the table; the SE row's first cell is empty). */
export function compareCsv(t: CompareTable): string {
  const w = W[t.lang];
  const rows = [["", ...t.heads], [w.dep, ...t.outcomes]];
  for (const r of t.terms) rows.push([r.label, ...r.coef], ["", ...r.se]);
  for (const f of t.foot) rows.push([f.label, ...f.cells]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An HTML table with inline styles (Word keeps them on paste): top, mid and bottom rules as booktabs draws them. */
export function compareHtml(t: CompareTable): string {
  const w = W[t.lang];
  const td = (s: string, extra = "") => `<td style="padding:2px 8px;text-align:center;${extra}">${html(s)}</td>`;
  const th = (s: string, extra = "") => `<td style="padding:2px 8px;text-align:left;${extra}">${html(s)}</td>`;
  const top = "border-top:1.5pt solid black;";
  const mid = "border-top:0.75pt solid black;";
  const rows = [
    `<tr>${th("", top)}${t.heads.map((h) => td(h, top)).join("")}</tr>`,
    `<tr>${th(w.dep)}${t.outcomes.map((o) => td(o)).join("")}</tr>`
  ];
  t.terms.forEach((r, i) => {
    const rule = i === 0 ? mid : "";
    rows.push(`<tr>${th(r.label, rule)}${r.coef.map((c) => td(c, rule)).join("")}</tr>`, `<tr>${th("")}${r.se.map((c) => td(c)).join("")}</tr>`);
  });
  t.foot.forEach((f, i) => rows.push(`<tr>${th(f.label, i === 0 ? mid : "")}${f.cells.map((c) => td(c, i === 0 ? mid : "")).join("")}</tr>`));
  const last = t.heads.length + 1;
  rows.push(`<tr><td colspan="${last}" style="border-top:1.5pt solid black;padding:2px 8px;font-size:9pt">${html(t.note)}</td></tr>`);
  return `<table style="border-collapse:collapse;font-family:'Times New Roman',serif;font-size:11pt"><caption>${html(w.caption)}</caption>${rows.join("")}</table>\n`;
}
