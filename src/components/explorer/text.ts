/**
 * The explorer's interface strings in English and Chinese (labels, headings, messages). Variable and choice
 * names are in src/lib/explorer/labels.ts.
 */
import {pick} from "../../lib/i18n.js";

const TEXT = {
  specification: {en: "Specification", zh: "模型设定"},
  keyVar: {en: "Key regressor", zh: "核心解释变量"},
  lag: {en: "Lag of the key regressor", zh: "核心解释变量滞后期"},
  lag0: {en: "None (same year)", zh: "无（当年）"},
  lag1: {en: "1 year", zh: "1年"},
  lag2: {en: "2 years", zh: "2年"},
  sample: {en: "Sample", zh: "样本"},
  from: {en: "From", zh: "起始年"},
  to: {en: "To", zh: "结束年"},
  drop2020: {en: "Drop 2020 (pandemic year)", zh: "剔除2020年（疫情年份）"},
  partners: {en: "Partners", zh: "贸易伙伴"},
  excludeCountries: {en: "Exclude countries", zh: "剔除国家"},
  excludedCount: {en: "excluded", zh: "个已剔除"},
  clear: {en: "Clear", zh: "清空"},
  estimator: {en: "Estimator", zh: "估计方法"},
  gmmNote: {
    en: "GMM adds the lagged dependent variable, time effects and collapsed instruments (lags 2 and deeper of the outcome); standard errors are Windmeijer-corrected. The fixed-effects and standard-error choices do not apply.",
    zh: "GMM自动加入被解释变量滞后项、时间效应和折叠工具变量（被解释变量2期及更早滞后）；标准误采用Windmeijer校正。固定效应与标准误选项不适用。"
  },
  yMissing: {en: "needs a customs file with this region; using China's exports (log) instead.", zh: "需要包含该地区的海关数据文件；已改用中国出口额（对数）。"},
  ignored: {en: "Some link parameters were not understood and were ignored (defaults used instead):", zh: "链接中的部分参数无法识别，已忽略（改用默认值）："},
  ignoredCountries: {en: "Unknown partner codes ignored:", zh: "已忽略未知的伙伴代码："},
  regression: {en: "Regression table", zh: "回归结果表"},
  term: {en: "Variable", zh: "变量"},
  se: {en: "Std. error", zh: "标准误"},
  pvalue: {en: "p-value", zh: "p值"},
  starsNote: {en: "* p < 0.10, ** p < 0.05, *** p < 0.01.", zh: "* p < 0.10，** p < 0.05，*** p < 0.01。"},
  coefPlot: {en: "Coefficients with 95% confidence intervals", zh: "系数及95%置信区间"},
  coefPlotSub: {en: "Each row has its own horizontal scale (the variables have different units), always including zero; the key regressor comes first, in orange.", zh: "各行横轴刻度各自独立（变量单位不同），均包含零点；核心解释变量列在首位，以橙色显示。"},
  sampleUsed: {en: "Sample used", zh: "所用样本"},
  inSample: {en: "in the sample", zh: "在样本中"},
  filtered: {en: "left out by the sample choices", zh: "被样本设定剔除"},
  missingData: {en: "missing data", zh: "数据缺失"},
  countries: {en: "countries", zh: "个国家"},
  obs: {en: "partner-years", zh: "个伙伴-年份观测"},
  gmmSample: {en: "GMM uses these rows in differences and levels; its observation count is in the table.", zh: "GMM在差分和水平方程中使用这些观测；观测数见上表。"},
  export: {en: "Export the table", zh: "导出结果表"},
  code: {en: "The same model in other software", zh: "在其他软件中运行同一模型"},
  format: {en: "Format", zh: "格式"},
  copy: {en: "Copy", zh: "复制"},
  copied: {en: "Copied", zh: "已复制"},
  estimatedIn: {en: "estimated in", zh: "估计耗时"},
  notes: {en: "Notes from the estimation", zh: "估计提示"},
  error: {en: "This model cannot be estimated:", zh: "该模型无法估计："},
  reset: {en: "Reset to the study's baseline", zh: "恢复为论文基准模型"},
  on: {en: "on", zh: "开"},
  boot: {en: "Wild cluster bootstrap of the key regressor (by country, 9,999 draws)", zh: "核心解释变量的野聚类自助法（按国家，9,999次抽样）"},
  bootOls: {en: "The wild bootstrap applies to OLS.", zh: "野聚类自助法仅适用于OLS。"},
  ppmlNote: {
    en: "PPML estimates exports in levels (US$, zeros allowed) with a Poisson pseudo-likelihood, as fixest's fepois: the coefficient is a semi-elasticity, directly comparable with the log-linear OLS one; tests use the normal distribution.",
    zh: "PPML以泊松伪似然估计出口额水平值（美元，可含零），与 fixest 的 fepois 相同：系数为半弹性，可与对数线性OLS系数直接比较；检验采用正态分布。"
  },
  bootRunning: {en: "Wild cluster bootstrap running…", zh: "野聚类自助法计算中…"},
  cancel: {en: "Cancel", zh: "取消"},
  bootCancelled: {en: "Wild cluster bootstrap cancelled.", zh: "野聚类自助法已取消。"},
  bootTitle: {en: "Wild cluster bootstrap (restricted, Rademacher weights, by country)", zh: "野聚类自助法（施加原假设，Rademacher权重，按国家）"},
  bootP: {en: "bootstrap p-value", zh: "自助法p值"},
  bootCi: {en: "95% interval by test inversion", zh: "检验反演95%区间"},
  bootDraws: {en: "draws", zh: "次抽样"},
  bootClusters: {en: "clusters", zh: "个聚类"},
  bootFailed: {en: "The wild bootstrap failed:", zh: "野聚类自助法失败："}
} satisfies Record<string, {en: string; zh: string}>;

/** An explorer string in the page's language. */
export function tx(key: keyof typeof TEXT): string {
  return pick(TEXT[key]);
}
