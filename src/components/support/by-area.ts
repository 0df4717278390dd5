/**
 * The "by barrier area" view of the support-system explorer: for each of the five DSTRI policy areas, what the
 * OECD index scores there, the measures and the practice cases that address it (after the other filters), and
 * its estimated association with exports on the open data (issue 24), and a link to the evidence.
 */
import {currentLang, pick, withLang} from "../../lib/i18n.js";
import {AREAS, AREA_DESCRIPTIONS, AREA_LABELS, LEVEL_LABELS, THEME_LABELS} from "../../lib/support/vocabulary.js";
import type {Case, Measure} from "../../lib/support/schema.js";
import {el} from "./cards.js";
import {TEXT, paren} from "./labels.js";
import type {FilterState} from "./state.js";
import {areaEvidenceSummary, type AreaEvidenceInput} from "../../lib/support/area-evidence.js";

/** The estimate of one area beside it: per 0.02 step, 95% interval, changing partners and the caveats. */
export function areaEvidenceLine(e: AreaEvidenceInput): HTMLElement {
  const s = areaEvidenceSummary(e);
  const p = el("p", "sx-area-estimate", pick(s.text));
  p.dataset.testid = "area-estimate";
  p.dataset.area = e.area;
  p.dataset.estimate = String(s.estimate);
  p.dataset.lo = String(s.lo);
  p.dataset.hi = String(s.hi);
  p.dataset.movers = String(s.movers);
  p.dataset.few = String(s.few);
  return p;
}

/**
 * The estimates by area on the mechanism page (its `evidence-by-area` anchor). Linked only once the sidebar
 * lists that page, so the link is never broken.
 */
const EVIDENCE_PATH = "./mechanism#evidence-by-area";

function evidencePublished(): boolean {
  return document.querySelector('#observablehq-sidebar a[href^="./mechanism"], #observablehq-sidebar a[href^="/mechanism"]') !== null;
}

function list(items: {text: string; tag: string; id: string}[], empty: string): HTMLElement {
  if (!items.length) return el("p", "sx-muted", empty);
  const ul = el("ul", "sx-area-list");
  for (const it of items) {
    const li = el("li");
    li.dataset.id = it.id;
    li.append(el("span", "sx-chip sx-chip-small", it.tag), document.createTextNode(" " + it.text));
    ul.append(li);
  }
  return ul;
}

/** Sections for every area (or only the chosen one), from the already filtered measures and cases. */
export function byArea(measures: readonly Measure[], cases: readonly Case[], state: FilterState, areaEvidence: readonly AreaEvidenceInput[] = []): HTMLElement {
  const root = el("div", "sx-areas");
  const linked = evidencePublished();
  for (const area of state.area ? [state.area] : AREAS) {
    const ms = measures.filter((m) => m.areas.includes(area));
    const cs = cases.filter((c) => c.areas.includes(area));
    const section = el("section", "sx-area");
    section.id = `area-${area}`;
    section.dataset.area = area;
    section.append(el("h3", "sx-area-title", pick(AREA_LABELS[area])), el("p", "sx-area-desc", pick(AREA_DESCRIPTIONS[area])));
    const ev = areaEvidence.find((e) => e.area === area);
    if (ev) section.append(areaEvidenceLine(ev));
    const cols = el("div", "sx-area-cols");
    const left = el("div");
    left.append(
      el("h4", "", pick(TEXT.areaMeasures) + paren(currentLang(), ms.length)),
      list(ms.map((m) => ({id: m.id, tag: pick(LEVEL_LABELS[m.level]), text: pick(m.title)})), pick(TEXT.noneMatch))
    );
    const right = el("div");
    right.append(
      el("h4", "", pick(TEXT.areaCases) + paren(currentLang(), cs.length)),
      list(cs.map((c) => ({id: c.id, tag: pick(THEME_LABELS[c.theme]), text: pick(c.title)})), pick(TEXT.noneMatch))
    );
    cols.append(left, right);
    const evidence = el("p", "sx-evidence");
    if (linked) {
      const a = el("a", "", pick(TEXT.evidence) + " →");
      a.href = withLang(EVIDENCE_PATH);
      evidence.append(a);
    } else {
      evidence.append(document.createTextNode(pick(TEXT.evidence) + (currentLang() === "zh" ? "" : " ")), el("span", "sx-muted", pick(TEXT.evidenceSoon)));
    }
    section.append(cols, evidence);
    root.append(section);
  }
  return root;
}
