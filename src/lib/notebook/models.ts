/**
 * A model cell's work, the same code in the notebook's Web Worker and in tests: parse each line,
 * read its table (Arrow IPC bytes, parsed here, off the page's thread), compile and estimate with the
 * shared engine. One line's error does not stop the others. The covariance matrix is not sent back
 * (the table needs coefficients and standard errors only; a 1,000-level `i()` would ship 8 MB).
 */
import {estimate} from "../engine/estimate.js";
import type {Frame, Result} from "../engine/types.js";
import {compileModel} from "../formula/compile.js";
import {parseModel} from "../formula/parse.js";
import {parseArrow} from "../table/arrow.js";
import {rVcovLabel} from "./vcov-label.js";

export interface ModelTask {
  type: "models";
  lines: string[];
  panel: {id: string; time: string};
  /** Arrow IPC stream bytes of every table the lines read, by name. */
  tables: Record<string, Uint8Array>;
}

export interface ModelOutcome {
  line: number;
  ok: boolean;
  error?: string;
  result?: Result;
  fe?: string[];
  vcov?: string;
  /** The table the model read. */
  data?: string;
}

/** The tables a cell's lines read (`data = name`, default panel); lines that do not parse read none. */
export function modelTables(lines: string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) {
    try {
      names.add(parseModel(line).data ?? "panel");
    } catch {
      /* reported when the cell runs */
    }
  }
  return [...names];
}

export function runModels(task: ModelTask, progress: (done: number, total: number) => void = () => {}): ModelOutcome[] {
  const frames = new Map<string, Frame>();
  const frame = (name: string) => {
    let f = frames.get(name);
    if (!f) {
      const bytes = task.tables[name];
      if (!bytes) throw new Error(`no table named '${name}' (run the SQL cell that makes it first)`);
      f = parseArrow(bytes, name).frame;
      frames.set(name, f);
    }
    return f;
  };
  const out: ModelOutcome[] = [];
  task.lines.forEach((line, i) => {
    progress(i, task.lines.length);
    try {
      const m = parseModel(line);
      const data = m.data ?? "panel";
      const {frame: f, spec} = compileModel(m, frame(data), task.panel);
      const result = estimate(f, spec);
      result.info = {...result.info, formula: m.text + (m.data ? `, data = ${m.data}` : "")};
      result.vcov = [];
      out.push({line: i, ok: true, result, fe: spec.fe ?? [], vcov: rVcovLabel(spec.vcov ?? "iid", m.vcov), data});
    } catch (e) {
      out.push({line: i, ok: false, error: (e instanceof Error ? e.message : String(e)).split("\n")[0]});
    }
  });
  progress(task.lines.length, task.lines.length);
  return out;
}
