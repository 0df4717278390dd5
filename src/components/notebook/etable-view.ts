/** The side-by-side regression table of a model cell, with Markdown / LaTeX / CSV downloads. */
import {etable, etableCsv, etableLatex, etableMarkdown, type EtableModel} from "../../lib/notebook/etable.js";
import {el, L} from "../format.js";
import {currentLang} from "../../lib/i18n.js";
import {modelWarningsAlert} from "../model-warnings.js";

function download(text: string, name: string, type: string, label: string): HTMLAnchorElement {
  const a = el("a", {className: "nb-dl", text: label});
  a.href = URL.createObjectURL(new Blob([text], {type}));
  a.download = name;
  return a;
}

/** Coefficient rows drawn on the page; a longer table (e.g. i() over 1,000 levels) is complete in its downloads. */
const SHOWN_TERMS = 60;

export function etableView(models: EtableModel[], stem: string, notes: string[], explorer: Array<{label: string; href: string}> = []): HTMLElement {
  // The table and its downloads in the page's language (row labels and notes; numbers and terms unchanged).
  const t = etable(models, 4, currentLang());
  const terms = t.coefRows.length / 2;
  const shown = terms > SHOWN_TERMS + 10 ? t.coefRows.slice(0, 2 * SHOWN_TERMS) : t.coefRows;
  const table = el("table", {className: "preview nb-etable"});
  const row = (cells: string[], cls = "") => el("tr", {className: cls}, ...cells.map((c, i) => {
    const cell = i === 0 ? el("th", {text: c}) : el("td", {className: "num", text: c});
    if (i === 0) cell.setAttribute("scope", "row");
    return cell;
  }));
  const head = el("tr", {}, ...t.header.map((h) => { const th = el("th", {className: "num", text: h}); th.setAttribute("scope", "col"); return th; }));
  table.append(
    el("caption", {className: "sr-only", text: L("Regression table: coefficients with standard errors in parentheses", "回归表：系数，括号内为标准误")}),
    el("thead", {}, head),
    el("tbody", {}, ...shown.map((r, i) => row(r, i % 2 ? "se" : ""))),
    el("tbody", {className: "foot"}, ...t.footRows.map((r) => row(r)))
  );
  const legend = el("p", {className: "nb-meta"}, L("*** p < 0.01, ** p < 0.05, * p < 0.1. Models: ", "*** p < 0.01，** p < 0.05，* p < 0.1。模型："));
  const list = el("ol", {className: "nb-models"}, ...models.map((m) => el("li", {className: "mono", text: m.label + " " + (m.result.info?.formula ?? "")})));
  const dl = el(
    "p",
    {className: "nb-meta"},
    L("Download: ", "下载："),
    download(etableLatex(t), `${stem}.tex`, "text/x-tex", "LaTeX"),
    " · ",
    download(etableMarkdown(t), `${stem}.md`, "text/markdown", "Markdown"),
    " · ",
    download(etableCsv(t), `${stem}.csv`, "text/csv", "CSV")
  );
  // The engine's warnings above the table, one alert per model that should not be read as it stands.
  const alerts = models.filter((m) => m.result.warnings?.length).map((m) => modelWarningsAlert(m.result.warnings!, m.label));
  const cut = shown.length < t.coefRows.length ? el("p", {className: "nb-meta", text: L(`First ${SHOWN_TERMS} of ${terms} terms shown; the downloads hold all of them.`, `仅显示 ${terms} 项中的前 ${SHOWN_TERMS} 项；下载文件包含全部。`)}) : "";
  const open = explorer.length
    ? el("p", {className: "nb-meta"}, L("Open in the explorer: ", "在探索器中打开："), ...explorer.flatMap((x, i) => {
        const a = el("a", {className: "nb-explorer", text: L(`model ${x.label}`, `模型 ${x.label}`)});
        a.href = x.href;
        return i ? [" · ", a] : [a];
      }))
    : "";
  return el("div", {className: "nb-result"}, ...alerts, el("div", {className: "table-wrap"}, table), cut, legend, list, ...notes.map((n) => el("p", {className: "nb-meta", text: n})), dl, open);
}
