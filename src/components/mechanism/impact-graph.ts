/**
 * The impact mechanism as an interactive three-column diagram: DSTRI policy areas -> direct impacts ->
 * long-term impacts (data: src/lib/mechanism/graph.ts). Argued-only edges are grey and dashed; edges tested on
 * this site are solid and blue, run through a lane above the middle column (the regression links the area score
 * to exports directly and says nothing about the channel), and carry the estimate when one is given.
 * Click, hover or tab to a node or an edge: its explanation and evidence appear in the panel below.
 */
import {pick, withLang} from "../../lib/i18n.js";
import {EDGES, LAYER_LABELS, NODES, type GraphEdge, type GraphNode, type Layer} from "../../lib/mechanism/graph.js";
import {multilineText, svgEl, wrapText} from "./svg.js";
import {legendItem} from "./mapping-diagram.js";

/** Per-column estimate shown on tested edges: β with its 95% interval. */
/** Per area: β with its 95% interval and, when known, the partners whose area moves (they alone identify β). */
export type EdgeEstimates = Map<string, {beta: number; lo: number; hi: number; changers?: number; partners?: number}>;

const TESTED = "#1f6fd1";
const ARGUED = "#8a8a8a";
const L = {
  tested: {en: "tested on this site", zh: "本站已检验"},
  argued: {en: "argued in the paper, not tested", zh: "论文论述，未经检验"},
  lane: {en: "tested: area score → exports (channel not identified)", zh: "已检验：领域得分 → 出口（渠道未识别）"},
  hint: {
    en: "Click, hover or tab to a box or an arrow to read its explanation and evidence.",
    zh: "点击、悬停或用 Tab 键选中方框或箭头，查看说明和证据。"
  },
  section: {en: "Study, section", zh: "论文第"},
  sectionEnd: {en: "", zh: "节"},
  evidence: {en: "Evidence", zh: "证据"},
  estimate: {en: "Estimate", zh: "估计值"},
  ci: {en: "95% CI", zh: "95%置信区间"},
  edgesOut: {en: "Links", zh: "关联"}
};

