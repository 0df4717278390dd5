import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {EMPTY_STATE, facetCounts, filterCatalogue, parseState, stateToSearch} from "../../../src/components/support/state.js";
import {sectionLabel} from "../../../src/components/support/labels.js";
import type {Case, Measure} from "../../../src/lib/support/schema.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const measures: Measure[] = JSON.parse(readFileSync(resolve(ROOT, "data/support/measures.json"), "utf8")).measures;
const cases: Case[] = JSON.parse(readFileSync(resolve(ROOT, "data/support/cases.json"), "utf8")).cases;

describe("explorer state in the URL", () => {
  it("round-trips and keeps other parameters", () => {
    const {state, ignored} = parseState("?lang=zh&level=industry&area=ipr&theme=logistics&seed=003&q=%E6%B5%B7%E5%A4%96&view=areas");
    expect(ignored).toEqual([]);
    expect(state).toEqual({level: "industry", area: "ipr", theme: "logistics", seed: "003", q: "海外", view: "areas"});
    const search = stateToSearch(state, "?lang=zh&level=government");
    expect(new URLSearchParams(search).get("lang")).toBe("zh");
    expect(parseState(search).state).toEqual(state);
  });

  it("drops unknown values and says which", () => {
    const {state, ignored} = parseState("?level=king&area=infra&view=grid&seed=999");
    expect(state).toEqual({...EMPTY_STATE, area: "infra"});
    expect(ignored).toEqual(["level=king", "seed=999", "view=grid"]);
  });

  it("writes nothing for the default state", () => {
    expect(stateToSearch(EMPTY_STATE, "")).toBe("");
    expect(stateToSearch(EMPTY_STATE, "?lang=en&q=x")).toBe("?lang=en");
  });
});

describe("filtering", () => {
  it("no filter keeps everything", () => {
    const f = filterCatalogue(measures, cases, EMPTY_STATE);
    expect([f.measures.length, f.cases.length]).toEqual([measures.length, cases.length]);
  });

  it("level counts partition the measures", () => {
    const counts = facetCounts(measures, cases, EMPTY_STATE, "level");
    const sum = ["government", "industry", "enterprise"].reduce((s, l) => s + counts.get(l)!.measures, 0);
    expect(sum).toBe(measures.length);
    expect(counts.get("")).toEqual({measures: measures.length, cases: cases.length});
  });

  it("seed 004 holds the cases only; other seeds the measures only", () => {
    expect(filterCatalogue(measures, cases, {...EMPTY_STATE, seed: "004"}).measures).toEqual([]);
    expect(filterCatalogue(measures, cases, {...EMPTY_STATE, seed: "000"}).cases).toEqual([]);
  });

  it("a theme keeps the measures its cases implement", () => {
    const f = filterCatalogue(measures, cases, {...EMPTY_STATE, theme: "finance"});
    expect(f.cases.every((c) => c.theme === "finance")).toBe(true);
    for (const c of f.cases) for (const id of c.implements) expect(f.measures.map((m) => m.id)).toContain(id);
  });

  it("search matches English and Chinese, all words", () => {
    const zh = filterCatalogue(measures, cases, {...EMPTY_STATE, q: "海外仓"});
    const en = filterCatalogue(measures, cases, {...EMPTY_STATE, q: "overseas warehouse"});
    expect(zh.measures.length + zh.cases.length).toBeGreaterThan(0);
    expect(en.measures.length + en.cases.length).toBeGreaterThan(0);
    expect(filterCatalogue(measures, cases, {...EMPTY_STATE, q: "overseas zzzqqq"}).measures).toEqual([]);
  });
});

describe("section labels", () => {
  it("shows only numbers in Chinese", () => {
    expect(sectionLabel("zh", "5.1.3")).toBe("第 5.1.3 节");
    expect(sectionLabel("zh", "05 Logistics Aggregation")).toBe("第 5 部分");
    expect(sectionLabel("zh", "ecosystem: risk prevention")).toBe("");
    expect(sectionLabel("en", "ecosystem: risk prevention")).toBe("ecosystem: risk prevention");
  });
});
