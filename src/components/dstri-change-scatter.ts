/**
 * Home-page chart: for each partner, the change in its DSTRI against the change in China's exports to it,
 * between the first and last year where both are observed (2014 and 2020 in the snapshot); the numbers come
 * from src/lib/home/changes.ts (computed at build time by src/data/home-changes.json.ts).
 * The fitted line is ordinary least squares of the log change on the DSTRI change.
 */
import * as Plot from "@observablehq/plot";
import {ols, type Changes} from "../lib/home/changes.js";
import {countryName} from "../lib/i18n.js";
import {L, SOURCES, chartTable, sourceLine} from "./format.js";

/** Points with the partner's name in the page's language. */
function named({points, from, to}: Changes) {
  return {points: points.map((p) => ({...p, country: countryName(p)})), from, to};
}

export function dstriChangeScatter(data: Changes, {width = 720} = {}): HTMLElement | SVGElement {
  const {points, from, to} = named(data);
  if (points.length < 3) throw new Error(`DSTRI change chart: only ${points.length} partners have data in both ${from} and ${to}`);
  const fit = ols(points.map((p) => p.dDstri), points.map((p) => p.dLnExport));
  const xs = points.map((p) => p.dDstri);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  // Percentage change in exports for a DSTRI 0.1 higher, from the log-point slope.
  const per01 = (Math.exp(fit.slope * 0.1) - 1) * 100;
  const pct = (v: number) => `${v >= 0 ? "+" : ""}${Math.round((Math.exp(v) - 1) * 100)}%`;
  // Label the partners that moved most on either axis, so the eye has anchors without clutter.
  const labelled = new Set(
    [...points].sort((a, b) => Math.abs(b.dDstri) - Math.abs(a.dDstri)).slice(0, 6)
      .concat([...points].sort((a, b) => Math.abs(b.dLnExport) - Math.abs(a.dLnExport)).slice(0, 3))
      .map((p) => p.iso3)
  );
  return Plot.plot({
    width,
    height: Math.min(480, Math.max(340, width * 0.55)),
    marginLeft: 56,
    // Room above the highest tick for the y-axis title and the top point's name (issue 19: they sat on "+100%").
    marginTop: 34,
    marginRight: 24,
    // The x-axis title gets a row of its own under the tick labels.
    marginBottom: 46,
    // The headline follows the data, so a refreshed panel cannot leave a stale claim on the page.
    title: Math.abs(per01) < 5
      ? L("Partners that changed their digital barriers saw no clear change in exports from China", "数字壁垒有升有降，中国对其出口并未随之明显变化")
      : per01 < 0
        ? L("Partners that raised their digital barriers bought less from China", "提高数字壁垒的伙伴从中国进口更少")
        : L("Partners that raised their digital barriers still bought more from China", "提高数字壁垒的伙伴从中国进口反而更多"),
    subtitle: L(
      `Change ${from}–${to} in each partner's DSTRI (x) and in China's exports to it (y). ` +
        `Fitted line: a DSTRI 0.1 higher goes with ${per01 >= 0 ? "+" : ""}${per01.toFixed(1)}% exports (${points.length} partners, no controls).`,
      `${from}–${to}年各伙伴DSTRI的变化（横轴）与中国对其出口的变化（纵轴）。` +
        `拟合线：DSTRI每高0.1，出口变化${per01 >= 0 ? "+" : ""}${per01.toFixed(1)}%（${points.length}个伙伴，未加控制变量）。`
    ),
    caption: sourceLine(SOURCES.dstri, SOURCES.exports),
    // On a phone (12 px text) the axis titles are shorter, so that they fit the chart's width; the subtitle says the rest.
    x: {label: width < 560 ? L(`Change in DSTRI, ${from}–${to} →`, `DSTRI变化，${from}–${to}年 →`) : L(`Change in DSTRI, ${from}–${to} (index points, 0–1 scale) →`, `DSTRI变化，${from}–${to}年（指数点，0–1） →`), grid: true, tickFormat: "+.2f",
      // Inset: no dot on the frame; a phone gets fewer ticks so that neighbouring labels never touch.
      inset: 14, ticks: width < 560 ? 4 : undefined, labelOffset: 40},
    y: {label: width < 560 ? L("↑ Change in China's exports (%)", "↑ 中国出口变化（%）") : L(`↑ Change in China's exports, ${from}–${to} (log scale, %)`, `↑ 中国出口变化，${from}–${to}年（对数刻度，%）`), grid: true, tickFormat: pct,
      // Ticks at round percentages (the axis is in log points, so they are unevenly spaced, as on a log scale).
      ticks: [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 1, 2].map((p) => Math.log(1 + p)), inset: 14},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.35}),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.35}),
      Plot.line([x0, x1], {x: (d: number) => d, y: (d: number) => fit.intercept + fit.slope * d, stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.dot(points, {x: "dDstri", y: "dLnExport", r: 4.5, fill: "var(--theme-foreground-focus)", fillOpacity: 0.55, stroke: "white", strokeWidth: 0.8,
        channels: {[L("Partner", "伙伴")]: "country"}, tip: {format: {x: "+.2f", y: (v: number) => pct(v)}}}),
      Plot.text(points.filter((p) => labelled.has(p.iso3)), {x: "dDstri", y: "dLnExport", text: "country", dy: -9, fontSize: 11, stroke: "var(--theme-background)", strokeWidth: 3, fill: "currentColor"})
    ]
  });
}

/** The chart's points as a table (largest change in the DSTRI first). */
export function dstriChangeTable(data: Changes): HTMLElement {
  const {points, from, to} = named(data);
  const sorted = [...points].sort((a, b) => b.dDstri - a.dDstri);
  return chartTable(
    L(`Change ${from}–${to} in each partner's DSTRI and in China's exports to it`, `${from}–${to}年各伙伴DSTRI与中国对其出口的变化`),
    [{label: L("Partner", "伙伴")}, {label: L("Change in DSTRI", "DSTRI变化"), num: true}, {label: L("Change in China's exports", "中国出口变化"), num: true}],
    sorted.map((p) => [p.country, (p.dDstri >= 0 ? "+" : "") + p.dDstri.toFixed(3), `${p.dLnExport >= 0 ? "+" : ""}${Math.round((Math.exp(p.dLnExport) - 1) * 100)}%`])
  );
}
