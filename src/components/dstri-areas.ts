/**
 * Data-page chart: one partner's DSTRI over time, split into its five policy areas. The OECD builds the
 * overall index as the sum of the area scores, so the areas are stacked and the overall value is drawn
 * on top as a line (small gaps between the two come from rounding to two decimals).
 */
import * as Plot from "@observablehq/plot";
import type {PanelRow} from "../lib/browser/panel.js";
import {countryName} from "../lib/i18n.js";
import {L, SOURCES, sourceLine} from "./format.js";

export const AREAS = [
  {key: "dstri_infra", en: "Infrastructure and connectivity", zh: "基础设施与连通性"},
  {key: "dstri_etrans", en: "Electronic transactions", zh: "电子交易"},
  {key: "dstri_payment", en: "Payment systems", zh: "支付系统"},
  {key: "dstri_ipr", en: "Intellectual property rights", zh: "知识产权"},
  {key: "dstri_other", en: "Other barriers", zh: "其他壁垒"}
] as const;

const COLORS = ["#3b6fb6", "#e8a33d", "#5aa469", "#c0504d", "#8c7ab8"];

export function dstriAreas(rows: PanelRow[], iso3: string, {width = 720} = {}): HTMLElement | SVGElement {
  const series = rows.filter((r) => r.iso3 === iso3 && Number.isFinite(r.dstri)).sort((a, b) => a.year - b.year);
  if (!series.length) throw new Error(`DSTRI chart: no DSTRI values for partner "${iso3}"`);
  const labels = AREAS.map((a) => L(a.en, a.zh));
  const long = series.flatMap((r) =>
    AREAS.map((a, i) => ({year: r.year, area: labels[i], value: Number.isFinite(r[a.key]) ? r[a.key] : 0}))
  );
  const name = countryName(series[0]);
  const first = series[0], last = series.at(-1)!;
  const yMax = Math.max(0.1, ...rows.filter((r) => Number.isFinite(r.dstri)).map((r) => r.dstri));
  return Plot.plot({
    width,
    height: 320,
    marginLeft: 48,
    // Room for the y axis' title above its top tick label (tests/browser/chart-text.test.ts).
    marginTop: 30,
    title: L(`${name}: digital services trade restrictiveness by policy area`, `${name}：各政策领域的数字服务贸易限制`),
    subtitle: L(
      `Overall DSTRI ${first.dstri.toFixed(2)} in ${first.year}, ${last.dstri.toFixed(2)} in ${last.year} (0 = open, 1 = closed). ` +
        `The y axis is fixed at the highest value among all partners, so countries can be compared.`,
      `总体DSTRI：${first.year}年${first.dstri.toFixed(2)}，${last.year}年${last.dstri.toFixed(2)}（0 = 开放，1 = 封闭）。纵轴上限固定为所有伙伴中的最高值，便于国家间比较。`
    ),
    caption: sourceLine(SOURCES.dstri),
    x: {label: null, tickFormat: "d", ticks: series.length > 8 ? 6 : series.length},
    y: {label: L("↑ DSTRI (index, 0–1)", "↑ DSTRI（指数，0–1）"), domain: [0, Math.ceil(yMax * 20) / 20], grid: true},
    color: {domain: labels, range: COLORS, legend: true},
    marks: [
      Plot.areaY(long, {x: "year", y: "value", fill: "area", order: labels, curve: "step-after", fillOpacity: 0.85, tip: true}),
      Plot.line(series, {x: "year", y: "dstri", curve: "step-after", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.ruleY([0])
    ]
  });
}
