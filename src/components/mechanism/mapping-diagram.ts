/**
 * Two-column link diagram: the study's four forms of digital trade barrier (left) and the OECD DSTRI's five
 * policy areas (right). Solid links: the same kind of rule; dashed: the form falls partly in the area.
 * Hover or focus a form, an area or a link to read why they are linked (the text panel under the diagram).
 */
import {pick} from "../../lib/i18n.js";
import {AREA_DEFS} from "../../lib/mechanism/areas.js";
import {MAPPING, PAPER_FORMS, type MappingLink} from "../../lib/mechanism/mapping.js";
import {multilineText, svgEl, wrapText} from "./svg.js";

const L = {
  forms: {en: "The study's four forms (section 2)", zh: "论文归纳的四类壁垒（第2节）"},
  areas: {en: "OECD DSTRI policy areas", zh: "OECD DSTRI 政策领域"},
  main: {en: "same kind of rule", zh: "同类规则"},
  partial: {en: "partly in this area", zh: "部分属于该领域"},
  hint: {en: "Hover over or tab to a box or a link to see why they are linked.", zh: "将鼠标移到方框或连线上（或用 Tab 键选中），查看二者的对应关系。"},
  none: {en: "No form in the study corresponds to this area.", zh: "论文的四类壁垒中没有与该领域对应的内容。"}
};

export function mappingDiagram({width = 720} = {}): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "mechanism-mapping";
  // Drawn at the width it is shown down to 300 px, so that a phone's 12 px text is not scaled below 12 px.
  const w = Math.max(300, Math.min(width, 900));
  // A phone: 12 px text (the floor there) in slightly wider boxes, wrapped with a margin so no word reaches the edge.
  const narrow = w < 560;
  const boxW = Math.min(260, w * (narrow ? 0.38 : 0.36));
  // The two column heads share the top row when they fit (13 px text: a Han character about 13 px, another about
  // 7.3 px); on a phone the right one takes a row of its own, so they never overlap (tests/browser/chart-text.test.ts).
  const textW = (s: string) => [...s].reduce((a, c) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 13 : 7.3), 0);
  const stacked = textW(pick(L.forms)) + textW(pick(L.areas)) + 16 > w;
  const boxH = 46, gap = 12, top = stacked ? 52 : 34;
  const maxChars = narrow ? Math.floor((boxW - 16) / 6.7) : Math.floor(boxW / 7.2);
  const rowsR = AREA_DEFS.length;
  const h = top + rowsR * (boxH + gap);
  const yR = (i: number) => top + i * (boxH + gap) + boxH / 2;
  const offL = ((rowsR - PAPER_FORMS.length) * (boxH + gap)) / 2;
  const yL = (i: number) => offL + yR(i);
  const xL = 0, xR = w - boxW;

  const svg = svgEl("svg", {width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "group", "aria-label": `${pick(L.forms)} → ${pick(L.areas)}`});
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  svg.style.font = `${narrow ? 12 : 13}px var(--sans-serif)`;
  const head = (x: number, y: number, text: string, anchor: string) => {
    const t = svgEl("text", {x, y, "text-anchor": anchor, "font-weight": 600, fill: "currentColor"});
    t.textContent = text;
    svg.append(t);
  };
  head(xL, 14, pick(L.forms), "start");
  head(w, stacked ? 32 : 14, pick(L.areas), "end");

  const info = document.createElement("p");
  info.className = "mechanism-info";
  info.setAttribute("aria-live", "polite");
  info.textContent = pick(L.hint);
  const show = (text: string) => (info.textContent = text);

  const linkEls: Array<{m: MappingLink; path: SVGPathElement}> = [];
  const highlight = (pred: (m: MappingLink) => boolean) => {
    for (const {m, path} of linkEls) path.setAttribute("stroke-opacity", pred(m) ? "1" : "0.15");
  };
  const reset = () => {
    for (const {path} of linkEls) path.setAttribute("stroke-opacity", "0.8");
  };

  const linkLayer = svgEl("g", {fill: "none"});
  svg.append(linkLayer);
  for (const m of MAPPING) {
    const i = PAPER_FORMS.findIndex((f) => f.key === m.form);
    const j = AREA_DEFS.findIndex((a) => a.key === m.area);
    const x1 = xL + boxW, x2 = xR, y1 = yL(i), y2 = yR(j), mx = (x1 + x2) / 2;
    const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    const color = AREA_DEFS[j].color;
    const path = svgEl("path", {d, stroke: color, "stroke-width": m.strength === "main" ? 3 : 2, "stroke-opacity": 0.8});
    if (m.strength === "partial") path.setAttribute("stroke-dasharray", "6 4");
    const hit = svgEl("path", {d, stroke: "transparent", "stroke-width": 14, tabindex: 0, role: "button"});
    const text = `${pick(PAPER_FORMS[i].label)} → ${pick(AREA_DEFS[j].label)} (${pick(m.strength === "main" ? L.main : L.partial)}): ${pick(m.why)}`;
    hit.setAttribute("aria-label", text);
    const on = () => {
      highlight((n) => n === m);
      show(text);
    };
    hit.addEventListener("mouseenter", on);
    hit.addEventListener("focus", on);
    hit.addEventListener("mouseleave", reset);
    hit.addEventListener("blur", reset);
    hit.style.cursor = "pointer";
    linkLayer.append(path, hit);
    linkEls.push({m, path});
  }

  const box = (x: number, y: number, label: string, fill: string, describe: string, pred: (m: MappingLink) => boolean) => {
    const g = svgEl("g", {tabindex: 0, role: "button", "aria-label": describe});
    g.style.cursor = "pointer";
    g.append(svgEl("rect", {x, y: y - boxH / 2, width: boxW, height: boxH, rx: 6, fill, "fill-opacity": 0.14, stroke: fill}));
    g.append(multilineText(wrapText(label, maxChars), x + 10, y, 15, {fill: "currentColor"}));
    const on = () => {
      highlight(pred);
      show(describe);
    };
    g.addEventListener("mouseenter", on);
    g.addEventListener("focus", on);
    g.addEventListener("mouseleave", reset);
    g.addEventListener("blur", reset);
    svg.append(g);
  };
  PAPER_FORMS.forEach((f, i) => box(xL, yL(i), pick(f.label), "#666666", `${pick(f.label)}: ${pick(f.summary)}`, (m) => m.form === f.key));
  AREA_DEFS.forEach((a, j) => {
    const linked = MAPPING.some((m) => m.area === a.key);
    box(xR, yR(j), pick(a.label), a.color, `${pick(a.label)}: ${pick(a.description)}${linked ? "" : " " + pick(L.none)}`, (m) => m.area === a.key);
  });

  const legend = document.createElement("div");
  legend.className = "mechanism-legend";
  legend.append(legendItem("solid", pick(L.main)), legendItem("dashed", pick(L.partial)));
  figure.append(svg, legend, info);
  return figure;
}

/** A legend entry: a short line sample (solid or dashed) and its label. */
export function legendItem(kind: "solid" | "dashed", label: string, color = "currentColor"): HTMLElement {
  const span = document.createElement("span");
  const s = svgEl("svg", {width: 28, height: 10, "aria-hidden": "true"});
  s.append(svgEl("line", {x1: 0, x2: 28, y1: 5, y2: 5, stroke: color, "stroke-width": 2.5, ...(kind === "dashed" ? {"stroke-dasharray": "5 3"} : {})}));
  span.append(s, document.createTextNode(" " + label));
  return span;
}
