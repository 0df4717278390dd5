import {existsSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  AREA_DESCRIPTIONS,
  AREA_LABELS,
  AREAS,
  KIND_LABELS,
  KINDS,
  LEVEL_LABELS,
  LEVELS,
  MeasuresFile,
  THEME_LABELS,
  THEMES,
  validateCatalogue,
  type Case,
  type Measure
} from "../../../src/lib/support/schema.js";

const MEASURES_URL = new URL("../../../data/support/measures.json", import.meta.url);
const CASES_URL = new URL("../../../data/support/cases.json", import.meta.url);
const raw = JSON.parse(readFileSync(MEASURES_URL, "utf8"));
const {measures} = MeasuresFile.parse(raw);

// Independent of the schema's own helpers, so a bug there cannot hide a bad entry here.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const ANY_CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LEVEL_PREFIX = {government: "gov-", industry: "ind-", enterprise: "ent-"} as const;

/** Sentences in an English text: runs ending in . ! or ? followed by a space or the end. */
function englishSentences(s: string): number {
  return s.trim().split(/(?<=[.!?])\s+/).filter((x) => x.length > 0).length;
}

/** A deep copy of the measures file, for breaking on purpose. */
function copy(): {version: 1; measures: Measure[]} {
  return structuredClone(raw);
}

/** A minimal valid case implementing the given measure ids. */
function aCase(n: number, implementsIds: string[]): Case {
  return {
    id: `case-${String(n).padStart(2, "0")}`,
    number: n,
    title: {en: "A case", zh: "一个案例"},
    actor: {en: "An actor", zh: "某主体"},
    theme: "logistics",
    summary: {en: "Something was done.", zh: "做了某事。"},
    levels: ["enterprise"],
    areas: ["infra"],
    implements: implementsIds,
    source: {seed: "004", section: "5"}
  };
}

