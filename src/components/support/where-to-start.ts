/**
 * "Where to start" (issue 19): for a busy reader, the two DSTRI areas with the strongest evidence on the open data
 * (src/lib/support/where-to-start.ts, from the build's area models) and a few measures aimed at each, linked to
 * the evidence on the mechanism page. Says plainly when an interval includes zero and how few partners inform it.
 */
import {currentLang, pick, withLang} from "../../lib/i18n.js";
import {AREA_LABELS, LEVEL_LABELS} from "../../lib/support/vocabulary.js";
import type {Measure} from "../../lib/support/schema.js";
import {startingPoints, type AreaEvidence} from "../../lib/support/where-to-start.js";
import {el} from "./cards.js";

export interface AreaEvidenceRow extends AreaEvidence {
  movers: number;
  partners: number;
}

const num = (v: number, d = 2) => v.toFixed(d).replace("-", "−");

export function whereToStart(evidence: readonly AreaEvidenceRow[], measures: readonly Measure[]): HTMLElement {
  const zh = currentLang() === "zh";
  const box = el("div", "sx-start");
  box.dataset.testid = "support-start";
  const points = startingPoints(evidence, measures);
  for (const p of points) {
    const e = p.evidence as AreaEvidenceRow;
    const area = pick(AREA_LABELS[e.area as keyof typeof AREA_LABELS]);
    const section = el("section", "sx-start-area");
    section.dataset.area = e.area;
    section.append(el("h3", "", area));
    const what = el("p", "sx-start-evidence");
    what.append(
      document.createTextNode(
        zh
          ? `得分越高，中国对该伙伴国的出口${e.beta < 0 ? "越低" : "越高"}：系数 ${num(e.beta)}，95% 区间 ${num(e.lo)} 至 ${num(e.hi)}，p = ${num(e.pvalue, 3)}。` +
              (p.clear ? "区间不含零，" : "区间包含零，数据尚不能把它与“没有影响”区分开；") +
              `而且只有 ${e.movers} 个伙伴国（共 ${e.partners} 个）的该项得分在样本期内有变化。`
          : `A higher score goes with ${e.beta < 0 ? "lower" : "higher"} Chinese exports to the partner: coefficient ${num(e.beta)}, 95% interval ${num(e.lo)} to ${num(e.hi)}, p = ${num(e.pvalue, 3)}. ` +
              (p.clear ? "The interval excludes zero, " : "The interval includes zero: the data cannot tell it from no effect, ") +
              `and only ${e.movers} of ${e.partners} partners changed this score in the sample years.`
      ),
      document.createTextNode(" ")
    );
    const link = el("a", "", pick({en: "See the evidence", zh: "查看实证结果"}) + " →");
    link.href = withLang("./mechanism#evidence-by-area");
    what.append(link);
    const ul = el("ul", "sx-start-list");
    for (const m of p.measures) {
      const li = el("li");
      li.dataset.id = m.id;
      li.append(el("span", "sx-chip sx-chip-small", pick(LEVEL_LABELS[m.level])), document.createTextNode(" " + pick(m.title)));
      ul.append(li);
    }
    section.append(what, el("p", "sx-start-lead", pick({en: "Measures aimed at this area:", zh: "针对该领域的措施："})), ul);
    box.append(section);
  }
  if (!points.length) box.append(el("p", "sx-muted", pick({en: "The evidence by area is not available.", zh: "暂无分领域的实证结果。"})));
  return box;
}
