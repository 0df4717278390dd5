/**
 * Table 1 analogue: the paper's variables (its own definitions, from tables.json) beside the columns that
 * stand for them in our panel, with our definition, source, coverage and the difference that matters.
 */
import type {Frame} from "../../lib/engine/types.js";
import type {PaperTables} from "../../lib/paper/schema.js";
import {coverage, OUR_VARIABLES} from "../../lib/replication/variables.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";

/** The paper's Table 1 wording (English in the paper), in Chinese for the page shown in Chinese. */
const PAPER_ZH: Record<string, {name: string; measurement: string}> = {
  lnexport_zj: {name: "浙江出口规模", measurement: "浙江对伙伴国出口总额的自然对数"},
  lnexport_wz: {name: "温州出口规模", measurement: "温州对伙伴国出口总额的自然对数"},
  DSTRI: {name: "数字服务贸易限制指数（原文表 1 称为“歧视性技术贸易壁垒”）", measurement: "根据 OECD 报告整理（未说明构造方法）"},
  lngdp: {name: "经济发展水平", measurement: "GDP 的自然对数"},
  lnpopu: {name: "地区规模", measurement: "人口的自然对数"},
  lngov: {name: "政府参与经济活动程度", measurement: "一般公共支出的自然对数"},
  city_rate: {name: "城镇化水平", measurement: "城镇化率"}
};
/** Our column names carry a short note in parentheses; its Chinese. */
const COLUMN_NOTE_ZH: Record<string, string> = {
  "(or lnexport_zj from a customs file)": "（上传海关文件后为 lnexport_zj）",
  "(customs file only)": "（仅限海关文件）"
};

export function variablesTable(paper: PaperTables, frame: Frame): HTMLElement {
  const table = el("table", {className: "vars"});
  table.append(
    el("thead", {}, el("tr", {},
      el("th", {text: pick({en: "Paper: variable", zh: "原文：变量"})}),
      el("th", {text: pick({en: "Paper: measurement", zh: "原文：度量方法"})}),
      el("th", {text: pick({en: "Ours: column", zh: "本复现：列名"})}),
      el("th", {text: pick({en: "Ours: definition and source", zh: "本复现：定义与来源"})}),
      el("th", {text: pick({en: "Coverage in our panel", zh: "面板中的覆盖范围"})}),
      el("th", {text: pick({en: "What differs", zh: "差异所在"})})
    ))
  );
  const body = el("tbody");
  for (const p of paper.table1) {
    const ours = OUR_VARIABLES.find((v) => v.paper === p.symbol);
    const col = ours?.column.split(" ")[0] ?? "";
    const cov = coverage(frame, col);
    const covText = cov.years
      ? pick({en: `${cov.partners} partners, ${cov.years[0]}–${cov.years[1]} (${cov.n} values)`, zh: `${cov.partners} 个伙伴，${cov.years[0]}–${cov.years[1]} 年（${cov.n} 个观测值）`})
      : pick({en: "not in this panel", zh: "面板中没有"});
    const zh = pick({en: null, zh: PAPER_ZH[p.symbol] ?? null});
    const text = ours ? pick({en: ours, zh: {...ours, ...ours.zh}}) : null;
    const [code, ...note] = (ours?.column ?? "–").split(" (");
    const colNote = note.length ? `(${note.join(" (")}` : "";
    const tr = el("tr", {},
      el("td", {}, el("strong", {className: "mono", text: p.symbol}), el("br"), el("span", {className: "muted", text: zh?.name ?? p.name})),
      el("td", {text: zh?.measurement ?? p.measurement}),
      el("td", {}, el("span", {className: "mono", text: code}), colNote ? el("span", {className: "muted", text: " " + pick({en: colNote, zh: COLUMN_NOTE_ZH[colNote] ?? colNote})}) : ""),
      el("td", {}, el("span", {text: text?.definition ?? ""}), el("br"), el("span", {className: "muted", text: text?.source ?? ""})),
      el("td", {text: covText}),
      el("td", {text: text?.difference ?? ""})
    );
    tr.dataset.variable = p.symbol;
    body.append(tr);
  }
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
