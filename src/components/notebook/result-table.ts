/**
 * A SQL result: row count, each column's type, a SUMMARIZE-like summary (DuckDB's own SUMMARIZE:
 * min, max, approximate distinct count, mean, sd, quartiles, % missing) and a sortable table of the
 * first rows. Sorting: header buttons (keyboard-usable), ascending then descending, missing last.
 */
import {el, L} from "../format.js";
import {DISPLAY_ROWS, type SqlResult} from "./data.js";

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3 ? v.toPrecision(4) : String(+v.toFixed(4));
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
const isNum = (type: string) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(type);

function sortable(result: SqlResult): HTMLElement {
  const table = el("table", {className: "preview nb-table"});
  const caption = el("caption", {className: "sr-only", text: L(`Table ${result.name}, first rows`, `表 ${result.name} 的前几行`)});
  let rows = result.rows.slice();
  let key: string | null = null;
  let dir = 1;
  const tbody = el("tbody");
  const fill = () => {
    tbody.replaceChildren(
      ...rows.map((r) => el("tr", {}, ...result.columns.map((c) => el("td", {className: isNum(c.type) ? "num" : "", text: show(r[c.name])}))))
    );
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
        rows = result.rows.slice().sort((a, z) => {
          const x = a[c.name];
          const y = z[c.name];
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
  return el("div", {className: "table-wrap scroll"}, table);
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
      const n = typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) && c !== "column_name" && c !== "column_type" ? Number(v) : v;
      return el("td", {className: typeof n === "number" ? "num" : "", text: show(n)});
    }))))
  );
  const d = el("details", {className: "nb-summary-box"}, el("summary", {text: L("Summary (SUMMARIZE)", "列摘要（SUMMARIZE）")}), el("div", {className: "table-wrap"}, table));
  return d;
}

export function resultTable(result: SqlResult): HTMLElement {
  const head = el(
    "p",
    {className: "nb-meta"},
    L(
      `${result.name}: ${result.count.toLocaleString("en")} rows × ${result.columns.length} columns${result.count > DISPLAY_ROWS ? ` (first ${DISPLAY_ROWS} shown)` : ""} · ${Math.round(result.ms)} ms`,
      `${result.name}：${result.count.toLocaleString("en")} 行 × ${result.columns.length} 列${result.count > DISPLAY_ROWS ? `（显示前 ${DISPLAY_ROWS} 行）` : ""} · ${Math.round(result.ms)} 毫秒`
    )
  );
  return el("div", {className: "nb-result"}, head, result.summary.length ? summary(result) : "", sortable(result));
}
