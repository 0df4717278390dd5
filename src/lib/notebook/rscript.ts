/**
 * The notebook as an R script: DuckDB's R package runs the SQL cells (the same statements as the
 * page's DuckDB-wasm), fixest's `feols` runs the model cells with the same formulas, and `etable`
 * prints each model cell's table. Translations where the languages differ (documented here once):
 * - `L.x` / `Lk.x` (engine names) -> `l(x, k)`; lags need `panel.id = ~id + time`.
 * - `i(g)` -> `i(g, ref = <first sorted level>)`: our convention (one dummy per level but the first)
 *   stated explicitly, because fixest's `i()` without `ref` keeps every level.
 * - no `vcov =`: both sides cluster by the first fixed effect (fixest's default), iid without FE.
 * Text cells become comments; chart cells a comment naming what the page draws.
 */
import {type Atom, type ModelAst} from "../formula/ast.js";
import {parseModel, vcovText} from "../formula/parse.js";
import {parseLag} from "../engine/lag.js";
import {modelLines, type Notebook} from "./cells.js";

const rString = (s: string) => JSON.stringify(s); // R accepts JSON string escapes for these

function rAtom(a: Atom): string {
  if (a.kind === "col") {
    const lag = parseLag(a.name);
    if (lag) return `l(${rName(lag.base)}, ${lag.k})`;
    return rName(a.name);
  }
  if (a.kind === "log") return `log(${rName(a.name)})`;
  return `l(${rName(a.name)}, ${a.k})`;
}

function rName(n: string): string {
  return /^[A-Za-z.][A-Za-z0-9._]*$/.test(n) ? n : "`" + n.replace(/`/g, "") + "`";
}

function rFormula(m: ModelAst, data: string, refLevel: (table: string, col: string) => string): string {
  const rhs = m.terms
    .map((t) => {
      if (t.kind === "atom") return rAtom(t.atom);
      if (t.kind === "product") return t.parts.map(rAtom).join(":");
      const ref = t.ref === null ? refLevel(data, t.name) : typeof t.ref === "number" ? String(t.ref) : rString(t.ref);
      return `i(${rName(t.name)}, ref = ${ref})`;
    })
    .join(" + ");
  const fe = m.fe.length ? " | " + m.fe.map((p) => p.map(rName).join("^")).join(" + ") : "";
  return `${rAtom(m.y)} ~ ${rhs}${fe}`;
}

/**
 * The R script. Tables are read from the CSV files the site serves (data/panel.csv,
 * data/notebook/{dstri,wdi,exports}.csv), which the reader downloads next to the script.
 */
export function notebookToR(nb: Notebook): string {
  const out: string[] = [
    "# Notebook exported from the DSTRI replication site.",
    "# Needs R packages duckdb, DBI and fixest; put panel.csv, dstri.csv, wdi.csv and exports.csv",
    "# (downloadable from the site's data folder) next to this script.",
    "library(DBI)",
    "library(duckdb)",
    "library(fixest)",
    "con <- dbConnect(duckdb::duckdb())",
    'for (t in c("panel", "dstri", "wdi", "exports")) {',
    '  f <- paste0(t, ".csv")',
    '  if (file.exists(f)) dbExecute(con, sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM read_csv_auto(\'%s\')", t, f))',
    "}",
    'if (file.exists("customs.csv")) dbExecute(con, "CREATE OR REPLACE TABLE customs AS SELECT * FROM read_csv_auto(\'customs.csv\')")',
    `panel_id <- ~${rName(nb.panel.id)} + ${rName(nb.panel.time)}`,
    "tables <- list()",
    "get_table <- function(name) {",
    "  if (is.null(tables[[name]])) tables[[name]] <<- dbGetQuery(con, sprintf('SELECT * FROM \"%s\"', name))",
    "  tables[[name]]",
    "}",
    "first_level <- function(x) sort(unique(x[!is.na(x)]))[1]",
    ""
  ];
  let modelNo = 0;
  nb.cells.forEach((cell, i) => {
    out.push(`# ---- cell ${i + 1}: ${cell.type} ----`);
    if (cell.type === "text") {
      for (const line of cell.md.split("\n")) out.push(`# ${line}`);
    } else if (cell.type === "sql") {
      const sql = cell.sql.trim().replace(/;+\s*$/, "");
      out.push(`dbExecute(con, ${rString(`CREATE OR REPLACE TABLE "${cell.name}" AS ${sql}`)})`);
      out.push(`tables[[${rString(cell.name)}]] <- NULL`);
      out.push(`print(head(get_table(${rString(cell.name)})))`);
    } else if (cell.type === "chart") {
      out.push(`# chart on the page: ${cell.mark} of ${cell.y} against ${cell.x} from ${cell.table}${cell.color ? `, colour ${cell.color}` : ""}${cell.facet ? `, facets ${cell.facet}` : ""}`);
    } else {
      const names: string[] = [];
      for (const line of modelLines(cell)) {
        let m: ModelAst;
        try {
          m = parseModel(line);
        } catch (e) {
          out.push(`# not exported (${(e as Error).message}): ${line}`);
          continue;
        }
        const data = m.data ?? "panel";
        const name = `m${++modelNo}`;
        names.push(name);
        const vc = rVcov(m.vcov);
        out.push(
          `${name} <- ${m.estimator === "ppml" ? "fepois" : "feols"}(${rFormula(m, data, (t, c) => `first_level(get_table(${rString(t)})[[${rString(c)}]])`)}, data = get_table(${rString(data)}), panel.id = panel_id${vc ? `, vcov = ${vc}` : ""})`
        );
      }
      if (names.length) out.push(`print(etable(${names.join(", ")}))`);
    }
    out.push("");
  });
  out.push("dbDisconnect(con, shutdown = TRUE)");
  return out.join("\n") + "\n";
}


/**
 * The vcov argument in R: fixest's own text, except a lag of the panel HAC variances, written as a vcov request
 * (`vcov_DK(lag = 2)`) so that fixest takes unit and time from `panel.id`. Example: NW(1) -> vcov_NW(lag = 1).
 */
function rVcov(v: ModelAst["vcov"]): string | null {
  if (v && (v.type === "driscoll_kraay" || v.type === "newey_west") && v.lag !== undefined) return `${v.type === "driscoll_kraay" ? "vcov_DK" : "vcov_NW"}(lag = ${v.lag})`;
  return vcovText(v);
}
