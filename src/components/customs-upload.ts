/**
 * Customs-page widget: a file picker (CSV or Parquet), a progress bar while the file is read and checked in a
 * Web Worker (the page stays responsive for any file up to 50 MB), then the report: how the file was read
 * (encoding, delimiter), the first 200 problems by line (CSV) or row (Parquet) with the count of the rest and a
 * download of all of them, and a preview of the panel merged with the valid rows.
 * Nothing from the file is ever inserted as HTML: all file content goes through textContent.
 */
import {customsMessageZh} from "../lib/customs/message-zh.js";
import {AGGREGATE_COMMAND, checkCustomsFile, errorText, mergeCustoms, prepareCustoms, type CustomsCheck, type MergeSummary} from "../lib/browser/customs.js";
import {describeRead} from "../lib/customs/read.js";
import {countryName, pick} from "../lib/i18n.js";
import {L, el, usd} from "./format.js";

const PREVIEW_ROWS = 25;

export function customsUpload(): HTMLElement {
  const input = el("input");
  input.type = "file";
  input.accept = ".csv,.txt,.tsv,.parquet,text/csv";
  input.id = "customs-file";
  const label = el("label", {className: "control"}, el("span", {text: L("Customs file (.csv or .parquet, up to 50 MB)", "海关数据文件（.csv 或 .parquet，最大 50 MB）")}), input);
  const status = el("p", {className: "customs-status muted", text: L("No file chosen yet. The file stays in your browser: nothing is uploaded to a server.", "尚未选择文件。文件只在您的浏览器中处理，不会上传到任何服务器。")});
  status.setAttribute("role", "status");
  const bar = el("progress", {className: "customs-progress"});
  bar.max = 1;
  bar.value = 0;
  bar.hidden = true;
  bar.setAttribute("aria-label", L("Progress of the check", "检查进度"));
  const report = el("div", {className: "customs-report"});
  const root = el("div", {className: "customs-upload"}, label, bar, status, report);

  prepareCustoms();
  let run = 0;
  let controller: AbortController | null = null;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const id = ++run;
    controller?.abort();
    controller = new AbortController();
    report.replaceChildren();
    status.textContent = L(`Reading ${file.name}…`, `正在读取 ${file.name}……`);
    root.dataset.state = "busy";
    bar.hidden = false;
    bar.value = 0;
    try {
      const check = await checkCustomsFile(file, {
        signal: controller.signal,
        onProgress: (p) => {
          if (id !== run) return;
          bar.value = p.done / p.total;
          status.textContent = L(`Checking ${file.name}… ${Math.round((100 * p.done) / p.total)}%`, `正在检查 ${file.name}…… ${Math.round((100 * p.done) / p.total)}%`);
        }
      });
      if (id !== run) return;
      bar.hidden = true;
      if (check.error) {
        status.textContent = `${check.file}: ${pick(errorText(check.error))}`;
        root.dataset.state = check.error.code === "raw-records" ? "raw-records" : "error";
        if (check.error.code === "raw-records") report.append(rawRecordsView());
        return;
      }
      report.append(problemsView(check));
      // Each step in its own task, so the page can paint in between (no long freeze on a large result).
      await nextFrame();
      const merged = check.rows.value.length ? await mergeCustoms(check) : null;
      await nextFrame();
      if (id !== run) return;
      if (merged) report.append(mergeView(merged));
      status.textContent = summaryText(check, merged);
      root.dataset.state = check.problemCount ? "invalid" : "valid";
    } catch (e) {
      if (id !== run || (e as Error).name === "AbortError") return;
      bar.hidden = true;
      status.textContent = (e as Error).message;
      root.dataset.state = "error";
    }
  });
  return root;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What to do with a file of raw transaction records: the exact command, in a copyable code block. */
function rawRecordsView(): HTMLElement {
  return el("section", {className: "customs-raw"},
    el("p", {text: L(
      "Aggregate the records to yearly exports by region and partner on your own machine, then choose the file it writes (customs.csv):",
      "请先在本机将逐笔记录汇总为按地区、伙伴和年份的年度出口，再选择生成的文件（customs.csv）："
    )}),
    el("pre", {}, el("code", {text: AGGREGATE_COMMAND})),
    el("p", {className: "muted", text: L(
      "FILE is your records file (CSV or Parquet); 33 and 3303 are the code prefixes of Zhejiang and Wenzhou; --modes adds cross-border e-commerce regions by customs supervision mode.",
      "FILE 为记录文件（CSV 或 Parquet）；33 和 3303 分别是浙江和温州的代码前缀；--modes 按海关监管方式另设跨境电商地区。"
    )})
  );
}

