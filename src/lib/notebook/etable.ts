/**
 * Several estimated models side by side, like fixest's `etable`: one row per term (coefficient with
 * stars over its standard error), then fixed effects (Yes/No), the variance type, N, R² and within R², and for a
 * model with a boottest line the wild cluster bootstrap's p-value, 95% interval and draws.
 * Exports to Markdown, LaTeX and CSV from the same cells. Stars: *** p < 0.01, ** p < 0.05, * p < 0.1.
 */
import {csvText} from "../csv/write.js";
import type {Result} from "../engine/types.js";
import type {Lang} from "../i18n.js";
import {stars} from "../replication/compute.js";

export interface EtableModel {
  label: string;
  result: Result;
  fe: string[];
  vcov: string;
}

export interface Etable {
  header: string[];
  /** Body rows: [term, cell per model]; coefficient rows are followed by their SE rows (term ""). */
  coefRows: string[][];
  footRows: string[][];
  /**
   * The engine's warnings (reasons not to read a model as it stands), one line per model and warning, in the
   * table's language: every export carries them below the table.
   */
  warnings?: string[];
  /** The language of the labels (the LaTeX export adds a note on compiling Chinese). */
  lang?: Lang;
}

function num(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "";
  return v.toFixed(digits);
}

/** Row labels of the table's foot, and its notes, in each language (the page's table and its downloads use the same). */
const WORDS = {
  en: {fe: (f: string) => `${f} FE`, yes: "Yes", no: "No", se: "S.E.", nobs: "Observations", r2: "R²", r2Within: "Within R²", warnings: "Warnings",
    bootP: "Wild bootstrap p", bootCi: "Wild bootstrap 95% CI", bootDraws: "Wild bootstrap draws", all: "all",
    stars: "*** p < 0.01, ** p < 0.05, * p < 0.1", latexEngine: null as string | null},
  zh: {fe: (f: string) => `${f} 固定效应`, yes: "是", no: "否", se: "标准误", nobs: "观测值", r2: "R²", r2Within: "组内R²", warnings: "警告",
    bootP: "野聚类自助法 p 值", bootCi: "野聚类自助法 95% 区间", bootDraws: "野聚类自助法抽样", all: "全部枚举",
    stars: "*** p < 0.01，** p < 0.05，* p < 0.1",
    latexEngine: "% 含中文：请用 XeLaTeX 或 LuaLaTeX 编译，并加载 ctex 宏包（\\usepackage{ctex}）。" as string | null}
} as const;

/** Builds the table in `lang` (default English). Example: `etable([{label: "(1)", result, fe: ["iso3"], vcov: "~iso3"}])`. */
export function etable(models: EtableModel[], digits = 4, lang: Lang = "en"): Etable {
  const w = WORDS[lang];
  const terms: string[] = [];
  for (const m of models) for (const t of m.result.terms) if (!terms.includes(t)) terms.push(t);
  const coefRows: string[][] = [];
  for (const t of terms) {
    const coef = [t];
    const se = [""];
    for (const m of models) {
      const j = m.result.terms.indexOf(t);
      coef.push(j < 0 ? "" : num(m.result.coef[j], digits) + stars(m.result.pvalue[j]));
      se.push(j < 0 ? "" : `(${num(m.result.se[j], digits)})`);
    }
    coefRows.push(coef, se);
  }
  const fes: string[] = [];
  for (const m of models) for (const f of m.fe) if (!fes.includes(f)) fes.push(f);
  const footRows: string[][] = [
    ...fes.map((f) => [w.fe(f), ...models.map((m) => (m.fe.includes(f) ? w.yes : w.no))]),
    [w.se, ...models.map((m) => m.vcov)],
    [w.nobs, ...models.map((m) => String(m.result.nobs))],
    [w.r2, ...models.map((m) => num(m.result.r2, 4))],
    [w.r2Within, ...models.map((m) => num(m.result.r2_within, 4))]
  ];
  // boottest lines (./boottest.ts): the p-value with the tested term, the interval by test inversion, the draws.
  if (models.some((m) => m.result.bootstrap)) {
    const b = (m: EtableModel) => m.result.bootstrap;
    footRows.push(
      [w.bootP, ...models.map((m) => (b(m) ? `${num(b(m)!.p_value, 4)} (${b(m)!.term})` : ""))],
      [w.bootCi, ...models.map((m) => (b(m) ? `[${num(b(m)!.ci95[0], digits)}, ${num(b(m)!.ci95[1], digits)}]` : ""))],
      [w.bootDraws, ...models.map((m) => {
        const x = b(m);
        if (!x) return "";
        const kind = x.weights === "webb" ? "Webb" : "Rademacher";
        return x.enumerated ? `2^${x.n_clusters} = ${x.reps_used} (${w.all}, ${kind})` : `${x.reps_used} (${kind})`;
      })]
    );
  }
  const warnings = models.flatMap((m) => (m.result.warnings ?? []).map((x) => `${m.label} ${lang === "zh" ? x.message_zh : x.message}`));
  if (warnings.length) footRows.push([w.warnings, ...models.map((m) => (m.result.warnings ?? []).map((x) => x.code).join(", "))]);
  return {header: ["", ...models.map((m) => m.label)], coefRows, footRows, lang, ...(warnings.length ? {warnings} : {})};
}

