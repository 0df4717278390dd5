/**
 * Figures of a lab run, redrawn as batches arrive: the sampling distribution of each estimator (one histogram
 * row per estimator, the true value as a dashed rule) and the running mean of each estimator over the
 * replications so far (converging on its expectation, not necessarily on the truth). Each figure's text
 * alternative (aria-label + caption) gives the numbers it shows.
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import {histogram} from "../../lib/simulate/histogram.js";
import type {LabDraws} from "../../lib/simulate/run.js";
import {estimatorLabel} from "./labels.js";

const COLORS = ["#b35806", "#1f6fd1", "#2e7d32", "#6a3d9a"];

/** `guess`: the student's predicted mean of one estimator, drawn as a solid red rule on its row. */
export function samplingPlot(names: string[], draws: LabDraws, truth: number, reps: number, width: number, guess?: {estimator: string; value: number}): HTMLElement {
  // Bins computed once per redraw (lib/simulate/histogram.ts) over a range common to all estimators.
  const h = histogram(names.map((n) => draws[n].est), 40);
  const w = (h.hi - h.lo) / 40;
  const rows: Array<{estimator: string; x1: number; x2: number; count: number}> = [];
  names.forEach((name, k) => h.counts[k].forEach((count, b) => rows.push({estimator: estimatorLabel(name), x1: h.lo + b * w, x2: h.lo + (b + 1) * w, count})));
  const labels = names.map(estimatorLabel);
  const fig = document.createElement("figure");
  fig.className = "cl-plot";
  const stats = names.map((n) => {
    const v = draws[n].est.filter(Number.isFinite);
    let m = 0;
    for (const x of v) m += x;
    m /= v.length;
    let ss = 0;
    for (const x of v) ss += (x - m) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, v.length - 1));
    return v.length ? `${estimatorLabel(n)}: ${pick({en: "mean", zh: "均值"})} ${m.toFixed(3)}, SD ${sd.toFixed(3)}` : `${estimatorLabel(n)}: ${pick({en: "all replications failed", zh: "全部重复失败"})}`;
  });
  const done = draws[names[0]]?.est.length ?? 0;
  const alt = pick({
    en: `Histograms of ${done} of ${reps} estimates per estimator; dashed line at the true value ${truth}. ${stats.join("; ")}.`,
    zh: `每个估计量 ${reps} 次中已完成 ${done} 次估计值的直方图；虚线为真实值 ${truth}。${stats.join("；")}。`
  });
  const plot = Plot.plot({
    width,
    height: 60 + 80 * names.length,
    marginLeft: 10,
    marginRight: 150,
    x: {label: pick({en: "estimate", zh: "估计值"})},
    y: {label: null, axis: null},
    fy: {domain: labels, label: null, axis: "right"},
    color: {domain: labels, range: COLORS},
    marks: [
      // Mark-level faceting (fy): one row per estimator; marks without fy repeat in every row.
      Plot.rectY(rows, {x1: "x1", x2: "x2", y: "count", fy: "estimator", fill: "estimator", fillOpacity: 0.75, insetLeft: 0.5, insetRight: 0.5}),
      Plot.ruleX([truth], {stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3"}),
      guess && names.includes(guess.estimator)
        ? Plot.ruleX([{x: guess.value, estimator: estimatorLabel(guess.estimator)}], {x: "x", fy: "estimator", stroke: "#d62728", strokeWidth: 2.5})
        : null,
      guess && names.includes(guess.estimator)
        ? Plot.text([{x: guess.value, estimator: estimatorLabel(guess.estimator)}], {x: "x", fy: "estimator", text: () => pick({en: "your guess", zh: "你的猜测"}), frameAnchor: "top", dy: 4, dx: 4, textAnchor: "start", fill: "#d62728"})
        : null,
      Plot.ruleY([0])
    ]
  });
  plot.setAttribute("aria-label", guess ? `${alt} ${pick({en: `Solid red line: your guess ${guess.value}.`, zh: `红色实线：你的猜测 ${guess.value}。`})}` : alt);
  const cap = document.createElement("figcaption");
  cap.textContent = alt;
  fig.append(plot, cap);
  return fig;
}

/** Running mean of each estimator over replications 1..r (failed replications skipped), at most 400 points. */
export function runningMeanPlot(names: string[], draws: LabDraws, truth: number, reps: number, width: number): HTMLElement {
  const rows: Array<{estimator: string; r: number; mean: number}> = [];
  for (const name of names) {
    const est = draws[name].est;
    const every = Math.max(1, Math.floor(est.length / 400));
    let s = 0;
    let k = 0;
    for (let r = 0; r < est.length; r++) {
      if (Number.isFinite(est[r])) {
        s += est[r];
        k++;
      }
      if (k > 0 && ((r + 1) % every === 0 || r === est.length - 1)) rows.push({estimator: estimatorLabel(name), r: r + 1, mean: s / k});
    }
  }
  const labels = names.map(estimatorLabel);
  const last = labels.map((l) => rows.filter((d) => d.estimator === l).at(-1)).filter((d) => d !== undefined);
  const alt = pick({
    en: `Running mean of each estimator over the first ${draws[names[0]]?.est.length ?? 0} of ${reps} replications; dashed line at the true value ${truth}. Latest: ${last.map((d) => `${d!.estimator} ${d!.mean.toFixed(3)}`).join("; ")}.`,
    zh: `各估计量在 ${reps} 次中前 ${draws[names[0]]?.est.length ?? 0} 次重复上的累计均值；虚线为真实值 ${truth}。最新：${last.map((d) => `${d!.estimator} ${d!.mean.toFixed(3)}`).join("；")}。`
  });
  const plot = Plot.plot({
    width,
    height: 200,
    marginRight: 10,
    x: {label: pick({en: "replications", zh: "重复次数"}), domain: [0, reps]},
    y: {label: pick({en: "running mean", zh: "累计均值"}), grid: true},
    color: {domain: labels, range: COLORS, legend: true},
    marks: [
      Plot.ruleY([truth], {stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "4,3"}),
      Plot.line(rows, {x: "r", y: "mean", stroke: "estimator", strokeWidth: 2})
    ]
  });
  const fig = document.createElement("figure");
  fig.className = "cl-plot";
  fig.setAttribute("data-testid", "lab-running-mean");
  const svg = plot.querySelector("svg") ?? plot;
  svg.setAttribute("aria-label", alt);
  const cap = document.createElement("figcaption");
  cap.textContent = alt;
  fig.append(plot, cap);
  return fig;
}
