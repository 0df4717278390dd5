import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {AREAS, CasesFile, LEVELS, MeasuresFile, THEMES, hasCjk, hasHan, validateCatalogue} from "../../../src/lib/support/schema.js";
import type {Case, CasesFile as CasesFileT} from "../../../src/lib/support/schema.js";

// The 63 practice cases of seed 004 (data/support/cases.json), checked against the zod schema and
// against the measures they claim to implement (data/support/measures.json).

const root = fileURLToPath(new URL("../../../", import.meta.url));
const casesPath = `${root}data/support/cases.json`;
const measuresPath = `${root}data/support/measures.json`;

const raw: unknown = JSON.parse(readFileSync(casesPath, "utf8"));
const file: CasesFileT = CasesFile.parse(raw);
const cases: Case[] = file.cases;
const measuresRaw: unknown = existsSync(measuresPath) ? JSON.parse(readFileSync(measuresPath, "utf8")) : undefined;

/** Chapter number of each theme's heading in seed 004 ("01 Government Planning ..." etc.). */
const THEME_CHAPTER: Record<string, string> = {
  "pilot-zones": "01",
  "integrated-services": "02",
  "trading-platforms": "03",
  "brand-building": "04",
  logistics: "05",
  finance: "06",
  "technical-support": "07",
  "industrial-support": "08",
  "dispute-resolution": "09"
};

/** Number of sentences in an English text: terminal punctuation followed by a space or the end. */
function sentenceCount(s: string): number {
  return (s.trim().match(/[.!?]["')]?(?=\s|$)/g) ?? []).length;
}

/** A valid case to mutate in the negative tests. */
function sampleCase(): Record<string, unknown> {
  return structuredClone(cases[0]) as unknown as Record<string, unknown>;
}

describe("data/support/cases.json", () => {
  it("parses with the zod schema (version 1)", () => {
    const parsed = CasesFile.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
    expect(file.version).toBe(1);
  });

  it("has exactly 63 cases numbered 1..63 in order, with unique ids matching the numbers", () => {
    expect(cases).toHaveLength(63);
    expect(cases.map((c) => c.number)).toEqual(Array.from({length: 63}, (_, i) => i + 1));
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(63);
    for (const c of cases) expect(c.id).toBe(`case-${String(c.number).padStart(2, "0")}`);
  });

  it("covers every one of the nine themes, with cases in the seed's chapter order", () => {
    const themes = new Set(cases.map((c) => c.theme));
    for (const t of THEMES) expect(themes.has(t), `theme ${t} missing`).toBe(true);
    // Seed 004 lists the chapters in order, so theme chapters never decrease along the numbering.
    const chapters = cases.map((c) => THEME_CHAPTER[c.theme]);
    expect([...chapters].sort()).toEqual(chapters);
  });

  it("records the seed and a section that belongs to the case's theme", () => {
    for (const c of cases) {
      expect(c.source.seed).toBe("004");
      expect(c.source.section.startsWith(`${THEME_CHAPTER[c.theme]} `), `${c.id}: section "${c.source.section}"`).toBe(true);
    }
  });

  it("is bilingual: each zh text has Chinese characters, each en text has no CJK characters", () => {
    for (const c of cases) {
      for (const field of ["title", "actor", "summary"] as const) {
        expect(hasHan(c[field].zh), `${c.id} ${field}.zh`).toBe(true);
        expect(hasCjk(c[field].en), `${c.id} ${field}.en`).toBe(false);
      }
    }
  });

  it("keeps summaries to one to three sentences and titles distinct", () => {
    for (const c of cases) {
      const n = sentenceCount(c.summary.en);
      expect(n, `${c.id}: ${n} sentences`).toBeGreaterThanOrEqual(1);
      expect(n, `${c.id}: ${n} sentences`).toBeLessThanOrEqual(3);
    }
    expect(new Set(cases.map((c) => c.title.en)).size).toBe(63);
    expect(new Set(cases.map((c) => c.title.zh)).size).toBe(63);
  });

  it("uses only known levels and areas, without repeats", () => {
    for (const c of cases) {
      expect(new Set(c.levels).size, `${c.id} levels`).toBe(c.levels.length);
      expect(new Set(c.areas).size, `${c.id} areas`).toBe(c.areas.length);
      for (const l of c.levels) expect(LEVELS).toContain(l);
      for (const a of c.areas) expect(AREAS).toContain(a);
    }
    // Every level and every area is used by at least one case.
    for (const l of LEVELS) expect(cases.some((c) => c.levels.includes(l)), `level ${l}`).toBe(true);
    for (const a of AREAS) expect(cases.some((c) => c.areas.includes(a)), `area ${a}`).toBe(true);
  });

  it("links only to measures that exist in data/support/measures.json", () => {
    if (measuresRaw === undefined) {
      // Without the measures file there is nothing to link to.
      for (const c of cases) expect(c.implements, c.id).toEqual([]);
      return;
    }
    const measures = MeasuresFile.parse(measuresRaw).measures;
    const ids = new Set(measures.map((m) => m.id));
    for (const c of cases) {
      expect(new Set(c.implements).size, `${c.id} repeated link`).toBe(c.implements.length);
      for (const ref of c.implements) expect(ids.has(ref), `${c.id} -> ${ref}`).toBe(true);
    }
    // Most cases put at least one measure into effect.
    expect(cases.filter((c) => c.implements.length > 0).length).toBeGreaterThanOrEqual(50);
    // The shared validator agrees.
    expect(validateCatalogue(measuresRaw, raw)).toEqual([]);
  });
});

describe("Case schema rejects malformed cases", () => {
  it("rejects a case without areas", () => {
    const c = sampleCase();
    delete c.areas;
    expect(CasesFile.safeParse({version: 1, cases: [c]}).success).toBe(false);
  });

  it("accepts a case tied to no DSTRI area (logistics, skills) and rejects an unknown area", () => {
    const empty = {...sampleCase(), areas: []};
    const unknown = {...sampleCase(), areas: ["customs"]};
    expect(CasesFile.safeParse({version: 1, cases: [empty]}).success).toBe(true);
    expect(CasesFile.safeParse({version: 1, cases: [unknown]}).success).toBe(false);
  });

  it("rejects a case whose Chinese text has no Chinese, or whose English text has Chinese", () => {
    const noZh = {...sampleCase(), title: {en: "A title", zh: "A title"}};
    const zhInEn = {...sampleCase(), summary: {en: "广州 pilot zone", zh: "广州综试区"}};
    expect(CasesFile.safeParse({version: 1, cases: [noZh]}).success).toBe(false);
    expect(CasesFile.safeParse({version: 1, cases: [zhInEn]}).success).toBe(false);
  });

  it("rejects a case id outside case-01..case-63 and a wrong seed", () => {
    expect(CasesFile.safeParse({version: 1, cases: [{...sampleCase(), id: "case-64"}]}).success).toBe(false);
    expect(CasesFile.safeParse({version: 1, cases: [{...sampleCase(), source: {seed: "000", section: "x"}}]}).success).toBe(false);
  });

  it("the sample case itself is valid (so the rejections above are due to the mutation)", () => {
    expect(CasesFile.safeParse({version: 1, cases: [sampleCase()]}).success).toBe(true);
  });
});