const mdCell = (s: string) => s.replace(/\|/g, "\\|");
/** Markdown text on one line, with the characters that would start markup escaped. */
const mdText = (s: string) => s.replace(/[\r\n]+/g, " ").replace(/([\\`*_{}\[\]<>()#+!|])/g, "\\$1");

export function etableMarkdown(t: Etable): string {
  const row = (r: string[]) => "| " + r.map(mdCell).join(" | ") + " |";
  const table = [row(t.header), "|" + t.header.map((_, i) => (i === 0 ? "---" : "---:")).join("|") + "|", ...t.coefRows.map(row), ...t.footRows.map(row)];
  const notes = (t.warnings ?? []).map((x) => "> " + mdText(x));
  return [...table, ...(notes.length ? ["", ...notes] : [])].join("\n") + "\n";
}

/** A LaTeX cell: special characters escaped in one pass (texText), R² and trailing stars typeset. */
function tex(s: string): string {
  return texText(s).replace(/R²/g, "R$^2$").replace(/(\*+)$/, "$^{$1}$");
}

/** Prose for LaTeX on one line: every special character escaped in one pass (so no escape is escaped again). */
const TEX_SPECIAL: Record<string, string> = {"\\": "\\textbackslash{}", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}", "_": "\\_", "&": "\\&", "%": "\\%", "#": "\\#", "$": "\\$", "{": "\\{", "}": "\\}"};
function texText(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replace(/[\\^~_&%#${}]/g, (c) => TEX_SPECIAL[c]);
}

export function etableLatex(t: Etable): string {
  const row = (r: string[]) => r.map(tex).join(" & ") + " \\\\";
  const w = WORDS[t.lang ?? "en"];
  return [
    ...(w.latexEngine ? [w.latexEngine] : []),
    `\\begin{tabular}{l${"c".repeat(t.header.length - 1)}}`,
    "\\hline",
    row(t.header),
    "\\hline",
    ...t.coefRows.map(row),
    "\\hline",
    ...t.footRows.map(row),
    "\\hline",
    "\\multicolumn{" + t.header.length + "}{l}{\\footnotesize " + w.stars + "} \\\\",
    ...(t.warnings ?? []).map((x) => "\\multicolumn{" + t.header.length + "}{p{0.9\\linewidth}}{\\footnotesize " + texText(x) + "} \\\\"),
    "\\end{tabular}"
  ].join("\n") + "\n";
}

export function etableCsv(t: Etable): string {
  return csvText([t.header, ...t.coefRows, ...t.footRows, ...(t.warnings ?? []).map((x) => [x])]);
}
