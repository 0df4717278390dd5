/**
 * The audit's table of contents: one line per check with its verdict, linking to the card below.
 */
import type {Check} from "../../lib/audit/checks.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";

const LABEL: Record<Check["verdict"], {en: string; zh: string}> = {
  inconsistent: {en: "does not add up", zh: "前后不一致"},
  unclear: {en: "cannot be verified", zh: "无法核实"},
  consistent: {en: "consistent", zh: "一致"}
};

export function auditSummary(checks: Check[]): HTMLElement {
  const table = el("table", {className: "steps audit-summary"});
  table.append(el("thead", {}, el("tr", {}, el("th", {text: "#"}), el("th", {text: pick({en: "Check", zh: "核查项"})}), el("th", {text: pick({en: "Verdict", zh: "结论"})}))));
  const body = el("tbody");
  checks.forEach((c, i) => {
    const a = el("a", {text: c.title});
    a.href = `#check-${c.id}`;
    const tr = el("tr", {className: `audit-check-row ${c.verdict}`}, el("td", {text: String(i + 1)}), el("td", {}, a), el("td", {text: pick(LABEL[c.verdict])}));
    tr.dataset.check = c.id;
    body.append(tr);
  });
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
