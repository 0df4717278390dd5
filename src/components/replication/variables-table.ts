/**
 * Table 1 analogue: the paper's variables (its own definitions, from tables.json) beside the columns that
 * stand for them in our panel, with our definition, source, coverage and the difference that matters.
 */
import type {Frame} from "../../lib/engine/types.js";
import type {PaperTables} from "../../lib/paper/schema.js";
import {coverage, OUR_VARIABLES} from "../../lib/replication/variables.js";
import {el} from "../format.js";

export function variablesTable(paper: PaperTables, frame: Frame): HTMLElement {
  const table = el("table", {className: "vars"});
  table.append(
    el("thead", {}, el("tr", {},
      el("th", {text: "Paper: variable"}),
      el("th", {text: "Paper: measurement"}),
      el("th", {text: "Ours: column"}),
      el("th", {text: "Ours: definition and source"}),
      el("th", {text: "Coverage in our panel"}),
      el("th", {text: "What differs"})
    ))
  );
  const body = el("tbody");
  for (const p of paper.table1) {
    const ours = OUR_VARIABLES.find((v) => v.paper === p.symbol);
    const col = ours?.column.split(" ")[0] ?? "";
    const cov = coverage(frame, col);
    const covText = cov.years ? `${cov.partners} partners, ${cov.years[0]}–${cov.years[1]} (${cov.n} values)` : "not in this panel";
    const tr = el("tr", {},
      el("td", {}, el("strong", {className: "mono", text: p.symbol}), el("br"), el("span", {className: "muted", text: p.name})),
      el("td", {text: p.measurement}),
      el("td", {className: "mono", text: ours?.column ?? "–"}),
      el("td", {}, el("span", {text: ours?.definition ?? ""}), el("br"), el("span", {className: "muted", text: ours?.source ?? ""})),
      el("td", {text: covText}),
      el("td", {text: ours?.difference ?? ""})
    );
    tr.dataset.variable = p.symbol;
    body.append(tr);
  }
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
