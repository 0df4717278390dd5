/**
 * Customs-page widget: a file picker (CSV or Parquet) and the report that follows an upload — every
 * problem by line (CSV) or row (Parquet), then a preview of the panel merged with the valid rows.
 * Nothing from the file is ever inserted as HTML: all file content goes through textContent.
 */
import {checkCustomsFile, mergeCustoms, type CustomsCheck, type MergeSummary} from "../lib/browser/customs.js";
import {countryName} from "../lib/i18n.js";
import {L, el, usd} from "./format.js";

const PREVIEW_ROWS = 25;

export function customsUpload(): HTMLElement {
  const input = el("input");
  input.type = "file";
  input.accept = ".csv,.parquet,text/csv";
  input.id = "customs-file";
  const label = el("label", {className: "control"}, el("span", {text: L("Customs file (.csv or .parquet)", "海关数据文件（.csv 或 .parquet）")}), input);
  const status = el("p", {className: "customs-status muted", text: L("No file chosen yet. The file stays in your browser: nothing is uploaded to a server.", "尚未选择文件。文件只在您的浏览器中处理，不会上传到任何服务器。")});
  status.setAttribute("role", "status");
  const report = el("div", {className: "customs-report"});
  const root = el("div", {className: "customs-upload"}, label, status, report);

  let run = 0;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const id = ++run;
    report.replaceChildren();
    status.textContent = L(`Reading ${file.name}…`, `正在读取 ${file.name}……`);
    root.dataset.state = "busy";
    try {
      const check = await checkCustomsFile(file);
      if (id !== run) return;
      report.append(problemsView(check));
      status.textContent = L(`Merging ${check.rows.length} valid rows with the panel…`, `正在将${check.rows.length}行有效数据与面板合并……`);
      const merged = check.rows.length ? await mergeCustoms(check, file) : null;
      if (id !== run) return;
      if (merged) report.append(mergeView(merged));
      status.textContent = summaryText(check, merged);
      root.dataset.state = check.problems.length ? "invalid" : "valid";
    } catch (e) {
      if (id !== run) return;
      status.textContent = (e as Error).message;
      root.dataset.state = "error";
    }
  });
  return root;
}

function summaryText(check: CustomsCheck, merged: MergeSummary | null): string {
  const p = check.problems.length;
  const head = L(
    `${check.file}: ${check.records} data ${check.unit}s, ${check.rows.length} valid, ${p} problem${p === 1 ? "" : "s"}.`,
    `${check.file}：${check.records}行数据，${check.rows.length}行有效，${p}个问题。`
  );
  if (!merged) return head;
  return head + " " + L(
    `${merged.matched} of ${merged.fileRows} partner-year${merged.fileRows === 1 ? "" : "s"} match the panel.`,
    `${merged.fileRows}个伙伴-年份中有${merged.matched}个与面板匹配。`
  );
}

function problemsView(check: CustomsCheck): HTMLElement {
  const box = el("section", {className: "customs-problems"});
  if (!check.problems.length) {
    box.append(el("p", {className: "ok", text: L(`✓ No problems found in ${check.file}.`, `✓ ${check.file} 未发现问题。`)}));
    return box;
  }
  box.append(el("h3", {text: L(`${check.problems.length} problem${check.problems.length === 1 ? "" : "s"} in ${check.file}`, `${check.file} 中有${check.problems.length}个问题`)}));
  const table = el("table", {className: "problems"});
  table.append(el("thead", {}, el("tr", {}, el("th", {className: "num", text: check.unit === "line" ? L("Line", "行号") : L("Row", "数据行")}), el("th", {text: L("Column", "列")}), el("th", {text: L("Problem", "问题")}))));
  const body = el("tbody");
  for (const p of check.problems) {
    const tr = el("tr", {}, el("td", {className: "num", text: String(p.line)}), el("td", {className: "mono", text: p.column ?? ""}), el("td", {text: p.message}));
    tr.dataset.line = String(p.line);
    body.append(tr);
  }
  table.append(body);
  box.append(el("div", {className: "table-wrap"}, table));
  if (check.rows.length) box.append(el("p", {className: "muted", text: L("Rows with problems are left out; the preview below uses the valid rows only.", "有问题的行已被排除；下方预览只使用有效行。")}));
  return box;
}

function mergeView(m: MergeSummary): HTMLElement {
  const box = el("section", {className: "customs-preview"});
  box.append(el("h3", {text: L(
    `Merged panel: ${m.matched} partner-year${m.matched === 1 ? "" : "s"} matched (regions: ${m.regions.join(", ")})`,
    `合并后的面板：匹配${m.matched}个伙伴-年份（地区：${m.regions.join("、")}）`
  )}));
  if (m.unmatched.length) {
    const list = m.unmatched.slice(0, 12).map((u) => `${u.region} ${u.partner_iso3} ${u.year}`).join("; ");
    box.append(el("p", {className: "muted", text: L(
      `Not in the panel (partner outside the 42 DSTRI economies or year outside the panel): ${list}${m.unmatched.length > 12 ? `; and ${m.unmatched.length - 12} more` : ""}.`,
      `面板中没有（伙伴不在42个DSTRI经济体之内，或年份超出面板范围）：${list}${m.unmatched.length > 12 ? `；另有${m.unmatched.length - 12}个` : ""}。`
    )}));
  }
  if (!m.preview.length) return box;
  const table = el("table", {className: "preview"});
  table.append(el("thead", {}, el("tr", {}, ...m.columns.map((c) => el("th", {className: c === "iso3" || c === "country" ? "" : "num", text: c})))));
  const body = el("tbody");
  for (const row of m.preview.slice(0, PREVIEW_ROWS)) {
    body.append(el("tr", {}, ...m.columns.map((c) => el("td", {className: c === "iso3" || c === "country" ? "" : "num", text: c === "country" ? countryName(row as {country: string; country_zh?: string | null}) : cell(c, row[c])}))));
  }
  table.append(body);
  box.append(el("div", {className: "table-wrap"}, table));
  if (m.preview.length > PREVIEW_ROWS) box.append(el("p", {className: "muted", text: L(`First ${PREVIEW_ROWS} of ${m.preview.length} rows.`, `共${m.preview.length}行，显示前${PREVIEW_ROWS}行。`)}));
  return box;
}

function cell(column: string, v: unknown): string {
  if (v == null || (typeof v === "number" && !Number.isFinite(v))) return "–";
  if (typeof v !== "number") return String(v);
  if (column === "year") return String(v);
  if (column.endsWith("_usd")) return usd(v);
  return v.toFixed(column === "dstri" ? 2 : 3);
}
