/**
 * The support-system explorer: filter bar, a line with the counts, and the results (measures with the cases
 * that put them into effect, practice cases, or the five barrier areas). The filter state is kept in the URL
 * (history.replaceState, other parameters such as `lang` untouched), so a copied link reproduces the view.
 */
import {currentLang, pick} from "../../lib/i18n.js";
import {AREAS, AREA_LABELS} from "../../lib/support/vocabulary.js";
import type {Case, Measure} from "../../lib/support/schema.js";
import {byArea} from "./by-area.js";
import type {AreaEvidenceInput} from "../../lib/support/area-evidence.js";
import {caseCard, el, measureCard} from "./cards.js";
import {filterBar} from "./filters.js";
import {TEXT, showing} from "./labels.js";
import {casesByMeasure, filterCatalogue, parseState, stateToSearch, type FilterState} from "./state.js";

export function supportExplorer(measures: readonly Measure[], cases: readonly Case[], evidence: readonly AreaEvidenceInput[] = []): HTMLElement {
  const lang = currentLang();
  const byMeasure = casesByMeasure(cases);
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const root = el("div", "sx");

  const {state: initial, ignored} = parseState(location.search);
  if (ignored.length) {
    const note = el("p", "sx-note");
    note.setAttribute("role", "status");
    note.append(document.createTextNode(pick(TEXT.ignored) + " "), el("code", "", ignored.join(", ")));
    root.append(note);
  }

  const bar = filterBar(measures, cases, (next) => render(next, true));
  const summary = el("p", "sx-summary-line");
  summary.setAttribute("aria-live", "polite");
  const results = el("div", "sx-results");
  root.append(bar.element, summary, el("p", "sx-hint", pick(TEXT.copyHint)), results);

  function render(state: FilterState, push: boolean): void {
    if (push) {
      const url = `${location.pathname}${stateToSearch(state, location.search)}${location.hash}`;
      history.replaceState(history.state, "", url);
    }
    bar.update(state);
    const f = filterCatalogue(measures, cases, state);
    summary.textContent = showing(lang, f.measures.length, measures.length, f.cases.length, cases.length);
    summary.dataset.measures = String(f.measures.length);
    summary.dataset.cases = String(f.cases.length);
    root.dataset.view = state.view;
    results.replaceChildren();
    if (state.view === "areas") {
      results.append(byArea(f.measures, f.cases, state, evidence));
    } else if (state.view === "cases") {
      if (!f.cases.length) results.append(el("p", "sx-muted", pick(TEXT.noneMatch)));
      for (const c of f.cases) results.append(caseCard(c, measureById));
    } else {
      if (!f.measures.length) results.append(el("p", "sx-muted", pick(TEXT.noneMatch)));
      // Grouped by DSTRI area (a measure under the first area it addresses), collapsed: a busy reader opens the
      // area they care about; a filter that leaves few measures opens them.
      const open = f.measures.length <= 8;
      for (const area of [...AREAS, null]) {
        const ms = f.measures.filter((m) => (area === null ? m.areas.length === 0 : m.areas[0] === area));
        if (!ms.length) continue;
        const group = el("details", "sx-group-box");
        group.dataset.area = area ?? "none";
        group.open = open;
        const label = area === null ? pick({en: "No DSTRI area (logistics, finance, skills)", zh: "不对应 DSTRI 领域（物流、金融、人才）"}) : pick(AREA_LABELS[area]);
        group.append(el("summary", "sx-group", `${label} · ${pick({en: `${ms.length} measure${ms.length > 1 ? "s" : ""}`, zh: `${ms.length} 项措施`})}`));
        for (const m of ms) group.append(measureCard(m, byMeasure.get(m.id) ?? []));
        results.append(group);
      }
    }
  }

  render(initial, false);
  return root;
}
