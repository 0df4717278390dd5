/**
 * Table 2 beside ours: N, mean, sd, min, max as printed by the paper and as computed by the engine's
 * descriptives on the open panel (full precision in data-value).
 */
import type {PaperTables} from "../../lib/paper/schema.js";
import type {DescriptiveRow} from "../../lib/replication/compute.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {autoDigits, int, num} from "./cells.js";

const STATS = ["mean", "sd", "min", "max"] as const;

export function descriptivesTable(paper: PaperTables, ours: DescriptiveRow[]): HTMLElement {
  const table = el("table", {className: "desc"});
  const g1 = el("tr", {}, el("th", {text: ""}), el("th", {className: "group paper", text: pick({en: "Paper (as printed)", zh: "原文（照录）"})}), el("th", {className: "group ours", text: pick({en: "Ours (open panel)", zh: "本复现（公开面板）"})}));
  g1.children[1].setAttribute("colspan", "5");
  g1.children[2].setAttribute("colspan", "6");
  const heads = pick({en: ["N", "Mean", "SD", "Min", "Max"], zh: ["观测值", "均值", "标准差", "最小值", "最大值"]});
  const g2 = el("tr", {}, el("th", {text: pick({en: "Variable", zh: "变量"})}),
    ...heads.map((h) => el("th", {className: "num paper", text: h})),
    el("th", {className: "ours", text: pick({en: "Column", zh: "列名"})}),
    ...heads.map((h) => el("th", {className: "num ours", text: h})));
  table.append(el("thead", {}, g1, g2));
  const body = el("tbody");
  for (const o of ours) {
    const p = paper.table2.find((r) => r.variable === o.paper);
    const tr = el("tr", {}, el("th", {className: "mono", text: o.paper}));
    tr.dataset.variable = o.paper;
    if (p) {
      tr.append(el("td", {className: "num paper", text: String(p.obs)}));
      p.printed.forEach((s) => tr.append(el("td", {className: "num paper", text: s})));
    } else {
      for (let i = 0; i < 5; i++) tr.append(el("td", {className: "num paper muted", text: "–"}));
    }
    tr.append(el("td", {className: "mono ours", text: o.column}));
    tr.append(el("td", {className: "num ours"}, int(o.n, {kind: "n", variable: o.column})));
    for (const s of STATS) tr.append(el("td", {className: "num ours"}, num(o[s], autoDigits(o[s]), {kind: s, variable: o.column})));
    body.append(tr);
  }
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
