/**
 * The replication page's event-study section: a status line while the worker runs, then the chart, the table of
 * event-time coefficients and the plain-words reading. The section keeps its height while it waits (CSS min-height)
 * so the page below does not jump when the results arrive.
 */
import type {EventStudyResult} from "../../lib/engine/event-study.js";
import {eventReading, eventRows} from "../../lib/replication/event-study.js";
import {pick} from "../../lib/i18n.js";
import {el} from "../format.js";
import {eventStudyChart} from "./event-study-chart.js";

export type EventState = {status: "running"} | {status: "error"; message: string} | {status: "done"; result: EventStudyResult};

export function eventStudySection(state: EventState, width: number): HTMLElement {
  const box = el("div", {className: "event-study"});
  box.dataset.status = state.status;
  if (state.status === "running") {
    box.append(el("p", {className: "muted", text: pick({en: "Estimating the event study and its 42 leave-one-partner-out re-estimates in a background worker…", zh: "正在后台线程中估计事件研究及其逐一去掉伙伴的重估……"})}));
    return box;
  }
  if (state.status === "error") {
    box.append(el("p", {className: "model-error", text: pick({en: `The event study could not be estimated: ${state.message}`, zh: `事件研究无法估计：${state.message}`})}));
    return box;
  }
  const r = state.result;
  box.dataset.pretrendP = String(r.pretrend.p_f);
  box.append(eventStudyChart(eventRows(r), Math.min(width, 760)));
  const table = el("table", {className: "reg event-table"});
  const head = el("tr", {}, el("th", {className: "rowlabel", text: pick({en: "Event time", zh: "事件时间"})}), el("th", {className: "col", text: pick({en: "Coefficient", zh: "系数"})}), el("th", {className: "col", text: pick({en: "95% interval", zh: "95% 区间"})}));
  const body = el("tbody");
  r.event_time.forEach((j, k) => {
    const first = k === 0;
    const last = k === r.event_time.length - 1;
    const label = j === -1 ? pick({en: "−1 (reference)", zh: "−1（基准）"}) : first ? pick({en: `≤${j} (binned)`, zh: `≤${j}（分箱）`}) : last ? pick({en: `≥${j} (binned)`, zh: `≥${j}（分箱）`}) : String(j);
    const tr = el("tr", {}, el("th", {className: "rowlabel", text: label}),
      el("td", {className: "col", text: j === -1 ? "0" : r.coef[k].toFixed(3)}),
      el("td", {className: "col", text: j === -1 ? "–" : `[${r.ci95[k][0].toFixed(3)}, ${r.ci95[k][1].toFixed(3)}]`}));
    tr.dataset.j = String(j);
    body.append(tr);
  });
  table.append(el("thead", {}, head), body);
  const ul = el("ul");
  for (const s of eventReading(r)) ul.append(el("li", {text: s}));
  const reading = el("div", {className: "reading"}, el("h3", {text: pick({en: "What the event study shows", zh: "事件研究说明了什么"})}), ul);
  box.append(el("div", {className: "table-scroll"}, table), reading,
    el("p", {className: "table-note muted", text: pick({
      en: `${r.model.nobs} partner-years, ${r.model.n_groups} partners; Table 4 (2)'s controls, partner and year effects, SE clustered by partner (t with ${r.model.df_t} df). Faint ticks: the estimate with one partner left out.`,
      zh: `${r.model.nobs} 个伙伴-年份，${r.model.n_groups} 个伙伴；控制变量同表 4 第 (2) 列，含伙伴与年份固定效应，标准误按伙伴聚类（t 检验自由度 ${r.model.df_t}）。浅色短线：去掉一个伙伴后的估计。`
    })}));
  return box;
}
