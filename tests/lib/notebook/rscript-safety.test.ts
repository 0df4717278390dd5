/**
 * The exported R script never runs code written into the notebook: R's own parse() of the script for
 * hostile names and texts yields only the expected top-level calls, and no call anywhere in it is to a
 * function the exporter does not write. Runs where Rscript with jsonlite is installed; skipped with a printed reason
 * where it is not.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Notebook} from "../../../src/lib/notebook/cells.ts";
import {modelLines} from "../../../src/lib/notebook/cells.ts";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {checkSqlCell} from "../../../src/lib/notebook/sql.ts";
import {boottestTerm, isBoottestLine, parseBoottest} from "../../../src/lib/notebook/boottest.ts";
import {termName, type ModelAst} from "../../../src/lib/formula/ast.ts";
import {notebookToR, rComment, rName, rString} from "../../../src/lib/notebook/rscript.ts";

// The checks print their findings with jsonlite: an R without it (R installed for other work) skips them too.
const hasR = spawnSync("Rscript", ["-e", "library(jsonlite)"]).status === 0;
if (!hasR) console.info("R export safety: Rscript with jsonlite is not installed here, so R's parse() cannot be asked; the R checks are skipped");

/** Every function the exporter itself writes a call to. */
const ALLOWED_CALLS = new Set([
  "library", "<-", "<<-", "dbConnect", "::", "duckdb::duckdb", "for", "c", "{", "paste0", "if", "file.exists", "dbExecute", "sprintf", "~", "+",
  "list", "function", "is.null", "[[", "dbGetQuery", "gsub", "sort", "unique", "[", "!", "is.na", "print", "head", "feols", "etable",
  "l", "log", "i", ":", "^", "|", "first_level", "get_table", "dbDisconnect", "(", "==",
  "set.seed", "dqrng::dqset.seed", "fwildclusterboot::boottest", "summary"
]);

const R_PROGRAM = String.raw`
args <- commandArgs(trailingOnly = TRUE)
heads <- function(e) {
  out <- character(0)
  walk <- function(x) {
    if (is.call(x)) {
      f <- x[[1]]
      out <<- c(out, if (is.symbol(f)) as.character(f) else if (is.call(f)) paste(deparse(f), collapse = "") else "?")
      for (k in as.list(x)) if (!missing(k)) walk(k)
    }
  }
  walk(e)
  out
}
res <- lapply(args, function(file) {
  ex <- tryCatch(parse(file, encoding = "UTF-8", keep.source = FALSE), error = function(e) conditionMessage(e))
  if (is.character(ex)) return(list(error = ex))
  top <- vapply(as.list(ex), function(e) if (is.call(e)) paste(deparse(e[[1]]), collapse = "") else class(e)[1], "")
  list(top = top, calls = unique(unlist(lapply(as.list(ex), heads))))
})
cat(jsonlite::toJSON(res, auto_unbox = FALSE))
`;

interface Parsed {
  error?: string[];
  top?: string[];
  calls?: string[];
}

function parseInR(scripts: string[]): Parsed[] {
  const dir = mkdtempSync(join(tmpdir(), "nb-r-safety-"));
  const prog = join(dir, "heads.R");
  writeFileSync(prog, R_PROGRAM);
  const files = scripts.map((s, i) => {
    const f = join(dir, `s${i}.R`);
    writeFileSync(f, s);
    return f;
  });
  const r = spawnSync("Rscript", [prog, ...files], {encoding: "utf8", maxBuffer: 64 << 20});
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Parsed[];
}

/** The top-level calls the exporter must write for this notebook. */
function expectedTop(nb: Notebook): string[] {
  const top = ["library", "library", "library", "<-", "for", "if", "dbExecute", "dbExecute", "<-", "<-", "<-", "<-"];
  for (const c of nb.cells) {
    if (c.type === "sql" && !refused(c.sql)) top.push("dbExecute", "<-", "print");
    if (c.type === "model") {
      let n = 0;
      const models: Array<ModelAst | null> = [];
      const boots: string[] = [];
      for (const line of modelLines(c)) {
        if (isBoottestLine(line)) {
          boots.push(line);
          continue;
        }
        try {
          models.push(parseModel(line));
          n++;
        } catch {
          models.push(null); /* written as a comment */
        }
      }
      for (let k = 0; k < n; k++) top.push("<-");
      if (n) top.push("print");
      // A boottest line on a model that was written, naming one of its terms: seeds, the call, its summary.
      for (const line of boots) {
        try {
          const b = parseBoottest(line);
          const m = models[b.model - 1];
          if (!m) continue;
          boottestTerm(b, m.terms.flatMap((t) => (t.kind === "i" ? [] : [termName(t)])));
          top.push("set.seed", "dqrng::dqset.seed", "<-", "print");
        } catch {
          /* written as a comment */
        }
      }
    }
  }
  top.push("dbDisconnect");
  return top;
}

function refused(sql: string): boolean {
  try {
    checkSqlCell(sql);
    return false;
  } catch {
    return true;
  }
}

