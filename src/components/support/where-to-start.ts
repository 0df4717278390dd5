/**
 * "Where to start" (issue 19): for a busy reader, the two DSTRI areas with the strongest evidence on the open data
 * (src/lib/support/where-to-start.ts, from the build's area models) and a few measures aimed at each, linked to
 * the evidence on the mechanism page. Says plainly when an interval includes zero and how few partners inform it.
 */
import {pick, withLang} from "../../lib/i18n.js";
import {AREA_LABELS, LEVEL_LABELS} from "../../lib/support/vocabulary.js";
import type {Measure} from "../../lib/support/schema.js";
import {startingPoints, type AreaEvidence} from "../../lib/support/where-to-start.js";
import {el} from "./cards.js";
import {areaEvidenceLine} from "./by-area.js";

export interface AreaEvidenceRow extends AreaEvidence {
  movers: number;
  partners: number;
}


export function whereToStart(evidence: readonly AreaEvidenceRow[], measures: readonly Measure[]): HTMLElement {
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
    const line = areaEvidenceLine(e);
    what.append(document.createTextNode(line.textContent ?? ""), document.createTextNode(" "));
    Object.assign(what.dataset, line.dataset);
    const link = el("a", "", pick({en: "The area models", zh: "查看分领域模型"}) + " →");
    link.href = withLang("./mechanism#evidence-by-area");
    what.append(link);
    const ul = el("ul", "sx-start-list");
    for (const m of p.measures) {
      const li = el("li");
      li.dataset.id = m.id;
      li.append(el("span", "sx-chip sx-chip-small", pick(LEVEL_LABELS[m.level])), document.createTextNode(" " + pick(m.title)));
      ul.append(li);
    }
    section.append(what, el("p", "sx-start-lead", pick({en: "Measures that may ease this barrier's cost (editorial links, not evaluations):", zh: "可能缓解该壁垒成本的措施（编者关联，并非评估）："})), ul);
    box.append(section);
  }
  if (!points.length) box.append(el("p", "sx-muted", pick({en: "The evidence by area is not available.", zh: "暂无分领域的实证结果。"})));
  return box;
}
