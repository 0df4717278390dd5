/**
 * Lesson 6: forking paths. A small specification curve on the open panel, estimated by the engine in the page:
 * 6 DSTRI measures (overall and five areas) x 2 timings (same year, lagged) x 3 fixed-effect choices (none,
 * partner, partner + year) = 36 specifications, sorted by estimate, with 95% clustered intervals.
 * The full multiverse (controls, samples, variances, estimators) is the /multiverse page.
 */
import * as Plot from "@observablehq/plot";
import {estimate} from "../../lib/engine/index.js";
import type {Frame} from "../../lib/engine/types.js";
import {criticalValue} from "../../lib/engine/tdist.js";
import {pick} from "../../lib/i18n.js";

const MEASURES = ["dstri", "dstri_infra", "dstri_etrans", "dstri_payment", "dstri_ipr", "dstri_other"];
const FES: Array<{fe: string[]; label: {en: string; zh: string}}> = [
  {fe: [], label: {en: "no FE", zh: "无固定效应"}},
  {fe: ["iso3"], label: {en: "partner FE", zh: "伙伴国固定效应"}},
  {fe: ["iso3", "year"], label: {en: "partner + year FE", zh: "伙伴国+年份固定效应"}}
];

export function specCurve(frame: Frame): HTMLElement {
  const rows: Array<{rank: number; b: number; lo: number; hi: number; fe: string; spec: string; sig: boolean}> = [];
  for (const m of MEASURES)
    for (const lag of [false, true])
      for (const f of FES) {
        const term = lag ? `L.${m}` : m;
        const r = estimate(frame, {id: "iso3", time: "year", y: "lnexport_cn", x: [term], fe: f.fe, vcov: {cluster: ["iso3"]}});
        const j = r.terms.indexOf(term);
        const c = criticalValue(r.df_t);
        rows.push({rank: 0, b: r.coef[j], lo: r.coef[j] - c * r.se[j], hi: r.coef[j] + c * r.se[j], fe: pick(f.label), spec: `${term}, ${pick(f.label)}`, sig: r.pvalue[j] < 0.05});
      }
  rows.sort((a, b) => a.b - b.b).forEach((r, i) => (r.rank = i + 1));
  const neg = rows.filter((r) => r.b < 0 && r.sig).length;
  const pos = rows.filter((r) => r.b > 0 && r.sig).length;
  const root = document.createElement("div");
  root.className = "cl-forking cl-main";
  root.setAttribute("data-testid", "spec-curve");
  root.setAttribute("data-count", String(rows.length));
  const p = document.createElement("p");
  p.className = "cl-theory";
  p.textContent = pick({
    en: `${rows.length} specifications: ${neg} significantly negative, ${pos} significantly positive, ${rows.length - neg - pos} not significant at 5%.`,
    zh: `${rows.length} 个设定：${neg} 个显著为负，${pos} 个显著为正，${rows.length - neg - pos} 个在5%水平不显著。`
  });
  // Pooled intervals are very wide (the DSTRI varies little): the axis follows the estimates and clips the
  // intervals at the frame, so the within estimates near zero stay readable.
  const lo = Math.min(...rows.map((r) => r.b));
  const hi = Math.max(...rows.map((r) => r.b));
  const pad = 0.15 * (hi - lo || 1);
  const plot = Plot.plot({
    width: Math.min(760, Math.max(300, (document.querySelector("#observablehq-main") as HTMLElement | null)?.clientWidth ?? 640)),
    height: 340,
    // The x title on a row below its tick labels, not on them (tests/browser/chart-text.test.ts).
    marginBottom: 42,
    grid: true,
    x: {labelOffset: 38, label: pick({en: "specification (sorted by estimate)", zh: "设定（按估计值排序）"})},
    y: {label: pick({en: "coefficient on the DSTRI measure", zh: "DSTRI指标的系数"}), domain: [lo - pad, hi + pad]},
    color: {legend: true, domain: FES.map((f) => pick(f.label)), range: ["#b35806", "#1f6fd1", "#2e7d32"]},
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(rows, {x: "rank", y1: "lo", y2: "hi", stroke: "fe", strokeOpacity: 0.6, clip: true}),
      Plot.dot(rows, {x: "rank", y: "b", fill: "fe", r: 3.5, title: "spec"})
    ]
  });
  const alt = pick({
    en: `Specification curve: ${rows.length} estimates sorted from ${rows[0].b.toFixed(2)} to ${rows[rows.length - 1].b.toFixed(2)}, with 95% clustered intervals (cut at the frame), coloured by fixed effects.`,
    zh: `设定曲线：${rows.length} 个估计值，从 ${rows[0].b.toFixed(2)} 到 ${rows[rows.length - 1].b.toFixed(2)} 排序，附95%聚类置信区间（超出图框部分截断），颜色表示固定效应。`
  });
  plot.setAttribute("aria-label", alt);
  const fig = document.createElement("figure");
  const cap = document.createElement("figcaption");
  cap.textContent = alt;
  fig.append(plot, cap);
  root.append(p, fig);
  return root;
}
