/**
 * The notebook as an R script: DuckDB's R package runs the SQL cells (the same statements as the
 * page's DuckDB-wasm), fixest's `feols` runs the model cells with the same formulas, and `etable`
 * prints each model cell's table. Translations where the languages differ (documented here once):
 * - `L.x` / `Lk.x` (engine names) -> `l(x, k)`, leads `F.x` -> `f(x, 1)`; lags need `panel.id = ~id + time`.
 * - `fepois(...)` model lines -> fixest's `fepois`; DK / NW variances -> "DK" / "NW" or `vcov_DK(lag = L)`.
 * - `i(g)` -> `i(g, ref = <first sorted level>)`: our convention (one dummy per level but the first)
 *   stated explicitly, because fixest's `i()` without `ref` keeps every level.
 * - no `vcov =`: both sides cluster by the first fixed effect (fixest's default), iid without FE.
 * - `boottest(mK, param, clustid, B, type, seed)` -> `set.seed(seed)`, `dqrng::dqset.seed(seed)` (the generator
 *   fwildclusterboot draws from; its `seed` argument is gone from current versions) and
 *   `fwildclusterboot::boottest(<the cell's K-th model>, param = "<fixest's coefficient name>", clustid = ~c, B, type)`.
 *   R draws other weights than the page: p-values agree within Monte Carlo error, exactly when every sign vector
 *   is enumerated (Rademacher, at most 12 clusters: both enumerate).
 * Text cells become comments; chart cells a comment naming what the page draws.
 */
import {termName, type Atom, type ModelAst, type VcovAst} from "../formula/ast.js";
import {parseModel} from "../formula/parse.js";
import {parseLag} from "../engine/lag.js";
import {modelLines, type Notebook} from "./cells.js";
import {checkSqlCell} from "./sql.js";
import {isBoottestLine, parseBoottest} from "./boottest.js";

/**
 * An R string literal. Every character that could end the literal or the line is escaped (backslash,
 * quote, line breaks, other control characters); NUL (R strings cannot hold it) and lone surrogates
 * become U+FFFD. Example: `rString('a"b\\')` -> `"a\"b\\"`.
 */
export function rString(s: string): string {
  return '"' + rEscape(s, '"') + '"';
}

function rEscape(s: string, quote: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) {
      out += "\uFFFD"; // a lone surrogate (for...of yields pairs whole)
      continue;
    }
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c === 0) out += "\uFFFD";
    // R refuses \x and \u escapes in one string, and \u in backtick names: \u in strings, \x in names.
    else if (c < 0x20 || c === 0x7f) out += (quote === '"' ? "\\u00" : "\\x") + c.toString(16).padStart(2, "0");
    // R takes \u escapes in strings only (not in backtick names), and never ends a line at these.
    else if ((c === 0x2028 || c === 0x2029 || c === 0x85) && quote === '"') out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out;
}

/**
 * An R name: syntactic names as they are, anything else in backticks with backslashes, backticks and
 * line breaks escaped (R processes escapes inside backticks, so `x\` must become `x\\`).
 * Example: rName("dstri") -> dstri; rName("a`b\\") -> `a\`b\\`.
 */
export function rName(n: string): string {
  if (/^([A-Za-z]|[.][A-Za-z._])[A-Za-z0-9._]*$/.test(n) && !R_RESERVED.has(n)) return n;
  return "`" + (n === "" ? "\uFFFD" : rEscape(n, "`")) + "`";
}

const R_RESERVED = new Set(["if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_", "in"]);

/**
 * R comment lines for any text: one `# ` line per line of the text, split at every character R (or an
 * editor) could take as a line end, other control characters dropped, so a comment never ends early.
 */
export function rComment(text: string): string[] {
  return text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).map((l) => ("# " + l.replace(/[\u0000-\u001f\u007f]/g, "")).trimEnd());
}

function rAtom(a: Atom): string {
  if (a.kind === "col") {
    const lag = parseLag(a.name);
    if (lag) return shiftR(lag.base, lag.k);
    return rName(a.name);
  }
  if (a.kind === "log") return `log(${rName(a.name)})`;
  return shiftR(a.name, a.k);
}

