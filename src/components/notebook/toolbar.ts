/**
 * The notebook's toolbar and its ways in and out: add cells, run all, copy the link, download or open a
 * notebook file, export an R script or a Quarto document, load a customs file; the starters; the files
 * the R script reads.
 */
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {checkCustomsFile, errorText, unpackRows} from "../../lib/browser/customs.js";
import type {Cell, Notebook} from "../../lib/notebook/cells.js";
import {notebookFileText, readNotebookFile} from "../../lib/notebook/codec.js";
import {notebookToQuarto} from "../../lib/notebook/quarto.js";
import {notebookToR} from "../../lib/notebook/rscript.js";
import {STARTERS, starterNotebook, type Starter} from "../../lib/notebook/starters.js";
import {currentLang, pick} from "../../lib/i18n.js";
import {el, L} from "../format.js";
import {button, TYPE_LABEL} from "./cell-view.js";
import {rScriptFiles, type NotebookData} from "./data.js";
import {oneLine} from "./run.js";

export interface ToolbarHost {
  nb(): Notebook;
  data: NotebookData;
  banner: HTMLElement;
  add(type: Cell["type"]): void;
  runAll(): void;
  copyLink(): Promise<void>;
  open(nb: Notebook, note: string): void;
  openStarter(s: Starter): void;
  starterHref(s: Starter): Promise<string>;
  tablesChanged(): void;
}

export function download(text: string, name: string, type: string): void {
  const a = el("a");
  a.href = URL.createObjectURL(new Blob([text], {type}));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function fileInput(accept: string, label: string, onFile: (f: File) => Promise<void>): HTMLInputElement {
  const i = el("input");
  i.type = "file";
  i.accept = accept;
  i.className = "sr-only";
  i.tabIndex = -1;
  i.setAttribute("aria-label", label);
  i.addEventListener("change", async () => {
    const f = i.files?.[0];
    if (f) await onFile(f);
    i.value = "";
  });
  return i;
}

export function toolbar(host: ToolbarHost): HTMLElement[] {
  const {banner, data} = host;
  const notebookFile = fileInput(".json,application/json", L("Open a notebook file", "打开笔记本文件"), async (f) => {
    try {
      if (f.size > 256 * 1024) throw new Error(L("notebook file: larger than 256 kB", "笔记本文件：超过 256 kB"));
      host.open(readNotebookFile(await f.text()), L(`Opened ${f.name}.`, `已打开 ${f.name}。`));
    } catch (e) {
      banner.textContent = oneLine(e);
    }
  });
  const customsFile = fileInput(".csv,.parquet", L("Load a customs file as table customs", "加载海关文件为 customs 表"), async (f) => {
    try {
      const check = await checkCustomsFile(f);
      if (check.error) {
        const text = errorText(check.error);
        throw new Error(L(text.en, text.zh));
      }
      const rows = unpackRows(check.rows);
      if (rows.length === 0) throw new Error(L(`${f.name}: no valid row (${check.problemCount} problems; see the customs page)`, `${f.name}：没有有效行（${check.problemCount} 个问题，请到海关数据页查看）`));
      const arrow = tableFromArrays({
        region: rows.map((r) => r.region),
        partner_iso3: rows.map((r) => r.partner_iso3),
        year: Int32Array.from(rows.map((r) => r.year)),
        exports_usd: Float64Array.from(rows.map((r) => r.exports_usd))
      });
      await data.loadCustoms(tableToIPC(arrow, "stream"));
      banner.textContent = L(`Table customs: ${rows.length} rows from ${f.name}${check.problemCount ? ` (${check.problemCount} rows with problems left out)` : ""}.`, `customs 表：来自 ${f.name} 的 ${rows.length} 行${check.problemCount ? `（${check.problemCount} 行有问题，已略去）` : ""}。`);
      host.tablesChanged();
    } catch (e) {
      banner.textContent = oneLine(e);
    }
  });
  const adds = (["sql", "model", "chart", "text"] as const).map((type) =>
    button(`+ ${pick(TYPE_LABEL[type])}`, () => host.add(type), L(`Add a ${TYPE_LABEL[type].en} cell`, `添加${TYPE_LABEL[type].zh}单元`))
  );
  const bar = el(
    "div",
    {className: "nb-toolbar"},
    el("span", {className: "nb-group"}, ...adds),
    el(
      "span",
      {className: "nb-group"},
      button(L("Run all", "全部运行"), () => host.runAll()),
      button(L("Copy link", "复制链接"), () => void host.copyLink()),
      button(L("Download notebook", "下载笔记本"), () => download(notebookFileText(host.nb()), "notebook.dtbnb.json", "application/json")),
      button(L("Open notebook…", "打开笔记本…"), () => notebookFile.click()),
      button(L("Export R script", "导出 R 脚本"), () => download(notebookToR(host.nb()), "notebook.R", "text/plain")),
      button(L("Export Quarto", "导出 Quarto"), () => download(notebookToQuarto(host.nb(), currentLang()), "notebook.qmd", "text/markdown")),
      button(L("Load customs file…", "加载海关文件…"), () => customsFile.click())
    ),
    notebookFile,
    customsFile
  );
  const starters = el(
    "p",
    {className: "nb-starters"},
    el("span", {text: L("Starters: ", "示例笔记本：")}),
    ...STARTERS.flatMap((s, i) => {
      const a = el("a", {text: pick(s.title)});
      a.href = "#";
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        host.openStarter(s);
      });
      void host.starterHref(s).then((h) => (a.href = h));
      return i ? [" · ", a] : [a];
    })
  );
  const rFiles = el(
    "p",
    {className: "nb-meta"},
    L("Files for the R script and the Quarto document (save next to them): ", "R 脚本与 Quarto 文档所需文件（与其放在同一文件夹）："),
    ...rScriptFiles().flatMap((f, i) => {
      const a = el("a", {text: f.name});
      a.href = f.href;
      a.download = f.name;
      return i ? [" · ", a] : [a];
    })
  );
  return [starters, bar, rFiles];
}

export {starterNotebook};
