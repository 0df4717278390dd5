/**
 * The explorer's customs-file picker: the user's file (the format of the "Your customs data" page) is read
 * and checked in the customs Web Worker with the one customs reader (same 50 MB limit, same messages as the
 * customs page), and its valid rows that match the panel become the input's `value`, so the page can merge
 * them (the one merge) and offer lnexport_<region> as the dependent variable. Problems are shown with their
 * line and column (the first 200, in a collapsible table). Works with Framework's `view()`.
 */
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {checkCustomsFile, errorText, unpackRows} from "../../lib/browser/customs.js";
import {describeRead} from "../../lib/customs/read.js";
import type {CustomsRow} from "../../lib/customs/validate.js";
import {problemTable} from "../customs-upload.js";

export function customsInput(): HTMLElement & {value: CustomsRow[]} {
  const input = el("input");
  input.type = "file";
  input.accept = ".csv,.txt,.tsv,.parquet,text/csv";
  input.id = "ex-customs";
  const label = el("label", {text: pick({en: "Regional exports (customs CSV or Parquet, up to 50 MB, optional)", zh: "地区出口（海关 CSV 或 Parquet，最大 50 MB，可选）"})});
  label.htmlFor = input.id;
  const status = el("span", {className: "ex-hint"});
  status.setAttribute("role", "status");
  const bar = el("progress");
  bar.max = 1;
  bar.hidden = true;
  bar.setAttribute("aria-label", pick({en: "Progress of the check", zh: "检查进度"}));
  const details = el("div", {className: "ex-customs-problems"});
  const root = el("div", {className: "ex-customs"}, label, input, bar, status, details) as unknown as HTMLElement & {value: CustomsRow[]};
  root.value = [];
  let run = 0;
  input.addEventListener("change", async (e) => {
    // The wrapper dispatches its own "input" once the value is ready; the file input's event must not reach view().
    e.stopPropagation();
    const file = input.files?.[0];
    if (!file) return;
    const id = ++run;
    details.replaceChildren();
    bar.hidden = false;
    bar.value = 0;
    root.dataset.state = "busy";
    let check;
    try {
      check = await checkCustomsFile(file, {onProgress: (p) => id === run && (bar.value = p.done / p.total)});
    } catch (error) {
      if (id !== run) return;
      bar.hidden = true;
      status.textContent = (error as Error).message;
      root.dataset.state = "error";
      return;
    }
    if (id !== run) return;
    bar.hidden = true;
    if (check.error) {
      status.textContent = `${check.file}: ${pick(errorText(check.error))}`;
      root.dataset.state = "error";
      return;
    }
    const rows = unpackRows(check.rows);
    const regions = check.regions;
    const n = check.problemCount;
    const how = pick(describeRead(check));
    status.textContent = pick({
      en: `${check.file} (${how}): ${check.valid} valid rows (${regions.join(", ") || "no region"}), ${n} problem${n === 1 ? "" : "s"}.`,
      zh: `${check.file}（${how}）：有效行 ${check.valid} 行（${regions.join("、") || "无地区"}），问题 ${n} 处。`
    });
    if (n) {
      // Where each problem is: the first ones by line and column (the customs page offers a download of all).
      const shown = check.problems.length;
      const summary = el("summary", {text: pick({
        en: `Where the problems are (${shown < n ? `first ${shown} of ${n}` : n})`,
        zh: `问题所在位置（${shown < n ? `共 ${n} 处，列出前 ${shown} 处` : `${n} 处`}）`
      })});
      const box = el("details", {}, summary, problemTable(check));
      box.open = n <= 5;
      details.append(box);
    }
    root.dataset.state = n ? "invalid" : "valid";
    root.value = rows;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  input.addEventListener("input", (e) => e.stopPropagation());
  return root;
}