describe("data/support/measures.json (the support-system catalogue)", () => {
  it("validates against the schema and the catalogue checks", () => {
    expect(validateCatalogue(raw, [])).toEqual([]);
    expect(measures.length).toBeGreaterThanOrEqual(40);
    expect(measures.length).toBeLessThanOrEqual(80);
  });

  it("has unique kebab-case ids whose prefix names the level", () => {
    const ids = measures.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of measures) {
      expect(m.id, m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.id.startsWith(LEVEL_PREFIX[m.level]), `${m.id} is ${m.level}`).toBe(true);
    }
  });

  it("gives every entry English and Chinese text (zh has Chinese, en has no CJK at all)", () => {
    for (const m of measures) {
      for (const field of ["title", "summary"] as const) {
        const {en, zh} = m[field];
        expect(en.trim().length, `${m.id} ${field}.en`).toBeGreaterThan(0);
        expect(ANY_CJK.test(en), `${m.id} ${field}.en has CJK: ${en}`).toBe(false);
        expect(HAN.test(zh), `${m.id} ${field}.zh has no Chinese: ${zh}`).toBe(true);
        // Chinese text should be mostly Chinese, not English with a few characters sprinkled in.
        const han = [...zh].filter((c) => HAN.test(c)).length;
        expect(han / [...zh].length, `${m.id} ${field}.zh is mostly Chinese`).toBeGreaterThan(0.6);
      }
    }
  });

  it("keeps summaries to 1-3 sentences and titles short", () => {
    for (const m of measures) {
      const n = englishSentences(m.summary.en);
      expect(n, `${m.id}: ${n} sentences`).toBeGreaterThanOrEqual(1);
      expect(n, `${m.id}: ${n} sentences`).toBeLessThanOrEqual(3);
      expect(m.summary.en, m.id).toMatch(/[.!?]$/);
      expect(m.summary.zh, m.id).toMatch(/。$/);
      expect(m.title.en.length, m.id).toBeLessThanOrEqual(90);
      expect(m.title.en, `${m.id} title ends without a full stop`).not.toMatch(/\.$/);
    }
  });

  it("tags every entry with a level, its DSTRI areas (possibly none), a kind, free tags and a source", () => {
    for (const m of measures) {
      expect(LEVELS, m.id).toContain(m.level);
      expect(new Set(m.areas).size, `${m.id} repeats an area`).toBe(m.areas.length);
      for (const a of m.areas) expect(AREAS, m.id).toContain(a);
      expect(KINDS, m.id).toContain(m.kind);
      expect(m.tags?.length ?? 0, `${m.id} has tags`).toBeGreaterThan(0);
      expect(["000", "001", "002", "003"], `${m.id} source seed`).toContain(m.source.seed);
      expect(m.source.section.trim().length, m.id).toBeGreaterThan(0);
    }
  });

  it("re-checks the area tags against the DSTRI's own area definitions (issue 24)", () => {
    const byId = new Map(measures.map((m) => [m.id, m]));
    // Overseas warehouses and fulfilment centres are logistics, not the DSTRI's infrastructure and connectivity
    // (interconnection, data flows, localisation); export-credit insurance is not its payment-system restrictions;
    // degree programmes and training are not its "other barriers" (performance requirements, downloads, ads).
    for (const id of ["gov-public-overseas-warehouses-routes", "ent-smart-hub-warehouses", "ent-regional-fulfilment-centres", "ind-rail-warehouse-intermodal"]) expect(byId.get(id)!.areas, id).not.toContain("infra");
    for (const id of ["gov-export-financing", "ind-ecommerce-insurance"]) expect(byId.get(id)!.areas, id).not.toContain("payment");
    for (const id of ["gov-university-cbec-programmes", "ind-professional-training", "ind-school-enterprise-training"]) expect(byId.get(id)!.areas, id).not.toContain("other");
    for (const m of measures) {
      const text = `${m.title.en} ${m.summary.en}`.toLowerCase();
      if (/overseas warehouse|fulfilment cent/.test(text) && !/data|digital|infrastructure/.test(text)) expect(m.areas, m.id).not.toContain("infra");
      if (/degree programme/.test(text)) expect(m.areas, m.id).not.toContain("other");
    }
  });

  it("covers every level and every one of the five DSTRI areas", () => {
    for (const level of LEVELS) expect(measures.filter((m) => m.level === level).length, level).toBeGreaterThan(0);
    for (const area of AREAS) expect(measures.filter((m) => m.areas.includes(area)).length, area).toBeGreaterThan(0);
    for (const level of LEVELS) {
      const areas = new Set(measures.filter((m) => m.level === level).flatMap((m) => m.areas));
      expect(areas.size, `${level} measures span several areas`).toBeGreaterThanOrEqual(3);
    }
  });

  it("draws on each of seeds 000-003, with the kind that matches each source", () => {
    for (const seed of ["000", "001", "002", "003"]) {
      expect(measures.filter((m) => m.source.seed === seed).length, `seed ${seed}`).toBeGreaterThan(0);
    }
    const kindBySeed: Record<string, string[]> = {"000": ["measure"], "001": ["countermeasure"], "002": ["mode", "suggestion"], "003": ["ecosystem"]};
    for (const m of measures) expect(kindBySeed[m.source.seed], m.id).toContain(m.kind);
  });

  it("covers every subsection of the study's section 5, each under its own level", () => {
    const study = measures.filter((m) => m.source.seed === "000");
    const sections = ["5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2", "5.2.3", "5.3.1", "5.3.2", "5.3.3"];
    const levelOf = {"5.1": "government", "5.2": "industry", "5.3": "enterprise"} as const;
    for (const s of sections) {
      const found = study.filter((m) => m.source.section === s);
      expect(found.length, `section ${s}`).toBeGreaterThan(0);
      for (const m of found) expect(m.level, `${m.id} (${s})`).toBe(levelOf[s.slice(0, 3) as keyof typeof levelOf]);
    }
    for (const m of study) expect(sections, m.id).toContain(m.source.section);
    // 5.1.3 lists seven support policies; each has its own entry.
    expect(study.filter((m) => m.source.section === "5.1.3").length).toBe(7);
  });

  it("has all five development modes and all five suggestions of seed 002", () => {
    const s002 = measures.filter((m) => m.source.seed === "002");
    expect(s002.filter((m) => m.kind === "mode").map((m) => m.source.section).sort()).toEqual(["2.1", "2.2", "2.3", "2.4", "2.5"]);
    expect(s002.filter((m) => m.kind === "suggestion").map((m) => m.source.section).sort()).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5"]);
  });

  it("covers every countermeasure section 3.1-3.8 of seed 001", () => {
    const sections = new Set(measures.filter((m) => m.source.seed === "001").map((m) => m.source.section));
    expect([...sections].sort()).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"]);
  });
});

