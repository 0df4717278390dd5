/**
 * The event study's chart: one column per event time, the estimate (dot) with its 95% interval (rule), the reference
 * year -1 fixed at zero (hollow dot), and the leave-one-partner-out estimates as faint ticks beside each. Zero and
 * the change year are marked. Plot marks only; the numbers come from lib/replication/event-study.ts.
 */
import * as Plot from "@observablehq/plot";
import type {EventRow} from "../../lib/replication/event-study.js";
import {pick} from "../../lib/i18n.js";

const KEY = "#c2410c";

export function eventStudyChart(rows: EventRow[], width: number): SVGSVGElement | HTMLElement {
  const est = rows.filter((r) => r.kind === "estimate");
  const ref = rows.filter((r) => r.kind === "reference");
  const loo = rows.filter((r) => r.kind === "loo");
  // A phone (issue 19): 12 px text (set inline, so no stylesheet can shrink it back to Plot's 10 px); everywhere the
  // x title sits on a row below its ticks and the y title above the top tick (tests/browser/chart-text.test.ts).
  const narrow = width < 560;
  const chart = Plot.plot({
    width,
    height: 300,
    style: {fontSize: narrow ? "12px" : "11px"},
    marginTop: 30,
    marginLeft: 48,
    marginBottom: 46,
    x: {labelOffset: 42, label: pick({en: "Years since the DSTRI changed (−1 = reference)", zh: "距 DSTRI 变化的年数（−1 为基准）"}), ticks: [...new Set(rows.map((r) => r.j))], tickFormat: (d: number) => (d === rows.reduce((m, r) => Math.min(m, r.j), 0) ? `≤${d}` : d === rows.reduce((m, r) => Math.max(m, r.j), 0) ? `≥${d}` : String(d))},
    y: {label: pick({en: "Log points per unit of the index", zh: "指数每单位对应的对数点"}), grid: true, nice: true},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.ruleX([-0.5], {stroke: "currentColor", strokeOpacity: 0.25, strokeDasharray: "3,3"}),
      Plot.tickY(loo, {x: (d: EventRow) => d.j + 0.18, y: "coef", stroke: "#6b7280", strokeOpacity: 0.45, title: (d: EventRow) => `${pick({en: "without", zh: "去掉"})} ${d.left_out}: ${d.coef.toFixed(3)}`}),
      Plot.ruleX(est, {x: "j", y1: "lo", y2: "hi", stroke: KEY, strokeWidth: 2.5}),
      Plot.dot(est, {x: "j", y: "coef", fill: KEY, r: 5, title: (d: EventRow) => `${d.j}: ${d.coef.toFixed(3)} [${d.lo.toFixed(3)}, ${d.hi.toFixed(3)}]`}),
      Plot.dot(ref, {x: "j", y: "coef", stroke: KEY, fill: "white", r: 5})
    ]
  });
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", pick({en: "Event-time coefficients with 95% intervals: ", zh: "各事件时间的系数及 95% 区间："}) + est.map((d) => `${d.j}: ${d.coef.toFixed(3)} [${d.lo.toFixed(3)}, ${d.hi.toFixed(3)}]`).join("; "));
  return chart;
}