// Hostile text: everything that can end an R string, name or comment, plus code to inject.
const UNITS = ["\\", "`", '"', "'", "\n", "\r", "\r\n", "\u2028", "\u0085", "\f", "\v", "\0", "\ud800", "#", ";", ")", "(", "}", "{", "system('id')", "x", "中", " ", "%", "\t", "$"];
const hostile = fc.array(fc.constantFrom(...UNITS), {maxLength: 8}).map((a) => a.join(""));
/** What fits inside a backtick name of the formula language (no backtick, no line feed). */
const nameText = hostile.map((s) => s.replace(/[`\n]/g, "") || "v");

const notebook: fc.Arbitrary<Notebook> = fc
  .record({id: hostile, time: hostile, md: hostile, sql: hostile, chart: fc.array(hostile, {minLength: 4, maxLength: 4}), y: nameText, x1: nameText, x2: nameText, g: nameText, ref: nameText, fe: nameText, cl: nameText})
  .map((h) => ({
    v: 1 as const,
    panel: {id: h.id || "iso3", time: h.time || "year"},
    cells: [
      {type: "text" as const, md: h.md},
      {type: "sql" as const, name: "q1", sql: `SELECT ${h.sql}`},
      {
        type: "model" as const,
        models: [
          `feols(\`${h.y}\` ~ \`${h.x1}\` + \`${h.x1}\`:\`${h.x2}\` + log(\`${h.x2}\`) + l(\`${h.x1}\`, 2) + i(\`${h.g}\`, ref = "${h.ref.replace(/"/g, "")}") | \`${h.fe}\` + \`${h.fe}\`^\`${h.cl}\`, data = q1, vcov = ~\`${h.cl}\`)`,
          `\`${h.y}\` ~ \`${h.x2}\` | \`${h.fe}\`, vcov = "hetero"`,
          `y ~ ) ${h.x1}`,
          `boottest(m1, param = \`${h.x1}\`, clustid = ~\`${h.cl}\`, B = 999, type = "webb", seed = 3)`,
          `fwildclusterboot::boottest(m2, param = "${h.x2.replace(/"/g, "")}", clustid = "${h.cl.replace(/"/g, "")}")`,
          `boottest(m3, param = \`${h.x1}\`, clustid = ~iso3)`
        ].join("\n")
      },
      {type: "chart" as const, table: "q1", mark: "dot" as const, x: h.chart[0], y: h.chart[1], color: h.chart[2], facet: h.chart[3]}
    ]
  }));

describe("R export quoting", () => {
  it("quotes strings, names and comments (unit cases)", () => {
    expect(rString('a"b\\')).toBe('"a\\"b\\\\"');
    expect(rString("x\ny\rz\0")).toBe('"x\\ny\\rz\uFFFD"');
    expect(rName("dstri")).toBe("dstri");
    expect(rName("iso3\\")).toBe("`iso3\\\\`");
    expect(rName("a`b")).toBe("`a\\`b`");
    expect(rName("if")).toBe("`if`");
    expect(rComment("a\rsystem('x')\nb\u2028c")).toEqual(["# a", "# system('x')", "# b", "# c"]);
  });

  it.runIf(hasR)("the three reported injections parse as data in R", () => {
    const cases: Notebook[] = [
      // 1. a panel id ending in a backslash, then a time column carrying code.
      {v: 1, panel: {id: "iso3\\", time: ";system('echo pwned');#"}, cells: [{type: "model", models: "y ~ x"}]},
      // 2. a model term in backticks ending in a backslash, then one carrying code.
      {v: 1, panel: {id: "iso3", time: "year"}, cells: [{type: "model", models: "lnexport_cn ~ `dstri\\` + `);system('echo pwned');#`"}]},
      // 3. a chart field and a text cell with a newline or \r that would end an R comment.
      {v: 1, panel: {id: "iso3", time: "year"}, cells: [
        {type: "text", md: "note\rsystem('echo pwned')"},
        {type: "chart", table: "panel", mark: "dot", x: "dstri\nsystem('echo pwned')", y: "y\rsystem('echo pwned')", color: "", facet: ""}
      ]}
    ];
    const parsed = parseInR(cases.map(notebookToR));
    parsed.forEach((p, k) => {
      expect(p.error, `case ${k + 1}`).toBeUndefined();
      expect(p.top, `case ${k + 1}`).toEqual(expectedTop(cases[k]));
      expect(p.calls).not.toContain("system");
    });
  });

  it.runIf(hasR)("property: R's parse() of the script for hostile notebooks yields only the expected calls", () => {
    const seed = 20261206;
    const samples = fc.sample(notebook, {numRuns: 120, seed});
    // The boottest lines are exported (not only commented out) in most samples, so their quoting is exercised.
    expect(samples.filter((nb) => notebookToR(nb).includes("fwildclusterboot::boottest(")).length).toBeGreaterThan(samples.length / 2);
    const parsed = parseInR(samples.map(notebookToR));
    parsed.forEach((p, k) => {
      const where = `sample ${k} (fast-check seed ${seed}): ${JSON.stringify(samples[k]).slice(0, 400)}`;
      expect(p.error, where).toBeUndefined();
      expect(p.top, where).toEqual(expectedTop(samples[k]));
      for (const c of p.calls ?? []) expect(ALLOWED_CALLS.has(c), `${where}: call to ${c}`).toBe(true);
    });
  });
});
