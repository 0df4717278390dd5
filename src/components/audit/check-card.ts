/**
 * One audit check as a card: the question a reviewer would ask, the arithmetic on the paper's printed numbers
 * (each result with its full value in data-value), what it shows, and the same quantity on the open panel.
 */
import type {Check, Step} from "../../lib/audit/checks.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {fmtNum} from "../replication/cells.js";

const VERDICT: Record<Check["verdict"], {en: string; zh: string}> = {
  inconsistent: {en: "does not add up", zh: "前后不一致"},
  unclear: {en: "cannot be verified from the paper", zh: "无法从论文核实"},
  consistent: {en: "consistent", zh: "一致"}
};

export function checkCard(check: Check, index: number): HTMLElement {
  const card = el("section", {className: `audit-check ${check.verdict}`});
  card.id = `check-${check.id}`;
  card.dataset.check = check.id;
  card.dataset.verdict = check.verdict;
  card.append(
    el("h2", {}, el("span", {className: "check-no", text: `${index}. `}), el("span", {text: check.title})),
    el("p", {className: "verdict", text: `${pick({en: "Verdict", zh: "结论"})}: ${pick(VERDICT[check.verdict])}`}),
    el("p", {}, el("strong", {text: pick({en: "What a reviewer would check. ", zh: "审稿人会核查什么："})}), el("span", {text: check.question})),
    stepsTable(check.steps, pick({en: "From the paper's printed numbers", zh: "根据论文印出的数字"})),
    el("p", {className: "finding"}, el("strong", {text: pick({en: "What this shows. ", zh: "说明了什么："})}), el("span", {text: check.finding}))
  );
  if (check.ours.length || check.oursText) {
    const box = el("div", {className: "ours-box"});
    if (check.ours.length) box.append(stepsTable(check.ours, pick({en: "On the open panel", zh: "在开放数据面板上"})));
    if (check.oursText) box.append(el("p", {}, el("strong", {text: pick({en: "What our open data says. ", zh: "开放数据显示："})}), el("span", {text: check.oursText})));
    card.append(box);
  }
  return card;
}

function stepsTable(steps: Step[], caption: string): HTMLElement {
  const table = el("table", {className: "steps"});
  table.append(el("caption", {text: caption}));
  table.append(el("thead", {}, el("tr", {}, el("th", {text: pick({en: "Quantity", zh: "数量"})}), el("th", {text: pick({en: "Computation", zh: "计算"})}), el("th", {className: "num", text: pick({en: "Result", zh: "结果"})}))));
  const body = el("tbody");
  for (const s of steps) {
    const v = el("span", {className: "num", text: s.digits === "int" ? String(Math.round(s.value)) : fmtNum(s.value, s.digits ?? 3)});
    v.dataset.value = String(s.value);
    body.append(el("tr", {}, el("td", {text: s.label}), el("td", {className: "mono", text: s.expr}), el("td", {className: "num"}, v)));
  }
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
