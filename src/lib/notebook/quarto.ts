/**
 * The notebook as a Quarto document (`.qmd`): the R code of the R script (./rscript.ts, quoted for R the
 * same way) in R chunks — DuckDB for SQL cells, fixest for model cells — and text cells as Markdown.
 * A text cell is the notebook author's text, so nothing in it may run when the reader renders the file:
 * the reader is told `from: markdown-raw_html-raw_attribute` (pandoc passes no raw HTML through), a code
 * fence that would be an executable chunk (```{r}) loses its braces, knitr's inline `r ...` code is broken
 * with a zero-width space, and Quarto shortcodes ({{< ... >}}) are written in their escaped form.
 */
import type {Lang} from "../i18n.js";
import type {Notebook} from "./cells.js";
import {notebookRParts} from "./rscript.js";

/** Markdown of a text cell, made inert for Quarto and knitr (see above). */
export function quartoText(md: string): string {
  return md
    .replace(/\r\n?/g, "\n")
    // A fence's info string loses every brace: ```{r} (an executable chunk) becomes ```r (highlighted code).
    .replace(/^([ \t]*(?:`{3,}|~{3,}))([^\n]*)/gm, (_, fence: string, info: string) => fence + info.replace(/[{}]/g, "").trim())
    .replace(/`(\s*)r(?=[ #])/g, "`$1\u200Br")
    .replace(/\{\{</g, "{{{<")
    .replace(/>\}\}/g, ">}}}");
}

export function notebookToQuarto(nb: Notebook, lang: Lang = "en"): string {
  const parts = notebookRParts(nb);
  const chunk = (lines: string[]) => ["```{r}", ...lines, "```", ""];
  const out = [
    "---",
    `title: ${lang === "zh" ? '"笔记本"' : '"Notebook"'}`,
    "from: markdown-raw_html-raw_attribute",
    "format: html",
    "---",
    "",
    lang === "zh"
      ? "由 DSTRI 复现网站的笔记本导出。需要 R 包 duckdb、DBI 与 fixest（boottest 行另需 fwildclusterboot）；把 panel.csv、dstri.csv、wdi.csv 与 exports.csv 放在本文件旁。"
      : "Exported from the DSTRI replication site's notebook. Needs the R packages duckdb, DBI and fixest (and fwildclusterboot for boottest lines); put panel.csv, dstri.csv, wdi.csv and exports.csv next to this file.",
    "",
    "```{r}",
    "#| label: setup",
    "#| message: false",
    ...parts.setup,
    "```",
    ""
  ];
  nb.cells.forEach((cell, i) => {
    if (cell.type === "text") out.push(quartoText(cell.md), "");
    else if (parts.cells[i].length) out.push(...chunk(parts.cells[i]));
  });
  out.push(...chunk(parts.end));
  return out.join("\n");
}
