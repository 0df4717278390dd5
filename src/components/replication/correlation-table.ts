/**
 * Table 3 beside ours: a lower-triangular correlation matrix in which each cell shows the paper's printed
 * value (first line) and ours with its stars (second line; r and p in data attributes).
 */
import type {PaperTables} from "../../lib/paper/schema.js";
import {stars, type CorrelationTable} from "../../lib/replication/compute.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {num} from "./cells.js";

export function correlationTable(paper: PaperTables, ours: CorrelationTable): HTMLElement {
  const paperPanel = paper.table3.find((t) => t.dependent === ours.variables[0].paper) ?? paper.table3[0];
  const vars = ours.variables;
  const table = el("table", {className: "corr"});
  table.append(el("thead", {}, el("tr", {}, el("th", {text: ""}), ...vars.map((v) => el("th", {className: "num mono", text: v.paper})))));
  const body = el("tbody");
  vars.forEach((v, i) => {
    const tr = el("tr", {}, el("th", {}, el("span", {className: "mono", text: v.paper}), el("br"), el("span", {className: "muted mono", text: v.column})));
    tr.dataset.variable = v.paper;
    vars.forEach((_, j) => {
      if (j > i) {
        tr.append(el("td", {text: ""}));
        return;
      }
      const printed = paperPanel.rows[i]?.cells[j]?.printed ?? "–";
      const r = ours.r[i][j];
      const p = ours.p[i][j];
      const oursSpan = num(r, 3, {kind: "r", p: String(p), n: String(ours.n[i][j])});
      const td = el("td", {className: "num"},
        el("span", {className: "paper-val", text: printed}),
        el("br"),
        el("span", {className: "ours-val"}, oursSpan, el("span", {className: "stars", text: i === j ? "" : stars(p)})));
      td.dataset.row = v.paper;
      td.dataset.colVar = vars[j].paper;
      if (i !== j) td.title = pick({en: `ours: r = ${r.toFixed(4)}, p = ${p.toPrecision(3)}, n = ${ours.n[i][j]}`, zh: `本复现：r = ${r.toFixed(4)}，p = ${p.toPrecision(3)}，n = ${ours.n[i][j]}`});
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  return el("div", {className: "table-wrap"}, table,
    el("p", {className: "table-note muted", text: pick({
      en: "Each cell: the paper's printed value on top, ours below (pairwise Pearson r, two-sided t test with n − 2 df). *** p < 0.01, ** p < 0.05, * p < 0.1.",
      zh: "每格上方为原文数值，下方为本复现（两两 Pearson 相关系数，自由度 n − 2 的双侧 t 检验）。*** p < 0.01，** p < 0.05，* p < 0.1。"
    })}));
}