/** fixest's lag l(x, k), or its lead f(x, k) for the engine's negative k. */
function shiftR(name: string, k: number): string {
  return k > 0 ? `l(${rName(name)}, ${k})` : `f(${rName(name)}, ${-k})`;
}

/**
 * The vcov argument in R: fixest's names ("iid", "hetero", "DK", "NW", ~c1 + c2); a lag of the panel HAC variances
 * as a vcov request (`vcov_DK(lag = 2)`), so that fixest takes unit and time from `panel.id`.
 * Example: NW(1) -> vcov_NW(lag = 1).
 */
function rVcov(v: VcovAst | null): string | null {
  if (v === null) return null;
  if (v.type === "cluster") return "~" + v.cluster.map((c) => c.map(rName).join("^")).join(" + ");
  if (v.type === "driscoll_kraay" || v.type === "newey_west") {
    const fn = v.type === "driscoll_kraay" ? "vcov_DK" : "vcov_NW";
    if (v.lag !== undefined) return `${fn}(lag = ${Math.trunc(Number(v.lag))})`;
    return rString(v.type === "driscoll_kraay" ? "DK" : "NW");
  }
  return rString(v.type);
}

function rFormula(m: ModelAst, data: string, refLevel: (table: string, col: string) => string): string {
  const rhs = m.terms
    .map((t) => {
      if (t.kind === "atom") return rAtom(t.atom);
      if (t.kind === "product") return t.parts.map(rAtom).join(":");
      const ref = t.ref === null ? refLevel(data, t.name) : typeof t.ref === "number" && Number.isFinite(t.ref) ? String(t.ref) : rString(String(t.ref));
      return `i(${rName(t.name)}, ref = ${ref})`;
    })
    .join(" + ");
  const fe = m.fe.length ? " | " + m.fe.map((p) => p.map(rName).join("^")).join(" + ") : "";
  return `${rAtom(m.y)} ~ ${rhs}${fe}`;
}

