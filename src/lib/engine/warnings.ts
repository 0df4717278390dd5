/**
 * Warnings: the engine's judgement that a model should not be read as it stands (issue #21). Notes (types.ts
 * `notes`) say what the engine did; a warning says the numbers are not to be trusted and what to do instead.
 * They are computed from a finished Result, so every estimator (OLS, GMM, and those to come) gets them the same
 * way, in the page, the workers, the CLI (`dtb estimate` prints them as `warnings`) and the exports.
 *
 * Rules, each with its source:
 * - `gmm_singular_weights`: a GMM weight matrix (first or second step, or the Windmeijer correction) was singular
 *   and the Moore-Penrose pseudo-inverse was used (plm pgmm does the same, silently): the estimate depends on an
 *   arbitrary generalised inverse.
 * - `instruments_ge_groups`: instruments >= groups, Roodman (2009, "How to do xtabond2", section 7; "A note on the
 *   theme of too many instruments"): the weight matrix cannot be full rank and the Hansen test loses its power.
 * - `hansen_extreme`: Hansen J p < 0.01 (instruments rejected) or p > 0.99 (the "too good" p that Roodman 2009
 *   reads as a symptom of too many instruments).
 * - `ar2_missing`: the Arellano-Bond AR(2) test could not be computed, so the instruments' validity is unchecked.
 * - `se_missing`: a coefficient has no finite positive standard error.
 * - `se_huge`: a standard error exceeds 100 times its coefficient's absolute value.
 * - `few_clusters`: a clustered variance with fewer than 30 clusters (Cameron and Miller 2015: cluster-robust
 *   standard errors are too small with few clusters; the smallest clustering dimension counts, as fixest's G).
 * - `exact_fit`: the residuals are zero (SSR <= 1e-12 TSS) or no residual degrees of freedom are left.
 */
import type {ModelWarning, Result, WarningCode} from "./types.js";

/** Thresholds of the rules above, written once. */
export const WARNING_LIMITS = {hansenLow: 0.01, hansenHigh: 0.99, seRatio: 100, minClusters: 30, exactFit: 1e-12} as const;

/** Every code, in the order warnings are listed (most severe first). */
export const WARNING_CODES: readonly WarningCode[] = [
  "exact_fit", "gmm_singular_weights", "instruments_ge_groups", "hansen_extreme", "ar2_missing", "se_missing", "se_huge", "few_clusters"
];

const SINGULAR_NOTE = /weight matrix singular|pseudo-inverse/;

function fmtP(p: number): string {
  if (p === 0) return "0";
  return p < 1e-3 || p > 0.999 ? p.toPrecision(2) : p.toFixed(3);
}

function isGmm(r: Result): boolean {
  return r.hansen !== undefined || r.n_instruments !== undefined;
}

/**
 * The warnings of a result, most severe first; [] for a model that can be read.
 * Example: a Difference GMM with 29 instruments for 29 groups -> [{code: "instruments_ge_groups", ...}, ...].
 */
