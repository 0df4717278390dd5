/**
 * How partners' area scores changed between the first and the last DSTRI year: one panel per policy area,
 * one row per partner, an arrow from the first-year score to the last-year score (a dot when unchanged).
 * Only partners whose score moved in at least one area get a row, so the chart stays readable.
 */
import * as Plot from "@observablehq/plot";
import {countryName, pick} from "../../lib/i18n.js";
import type {PanelRow} from "../../lib/browser/panel.js";
import {AREA_DEFS} from "../../lib/mechanism/areas.js";

export interface AreaChange {
  partner: string;
  area: string;
  color: string;
  from: number;
  to: number;
}

/** First/last year scores per partner and area (partners without both years are skipped). */
export function areaChanges(rows: PanelRow[], first: number, last: number): AreaChange[] {
  const byKey = new Map(rows.map((r) => [`${r.iso3}|${r.year}`, r]));
  const partners = [...new Set(rows.map((r) => r.iso3))];
  const out: AreaChange[] = [];
  for (const iso3 of partners) {
    const a = byKey.get(`${iso3}|${first}`), b = byKey.get(`${iso3}|${last}`);
    if (!a || !b || !Number.isFinite(a.dstri) || !Number.isFinite(b.dstri)) continue;
    for (const d of AREA_DEFS) {
      const from = a[d.column] as number, to = b[d.column] as number;
      if (Number.isFinite(from) && Number.isFinite(to)) out.push({partner: countryName(a), area: pick(d.short), color: d.color, from, to});
    }
  }
  return out;
}

export function areaChange(rows: PanelRow[], {width = 900}: {width?: number} = {}): HTMLElement | SVGElement {
  const years = rows.filter((r) => Number.isFinite(r.dstri)).map((r) => r.year);
  const first = Math.min(...years), last = Math.max(...years);
  const all = areaChanges(rows, first, last);
  const moved = new Set(all.filter((c) => Math.abs(c.to - c.from) >= 0.005).map((c) => c.partner));
  const data = all.filter((c) => moved.has(c.partner));
  const totalChange = new Map<string, number>();
  for (const c of data) totalChange.set(c.partner, (totalChange.get(c.partner) ?? 0) + c.to - c.from);
  const order = [...moved].sort((a, b) => totalChange.get(b)! - totalChange.get(a)!);
  const nUnchanged = new Set(all.map((c) => c.partner)).size - moved.size;
  return Plot.plot({
    width,
    height: 110 + 16 * order.length,
    marginLeft: 140,
    marginRight: 10,
    marginBottom: 44,
    title: pick({en: `How area scores changed, ${first} → ${last}`, zh: `各领域得分的变化（${first} → ${last} 年）`}),
    subtitle: pick({
      en: `Arrow from the ${first} score to the ${last} score; a dot where it did not change (red = more restrictive, green = more open). ${order.length} partners changed in at least one area (sorted by the total change, largest rise on top); ${nUnchanged} did not change at all and are left out.`,
      zh: `箭头从 ${first} 年得分指向 ${last} 年得分；圆点表示没有变化（红色为收紧，绿色为放宽）。共有 ${order.length} 个伙伴国至少在一个领域有变化（按总变化从升幅最大到降幅最大排列）；另有 ${nUnchanged} 个完全没有变化，未列出。`
    }),
    caption: pick({en: "Source: OECD, Digital Services Trade Restrictiveness Index (CC BY 4.0).", zh: "数据来源：OECD 数字服务贸易限制指数（CC BY 4.0）。"}),
    fx: {label: null, domain: AREA_DEFS.map((d) => pick(d.short))},
    x: {label: pick({en: "Contribution to the overall index (0 = open) →", zh: "对总指数的贡献（0 = 开放）→"}), grid: true, ticks: 3},
    y: {label: null, domain: order},
    marks: [
      Plot.frame({strokeOpacity: 0.15}),
      Plot.dot(data.filter((d) => Math.abs(d.to - d.from) < 0.005), {fx: "area", x: "to", y: "partner", r: 2.5, fill: "#999999"}),
      Plot.arrow(data.filter((d) => Math.abs(d.to - d.from) >= 0.005), {
        fx: "area",
        x1: "from",
        x2: "to",
        y: "partner",
        stroke: (d: AreaChange) => (d.to > d.from ? "#c0504d" : "#3b8f5a"),
        strokeWidth: 1.6,
        headLength: 5
      }),
      Plot.tip(data, Plot.pointer({
        fx: "area",
        x: "to",
        y: "partner",
        channels: {[String(first)]: (d: AreaChange) => d.from.toFixed(3), [String(last)]: (d: AreaChange) => d.to.toFixed(3)},
        format: {x: false}
      }))
    ]
  });
}
