import {describe, expect, it} from "vitest";
import type {Result} from "../../../src/lib/engine/types.js";
import {fmt, latexEscape, tableModel, toCsv, toLatex, toMarkdown} from "../../../src/lib/explorer/export.js";
import {stars} from "../../../src/lib/replication/compute.js";
import {defaultState} from "../../../src/lib/explorer/state.js";

const result: Result = {
  terms: ["dstri_infra", "lngdp"],
  coef: [-1.23456789, 0.5],
  se: [0.4, 0.25],
  tstat: [-3.0864197, 2],
  pvalue: [0.004, 0.052],
  df_t: 41,
  nobs: 250,
  n_groups: 42,
  r2: 0.9512345,
  r2_within: 0.123,
  vcov: [[0.16, 0], [0, 0.0625]],
  notes: [],
  info: {vcov: "cluster", n_clusters: 42, n_clusters_by_dim: {iso3: 42}}
};
const model = tableModel({...defaultState(), x: "dstri_infra"}, result);

describe("table exports", () => {
  it("stars and number format", () => {
    expect([stars(0.001), stars(0.03), stars(0.07), stars(0.2), stars(NaN)]).toEqual(["***", "**", "*", "", ""]);
    expect([fmt(-1.23456), fmt(0), fmt(0.0001), fmt(NaN)]).toEqual(["-1.235", "0.000", "1.0e-4", "–"]);
  });

  it("escapes LaTeX specials", () => {
    expect(latexEscape("a_b & 5% $x$ #1 {y} ~ ^ \\")).toBe("a\\_b \\& 5\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  });

  it("LaTeX", () => {
    expect(toLatex(model)).toBe(
      [
        "\\begin{tabular}{lc}",
        "\\toprule",
        " & lnexport\\_cn \\\\",
        "\\midrule",
        "dstri\\_infra & -1.235$^{***}$ \\\\",
        " & (0.400) \\\\",
        "lngdp & 0.500$^{*}$ \\\\",
        " & (0.250) \\\\",
        "\\midrule",
        "Observations & 250 \\\\",
        "Countries & 42 \\\\",
        "$R^2$ & 0.951 \\\\",
        "Within $R^2$ & 0.123 \\\\",
        "Fixed effects & country, year \\\\",
        "Standard errors & clustered by country \\\\",
        "Clusters & 42 countries \\\\",
        "Degrees of freedom (t) & 41 \\\\",
        "\\bottomrule",
        "\\end{tabular}",
        "% Standard errors in parentheses. * p<0.10, ** p<0.05, *** p<0.01 (t distribution).",
        ""
      ].join("\n")
    );
  });

  it("Markdown", () => {
    const md = toMarkdown(model).split("\n");
    expect(md.slice(0, 4)).toEqual([
      "| lnexport_cn | Coefficient | Std. error | t | p-value |",
      "|---|---:|---:|---:|---:|",
      "| dstri_infra | -1.235*** | 0.400 | -3.09 | 0.004 |",
      "| lngdp | 0.500* | 0.250 | 2.00 | 0.052 |"
    ]);
    expect(md).toContain("| Fixed effects | country, year | | | |");
  });

  it("CSV keeps full precision and quotes text with commas", () => {
    const lines = toCsv(model).trim().split("\n");
    expect(lines[0]).toBe("term,estimate,std_error,statistic,p_value,note");
    expect(lines[1]).toBe("dstri_infra,-1.23456789,0.4,-3.0864197,0.004,");
    expect(lines).toContain("nobs,250,,,,");
    expect(lines).toContain('fe,,,,,"country, year"');
  });
});
