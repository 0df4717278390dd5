/** Display names of estimators, variances and parameters (both languages). */
import {pick} from "../../lib/i18n.js";

const ESTIMATORS: Record<string, {en: string; zh: string}> = {
  pooled: {en: "Pooled OLS", zh: "混合OLS"},
  fe_country: {en: "Country FE (within)", zh: "国家固定效应（组内）"},
  fe_twoway: {en: "Country + year FE", zh: "国家+年份固定效应"},
  gmm_diff: {en: "Difference GMM", zh: "差分GMM"},
  gmm_sys: {en: "System GMM", zh: "系统GMM"},
  ols_log: {en: "OLS on log y", zh: "对数OLS"},
  ppml: {en: "PPML", zh: "PPML（泊松伪极大似然）"}
};
const VCOVS: Record<string, {en: string; zh: string}> = {
  iid: {en: "iid", zh: "同方差"},
  hetero: {en: "HC1", zh: "异方差稳健"},
  cluster: {en: "clustered", zh: "聚类"}
};
const PARAMS: Record<string, {en: string; zh: string}> = {
  N: {en: "partners N", zh: "伙伴国数 N"},
  T: {en: "years T", zh: "年数 T"},
  beta: {en: "true effect beta", zh: "真实效应 beta"},
  corr: {en: "corr (DSTRI loads on country effect)", zh: "corr（DSTRI与国家效应的关联）"},
  rho_x: {en: "rho_x (DSTRI persistence)", zh: "rho_x（DSTRI持续性）"},
  rho_e: {en: "rho_e (error persistence)", zh: "rho_e（误差持续性）"},
  rho: {en: "true rho", zh: "真实 rho"},
  beta0: {en: "intercept beta0", zh: "截距 beta0"},
  s0: {en: "s0 (log-error variance at x = 0)", zh: "s0（x = 0 时对数误差方差）"},
  s1: {en: "s1 (variance growth with x)", zh: "s1（方差随 x 的增长）"}
};

export const estimatorLabel = (name: string) => pick(ESTIMATORS[name] ?? {en: name, zh: name});
export const vcovLabel = (name: string) => pick(VCOVS[name] ?? {en: name, zh: name});
/** The gravity lab is a cross-section: its N counts trade flows, not partners. */
export const paramLabel = (name: string, lab?: string) =>
  lab === "gravity" && name === "N" ? pick({en: "trade flows N", zh: "贸易流量数 N"}) : pick(PARAMS[name] ?? {en: name, zh: name});

/**
 * Width to draw a chart at: its container's, or (before the container is in the page, when clientWidth is 0)
 * the main column's, so a phone gets a chart drawn for its width instead of a 640 px one shrunk to 5 px text.
 */
export function chartWidth(root: HTMLElement, max = 720): number {
  const main = typeof document !== "undefined" ? document.getElementById("observablehq-main") : null;
  const available = root.clientWidth || main?.clientWidth || (typeof window !== "undefined" ? window.innerWidth - 32 : 640);
  return Math.min(max, Math.max(280, available));
}
