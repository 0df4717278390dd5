/**
 * The area estimates as a table (issue 24): per 0.02 step of each area's contribution to the index, the 95% interval,
 * the partners whose contribution moves in the estimation sample (they alone identify the estimate with partner
 * effects) and the p-value to read. Where fewer than 5 partners move, clustered p-values are far too small
 * (MacKinnon & Webb 2017): the row leads with a randomization-inference p-value (whole partner series permuted,
 * computed in a Web Worker with progress and Cancel) and says "identified by N partners".
 */
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import {areaSpec, type AreaEstimate} from "../../lib/mechanism/area-models.js";
import {INDEX_STEP} from "../../lib/whatif/predict.js";
import {el, L} from "../format.js";
import {FEW_CHANGERS, identifiedText, randomizationTest} from "../randomization-test.js";

const pct = (b: number) => {
  const v = 100 * Math.expm1(b * INDEX_STEP);
  return `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}%`;
};

export function areaTable(estimates: AreaEstimate[], frame: Frame, workerUrl: string | null): HTMLElement {
  const t = el("table", {className: "mech-area-table"});
  t.append(el("caption", {text: L("Each area's estimate, the partners that identify it, and the p-value to read", "各领域的估计、识别它的伙伴国，以及应阅读的 p 值")}));
  t.append(el("thead", {}, el("tr", {},
    el("th", {text: L("Area", "领域")}),
    el("th", {className: "num", text: pick({en: `Exports per ${INDEX_STEP} step (95% interval)`, zh: `每 ${INDEX_STEP} 一步的出口变化（95% 区间）`})}),
    el("th", {className: "num", text: L("Partners identifying it", "识别它的伙伴国")}),
    el("th", {text: L("p-value", "p 值")})
  )));
  const tb = el("tbody");
  for (const e of estimates) {
    const few = e.movers < FEW_CHANGERS;
    const pCell = el("td", {className: "mech-p"});
    const clustered = pick({en: `clustered p = ${e.pvalue.toFixed(3)}`, zh: `聚类 p = ${e.pvalue.toFixed(3)}`});
    if (few && e.movers > 0 && workerUrl) {
      pCell.append(
        randomizationTest(workerUrl, frame, areaSpec(e.area.column), e.area.column),
        el("p", {className: "mech-p-note", text: pick({en: `${identifiedText(e.movers, e.n_groups)}: too few for the clustered p-value (${clustered.replace(/^clustered p/, "p")}) to be trusted.`, zh: `${identifiedText(e.movers, e.n_groups)}：过少，聚类 p 值（${clustered.replace(/^聚类 p/, "p")}）不可信。`})})
      );
    } else pCell.append(clustered);
    const tr = el("tr", {},
      el("th", {text: pick(e.area.label)}),
      el("td", {className: "num", text: `${pct(e.coef.beta)} (${pct(e.coef.lo)} … ${pct(e.coef.hi)})`}),
      el("td", {className: few ? "num mech-few" : "num", text: `${e.movers} / ${e.n_groups}`}),
      pCell
    );
    tr.dataset.area = e.area.column;
    tr.dataset.changers = String(e.movers);
    tb.append(tr);
  }
  t.append(tb);
  return t;
}
