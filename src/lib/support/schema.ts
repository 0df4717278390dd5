/**
 * Schema of the support-system catalogue:
 * - `data/support/measures.json`: measures, countermeasures, development modes, suggestions and ecosystem
 *   elements drawn from the study (seed 000, section 5) and the three background texts (seeds 001-003);
 * - `data/support/cases.json`: the 63 practice cases of seed 004, each linked to the measures it implements.
 *
 * Every text is bilingual (English + Chinese). Entries are tagged with the level of the support system
 * (government / industry / enterprise) and with the OECD DSTRI policy areas they address.
 *
 * Browser-safe but heavy (zod): pages import `vocabulary.ts` for codes and labels, and only `import type` from here.
 */
import {z} from "zod";
import {AREAS, hasCjk, hasHan, KINDS, LEVELS, SEEDS, THEMES} from "./vocabulary.js";

export * from "./vocabulary.js";

/** kebab-case identifiers: lowercase ASCII words and digits joined by single hyphens. */
const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;


/** A text in English and Chinese. `en` must not contain CJK characters; `zh` must contain Chinese. */
export const Bilingual = z.object({
  en: z.string().trim().min(1, "English text is empty").refine((s) => !hasCjk(s), "English text contains CJK characters"),
  zh: z.string().trim().min(1, "Chinese text is empty").refine(hasHan, "Chinese text contains no Chinese characters")
});

/** The three levels of the support system (study, Figure 3). */
export const Level = z.enum(LEVELS);

/** The five OECD DSTRI policy areas. */
export const Area = z.enum(AREAS);

/** Where an entry comes from: the seed text and its section (e.g. `{seed: "000", section: "5.1.1"}`). */
export const Source = z.object({
  seed: z.enum(SEEDS),
  section: z.string().trim().min(1, "section is empty")
});

/** What kind of entry a measure is, following the wording of its source text. */
export const Kind = z.enum(KINDS);

/** The nine themes under which seed 004 groups its practice cases. */
export const Theme = z.enum(THEMES);

const KebabId = z.string().regex(KEBAB_RE, "id must be kebab-case (lowercase letters, digits, single hyphens)");
const Tag = z.string().regex(KEBAB_RE, "tag must be kebab-case");

/** One measure / countermeasure / mode / suggestion / ecosystem element. */
export const Measure = z.object({
  id: KebabId,
  level: Level,
  title: Bilingual,
  summary: Bilingual,
  /** The DSTRI areas whose cost the entry may ease; [] when it touches none (logistics, finance, skills). */
  areas: z.array(Area),
  source: Source,
  kind: Kind,
  tags: z.array(Tag).optional()
});

/** Case ids run from `case-01` to `case-63`. */
const CASE_ID_RE = /^case-(?:0[1-9]|[1-5]\d|6[0-3])$/;

/** One practice case of seed 004. */
export const Case = z.object({
  id: z.string().regex(CASE_ID_RE, "id must be case-01 .. case-63"),
  number: z.number().int().min(1).max(63),
  title: Bilingual,
  actor: Bilingual,
  theme: Theme,
  summary: Bilingual,
  levels: z.array(Level).min(1, "at least one level"),
  areas: z.array(Area),
  implements: z.array(KebabId),
  source: z.object({seed: z.literal("004"), section: z.string().trim().min(1, "section is empty")})
});

export const MeasuresFile = z.object({version: z.literal(1), measures: z.array(Measure)});
export const CasesFile = z.object({version: z.literal(1), cases: z.array(Case)});

export type Source = z.infer<typeof Source>;
export type Measure = z.infer<typeof Measure>;
export type Case = z.infer<typeof Case>;
export type MeasuresFile = z.infer<typeof MeasuresFile>;
export type CasesFile = z.infer<typeof CasesFile>;

/** A zod issue as one readable line, e.g. `measures[3] (gov-x): title.zh: Chinese text contains no Chinese characters`. */
function issueLine(collection: string, entries: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  if (path[0] === collection && typeof path[1] === "number") {
    const i = path[1];
    const entry = Array.isArray(entries) ? entries[i] : undefined;
    const id = entry && typeof entry === "object" && typeof (entry as {id?: unknown}).id === "string" ? ` (${(entry as {id: string}).id})` : "";
    const field = path.slice(2).map(String).join(".") || "(entry)";
    return `${collection}[${i}]${id}: ${field}: ${issue.message}`;
  }
  return `${collection} file: ${path.map(String).join(".") || "(root)"}: ${issue.message}`;
}

