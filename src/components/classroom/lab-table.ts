/**
 * The summary table of a lab run: per estimator mean, bias, SD, RMSE, coverage of the 95% interval per
 * variance estimator and rejection rate of coefficient = 0 at 5%, each with its Monte Carlo SE in brackets.
 */
import {pick} from "../../lib/i18n.js";
import {FAILURE_TEXT, type FitFailure} from "../../lib/simulate/fit.js";
import type {LabResult} from "../../lib/simulate/run.js";
import {estimatorLabel, vcovLabel} from "./labels.js";

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(3).replace("-", "−"));

/** `done` < result.reps: a table of the replications arrived so far (the caption says so). */
export function resultsTable(result: LabResult, done = result.reps): HTMLElement {
  const names = Object.keys(result.estimators);
  const vcovs = ["iid", "hetero", "cluster"].filter((v) => names.some((n) => result.estimators[n].coverage?.[v as "iid"] !== undefined));
  const table = document.createElement("table");
  table.className = "cl-results";
  table.setAttribute("data-testid", "lab-table");
  const cap = document.createElement("caption");
  cap.textContent = pick({
    en: `${done < result.reps ? `${done} of ${result.reps} replications so far` : `${result.reps} replications`}, true value ${result.truth}. Monte Carlo standard errors in brackets. A failed replication (the model cannot be fitted to that draw) is left out of every figure and counted with its reason.`,
    zh: `${done < result.reps ? `${result.reps} 次重复中已完成 ${done} 次` : `${result.reps} 次重复`}，真实值 ${result.truth}。括号内为蒙特卡洛标准误。失败的重复（模型无法拟合该次抽样）不计入任何数字，并单独列出原因。`
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
    pick({en: "Rejects 0 at 5%", zh: "5%水平拒绝0"}),
    pick({en: "Failed", zh: "失败"})
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
      if (v !== undefined && Number.isFinite(v)) {
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
    const failed = document.createElement("td");
    failed.dataset.key = "failed";
    failed.dataset.value = String(s.failed);
    failed.className = s.failed > 0 ? "cl-failed" : "";
    const reasons = Object.entries(s.failed_reasons ?? {}).map(([k, n]) => `${n}: ${pick(FAILURE_TEXT[k as FitFailure] ?? {en: k, zh: k})}`);
    failed.textContent = s.failed === 0 ? "0" : pick({en: `${s.failed} of ${s.n_ok + s.failed}`, zh: `${s.n_ok + s.failed} 次中 ${s.failed} 次`});
    if (reasons.length) {
      const why = document.createElement("span");
      why.className = "cl-mcse";
      why.textContent = reasons.join("; ");
      failed.append(document.createElement("br"), why);
    }
    tr.append(failed);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const wrap = document.createElement("div");
  wrap.className = "cl-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", pick({en: "Simulation results", zh: "模拟结果"}));
  wrap.append(table);
  // Failures also in a line of text under the table (visible without scrolling the table sideways on a phone).
  const failedNames = names.filter((n) => result.estimators[n].failed > 0);
  if (failedNames.length === 0) return wrap;
  const box = document.createElement("div");
  const note = document.createElement("p");
  note.className = "cl-failed-note";
  note.setAttribute("role", "note");
  note.setAttribute("data-testid", "lab-failed-note");
  note.textContent = failedNames
    .map((n) => {
      const s = result.estimators[n];
      const why = Object.keys(s.failed_reasons ?? {}).map((k) => pick(FAILURE_TEXT[k as FitFailure] ?? {en: k, zh: k})).join("; ");
      return pick({en: `${estimatorLabel(n)}: ${s.failed} of ${s.n_ok + s.failed} replications failed (${why}) and are left out.`, zh: `${estimatorLabel(n)}：${s.n_ok + s.failed} 次重复中 ${s.failed} 次失败（${why}），不计入结果。`});
    })
    .join(" ");
  box.append(wrap, note);
  return box;
}
