/**
 * What can honestly be said about one of our GMM models of Table 7 (issue 24, point 4): which rows it uses
 * (partner-years, and the differenced and level rows apart, since plm's "observations" of a system GMM count a
 * partner-year once per equation), which instruments it uses (in words), and, when the engine warns that the model
 * should not be read (engine/warnings.ts), why no sign or size comparison is made. Pure: text in both languages from
 * the engine's Result.
 */
import type {Result, WarningCode} from "../engine/types.js";
import {pick} from "../i18n.js";
import {termLabel} from "../explorer/labels.js";

/** The engine's warning codes in a few words (the full message is in the alert above the table). */
const WARNING_WORDS: Record<WarningCode, {en: string; zh: string}> = {
  exact_fit: {en: "an exact fit", zh: "完全拟合"},
  gmm_singular_weights: {en: "singular weight matrices", zh: "权重矩阵奇异"},
  instruments_ge_groups: {en: "at least as many instruments as partners", zh: "工具变量不少于伙伴数"},
  hansen_extreme: {en: "a Hansen J p-value at its extreme", zh: "Hansen J 检验 p 值处于极端"},
  ar2_missing: {en: "no AR(2) test", zh: "无法计算 AR(2) 检验"},
  se_missing: {en: "a missing standard error", zh: "标准误缺失"},
  se_huge: {en: "a standard error over 100 times its coefficient", zh: "标准误超过系数的 100 倍"},
  few_clusters: {en: "fewer than 30 clusters", zh: "聚类少于 30 个"}
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const fmt = (v: number | null | undefined, d = 3) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(d) : "–");

/** Rows of a GMM model: partner-years, differenced and level rows (level 0 for difference GMM), plm's count. */
export function gmmRows(r: Result): {partner_years: number; differenced: number; level: number; plm_nobs: number} | null {
  const info = (r.info ?? {}) as Record<string, unknown>;
  const py = num(info.partner_years);
  const d = num(info.rows_differenced);
  const l = num(info.rows_level);
  if (py === null || d === null || l === null) return null;
  return {partner_years: py, differenced: d, level: l, plm_nobs: r.nobs};
}

/**
 * The sample sentence of a GMM reading: partner-years against the paper's observations.
 * Example (system GMM on China): "ours uses 252 partner-years (210 differenced rows and 252 level rows; plm's 462
 * counts a partner-year once per equation)".
 */
export function gmmSampleSentence(r: Result, paperObservations: number): string {
  const rows = gmmRows(r);
  if (!rows) return pick({en: `Sample: the paper reports ${paperObservations} observations, ours has ${r.nobs}.`, zh: `样本：原文报告 ${paperObservations} 个观测值，本复现为 ${r.nobs} 个。`});
  if (rows.level === 0) {
    return pick({
      en: `Sample: the paper reports ${paperObservations} observations; ours uses ${rows.partner_years} partner-years of differenced equations (${r.n_groups} partners).`,
      zh: `样本：原文报告 ${paperObservations} 个观测值；本复现使用 ${rows.partner_years} 个伙伴-年份的差分方程（${r.n_groups} 个伙伴）。`
    });
  }
  return pick({
    en: `Sample: the paper reports ${paperObservations} observations, to be compared with our ${rows.partner_years} partner-years (${r.n_groups} partners): the ${rows.plm_nobs} "observations" plm prints count ${rows.differenced} differenced rows and ${rows.level} level rows, so a partner-year counts once per equation.`,
    zh: `样本：原文报告 ${paperObservations} 个观测值，应与本复现的 ${rows.partner_years} 个伙伴-年份（${r.n_groups} 个伙伴）比较：plm 报告的 ${rows.plm_nobs} 个"观测值"包括 ${rows.differenced} 行差分方程和 ${rows.level} 行水平方程，同一个伙伴-年份按方程各计一次。`
  });
}

/**
 * The instrument set in words, from the engine's info (gmm_instruments, gmm_lags, iv_instruments, collapse).
 * When the key regressor's lags are not among the GMM-style instruments it enters as its own (exogenous)
 * instrument, so the model does not address reverse causality from exports to the DSTRI; said so.
 */