export function impactGraph({width = 900, estimates}: {width?: number; estimates?: EdgeEstimates} = {}): HTMLElement {
  const root = document.createElement("figure");
  root.className = "mechanism-graph";
  // On a phone the diagram is drawn at the width it is shown (no scaling down): narrower columns, 11 px text
  // wrapped on more lines, and boxes as tall as their text, so nothing shrinks below 11 px or overlaps.
  const narrow = width < 560;
  const w = narrow ? Math.max(300, width) : Math.max(560, Math.min(width, 1100));
  // 12 px on a phone (issue 19: chart text at least 12 px there), with line height and wrapping to match.
  const fontPx = narrow ? 12 : 13, lineH = narrow ? 14 : 15, charW = narrow ? 6.7 : 7;
  const colW = narrow ? (w - 36) / 3 : Math.min(210, (w - 120) / 3);
  // On a phone the lane's label gets a line of its own between the headings and the boxes.
  const gap = narrow ? 10 : 14, top = narrow ? 62 : 28, lane = narrow ? 30 : 40;
  const maxChars = Math.floor((colW - (narrow ? 10 : 16)) / charW);
  const linesOf = new Map(NODES.map((n) => [n.id, wrapText(pick(n.label), maxChars)]));
  const boxHOf = (n: GraphNode) => Math.max(narrow ? 40 : 48, linesOf.get(n.id)!.length * lineH + 14);
  const xs: Record<Layer, number> = {barrier: 0, direct: (w - colW) / 2, longterm: w - colW};
  const byLayer = (l: Layer) => NODES.filter((n) => n.layer === l);
  const colH = (nodes: GraphNode[]) => nodes.reduce((s, n) => s + boxHOf(n), 0) + (nodes.length - 1) * gap;
  const maxH = Math.max(colH(byLayer("barrier")), colH(byLayer("direct")) + lane, colH(byLayer("longterm")));
  const h = top + maxH + 10;
  const pos = new Map<string, {x: number; y: number; node: GraphNode}>();
  (["barrier", "direct", "longterm"] as Layer[]).forEach((layer) => {
    const nodes = byLayer(layer);
    let y = layer === "direct" ? top + lane + (maxH - lane - colH(nodes)) / 2 : top + (maxH - colH(nodes)) / 2;
    nodes.forEach((node) => {
      pos.set(node.id, {x: xs[layer], y: y + boxHOf(node) / 2, node});
      y += boxHOf(node) + gap;
    });
  });

  const svg = svgEl("svg", {width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "group", "aria-label": pick({en: "Impact mechanism diagram", zh: "影响机制图"})});
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  svg.style.font = `${fontPx}px var(--sans-serif)`;
  const defs = svgEl("defs");
  for (const [id, color] of [["arrow-tested", TESTED], ["arrow-argued", ARGUED]]) {
    const marker = svgEl("marker", {id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"});
    marker.append(svgEl("path", {d: "M0,0 L10,5 L0,10 z", fill: color}));
    defs.append(marker);
  }
  svg.append(defs);
  for (const layer of ["barrier", "direct", "longterm"] as Layer[]) {
    const words = pick(LAYER_LABELS[layer]);
    // Column headings wrap on a phone rather than run into each other.
    const t = narrow
      // Bold glyphs are about 1 px wider than the boxes' regular ones (charW): wrapped for that, so a heading centred
      // on its column never runs past the diagram's edge.
      ? multilineText(wrapText(words, Math.floor(colW / (charW + 1))), xs[layer] + colW / 2, 14, lineH, {"text-anchor": "middle", "font-weight": 600, fill: "currentColor"})
      : svgEl("text", {x: xs[layer] + colW / 2, y: 12, "text-anchor": "middle", "font-weight": 600, fill: "currentColor"});
    if (narrow) t.querySelectorAll("tspan").forEach((sp) => sp.setAttribute("x", String(xs[layer] + colW / 2)));
    else t.textContent = words;
    svg.append(t);
  }
  const laneY = top + 10;
  const laneText = svgEl("text", {x: w / 2, y: narrow ? top - 8 : laneY - 2, "text-anchor": "middle", fill: TESTED, "font-size": 11});
  laneText.textContent = pick(L.lane);

  const panel = document.createElement("div");
  panel.className = "mechanism-panel";
  panel.setAttribute("aria-live", "polite");
  const hint = document.createElement("p");
  hint.className = "muted";
  hint.textContent = pick(L.hint);
  panel.append(hint);

  const edgeEls: Array<{e: GraphEdge; path: SVGPathElement}> = [];
  const nodeEls = new Map<string, SVGGElement>();
  let selected: string | null = null;
  const emphasise = (edgePred: (e: GraphEdge) => boolean, nodeIds: Set<string>) => {
    for (const {e, path} of edgeEls) path.setAttribute("opacity", edgePred(e) ? "1" : "0.12");
    for (const [id, g] of nodeEls) g.setAttribute("opacity", nodeIds.has(id) ? "1" : "0.35");
  };
  const clear = () => {
    for (const {path} of edgeEls) path.setAttribute("opacity", "1");
    for (const g of nodeEls.values()) g.setAttribute("opacity", "1");
  };

  const edgeLayer = svgEl("g", {fill: "none"});
  svg.append(edgeLayer, laneText);
  for (const e of EDGES) {
    const a = pos.get(e.from)!, b = pos.get(e.to)!;
    const x1 = a.x + colW, y1 = a.y, x2 = b.x - 2, y2 = b.y;
    const tested = e.evidence.status === "tested";
    let d: string;
    if (tested) {
      const m1 = xs.direct, m2 = xs.direct + colW;
      d = `M${x1},${y1} C${(x1 + m1) / 2},${y1} ${(x1 + m1) / 2},${laneY} ${m1},${laneY} L${m2},${laneY} C${(m2 + x2) / 2},${laneY} ${(m2 + x2) / 2},${y2} ${x2},${y2}`;
    } else {
      const mx = (x1 + x2) / 2;
      d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    }
    const path = svgEl("path", {
      d,
      stroke: tested ? TESTED : ARGUED,
      "stroke-width": tested ? 2.2 : 1.6,
      "marker-end": `url(#arrow-${tested ? "tested" : "argued"})`
    });
    if (!tested) path.setAttribute("stroke-dasharray", "5 4");
    const hit = svgEl("path", {d, stroke: "transparent", "stroke-width": 12, tabindex: 0, role: "button"});
    hit.setAttribute("aria-label", `${pick(a.node.label)} → ${pick(b.node.label)}`);
    hit.setAttribute("data-edge", `${e.from}->${e.to}`);
    hit.style.cursor = "pointer";
    const on = () => {
      emphasise((x) => x === e, new Set([e.from, e.to]));
      showEdge(e);
    };
    hit.addEventListener("mouseenter", on);
    hit.addEventListener("focus", on);
    hit.addEventListener("click", () => {
      selected = `${e.from}->${e.to}`;
      on();
    });
    hit.addEventListener("mouseleave", restore);
    edgeLayer.append(path, hit);
    edgeEls.push({e, path});
  }

  for (const [id, {x, y, node}] of pos) {
    const g = svgEl("g", {tabindex: 0, role: "button", "data-node": id});
    g.setAttribute("aria-label", pick(node.label));
    g.style.cursor = "pointer";
    const color = node.layer === "barrier" ? "#3b6fb6" : node.layer === "direct" ? "#b07b1e" : "#6a4fa3";
    const boxH = boxHOf(node);
    g.append(svgEl("rect", {x, y: y - boxH / 2, width: colW, height: boxH, rx: 7, fill: color, "fill-opacity": 0.1, stroke: color}));
    g.append(multilineText(linesOf.get(node.id)!, x + (narrow ? 5 : 8), y, lineH, {fill: "currentColor"}));
    const on = () => {
      const ids = new Set([id]);
      for (const e of EDGES) if (e.from === id || e.to === id) ids.add(e.from).add(e.to);
      emphasise((e) => e.from === id || e.to === id, ids);
      showNode(node);
    };
    g.addEventListener("mouseenter", on);
    g.addEventListener("focus", on);
    g.addEventListener("click", () => {
      selected = id;
      on();
    });
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        selected = id;
        on();
      }
    });
    g.addEventListener("mouseleave", restore);
    nodeEls.set(id, g);
    svg.append(g);
  }

  function restore() {
    if (selected === null) {
      clear();
      return;
    }
    const e = EDGES.find((x) => `${x.from}->${x.to}` === selected);
    if (e) {
      emphasise((x) => x === e, new Set([e.from, e.to]));
      showEdge(e);
    } else {
      const node = pos.get(selected)!.node;
      const ids = new Set([selected]);
      for (const x of EDGES) if (x.from === selected || x.to === selected) ids.add(x.from).add(x.to);
      emphasise((x) => x.from === selected || x.to === selected, ids);
      showNode(node);
    }
  }

  function showNode(node: GraphNode) {
    panel.replaceChildren();
    const h = document.createElement("h4");
    h.textContent = pick(node.label);
    const p = document.createElement("p");
    p.textContent = pick(node.explain);
    panel.append(h, p);
    const links = EDGES.filter((e) => e.from === node.id || e.to === node.id);
    if (links.length) {
      const ul = document.createElement("ul");
      for (const e of links) ul.append(edgeItem(e));
      const sub = document.createElement("p");
      sub.className = "muted";
      sub.textContent = pick(L.edgesOut);
      panel.append(sub, ul);
    }
  }

  function showEdge(e: GraphEdge) {
    panel.replaceChildren();
    const h = document.createElement("h4");
    h.textContent = `${pick(pos.get(e.from)!.node.label)} → ${pick(pos.get(e.to)!.node.label)}`;
    const p = document.createElement("p");
    p.textContent = pick(e.explain);
    panel.append(h, p, evidenceLine(e));
  }

  function edgeItem(e: GraphEdge): HTMLElement {
    const li = document.createElement("li");
    li.append(`${pick(pos.get(e.from)!.node.label)} → ${pick(pos.get(e.to)!.node.label)}: `, evidenceLine(e, "span"));
    return li;
  }

  function evidenceLine(e: GraphEdge, tag: "p" | "span" = "p"): HTMLElement {
    const p = document.createElement(tag);
    const badge = document.createElement("span");
    badge.className = `evidence-badge ${e.evidence.status}`;
    badge.textContent = pick(e.evidence.status === "tested" ? L.tested : L.argued);
    p.append(badge, " ");
    if (e.evidence.status === "tested") {
      const a = document.createElement("a");
      a.href = e.evidence.href.startsWith("#") ? e.evidence.href : withLang(e.evidence.href);
      a.textContent = pick(e.evidence.label);
      p.append(a);
      const est = estimates?.get(e.evidence.column);
      if (est) {
        // Per 0.02 step of the area (one step of the published index; issue 24), and the partners identifying it.
        const step = (b: number) => `${b >= 0 ? "+" : "−"}${Math.abs(100 * Math.expm1(0.02 * b)).toFixed(1)}%`;
        const who = est.changers === undefined ? "" : pick({en: `; identified by ${est.changers}${est.partners ? ` of ${est.partners}` : ""} partners`, zh: `；由${est.partners ? ` ${est.partners} 个中的` : ""} ${est.changers} 个伙伴国识别`});
        p.append(`; ${pick(L.estimate)} ${pick({en: "per 0.02 step", zh: "每 0.02 一步"})} ${step(est.beta)} (${pick(L.ci)} ${step(est.lo)} … ${step(est.hi)})${who}`);
      }
    } else {
      p.append(`${pick(L.section)} ${e.evidence.section}${pick(L.sectionEnd)}`);
    }
    return p;
  }

  const legend = document.createElement("div");
  legend.className = "mechanism-legend";
  legend.append(legendItem("solid", pick(L.tested), TESTED), legendItem("dashed", pick(L.argued), ARGUED));
  root.append(legend, svg, panel);
  return root;
}
