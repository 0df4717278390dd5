/**
 * The notebook page's component: the toolbar (./toolbar.ts), the panel declaration, the tables panel and
 * the cells (./cell-view.ts). Dataflow as in Observable: a cell's output stays until that cell runs again;
 * when a SQL cell's result changes, the cells that read it (directly or through other results) are marked
 * stale and re-run in order (src/lib/notebook/dataflow.ts). Adding, moving or deleting a cell never touches
 * another cell's output. Models run in a Web Worker and SQL in DuckDB's, both with Cancel (./run.ts); a
 * cancelled cell stops "Run all" there. The notebook lives in the URL fragment `#nb=`
 * (src/lib/notebook/codec.ts); a link that fails validation is refused and nothing from it runs.
 */
import {newCell, type Cell, type Notebook} from "../../lib/notebook/cells.js";
import {decodeNotebook, encodeNotebook} from "../../lib/notebook/codec.js";
import {dependents} from "../../lib/notebook/dataflow.js";
import {STARTERS, starterNotebook} from "../../lib/notebook/starters.js";
import {currentLang} from "../../lib/i18n.js";
import {createPool, type Pool} from "../../lib/worker/pool.js";
import {el, L} from "../format.js";
import {cellView, input, labelled, type CellView} from "./cell-view.js";
import {NotebookData} from "./data.js";
import {runCellWork, oneLine, type RunOutcome} from "./run.js";
import {toolbar} from "./toolbar.js";

/** Timings the browser test reads (first SQL result, ms since navigation start). */
declare global {
  interface Window {
    __notebook?: {firstSqlMs: number | null; duckStartMs: number | null; ran: number; marks: Record<string, number>; runStartMs: number | null};
  }
}

