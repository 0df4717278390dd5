/**
 * What a SQL cell may hold: exactly one query (SELECT, WITH, FROM, VALUES, TABLE, PIVOT, UNPIVOT or a
 * parenthesised query), which the page runs as `CREATE OR REPLACE TABLE <cell name> AS <query>`. So a
 * cell can neither run a second statement nor drop, replace or alter the built-in tables that model and
 * chart cells also read (one `panel` for every cell). Strings, quoted names and comments are skipped
 * when statements are counted, so `SELECT ';'` is one statement. Browser-safe; used by the page.
 */
import {UserError} from "../errors.js";
import {BUILTIN_TABLES} from "./cells.js";

const QUERY_START = new Set(["SELECT", "WITH", "FROM", "VALUES", "TABLE", "PIVOT", "UNPIVOT", "("]);

interface Statement {
  text: string;
  /** 1-based line of the statement's first non-blank character. */
  line: number;
}

/** Splits SQL into statements at top-level `;` (outside strings, quoted names, comments, dollar quotes). */
export function splitStatements(sql: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const code = stripComments(raw).trim();
    if (code !== "") {
      const lead = raw.length - raw.trimStart().length;
      out.push({text: raw.trim(), line: sql.slice(0, start + lead).split("\n").length});
    }
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      // A doubled quote inside is two closes in a row: the loop just continues from after each.
      i = close < 0 ? sql.length : close + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? sql.length : close + tag[0].length;
      } else i++;
    } else if (c === ";") {
      push(i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(sql.length);
  return out;
}

function stripComments(s: string): string {
  return s.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?(\*\/|$)/g, " ");
}

/**
 * The query of a SQL cell, checked; throws a one-line UserError otherwise.
 * Examples: `checkSqlCell("SELECT 1;")` -> "SELECT 1"; `checkSqlCell("DROP TABLE panel")` throws
 * `DROP TABLE panel is refused: panel is a built-in table (panel, dstri, wdi, exports and customs cannot be changed)`.
 */
export function checkSqlCell(sql: string): string {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new UserError("the SQL cell is empty");
  for (const s of statements) {
    const code = stripComments(s.text).trim();
    const first = /^(\(|[A-Za-z_]+)/.exec(code)?.[0].toUpperCase() ?? "";
    if (QUERY_START.has(first)) continue;
    const touched = BUILTIN_TABLES.find((t) => new RegExp(`(^|[^A-Za-z0-9_])"?${t}"?($|[^A-Za-z0-9_])`, "i").test(code));
    const head = code.split(/\s+/).slice(0, 2).join(" ").toUpperCase();
    if (touched) throw new UserError(`${head} ${touched} is refused: ${touched} is a built-in table (${BUILTIN_TABLES.join(", ")} cannot be changed)`);
    throw new UserError(`line ${s.line}: a SQL cell holds one query (SELECT, WITH, FROM, VALUES ...); ${first || "this"} statements are not run here`);
  }
  if (statements.length > 1) {
    throw new UserError(`a SQL cell runs one statement; this one has ${statements.length} (the second starts on line ${statements[1].line}): put it in a new cell`);
  }
  return statements[0].text;
}

/**
 * The Chinese of checkSqlCell's refusals (other text, e.g. DuckDB's own errors, is returned as is).
 * Example: `sqlRefusalZh("the SQL cell is empty")` -> "SQL 单元为空".
 */
export function sqlRefusalZh(message: string): string {
  let m: RegExpExecArray | null;
  if (message === "the SQL cell is empty") return "SQL 单元为空";
  if ((m = /^(.+) (\w+) is refused: \2 is a built-in table \((.+) cannot be changed\)$/.exec(message))) {
    return `已拒绝 ${m[1]} ${m[2]}：${m[2]} 是内置表（${m[3]} 不能被修改）`;
  }
  if ((m = /^a SQL cell runs one statement; this one has (\d+) \(the second starts on line (\d+)\): put it in a new cell$/.exec(message))) {
    return `一个 SQL 单元只执行一条语句；此单元有 ${m[1]} 条（第二条从第 ${m[2]} 行开始），请放到新的单元中`;
  }
  if ((m = /^line (\d+): a SQL cell holds one query \(SELECT, WITH, FROM, VALUES \.\.\.\); (.+) statements are not run here$/.exec(message))) {
    return `第 ${m[1]} 行：SQL 单元只能包含一条查询（SELECT、WITH、FROM、VALUES 等）；这里不执行 ${m[2]} 语句`;
  }
  return message;
}
