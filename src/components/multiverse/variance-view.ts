/**
 * "Where the variance comes from" (issue #21): main effects, two-way interactions and the rest, adding to 100%
 * (lib/multiverse/variance.ts), shown under the influence bars so that the part the main effects leave
 * unexplained is named instead of left out.
 */
import {el, L} from "../format.js";
import {pick} from "../../lib/i18n.js";
import type {VarianceDecomposition} from "../../lib/multiverse/variance.js";

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** `name(id)` labels a decision in the reader's language. Pairs under 1% are summed into one line. */
export function varianceView(d: VarianceDecomposition, name: (id: string) => string): HTMLElement {
  const main = d.main.reduce((s, t) => s + t.share, 0);
  const pairs = d.pairs.reduce((s, t) => s + t.share, 0);
  const big = d.pairs.filter((t) => t.share >= 0.01);
  const small = pairs - big.reduce((s, t) => s + t.share, 0);
  const table = el("table", {className: "mv-variance"});
  table.append(el("caption", {className: "sr-only", text: L("Shares of the variance of the estimates", "估计值方差的分解")}));
  const body = el("tbody");
  const row = (label: string, share: number, key: string, cls = "") => {
    const tr = el("tr", {className: cls}, el("td", {text: label}), el("td", {className: "num", text: pct(share)}));
    tr.dataset.term = key;
    body.append(tr);
  };
  row(L("Main effects (each decision alone)", "主效应（各决策单独）"), main, "main", "mv-var-total");
  for (const t of d.main) if (t.share >= 0.001) row(`  ${name(t.id)}`, t.share, t.id);
  row(L("Two-way interactions (one choice changes what another does)", "二阶交互（一个选择改变另一个选择的作用）"), pairs, "pairs", "mv-var-total");
  for (const t of big) row(`  ${t.decisions.map(name).join(" × ")}`, t.share, t.id);
  if (big.length < d.pairs.length) row(`  ${L(`${d.pairs.length - big.length} other pairs, each under 1%`, `其余 ${d.pairs.length - big.length} 对，每对不足 1%`)}`, small, "pairs-other");
  row(L("Higher-order interactions (the rest)", "更高阶交互（其余部分）"), d.remainder, "remainder", "mv-var-total");
  row(L("Total", "合计"), main + pairs + d.remainder, "total", "mv-var-total");
  table.append(body);
  return el(
    "div",
    {className: "mv-variance-box"},
    el("h3", {text: L("Where the variance of the estimates comes from", "估计值的方差从何而来")}),
    el("p", {className: "mv-note", text: pick({
      en: `An analysis of variance of the ${d.n.toLocaleString("en")} estimates over the choices: what each choice explains alone, what pairs of choices explain together beyond that, and the rest. The shares add up to 100%. The grid is not fully balanced (GMM ignores the fixed-effect and SE choices), so a small negative share can appear.`,
      zh: `对 ${d.n} 个估计值按各项选择做方差分析：各选择单独解释的部分、两两组合在此之外共同解释的部分，以及其余部分。各部分合计为 100%。设定网格并非完全平衡（GMM 不使用固定效应和标准误选择），因此可能出现很小的负值。`
    })}),
    el("div", {className: "table-wrap"}, table)
  );
}