export function modelWarnings(r: Result): ModelWarning[] {
  const out: ModelWarning[] = [];
  const add = (code: WarningCode, message: string, message_zh: string, terms?: string[]) =>
    out.push(terms ? {code, terms, message, message_zh} : {code, message, message_zh});
  const info = (r.info ?? {}) as Record<string, unknown>;

  const ssr = typeof info.ssr === "number" ? info.ssr : r.ssr;
  const tss = typeof info.tss === "number" ? info.tss : undefined;
  const dfResid = typeof info.df_resid === "number" ? info.df_resid : undefined;
  if ((dfResid !== undefined && dfResid <= 0) || (ssr !== undefined && tss !== undefined && tss > 0 && ssr <= WARNING_LIMITS.exactFit * tss)) {
    add(
      "exact_fit",
      "The model fits the data exactly (no residual variation is left), so its standard errors and tests mean nothing. Use fewer regressors or fixed effects, or more observations.",
      "模型完全拟合数据（没有剩余的残差变异），标准误和检验都没有意义。请减少解释变量或固定效应，或增加观测。"
    );
  }
  if (isGmm(r)) {
    if (r.notes.some((n) => SINGULAR_NOTE.test(n))) {
      add(
        "gmm_singular_weights",
        "A GMM weight matrix was singular and a pseudo-inverse was used: the estimate depends on an arbitrary choice and should not be read. Collapse the instruments or shorten the lag range.",
        "GMM 的权重矩阵奇异，改用了广义逆：估计值取决于一个任意的选择，不应解读。请压缩（collapse）工具变量或缩短滞后范围。"
      );
    }
    const k = r.n_instruments;
    if (k !== undefined && k >= r.n_groups) {
      add(
        "instruments_ge_groups",
        `${k} instruments for ${r.n_groups} groups: with at least as many instruments as groups the Hansen test is useless and the estimate drifts towards OLS (Roodman's rule of thumb). Collapse the instruments or shorten the lag range.`,
        `${r.n_groups} 个组用了 ${k} 个工具变量：工具变量不少于组数时 Hansen 检验失效，估计值会偏向 OLS（Roodman 的经验法则）。请压缩工具变量或缩短滞后范围。`
      );
    }
    const hp = r.hansen?.pvalue;
    if (hp !== undefined && Number.isFinite(hp) && (hp < WARNING_LIMITS.hansenLow || hp > WARNING_LIMITS.hansenHigh)) {
      add(
        "hansen_extreme",
        hp < WARNING_LIMITS.hansenLow
          ? `Hansen test p = ${fmtP(hp)}: the instruments are rejected, so the GMM estimate is not consistent. Try other lags or another estimator.`
          : `Hansen test p = ${fmtP(hp)}: a p-value this close to 1 is the usual sign of too many instruments, not of valid ones. Collapse the instruments or shorten the lag range.`,
        hp < WARNING_LIMITS.hansenLow
          ? `Hansen 检验 p = ${fmtP(hp)}：工具变量被拒绝，GMM 估计不一致。请换用其他滞后阶或其他估计方法。`
          : `Hansen 检验 p = ${fmtP(hp)}：如此接近 1 的 p 值通常说明工具变量过多，而不是工具变量有效。请压缩工具变量或缩短滞后范围。`
      );
    }
    if (r.ar2 === undefined || !Number.isFinite(r.ar2.pvalue)) {
      add(
        "ar2_missing",
        "The AR(2) test could not be computed (too few periods after differencing), so nothing checks that the instruments are valid. Use a longer panel or a static fixed-effects model.",
        "无法计算 AR(2) 检验（差分后期数太少），因此工具变量的有效性无从检验。请使用更长的面板或静态固定效应模型。"
      );
    }
  }
  const noSe = r.terms.filter((_, j) => !(Number.isFinite(r.se[j]) && r.se[j] > 0));
  if (noSe.length) {
    add(
      "se_missing",
      `No standard error for ${noSe.join(", ")}: the variance could not be estimated, so no test on ${noSe.length > 1 ? "these coefficients" : "this coefficient"} is possible. Drop the variable or simplify the model.`,
      `${noSe.join("、")} 没有标准误：方差无法估计，无法对该系数做检验。请删除该变量或简化模型。`,
      noSe
    );
  }
  const huge = r.terms.filter((_, j) => Number.isFinite(r.se[j]) && Number.isFinite(r.coef[j]) && r.se[j] > WARNING_LIMITS.seRatio * Math.abs(r.coef[j]));
  if (huge.length) {
    add(
      "se_huge",
      `The standard error of ${huge.join(", ")} is more than ${WARNING_LIMITS.seRatio} times the coefficient: the data say nothing about ${huge.length > 1 ? "these effects" : "this effect"} (often a variable that barely varies within the fixed effects, or an unstable model). Read ${huge.length > 1 ? "them" : "it"} as unknown, not as zero.`,
      `${huge.join("、")} 的标准误超过系数的 ${WARNING_LIMITS.seRatio} 倍：数据对这一效应几乎没有信息（常见于在固定效应内几乎不变的变量，或模型不稳定）。应视为未知，而不是零。`,
      huge
    );
  }
  const g = info.vcov === "cluster" && typeof info.n_clusters === "number" ? info.n_clusters : null;
  if (g !== null && g < WARNING_LIMITS.minClusters) {
    add(
      "few_clusters",
      `Only ${g} clusters: with fewer than ${WARNING_LIMITS.minClusters}, clustered standard errors are too small and t-tests too optimistic. Prefer a wild cluster bootstrap, or cluster on a dimension with more groups.`,
      `只有 ${g} 个聚类：少于 ${WARNING_LIMITS.minClusters} 个时，聚类标准误偏小、t 检验过于乐观。建议使用野聚类自助法（wild cluster bootstrap），或按组数更多的维度聚类。`
    );
  }
  return out;
}

/** A warning's message in the reader's language. */
export function warningText(w: ModelWarning, lang: "en" | "zh"): string {
  return lang === "zh" ? w.message_zh : w.message;
}
