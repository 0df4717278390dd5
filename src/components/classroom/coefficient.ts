/**
 * Lesson 5: reading a coefficient. A coefficient b on the DSTRI in a log-linear model means: a change of
 * delta in the DSTRI moves exports by b*delta log points = 100*(exp(b*delta) - 1) percent. The figure draws
 * both against delta (in the units of the index), with markers at one SD of the study's DSTRI and of the OECD's,
 * so the gap between "log points" and "percent" and the role of the scale are visible. State in the URL.
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import {chartWidth} from "./labels.js";

export function coefficientReader(init: {beta: number; paperSd: number; openSd: number; withinSd?: number}): HTMLElement {
  const q = new URLSearchParams(location.search);
  const num = (k: string, d: number) => (Number.isFinite(Number(q.get(k))) && q.get(k) !== null ? Number(q.get(k)) : d);
  let beta = num("b", init.beta);
  let delta = num("delta", init.paperSd);
  const root = document.createElement("div");
  root.className = "cl-coef cl-main";
  root.setAttribute("data-testid", "coef-reader");
  const form = document.createElement("form");
  form.className = "cl-controls";
  form.addEventListener("submit", (e) => e.preventDefault());
  const field = (name: string, label: {en: string; zh: string}, value: number, min: number, max: number, step: number, set: (v: number) => void) => {
    const l = document.createElement("label");
    l.className = "cl-slider";
    const s = document.createElement("span");
    s.textContent = pick(label);
    const input = document.createElement("input");
    input.type = "range";
    input.name = name;
    input.min = String(min);
    input.max = String(max);
    input.step = String(step);
    input.value = String(value);
    const out = document.createElement("output");
    out.textContent = String(value);
    input.addEventListener("input", () => {
      out.textContent = input.value;
      set(Number(input.value));
      render();
    });
    l.append(s, input, out);
    form.append(l);
  };
  field("b", {en: "coefficient b (log points per unit of the index)", zh: "系数 b（指数每变动1单位的对数点）"}, beta, -2, 2, 0.001, (v) => (beta = v));
  field("delta", {en: "change in the DSTRI", zh: "DSTRI 的变动"}, delta, 0, 2, 0.001, (v) => (delta = v));
  const out = document.createElement("p");
  out.className = "cl-theory";
  out.setAttribute("data-testid", "coef-out");
  out.setAttribute("aria-live", "polite");
  const figure = document.createElement("figure");
  root.append(form, out, figure);

  function render() {
    const u = new URLSearchParams(location.search);
    u.set("b", String(beta));
    u.set("delta", String(delta));
    history.replaceState(history.state, "", "?" + u.toString() + location.hash);
    const lp = beta * delta;
    const pct = 100 * (Math.exp(lp) - 1);
    out.textContent = pick({
      en: `b × Δ = ${lp.toFixed(3)} log points = ${(100 * lp).toFixed(1)} "log percent", i.e. ${pct.toFixed(1)}% change in exports.`,
      zh: `b × Δ = ${lp.toFixed(3)} 个对数点（约 ${(100 * lp).toFixed(1)}"对数百分比"），即出口变动 ${pct.toFixed(1)}%。`
    });
    out.setAttribute("data-value", String(pct));
    const grid = Array.from({length: 81}, (_, i) => (i / 40) * 1);
    const rows = grid.flatMap((d) => [
      {d, v: 100 * beta * d, kind: pick({en: "100 × log points", zh: "100 × 对数点"})},
      {d, v: 100 * (Math.exp(beta * d) - 1), kind: pick({en: "exact percent", zh: "精确百分比"})}
    ]);
    const marks = [
      {d: init.paperSd, label: pick({en: "1 SD, study", zh: "论文1个标准差"})},
      {d: init.openSd, label: pick({en: "1 SD, OECD (total)", zh: "经合组织1个标准差（总）"})},
      ...(init.withinSd ? [{d: init.withinSd, label: pick({en: "1 within SD, OECD", zh: "经合组织组内1个标准差"})}] : [])
    ];
    const plot = Plot.plot({
      width: chartWidth(root),
      height: 340,
      // The SD markers' labels stacked 16 px apart (12 px text on a phone) under the y title, which has the top
      // row; the x title on a row below its tick labels (tests/browser/chart-text.test.ts).
      marginTop: 30 + 16 * marks.length,
      marginBottom: 42,
      grid: true,
      x: {labelOffset: 38, label: pick({en: "change in the DSTRI (index units)", zh: "DSTRI 变动（指数单位）"})},
      y: {label: pick({en: "effect on exports (%)", zh: "对出口的影响（%）"})},
      color: {legend: true, range: ["#1f6fd1", "#b35806"]},
      marks: [
        Plot.ruleY([0]),
        Plot.line(rows, {x: "d", y: "v", stroke: "kind", strokeWidth: 2}),
        Plot.ruleX(marks, {x: "d", strokeDasharray: "3,3"}),
        // One text mark per marker, stacked, so that close SDs (the within and total SD) do not print over each other.
        ...marks.map((m, i) => Plot.text([m], {x: "d", y: 0, text: "label", dy: -8 - 16 * i, dx: 4, textAnchor: "start", rotate: 0})),
        Plot.dot([{d: delta, v: pct}], {x: "d", y: "v", r: 5, fill: "currentColor"})
      ]
    });
    const alt = pick({
      en: `Effect on exports of a DSTRI change from 0 to 2 for b = ${beta}: 100 × log points (a straight line) and the exact percent change; marked: one SD of the study's DSTRI (${init.paperSd}), one total SD of the OECD's (${init.openSd.toFixed(3)})${init.withinSd ? ` and one SD of the OECD's within partner and year (${init.withinSd.toFixed(3)}), the change a two-way fixed-effects model uses` : ""}.`,
      zh: `b = ${beta} 时 DSTRI 从0变动到2对出口的影响：100×对数点（直线）与精确百分比变动；标记为论文DSTRI的1个标准差（${init.paperSd}）、经合组织DSTRI的1个总标准差（${init.openSd.toFixed(3)}）${init.withinSd ? `以及经合组织DSTRI在伙伴与年份之内的1个标准差（${init.withinSd.toFixed(3)}，即双向固定效应模型实际利用的变动）` : ""}。`
    });
    plot.setAttribute("aria-label", alt);
    const cap = document.createElement("figcaption");
    cap.textContent = alt;
    figure.replaceChildren(plot, cap);
  }
  render();
  return root;
}
