/**
 * Export of the current table (LaTeX, Markdown, CSV: download buttons and a selectable text area) and the
 * same model as code for R, Stata, Python and our CLI. Downloads are built in the page (Blob URLs): nothing
 * is sent anywhere.
 */
import {el} from "../format.js";
import {currentLang, pick, t} from "../../lib/i18n.js";
import {toCsv, toLatex, toMarkdown, type TableModel} from "../../lib/explorer/export.js";
import {dtbCode, pythonCode, rCode, stataCode} from "../../lib/explorer/code.js";
import type {ExplorerState} from "../../lib/explorer/state.js";
import {tx} from "./text.js";

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The format chosen in each chooser, kept across re-renders (the panel is rebuilt on every change). */
const chosen = new Map<string, string>();

/** A labelled select of text variants, one read-only text area showing the chosen one, and a copy button. */
function textChooser(id: string, label: string, variants: Array<{key: string; name: string; text: string}>): HTMLElement {
  const sel = el("select");
  sel.id = id;
  for (const v of variants) {
    const o = el("option", {text: v.name});
    o.value = v.key;
    sel.append(o);
  }
  const lab = el("label", {text: label});
  lab.htmlFor = id;
  const area = el("textarea");
  area.readOnly = true;
  area.spellcheck = false;
  area.className = "ex-code mono";
  area.setAttribute("aria-label", label);
  const copy = el("button", {className: "ex-small", text: tx("copy")});
  copy.type = "button";
  const bar = el("div", {className: "ex-bar"}, lab, sel, copy);
  if (chosen.has(id)) sel.value = chosen.get(id)!;
  const show = () => {
    const v = variants.find((x) => x.key === sel.value) ?? variants[0];
    chosen.set(id, v.key);
    area.value = v.text;
    area.rows = Math.min(14, v.text.split("\n").length + 1);
    area.dataset.format = v.key;
  };
  sel.addEventListener("change", show);
  copy.addEventListener("click", async () => {
    area.select();
    try {
      await navigator.clipboard.writeText(area.value);
      copy.textContent = tx("copied");
      setTimeout(() => (copy.textContent = tx("copy")), 1500);
    } catch {
      // Clipboard refused (e.g. no permission): the text is selected for Ctrl+C instead.
    }
  });
  show();
  return el("div", {className: "ex-chooser"}, bar, area);
}

export function exportPanel(model: TableModel, state: ExplorerState, specJson: string): HTMLElement {
  const base = `explorer-${state.y}-${state.x}`;
  // The downloads speak the page's language (column heads and notes); numbers and terms are the same in both.
  const lang = currentLang();
  const tables = [
    {key: "latex", name: "LaTeX", text: toLatex(model, lang), file: `${base}.tex`, type: "text/x-tex"},
    {key: "markdown", name: "Markdown", text: toMarkdown(model, lang), file: `${base}.md`, type: "text/markdown"},
    {key: "csv", name: "CSV", text: toCsv(model, lang), file: `${base}.csv`, type: "text/csv"}
  ];
  const buttons = el(
    "div",
    {className: "ex-downloads"},
    ...tables.map((f) => {
      const b = el("button", {className: "ex-small", text: `${t("download")} ${f.name}`});
      b.type = "button";
      b.dataset.format = f.key;
      b.addEventListener("click", () => download(f.file, f.text, f.type));
      return b;
    })
  );
  const code = [
    {key: "r", name: "R (fixest / plm)", text: rCode(state)},
    {key: "stata", name: pick({en: "Stata (reghdfe and others, from SSC)", zh: "Stata（reghdfe 等 SSC 命令）"}), text: stataCode(state)},
    {key: "python", name: "Python (pyfixest)", text: pythonCode(state)},
    {key: "dtb", name: pick({en: "dtb (this project's CLI)", zh: "dtb（本项目的命令行工具）"}), text: dtbCode(specJson)}
  ];
  // Without an estimate (engine error) there is no table to export, but the code still helps to investigate.
  const tablePart = model.coefs.length ? [el("h3", {text: tx("export")}), buttons, textChooser("ex-table-format", tx("format"), tables)] : [];
  return el(
    "div",
    {className: "ex-export"},
    ...tablePart,
    el("h3", {text: tx("code")}),
    textChooser("ex-code-lang", tx("format"), code)
  );
}
