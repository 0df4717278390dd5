/** etable (side-by-side table and its exports) and the R script export. */
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Result} from "../../../src/lib/engine/types.ts";
import {etable, etableCsv, etableLatex, etableMarkdown} from "../../../src/lib/notebook/etable.ts";
import {notebookToR} from "../../../src/lib/notebook/rscript.ts";
import {STARTERS} from "../../../src/lib/notebook/starters.ts";

const r = (terms: string[], coef: number[], se: number[], p: number[], nobs: number): Result =>
  ({terms, coef, se, pvalue: p, tstat: coef.map((c, i) => c / se[i]), df_t: 10, nobs, n_groups: 5, r2: 0.5, r2_within: 0.25, vcov: [], notes: []}) as Result;

describe("etable", () => {
  const t = etable([
    {label: "(1)", result: r(["dstri", "lngdp"], [-0.25, 1.1], [0.1, 0.2], [0.02, 0.0001], 100), fe: ["iso3", "year"], vcov: "~iso3"},
    {label: "(2)", result: r(["dstri", "dstri:lngdp"], [-0.3, 0.05], [0.2, 0.1], [0.2, 0.07], 90), fe: ["iso3"], vcov: '"hetero"'}
  ]);
  it("aligns terms across models, stars, SEs, footers", () => {
    expect(t.header).toEqual(["", "(1)", "(2)"]);
    expect(t.coefRows).toEqual([
      ["dstri", "-0.2500**", "-0.3000"],
      ["", "(0.1000)", "(0.2000)"],
      ["lngdp", "1.1000***", ""],
      ["", "(0.2000)", ""],
      ["dstri:lngdp", "", "0.0500*"],
      ["", "", "(0.1000)"]
    ]);
    expect(t.footRows).toEqual([
      ["iso3 FE", "Yes", "Yes"],
      ["year FE", "Yes", "No"],
      ["S.E.", "~iso3", '"hetero"'],
      ["Observations", "100", "90"],
      ["R²", "0.5000", "0.5000"],
      ["Within R²", "0.2500", "0.2500"]
    ]);
  });
  it("labels its foot rows in Chinese for the Chinese page, numbers unchanged", () => {
    const zh = etable([
      {label: "(1)", result: r(["dstri"], [-0.25], [0.1], [0.02], 100), fe: ["iso3"], vcov: "~iso3"}
    ], 4, "zh");
    expect(zh.footRows).toEqual([
      ["iso3 固定效应", "是"],
      ["标准误", "~iso3"],
      ["观测值", "100"],
      ["R²", "0.5000"],
      ["组内R²", "0.2500"]
    ]);
    expect(zh.coefRows[0]).toEqual(["dstri", "-0.2500**"]);
    const tex = etableLatex(zh);
    expect(tex.split("\n")[0]).toMatch(/^% .*XeLaTeX.*ctex/);
    expect(tex).toContain("*** p < 0.01，** p < 0.05，* p < 0.1");
    expect(etableCsv(zh)).toContain("观测值,100");
    expect(etableLatex(t).startsWith("\\begin{tabular}")).toBe(true);
  });
  it("exports", () => {
    expect(etableMarkdown(t).split("\n")[2]).toBe("| dstri | -0.2500** | -0.3000 |");
    const tex = etableLatex(t);
    expect(tex).toContain("dstri:lngdp &  & 0.0500$^{*}$ \\\\");
    expect(tex).toContain("iso3 FE & Yes & Yes");
    expect(tex).toContain("S.E. & \\textasciitilde{}iso3");
    expect(etableCsv(t).split("\n")[0]).toBe(",(1),(2)");
    expect(etableCsv(t)).toContain('S.E.,~iso3,"""hetero"""');
  });
  it("carries the engine's warnings in every export, in the table's language, escaped for each format", () => {
    const warned = {...r(["dstri"], [83.8], [47447], [0.9986], 210), warnings: [{code: "se_huge" as const, terms: ["dstri"], message: "SE of dstri is 566x its coefficient: read nothing & 100% {not} $x$ \\ _y_", message_zh: "dstri 的标准误是系数的 566 倍：不要解读"}]};
    const en = etable([{label: "(1)", result: warned, fe: ["iso3"], vcov: "~iso3"}]);
    expect(en.footRows.at(-1)).toEqual(["Warnings", "se_huge"]);
    expect(etableMarkdown(en)).toContain("> \\(1\\) SE of dstri is 566x its coefficient: read nothing & 100% \\{not\\} $x$ \\\\ \\_y\\_");
    const tex = etableLatex(en);
    expect(tex).toContain("{\\footnotesize (1) SE of dstri is 566x its coefficient: read nothing \\& 100\\% \\{not\\} \\$x\\$ \\textbackslash{} \\_y\\_} \\\\");
    expect(etableCsv(en).trim().split("\n").at(-1)).toBe("(1) SE of dstri is 566x its coefficient: read nothing & 100% {not} $x$ \\ _y_");
    const zh = etable([{label: "(1)", result: warned, fe: ["iso3"], vcov: "~iso3"}], 4, "zh");
    expect(zh.footRows.at(-1)).toEqual(["警告", "se_huge"]);
    expect(zh.warnings).toEqual(["(1) dstri 的标准误是系数的 566 倍：不要解读"]);
    // No warnings: no extra row, no notes.
    expect(t.footRows.some((row) => row[0] === "Warnings")).toBe(false);
    expect(t.warnings).toBeUndefined();
  });
});

