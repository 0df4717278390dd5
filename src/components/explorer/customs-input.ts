/**
 * A small CSV picker for the explorer: the user's customs file (the format of the "Your customs data" page)
 * is validated in the page with the shared validator and its valid rows become the input's `value`, so the
 * page can merge them and offer lnexport_<region> as the dependent variable. CSV only, to keep this page
 * free of DuckDB; Parquet files can be checked on the customs page. Works with Framework's `view()`.
 */
import {el} from "../format.js";
import {pick} from "../../lib/i18n.js";
import {validateCustomsCsv, type CustomsRow} from "../../lib/customs/validate.js";

export function customsInput(): HTMLElement & {value: CustomsRow[]} {
  const input = el("input");
  input.type = "file";
  input.accept = ".csv,text/csv";
  input.id = "ex-customs";
  const label = el("label", {text: pick({en: "Regional exports (customs CSV, optional)", zh: "地区出口（海关CSV，可选）"})});
  label.htmlFor = input.id;
  const status = el("span", {className: "ex-hint"});
  status.setAttribute("role", "status");
  const root = el("div", {className: "ex-customs"}, label, input, status) as unknown as HTMLElement & {value: CustomsRow[]};
  root.value = [];
  input.addEventListener("change", async (e) => {
    // The wrapper dispatches its own "input" once the value is ready; the file input's event must not reach view().
    e.stopPropagation();
    const file = input.files?.[0];
    if (!file) return;
    const {rows, problems} = validateCustomsCsv(await file.text());
    const regions = [...new Set(rows.map((r) => r.region))].sort();
    status.textContent = pick({
      en: `${rows.length} valid rows (${regions.join(", ") || "no region"}), ${problems.length} problem${problems.length === 1 ? "" : "s"}.`,
      zh: `有效行 ${rows.length} 行（${regions.join("、") || "无地区"}），问题 ${problems.length} 处。`
    });
    root.value = rows;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  input.addEventListener("input", (e) => e.stopPropagation());
  return root;
}
