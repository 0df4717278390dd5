/** The engine's notes have Chinese versions (src/lib/engine/notes-zh.ts): real notes from the engine, and each template. */
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {engineNoteZh} from "../../../src/lib/engine/notes-zh.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {readCsvFrame} from "./csv-frame.js";

const english = (s: string) => /[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}/.test(s.replace(/“[^”]*”/g, ""));

/** 10 ids × 6 years, a singleton id "S", a regressor collinear with another, and an AR(1) outcome. */
function frame(): Frame {
  let seed = 11;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const id: string[] = [], year: number[] = [], x: number[] = [], x2: number[] = [], y: number[] = [];
  for (let g = 0; g < 10; g++) {
    let prev = rnd();
    for (let t = 0; t < 6; t++) {
      const xv = rnd();
      prev = 0.5 * prev + 0.3 * xv + 0.1 * g + rnd();
      id.push(`c${g}`); year.push(2000 + t); x.push(xv); x2.push(2 * xv); y.push(prev);
    }
  }
  id.push("S"); year.push(2002); x.push(0.1); x2.push(0.2); y.push(0.3);
  const f = (v: number[]) => Float64Array.from(v);
  return {nrows: id.length, columns: {id, year: f(year), x: f(x), x2: f(x2), y: f(y)}};
}

describe("engine notes in Chinese", () => {
  it("translates the notes of real estimates (singletons, collinearity, GMM)", () => {
    const data = frame();
    const ols = estimate(data, {id: "id", time: "year", y: "y", x: ["x", "x2"], fe: ["id", "year"], drop_singletons: true});
    const gmm = estimate(data, {id: "id", time: "year", y: "y", x: ["L.y", "x"], estimator: "gmm-diff", gmm: {lags: [2, 99]}, fe: ["id"], vcov: "hetero"});
    const notes = [...ols.notes, ...gmm.notes];
    expect(ols.notes.some((n) => /singleton/.test(n))).toBe(true);
    expect(ols.notes.some((n) => /collinearity/.test(n))).toBe(true);
    expect(gmm.notes.length).toBeGreaterThanOrEqual(2);
    for (const n of notes) {
      const zh = engineNoteZh(n);
      expect(zh, n).not.toBe(n);
      expect(english(zh), zh).toBe(false);
    }
  });
  it("has each template (the rarer notes, written as the engine writes them)", () => {
    const samples = [
      "1 fixed-effect singleton was removed.",
      "The fixed-effects demeaning did not reach full convergence.",
      "The variance matrix had negative values on its diagonal and was replaced by its positive semi-definite part (Cameron, Gelbach and Miller 2011).",
      "The fixed effects have 2 redundancies (disconnected design); nparams assumes one, as fixest does by default.",
      "first-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)",
      "second-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)",
      "Windmeijer correction: inverse of the second-step weight matrix taken as a Moore-Penrose pseudo-inverse (as plm vcovHC.pgmm)",
      "60 instruments for 42 individuals: the Hansen test is weakened by instrument proliferation (consider collapse)",
      "time effects 2015, 2016 dropped: no usable observation in those periods (plm pgmm would stop with a singular matrix)"
    ];
    for (const n of samples) {
      const zh = engineNoteZh(n);
      expect(zh, n).not.toBe(n);
      expect(english(zh), zh).toBe(false);
    }
    expect(engineNoteZh("60 instruments for 42 individuals: the Hansen test is weakened by instrument proliferation (consider collapse)")).toMatch(/^42 个个体用了 60 个工具变量/);
    expect(engineNoteZh("unknown")).toBe("unknown");
  });
});

describe("why a specification could not be estimated, in Chinese (the multiverse's list)", () => {
  it("translates the estimation errors and joined notes", async () => {
    const {engineNotesZh} = await import("../../../src/lib/engine/notes-zh.ts");
    const cases = [
      "all regressors (L2.dstri_ipr) are collinear with the fixed effects or constant",
      "the regressors are collinear (singular cross-product matrix)",
      "too few observations: 3 rows for 2 coefficients plus 5 fixed effects (need more rows than parameters)",
      "no observation left after exclusions and removal of rows with missing y, x",
      "vcov cluster 'iso3' has only 1 cluster in the estimation sample; clustering needs at least 2",
      "not estimated",
      "The variable '…' has been removed because of collinearity. 2 fixed-effect singletons were removed."
    ];
    for (const c of cases) {
      const zh = engineNotesZh(c);
      expect(zh, c).not.toBe(c);
      expect(english(zh), zh).toBe(false);
    }
    // A real error from the engine.
    let message = "";
    try {
      estimate(frame(), {id: "id", time: "year", y: "y", x: ["x"], fe: ["id", "year"], exclude: {year: [2000, 2001, 2002, 2003, 2004]}});
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toBe("");
    expect(engineNotesZh(message)).not.toBe(message);
  });
});

describe("PPML notes in Chinese", () => {
  it("perfect fixed effects and separation (notes of a real PPML fit), non-convergence", () => {
    const flows = readCsvFrame("ppml_flows.csv", new Set(["origin", "destination", "product", "flow"]));
    const r = estimate(flows, {id: "flow", time: "year", y: "y", x: ["x1", "sepx", "x2"], fe: ["origin", "year"], estimator: "ppml"});
    expect(r.notes.length).toBe(3);
    for (const n of [...r.notes, "The PPML iterations did not converge within 200 iterations; the estimates are the last ones."]) {
      const zh = engineNoteZh(n);
      expect(zh, n).not.toBe(n);
      expect(english(zh), zh).toBe(false);
    }
  });
});
