/**
 * Sampling distributions of a lab's estimators: one histogram row per estimator, the true value as a rule.
 * The figure's text alternative (aria-label + caption) gives each estimator's mean and SD.
 */
import * as Plot from "@observablehq/plot";
import {pick} from "../../lib/i18n.js";
import type {LabResult, LabDraws} from "../../lib/simulate/run.js";
import {estimatorLabel} from "./labels.js";

export function samplingPlot(result: LabResult, draws: LabDraws, width: number): HTMLElement {
  const names = Object.keys(result.estimators);
  const rows: Array<{estimator: string; value: number}> = [];
  for (const name of names) for (const v of draws[name].est) if (Number.isFinite(v)) rows.push({estimator: estimatorLabel(name), value: v});
  const labels = names.map(estimatorLabel);
  const plot = Plot.plot({
    width,
    height: 70 + 90 * names.length,
    marginLeft: 10,
    marginRight: 150,
    facet: {data: rows, y: "estimator"},
    x: {label: pick({en: "estimate", zh: "估计值"})},
    y: {label: null, axis: null},
    fy: {domain: labels, label: null, axis: "right"},
    color: {domain: labels, range: ["#b35806", "#1f6fd1", "#2e7d32", "#6a3d9a"]},
    marks: [
      Plot.rectY(rows, Plot.binX({y: "count"}, {x: "value", fill: "estimator", fillOpacity: 0.75, thresholds: 40} as any)),
      Plot.ruleX([result.truth], {stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3"}),
      Plot.ruleY([0])
    ]
  });
  const fig = document.createElement("figure");
  fig.className = "cl-plot";
  const summary = names
    .map((n) => `${estimatorLabel(n)}: ${pick({en: "mean", zh: "均值"})} ${result.estimators[n].mean.toFixed(3)}, SD ${result.estimators[n].sd.toFixed(3)}`)
    .join("; ");
  const alt = pick({
    en: `Histograms of ${result.reps} estimates per estimator; dashed line at the true value ${result.truth}. ${summary}.`,
    zh: `每个估计量 ${result.reps} 次估计值的直方图；虚线为真实值 ${result.truth}。${summary}。`
  });
  plot.setAttribute("aria-label", alt);
  const cap = document.createElement("figcaption");
  cap.textContent = alt;
  fig.append(plot, cap);
  return fig;
}
