/**
 * Data-page chart: which partner-years the panel covers. One cell per country and year, coloured by
 * which of the two key series (DSTRI and China's exports) is present; the controls (GDP, population,
 * government consumption, urbanisation) are counted in the tooltip.
 */
import * as Plot from "@observablehq/plot";
import type {PanelRow} from "../lib/browser/panel.js";
import {countryName} from "../lib/i18n.js";
import {L, SOURCES, labelMargin, sourceLine} from "./format.js";

const STATUS_EN = ["DSTRI and exports", "Exports only", "DSTRI only", "Neither"];
const STATUS_ZH = ["DSTRI与出口均有", "仅有出口", "仅有DSTRI", "均无"];
const COLORS = ["#3b6fb6", "#9ec0e6", "#e8a33d", "#e6e6e6"];
const CONTROLS = ["lngdp", "lnpopu", "lngov", "urban"] as const;

export function coverageGrid(rows: PanelRow[], {width = 900} = {}): HTMLElement | SVGElement {
  const STATUS = STATUS_EN.map((en, i) => L(en, STATUS_ZH[i]));
  const cells = rows.map((r) => {
    const d = Number.isFinite(r.dstri), e = Number.isFinite(r.exports_cn_usd);
    return {
      country: countryName(r),
      year: r.year,
      status: d && e ? STATUS[0] : e ? STATUS[1] : d ? STATUS[2] : STATUS[3],
      controls: L(`${CONTROLS.filter((c) => Number.isFinite(r[c] as number)).length} of ${CONTROLS.length}`, `${CONTROLS.filter((c) => Number.isFinite(r[c] as number)).length}/${CONTROLS.length}`)
    };
  });
  const countries = [...new Set(cells.map((c) => c.country))].sort((a, b) => a.localeCompare(b, L("en", "zh")));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const both = cells.filter((c) => c.status === STATUS[0]).length;
  return Plot.plot({
    width: Math.min(width, 900),
    height: countries.length * 15 + 70,
    marginLeft: labelMargin(countries),
    padding: 0.08,
    title: L("Coverage of the panel", "面板数据覆盖情况"),
    subtitle: L(
      `${countries.length} partners × ${years.length} years (${years[0]}–${years.at(-1)}); ${both} partner-years have both the DSTRI and China's exports.`,
      `${countries.length}个伙伴 × ${years.length}年（${years[0]}–${years.at(-1)}）；其中${both}个伙伴-年份同时有DSTRI和中国出口数据。`
    ),
    caption: sourceLine(SOURCES.dstri, SOURCES.exports, SOURCES.wdi),
    // On a phone, label every fourth year (every eighth below 420 px) so the year labels do not run into each other.
    // No axis title: the ticks are years, and a title would sit on them (the subtitle names the years).
    x: {label: null, tickFormat: "d", axis: "top", type: "band", ticks: width < 600 ? years.filter((_, i) => i % (width < 420 ? 8 : 4) === 0) : years},
    y: {label: null, domain: countries},
    color: {domain: STATUS, range: COLORS, legend: true},
    marks: [
      Plot.cell(cells, {x: "year", y: "country", fill: "status", inset: 0.5,
        channels: {[L("Country", "国家")]: "country", [L("Controls", "控制变量")]: "controls"}, tip: {format: {x: "d", fill: true}}})
    ]
  });
}
