/**
 * The notebook page's component: a toolbar (add cells, run all, share link, file open/download, R
 * export, customs file), the panel declaration, the tables panel and the list of cells. Each cell
 * runs on its own: an error is one line under that cell (role="alert") and the other cells keep
 * working. The notebook lives in the URL fragment `#nb=` (src/lib/notebook/codec.ts); a link that
 * fails validation is refused with a message and nothing from it is shown or run.
 */
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {estimate} from "../../lib/engine/estimate.js";
import {compileModel} from "../../lib/formula/compile.js";
import {parseModel, vcovText} from "../../lib/formula/parse.js";
import {checkCustomsFile, errorText, unpackRows} from "../../lib/browser/customs.js";
import {BUILTIN_TABLES, MARKS, modelLines, newCell, type Cell, type Notebook} from "../../lib/notebook/cells.js";
import {decodeNotebook, encodeNotebook, notebookFileText, readNotebookFile} from "../../lib/notebook/codec.js";
import type {EtableModel} from "../../lib/notebook/etable.js";
import {notebookToR} from "../../lib/notebook/rscript.js";
import {STARTERS, starterNotebook} from "../../lib/notebook/starters.js";
import {currentLang, pick} from "../../lib/i18n.js";
import {el, L} from "../format.js";
import {chart} from "./chart.js";
import {NotebookData, rScriptFiles} from "./data.js";
import {etableView} from "./etable-view.js";
import {renderMarkdown} from "./markdown.js";
import {resultTable} from "./result-table.js";
import {engineNoteZh} from "../../lib/engine/notes-zh.js";

const TYPE_LABEL: Record<Cell["type"], {en: string; zh: string}> = {
  sql: {en: "SQL", zh: "SQL"},
  model: {en: "Model", zh: "模型"},
  chart: {en: "Chart", zh: "图表"},
  text: {en: "Text", zh: "文字"}
};

