/**
 * Data-page chart: China's exports to each partner in the latest year with data, as horizontal bars in
 * US$ billions, sorted. A bar's colour is the partner's DSTRI that year, so the reader can see that
 * the biggest markets are not the most open ones (the size effect a regression must control for).
 */
import * as Plot from "@observablehq/plot";
import type {PanelRow} from "../lib/browser/panel.js";
import {countryName} from "../lib/i18n.js";
import {DSTRI_RANGE, L, SOURCES, chartTable, labelMargin, sourceLine, usd} from "./format.js";

export function exportsByPartner(rows: PanelRow[], {width = 720, year}: {width?: number; year?: number} = {}): HTMLElement | SVGElement {
  const withExports = rows.filter((r) => r.exports_cn_usd > 0);
  if (!withExports.length) throw new Error("Exports chart: the panel has no positive exports_cn_usd values");
  const y = year ?? Math.max(...withExports.map((r) => r.year));
  const data = withExports.filter((r) => r.year === y).map((r) => ({
    country: countryName(r), bn: r.exports_cn_usd / 1e9, usd: usd(r.exports_cn_usd), dstri: Number.isFinite(r.dstri) ? r.dstri : NaN
  }));
  const total = data.reduce((s, d) => s + d.bn, 0);
  return Plot.plot({
    width,
    height: data.length * 16 + 80,
    marginLeft: labelMargin(data.map((d) => d.country)),
    marginRight: 56,
    // The top axis' title gets a row of its own above the tick labels.
    marginTop: 46,
    title: L(`China's exports to the ${data.length} DSTRI partners, ${y}`, `${y}年中国对${data.length}个DSTRI伙伴的出口`),
    subtitle: L(
      `US$ billion, free on board; together US$${total.toFixed(0)} bn. Bar colour: the partner's DSTRI in ${y}.`,
      `单位：十亿美元，离岸价；合计${total.toFixed(0)}十亿美元。条形颜色：该伙伴${y}年的DSTRI。`
    ),
    caption: sourceLine(SOURCES.exports, SOURCES.dstri),
    x: {label: L(`China's exports, ${y} (US$ billion) →`, `中国出口，${y}年（十亿美元） →`), grid: true, axis: "top", labelOffset: 38},
    y: {label: null},
    color: {type: "linear", range: DSTRI_RANGE, domain: [0, Math.max(0.3, ...data.map((d) => d.dstri).filter(Number.isFinite))], legend: true, label: L(`DSTRI ${y} (index, 0–1)`, `${y}年DSTRI（指数，0–1）`), unknown: "#bbb"},
    marks: [
      Plot.barX(data, {x: "bn", y: "country", fill: "dstri", sort: {y: "-x"}, channels: {[L("Exports", "出口额")]: "usd"}, tip: {format: {x: false, fill: ".2f"}}}),
      Plot.text(data, {x: "bn", y: "country", text: (d: {bn: number}) => d.bn.toFixed(d.bn < 10 ? 1 : 0), dx: 4, textAnchor: "start", fontSize: 11}),
      Plot.ruleX([0])
    ]
  });
}

/** The chart's numbers as a table (latest year, largest first). */
export function exportsByPartnerTable(rows: PanelRow[], {year}: {year?: number} = {}): HTMLElement {
  const withExports = rows.filter((r) => r.exports_cn_usd > 0);
  const y = year ?? Math.max(...withExports.map((r) => r.year));
  const data = withExports.filter((r) => r.year === y).sort((a, b) => b.exports_cn_usd - a.exports_cn_usd);
  return chartTable(
    L(`China's exports to each partner, ${y}`, `${y}年中国对各伙伴的出口`),
    [{label: L("Partner", "伙伴")}, {label: L("Exports (US$ billion)", "出口额（十亿美元）"), num: true}, {label: L(`DSTRI ${y}`, `${y}年DSTRI`), num: true}],
    data.map((r) => [countryName(r), (r.exports_cn_usd / 1e9).toFixed(2), Number.isFinite(r.dstri) ? r.dstri.toFixed(3) : "–"])
  );
}
