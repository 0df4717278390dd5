/**
 * The explorer's regression table as data (`tableModel`) and as LaTeX, Markdown and CSV text.
 * The model is built in English; `localizeModel` (table-language.ts) gives its Chinese words, and the text exports
 * take the reader's language for their column heads and notes (numbers and term names are the same in both).
 * Numbers in the text exports are rounded to 3 decimals for LaTeX/Markdown and kept at full precision in CSV.
 */
import type {Result} from "../engine/types.js";
import {stars} from "../replication/compute.js";
import type {Lang} from "../i18n.js";
import {isGmm, type ExplorerState} from "./state.js";
import {EXPORT_WORDS, localizeModel} from "./table-language.js";

export interface CoefRow {
  term: string;
  coef: number;
  se: number;
  t: number;
  p: number;
  stars: string;
}

export interface StatRow {
  key: string;
  label: string;
  /** Display text. */
  text: string;
  /** The number behind it (null for text-only rows). */
  value: number | null;
}

export interface TableModel {
  y: string;
  coefs: CoefRow[];
  stats: StatRow[];
  /** "t" (Student t with df_t) or "z" (normal, GMM). */
  statName: "t" | "z";
}

/** Number with 3 decimals; small non-zero values in scientific notation, so they never print as 0.000. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (v !== 0 && Math.abs(v) < 0.5 * 10 ** -digits) return v.toExponential(1);
  return v.toFixed(digits);
}

const FE_TEXT = {none: "none", country: "country", year: "year", both: "country, year"} as const;

/** What the standard errors are, in words. */
export function seText(s: ExplorerState): string {
  if (isGmm(s)) return "Windmeijer-corrected two-step";
  if (s.se === "iid") return "IID";
  if (s.se === "hc1") return "HC1 (heteroskedasticity-robust)";
  if (s.se === "dk") return "Driscoll-Kraay (Bartlett over years)";
  if (s.se === "nw") return "Newey-West within country";
  return s.se === "country" ? "clustered by country" : "two-way clustered by country and year";
}

/** Number of clusters per dimension, e.g. "42 countries × 7 years". */
function clusterText(r: Result): string | null {
  const g = r.info?.n_clusters_by_dim as Record<string, number> | undefined;
  if (!g) return null;
  return Object.entries(g)
    .map(([k, n]) => `${n} ${k === "iso3" ? "countries" : k === "year" ? "years" : k}`)
    .join(" × ");
}

/** The table for a result of the state's spec. */
export function tableModel(s: ExplorerState, r: Result): TableModel {
  const coefs = r.terms.map((term, i) => ({term, coef: r.coef[i], se: r.se[i], t: r.tstat[i], p: r.pvalue[i], stars: stars(r.pvalue[i])}));
  const stats: StatRow[] = [];
  const add = (key: string, label: string, value: number | null, text?: string) =>
    stats.push({key, label, value, text: text ?? (value === null ? "–" : Number.isInteger(value) ? String(value) : fmt(value))});
  add("nobs", "Observations", r.nobs);
  add("groups", "Countries", r.n_groups);
  if (isGmm(s)) {
    add("instruments", "Instruments", r.n_instruments ?? null);
    if (r.hansen) add("hansen_p", "Hansen J test, p-value", r.hansen.pvalue);
    if (r.ar1) add("ar1_p", "AR(1) test, p-value", r.ar1.pvalue);
    if (r.ar2) add("ar2_p", "AR(2) test, p-value", r.ar2.pvalue);
    stats.push({key: "fe", label: "Time effects", value: null, text: "yes"});
  } else if (s.estimator === "ppml") {
    add("pseudo_r2", "Pseudo R² (McFadden)", r.pseudo_r2 ?? null);
    add("deviance", "Deviance", r.deviance ?? null);
    add("loglik", "Log-likelihood", r.loglik ?? null);
    stats.push({key: "fe", label: "Fixed effects", value: null, text: FE_TEXT[s.fe]});
  } else {
    add("r2", "R²", r.r2);
    if (s.fe !== "none") add("r2_within", "Within R²", r.r2_within);
    stats.push({key: "fe", label: "Fixed effects", value: null, text: FE_TEXT[s.fe]});
  }
  stats.push({key: "se", label: "Standard errors", value: null, text: seText(s)});
  // The value is the smallest dimension's count, which sets the t degrees of freedom.
  if (typeof r.info?.lag === "number") add("lag", "Bartlett lag", r.info.lag as number);
  if (typeof r.info?.n_clusters === "number") add("clusters", "Clusters", r.info.n_clusters as number, clusterText(r) ?? undefined);
  if (r.df_t !== null) add("df", "Degrees of freedom (t)", r.df_t);
  return {y: s.y, coefs, stats, statName: r.df_t === null ? "z" : "t"};
}

