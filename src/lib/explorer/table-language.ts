/**
 * The explorer's regression table in the reader's language. The table model (export.ts) is built in English;
 * this gives the Chinese words of its statistics rows and of the column heads and notes of the LaTeX, Markdown
 * and CSV downloads, so a reader of the Chinese page downloads a table with Chinese headings (issue #12).
 * One source for the page's table and the downloads.
 */
import type {Lang} from "../i18n.js";
import type {TableModel} from "./export.js";

/** Statistic keys (StatRow.key) in Chinese. */
export const STAT_ZH: Record<string, string> = {
  nobs: "观测值", groups: "国家数", instruments: "工具变量数", hansen_p: "Hansen J检验p值", ar1_p: "AR(1)检验p值",
  ar2_p: "AR(2)检验p值", r2: "R²", r2_within: "组内R²", fe: "固定效应", se: "标准误", clusters: "聚类数", df: "t分布自由度",
  pseudo_r2: "伪R²（McFadden）", deviance: "偏差", loglik: "对数似然", lag: "Bartlett滞后期"
};

/** The words of the statistics rows (StatRow.text) in Chinese. */
const TEXT_ZH: Record<string, string> = {
  "none": "无",
  "country": "国家",
  "year": "年份",
  "country, year": "国家、年份",
  "yes": "是",
  "Windmeijer-corrected two-step": "两步法（Windmeijer 校正）",
  "IID": "经典（iid）",
  "HC1 (heteroskedasticity-robust)": "HC1（异方差稳健）",
  "clustered by country": "按国家聚类",
  "two-way clustered by country and year": "按国家和年份双向聚类",
  "Driscoll-Kraay (Bartlett over years)": "Driscoll-Kraay（按年，Bartlett核）",
  "Newey-West within country": "国家内Newey-West"
};

/** A statistic's text in Chinese, e.g. "42 countries × 7 years" -> "42 个国家 × 7 年". */
export function statTextZh(text: string): string {
  return TEXT_ZH[text] ?? text.replace(/(\d+) countries/g, "$1 个国家").replace(/(\d+) years/g, "$1 年");
}

/** The model with its statistics' labels and texts in `lang` (numbers, terms and keys unchanged). */
export function localizeModel(m: TableModel, lang: Lang): TableModel {
  if (lang === "en") return m;
  return {...m, stats: m.stats.map((s) => ({...s, label: STAT_ZH[s.key] ?? s.label, text: statTextZh(s.text)}))};
}

/** Column heads and notes of the downloads. */
export const EXPORT_WORDS = {
  en: {
    coefficient: "Coefficient", se: "Std. error", pvalue: "p-value",
    csvHead: "term,estimate,std_error,statistic,p_value,note",
    stars: "* p<0.10, ** p<0.05, *** p<0.01",
    latexNote: (stat: string) => `% Standard errors in parentheses. * p<0.10, ** p<0.05, *** p<0.01 (${stat} distribution).`,
    latexEngine: null as string | null
  },
  zh: {
    coefficient: "系数", se: "标准误", pvalue: "p值",
    // The same six columns in the same order as the English file, so a script can read either by position.
    csvHead: "项目,估计值,标准误,统计量,p值,说明",
    stars: "* p<0.10，** p<0.05，*** p<0.01",
    latexNote: (stat: string) => `% 括号内为标准误。* p<0.10，** p<0.05，*** p<0.01（${stat === "z" ? "正态" : "t"}分布）。`,
    latexEngine: "% 含中文：请用 XeLaTeX 或 LuaLaTeX 编译，并加载 ctex 宏包（\\usepackage{ctex}）与 booktabs。" as string | null
  }
} as const;
