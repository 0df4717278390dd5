/**
 * "Which choices move the estimate" (lib/multiverse/influence.ts, Young & Holsteen 2017): one bar per decision, its
 * share of the estimates' variance alone, and under it each option's shift against the first option.
 */
import {el, L} from "../format.js";
import {pick} from "../../lib/i18n.js";
import type {Influence} from "../../lib/multiverse/influence.js";

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");

/** `optionName(decision, j, option)` labels an option in the reader's language. */
export function influenceView(inf: Influence, decisionName: (id: string) => string, optionName: (decision: string, j: number, option: string) => string): HTMLElement[] {
  const list = el("div", {className: "mv-bars"});
  inf.decisions.forEach((d, k) => {
    const row = el("div", {className: "mv-bar-row"});
    const bar = el("div", {className: "mv-bar"});
    bar.style.width = `${Math.max(0.5, 100 * d.share)}%`;
    if (k === 0) bar.classList.add("mv-bar-top");
    const shifts = d.options
      .map((o, j) => (j === 0 || !Number.isFinite(d.coef[j]) ? null : `${optionName(d.id, j, o)}: ${d.coef[j] >= 0 ? "+" : ""}${fmt(d.coef[j])}`))
      .filter(Boolean)
      .join(" · ");
    row.append(el("div", {className: "mv-bar-label", text: `${decisionName(d.id)} — ${pct(d.share)}`}), el("div", {className: "mv-bar-track"}, bar), el("div", {className: "mv-bar-shift", text: shifts}));
    row.dataset.decision = d.id;
    list.append(row);
  });
  return [
    el("h2", {text: L("Which choices move the estimate", "哪些选择影响估计值")}),
    el("p", {text: pick({
      en: `Share of the variance of the ${inf.n.toLocaleString("en")} estimates explained by each decision alone (the main effects together explain ${pct(inf.r2)}; the table below says where the rest comes from). Below each bar: how far each option shifts the estimate against the first option, all other choices held fixed.`,
      zh: `各项决策单独解释的估计值方差比例（${inf.n}个估计值；全部主效应合计解释${pct(inf.r2)}，其余部分的来源见下表）。每个条形下方列出：在其他选择不变时，各选项相对于第一个选项使估计值移动的幅度。`
    })}),
    list
  ];
}