/** fixest's coefficient name of a model's term named `param` (spaces ignored), or null when it has none. */
function rTermName(m: ModelAst, param: string): string | null {
  const key = (s: string) => s.replace(/[\s`]+/g, "");
  for (const t of m.terms) {
    if (t.kind === "i") {
      if (param.startsWith(`${t.name}::`)) return param;
      continue;
    }
    if (key(termName(t)) === key(param)) return t.kind === "atom" ? rAtom(t.atom) : t.parts.map(rAtom).join(":");
  }
  return null;
}

/** A boottest line as fwildclusterboot code (see the module comment), or comments saying why it is not exported. */
function rBoottest(line: string, models: Array<{name: string; m: ModelAst} | null>, no: number): string[] {
  try {
    const b = parseBoottest(line);
    const target = models[b.model - 1];
    if (!target) throw new Error(b.model > models.length ? `this cell has no model m${b.model}` : `model m${b.model} is not exported`);
    const param = rTermName(target.m, b.param);
    if (param === null) throw new Error(`param "${b.param}" is not a coefficient of m${b.model}`);
    return [
      `set.seed(${b.seed})`,
      `dqrng::dqset.seed(${b.seed})`,
      `b${no} <- fwildclusterboot::boottest(${target.name}, param = ${rString(param)}, clustid = ~${rName(b.clustid)}, B = ${b.B}, type = ${rString(b.type)})`,
      `print(summary(b${no}))`
    ];
  } catch (e) {
    return rComment(`not exported (${(e as Error).message.split("\n")[0]}): ${line}`);
  }
}

/** The R code of an export: set-up lines, each cell's lines (text cells as comments), closing lines. */
export interface RParts {
  setup: string[];
  cells: string[][];
  end: string[];
}

/**
 * The notebook as R code, cell by cell (shared by the R script and the Quarto document). Tables are read
 * from the CSV files the site serves, then DuckDB's external access is switched off and locked as on the
 * page, so a shared notebook's SQL cannot read or write the reader's files or reach the network. A SQL cell
 * that the page would refuse (a second statement, a change to a built-in table) is written as a comment.
 */
export function notebookRParts(nb: Notebook): RParts {
  const setup: string[] = [
    "library(DBI)",
    "library(duckdb)",
    "library(fixest)",
    "con <- dbConnect(duckdb::duckdb())",
    'for (t in c("panel", "dstri", "wdi", "exports")) {',
    '  f <- paste0(t, ".csv")',
    '  if (file.exists(f)) dbExecute(con, sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM read_csv_auto(\'%s\')", t, f))',
    "}",
    'if (file.exists("customs.csv")) dbExecute(con, "CREATE OR REPLACE TABLE customs AS SELECT * FROM read_csv_auto(\'customs.csv\')")',
    'dbExecute(con, "SET enable_external_access = false")',
    'dbExecute(con, "SET lock_configuration = true")',
    `panel_id <- ~${rName(nb.panel.id)} + ${rName(nb.panel.time)}`,
    "tables <- list()",
    "get_table <- function(name) {",
    "  if (is.null(tables[[name]])) tables[[name]] <<- dbGetQuery(con, sprintf('SELECT * FROM \"%s\"', gsub('\"', '\"\"', name, fixed = TRUE)))",
    "  tables[[name]]",
    "}",
    "first_level <- function(x) sort(unique(x[!is.na(x)]))[1]"
  ];
  let modelNo = 0;
  let bootNo = 0;
  const cells = nb.cells.map((cell) => {
    const out: string[] = [];
    if (cell.type === "text") {
      out.push(...rComment(cell.md));
    } else if (cell.type === "sql") {
      let sql: string;
      try {
        sql = checkSqlCell(cell.sql);
      } catch (e) {
        out.push(...rComment(`not exported (${(e as Error).message}): ${cell.sql}`));
        return out;
      }
      out.push(`dbExecute(con, ${rString(`CREATE OR REPLACE TABLE "${cell.name}" AS ${sql}`)})`);
      out.push(`tables[[${rString(cell.name)}]] <- NULL`);
      out.push(`print(head(get_table(${rString(cell.name)})))`);
    } else if (cell.type === "chart") {
      out.push(...rComment(`chart on the page: ${cell.mark} of ${cell.y} against ${cell.x} from ${cell.table}${cell.color ? `, colour ${cell.color}` : ""}${cell.facet ? `, facets ${cell.facet}` : ""}`));
    } else {
      const names: string[] = [];
      /** The cell's model lines in order (m1, m2, ... of its boottest lines): their R name and parsed model, or null. */
      const cellModels: Array<{name: string; m: ModelAst} | null> = [];
      const boots: string[] = [];
      for (const line of modelLines(cell)) {
        if (isBoottestLine(line)) {
          boots.push(line);
          continue;
        }
        let m: ModelAst;
        try {
          m = parseModel(line);
        } catch (e) {
          out.push(...rComment(`not exported (${(e as Error).message}): ${line}`));
          cellModels.push(null);
          continue;
        }
        const data = m.data ?? "panel";
        const name = `m${++modelNo}`;
        names.push(name);
        cellModels.push({name, m});
        const vc = rVcov(m.vcov);
        out.push(
          `${name} <- ${m.estimator === "ppml" ? "fepois" : "feols"}(${rFormula(m, data, (t, c) => `first_level(get_table(${rString(t)})[[${rString(c)}]])`)}, data = get_table(${rString(data)}), panel.id = panel_id${vc ? `, vcov = ${vc}` : ""})`
        );
      }
      if (names.length) out.push(`print(etable(${names.join(", ")}))`);
      for (const line of boots) out.push(...rBoottest(line, cellModels, ++bootNo));
    }
    return out;
  });
  return {setup, cells, end: ["dbDisconnect(con, shutdown = TRUE)"]};
}

/**
 * The R script. Tables are read from the CSV files the site serves (data/panel.csv,
 * data/notebook/{dstri,wdi,exports}.csv), which the reader downloads next to the script.
 */
export function notebookToR(nb: Notebook): string {
  const parts = notebookRParts(nb);
  const out: string[] = [
    "# Notebook exported from the DSTRI replication site.",
    "# Needs R packages duckdb, DBI and fixest (and fwildclusterboot for boottest lines); put panel.csv, dstri.csv, wdi.csv and exports.csv",
    "# (downloadable from the site's data folder) next to this script.",
    ...parts.setup,
    ""
  ];
  parts.cells.forEach((lines, i) => out.push(`# ---- cell ${i + 1}: ${nb.cells[i].type} ----`, ...lines, ""));
  out.push(...parts.end);
  return out.join("\n") + "\n";
}
