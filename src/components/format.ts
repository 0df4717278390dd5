/**
 * Shared formatting and caption helpers for the charts: one place for units, so every chart writes
 * US$ the same way and every figure carries its source line.
 */

import {pick} from "../lib/i18n.js";

/** Text in the page's language (English or Chinese, see src/lib/i18n.ts). */
export const L = (en: string, zh: string): string => pick({en, zh});

/** US$ with a short scale word, e.g. 1.2e9 -> "US$1.2 bn". */
export function usd(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a >= 1e12) return `US$${(v / 1e12).toFixed(2)} tn`;
  if (a >= 1e9) return `US$${(v / 1e9).toFixed(1)} bn`;
  if (a >= 1e6) return `US$${(v / 1e6).toFixed(1)} m`;
  return `US$${Math.round(v).toLocaleString("en-US")}`;
}

/** Axis tick formatter for values in US$ billions. */
export const billions = (v: number) => (v >= 1 ? v.toFixed(0) : String(+v.toPrecision(1)));

/**
 * Colour ramp for DSTRI values. It starts at a visible light orange (not white), so that a very open
 * economy still shows as a bar or a filled country and is not confused with "no data" (grey).
 */
export const DSTRI_RANGE = ["#fdd8b5", "#7f2704"];

/** Left margin that fits the longest of `labels` at Plot's default 10px font. */
export function labelMargin(labels: string[], min = 60): number {
  // CJK characters are about a full em wide; Latin ones about 0.6 em; at 12 px, the size on a phone (issue 19).
  const px = (l: string) => [...l].reduce((s, c) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 12 : 6.7), 0);
  return Math.max(min, 12 + Math.max(0, ...labels.map(px)));
}

/** Standard source lines used under charts. */
export const SOURCES = {
  get dstri() { return L("OECD, Digital Services Trade Restrictiveness Index (CC BY 4.0)", "经合组织（OECD）数字服务贸易限制指数（CC BY 4.0）"); },
  get exports() { return L("IMF, Direction of Trade Statistics: China's exports FOB by partner", "国际货币基金组织（IMF）贸易方向统计：中国对各伙伴的离岸价出口"); },
  get wdi() { return L("World Bank, World Development Indicators (CC BY 4.0)", "世界银行世界发展指标（CC BY 4.0）"); }
};

/** A caption node "Source: a; b." (text only, never HTML). */
export function sourceLine(...sources: string[]): HTMLElement {
  const p = document.createElement("span");
  p.className = "chart-source";
  p.textContent = L(`Source: ${sources.join("; ")}.`, `来源：${sources.join("；")}。`);
  return p;
}

/** Create an element with a class and text content (never innerHTML, so data can't inject markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: {className?: string; text?: string} = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/**
 * On a narrow screen, keep a dense chart (a heat map, small multiples) at a legible width `min` and let its plot
 * scroll sideways in its own box, while the title, subtitle, legend and caption stay on screen and wrap.
 * Draw the chart with `Math.max(width, min)`; the box gets keyboard focus and a "scroll" hint from a11y-boot.js.
 */
export function scrollIfNarrow<T extends Element>(chart: T, width: number, min: number): T | HTMLElement {
  if (width >= min) return chart;
  const plots = chart.tagName.toLowerCase() === "svg" ? [chart] : Array.from(chart.querySelectorAll(":scope > svg")).filter((s) => !/-ramp\b/.test(s.getAttribute("class") ?? ""));
  const main = plots.at(-1);
  if (!main) return chart;
  const box = document.createElement("div");
  box.className = "scroll-x";
  if (main === chart) {
    box.append(chart);
    return box;
  }
  main.replaceWith(box);
  box.append(main);
  return chart;
}

/**
 * "Show as table": the numbers behind a chart in a collapsed `<details>` (text alternative for screen readers
 * and for readers who want the values; opened when printing). Cells are text only.
 */
export function chartTable(caption: string, columns: Array<{label: string; num?: boolean}>, rows: Array<Array<string | number>>): HTMLElement {
  const details = el("details", {className: "chart-table"}, el("summary", {text: L("Show as table", "以表格显示")}));
  const table = el("table", {className: "sources"});
  table.append(el("caption", {className: "sr-only", text: caption}));
  table.append(el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", {className: c.num ? "num" : "", text: c.label})))));
  const body = el("tbody");
  for (const r of rows) body.append(el("tr", {}, ...r.map((v, i) => el("td", {className: columns[i]?.num ? "num" : "", text: String(v)}))));
  table.append(body);
  details.append(el("div", {className: "table-wrap scroll"}, table));
  return details;
}