describe("validateCatalogue catches broken entries", () => {
  it("accepts a valid case that implements existing measures", () => {
    expect(validateCatalogue(raw, {version: 1, cases: [aCase(1, [measures[0].id, measures[1].id])]})).toEqual([]);
  });

  it("names the entry and the field of an English-only Chinese text", () => {
    const broken = copy();
    broken.measures[2].summary.zh = "English where Chinese should be";
    const problems = validateCatalogue(broken, []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`measures[2] (${measures[2].id})`);
    expect(problems[0]).toContain("summary.zh");
  });

  it("flags Chinese characters in English text, an unknown area, an unknown level and a bad id", () => {
    const broken = copy();
    broken.measures[0].title.en = "Infrastructure 基础设施";
    (broken.measures[1] as {areas: string[]}).areas = ["logistics"];
    (broken.measures[3] as {level: string}).level = "province";
    broken.measures[4].id = "Not Kebab";
    const problems = validateCatalogue(broken, []).join("\n");
    expect(problems).toContain(`measures[0] (${measures[0].id}): title.en`);
    expect(problems).toContain(`measures[1] (${measures[1].id}): areas`);
    expect(problems).toContain(`measures[3] (${measures[3].id}): level`);
    expect(problems).toContain("measures[4] (Not Kebab): id");
  });

  it("flags duplicate ids and repeated areas", () => {
    const broken = copy();
    broken.measures[5].id = broken.measures[6].id;
    broken.measures[7].areas = ["infra", "infra"];
    const problems = validateCatalogue(broken, []);
    expect(problems).toContain(`measures[6] (${measures[6].id}): id: duplicate measure id`);
    expect(problems).toContain(`measures[7] (${measures[7].id}): areas: repeated area`);
  });

  it("flags a case that implements a missing measure, a wrong number and a duplicate case", () => {
    const bad = aCase(2, [measures[0].id, "no-such-measure"]);
    const wrongNumber = {...aCase(3, []), number: 4};
    const problems = validateCatalogue(raw, [bad, wrongNumber, aCase(2, [])]);
    expect(problems).toContain('cases[0] (case-02): implements[1]: unknown measure id "no-such-measure"');
    expect(problems).toContain("cases[1] (case-03): number: 4 does not match the id");
    expect(problems).toContain("cases[2] (case-02): id: duplicate case id");
  });

  it("flags a case from the wrong seed or with an unknown theme", () => {
    const c = aCase(5, []) as unknown as Record<string, unknown>;
    c.source = {seed: "001", section: "3"};
    c.theme = "tourism";
    const problems = validateCatalogue(raw, [c]).join("\n");
    expect(problems).toContain("cases[0] (case-05): source.seed");
    expect(problems).toContain("cases[0] (case-05): theme");
  });
});

describe("bilingual labels", () => {
  it("labels every level, area, theme and kind in both languages", () => {
    const tables: [string, readonly string[], Record<string, {en: string; zh: string}>][] = [
      ["level", LEVELS, LEVEL_LABELS],
      ["area", AREAS, AREA_LABELS],
      ["theme", THEMES, THEME_LABELS],
      ["kind", KINDS, KIND_LABELS]
    ];
    for (const [name, keys, labels] of tables) {
      expect(Object.keys(labels).sort(), name).toEqual([...keys].sort());
      for (const k of keys) {
        expect(labels[k].en.length, `${name} ${k}`).toBeGreaterThan(0);
        expect(ANY_CJK.test(labels[k].en), `${name} ${k} en`).toBe(false);
        expect(HAN.test(labels[k].zh), `${name} ${k} zh`).toBe(true);
      }
    }
    expect(THEMES).toHaveLength(9);
  });

  it("describes each DSTRI area in one sentence per language", () => {
    for (const a of AREAS) {
      const {en, zh} = AREA_DESCRIPTIONS[a];
      expect(englishSentences(en), a).toBe(1);
      expect(ANY_CJK.test(en), a).toBe(false);
      expect(zh.match(/。/g)?.length, a).toBe(1);
      expect(zh.endsWith("。"), a).toBe(true);
    }
  });
});

describe.skipIf(!existsSync(CASES_URL))("data/support/cases.json against the measures", () => {
  it("references only existing measures", () => {
    const cases = JSON.parse(readFileSync(CASES_URL, "utf8"));
    expect(validateCatalogue(raw, cases)).toEqual([]);
  });
});
