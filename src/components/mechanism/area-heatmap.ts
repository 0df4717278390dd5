/**
 * Heatmap of each partner's DSTRI profile in one year: rows = partners (sorted by the overall index, most
 * restrictive on top), columns = the five policy areas, colour and label = area score (0 = open).
 */
import * as Plot from "@observablehq/plot";
import {countryName, pick} from "../../lib/i18n.js";
import type {PanelRow} from "../../lib/browser/panel.js";
import {AREA_DEFS} from "../../lib/mechanism/areas.js";

/** The latest year in which at least one partner has an overall DSTRI. */
export function latestDstriYear(rows: PanelRow[]): number {
  return Math.max(...rows.filter((r) => Number.isFinite(r.dstri)).map((r) => r.year));
}

export function areaHeatmap(rows: PanelRow[], {width = 720, year}: {width?: number; year?: number} = {}): HTMLElement | SVGElement {
  const yr = year ?? latestDstriYear(rows);
  const inYear = rows.filter((r) => r.year === yr && Number.isFinite(r.dstri)).sort((a, b) => b.dstri - a.dstri);
  const cols = [...AREA_DEFS.map((a) => ({key: a.column, label: pick(a.short)})), {key: "dstri", label: pick({en: "Overall", zh: "总指数"})}];
  const cells = inYear.flatMap((r) => cols.map((c) => ({partner: countryName(r), area: c.label, overall: c.key === "dstri", value: r[c.key] as number})));
  const max = Math.max(...cells.filter((c) => !c.overall).map((c) => c.value));
  // A phone (issue 19): all six columns on screen, no sideways scrolling: slanted column heads, a narrower
  // name column (long names shortened, the full name in the tooltip title).
  const narrow = width < 560;
  const short = (s: string) => (narrow && s.length > 13 ? s.slice(0, 12) + "…" : s);
  return Plot.plot({
    width: Math.min(width, 760),
    height: (narrow ? 130 : 90) + 17 * inYear.length,
    // Room for a shortened name (12 characters and "…") at 12 px beside its tick.
    marginLeft: narrow ? 104 : 150,
    marginTop: narrow ? 80 : 40,
    title: pick({en: `Each partner's DSTRI profile, ${yr}`, zh: `${yr} 年各伙伴国的 DSTRI 构成`}),
    subtitle: pick({
      en: "Score in each policy area (0 = no measured restriction). Partners sorted by the overall index; the last column is the overall index (sum of the five).",
      zh: "各政策领域得分（0 表示没有可测的限制）。按总指数从高到低排列；最后一列为总指数（五项之和）。"
    }),
    caption: pick({en: "Source: OECD, Digital Services Trade Restrictiveness Index (CC BY 4.0).", zh: "数据来源：OECD 数字服务贸易限制指数（CC BY 4.0）。"}),
    x: {axis: "top", label: null, domain: cols.map((c) => c.label), tickRotate: narrow ? -40 : 0},
    y: {label: null, domain: inYear.map((r) => countryName(r)), tickFormat: short},
    color: {type: "linear", scheme: "Oranges", domain: [0, Math.max(0.05, max)], legend: true, label: pick({en: "Contribution to the overall index", zh: "对总指数的贡献"})},
    marks: [
      Plot.cell(cells.filter((c) => !c.overall), {x: "area", y: "partner", fill: "value", inset: 0.5}),
      Plot.cell(cells.filter((c) => c.overall), {x: "area", y: "partner", fill: "#eeeeee", inset: 0.5}),
      Plot.text(cells, {
        x: "area",
        y: "partner",
        text: (d) => (d.value === 0 ? "0" : d.value.toFixed(2)),
        fontSize: 11,
        fill: (d) => (!d.overall && d.value > max * 0.6 ? "white" : "black")
      })
    ]
  });
}
