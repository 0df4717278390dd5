/**
 * A SQL result: row count, each column's type, a SUMMARIZE-like summary (DuckDB's own SUMMARIZE:
 * min, max, approximate distinct count, mean, sd, quartiles, % missing) and a sortable table of the
 * first rows. Sorting: header buttons (keyboard-usable), ascending then descending, missing last.
 */
import {el, L} from "../format.js";
import {csvCell, csvRow} from "../../lib/csv/write.js";
import {DISPLAY_ROWS, type NotebookData, type SqlResult} from "./data.js";

/**
 * A value as shown: exact types arrive as DuckDB's own text (data.ts), so only doubles are formatted here
 * (shortest round-trip form, which never groups digits: a year stays 2014). NULL is shown as a dimmed
 * "NULL", distinct from an empty string.
 */
function show(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? "inf" : v < 0 ? "-inf" : "nan";
  if (typeof v === "bigint") return v.toString();
  return String(v);
}
/** Rows drawn when the result appears (of the DISPLAY_ROWS fetched). */
const FIRST_ROWS = 50;
const isNum = (type: string) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(type);
/** Sort key: exact numeric text (DECIMAL, BIGINT) compares as a number; ISO dates compare as text. */
const sortKey = (v: unknown, numeric: boolean) => (numeric && typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v);
const cell = (v: unknown, numeric: boolean) => el("td", {className: (numeric ? "num" : "") + (v === null || v === undefined ? " nb-null" : ""), text: show(v)});

function sortable(result: SqlResult): HTMLElement {
  const table = el("table", {className: "preview nb-table"});
  const caption = el("caption", {className: "sr-only", text: L(`Table ${result.name}, first rows`, `表 ${result.name} 的前几行`)});
  let rows = result.rows.slice();
  let key: string | null = null;
  let dir = 1;
  const tbody = el("tbody");
  // The first 50 rows are drawn at once, the rest on request: a cell's output appears without a long task.
  let shown = Math.min(rows.length, FIRST_ROWS);
  const more = el("button", {className: "nb-more"});
  more.type = "button";
  more.addEventListener("click", () => {
    shown = rows.length;
    fill();
  });
  const fill = () => {
    tbody.replaceChildren(...rows.slice(0, shown).map((r) => el("tr", {}, ...result.columns.map((c) => cell(r[c.name], isNum(c.type))))));
    more.textContent = L(`Show all ${rows.length} rows`, `显示全部 ${rows.length} 行`);
    more.hidden = shown >= rows.length;
  };
  const head = el(
    "tr",
    {},
    ...result.columns.map((c) => {
      const th = el("th", {className: isNum(c.type) ? "num" : ""});
      th.setAttribute("scope", "col");
      th.setAttribute("aria-sort", "none");
      const b = el("button", {className: "nb-sort", text: c.name});
      b.type = "button";
      b.title = L(`Sort by ${c.name}`, `按 ${c.name} 排序`);
      b.addEventListener("click", () => {
        dir = key === c.name ? -dir : 1;
        key = c.name;
        const numeric = isNum(c.type);
        rows = result.rows.slice().sort((a, z) => {
          const x = sortKey(a[c.name], numeric);
          const y = sortKey(z[c.name], numeric);
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          return (x < y ? -1 : x > y ? 1 : 0) * dir;
        });
        head.querySelectorAll("th").forEach((h) => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        fill();
      });
      th.append(b, el("span", {className: "nb-type", text: c.type}));
      return th;
    })
  );
  fill();
  table.append(caption, el("thead", {}, head), tbody);
  return el("div", {}, el("div", {className: "table-wrap scroll"}, table), more);
}

function summary(result: SqlResult): HTMLElement {
  const cols = ["column_name", "column_type", "min", "max", "approx_unique", "avg", "std", "q25", "q50", "q75", "null_percentage"];
  const labels = [L("column", "列"), L("type", "类型"), "min", "max", L("distinct ≈", "不同值≈"), L("mean", "均值"), "sd", "q25", L("median", "中位数"), "q75", L("% missing", "缺失%")];
  const table = el("table", {className: "preview nb-summary"});
  table.append(
    el("caption", {className: "sr-only", text: L("Summary of each column", "各列摘要")}),
    el("thead", {}, el("tr", {}, ...labels.map((l) => { const th = el("th", {text: l}); th.setAttribute("scope", "col"); return th; }))),
    el("tbody", {}, ...result.summary.map((r) => el("tr", {}, ...cols.map((c) => {
      const v = r[c];
      // min and max are DuckDB's exact text of the column's type; the moments are doubles, rounded for reading.
      const moment = !["column_name", "column_type", "min", "max"].includes(c) && typeof v === "string" && v !== "" && !Number.isNaN(Number(v));
      const text = v === null || v === undefined ? "" : moment ? String(+Number(v).toPrecision(6)) : show(v);
      return el("td", {className: moment || (c === "min" || c === "max") && isNum(String(r.column_type)) ? "num" : "", text});
    }))))
  );
  const d = el("details", {className: "nb-summary-box"}, el("summary", {text: L("Summary (SUMMARIZE)", "列摘要（SUMMARIZE）")}), el("div", {className: "table-wrap"}, table));
  return d;
}

/** The whole result as CSV, exactly as shown (NULL empty, an empty string as ""), through the site's one writer. */
function csvLink(result: SqlResult, data: NotebookData): HTMLElement {
  const b = el("button", {className: "nb-dl", text: "CSV"});
  b.type = "button";
  b.title = L(`Download table ${result.name} as CSV`, `将表 ${result.name} 下载为 CSV`);
  b.setAttribute("aria-label", b.title);
  b.addEventListener("click", async () => {
    const rows = await data.exactRows(result.name, result.columns);
    const lines = [csvRow(result.columns.map((c) => c.name))];
    for (const r of rows) lines.push(result.columns.map((c) => (r[c.name] === "" ? '""' : csvCell(r[c.name]))).join(","));
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
    a.download = `${result.name}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  return b;
}

export function resultTable(result: SqlResult, data?: NotebookData): HTMLElement {
  const head = el(
    "p",
    {className: "nb-meta"},
    L(
      `${result.name}: ${result.count.toLocaleString("en")} rows × ${result.columns.length} columns${result.count > DISPLAY_ROWS ? ` (first ${DISPLAY_ROWS} shown)` : ""} · ${Math.round(result.ms)} ms`,
      `${result.name}：${result.count.toLocaleString("en")} 行 × ${result.columns.length} 列${result.count > DISPLAY_ROWS ? `（显示前 ${DISPLAY_ROWS} 行）` : ""} · ${Math.round(result.ms)} 毫秒`
    )
  );
  if (data) head.append(" · ", csvLink(result, data));
  return el("div", {className: "nb-result"}, head, result.summary.length ? summary(result) : "", sortable(result));
}
