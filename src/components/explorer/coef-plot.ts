/**
 * Coefficient plot: each estimate with its 95% confidence interval (Student t with the model's df_t; the
 * normal for GMM, whose tests are z-tests). The regressors are measured in different units (an index in
 * [0, 1], logs, a share), so each gets its own row and its own horizontal scale, always including zero;
 * on one shared axis the widest interval would flatten the others. The intercept is left out and the key
 * regressor is drawn in the accent colour, first.
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import type {Result} from "../../lib/engine/types.js";
import {criticalValue} from "../../lib/engine/tdist.js";
import {termLabel} from "../../lib/explorer/labels.js";
import {fmt} from "../../lib/explorer/export.js";
import {el} from "../format.js";
import {tx} from "./text.js";

const KEY = "#c2410c";
const OTHER = "#4b5563";

export function coefPlot(r: Result, keyTerm: string, width: number): HTMLElement {
  const q = criticalValue(r.df_t);
  const data = r.terms
    .map((term, i) => ({term, label: pick(termLabel(term)), coef: r.coef[i], lo: r.coef[i] - q * r.se[i], hi: r.coef[i] + q * r.se[i], key: term === keyTerm}))
    .filter((d) => d.term !== "(Intercept)")
    .sort((a, b) => Number(b.key) - Number(a.key));
  const rows = data.map((d) => {
    const lo = Math.min(0, d.lo);
    const hi = Math.max(0, d.hi);
    const pad = (hi - lo) * 0.06 || 1;
    const colour = d.key ? KEY : OTHER;
    const plot = Plot.plot({
      // On a phone the label sits above the chart (explorer.md), so the chart takes the whole width.
      width: width < 560 ? width : Math.max(260, width - 200),
      height: 44,
      marginLeft: 8,
      marginRight: 16,
      marginTop: 6,
      marginBottom: 20,
      x: {domain: [lo - pad, hi + pad], ticks: width < 560 ? 4 : 5, label: null, grid: true},
      y: {axis: null, domain: [0, 1]},
      style: {fontSize: width < 560 ? "12px" : "11px"},
      marks: [
        Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.6}),
        Plot.link([d], {x1: "lo", x2: "hi", y1: 0.5, y2: 0.5, stroke: colour, strokeWidth: 2.5}),
        Plot.dot([d], {x: "coef", y: 0.5, fill: colour, r: 4.5, title: () => `${d.label}: ${fmt(d.coef)} [${fmt(d.lo)}, ${fmt(d.hi)}]`})
      ]
    });
    // The row's numbers are its text alternative (the chart repeats them as a picture).
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", `${d.label}: ${fmt(d.coef)}, ${pick({en: "95% interval", zh: "95%置信区间"})} [${fmt(d.lo)}, ${fmt(d.hi)}]`);
    const label = el("div", {className: "ex-cp-label"}, el("span", {text: d.label}), el("span", {className: "ex-cp-ci", text: `${fmt(d.coef)} [${fmt(d.lo)}, ${fmt(d.hi)}]`}));
    const row = el("div", {className: "ex-cp-row"}, label, plot);
    row.dataset.term = d.term;
    return row;
  });
  const fig = el("figure", {className: "ex-coefplot"});
  fig.append(
    el("h2", {text: tx("coefPlot")}),
    el("h3", {text: `${tx("coefPlotSub")} ${r.df_t === null ? pick({en: "Normal critical value (z tests, as fixest for PPML and plm for GMM).", zh: "采用正态临界值（z检验，PPML同fixest，GMM同plm）。"}) : pick({en: `t critical value, df = ${r.df_t}.`, zh: `t临界值，自由度 = ${r.df_t}。`})}`}),
    ...rows
  );
  return fig;
}