describe("R script export", () => {
  const script = notebookToR({
    v: 1,
    panel: {id: "iso3", time: "year"},
    cells: [
      {type: "text", md: "Notes\nline 2"},
      {type: "sql", name: "q1", sql: "SELECT * FROM panel WHERE year > 2010;"},
      {type: "model", models: "feols(y ~ L.x + l(z, 2) + a:b + log(w) + i(g) + i(h, ref = \"b\") | iso3 + r^year, data = q1, vcov = ~iso3)\ny ~ x\n# comment\ny ~ )"},
      {type: "chart", table: "q1", mark: "dot", x: "x", y: "y", color: "", facet: ""}
    ]
  });
  it("translates SQL and formulas", () => {
    expect(script).toContain('dbExecute(con, "CREATE OR REPLACE TABLE \\"q1\\" AS SELECT * FROM panel WHERE year > 2010")');
    expect(script).toContain(
      'm1 <- feols(y ~ l(x, 1) + l(z, 2) + a:b + log(w) + i(g, ref = first_level(get_table("q1")[["g"]])) + i(h, ref = "b") | iso3 + r^year, data = get_table("q1"), panel.id = panel_id, vcov = ~iso3)'
    );
    expect(script).toContain('m2 <- feols(y ~ x, data = get_table("panel"), panel.id = panel_id)');
    expect(script).toContain("print(etable(m1, m2))");
    expect(script).toContain("# not exported (formula: unexpected ')' (expected a column name) at character 5): y ~ )");
    expect(script).toContain("# Notes\n# line 2");
    expect(script).toContain("# chart on the page: dot of y against x from q1");
  });

  it("writes fepois and fixest's Driscoll-Kraay / Newey-West vcov (a lag as a vcov request using panel.id)", () => {
    const s2 = notebookToR({
      v: 1,
      panel: {id: "iso3", time: "year"},
      cells: [{type: "model", models: 'fepois(exports ~ dstri | iso3 + year, vcov = "DK")\nfeols(y ~ dstri | iso3, vcov = NW(1))\ny ~ x, vcov = DK(2)'}]
    });
    expect(s2).toContain('m1 <- fepois(exports ~ dstri | iso3 + year, data = get_table("panel"), panel.id = panel_id, vcov = "DK")');
    expect(s2).toContain('m2 <- feols(y ~ dstri | iso3, data = get_table("panel"), panel.id = panel_id, vcov = vcov_NW(lag = 1))');
    expect(s2).toContain('m3 <- feols(y ~ x, data = get_table("panel"), panel.id = panel_id, vcov = vcov_DK(lag = 2))');
  });

  const hasR = spawnSync("Rscript", ["--version"]).status === 0;
  it.runIf(hasR)("parses in R; runs fully only where duckdb and fixest are installed", () => {
    const dir = mkdtempSync(join(tmpdir(), "nb-r-"));
    for (const s of STARTERS) {
      const file = join(dir, `${s.key}.R`);
      writeFileSync(file, notebookToR(s.notebook));
      // What can run everywhere R is: the script must be valid R.
      execFileSync("Rscript", ["-e", `invisible(parse(${JSON.stringify(file)}))`]);
    }
    const pkgs = spawnSync("Rscript", ["-e", 'quit(status = if (all(c("duckdb", "fixest", "DBI") %in% rownames(installed.packages()))) 0 else 3)']);
    if (pkgs.status !== 0) {
      console.info("R script export: R is here but lacks duckdb/fixest/DBI; the scripts were parsed, not run");
      return;
    }
    // Full run (machines with the packages): the baseline starter on the site's panel.csv.
    execFileSync("Rscript", [join(dir, "baseline.R")], {cwd: dir});
  });
  it.skipIf(hasR)("R is not installed: the R export is not run here", () => {});
});
