/**
 * The multiverse's summary (issue #21): each number with one sentence that says how to read it, and beside them
 * the joint p-values of the null bootstrap once it has run (Stouffer's Z is shown only then, beside its p-value: the
 * specifications share the data, so a large Z is expected even without an effect).
 */
import {el, L} from "../format.js";
import {pick} from "../../lib/i18n.js";
import type {NullResult} from "../../lib/multiverse/null.js";
import type {Summary} from "../../lib/multiverse/summary.js";

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");

export function summaryView(s: Summary, opts: {perSd: boolean; nullResult: NullResult | null; withinSd?: Array<[string, number]>}): HTMLElement {
  const box = el("div", {className: "mv-summary-view"});
  box.append(el("h2", {text: L("Summary", "汇总")}));
  // Per SD = per within SD (issue 24): with partner and year effects only the variation left after them identifies
  // the coefficient (Mummolo & Peterson 2018); the total SD would overstate a typical change about three-fold.
  const sds = (opts.withinSd ?? []).map(([k, v]) => `${k.replace(/^DSTRI[:：]\s*/, "")} ${Number.isFinite(v) ? v.toFixed(4) : "–"}`).join("; ");
  if (opts.perSd) box.append(el("p", {className: "mv-note mv-within-sd", text: pick({
    en: `Several DSTRI measures are on, and their spreads differ a lot: estimates are shown as the effect of one within SD of the measure (coefficient × SD of the measure after removing partner and year effects, over the years with exports observed; Mummolo and Peterson 2018). Within SDs: ${sds}. Keep one measure to see raw coefficients.`,
    zh: `当前包含多个DSTRI指标，其离散程度差异很大：估计值以指标变动一个组内标准差的效应表示（系数 × 剔除伙伴国和年份效应后该指标在有出口观测的年份中的标准差；Mummolo 和 Peterson，2018）。组内标准差：${sds}。只保留一个指标即可查看原始系数。`
  })}));
  const dl = el("dl", {className: "mv-stats"});
  const nr = opts.nullResult;
  const pText = (p: number | undefined) => (nr && p !== undefined ? pick({en: ` Joint test: p = ${fmt(p)} (${nr.draws} null draws).`, zh: ` 联合检验：p = ${fmt(p)}（${nr.draws} 次原假设抽样）。`}) : "");
  const item = (k: string, v: string, key: string, why: string) => {
    const dd = el("dd", {text: v});
    dd.dataset.stat = key;
    // A second dd: the explanation belongs to the same term (a <p> inside the group would break the list).
    const p = el("dd", {className: "mv-why", text: why});
    p.dataset.why = key;
    dl.append(el("div", {}, el("dt", {text: k}), dd, p));
  };
  item(L("Specifications estimated", "成功估计的设定"), `${s.n_ok.toLocaleString("en")} / ${s.n_specs.toLocaleString("en")}`, "n",
    s.n_failed ? L("The rest could not be estimated (e.g. GMM with too few periods); they are listed below the downloads.", "其余设定无法估计（例如期数太少的GMM），列于下载区下方。") : L("Every specification in view was estimated.", "视图中的所有设定均已估计。"));
  item(L("Median estimate", "估计值中位数"), fmt(s.median), "median",
    L("Half of the specifications estimate less than this, half more.", "一半设定的估计值低于此数，一半高于此数。") + pText(nr?.p_median));
  item(L("Range", "取值范围"), `${fmt(s.min)} … ${fmt(s.max)}`, "range",
    L("Smallest and largest estimate; extreme ends are often fragile GMM or small-sample fits.", "最小和最大的估计值；两端往往是不稳定的GMM或小样本估计。"));
  item(L("Negative / positive", "负 / 正"), `${pct(s.share_negative)} / ${pct(s.share_positive)}`, "sign",
    L("Shares of specifications by the sign of the estimate.", "按估计值符号划分的设定比例。"));
  item(L("Significant negative / positive (5%)", "显著为负 / 显著为正（5%）"), `${pct(s.share_sig_negative)} / ${pct(s.share_sig_positive)}`, "sig",
    L("Shares whose 95% interval excludes zero. With no effect at all, about 2.5% each would be expected if the specifications were independent.", "95%置信区间不含零的设定比例。若完全没有效应且各设定相互独立，两者各应约为2.5%。") + pText(nr?.p_share_significant));
  item(L("Sign flips (Janus)", "符号翻转（Janus效应）"), pct(s.janus), "janus",
    L("Share of estimates with the sign opposite to the median's (Young and Holsteen's \"Janus\" test): 0% means every specification agrees on the sign, 50% that the sign is a coin toss.", "与中位数符号相反的估计值所占比例（Young和Holsteen的“Janus”检验）：0%表示所有设定符号一致，50%表示符号如同抛硬币。"));
  // Stouffer's Z only beside its bootstrap p-value (issue 24): alone, a large Z reads as evidence it is not.
  if (nr) item(L("Stouffer's Z", "Stouffer合并Z值"), `${fmt(s.stouffer, 2)} (p = ${fmt(nr.p_stouffer)})`, "stouffer",
    L("The specifications' one-sided z-scores summed and divided by √n, with the null bootstrap's p-value. Z itself is not a test: the specifications re-use the same data (many are the same estimate with another standard error), so |Z| is large even with no effect; only the bootstrap p-value says whether it is unusual.", "各设定单侧z值之和除以√n，并附原假设自助法的p值。Z本身不是检验：各设定使用同一份数据（许多只是同一估计值配不同标准误），即使没有效应|Z|也会很大；只有自助法p值才能说明它是否异常。"));
  box.append(dl);
  if (!nr) {
    const a = el("a", {text: L("run the null bootstrap below", "运行下方的原假设自助法")});
    a.href = "#mv-null";
    box.append(el("p", {className: "mv-note"}, L("Joint p-values: ", "联合p值："), a, L(" (each summary is then compared with its distribution when the true effect is zero).", "（届时将各项汇总与真实效应为零时的分布比较）。")));
  }
  return box;
}
