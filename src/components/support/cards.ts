/**
 * Cards of the support-system explorer: one measure (with the practice cases that put it into effect beside it)
 * and one practice case (with its theme, actor and the measures it implements). Plain DOM, text only through
 * textContent: catalogue text is never parsed as HTML.
 */
import {currentLang, pick} from "../../lib/i18n.js";
import {AREA_LABELS, KIND_LABELS, LEVEL_LABELS, THEME_LABELS} from "../../lib/support/vocabulary.js";
import type {Case, Measure} from "../../lib/support/schema.js";
import {SEED_LABELS, TEXT, colon, paren, sectionLabel} from "./labels.js";

/** `document.createElement` with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Small labelled chips: level, areas, theme, kind. `kind` drives the colour in style.css. */
function chip(kind: string, text: string, value?: string): HTMLSpanElement {
  const c = el("span", `sx-chip sx-chip-${kind}`, text);
  if (value) c.dataset.value = value;
  return c;
}

/**
 * An area chip. A measure taken in China cannot change a partner's DSTRI; at most it eases the cost of that partner's
 * barrier for exporters, so the chip says so (issue 24), and its title says the link is editorial.
 */
function areaChip(a: keyof typeof AREA_LABELS): HTMLSpanElement {
  const c = chip("area", pick({en: `Eases the cost of: ${AREA_LABELS[a].en}`, zh: `缓解其成本：${AREA_LABELS[a].zh}`}), a);
  c.title = pick({en: "An editorial link between the measure and a partner barrier whose cost it may ease; not an evaluation.", zh: "编者对措施与其可能缓解成本的伙伴国壁垒所作的关联，并非评估结论。"});
  return c;
}

function sourceLine(seed: keyof typeof SEED_LABELS, section: string): HTMLElement {
  const s = el("div", "sx-source");
  const lang = currentLang();
  const where = sectionLabel(lang, section);
  s.textContent = `${pick({en: "Source", zh: "来源"})}${colon(lang)}${pick(SEED_LABELS[seed])}${where ? ` · ${where}` : ""}`;
  return s;
}

/** A case shown beside a measure: number and title; its actor, theme and summary open on demand. */
function caseMini(c: Case): HTMLLIElement {
  const li = el("li", "sx-case-mini");
  li.dataset.id = c.id;
  const details = el("details");
  const summary = el("summary");
  summary.append(el("span", "sx-num", String(c.number).padStart(2, "0")), document.createTextNode(" " + pick(c.title)));
  details.append(summary, el("div", "sx-muted", `${pick(c.actor)} · ${pick(THEME_LABELS[c.theme])}`), el("p", "sx-summary", pick(c.summary)));
  li.append(details);
  return li;
}

/** One measure, its cases beside it. `cases` are the cases implementing the measure. */
export function measureCard(m: Measure, cases: readonly Case[]): HTMLElement {
  const card = el("article", "sx-measure");
  card.id = m.id;
  card.dataset.id = m.id;
  const main = el("div", "sx-main");
  const chips = el("div", "sx-chips");
  chips.append(chip("level", pick(LEVEL_LABELS[m.level]), m.level), chip("kind", pick(KIND_LABELS[m.kind])));
  for (const a of m.areas) chips.append(areaChip(a));
  main.append(el("h3", "sx-title", pick(m.title)), chips, el("p", "sx-summary", pick(m.summary)), sourceLine(m.source.seed, m.source.section));
  // No practice case yet: no empty box (issue 19), the measure takes the whole width.
  if (!cases.length) {
    card.classList.add("sx-solo");
    card.append(main);
    return card;
  }
  const side = el("aside", "sx-side");
  side.append(el("div", "sx-side-label", pick(TEXT.implementedBy) + paren(currentLang(), cases.length)));
  const ul = el("ul", "sx-case-list");
  for (const c of cases) ul.append(caseMini(c));
  side.append(ul);
  card.append(main, side);
  return card;
}

/** One practice case. `measures` maps measure ids to measures, to name the ones the case implements. */
export function caseCard(c: Case, measures: ReadonlyMap<string, Measure>): HTMLElement {
  const card = el("article", "sx-case");
  card.id = c.id;
  card.dataset.id = c.id;
  const main = el("div", "sx-main");
  const head = el("h3", "sx-title");
  head.append(el("span", "sx-num", `${pick(TEXT.caseNo)} ${c.number}`), document.createTextNode(" "), el("span", "", pick(c.title)));
  const chips = el("div", "sx-chips");
  chips.append(chip("theme", pick(THEME_LABELS[c.theme]), c.theme));
  for (const l of c.levels) chips.append(chip("level", pick(LEVEL_LABELS[l]), l));
  for (const a of c.areas) chips.append(areaChip(a));
  const actor = el("div", "sx-actor");
  actor.append(el("strong", "", pick(TEXT.actor) + colon(currentLang())), document.createTextNode(pick(c.actor)));
  main.append(head, chips, actor, el("p", "sx-summary", pick(c.summary)), sourceLine(c.source.seed, c.source.section));
  const side = el("aside", "sx-side");
  side.append(el("div", "sx-side-label", pick(TEXT.implementsLabel) + paren(currentLang(), c.implements.length)));
  if (c.implements.length) {
    const ul = el("ul", "sx-case-list");
    for (const id of c.implements) {
      const m = measures.get(id);
      const li = el("li", "sx-measure-mini");
      li.dataset.id = id;
      if (m) li.append(chip("level", pick(LEVEL_LABELS[m.level]), m.level), document.createTextNode(" " + pick(m.title)));
      else li.textContent = id;
      ul.append(li);
    }
    side.append(ul);
  } else {
    side.append(el("p", "sx-muted", pick(TEXT.implementsNone)));
  }
  card.append(main, side);
  return card;
}
