/**
 * Names of the explorer's variables and choices in English and Chinese. Kept beside the state so that
 * controls, table and plot label a variable the same way.
 */
import type {ControlVar, EstimatorChoice, FeChoice, GroupChoice, KeyVar, SeChoice} from "./state.js";

type Bi = {en: string; zh: string};

export const KEY_LABELS: Record<KeyVar, Bi> = {
  dstri: {en: "DSTRI (overall)", zh: "DSTRI（总指数）"},
  dstri_infra: {en: "DSTRI: infrastructure and connectivity", zh: "DSTRI：基础设施与连通性"},
  dstri_etrans: {en: "DSTRI: electronic transactions", zh: "DSTRI：电子交易"},
  dstri_payment: {en: "DSTRI: payment systems", zh: "DSTRI：支付系统"},
  dstri_ipr: {en: "DSTRI: intellectual property rights", zh: "DSTRI：知识产权"},
  dstri_other: {en: "DSTRI: other barriers", zh: "DSTRI：其他壁垒"}
};

export const CONTROL_LABELS: Record<ControlVar, Bi> = {
  lngdp: {en: "ln GDP", zh: "GDP（对数）"},
  lnpopu: {en: "ln population", zh: "人口（对数）"},
  lngov: {en: "ln government consumption", zh: "政府消费（对数）"},
  urban: {en: "Urban population share", zh: "城镇化率"},
  gov_share: {en: "Government consumption, % of GDP", zh: "政府消费占GDP比重"}
};

export const FE_LABELS: Record<FeChoice, Bi> = {
  none: {en: "None (pooled OLS)", zh: "无（混合OLS）"},
  country: {en: "Country", zh: "国家"},
  year: {en: "Year", zh: "年份"},
  both: {en: "Country and year", zh: "国家和年份"}
};

export const SE_LABELS: Record<SeChoice, Bi> = {
  iid: {en: "IID (classical)", zh: "同方差（经典）"},
  hc1: {en: "Heteroskedasticity-robust (HC1)", zh: "异方差稳健（HC1）"},
  country: {en: "Clustered by country", zh: "按国家聚类"},
  twoway: {en: "Two-way clustered (country and year)", zh: "双向聚类（国家和年份）"},
  dk: {en: "Driscoll-Kraay (years, Bartlett)", zh: "Driscoll-Kraay（按年，Bartlett核）"},
  nw: {en: "Newey-West within country", zh: "国家内Newey-West"}
};

export const GROUP_LABELS: Record<GroupChoice, Bi> = {
  all: {en: "All partners", zh: "全部伙伴"},
  oecd: {en: "OECD members", zh: "OECD成员"},
  nonoecd: {en: "Non-OECD partners", zh: "非OECD伙伴"}
};

export const ESTIMATOR_LABELS: Record<EstimatorChoice, Bi> = {
  ols: {en: "OLS / fixed effects", zh: "OLS / 固定效应"},
  ppml: {en: "PPML (Poisson), exports in US$", zh: "PPML（泊松），出口额（美元）"},
  "gmm-diff": {en: "Difference GMM (Arellano-Bond)", zh: "差分GMM（Arellano-Bond）"},
  "gmm-sys": {en: "System GMM (Blundell-Bond)", zh: "系统GMM（Blundell-Bond）"}
};

const REGION_LABELS: Record<string, Bi> = {
  cn: {en: "China", zh: "中国"},
  zj: {en: "Zhejiang", zh: "浙江"},
  wz: {en: "Wenzhou", zh: "温州"}
};

/**
 * Label of a dependent variable column, e.g. lnexport_zj -> "ln exports of Zhejiang". A label for prose, without
 * the column's code (issue 19); where the code is wanted (a table's caption) it is shown beside it as code.
 */
export function outcomeLabel(column: string): Bi {
  // PPML's outcome in levels (state.ts levelOutcome): exports_cn_usd.
  const level = /^exports_([a-z0-9_]+)_usd$/.exec(column);
  if (level) {
    const r = REGION_LABELS[level[1]] ?? {en: level[1].toUpperCase(), zh: level[1].toUpperCase()};
    return {en: `Exports of ${r.en} in US$`, zh: `${r.zh}出口额（美元）`};
  }
  const region = column.replace(/^lnexport_/, "");
  const r = REGION_LABELS[region] ?? {en: region.toUpperCase(), zh: region.toUpperCase()};
  return {en: `ln exports of ${r.en}`, zh: `${r.zh}出口额（对数）`};
}

/** Label of a result term: "L.dstri" -> "DSTRI (overall), lag 1"; "L.lnexport_cn" -> lagged outcome. */
export function termLabel(term: string): Bi {
  if (term === "(Intercept)") return {en: "Intercept", zh: "截距"};
  const m = /^L(\d*)\.(.+)$/.exec(term);
  const k = m ? (m[1] === "" ? 1 : Number(m[1])) : 0;
  const base = m ? m[2] : term;
  // Own keys only: a term named "valueOf" or "constructor" must not pick up Object.prototype's members.
  const own = (table: Record<string, Bi>) => (Object.prototype.hasOwnProperty.call(table, base) ? table[base] : undefined);
  const b: Bi =
    own(KEY_LABELS as Record<string, Bi>) ??
    own(CONTROL_LABELS as Record<string, Bi>) ??
    (base.startsWith("lnexport_") ? outcomeLabel(base) : {en: base, zh: base});
  return k === 0 ? b : {en: `${b.en}, lag ${k}`, zh: `${b.zh}，滞后${k}期`};
}

/**
 * A sentence with the model's variable codes replaced by their labels (issue 19: codes stay in code, formulas and
 * downloads; prose names variables). Replaces lagged terms (`L.dstri_ipr`, `L2.lngdp`), the DSTRI and its areas,
 * the controls and outcome columns; anything else is left as written.
 * @example labelCodesIn("all regressors (L.dstri_ipr) are collinear", "en") // "all regressors (IP rights, lag 1) ..." (the area's label)
 */
export function labelCodesIn(text: string, lang: "en" | "zh"): string {
  return text.replace(/\b(?:L\d*\.)?(?:lnexport_[a-z0-9]+|exports_[a-z0-9]+_usd|dstri(?:_[a-z]+)?|lngdp|lnpopu|lngov|urban)\b/g, (code) => {
    const label = termLabel(code)[lang];
    return label === code ? code : label;
  });
}
