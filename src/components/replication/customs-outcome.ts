/**
 * A customs file picker for the replication page: the file is read and validated in the browser with the
 * customs page's own checker (src/lib/browser/customs.ts), and its valid rows become the element's `value`
 * (for `view()`), from which the page adds lnexport_<region> outcomes to the panel. No rebuild, no upload:
 * the file never leaves the browser. Problems are counted here; the customs page lists them line by line.
 */
import {checkCustomsFile, errorText, unpackRows} from "../../lib/browser/customs.js";
import type {CustomsRow} from "../../lib/customs/validate.js";
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";

export function customsOutcome(): HTMLElement & {value: CustomsRow[]} {
  const input = el("input");
  input.type = "file";
  input.accept = ".csv,.parquet,text/csv";
  input.id = "replication-customs-file";
  const status = el("span", {className: "customs-status muted", text: pick({en: "Optional: add Zhejiang / Wenzhou exports (region, partner_iso3, year, exports_usd).", zh: "可选：加入浙江或温州的出口数据（列：region、partner_iso3、year、exports_usd）。"})});
  status.setAttribute("role", "status");
  const root = el("div", {className: "customs-outcome"},
    el("label", {className: "control"}, el("span", {text: pick({en: "Customs file", zh: "海关数据文件"})}), input), status) as unknown as HTMLElement & {value: CustomsRow[]};
  let rows: CustomsRow[] = [];
  Object.defineProperty(root, "value", {get: () => rows});
  let run = 0;
  input.addEventListener("change", async (event) => {
    // The file input's own "input" event must not reach view() before the rows are ready.
    event.stopPropagation();
    const file = input.files?.[0];
    if (!file) return;
    const id = ++run;
    root.dataset.state = "busy";
    status.textContent = pick({en: `Reading ${file.name}…`, zh: `正在读取 ${file.name}……`});
    try {
      const check = await checkCustomsFile(file);
      if (id !== run) return;
      if (check.error) throw new Error(`${check.file}: ${pick(errorText(check.error))}`);
      rows = unpackRows(check.rows);
      const regions = [...new Set(rows.map((r) => r.region))].sort();
      const p = check.problemCount;
      status.textContent = pick({
        en: `${check.file}: ${rows.length} valid rows for ${regions.join(", ") || "no region"}` +
          (p ? `; ${p} problem${p === 1 ? "" : "s"} left out (see the customs page for the list).` : "."),
        zh: `${check.file}：${regions.join("、") || "无地区"}共 ${rows.length} 行有效数据` +
          (p ? `；${p} 处问题已剔除（详见“我的海关数据”页面）。` : "。")
      });
      root.dataset.state = p ? "invalid" : "valid";
      root.dispatchEvent(new Event("input", {bubbles: true}));
    } catch (e) {
      if (id !== run) return;
      status.textContent = (e as Error).message;
      root.dataset.state = "error";
    }
  });
  input.addEventListener("input", (e) => e.stopPropagation());
  return root;
}
