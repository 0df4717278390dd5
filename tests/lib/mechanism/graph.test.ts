import {describe, expect, it} from "vitest";
import {EDGES, NODES, validateGraph} from "../../../src/lib/mechanism/graph.ts";
import {MAPPING, PAPER_FORMS} from "../../../src/lib/mechanism/mapping.ts";
import {AREA_DEFS} from "../../../src/lib/mechanism/areas.ts";
import {hasCjk, hasHan} from "../../../src/lib/support/schema.ts";
import {rowsToFrame} from "../../../src/lib/table/rows-to-frame.js";

const bilingual = (b: {en: string; zh: string}) => b.en.length > 0 && !hasCjk(b.en) && hasHan(b.zh);

describe("mechanism graph", () => {
  it("is valid: endpoints exist, edges go forward, tested edges name their evidence", () => {
    expect(validateGraph()).toEqual([]);
    const ids = new Set(NODES.map((n) => n.id));
    for (const e of EDGES) {
      expect(ids.has(e.from), e.from).toBe(true);
      expect(ids.has(e.to), e.to).toBe(true);
      if (e.evidence.status === "tested") {
        expect(e.evidence.href).toMatch(/^#|^\.\//);
        expect(bilingual(e.evidence.label)).toBe(true);
        expect(AREA_DEFS.map((a) => a.column)).toContain(e.evidence.column);
      } else {
        expect(e.evidence.section).toMatch(/^3\.\d/);
      }
    }
  });
  it("catches broken graphs", () => {
    expect(validateGraph(NODES, [{from: "infra", to: "nowhere", explain: {en: "x", zh: "中"}, evidence: {status: "argued", section: "3.1"}}]))
      .toEqual(["edge infra->nowhere: unknown target nowhere"]);
    expect(validateGraph(NODES, [{from: "infra", to: "volume", explain: {en: "x", zh: "中"}, evidence: {status: "tested", href: "", label: {en: "", zh: ""}, column: ""}}]))
      .toEqual(["tested edge infra->volume does not name its evidence"]);
  });
  it("has the study's four direct and four long-term impacts and a tested edge per area", () => {
    expect(NODES.filter((n) => n.layer === "direct")).toHaveLength(4);
    expect(NODES.filter((n) => n.layer === "longterm")).toHaveLength(4);
    expect(EDGES.filter((e) => e.evidence.status === "tested").map((e) => e.from).sort()).toEqual(AREA_DEFS.map((a) => a.key).sort());
    for (const n of NODES) expect(bilingual(n.label) && bilingual(n.explain), n.id).toBe(true);
    for (const e of EDGES) expect(bilingual(e.explain), `${e.from}->${e.to}`).toBe(true);
  });
});

describe("paper forms -> DSTRI areas", () => {
  it("maps every form, only onto known areas, with bilingual text", () => {
    const areas = new Set(AREA_DEFS.map((a) => a.key));
    for (const f of PAPER_FORMS) {
      expect(MAPPING.some((m) => m.form === f.key && m.strength === "main"), f.key).toBe(true);
      expect(bilingual(f.label) && bilingual(f.summary)).toBe(true);
    }
    for (const m of MAPPING) {
      expect(areas.has(m.area)).toBe(true);
      expect(bilingual(m.why)).toBe(true);
    }
  });
});

describe("rowsToFrame", () => {
  it("converts rows to typed columns", () => {
    const f = rowsToFrame([{iso3: "IND", year: 2020, x: NaN, oecd: true}, {iso3: null, year: 2021, x: 0.5, oecd: false}]);
    expect(f.nrows).toBe(2);
    expect(f.columns.iso3).toEqual(["IND", null]);
    expect(Array.from(f.columns.year as Float64Array)).toEqual([2020, 2021]);
    expect(Number.isNaN((f.columns.x as Float64Array)[0])).toBe(true);
    expect(Array.from(f.columns.oecd as Float64Array)).toEqual([1, 0]);
  });
});