function summaryText(check: CustomsCheck, merged: MergeSummary | null): string {
  const p = check.problemCount;
  const how = pick(describeRead(check));
  const head = L(
    `${check.file} (${how}): ${check.records} data ${check.unit}${check.records === 1 ? "" : "s"}, ${check.valid} valid, ${p} problem${p === 1 ? "" : "s"}.`,
    `${check.file}（${how}）：${check.records}行数据，${check.valid}行有效，${p}个问题。`
  );
  if (!merged) return head;
  return head + " " + L(
    `${merged.matched} of ${merged.fileRows} partner-year${merged.fileRows === 1 ? "" : "s"} match the panel.`,
    `${merged.fileRows}个伙伴-年份中有${merged.matched}个与面板匹配。`
  );
}

function problemsView(check: CustomsCheck): HTMLElement {
  const box = el("section", {className: "customs-problems"});
  const p = check.problemCount;
  if (!p) {
    box.append(el("p", {className: "ok", text: L(`✓ No problems found in ${check.file}.`, `✓ ${check.file} 未发现问题。`)}));
    return box;
  }
  box.append(el("h3", {text: L(`${p} problem${p === 1 ? "" : "s"} in ${check.file}`, `${check.file} 中有${p}个问题`)}));
  box.append(problemTable(check));
  if (p > check.problems.length) {
    const more = el("p", {className: "customs-more"});
    more.append(L(`The first ${check.problems.length} are listed; ${p - check.problems.length} more are not shown. `, `上表列出前${check.problems.length}个，另有${p - check.problems.length}个未显示。`));
    if (check.allProblems) {
      const a = el("a", {text: L(`Download all ${p} problems (CSV)`, `下载全部${p}个问题（CSV）`)});
      const blob = check.allProblems;
      a.href = "#";
      a.download = `${check.file.replace(/\.[^.]*$/, "")}-problems.csv`;
      // The object URL is made on first use, not while the report is drawn.
      a.addEventListener("click", () => {
        if (a.href.startsWith("blob:")) return;
        a.href = URL.createObjectURL(blob);
      });
      more.append(a);
    }
    box.append(more);
  }
  if (check.valid) box.append(el("p", {className: "muted", text: L("Rows with problems are left out; the preview below uses the valid rows only.", "有问题的行已被排除；下方预览只使用有效行。")}));
  return box;
}

/** The kept problems as a table: line (or row), column, message. Shared with the explorer's customs input. */
export function problemTable(check: Pick<CustomsCheck, "problems" | "unit">): HTMLElement {
  const table = el("table", {className: "problems"});
  table.append(el("thead", {}, el("tr", {}, el("th", {className: "num", text: check.unit === "line" ? L("Line", "行号") : L("Row", "数据行")}), el("th", {text: L("Column", "列")}), el("th", {text: L("Problem", "问题")}))));
  const body = el("tbody");
  for (const p of check.problems) {
    const tr = el("tr", {}, el("td", {className: "num", text: String(p.line)}), el("td", {className: "mono", text: p.column ?? ""}), el("td", {text: pick({en: p.message, zh: customsMessageZh(p.message)})}));
    tr.dataset.line = String(p.line);
    body.append(tr);
  }
  table.append(body);
  const wrap = el("div", {className: "table-wrap"}, table);
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", L("Problems found", "发现的问题"));
  return wrap;
}

function mergeView(m: MergeSummary): HTMLElement {
  const box = el("section", {className: "customs-preview"});
  box.append(el("h3", {text: L(
    `Merged panel: ${m.matched} partner-year${m.matched === 1 ? "" : "s"} matched (regions: ${m.regions.join(", ")})`,
    `合并后的面板：匹配${m.matched}个伙伴-年份（地区：${m.regions.join("、")}）`
  )}));
  if (m.unmatchedCount) {
    const list = m.unmatched.slice(0, 12).map((u) => `${u.region} ${u.partner_iso3} ${u.year}`).join("; ");
    box.append(el("p", {className: "muted", text: L(
      `Not in the panel (partner outside the 42 DSTRI economies or year outside the panel): ${list}${m.unmatchedCount > 12 ? `; and ${m.unmatchedCount - 12} more` : ""}.`,
      `面板中没有（伙伴不在42个DSTRI经济体之内，或年份超出面板范围）：${list}${m.unmatchedCount > 12 ? `；另有${m.unmatchedCount - 12}个` : ""}。`
    )}));
  }
  if (m.shownRegions.length < m.regions.length) {
    const n = m.regions.length - m.shownRegions.length;
    box.append(el("p", {className: "muted", text: L(
      `The preview shows the first ${m.shownRegions.length} of ${m.regions.length} regions; the other ${n} are merged as well.`,
      `预览只列出${m.regions.length}个地区中的前${m.shownRegions.length}个；其余${n}个地区同样已合并。`
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
