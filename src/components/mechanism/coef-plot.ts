/**
 * Coefficient plot: for each DSTRI area, the estimated effect of one 0.02 step of its contribution to the index on
 * China's exports, 100·(exp(0.02·β) − 1) %, with the 95% interval from β ± t_{0.975, df_t}·se (one fixed-effects
 * model per area; see area-models.ts). Per 0.02 because that is one step of the published index (issue 24): "per
 * 1 point" is fifty steps, beyond any value an area takes.
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import type {AreaEstimate} from "../../lib/mechanism/area-models.js";
import {INDEX_STEP} from "../../lib/whatif/predict.js";

const stepPct = (b: number) => 100 * Math.expm1(b * INDEX_STEP);

export function coefPlot(estimates: AreaEstimate[], {width = 720} = {}): HTMLElement | SVGElement {
  const data = estimates.map((e) => ({
    // A phone gets the short area names, which fit beside the chart.
    area: pick(width < 560 ? e.area.short : e.area.label),
    color: e.area.color,
    beta: stepPct(e.coef.beta),
    lo: stepPct(e.coef.lo),
    hi: stepPct(e.coef.hi),
    coef: e.coef.beta,
    se: e.coef.se,
    p: e.pvalue,
    movers: e.movers
  }));
  const first = estimates[0];
  const [y0, y1] = first.years;
  const xmin = Math.min(0, ...data.map((d) => d.lo)), xmax = Math.max(0, ...data.map((d) => d.hi));
  const pad = 0.06 * Math.max(1, xmax - xmin);
  const signed = (v: number, d = 1) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(d)}`;
  // A phone (issue 19): the "score moved in k of n" notes go under each row instead of a right-hand column, so the
  // intervals keep the width and the axis gets three ticks instead of one.
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: 70 + 46 * data.length,
    marginLeft: narrow ? Math.min(130, width * 0.32) : Math.min(260, width * 0.35),
    marginRight: narrow ? 20 : 150,
    // The x title on a row of its own below the tick labels, not on them (tests/browser/chart-text.test.ts); the
    // height stays as reserved for the slot, so the rows give up the 12 px.
    marginBottom: 42,
    title: pick({en: "Effect of each DSTRI area on China's exports", zh: "各 DSTRI 领域对中国出口的影响"}),
    subtitle: pick({
      en: `Change in exports (%) when the area's contribution to the index is higher by 0.02 (one step of the published index), with 95% confidence intervals. One model per area; ${first.nobs} partner-years, ${first.n_groups} partners, ${y0}–${y1}.`,
      zh: `领域对总指数的贡献提高 0.02（公布指数的一步）时出口的变化（%）及 95% 置信区间。每个领域单独估计一个模型；${first.n_groups} 个伙伴国、${first.nobs} 个国家-年份观测，${y0}—${y1} 年。`
    }),
    caption: pick({
      en: `Controls: ln GDP, ln population, ln government consumption, urban share; partner and year fixed effects; standard errors clustered by partner (t with ${first.coef.df} df). The note beside each area counts the partners whose contribution changed in ${y0}–${y1}: with partner fixed effects only they identify the estimate, and with fewer than 5 the interval cannot be trusted (the table below gives a permutation test). Percent = 100·(exp(0.02·β) − 1). Sources: OECD DSTRI; IMF DOTS; World Bank WDI.`,
      zh: `控制变量：GDP 对数、人口对数、政府消费对数、城镇化率；伙伴国与年份固定效应；按伙伴国聚类的标准误（t 分布，自由度 ${first.coef.df}）。各领域旁注明 ${y0}—${y1} 年间贡献有变化的伙伴国数量：加入伙伴国固定效应后，只有这些国家识别该估计；少于 5 个时区间不可信（下表给出置换检验）。百分比 = 100·(exp(0.02·β) − 1)。数据来源：OECD DSTRI；IMF DOTS；世界银行 WDI。`
    }),
    x: {label: narrow ? pick({en: "Exports per 0.02 step (%) →", zh: "每 0.02 一步的出口变化（%）→"}) : pick({en: "Change in exports per 0.02 step of the area's contribution (%) →", zh: "领域贡献每提高 0.02，出口的变化（%）→"}), domain: [xmin - pad, xmax + pad], grid: true, labelOffset: 38, ticks: narrow ? 3 : undefined, tickFormat: (v: number) => String(v).replace("-", "−")},
    y: {label: null, domain: data.map((d) => d.area)},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.ruleY(data, {y: "area", x1: "lo", x2: "hi", stroke: "color", strokeWidth: 2.5}),
      Plot.dot(data, {y: "area", x: "beta", fill: "color", r: 5.5, stroke: "white"}),
      Plot.text(data, {y: "area", x: "beta", text: (d) => `${signed(d.beta)}%`, dy: narrow ? -12 : -13, fontSize: 11}),
      Plot.text(data, {
        y: "area",
        frameAnchor: narrow ? "left" : "right",
        dx: narrow ? 0 : 145,
        dy: narrow ? 15 : 0,
        textAnchor: narrow ? "start" : "end",
        fillOpacity: 0.8,
        fontSize: 11,
        fill: (d) => (d.movers < 5 ? "#b3261e" : "currentColor"),
        text: (d) => pick({en: `identified by ${d.movers} of ${first.n_groups}`, zh: `由 ${first.n_groups} 国中的 ${d.movers} 国识别`})
      }),
      Plot.tip(data, Plot.pointerY({
        y: "area",
        x: "beta",
        channels: {
          [pick({en: "95% CI (%)", zh: "95% 置信区间（%）"})]: (d: {lo: number; hi: number}) => `${signed(d.lo)} … ${signed(d.hi)}`,
          [pick({en: "Coefficient β (se)", zh: "系数 β（标准误）"})]: (d: {coef: number; se: number}) => `${d.coef.toFixed(3)} (${d.se.toFixed(3)})`,
          [pick({en: "Clustered p-value", zh: "聚类 p 值"})]: (d: {p: number}) => d.p.toFixed(3),
          [pick({en: "Partners identifying it", zh: "识别它的伙伴国"})]: (d: {movers: number}) => String(d.movers)
        },
        format: {x: (v: number) => `${signed(v, 2)}%`, y: true}
      }))
    ]
  });
}
