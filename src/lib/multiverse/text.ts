/**
 * A results paragraph written from the numbers (English and Chinese), and the R code of the grid with
 * fixest's multiple estimation (`sw()`, `mvsw()`, `sw0()`), for readers who want to re-run it in R.
 */
import type {Grid, Keep} from "./grid.js";
import type {NullResult} from "./null.js";
import type {Summary} from "./summary.js";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

export function resultsParagraph(s: Summary, nul: NullResult | null, keyLabel: string): {en: string; zh: string} {
  const dirEn = s.direction < 0 ? "negative" : "positive";
  const dirZh = s.direction < 0 ? "负" : "正";
  const sig = s.direction < 0 ? s.share_sig_negative : s.share_sig_positive;
  const other = s.direction < 0 ? s.share_sig_positive : s.share_sig_negative;
  let en =
    `Across ${s.n_ok.toLocaleString("en")} estimated specifications (${s.n_failed.toLocaleString("en")} could not be estimated), the median coefficient of ${keyLabel} is ${f3(s.median)}, ` +
    `ranging from ${f3(s.min)} to ${f3(s.max)}. ${pct(s.direction < 0 ? s.share_negative : s.share_positive)} of the estimates are ${dirEn}; ${pct(sig)} are ${dirEn} and significant at the ${Math.round(s.alpha * 100)}% level, ` +
    `${pct(other)} are significant with the opposite sign, and ${pct(s.janus)} have the sign opposite to the median (sign flips).`;
  let zh =
    `在成功估计的${s.n_ok}个设定中（另有${s.n_failed}个无法估计），${keyLabel}系数的中位数为${f3(s.median)}，取值范围为${f3(s.min)}至${f3(s.max)}。` +
    `${pct(s.direction < 0 ? s.share_negative : s.share_positive)}的估计值为${dirZh}；${pct(sig)}为${dirZh}且在${Math.round(s.alpha * 100)}%水平上显著，` +
    `${pct(other)}显著但符号相反，${pct(s.janus)}的符号与中位数相反（符号翻转）。`;
  if (nul) {
    en += ` Under the null of no effect (bootstrap resampling partners, ${nul.draws} draws), the p-values are ${f3(nul.p_median)} for the median estimate, ${f3(nul.p_share_significant)} for the share of significant results and ${f3(nul.p_stouffer)} for Stouffer's Z.`;
    zh += `在"无效应"原假设下（按伙伴国重抽样的自助法，${nul.draws}次抽样），中位数估计值的p值为${f3(nul.p_median)}，显著结果占比的p值为${f3(nul.p_share_significant)}，Stouffer合并Z统计量的p值为${f3(nul.p_stouffer)}。`;
  }
  return {en, zh};
}

/** R code (fixest) estimating the kept grid with multiple estimation. */
export function rCode(g: Grid, keep: Keep): string {
  const on = <T,>(list: T[], k?: number[]) => (k ?? list.map((_, i) => i)).map((i) => list[i]);
  const keys = on(g.key, keep.key);
  const lags = on(g.lags, keep.lag);
  const terms = keys.flatMap((k) => lags.map((l) => (l === 0 ? k : `l(${k}, ${l})`)));
  const subsets = on(g.subsets, keep.controls);
  const fes = on(g.fe, keep.fe);
  const vc = on(g.vcov, keep.vcov).map((v) => (typeof v === "string" ? `"${v === "driscoll_kraay" ? "DK" : v === "newey_west" ? "NW" : v}"` : `~${v.cluster.join(" + ")}`));
  const samples = on(g.samples, keep.sample);
  const ys = on(g.y, keep.y);
  const controlsAll = subsets.length === 1 << g.controls.length;
  const ctrl = controlsAll ? (g.controls.length ? ` + mvsw(${g.controls.join(", ")})` : "") : "";
  const fe = fes.map((f) => (f.length ? f.join(" + ") : "")).filter(Boolean);
  const hasNone = fes.some((f) => f.length === 0);
  const feText = fe.length ? ` | ${hasNone ? "sw0" : "sw"}(${fe.join(", ")})` : "";
  const lines = [
    "# The multiverse of this page with fixest multiple estimation (fixest >= 0.11).",
    "# panel.csv: Data page download, or `npx dtb panel --out panel.csv`.",
    "library(fixest)",
    'panel <- read.csv("panel.csv")',
    `samples <- list(`,
    samples
      .map((s) => {
        const conds = Object.entries(s.exclude).map(([col, vals]) => `!(${col} %in% c(${vals.map((v) => (typeof v === "number" ? v : `"${v}"`)).join(", ")}))`);
        return `  "${s.label}" = quote(${conds.length ? conds.join(" & ") : "TRUE"})`;
      })
      .join(",\n"),
    ")",
    "results <- list()",
    "for (s in names(samples)) {",
    `  est <- feols(c(${ys.join(", ")}) ~ sw(${terms.join(", ")})${ctrl}${feText},`,
    `               data = panel, panel.id = ~${g.id} + ${g.time}, subset = eval(samples[[s]], panel))`,
    ...(controlsAll ? [] : [`  # Control subsets listed on the page: ${subsets.map((x) => (x.length ? x.join("+") : "none")).join("; ")}`]),
    `  for (v in list(${vc.join(", ")})) results[[length(results) + 1]] <- coeftable(summary(est, vcov = v))`,
    "}",
    "# Each element of `results` holds the coefficient tables of one sample and one standard error."
  ];
  return lines.join("\n") + "\n";
}
