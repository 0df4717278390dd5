/**
 * Coefficient plot: for each DSTRI area, the estimated effect of its score on ln(China's exports) with a 95%
 * confidence interval β ± t_{0.975, df_t}·se (one fixed-effects model per area; see area-models.ts).
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import type {AreaEstimate} from "../../lib/mechanism/area-models.js";

export function coefPlot(estimates: AreaEstimate[], {width = 720} = {}): HTMLElement | SVGElement {
  const data = estimates.map((e) => ({
    // A phone gets the short area names, which fit beside the chart.
    area: pick(width < 560 ? e.area.short : e.area.label),
    color: e.area.color,
    beta: e.coef.beta,
    lo: e.coef.lo,
    hi: e.coef.hi,
    se: e.coef.se,
    p: e.pvalue,
    pct: 100 * Math.expm1(e.coef.beta * 0.1),
    movers: e.movers
  }));
  const first = estimates[0];
  const [y0, y1] = first.years;
  const xmin = Math.min(0, ...data.map((d) => d.lo)), xmax = Math.max(0, ...data.map((d) => d.hi));
  const pad = 0.06 * Math.max(1, xmax - xmin);
  // A phone (issue 19): the "score moved in k of n" notes go under each row instead of a right-hand column, so the
  // intervals keep the width and the axis gets three ticks instead of one.
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: 70 + 46 * data.length,
    marginLeft: narrow ? Math.min(130, width * 0.32) : Math.min(260, width * 0.35),
    marginRight: narrow ? 20 : 150,
    title: pick({en: "Effect of each DSTRI area on China's exports", zh: "各 DSTRI 领域对中国出口的影响"}),
    subtitle: pick({
      en: `Coefficient of the area score in ln(exports), with 95% confidence intervals. One model per area; ${first.nobs} partner-years, ${first.n_groups} partners, ${y0}–${y1}.`,
      zh: `领域得分对 ln(出口额) 的回归系数及 95% 置信区间。每个领域单独估计一个模型；${first.n_groups} 个伙伴国、${first.nobs} 个国家-年份观测，${y0}—${y1} 年。`
    }),
    caption: pick({
      en: `Controls: ln GDP, ln population, ln government consumption, urban share; partner and year fixed effects; standard errors clustered by partner (t with ${first.coef.df} df). The right-hand note counts the partners whose score changed in ${y0}–${y1}: with partner fixed effects only they inform the estimate. A coefficient of −1 means a score higher by 0.1 goes with exports about 9.5% lower. Sources: OECD DSTRI; IMF DOTS; World Bank WDI.`,
      zh: `控制变量：GDP 对数、人口对数、政府消费对数、城镇化率；伙伴国与年份固定效应；按伙伴国聚类的标准误（t 分布，自由度 ${first.coef.df}）。右侧注明 ${y0}—${y1} 年间得分有变化的伙伴国数量：加入伙伴国固定效应后，只有这些国家为估计提供信息。系数为 −1 表示得分每高 0.1，出口约低 9.5%。数据来源：OECD DSTRI；IMF DOTS；世界银行 WDI。`
    }),
    x: {label: narrow ? pick({en: "Coefficient (ln exports per 1 point) →", zh: "系数（得分每增加 1）→"}) : pick({en: "Coefficient on the area score (change in ln exports per 1 point of score) →", zh: "领域得分的系数（得分每增加 1，ln 出口额的变化）→"}), domain: [xmin - pad, xmax + pad], grid: true, ticks: narrow ? 3 : undefined, tickFormat: (v: number) => String(v).replace("-", "−")},
    y: {label: null, domain: data.map((d) => d.area)},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.ruleY(data, {y: "area", x1: "lo", x2: "hi", stroke: "color", strokeWidth: 2.5}),
      Plot.dot(data, {y: "area", x: "beta", fill: "color", r: 5.5, stroke: "white"}),
      Plot.text(data, {y: "area", x: "beta", text: (d) => d.beta.toFixed(2).replace("-", "−"), dy: -13, fontSize: 11}),
      Plot.text(data, {
        y: "area",
        frameAnchor: narrow ? "left" : "right",
        dx: narrow ? 0 : 145,
        dy: narrow ? 17 : 0,
        textAnchor: narrow ? "start" : "end",
        fill: "currentColor",
        fillOpacity: 0.7,
        fontSize: 11,
        text: (d) => pick({en: `score moved in ${d.movers} of ${first.n_groups}`, zh: `${first.n_groups} 国中 ${d.movers} 国得分有变化`})
      }),
      Plot.tip(data, Plot.pointerY({
        y: "area",
        x: "beta",
        channels: {
          [pick({en: "95% CI", zh: "95% 置信区间"})]: (d: {lo: number; hi: number}) => `${d.lo.toFixed(2)} … ${d.hi.toFixed(2)}`,
          [pick({en: "Std. error", zh: "标准误"})]: (d: {se: number}) => d.se.toFixed(3),
          [pick({en: "p-value", zh: "p 值"})]: (d: {p: number}) => d.p.toFixed(3),
          [pick({en: "+0.1 in score", zh: "得分 +0.1"})]: (d: {pct: number}) => `${d.pct >= 0 ? "+" : ""}${d.pct.toFixed(1)}%`
        },
        format: {x: (v: number) => v.toFixed(3), y: true}
      }))
    ]
  });
}