/** Accepts a file object (`{version, measures}` / `{version, cases}`) or a bare array of entries. */
function asFile(input: unknown, key: "measures" | "cases"): unknown {
  return Array.isArray(input) ? {version: 1, [key]: input} : input;
}

/**
 * Checks the measures and cases together and returns readable problems, one line each naming the entry
 * and the field (an empty array means the catalogue is valid). Checks: each file against its schema;
 * unique measure ids; unique case ids and numbers; each case's id agrees with its number (`case-07` ↔ 7);
 * no repeated areas/levels within an entry; every id in a case's `implements` names an existing measure.
 * Each argument may be the parsed JSON file or a bare array of entries; pass `[]` for a missing side.
 */
export function validateCatalogue(measures: unknown, cases: unknown): string[] {
  const problems: string[] = [];
  const mRaw = asFile(measures, "measures");
  const cRaw = asFile(cases, "cases");
  const mParsed = MeasuresFile.safeParse(mRaw);
  const cParsed = CasesFile.safeParse(cRaw);
  const mEntries = (mRaw as {measures?: unknown})?.measures;
  const cEntries = (cRaw as {cases?: unknown})?.cases;
  if (!mParsed.success) for (const issue of mParsed.error.issues) problems.push(issueLine("measures", mEntries, issue));
  if (!cParsed.success) for (const issue of cParsed.error.issues) problems.push(issueLine("cases", cEntries, issue));

  // Cross-checks run on whatever entries have a usable id, even if some fields failed the schema.
  const mList = Array.isArray(mEntries) ? (mEntries as Partial<Measure>[]) : [];
  const cList = Array.isArray(cEntries) ? (cEntries as Partial<Case>[]) : [];

  const measureIds = new Set<string>();
  mList.forEach((m, i) => {
    if (!m || typeof m.id !== "string") return;
    if (measureIds.has(m.id)) problems.push(`measures[${i}] (${m.id}): id: duplicate measure id`);
    measureIds.add(m.id);
    if (Array.isArray(m.areas) && new Set(m.areas).size !== m.areas.length) problems.push(`measures[${i}] (${m.id}): areas: repeated area`);
    if (Array.isArray(m.tags) && new Set(m.tags).size !== m.tags.length) problems.push(`measures[${i}] (${m.id}): tags: repeated tag`);
  });

  const caseIds = new Set<string>();
  const caseNumbers = new Set<number>();
  cList.forEach((c, i) => {
    if (!c) return;
    const label = typeof c.id === "string" ? `cases[${i}] (${c.id})` : `cases[${i}]`;
    if (typeof c.id === "string") {
      if (caseIds.has(c.id)) problems.push(`${label}: id: duplicate case id`);
      caseIds.add(c.id);
    }
    if (typeof c.number === "number") {
      if (caseNumbers.has(c.number)) problems.push(`${label}: number: duplicate case number ${c.number}`);
      caseNumbers.add(c.number);
      if (typeof c.id === "string" && c.id !== `case-${String(c.number).padStart(2, "0")}`) {
        problems.push(`${label}: number: ${c.number} does not match the id`);
      }
    }
    if (Array.isArray(c.levels) && new Set(c.levels).size !== c.levels.length) problems.push(`${label}: levels: repeated level`);
    if (Array.isArray(c.areas) && new Set(c.areas).size !== c.areas.length) problems.push(`${label}: areas: repeated area`);
    if (Array.isArray(c.implements)) {
      c.implements.forEach((ref, j) => {
        if (typeof ref === "string" && !measureIds.has(ref)) problems.push(`${label}: implements[${j}]: unknown measure id "${ref}"`);
      });
      if (new Set(c.implements).size !== c.implements.length) problems.push(`${label}: implements: repeated measure id`);
    }
  });

  return problems;
}
