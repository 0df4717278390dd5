import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {PaperTables} from "../../../src/lib/paper/schema.js";

const raw = JSON.parse(readFileSync(new URL("../../../data/paper/tables.json", import.meta.url), "utf8"));
const paper = PaperTables.parse(raw);
const CONTROLS = ["lngdp", "lnpopu", "lngov", "city_rate"];

describe("data/paper/tables.json (the study's reported Tables 1-7)", () => {
  it("has every model of Tables 4-7: 4 + 2 + 2 + 2", () => {
    const perTable = [4, 5, 6, 7].map((t) => paper.models.filter((m) => m.table === t).length);
    expect(perTable).toEqual([4, 2, 2, 2]);
    expect(new Set(paper.models.map((m) => m.id)).size).toBe(paper.models.length);
  });

  it("gives each model its key coefficient, t, N, and R² (none for GMM)", () => {
    for (const m of paper.models) {
      expect(m.terms[m.key_regressor], m.id).toBeDefined();
      expect(m.terms.Constant, m.id).toBeDefined();
      expect(m.observations, m.id).toBeGreaterThan(0);
      if (m.estimator === "fe") expect(m.r2, m.id).not.toBeNull();
      else expect(m.r2, m.id).toBeNull();
      const controlled = !(m.table === 4 && (m.column === "(1)" || m.column === "(3)"));
      for (const c of CONTROLS) expect(c in m.terms, `${m.id} ${c}`).toBe(controlled);
    }
  });

  it("parses every printed cell to the stored numbers (transcription is self-consistent)", () => {
    for (const m of paper.models) {
      for (const [term, cell] of Object.entries(m.terms)) {
        expect(Number(cell.printed.replace(/\*+$/, "")), `${m.id} ${term}`).toBe(cell.coef);
        expect(Number(cell.t_printed.slice(1, -1)), `${m.id} ${term}`).toBe(cell.t);
        expect(cell.printed.length - cell.printed.replace(/\*+$/, "").length, `${m.id} ${term}`).toBe(cell.stars);
      }
    }
    for (const row of paper.table2) {
      expect(row.printed.map(Number), row.variable).toEqual([row.mean, row.sd, row.min, row.max]);
    }
  });

  it("records the headline DSTRI coefficients as printed", () => {
    const key = Object.fromEntries(paper.models.map((m) => [m.id, m.terms[m.key_regressor].coef]));
    expect(key).toEqual({
      t4_m1: -0.273, t4_m2: -0.224, t4_m3: -0.272, t4_m4: -0.222,
      t5_zj: -0.188, t5_wz: -0.187, t6_zj: -0.129, t6_wz: -0.128, t7_zj: -0.519, t7_wz: -0.511
    });
  });

  it("has a lower-triangular correlation table per region with a unit diagonal", () => {
    expect(paper.table3.map((p) => p.dependent)).toEqual(["lnexport_zj", "lnexport_wz"]);
    for (const panel of paper.table3) {
      panel.rows.forEach((row, i) => {
        expect(row.cells).toHaveLength(i + 1);
        expect(row.cells[i].r).toBe(1);
      });
    }
  });

  it("rejects a model whose t statistic is not in parentheses", () => {
    const broken = structuredClone(raw);
    broken.models[0].terms.DSTRI.t_printed = "-6.46";
    expect(() => PaperTables.parse(broken)).toThrow();
  });
});
