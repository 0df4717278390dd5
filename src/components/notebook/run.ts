/**
 * Running one cell, off the page's thread where the work is heavy: SQL in DuckDB-wasm's worker (with its
 * running time and a Cancel that interrupts DuckDB), models in the notebook's Web Worker from the project's
 * pool (progress and Cancel, which terminates the worker), charts and Markdown on the page (both light).
 * Each run resolves to "ok", "failed" or "cancelled"; the cell's output is replaced only when its run ends.
 */
import {engineNoteZh} from "../../lib/engine/notes-zh.js";
import type {EtableModel} from "../../lib/notebook/etable.js";
import {modelLines, type Cell} from "../../lib/notebook/cells.js";
import {modelOnlyLines, modelTables, type ModelOutcome, type ModelTask} from "../../lib/notebook/models.js";
import {sqlRefusalZh} from "../../lib/notebook/sql.js";
import {currentLang, pick} from "../../lib/i18n.js";
import {serializeState} from "../../lib/explorer/state.js";
import {parseModel} from "../../lib/formula/parse.js";
import {explorerState} from "../../lib/notebook/explorer-link.js";
import type {Pool} from "../../lib/worker/pool.js";
import {el, L} from "../format.js";
import {chart} from "./chart.js";
import {Cancelled, type NotebookData} from "./data.js";
import {etableView} from "./etable-view.js";
import {renderMarkdown} from "./markdown.js";
import {resultTable} from "./result-table.js";

export type RunOutcome = "ok" | "failed" | "cancelled";

export interface RunContext {
  data: NotebookData;
  pool: () => Pool;
  panel: {id: string; time: string};
  width: number;
  /** Shows the running state: a line with the elapsed time (and progress), and a Cancel button. */
  running(text: () => string, cancel: () => void): void;
  onFirstSql(): void;
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function errorLine(text: string): HTMLElement {
  const p = el("p", {className: "nb-error", text});
  p.setAttribute("role", "alert");
  return p;
}

const isAbort = (e: unknown) => e instanceof Cancelled || (e instanceof Error && e.name === "AbortError") || (e instanceof DOMException && e.name === "AbortError");

/** Runs a cell and returns its new output (or null when cancelled: the old output stays). */
export async function runCellWork(cell: Cell, ctx: RunContext): Promise<{outcome: RunOutcome; output: HTMLElement[] | null}> {
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
  try {
    if (cell.type === "text") return {outcome: "ok", output: [renderMarkdown(cell.md)]};
    if (cell.type === "chart") {
      const frame = await ctx.data.frame(cell.table);
      return {outcome: "ok", output: [chart(cell, frame, ctx.width)]};
    }
    if (cell.type === "sql") {
      performance.mark("nb:sql-start");
      const r = await ctx.data.runSql(cell.name, cell.sql, (cancel) => ctx.running(() => L(`Running… ${seconds()} s`, `运行中…… ${seconds()} 秒`), cancel));
      ctx.onFirstSql();
      performance.mark("nb:sql-result");
      const table = resultTable(r, ctx.data);
      performance.mark("nb:sql-rendered");
      return {outcome: "ok", output: [table]};
    }
    const lines = modelLines(cell);
    if (lines.length === 0) throw new Error(L("the model cell is empty", "模型单元为空"));
    const abort = new AbortController();
    let progress = "";
    ctx.running(() => L(`Estimating… ${seconds()} s${progress}`, `估计中…… ${seconds()} 秒${progress}`), () => abort.abort());
    const tables: Record<string, Uint8Array> = {};
    for (const name of modelTables(lines)) {
      try {
        tables[name] = await ctx.data.tableBytes(name);
      } catch {
        /* the line that reads it reports "no table named ..." */
      }
      if (abort.signal.aborted) throw new Cancelled();
    }
    performance.mark("nb:model-tables");
    const task: ModelTask = {type: "models", lines, panel: ctx.panel, tables};
    const outcomes = await ctx.pool().run<ModelTask, ModelOutcome[]>(task, {
      signal: abort.signal,
      onProgress: (p) => (progress = p.total > 1 ? ` · ${p.done}/${p.total}` : "")
    });
    const models: EtableModel[] = [];
    const errors: HTMLElement[] = [];
    const notes: string[] = [];
    for (const o of outcomes) {
      if (!o.ok || !o.result) {
        errors.push(errorLine(`${o.label ?? `(${o.line + 1})`} ${o.error}`));
        continue;
      }
      models.push({label: `(${o.line + 1})`, result: o.result, fe: o.fe ?? [], vcov: o.vcov ?? ""});
      for (const n of o.result.notes) notes.push(`(${o.line + 1}) ${pick({en: n, zh: engineNoteZh(n)})}`);
    }
    const links: Array<{label: string; href: string}> = [];
    const modelOnly = modelOnlyLines(lines);
    for (const o of outcomes) {
      const state = o.ok ? explorerState(parseModel(modelOnly[o.line]), ctx.panel) : null;
      if (state) links.push({label: `(${o.line + 1})`, href: `./explorer?${serializeState(state, {lang: currentLang()})}`});
    }
    const output = [...errors];
    if (models.length) output.push(etableView(models, "models", notes, links));
    return {outcome: errors.length && !models.length ? "failed" : "ok", output};
  } catch (e) {
    if (isAbort(e)) return {outcome: "cancelled", output: null};
    const text = oneLine(e);
    return {outcome: "failed", output: [errorLine(cell.type === "sql" ? pick({en: text, zh: sqlRefusalZh(text)}) : text)]};
  }
}
