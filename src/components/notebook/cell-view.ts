/**
 * One cell on the page: its tools (run, move, delete), its editor (CodeMirror for SQL, models and text;
 * fields for a chart), its state (idle, running, stale, failed, done; shown as text and in `data-state`)
 * and its output. The view is made once per cell and kept while the cell lives, so adding, moving or
 * deleting another cell never touches this cell's output; only this cell's own run replaces it.
 */
import {BUILTIN_TABLES, MARKS, type Cell, type Notebook} from "../../lib/notebook/cells.js";
import {pick} from "../../lib/i18n.js";
import {el, L} from "../format.js";
import {codeEditor, type Catalogue, type CodeEditor} from "./editor.js";

export type CellState = "idle" | "running" | "stale" | "failed" | "done" | "cancelled";

export const TYPE_LABEL: Record<Cell["type"], {en: string; zh: string}> = {
  sql: {en: "SQL", zh: "SQL"},
  model: {en: "Model", zh: "模型"},
  chart: {en: "Chart", zh: "图表"},
  text: {en: "Text", zh: "文字"}
};

const STATE_TEXT: Record<CellState, {en: string; zh: string}> = {
  idle: {en: "not run", zh: "未运行"},
  running: {en: "running", zh: "运行中"},
  stale: {en: "out of date: waiting to re-run", zh: "已过期，等待重新运行"},
  failed: {en: "failed", zh: "失败"},
  done: {en: "up to date", zh: "已是最新"},
  cancelled: {en: "cancelled: output is from the previous run", zh: "已取消，输出为上次运行的结果"}
};

export interface CellActions {
  run(cell: Cell): void;
  runNext(cell: Cell): void;
  runInsert(cell: Cell): void;
  move(cell: Cell, by: number): void;
  remove(cell: Cell): void;
  changed(cell: Cell): void;
  focusSql(): void;
}

export interface CellView {
  cell: Cell;
  box: HTMLElement;
  out: HTMLElement;
  state: CellState;
  setIndex(i: number): void;
  setState(s: CellState, detail?: string): void;
  /** Shows a running line with a live elapsed time and a Cancel button (removed by the next setState). */
  running(text: () => string, cancel: () => void): void;
  focus(): void;
}

export function button(text: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = el("button", {text});
  b.type = "button";
  if (title) {
    b.title = title;
    b.setAttribute("aria-label", title);
  }
  b.addEventListener("click", onClick);
  return b;
}

export function labelled(label: string, control: HTMLElement): HTMLLabelElement {
  return el("label", {className: "nb-field"}, el("span", {text: label}), control);
}

export function input(value: string, onInput: (v: string) => void, className = ""): HTMLInputElement {
  const i = el("input", {className});
  i.value = value;
  i.spellcheck = false;
  i.addEventListener("input", () => onInput(i.value));
  return i;
}