export function notebookApp(opts: {workerUrl: string}): HTMLElement {
  const data = new NotebookData();
  const timings = (window.__notebook = {firstSqlMs: null as number | null, duckStartMs: null as number | null, ran: 0, marks: data.marks, runStartMs: null as number | null});
  let nb: Notebook = starterNotebook(STARTERS[1], currentLang());
  let pool: Pool | null = null;
  const getPool = () => (pool ??= createPool({url: opts.workerUrl, size: 1}));
  const root = el("div", {className: "nb-app"});
  const banner = el("div", {className: "nb-banner"});
  banner.setAttribute("role", "status");
  const list = el("div", {className: "nb-cells"});
  const tablesBox = el("div", {className: "nb-tables"});
  const views = new Map<Cell, CellView>();
  /** The run in progress of each cell (a new run of the same cell waits for it to end). */
  const runs = new Map<Cell, {cancel: () => void; done: Promise<RunOutcome>}>();
  let catalogue: Record<string, string[]> = {};
  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  const textTimers = new Map<Cell, ReturnType<typeof setTimeout>>();

  const saveHash = () => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(async () => {
      try {
        history.replaceState(null, "", `${location.pathname}${location.search}#nb=${await encodeNotebook(nb)}`);
      } catch (e) {
        banner.textContent = oneLine(e);
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
    catalogue = await data.catalogue().catch(() => catalogue);
    const counts = new Map(known.map((t) => [t.name, t]));
    const size = (n: string) => (counts.has(n) ? `${counts.get(n)!.rows} × ${counts.get(n)!.columns}` : "");
    const results = nb.cells.flatMap((c) => (c.type === "sql" ? [c.name] : []));
    tablesBox.replaceChildren(
      el("h2", {className: "nb-h", text: L("Tables", "数据表")}),
      el(
        "ul",
        {},
        ...builtins.filter(([n]) => n !== "customs" || data.customsLoaded).map(([n, d]) => el("li", {}, el("code", {text: n}), " ", el("span", {className: "muted", text: d + (size(n) ? ` · ${size(n)}` : "")}))),
        ...results.map((n) => el("li", {}, el("code", {text: n}), " ", el("span", {className: "muted", text: size(n) || L("(not run yet)", "（尚未运行）")})))
      ),
      data.duckStarted ? "" : el("p", {className: "muted nb-meta", text: L("DuckDB (about 35 MB, once) starts when a SQL cell is added, focused or run.", "添加、聚焦或运行 SQL 单元时才启动 DuckDB（约 35 MB，只加载一次）。")})
    );
  };
  data.onDuckReady = () => {
    timings.duckStartMs ??= performance.now();
    void refreshTables();
  };
  const startDuck = () => void data.duckdb().catch((e) => (banner.textContent = oneLine(e)));

  /** Runs one cell; its output is replaced when the run ends (kept when it is cancelled). */
  async function runOne(cell: Cell): Promise<RunOutcome> {
    const view = views.get(cell);
    if (!view) return "failed";
    const previous = runs.get(cell);
    if (previous) {
      previous.cancel();
      await previous.done;
    }
    let cancel = () => {};
    view.setState("running");
    const t0 = performance.now();
    const done = runCellWork(cell, {
      data,
      pool: getPool,
      panel: nb.panel,
      width: Math.min(900, Math.max(240, list.clientWidth - 8)),
      running: (text, stop) => {
        cancel = stop;
        view.running(text, stop);
      },
      onFirstSql: () => (timings.firstSqlMs ??= performance.now())
    }).then(({outcome, output}) => {
      if (output) view.out.replaceChildren(...output);
      const ms = Math.round(performance.now() - t0);
      view.setState(outcome === "ok" ? "done" : outcome, outcome === "ok" ? L(`${ms} ms`, `${ms} 毫秒`) : undefined);
      timings.ran++;
      if (cell.type === "sql" && outcome === "ok") void refreshTables();
      return outcome;
    });
    runs.set(cell, {cancel: () => cancel(), done});
    const outcome = await done;
    if (runs.get(cell)?.done === done) runs.delete(cell);
    return outcome;
  }

  /** Runs a cell, then (a SQL cell that succeeded) the cells that read its result, in order. */
  async function runWithDependents(cell: Cell): Promise<RunOutcome> {
    const outcome = await runOne(cell);
    if (outcome !== "ok" || cell.type !== "sql") return outcome;
    const order = dependents(nb.cells, nb.cells.indexOf(cell)).map((i) => nb.cells[i]);
    for (const c of order) views.get(c)?.setState("stale");
    for (const c of order) {
      if (!nb.cells.includes(c)) continue;
      const o = await runOne(c);
      if (o === "cancelled") break;
    }
    return outcome;
  }

  async function runAll(): Promise<void> {
    timings.runStartMs ??= performance.now();
    const cells = nb.cells.slice();
    for (const c of cells) if (views.get(c)?.state !== "idle") views.get(c)?.setState("stale");
    for (const c of cells) {
      if (!nb.cells.includes(c)) continue;
      if ((await runOne(c)) === "cancelled") {
        banner.textContent = L("Run all stopped at the cancelled cell.", "“全部运行”在被取消的单元处停止。");
        break;
      }
    }
  }

  const add = (type: Cell["type"], at = nb.cells.length) => {
    const c = newCell(type, nb.cells);
    nb.cells.splice(at, 0, c);
    render();
    saveHash();
    views.get(c)?.focus();
    if (type === "sql") startDuck();
    return c;
  };

  const actions = {
    run: (cell: Cell) => void runWithDependents(cell),
    runNext: (cell: Cell) => {
      void runWithDependents(cell);
      const next = nb.cells[nb.cells.indexOf(cell) + 1];
      if (next) views.get(next)?.focus();
      else add(cell.type === "text" ? "text" : cell.type);
    },
    runInsert: (cell: Cell) => {
      void runWithDependents(cell);
      add(cell.type, nb.cells.indexOf(cell) + 1);
    },
    move: (cell: Cell, by: number) => {
      const i = nb.cells.indexOf(cell);
      const j = i + by;
      if (j < 0 || j >= nb.cells.length) return;
      [nb.cells[i], nb.cells[j]] = [nb.cells[j], nb.cells[i]];
      render();
      saveHash();
    },
    remove: (cell: Cell) => {
      runs.get(cell)?.cancel();
      nb.cells.splice(nb.cells.indexOf(cell), 1);
      views.get(cell)?.box.remove();
      views.delete(cell);
      render();
      saveHash();
    },
    changed: (cell: Cell) => {
      const v = views.get(cell);
      saveHash();
      // Text renders as it is typed (as in Observable); other cells wait for Run and say they are out of date.
      if (cell.type === "text") {
        clearTimeout(textTimers.get(cell));
        textTimers.set(cell, setTimeout(() => void runOne(cell), 250));
      } else if (v && (v.state === "done" || v.state === "failed")) v.setState("stale");
    },
    focusSql: startDuck
  };

  /** Places the cells' views in notebook order; views (and their outputs) are made once per cell. */
  function render(): void {
    for (const [cell, v] of views) if (!nb.cells.includes(cell)) (v.box.remove(), views.delete(cell));
    const boxes = nb.cells.map((cell, i) => {
      let v = views.get(cell);
      if (!v) views.set(cell, (v = cellView(cell, () => nb, actions, () => catalogue)));
      v.setIndex(i);
      return v.box;
    });
    // Move only what is out of place, so the other cells (and a focused editor) stay where they are.
    boxes.forEach((b, i) => {
      if (list.children[i] !== b) list.insertBefore(b, list.children[i] ?? null);
    });
    void refreshTables();
  }

  const replaceNotebook = (next: Notebook) => {
    for (const r of runs.values()) r.cancel();
    for (const v of views.values()) v.box.remove();
    views.clear();
    nb = next;
    panelId.value = nb.panel.id;
    panelTime.value = nb.panel.time;
    render();
  };

  const panelId = input(nb.panel.id, (v) => {
    if (v) nb.panel.id = v;
    saveHash();
  }, "mono nb-short");
  const panelTime = input(nb.panel.time, (v) => {
    if (v) nb.panel.time = v;
    saveHash();
  }, "mono nb-short");
  const panelDecl = el("div", {className: "nb-panel"}, el("span", {text: L("Panel for lags l(x, k): ", "滞后项 l(x, k) 所用的面板：")}), labelled(L("id", "个体"), panelId), labelled(L("time", "时间"), panelTime));

  const bar = toolbar({
    nb: () => nb,
    data,
    banner,
    add: (type) => void add(type),
    runAll: () => void runAll(),
    copyLink: async () => {
      try {
        const text = await encodeNotebook(nb);
        const url = `${location.origin}${location.pathname}${location.search}#nb=${text}`;
        history.replaceState(null, "", url);
        await navigator.clipboard?.writeText(url).catch(() => {});
        banner.textContent = L(`Link updated (${text.length} characters); it is in the address bar.`, `链接已更新（${text.length} 个字符），见地址栏。`);
      } catch (e) {
        banner.textContent = oneLine(e);
      }
    },
    open: (next, note) => {
      replaceNotebook(next);
      banner.textContent = note;
      saveHash();
      void runAll();
    },
    openStarter: (s) => {
      replaceNotebook(starterNotebook(s, currentLang()));
      saveHash();
      void runAll();
    },
    starterHref: async (s) => `#nb=${await encodeNotebook(starterNotebook(s, currentLang()))}`,
    tablesChanged: () => void refreshTables()
  });
  root.append(...bar, banner, panelDecl, el("div", {className: "nb-layout"}, list, tablesBox));

  // Start: the notebook in the link, if any and valid; else the baseline starter. With SQL cells, DuckDB
  // starts at once (their run needs it); the model worker is warmed up while the page is idle.
  const hash = location.hash.startsWith("#nb=") ? location.hash.slice(4) : null;
  (async () => {
    if (hash !== null) {
      try {
        nb = await decodeNotebook(hash);
      } catch (e) {
        banner.classList.add("nb-refused");
        banner.textContent = L(`This link's notebook was refused: ${oneLine(e)}. The baseline starter is shown instead.`, `此链接中的笔记本已被拒绝：${oneLine(e)}。改为显示基准示例。`);
        history.replaceState(null, "", location.pathname + location.search);
      }
    }
    panelId.value = nb.panel.id;
    panelTime.value = nb.panel.time;
    if (nb.cells.some((c) => c.type === "sql")) startDuck();
    render();
    await runAll();
    root.dataset.ready = "true";
  })();
  window.addEventListener("hashchange", async () => {
    if (!location.hash.startsWith("#nb=")) return;
    try {
      const next = await decodeNotebook(location.hash.slice(4));
      if (JSON.stringify(next) === JSON.stringify(nb)) return;
      replaceNotebook(next);
      await runAll();
    } catch (e) {
      banner.textContent = L(`This link's notebook was refused: ${oneLine(e)}`, `此链接中的笔记本已被拒绝：${oneLine(e)}`);
    }
  });
  return root;
}
