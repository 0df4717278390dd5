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

  it("speaks Chinese in the Chinese page's downloads, with the same numbers and columns", () => {
    const csv = toCsv(model, "zh").trim().split("\n");
    const en = toCsv(model).trim().split("\n");
    expect(csv[0]).toBe("项目,估计值,标准误,统计量,p值,说明");
    expect(csv[0].split(",").length).toBe(en[0].split(",").length);
    // Coefficient rows are identical; statistic rows keep their keys and values, text notes are translated.
    expect(csv[1]).toBe(en[1]);
    expect(csv).toContain("nobs,250,,,,");
    expect(csv).toContain("fe,,,,,国家、年份");
    const md = toMarkdown(model, "zh");
    expect(md.split("\n")[0]).toBe("| lnexport_cn | 系数 | 标准误 | t | p值 |");
    expect(md).toContain("| 观测值 | 250 | | | |");
    expect(md).toContain("| 固定效应 | 国家、年份 | | | |");
    expect(md).not.toMatch(/Observations|Fixed effects|Coefficient/);
    const tex = toLatex(model, "zh");
    expect(tex.split("\n")[0]).toMatch(/^% .*XeLaTeX.*ctex/);
    expect(tex).toContain("观测值 & 250 \\\\");
    expect(tex).toContain("% 括号内为标准误");
    expect(tex).not.toMatch(/Standard errors|Observations/);
    // The English default is unchanged by the Chinese variant.
    expect(toLatex(model, "en")).toBe(toLatex(model));
  });
});

describe("table exports carry the engine's warnings (issue #21)", () => {
  const hostile = {code: "se_missing" as const, terms: ["=cmd|' /C calc'!A0"], message: "=cmd|' /C calc'!A0 *bold* <b>x</b>\nsecond line", message_zh: "=没有标准误 | 表格"};
  const warned = {...model, warnings: [hostile]};
  it("LaTeX: one comment line per warning, newlines removed", () => {
    const tex = toLatex(warned);
    const lines = tex.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("% Warning [se_missing]: =cmd|' /C calc'!A0 *bold* <b>x</b> second line");
    expect(toLatex(warned, "zh").trimEnd().split("\n").at(-1)).toBe("% 警告 [se_missing]: =没有标准误 | 表格");
  });
  it("Markdown: a quoted line with Markdown and HTML specials escaped", () => {
    expect(toMarkdown(warned).trimEnd().split("\n").at(-1)).toBe("> Warning \\[se\\_missing\\]: =cmd\\|' /C calc'!A0 \\*bold\\* \\<b\\>x\\</b\\> second line");
  });
  it("CSV: a warning row whose note cannot open as a formula", () => {
    const last = toCsv({...model, warnings: [{...hostile, message: "=1+1"}]}).trimEnd().split("\n").at(-1);
    expect(last).toBe("warning:se_missing,,,,,Warning [se_missing]: =1+1");
    const zh = toCsv(warned, "zh").trimEnd().split("\n").at(-1);
    expect(zh).toBe("warning:se_missing,,,,,警告 [se_missing]: =没有标准误 | 表格");
  });
  it("a model without warnings exports as before", () => {
    expect(tableModel(defaultState(), {...result, warnings: []}).warnings).toEqual([]);
    expect(toLatex({...model, warnings: []})).toBe(toLatex(model));
  });
});