export function gmmInstrumentSentence(r: Result, y: string, key: string): string {
  const info = (r.info ?? {}) as Record<string, unknown>;
  const gmmCols = Array.isArray(info.gmm_instruments) ? (info.gmm_instruments as string[]) : [y];
  const lags = Array.isArray(info.gmm_lags) ? (info.gmm_lags as number[]) : [2, 99];
  const iv = Array.isArray(info.iv_instruments) ? (info.iv_instruments as string[]) : [];
  const collapsed = info.collapse === true;
  const base = key.replace(/^L\d*\./, "");
  const endogenous = gmmCols.includes(base);
  const sys = info.transformation === "ld";
  const from = lags[1] >= 99 ? pick({en: `lags ${lags[0]} and deeper`, zh: `滞后 ${lags[0]} 期及更早`}) : pick({en: `lags ${lags[0]} to ${lags[1]}`, zh: `滞后 ${lags[0]} 至 ${lags[1]} 期`});
  // Variables by their labels, not their codes (issue 19: codes stay in code and formulas). A lag is said in words
  // ("DSTRI (overall) lagged one year"), as the labels' ", lag 1" would read as another item of the list.
  const lab = (c: string): string => {
    const m = /^L(\d*)\.(.+)$/.exec(c);
    if (!m) return pick(termLabel(c));
    const k = m[1] === "" ? 1 : Number(m[1]);
    const b = termLabel(m[2]);
    return pick({en: `${b.en} lagged ${k === 1 ? "one year" : `${k} years`}`, zh: `滞后${k}期的${b.zh}`});
  };
  const of = gmmCols.map((c) => (c === y ? pick({en: "the outcome", zh: "被解释变量"}) : c === "dstri" ? "DSTRI" : lab(c))).join(pick({en: " and of ", zh: "和"}));
  const ivList = iv.map(lab).join(pick({en: ", ", zh: "、"}));
  const head = pick({
    en: `Instruments (${r.n_instruments ?? "–"} in all): ${from} of ${of}${collapsed ? ", collapsed (one column per lag)" : ""}${sys ? ", plus their lagged differences for the level equation" : ""}; ${ivList || "no other regressor"} ${iv.length === 1 ? "serves" : "serve"} as ${iv.length === 1 ? "its own instrument" : "their own instruments"}; year dummies.`,
    zh: `工具变量（共 ${r.n_instruments ?? "–"} 个）：${of}的${from}${collapsed ? "，已压缩（每个滞后期一列）" : ""}${sys ? "，水平方程另用其滞后差分" : ""}；${ivList || "其他解释变量"}作为自身的工具变量；另加年份虚拟变量。`
  });
  const tail = endogenous
    ? pick({en: ` The DSTRI is treated as endogenous: only its own lags instrument it.`, zh: `DSTRI 被视为内生变量：只用它自身的滞后项作为工具。`})
    : pick({
        en: ` ${lab(key)} thus enters as exogenous, so this GMM does not address reverse causality from exports to the DSTRI, the concern that motivates a GMM in the paper.`,
        zh: `因此${lab(key)}被当作外生变量，这个 GMM 并不能处理从出口到 DSTRI 的反向因果，而这正是原文使用 GMM 的理由。`
      });
  return head + tail;
}

/**
 * The specification tests of a readable GMM model, in one sentence: Hansen's J (are the instruments valid as a set?)
 * and Arellano-Bond AR(2) (is there second-order serial correlation in the differenced errors, which would make the
 * lag-2 instruments invalid?), with what a p-value under 0.05 means for the coefficient above.
 * Example (system GMM on China, 2014-2020): "Specification tests: Hansen J p = 0.033 (22 instruments), AR(2) p =
 * 0.890. The Hansen test rejects the instruments' validity at 5%, so this estimate is in doubt whatever its sign."
 */
export function gmmDiagnosticSentence(r: Result): string {
  const hp = r.hansen?.pvalue;
  const ap = r.ar2?.pvalue;
  const hRejects = typeof hp === "number" && hp < 0.05;
  const aRejects = typeof ap === "number" && ap < 0.05;
  const head = pick({
    en: `Specification tests: Hansen J p = ${fmt(hp)} (${r.n_instruments ?? "–"} instruments), AR(2) p = ${fmt(ap)}.`,
    zh: `设定检验：Hansen J 检验 p = ${fmt(hp)}（${r.n_instruments ?? "–"} 个工具变量），AR(2) 检验 p = ${fmt(ap)}。`
  });
  const verdict = hRejects || aRejects
    ? pick({
        en: ` ${hRejects ? "The Hansen test rejects the instruments' validity at 5%" : "The AR(2) test finds second-order serial correlation at 5%, so lag-2 instruments are not valid"}, so this estimate is in doubt whatever its sign.`,
        zh: `${hRejects ? "Hansen 检验在 5% 水平上拒绝工具变量有效" : "AR(2) 检验在 5% 水平上发现二阶序列相关，滞后 2 期的工具变量因此无效"}，无论符号如何，这个估计都值得怀疑。`
      })
    : pick({
        en: " Neither rejects at 5%: support for the instruments, not proof, since both tests have little power in a panel this small.",
        zh: "两者在 5% 水平上都不拒绝：这支持工具变量有效，但不是证明，因为在这样小的面板中两个检验的检验力都很弱。"
      });
  return head + verdict;
}

/**
 * The reading of a model the engine says should not be read: no sign, no size, and why.
 * Example (system GMM on China): "No sign or size reading: the engine warns of singular weight matrices, a Hansen
 * J p-value at its extreme, ... (t = -0.02, Hansen J p = 1.000)."
 */
export function unreadableSentence(r: Result, key: string): string {
  const codes = (r.warnings ?? []).map((w) => w.code);
  const words = codes.map((c) => WARNING_WORDS[c] ?? {en: c, zh: c});
  const j = r.terms.indexOf(key);
  const t = j >= 0 ? r.tstat[j] : NaN;
  const hp = r.hansen?.pvalue;
  const facts = [`t = ${fmt(t, 2)}`, ...(hp !== undefined ? [`Hansen J p = ${fmt(hp)}`] : [])].join(", ");
  const tooGood = codes.includes("hansen_extreme") && hp !== undefined && hp > 0.5;
  return pick({
    en: `No sign or size reading: the engine warns of ${words.map((w) => w.en).join(", ")} (${facts}), so these data do not pin the coefficient down and comparing it with the paper's would read noise.${tooGood ? ` A Hansen p-value of ${fmt(hp)} is no reassurance: with many instruments the test loses its power, and an almost perfect p is itself a warning.` : ""}`,
    zh: `不做符号和大小的比较：估计引擎警告${words.map((w) => w.zh).join("、")}（${facts}），这些数据无法确定该系数，拿它与原文比较只是在解读噪声。${tooGood ? `Hansen 检验 p 值为 ${fmt(hp)} 并不令人放心：工具变量很多时该检验失去检验力，近乎完美的 p 值本身就是警示。` : ""}`
  });
}
