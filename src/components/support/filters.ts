/**
 * The filter bar of the support-system explorer: level, barrier area, case theme, source, a text search and the
 * view. Each option shows how many measures and cases it would leave (with the other filters kept). The bar
 * keeps its elements across updates (`update` only rewrites option texts and values), so typing in the search
 * box is never interrupted.
 */
import {currentLang, pick} from "../../lib/i18n.js";
import {AREA_LABELS, LEVEL_LABELS, THEME_LABELS} from "../../lib/support/vocabulary.js";
import type {Case, Measure} from "../../lib/support/schema.js";
import {el} from "./cards.js";
import {SEED_LABELS, TEXT, VIEW_LABELS, optionCount, paren} from "./labels.js";
import {EMPTY_STATE, FACET_VALUES, VIEWS, facetCounts, type Facet, type FilterState, type View} from "./state.js";

const FACET_LABELS: Record<Facet, Record<string, {en: string; zh: string}>> = {
  level: LEVEL_LABELS,
  area: AREA_LABELS,
  theme: THEME_LABELS,
  seed: SEED_LABELS
};

export interface FilterBar {
  element: HTMLElement;
  /** Show `state` and refresh the counts next to each option. */
  update(state: FilterState): void;
}

export function filterBar(
  measures: readonly Measure[],
  cases: readonly Case[],
  onChange: (next: FilterState) => void
): FilterBar {
  const lang = currentLang();
  let state: FilterState = EMPTY_STATE;
  const form = el("form", "sx-filters");
  form.setAttribute("role", "search");
  form.addEventListener("submit", (e) => e.preventDefault());

  const selects = {} as Record<Facet, HTMLSelectElement>;
  for (const facet of ["level", "area", "theme", "seed"] as Facet[]) {
    const label = el("label", "sx-field");
    label.append(el("span", "sx-field-label", pick(TEXT[facet])));
    const select = el("select");
    select.name = facet;
    select.append(new Option(pick(TEXT.any), ""));
    for (const v of FACET_VALUES[facet]) select.append(new Option(pick(FACET_LABELS[facet][v]), v));
    select.addEventListener("change", () => onChange({...state, [facet]: select.value || null}));
    label.append(select);
    form.append(label);
    selects[facet] = select;
  }

  const searchLabel = el("label", "sx-field sx-field-search");
  searchLabel.append(el("span", "sx-field-label", pick(TEXT.search)));
  const search = el("input");
  search.type = "search";
  search.name = "q";
  search.placeholder = pick(TEXT.searchPlaceholder);
  search.addEventListener("input", () => onChange({...state, q: search.value.trim()}));
  searchLabel.append(search);
  form.append(searchLabel);

  const reset = el("button", "sx-reset", pick(TEXT.reset));
  reset.type = "button";
  reset.addEventListener("click", () => onChange({...EMPTY_STATE, view: state.view}));
  form.append(reset);

  const views = el("div", "sx-views");
  views.setAttribute("role", "radiogroup");
  views.setAttribute("aria-label", pick(TEXT.view));
  const viewInputs = new Map<View, HTMLInputElement>();
  for (const v of VIEWS) {
    const label = el("label", "sx-view");
    const input = el("input");
    input.type = "radio";
    input.name = "view";
    input.value = v;
    input.addEventListener("change", () => input.checked && onChange({...state, view: v}));
    label.append(input, el("span", "", pick(VIEW_LABELS[v])));
    views.append(label);
    viewInputs.set(v, input);
  }

  const element = el("div", "sx-filter-bar");
  element.append(form, views);

  function update(next: FilterState): void {
    state = next;
    for (const facet of Object.keys(selects) as Facet[]) {
      const select = selects[facet];
      const counts = facetCounts(measures, cases, state, facet);
      for (const option of Array.from(select.options)) {
        const n = counts.get(option.value)!;
        const name = option.value ? pick(FACET_LABELS[facet][option.value]) : pick(TEXT.any);
        option.textContent = name + paren(lang, optionCount(lang, n.measures, n.cases));
        option.dataset.measures = String(n.measures);
        option.dataset.cases = String(n.cases);
      }
      select.value = state[facet] ?? "";
    }
    if (search.value.trim() !== state.q) search.value = state.q;
    viewInputs.get(state.view)!.checked = true;
  }

  return {element, update};
}