/** Escapes text for LaTeX (text mode). */
export function latexEscape(s: string): string {
  return s.replace(/[\\&%$#_{}~^]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "~" ? "\\textasciitilde{}" : c === "^" ? "\\textasciicircum{}" : `\\${c}`
  );
}

/** A LaTeX tabular (booktabs): coefficient with stars, standard error in parentheses below. */
export function toLatex(model: TableModel, lang: Lang = "en"): string {
  const m = localizeModel(model, lang);
  const w = EXPORT_WORDS[lang];
  const lines = [
    ...(w.latexEngine ? [w.latexEngine] : []),
    "\\begin{tabular}{lc}",
    "\\toprule",
    ` & ${latexEscape(m.y)} \\\\`,
    "\\midrule"
  ];
  for (const c of m.coefs) {
    lines.push(`${latexEscape(c.term)} & ${fmt(c.coef)}${c.stars ? `$^{${c.stars}}$` : ""} \\\\`);
    lines.push(` & (${fmt(c.se)}) \\\\`);
  }
  lines.push("\\midrule");
  // R² is written in math mode: a plain "²" needs a Unicode-aware LaTeX engine.
  for (const st of m.stats) lines.push(`${latexEscape(st.label).replace("R²", "$R^2$")} & ${latexEscape(st.text)} \\\\`);
  lines.push("\\bottomrule", "\\end{tabular}");
  lines.push(w.latexNote(m.statName));
  return lines.join("\n") + "\n";
}

/** Pipes and backslashes would break a Markdown table cell. */
const mdCell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");

/** A Markdown (GitHub) table: one row per term, then the model statistics. */
export function toMarkdown(model: TableModel, lang: Lang = "en"): string {
  const m = localizeModel(model, lang);
  const w = EXPORT_WORDS[lang];
  const lines = [
    `| ${mdCell(m.y)} | ${w.coefficient} | ${w.se} | ${m.statName} | ${w.pvalue} |`,
    "|---|---:|---:|---:|---:|"
  ];
  for (const c of m.coefs) lines.push(`| ${mdCell(c.term)} | ${fmt(c.coef)}${c.stars} | ${fmt(c.se)} | ${fmt(c.t, 2)} | ${fmt(c.p)} |`);
  for (const st of m.stats) lines.push(`| ${mdCell(st.label)} | ${mdCell(st.text)} | | | |`);
  lines.push("", w.stars.replace(/\*/g, "\\*") + (lang === "zh" ? "。" : "."));
  return lines.join("\n") + "\n";
}

/** RFC 4180 quoting. */
const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvNum = (v: number | null) => (v === null || !Number.isFinite(v) ? "" : String(v));

/**
 * CSV at full precision: one row per coefficient; the model statistics follow as rows whose `term` is the
 * statistic's key and whose `estimate` holds its value (text statistics such as the SE type go in `note`).
 */
export function toCsv(model: TableModel, lang: Lang = "en"): string {
  const m = localizeModel(model, lang);
  const lines: string[] = [EXPORT_WORDS[lang].csvHead];
  for (const c of m.coefs) lines.push([csvCell(c.term), csvNum(c.coef), csvNum(c.se), csvNum(c.t), csvNum(c.p), ""].join(","));
  for (const st of m.stats) lines.push([csvCell(st.key), csvNum(st.value), "", "", "", st.value === null ? csvCell(st.text) : ""].join(","));
  return lines.join("\n") + "\n";
}