export function cellView(cell: Cell, nb: () => Notebook, actions: CellActions, catalogue: Catalogue): CellView {
  const box = el("section", {className: `nb-cell nb-${cell.type}`});
  const out = el("div", {className: "nb-out"});
  out.setAttribute("aria-live", "polite");
  const kind = el("span", {className: "nb-kind"});
  const status = el("span", {className: "nb-state"});
  const runButton = button("▶", () => actions.run(cell));
  const up = button("↑", () => actions.move(cell, -1));
  const down = button("↓", () => actions.move(cell, 1));
  const del = button("✕", () => actions.remove(cell));
  // The label (kind, state) takes what room is left and wraps; the four buttons stay on one line, even on a phone.
  const tools = el("div", {className: "nb-tools"}, el("span", {className: "nb-label"}, kind, " ", status), el("span", {className: "nb-buttons"}, runButton, up, down, del));
  const progress = el("div", {className: "nb-running"});
  let ticker: ReturnType<typeof setInterval> | undefined;
  let editor: CodeEditor | null = null;
  let first: HTMLElement | null = null;
  const keys = {run: () => actions.run(cell), runNext: () => actions.runNext(cell), runInsert: () => actions.runInsert(cell)};

  const view: CellView = {
    cell,
    box,
    out,
    state: "idle",
    setIndex(i) {
      const n = i + 1;
      const type = pick(TYPE_LABEL[cell.type]);
      box.setAttribute("aria-label", `${type} ${n}`);
      kind.textContent = `${type} ${n}`;
      for (const [b, en, zh] of [[runButton, "Run cell", "运行单元"], [up, "Move up cell", "上移单元"], [down, "Move down cell", "下移单元"], [del, "Delete cell", "删除单元"]] as const) {
        b.title = L(`${en} ${n}`, `${zh} ${n}`);
        b.setAttribute("aria-label", b.title);
      }
      editor?.view.contentDOM.setAttribute("aria-label", editorLabel(n));
    },
    setState(s, detail) {
      clearInterval(ticker);
      progress.replaceChildren();
      view.state = s;
      box.dataset.state = s;
      status.textContent = pick(STATE_TEXT[s]) + (detail ? ` · ${detail}` : "");
      if (s === "running") out.setAttribute("aria-busy", "true");
      else out.removeAttribute("aria-busy");
    },
    running(text, cancel) {
      clearInterval(ticker);
      const line = el("span", {className: "nb-meta", text: text()});
      const stop = button(L("Cancel", "取消"), cancel, L("Cancel this cell's run", "取消本单元的运行"));
      stop.classList.add("nb-cancel");
      progress.replaceChildren(line, " ", stop);
      ticker = setInterval(() => (line.textContent = text()), 200);
    },
    focus() {
      if (editor) editor.focus();
      else first?.focus();
    }
  };

  const editorLabel = (n: number) =>
    cell.type === "sql" ? L(`SQL of cell ${n}`, `单元 ${n} 的 SQL`) : cell.type === "model" ? L(`Models of cell ${n}, one per line`, `单元 ${n} 的模型，每行一个`) : L(`Markdown of cell ${n}`, `单元 ${n} 的 Markdown`);
  const editorBox = el("div", {className: "nb-editor"});
  if (cell.type === "sql" || cell.type === "model" || cell.type === "text") {
    const get = () => (cell.type === "sql" ? cell.sql : cell.type === "model" ? cell.models : cell.md);
    editor = codeEditor({
      doc: get(),
      language: cell.type === "sql" ? "sql" : cell.type === "model" ? "formula" : "markdown",
      label: editorLabel(1),
      onChange: (v) => {
        if (cell.type === "sql") cell.sql = v;
        else if (cell.type === "model") cell.models = v;
        else cell.md = v;
        actions.changed(cell);
      },
      onFocus: cell.type === "sql" ? actions.focusSql : undefined,
      keys,
      catalogue
    });
    if (cell.type === "sql") {
      const name = input(cell.name, (v) => {
        const others = nb().cells.some((c) => c !== cell && c.type === "sql" && c.name === v);
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && v.length <= 63 && !(BUILTIN_TABLES as readonly string[]).includes(v) && !others) {
          cell.name = v;
          name.removeAttribute("aria-invalid");
          actions.changed(cell);
        } else name.setAttribute("aria-invalid", "true");
      }, "mono nb-name");
      editorBox.append(labelled(L("Result table", "结果表名"), name));
    }
    editorBox.append(editor.dom);
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
      actions.changed(cell);
    });
    const field = (label: string, key: "table" | "x" | "y" | "color" | "facet") => {
      const i = input(cell[key], (v) => {
        cell[key] = v;
        actions.changed(cell);
      }, "mono");
      i.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter") return;
        ev.preventDefault();
        if (ev.shiftKey) keys.runNext();
        else if (ev.altKey) keys.runInsert();
        else keys.run();
      });
      first ??= i;
      return labelled(label, i);
    };
    editorBox.append(el("div", {className: "nb-chart-fields"}, field(L("table", "表"), "table"), labelled(L("mark", "图形"), mark), field("x", "x"), field("y", "y"), field(L("colour", "颜色"), "color"), field(L("facet", "分面"), "facet")));
  }
  box.append(tools, editorBox, progress, out);
  view.setState("idle");
  return view;
}
