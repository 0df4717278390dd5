/** Pinned models side by side (issue #21): layout, labels, and every export escaped for its reader. */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {compareCsv, compareHtml, compareLatex, compareMarkdown, compareTable, csvCell, type CompareModel} from "../../../src/lib/compare/table.ts";
import {addPin, MAX_PINS, parsePins, pinsHash} from "../../../src/lib/compare/pins.ts";
import {defaultState} from "../../../src/lib/explorer/state.ts";
import type {Result} from "../../../src/lib/engine/types.ts";

function result(terms: string[], coef: number[], p: number[], extra: Partial<Result> = {}): Result {
  return {terms, coef, se: coef.map((c) => Math.abs(c) / 2 + 0.01), tstat: coef.map(() => 2), pvalue: p, df_t: 41, nobs: 294, n_groups: 42, r2: 0.95, r2_within: 0.1, vcov: [], notes: [], warnings: [], ...extra};
}

const s1 = defaultState();
const s2 = {...defaultState(), drop2020: true};
const s3 = {...defaultState(), estimator: "gmm-diff" as const, lag: 1 as const};
const models: CompareModel[] = [
  {label: "(1)", state: s1, result: result(["dstri", "lngdp"], [-0.0736, 0.685], [0.86, 0.03])},
  {label: "(2)", state: s2, result: result(["dstri", "lngdp"], [-0.0371, 0.7], [0.93, 0.004])},
  {label: "(3)", state: s3, result: result(["L.lnexport_cn", "L.dstri", "lngdp"], [0.5, 1.97, 0.2], [0.001, 0.9, 0.5], {r2: null, r2_within: null, df_t: null, warnings: [{code: "ar2_missing", message: "m", message_zh: "m"}]})}
];

describe("compareTable", () => {
  const t = compareTable(models);
  it("one column per model, key regressors first, labels not raw names", () => {
    expect(t.heads).toEqual(["(1)", "(2)", "(3)"]);
    expect(t.terms.map((r) => r.term)).toEqual(["dstri", "L.dstri", "lngdp", "L.lnexport_cn"]);
    expect(t.terms[0].label).toBe("DSTRI (overall)");
    expect(t.terms[2].coef).toEqual(["0.685**", "0.700***", "0.200"]);
    expect(t.terms[0].coef).toEqual(["-0.074", "-0.037", ""]);
    expect(t.foot.find((f) => f.key === "warnings")!.cells).toEqual(["none", "none", "ar2_missing"]);
    expect(t.foot.find((f) => f.key === "fe")!.cells[2]).toMatch(/GMM/);
  });
  it("LaTeX: booktabs, a caption and a label, three model columns", () => {
    const tex = compareLatex(t);
    expect(tex).toMatch(/\\begin\{tabular\}\{lccc\}/);
    expect(tex).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    expect(tex).toMatch(/\\label\{tab:dtb-models\}/);
    expect(tex).toContain(" & (1) & (2) & (3) \\\\");
    expect(tex).toContain("ln GDP & 0.685$^{**}$ & 0.700$^{***}$ & 0.200 \\\\");
    expect(tex).toContain("ar2\\_missing");
  });
  it("Chinese labels in the Chinese table", () => {
    const zh = compareTable(models, "zh");
    expect(zh.terms[0].label).toBe("DSTRI（总指数）");
    expect(compareLatex(zh)).toMatch(/XeLaTeX/);
  });
});

describe("exports escape hostile text", () => {
  const hostile = fc.string({minLength: 1, maxLength: 30});
  it("CSV: no cell opens as a formula; numbers stay numbers", () => {
    expect(csvCell("-0.224***")).toBe("-0.224***");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    fc.assert(fc.property(hostile, (name) => {
      const m = [{...models[0], result: result([name], [1], [0.5])}];
      const csv = compareCsv(compareTable(m));
      for (const line of csv.trimEnd().split("\n")) {
        const first = line.startsWith('"') ? line.slice(1) : line;
        if (/^[=+@\t\r]/.test(first)) return false;
      }
      return true;
    }));
  });
  it("HTML: no raw < or & from a name", () => {
    fc.assert(fc.property(hostile, (name) => {
      const out = compareHtml(compareTable([{...models[0], result: result([name], [1], [0.5])}]));
      const cells = out.match(/>([^<]*)</g) ?? [];
      return cells.every((c) => !/[<>]/.test(c.slice(1, -1)) && !/&(?!amp;|lt;|gt;|quot;)/.test(c));
    }));
  });
  it("a term named like an Object.prototype member is labelled by its name (found by the property above)", () => {
    for (const name of ["valueOf", "constructor", "__proto__", "toString"]) {
      const t = compareTable([{...models[0], result: result([name], [1], [0.5])}]);
      expect(t.terms[0].label).toBe(name);
    }
  });
  it("LaTeX and Markdown: specials escaped", () => {
    const t = compareTable([{...models[0], result: result(["a_b&%$#{}|*"], [1], [0.5])}]);
    expect(compareLatex(t)).toContain("a\\_b\\&\\%\\$\\#\\{\\}|*");
    expect(compareMarkdown(t)).toContain("a\\_b&%$\\#{}\\|\\*");
  });
});

describe("pins in the URL hash", () => {
  it("round-trip, no duplicates, at most six", () => {
    const states = Array.from({length: 8}, (_, k) => ({...defaultState(), from: 2008 + k}));
    let pins = [] as typeof states;
    for (const s of [...states, states[0]]) pins = addPin(pins, s).pins;
    expect(pins).toHaveLength(MAX_PINS);
    expect(addPin(pins, states[7]).full).toBe(true);
    expect(parsePins(pinsHash(pins)).pins).toEqual(pins);
    expect(parsePins("").pins).toEqual([]);
  });
  it("bad entries are listed, never thrown", () => {
    const r = parsePins("#pin=" + encodeURIComponent("fe=none") + "|%E0%A4%A|" + encodeURIComponent("fe=bogus"));
    expect(r.pins).toHaveLength(1);
    expect(r.ignored).toHaveLength(2);
  });
});