/** Timings the browser test reads (first SQL result, ms since navigation start). */
declare global {
  interface Window {
    __notebook?: {firstSqlMs: number | null; duckStartMs: number | null; ran: number; marks: Record<string, number>};
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function button(text: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = el("button", {text});
  b.type = "button";
  if (title) {
    b.title = title;
    b.setAttribute("aria-label", title);
  }
  b.addEventListener("click", onClick);
  return b;
}

function labelled(label: string, control: HTMLElement): HTMLLabelElement {
  return el("label", {className: "nb-field"}, el("span", {text: label}), control);
}

function input(value: string, onInput: (v: string) => void, className = ""): HTMLInputElement {
  const i = el("input", {className});
  i.value = value;
  i.spellcheck = false;
  i.addEventListener("input", () => onInput(i.value));
  return i;
}

export function notebookApp(): HTMLElement {
  const data = new NotebookData();
  const timings = (window.__notebook = {firstSqlMs: null as number | null, duckStartMs: null as number | null, ran: 0, marks: data.marks});
  let nb: Notebook = starterNotebook(STARTERS[1], currentLang());
  const root = el("div", {className: "nb-app"});
  const banner = el("div", {className: "nb-banner"});
  banner.setAttribute("role", "status");
  const list = el("div", {className: "nb-cells"});
  const tablesBox = el("div", {className: "nb-tables"});
  const outputs = new WeakMap<Cell, HTMLElement>();
  let hashTimer: ReturnType<typeof setTimeout> | undefined;

  const saveHash = () => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(async () => {
      try {
        const text = await encodeNotebook(nb);
        history.replaceState(null, "", `${location.pathname}${location.search}#nb=${text}`);
      } catch (e) {
        banner.textContent = message(e);
      }
    }, 300);
  };

  const refreshTables = async () => {
    const builtins = [
      ["panel", L("the analysis panel (partner × year)", "分析面板（伙伴 × 年份）")],
      ["dstri", L("every DSTRI measure by economy and year (long)", "各经济体各年份的全部 DSTRI 指标（长表）")],
      ["wdi", L("World Bank indicators used (long)", "所用世界银行指标（长表）")],
      ["exports", L("China's exports by partner and year (long)", "中国对各伙伴的出口（长表）")],
      ["customs", L("your customs file, once loaded", "加载后的海关文件")]
    ];
    const known = await data.tables().catch(() => []);
    const counts = new Map(known.map((t) => [t.name, t]));
    const results = nb.cells.filter((c): c is Extract<Cell, {type: "sql"}> => c.type === "sql").map((c) => c.name);
    tablesBox.replaceChildren(
      el("h2", {className: "nb-h", text: L("Tables", "数据表")}),
      el(
        "ul",
        {},
        ...builtins
          .filter(([n]) => n !== "customs" || data.customsLoaded)
          .map(([n, d]) => el("li", {}, el("code", {text: n}), " ", el("span", {className: "muted", text: d + (counts.has(n) ? ` · ${counts.get(n)!.rows} × ${counts.get(n)!.columns}` : "")}))),
        ...results.map((n) => el("li", {}, el("code", {text: n}), " ", el("span", {className: "muted", text: counts.has(n) ? `${counts.get(n)!.rows} × ${counts.get(n)!.columns}` : L("(not run yet)", "（尚未运行）")})))
      ),
      data.duckStarted ? "" : el("p", {className: "muted nb-meta", text: L("DuckDB starts with the first SQL cell (about 35 MB, once).", "第一个 SQL 单元运行时才启动 DuckDB（约 35 MB，只加载一次）。")})
    );
  };
  data.onDuckReady = () => {
    timings.duckStartMs ??= performance.now();
    void refreshTables();
  };

  async function runCell(cell: Cell): Promise<void> {
    const out = outputs.get(cell);
    if (!out) return;
    out.replaceChildren(el("p", {className: "muted nb-meta", text: L("Running…", "运行中……")}));
    out.setAttribute("aria-busy", "true");
    try {
      if (cell.type === "text") out.replaceChildren(renderMarkdown(cell.md));
      else if (cell.type === "sql") {
        const r = await data.runSql(cell.name, cell.sql);
        timings.firstSqlMs ??= performance.now();
        out.replaceChildren(resultTable(r));
        void refreshTables();
      } else if (cell.type === "chart") {
        const frame = await data.frame(cell.table);
        out.replaceChildren(chart(cell, frame, Math.min(900, Math.max(240, list.clientWidth - 8))));
      } else {
        const models: EtableModel[] = [];
        const errors: HTMLElement[] = [];
        const notes: string[] = [];
        const lines = modelLines(cell);
        if (lines.length === 0) throw new Error(L("the model cell is empty", "模型单元为空"));
        for (const [i, line] of lines.entries()) {
          try {
            const m = parseModel(line);
            const frame = await data.frame(m.data ?? "panel");
            const {frame: f, spec} = compileModel(m, frame, nb.panel);
            const result = estimate(f, spec);
            result.info = {...result.info, formula: m.text + (m.data ? `, data = ${m.data}` : "")};
            const vc = spec.vcov === "iid" ? '"iid"' : spec.vcov === "hetero" ? '"hetero"' : vcovText(m.vcov) ?? `~${(spec.vcov as {cluster: string[]}).cluster.join(" + ")}`;
            models.push({label: `(${i + 1})`, result, fe: spec.fe ?? [], vcov: vc});
            for (const n of result.notes) notes.push(`(${i + 1}) ${pick({en: n, zh: engineNoteZh(n)})}`);
          } catch (e) {
            const p = el("p", {className: "nb-error", text: `(${i + 1}) ${message(e)}`});
            p.setAttribute("role", "alert");
            errors.push(p);
          }
        }
        out.replaceChildren(...errors, models.length ? etableView(models, "models", notes) : "");
      }
    } catch (e) {
      const p = el("p", {className: "nb-error", text: message(e)});
      p.setAttribute("role", "alert");
      out.replaceChildren(p);
    } finally {
      out.removeAttribute("aria-busy");
      timings.ran++;
    }
  }

  function cellView(cell: Cell, index: number): HTMLElement {
    const box = el("section", {className: `nb-cell nb-${cell.type}`});
    box.setAttribute("aria-label", `${pick(TYPE_LABEL[cell.type])} ${index + 1}`);
    const out = el("div", {className: "nb-out"});
    out.setAttribute("aria-live", "polite");
    outputs.set(cell, out);
    const move = (d: number) => {
      const j = index + d;
      if (j < 0 || j >= nb.cells.length) return;
      [nb.cells[index], nb.cells[j]] = [nb.cells[j], nb.cells[index]];
      render();
      saveHash();
    };
    const tools = el(
      "div",
      {className: "nb-tools"},
      el("span", {className: "nb-kind", text: `${pick(TYPE_LABEL[cell.type])} ${index + 1}`}),
      button("▶", () => void runCell(cell), L(`Run cell ${index + 1}`, `运行单元 ${index + 1}`)),
      button("↑", () => move(-1), L(`Move cell ${index + 1} up`, `上移单元 ${index + 1}`)),
      button("↓", () => move(1), L(`Move cell ${index + 1} down`, `下移单元 ${index + 1}`)),
      button("✕", () => {
        nb.cells.splice(index, 1);
        render();
        saveHash();
      }, L(`Delete cell ${index + 1}`, `删除单元 ${index + 1}`))
    );
    const editor = el("div", {className: "nb-editor"});
    const area = (value: string, label: string, set: (v: string) => void, rows: number) => {
      const t = el("textarea", {className: "mono"});
      t.value = value;
      t.rows = rows;
      t.spellcheck = false;
      t.setAttribute("aria-label", label);
      t.addEventListener("input", () => {
        set(t.value);
        saveHash();
      });
      t.addEventListener("keydown", (ev) => {
        if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") {
          ev.preventDefault();
          void runCell(cell);
        }
      });
      return t;
    };
    if (cell.type === "sql") {
      const name = input(cell.name, (v) => {
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && !(BUILTIN_TABLES as readonly string[]).includes(v) && !nb.cells.some((c) => c !== cell && c.type === "sql" && c.name === v)) {
          cell.name = v;
          name.removeAttribute("aria-invalid");
          saveHash();
        } else name.setAttribute("aria-invalid", "true");
      }, "mono nb-name");
      editor.append(labelled(L("Result table", "结果表名"), name), area(cell.sql, L(`SQL of cell ${index + 1}`, `单元 ${index + 1} 的 SQL`), (v) => (cell.sql = v), Math.max(3, Math.min(10, cell.sql.split("\n").length + 1))));
    } else if (cell.type === "model") {
      editor.append(area(cell.models, L(`Models of cell ${index + 1}, one per line`, `单元 ${index + 1} 的模型，每行一个`), (v) => (cell.models = v), Math.max(3, Math.min(8, cell.models.split("\n").length * 2))));
    } else if (cell.type === "text") {
      editor.append(area(cell.md, L(`Markdown of cell ${index + 1}`, `单元 ${index + 1} 的 Markdown`), (v) => (cell.md = v), Math.min(8, cell.md.split("\n").length + 1)));
    } else {
      const mark = el("select");
      for (const m of MARKS) {
        const o = el("option", {text: m});
        o.value = m;
        o.selected = m === cell.mark;
        mark.append(o);
      }
      mark.addEventListener("change", () => {
        cell.mark = mark.value as typeof cell.mark;
        saveHash();
      });
      const field = (label: string, key: "table" | "x" | "y" | "color" | "facet") =>
        labelled(label, input(cell[key], (v) => {
          cell[key] = v;
          saveHash();
        }, "mono"));
      editor.append(
        el("div", {className: "nb-chart-fields"}, field(L("table", "表"), "table"), labelled(L("mark", "图形"), mark), field("x", "x"), field("y", "y"), field(L("colour", "颜色"), "color"), field(L("facet", "分面"), "facet"))
      );
    }
    box.append(tools, editor, out);
    return box;
  }

  function render(): void {
    list.replaceChildren(...nb.cells.map(cellView));
    void refreshTables();
  }

  async function runAll(): Promise<void> {
    for (const c of nb.cells) await runCell(c);
  }

  const addButtons = (["sql", "model", "chart", "text"] as const).map((type) =>
    button(`+ ${pick(TYPE_LABEL[type])}`, () => {
      const c = newCell(type, nb.cells);
      nb.cells.push(c);
      render();
      saveHash();
      (list.lastElementChild?.querySelector("textarea, input") as HTMLElement | null)?.focus();
    }, L(`Add a ${TYPE_LABEL[type].en} cell`, `添加${TYPE_LABEL[type].zh}单元`))
  );

  const fileInput = el("input");
  fileInput.type = "file";
  fileInput.accept = ".json,application/json";
  fileInput.className = "sr-only";
  fileInput.setAttribute("aria-label", L("Open a notebook file", "打开笔记本文件"));
  fileInput.addEventListener("change", async () => {
    const f = fileInput.files?.[0];
    if (!f) return;
    try {
      if (f.size > 256 * 1024) throw new Error(L("notebook file: larger than 256 kB", "笔记本文件：超过 256 kB"));
      nb = readNotebookFile(await f.text());
      banner.textContent = L(`Opened ${f.name}.`, `已打开 ${f.name}。`);
      render();
      saveHash();
      await runAll();
    } catch (e) {
      banner.textContent = message(e);
    }
    fileInput.value = "";
  });

  const customsInput = el("input");
  customsInput.type = "file";
  customsInput.accept = ".csv,.parquet";
  customsInput.className = "sr-only";
  customsInput.setAttribute("aria-label", L("Load a customs file as table customs", "加载海关文件为 customs 表"));
  customsInput.addEventListener("change", async () => {
    const f = customsInput.files?.[0];
    if (!f) return;
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
      void refreshTables();
    } catch (e) {
      banner.textContent = message(e);
    }
    customsInput.value = "";
  });

  const download = (text: string, name: string, type: string) => {
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([text], {type}));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const toolbar = el(
    "div",
    {className: "nb-toolbar"},
    el("span", {className: "nb-group"}, ...addButtons),
    el(
      "span",
      {className: "nb-group"},
      button(L("Run all", "全部运行"), () => void runAll()),
      button(L("Copy link", "复制链接"), async () => {
        try {
          const text = await encodeNotebook(nb);
          const url = `${location.origin}${location.pathname}${location.search}#nb=${text}`;
          history.replaceState(null, "", url);
          await navigator.clipboard?.writeText(url).catch(() => {});
          banner.textContent = L(`Link updated (${text.length} characters); it is in the address bar.`, `链接已更新（${text.length} 个字符），见地址栏。`);
        } catch (e) {
          banner.textContent = message(e);
        }
      }),
      button(L("Download notebook", "下载笔记本"), () => download(notebookFileText(nb), "notebook.dtbnb.json", "application/json")),
      button(L("Open notebook…", "打开笔记本…"), () => fileInput.click()),
      button(L("Export R script", "导出 R 脚本"), () => download(notebookToR(nb), "notebook.R", "text/plain")),
      button(L("Load customs file…", "加载海关文件…"), () => customsInput.click())
    ),
    fileInput,
    customsInput
  );

  const panelDecl = el(
    "div",
    {className: "nb-panel"},
    el("span", {text: L("Panel for lags l(x, k): ", "滞后项 l(x, k) 所用的面板：")}),
    labelled(L("id", "个体"), input(nb.panel.id, (v) => {
      if (v) nb.panel.id = v;
      saveHash();
    }, "mono nb-short")),
    labelled(L("time", "时间"), input(nb.panel.time, (v) => {
      if (v) nb.panel.time = v;
      saveHash();
    }, "mono nb-short"))
  );

  const starters = el(
    "p",
    {className: "nb-starters"},
    el("span", {text: L("Starters: ", "示例笔记本：")}),
    ...STARTERS.flatMap((s, i) => {
      const a = el("a", {text: pick(s.title)});
      a.href = "#";
      a.addEventListener("click", async (ev) => {
        ev.preventDefault();
        nb = starterNotebook(s, currentLang());
        render();
        saveHash();
        await runAll();
      });
      void encodeNotebook(starterNotebook(s, currentLang())).then((t) => (a.href = `#nb=${t}`));
      return i ? [" · ", a] : [a];
    })
  );

  const rFiles = el(
    "p",
    {className: "nb-meta"},
    L("Files for the R script (save next to it): ", "R 脚本所需文件（与脚本放在同一文件夹）："),
    ...rScriptFiles().flatMap((f, i) => {
      const a = el("a", {text: f.name});
      a.href = f.href;
      a.download = f.name;
      return i ? [" · ", a] : [a];
    })
  );
  root.append(starters, toolbar, rFiles, banner, panelDecl, el("div", {className: "nb-layout"}, list, tablesBox));

  // Start: the notebook in the link, if any and valid; else the baseline starter.
  const hash = location.hash.startsWith("#nb=") ? location.hash.slice(4) : null;
  (async () => {
    if (hash !== null) {
      try {
        nb = await decodeNotebook(hash);
      } catch (e) {
        banner.classList.add("nb-refused");
        banner.textContent = L(`This link's notebook was refused: ${message(e)}. The baseline starter is shown instead.`, `此链接中的笔记本已被拒绝：${message(e)}。改为显示基准示例。`);
        history.replaceState(null, "", location.pathname + location.search);
      }
    }
    render();
    await runAll();
    root.dataset.ready = "true";
  })();
  window.addEventListener("hashchange", async () => {
    if (!location.hash.startsWith("#nb=")) return;
    try {
      const next = await decodeNotebook(location.hash.slice(4));
      if (JSON.stringify(next) === JSON.stringify(nb)) return;
      nb = next;
      render();
      await runAll();
    } catch (e) {
      banner.textContent = L(`This link's notebook was refused: ${message(e)}`, `此链接中的笔记本已被拒绝：${message(e)}`);
    }
  });
  return root;
}
