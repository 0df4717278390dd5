/**
 * The whole response curve for one partner and score: predicted change in exports, 100·(exp(β·(s − s0)) − 1) %,
 * for every target value s in the range the score has taken in the data (`bounds`, else [0, 1]), with the 95% band from β's interval, the partner's observed range of the
 * score shaded, and the current and chosen scores marked. The y axis is clipped at +300% so that very imprecise
 * coefficients do not flatten the picture (the clipping is stated under the chart).
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import {whatIf, type Coefficient} from "../../lib/whatif/predict.js";

export function responseChart(
  coef: Coefficient,
  current: number,
  target: number,
  range: {min: number; max: number} | null,
  {width = 640, title = "", bounds = null}: {width?: number; title?: string; bounds?: {min: number; max: number} | null} = {}
): HTMLElement | SVGElement {
  const b = bounds ?? {min: 0, max: 1};
  const grid = Array.from({length: 101}, (_, i) => b.min + ((b.max - b.min) * i) / 100).map((s) => ({s, ...whatIf(coef, current, s)}));
  const cap = 300;
  const clip = (v: number) => Math.max(-100, Math.min(cap, v));
  const clipped = grid.some((d) => d.pctHi > cap);
  const chosen = whatIf(coef, current, target);
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 56,
    // The x axis' title sits below its tick labels, not on them (tests/browser/chart-text.test.ts).
    marginBottom: 42,
    title,
    subtitle: pick({
      en: "Predicted change in China's exports to the partner (%) for each target value, over the values any partner has had; shaded band = 95% interval; grey area = values this partner has actually had since 2014.",
      zh: "不同目标值下中国对该伙伴国出口预测值的变化（%），横轴为任一伙伴国出现过的取值；阴影带为 95% 区间；灰色区域为该伙伴国 2014 年以来实际出现过的取值范围。"
    }),
    caption: clipped
      ? pick({en: `The band is cut at +${cap}% (it goes higher).`, zh: `区间上端在 +${cap}% 处截断（实际更高）。`})
      : undefined,
    x: {domain: [b.min, b.max], labelOffset: 38, label: pick({en: "Target value (contribution to the overall index) →", zh: "目标值（对总指数的贡献）→"})},
    y: {domain: [-100, Math.min(cap, Math.max(20, ...grid.map((d) => d.pctHi)))], label: pick({en: "↑ Change in predicted exports (%)", zh: "↑ 出口预测值变化（%）"}), grid: true},
    marks: [
      range ? Plot.rectX([range], {x1: (r) => r.min - 0.004, x2: (r) => r.max + 0.004, fill: "#999", fillOpacity: 0.18}) : null,
      Plot.areaY(grid, {x: "s", y1: (d) => clip(d.pctLo), y2: (d) => clip(d.pctHi), fill: "#1f6fd1", fillOpacity: 0.15}),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.line(grid, {x: "s", y: (d) => clip(d.pct), stroke: "#1f6fd1", strokeWidth: 2}),
      Plot.ruleX([current], {stroke: "currentColor", strokeDasharray: "3 3"}),
      Plot.text([current], {x: (d) => d, frameAnchor: "top", dy: -2, text: () => pick({en: "now", zh: "当前"}), fontSize: 11, textAnchor: "start", dx: 3}),
      Plot.dot([chosen], {x: "to", y: (d) => clip(d.pct), r: 6, fill: "#c0504d", stroke: "white"})
    ]
  });
}
