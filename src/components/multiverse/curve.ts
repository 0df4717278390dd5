/**
 * The specification curve and its dashboard of choices, as one SVG (so it downloads and prints as drawn).
 *
 * Top: the key coefficient of every kept specification, sorted (by estimate, or by one choice then by
 * estimate), with its 95% interval, coloured by sign and significance. With more specifications than pixel
 * columns, neighbouring ranks share a column ("bin"): the column draws the range of its estimates and the
 * median of its intervals, coloured by the majority class; with few specifications each one is a point with
 * its interval. The study's printed baseline is a labelled dashed line; our baseline specification is marked.
 * Bottom: one row per option (and one per control: "in"), aligned with the curve; a cell's shade is the share
 * of the column's specifications that made that choice.
 *
 * `onSelect(rank)` is called on click or arrow keys; `select(rank)` moves the marker.
 */
import {pick} from "../../lib/i18n.js";

export interface CurveInput {
  /** Kept, estimated specifications in display order. */
  order: Int32Array;
  coef: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  sig: Uint8Array;
  /** Dashboard rows: label, whether the row is a header, and per specification 1 if it has the option. */
  rows: Array<{label: string; header?: boolean; has?: (spec: number) => boolean}>;
  baselineRank: number | null;
  printed: {value: number; label: string; short?: string} | null;
  keyLabel: string;
}

/** At most this many specifications in view: one mark each (issue #21). */
export const PER_SPEC = 2000;

export const COLORS = {sigNeg: "#b2182b", neg: "#e08865", pos: "#6aa6cc", sigPos: "#1c5a99"};
const SVGNS = "http://www.w3.org/2000/svg";

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** 0 = significant negative, 1 = negative, 2 = positive, 3 = significant positive. */
export const classOf = (coef: number, sig: number) => (coef < 0 ? (sig ? 0 : 1) : sig ? 3 : 2);
const CLASS_COLOR = [COLORS.sigNeg, COLORS.neg, COLORS.pos, COLORS.sigPos];

export interface CurveOptions {
  /** Width of the box in CSS px: below 600 the curve is laid out for a phone (short labels, all text >= 11 px). */
  width?: number;
  /** Called with the rank under the pointer or the keyboard focus (null when the pointer leaves). */
  onHover?: (rank: number | null) => void;
  /** Brushing: called with the ranks [from, to) of a dragged range of the curve. */
  onZoom?: (from: number, to: number) => void;
}

