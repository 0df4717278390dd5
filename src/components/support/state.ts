/**
 * Filter state of the support-system explorer, and the filtering itself. Pure (no DOM), so that the unit test
 * and the browser test can check the counts the page shows.
 *
 * The state lives in the URL: `?level=&area=&theme=&seed=&q=&view=`. Unknown values are dropped and reported,
 * so a mistyped link still opens, with a note saying what was ignored.
 *
 * What each filter means (a filter keeps an entry when):
 * - level: the measure's level is it / the case works at that level (a case may work at several);
 * - area: the entry addresses that DSTRI policy area;
 * - theme (a theme of the practice cases): the case has the theme / the measure is tagged with the theme or is
 *   put into effect by a case with that theme;
 * - seed: the entry comes from that source text (all cases come from seed 004, all measures from 000-003);
 * - q: the words all occur (case-insensitive) in the entry's English or Chinese id, title, summary, actor or tags.
 */
import {AREAS, LEVELS, SEEDS, THEMES, type Area, type Level, type Theme} from "../../lib/support/vocabulary.js";
import type {Case, Measure} from "../../lib/support/schema.js";

export const VIEWS = ["measures", "cases", "areas"] as const;
export type View = (typeof VIEWS)[number];
export type Seed = (typeof SEEDS)[number];

export interface FilterState {
  level: Level | null;
  area: Area | null;
  theme: Theme | null;
  seed: Seed | null;
  q: string;
  view: View;
}

export const EMPTY_STATE: FilterState = {level: null, area: null, theme: null, seed: null, q: "", view: "measures"};

/** The URL parameters the explorer owns; every other parameter (e.g. `lang`) is left as it is. */
export const PARAMS = ["level", "area", "theme", "seed", "q", "view"] as const;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}

/** The state in a search string, and the `name=value` pairs that were not understood. */
export function parseState(search: string): {state: FilterState; ignored: string[]} {
  const p = new URLSearchParams(search);
  const ignored: string[] = [];
  const read = <T extends string>(name: string, values: readonly T[]): T | null => {
    const raw = p.get(name);
    if (raw === null || raw === "") return null;
    const v = oneOf(values, raw.trim().toLowerCase());
    if (v === null) ignored.push(`${name}=${raw}`);
    return v;
  };
  const state: FilterState = {
    level: read("level", LEVELS),
    area: read("area", AREAS),
    theme: read("theme", THEMES),
    seed: read("seed", SEEDS),
    q: (p.get("q") ?? "").trim(),
    view: read("view", VIEWS) ?? "measures"
  };
  return {state, ignored};
}

/** `search` with the explorer's parameters replaced by `state` (defaults omitted), other parameters kept. */
export function stateToSearch(state: FilterState, search = ""): string {
  const p = new URLSearchParams(search);
  for (const name of PARAMS) p.delete(name);
  if (state.level) p.set("level", state.level);
  if (state.area) p.set("area", state.area);
  if (state.theme) p.set("theme", state.theme);
  if (state.seed) p.set("seed", state.seed);
  if (state.q) p.set("q", state.q);
  if (state.view !== "measures") p.set("view", state.view);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Measure id -> the cases that implement it, in case order. */
export function casesByMeasure(cases: readonly Case[]): Map<string, Case[]> {
  const out = new Map<string, Case[]>();
  for (const c of [...cases].sort((a, b) => a.number - b.number)) {
    for (const id of c.implements) {
      if (!out.has(id)) out.set(id, []);
      out.get(id)!.push(c);
    }
  }
  return out;
}

function words(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join("\n").toLowerCase();
}

function matchesWords(text: string, ws: string[]): boolean {
  return ws.every((w) => text.includes(w));
}

export function measureText(m: Measure): string {
  return haystack([m.id, m.title.en, m.title.zh, m.summary.en, m.summary.zh, ...(m.tags ?? [])]);
}

export function caseText(c: Case): string {
  return haystack([c.id, c.title.en, c.title.zh, c.summary.en, c.summary.zh, c.actor.en, c.actor.zh]);
}

/** True when the measure passes every filter of `state`. `byMeasure` comes from `casesByMeasure(all cases)`. */
export function matchMeasure(m: Measure, state: FilterState, byMeasure: Map<string, Case[]>): boolean {
  if (state.level && m.level !== state.level) return false;
  if (state.area && !m.areas.includes(state.area)) return false;
  if (state.seed && m.source.seed !== state.seed) return false;
  if (state.theme) {
    const theme = state.theme;
    const tagged = (m.tags ?? []).includes(theme);
    if (!tagged && !(byMeasure.get(m.id) ?? []).some((c) => c.theme === theme)) return false;
  }
  const ws = words(state.q);
  return ws.length === 0 || matchesWords(measureText(m), ws);
}

/** True when the case passes every filter of `state`. */
export function matchCase(c: Case, state: FilterState): boolean {
  if (state.level && !c.levels.includes(state.level)) return false;
  if (state.area && !c.areas.includes(state.area)) return false;
  if (state.seed && c.source.seed !== state.seed) return false;
  if (state.theme && c.theme !== state.theme) return false;
  const ws = words(state.q);
  return ws.length === 0 || matchesWords(caseText(c), ws);
}

export interface Filtered {
  measures: Measure[];
  cases: Case[];
}

export function filterCatalogue(measures: readonly Measure[], cases: readonly Case[], state: FilterState): Filtered {
  const byMeasure = casesByMeasure(cases);
  return {
    measures: measures.filter((m) => matchMeasure(m, state, byMeasure)),
    cases: cases.filter((c) => matchCase(c, state))
  };
}

export type Facet = "level" | "area" | "theme" | "seed";
export const FACET_VALUES: {[F in Facet]: readonly string[]} = {level: LEVELS, area: AREAS, theme: THEMES, seed: SEEDS};

/**
 * For each value of `facet`: how many measures and cases would match if that value were chosen and the other
 * filters kept (the numbers shown next to each option). The key "" is "any value".
 */
export function facetCounts(
  measures: readonly Measure[],
  cases: readonly Case[],
  state: FilterState,
  facet: Facet
): Map<string, {measures: number; cases: number}> {
  const out = new Map<string, {measures: number; cases: number}>();
  for (const value of ["", ...FACET_VALUES[facet]]) {
    const f = filterCatalogue(measures, cases, {...state, [facet]: value || null});
    out.set(value, {measures: f.measures.length, cases: f.cases.length});
  }
  return out;
}
