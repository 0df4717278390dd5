/**
 * The choice panel (specr's summary by choice, issue #21): per option, the number of specifications in view, their
 * median estimate, and the shares negative and significant; every column sorts (click its head; again to reverse).
 * Sorted by decision, the options stay grouped under their decision.
 */
import {el, L} from "../format.js";
import type {ChoiceRow} from "../../lib/multiverse/choices.js";

type Key = "decision" | "n" | "median" | "share_negative" | "share_significant";

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "–");
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** `decisionName` / `optionName` give the reader's labels (the rows carry the grid's short ones). */
export function choicePanel(rows: ChoiceRow[], decisionName: (id: string) => string, optionName: (row: ChoiceRow) => string, unit: string): HTMLElement {
  let key: Key = "decision";
  let desc = false;
  const box = el("div", {className: "mv-choices-panel"});
  const cols: Array<[Key, string, boolean]> = [
    ["decision", L("Choice", "选择"), false],
    ["n", L("Specifications", "设定数"), true],
    ["median", L("Median estimate", "估计值中位数") + (unit ? ` (${unit})` : ""), true],
    ["share_negative", L("Negative", "为负"), true],
    ["share_significant", L("Significant (5%)", "显著（5%）"), true]
  ];
  const render = () => {
    const table = el("table", {className: "mv-choice-table"});
    table.append(el("caption", {className: "sr-only", text: L("Estimates by choice; column heads sort the table", "按选择汇总的估计值；点击列标题排序")}));
    const head = el("tr");
    for (const [k, text, num] of cols) {
      const b = el("button", {text: text + (k === key ? (desc ? " ▼" : " ▲") : "")});
      b.type = "button";
      b.addEventListener("click", () => {
        desc = k === key ? !desc : k !== "decision";
        key = k;
        render();
      });
      const th = el("th", {className: num ? "num" : ""}, b);
      th.setAttribute("scope", "col");
      th.setAttribute("aria-sort", k === key ? (desc ? "descending" : "ascending") : "none");
      head.append(th);
    }
    const body = el("tbody");
    const line = (r: ChoiceRow, withDecision: boolean) => {
      const tr = el("tr", {},
        el("td", {text: withDecision ? `${decisionName(r.decision)}: ${optionName(r)}` : optionName(r)}),
        el("td", {className: "num", text: r.n.toLocaleString("en")}),
        el("td", {className: "num", text: fmt(r.median)}),
        el("td", {className: "num", text: pct(r.share_negative)}),
        el("td", {className: "num", text: pct(r.share_significant)}));
      tr.dataset.decision = r.decision;
      tr.dataset.option = String(r.option);
      return tr;
    };
    if (key === "decision") {
      const ids = [...new Set(rows.map((r) => r.decision))];
      if (desc) ids.reverse();
      for (const id of ids) {
        body.append(el("tr", {className: "mv-choice-dim"}, el("td", {text: decisionName(id)}), el("td"), el("td"), el("td"), el("td")));
        for (const r of rows.filter((x) => x.decision === id)) body.append(line(r, false));
      }
    } else {
      const k = key as Exclude<Key, "decision">;
      const sorted = [...rows].sort((a, b) => (desc ? b[k] - a[k] : a[k] - b[k]));
      for (const r of sorted) body.append(line(r, true));
    }
    table.append(el("thead", {}, head), body);
    box.replaceChildren(el("div", {className: "table-wrap"}, table));
    box.dataset.sort = `${key}:${desc ? "desc" : "asc"}`;
  };
  render();
  return box;
}
