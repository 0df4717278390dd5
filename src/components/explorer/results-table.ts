/**
 * The regression table: one row per coefficient (estimate with stars, standard error, t or z, p-value),
 * then the model statistics. Every number carries its full-precision value in `data-value`, so tests and
 * scripts can read exactly what was estimated rather than the rounded text.
 */
import {el} from "../format.js";
import {pick, t} from "../../lib/i18n.js";
import {fmt, type TableModel} from "../../lib/explorer/export.js";
import {outcomeLabel, termLabel} from "../../lib/explorer/labels.js";
import {STAT_ZH, statTextZh} from "../../lib/explorer/table-language.js";
import {tx} from "./text.js";

function num(v: number, digits: number, col: string): HTMLTableCellElement {
  const td = el("td", {className: "num", text: fmt(v, digits)});
  td.dataset.col = col;
  td.dataset.value = String(v);
  return td;
}

export function resultsTable(m: TableModel): HTMLElement {
  const table = el("table", {className: "ex-table"});
  const cap = el("caption", {text: pick(outcomeLabel(m.y))});
  cap.append(" ", el("span", {className: "ex-term ex-code", text: m.y}));
  table.append(
    cap,
    el(
      "thead",
      {},
      el("tr", {}, el("th", {text: tx("term")}), el("th", {className: "num", text: t("coefficient")}), el("th", {className: "num", text: tx("se")}), el("th", {className: "num", text: m.statName}), el("th", {className: "num", text: tx("pvalue")}))
    )
  );
  const body = el("tbody");
  for (const c of m.coefs) {
    const name = el("th", {text: pick(termLabel(c.term))});
    name.scope = "row";
    name.append(el("span", {className: "ex-term", text: c.term}));
    const coef = num(c.coef, 3, "coef");
    coef.append(el("span", {className: "ex-stars", text: c.stars}));
    const tr = el("tr", {}, name, coef, num(c.se, 3, "se"), num(c.t, 2, "t"), num(c.p, 3, "p"));
    tr.dataset.term = c.term;
    body.append(tr);
  }
  table.append(body);
  const foot = el("tbody", {className: "ex-stats"});
  for (const st of m.stats) {
    const label = el("th", {text: pick({en: st.label, zh: STAT_ZH[st.key] ?? st.label})});
    label.scope = "row";
    const td = el("td", {className: st.value === null ? "" : "num", text: pick({en: st.text, zh: statTextZh(st.text)})});
    td.colSpan = 4;
    if (st.value !== null) td.dataset.value = String(st.value);
    const tr = el("tr", {}, label, td);
    tr.dataset.stat = st.key;
    foot.append(tr);
  }
  table.append(foot);
  return el("div", {className: "table-wrap"}, table, el("p", {className: "ex-hint", text: tx("starsNote")}));
}
