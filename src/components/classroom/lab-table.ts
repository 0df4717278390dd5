/**
 * The summary table of a lab run: per estimator mean, bias, SD, RMSE, coverage of the 95% interval per
 * variance estimator and rejection rate of coefficient = 0 at 5%, each with its Monte Carlo SE in brackets.
 */
import {pick} from "../../lib/i18n.js";
import type {LabResult} from "../../lib/simulate/run.js";
import {estimatorLabel, vcovLabel} from "./labels.js";

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(3).replace("-", "−"));

export function resultsTable(result: LabResult): HTMLElement {
  const names = Object.keys(result.estimators);
  const vcovs = ["iid", "hetero", "cluster"].filter((v) => names.some((n) => result.estimators[n].coverage?.[v as "iid"] !== undefined));
  const table = document.createElement("table");
  table.className = "cl-results";
  table.setAttribute("data-testid", "lab-table");
  const cap = document.createElement("caption");
  cap.textContent = pick({
    en: `${result.reps} replications, true value ${result.truth}. Monte Carlo standard errors in brackets.`,
    zh: `${result.reps} 次重复，真实值 ${result.truth}。括号内为蒙特卡洛标准误。`
  });
  table.append(cap);
  const head = document.createElement("tr");
  const cols = [
    pick({en: "Estimator", zh: "估计量"}),
    pick({en: "Mean", zh: "均值"}),
    pick({en: "Bias", zh: "偏误"}),
    "SD",
    "RMSE",
    ...vcovs.map((v) => pick({en: `Coverage (${vcovLabel(v)})`, zh: `覆盖率（${vcovLabel(v)}）`})),
    pick({en: "Rejects 0 at 5%", zh: "5%水平拒绝0"})
  ];
  for (const c of cols) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  for (const n of names) {
    const s = result.estimators[n];
    const tr = document.createElement("tr");
    tr.dataset.estimator = n;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = estimatorLabel(n);
    tr.append(th);
    const cell = (key: string, v: number | undefined, se: number | undefined) => {
      const td = document.createElement("td");
      td.dataset.key = key;
      if (v !== undefined) td.dataset.value = String(v);
      td.textContent = v === undefined ? "–" : f3(v);
      if (v !== undefined) {
        const small = document.createElement("span");
        small.className = "cl-mcse";
        small.textContent = `(${f3(se)})`;
        td.append(document.createElement("br"), small);
      }
      tr.append(td);
    };
    cell("mean", s.mean, s.mc_se.mean);
    cell("bias", s.bias, s.mc_se.bias);
    cell("sd", s.sd, s.mc_se.sd);
    cell("rmse", s.rmse, s.mc_se.rmse);
    for (const v of vcovs) cell(`coverage.${v}`, s.coverage?.[v as "iid"], s.mc_se.coverage?.[v as "iid"]);
    cell("rejection_rate", s.rejection_rate, s.mc_se.rejection_rate);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const wrap = document.createElement("div");
  wrap.className = "cl-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", pick({en: "Simulation results", zh: "模拟结果"}));
  wrap.append(table);
  return wrap;
}