export function specCurve(input: CurveInput, onSelect: (rank: number) => void, opts: CurveOptions = {}): {node: SVGSVGElement; select: (rank: number | null) => void} {
  const N = input.order.length;
  const narrow = (opts.width ?? 1000) < 600;
  // Drawn at the box's own width on a phone, so that the SVG is not scaled down: its text is 12 px there (issue 19),
  // with rows and the label column sized for it.
  const FONT = narrow ? 12 : 11;
  const LEFT = narrow ? 140 : 235;
  const PW = narrow ? Math.max(160, Math.floor(opts.width!) - LEFT - 8) : 720;
  const W = LEFT + PW + (narrow ? 8 : 20);
  const maxLabel = narrow ? 17 : 40;
  const CH = 230;
  const ROW = narrow ? 15 : 13;
  const TOP = 24;
  // Two rows of text under the curve (our baseline's marker, the axis title), each a line of its own.
  const dashTop = TOP + CH + FONT + 21;
  const H = dashTop + input.rows.length * ROW + 8;
  // Up to PER_SPEC specifications in view, every one gets its own mark in the curve and the dashboard (its choices
  // can be read off); beyond that, neighbouring ranks share a column. Brushing the curve zooms into a range.
  const bins = N <= PER_SPEC ? N : Math.min(N, PW / 2);
  const binOf = (rank: number) => Math.min(bins - 1, Math.floor((rank * bins) / N));
  const x0 = (b: number) => LEFT + (b * PW) / bins;
  const bw = PW / bins;

  // Robust y range: 1st-99th percentile of the interval ends (a few huge GMM intervals would flatten the rest).
  const los: number[] = [];
  const his: number[] = [];
  for (let r = 0; r < N; r++) {
    const i = input.order[r];
    los.push(input.lo[i]);
    his.push(input.hi[i]);
  }
  los.sort((a, b) => a - b);
  his.sort((a, b) => a - b);
  let ymin = Math.min(los[Math.floor(0.01 * (N - 1))] ?? -1, 0, input.printed?.value ?? 0);
  let ymax = Math.max(his[Math.ceil(0.99 * (N - 1))] ?? 1, 0, input.printed?.value ?? 0);
  const pad = 0.05 * (ymax - ymin || 1);
  ymin -= pad;
  ymax += pad;
  const y = (v: number) => TOP + CH - ((Math.min(Math.max(v, ymin), ymax) - ymin) / (ymax - ymin)) * CH;

  const svg = s("svg", {viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", tabindex: 0, class: "mv-curve", "font-family": "system-ui, sans-serif", "font-size": FONT});
  svg.append(s("title", {}, pick({en: `Specification curve of ${N.toLocaleString("en")} estimates of the ${input.keyLabel} coefficient, with the dashboard of choices`, zh: `${input.keyLabel}系数的${N}个估计值构成的设定曲线及设定选择面板`})));
  svg.append(s("rect", {x: 0, y: 0, width: W, height: H, fill: "white"}));

  // Axes: ticks, zero line.
  const ticks = niceTicks(ymin, ymax, 5);
  for (const t of ticks) {
    svg.append(s("line", {x1: LEFT, x2: LEFT + PW, y1: y(t), y2: y(t), stroke: t === 0 ? "#444" : "#e3e3e3", "stroke-width": t === 0 ? 1 : 0.6}));
    svg.append(s("text", {x: LEFT - 6, y: y(t) + 3.5, "text-anchor": "end", fill: "#333"}, String(+t.toPrecision(3))));
  }
  svg.append(s("text", {x: narrow ? 4 : LEFT, y: 14, fill: "#222", "font-weight": 600}, narrow ? pick({en: "Estimate, 95% interval", zh: "估计值及95%置信区间"}) : pick({en: `Coefficient of ${input.keyLabel} with 95% interval`, zh: `${input.keyLabel}系数及95%置信区间`})));

  // Bins.
  const g = s("g", {class: "mv-bins"});
  for (let b = 0; b < bins; b++) {
    const r0 = Math.floor((b * N) / bins);
    const r1 = Math.max(r0 + 1, Math.floor(((b + 1) * N) / bins));
    let cmin = Infinity, cmax = -Infinity;
    const count = [0, 0, 0, 0];
    const l: number[] = [];
    const h: number[] = [];
    for (let r = r0; r < r1; r++) {
      const i = input.order[r];
      const c = input.coef[i];
      if (c < cmin) cmin = c;
      if (c > cmax) cmax = c;
      count[classOf(c, input.sig[i])]++;
      l.push(input.lo[i]);
      h.push(input.hi[i]);
    }
    l.sort((a, b2) => a - b2);
    h.sort((a, b2) => a - b2);
    const cls = count.indexOf(Math.max(...count));
    const color = CLASS_COLOR[cls];
    const xm = x0(b) + bw / 2;
    g.append(s("line", {x1: xm, x2: xm, y1: y(l[l.length >> 1]), y2: y(h[h.length >> 1]), stroke: color, "stroke-opacity": 0.35, "stroke-width": Math.max(1, bw * 0.8)}));
    const yTop = y(cmax);
    const yBot = y(cmin);
    g.append(s("rect", {x: x0(b), y: yTop - 1, width: Math.max(1, bw), height: Math.max(2, yBot - yTop + 2), fill: color}));
  }
  svg.append(g);

  // The study's printed coefficient.
  if (input.printed) {
    const yp = y(input.printed.value);
    svg.append(s("line", {x1: LEFT, x2: LEFT + PW, y1: yp, y2: yp, stroke: "#6a3d9a", "stroke-dasharray": "5 3", "stroke-width": 1.2}));
    svg.append(s("text", {x: LEFT + PW - 4, y: yp - 4, "text-anchor": "end", fill: "#6a3d9a", class: "mv-reference"}, narrow ? input.printed.short ?? input.printed.label : input.printed.label));
    svg.querySelector(".mv-reference")!.setAttribute("data-value", String(input.printed.value));
  }
  if (input.baselineRank !== null) {
    const xb = x0(binOf(input.baselineRank)) + bw / 2;
    svg.append(s("path", {d: `M${xb},${TOP + CH + 2} l-5,9 h10 z`, fill: "#6a3d9a"}));
    svg.append(s("text", {x: Math.min(xb + 7, LEFT + PW - 60), y: TOP + CH + 11, fill: "#6a3d9a"}, pick({en: "our baseline", zh: "本站基准"})));
  }
  svg.append(s("text", {x: LEFT + PW / 2, y: TOP + CH + FONT + 16, "text-anchor": "middle", fill: "#333"}, pick({en: `specifications, sorted (${N.toLocaleString("en")})`, zh: `设定（已排序，共${N}个）`})));

  // Dashboard.
  const dash = s("g", {});
  input.rows.forEach((row, k) => {
    const yr = dashTop + k * ROW;
    const text = truncate(row.label, maxLabel);
    const label = s("text", {x: LEFT - 6, y: yr + ROW - 2, "text-anchor": "end", fill: row.header ? "#000" : "#333", "font-weight": row.header ? 700 : 400, "font-size": FONT}, text);
    if (text !== row.label) label.append(s("title", {}, row.label));
    dash.append(label);
    if (row.header || !row.has) {
      dash.append(s("line", {x1: 8, x2: LEFT + PW, y1: yr + 1, y2: yr + 1, stroke: "#ccc", "stroke-width": 0.6}));
      return;
    }
    dash.append(s("rect", {x: LEFT, y: yr + 1, width: PW, height: ROW - 2, fill: "#f4f4f4"}));
    for (let b = 0; b < bins; b++) {
      const r0 = Math.floor((b * N) / bins);
      const r1 = Math.max(r0 + 1, Math.floor(((b + 1) * N) / bins));
      let n = 0;
      for (let r = r0; r < r1; r++) if (row.has(input.order[r])) n++;
      if (n === 0) continue;
      dash.append(s("rect", {x: x0(b), y: yr + 1, width: Math.max(1, bw), height: ROW - 2, fill: "#1f3b63", "fill-opacity": (0.15 + (0.85 * n) / (r1 - r0)).toFixed(2)}));
    }
  });
  svg.append(dash);

  // Selection marker, click and keyboard.
  const marker = s("line", {x1: 0, x2: 0, y1: TOP, y2: H - 4, stroke: "#e6a100", "stroke-width": 2, visibility: "hidden", class: "mv-marker"});
  svg.append(marker);
  let current: number | null = null;
  const select = (rank: number | null) => {
    current = rank;
    if (rank === null) {
      marker.setAttribute("visibility", "hidden");
      return;
    }
    const xb = x0(binOf(rank)) + bw / 2;
    marker.setAttribute("x1", String(xb));
    marker.setAttribute("x2", String(xb));
    marker.setAttribute("visibility", "visible");
  };
  const rankAt = (clientX: number): number | null => {
    const box = svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * W;
    if (px < LEFT || px > LEFT + PW) return null;
    return Math.min(N - 1, Math.max(0, Math.floor(((px - LEFT) / PW) * N)));
  };
  // Brushing: drag across the curve to zoom into that range of ranks (a click without a drag still selects).
  const brush = s("rect", {x: 0, y: TOP, width: 0, height: CH, fill: "#e6a100", "fill-opacity": 0.18, stroke: "#e6a100", visibility: "hidden", class: "mv-brush"});
  svg.append(brush);
  let brushFrom: number | null = null;
  let brushed = false;
  const svgPoint = (e: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    return {x: ((e.clientX - box.left) / box.width) * W, y: ((e.clientY - box.top) / box.height) * H};
  };
  const clampX = (x: number) => Math.min(LEFT + PW, Math.max(LEFT, x));
  svg.addEventListener("pointerdown", (e) => {
    if (!opts.onZoom) return;
    const p = svgPoint(e);
    if (p.x < LEFT || p.x > LEFT + PW || p.y > TOP + CH) return;
    brushFrom = p.x;
    brushed = false;
  });
  svg.addEventListener("pointermove", (e) => {
    if (brushFrom === null) return;
    const x = clampX(svgPoint(e).x);
    if (Math.abs(x - brushFrom) < 6) return;
    brushed = true;
    brush.setAttribute("x", String(Math.min(x, brushFrom)));
    brush.setAttribute("width", String(Math.abs(x - brushFrom)));
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (e) => {
    if (brushFrom === null) return;
    const from = brushFrom;
    brushFrom = null;
    brush.setAttribute("visibility", "hidden");
    if (!brushed) return;
    const x = clampX(svgPoint(e).x);
    const r0 = Math.floor(((Math.min(x, from) - LEFT) / PW) * N);
    const r1 = Math.ceil(((Math.max(x, from) - LEFT) / PW) * N);
    if (r1 - r0 >= 2) opts.onZoom!(Math.max(0, r0), Math.min(N, r1));
  });
  svg.addEventListener("click", (e) => {
    if (brushed) {
      brushed = false;
      return;
    }
    const rank = rankAt(e.clientX);
    if (rank === null) return;
    select(rank);
    onSelect(rank);
    opts.onHover?.(rank);
  });
  svg.addEventListener("pointermove", (e) => opts.onHover?.(rankAt(e.clientX)));
  svg.addEventListener("pointerleave", () => opts.onHover?.(current));
  svg.addEventListener("focus", () => opts.onHover?.(current ?? 0));
  svg.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const step = Math.max(1, Math.round(N / bins));
    let r = current ?? 0;
    if (e.key === "ArrowLeft") r = Math.max(0, r - step);
    else if (e.key === "ArrowRight") r = Math.min(N - 1, r + step);
    else r = e.key === "Home" ? 0 : N - 1;
    select(r);
    onSelect(r);
    opts.onHover?.(r);
  });
  return {node: svg, select};
}

/** `label` cut to about `max` Latin characters of width (a CJK character counts as almost two), with an ellipsis. */
export function truncate(label: string, max: number): string {
  let w = 0;
  for (let k = 0; k < label.length; k++) {
    w += /[\u2e80-\u9fff\uff00-\uffef]/.test(label[k]) ? 1.85 : 1;
    if (w > max) return `${label.slice(0, Math.max(1, k - 1))}…`;
  }
  return label;
}

/** About `n` round tick values covering [a, b]. */
export function niceTicks(a: number, b: number, n: number): number[] {
  const span = b - a || 1;
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(a / step) * step; t <= b + 1e-12; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}
