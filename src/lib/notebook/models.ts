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
import {boottestTerm, isBoottestLine, parseBoottest, type BoottestAst} from "./boottest.js";
import {rVcovLabel} from "./vcov-label.js";

export interface ModelTask {
  type: "models";
  lines: string[];
  panel: {id: string; time: string};
  /** Arrow IPC stream bytes of every table the lines read, by name. */
  tables: Record<string, Uint8Array>;
}

export interface ModelOutcome {
  /** The model's number in the cell, 0-based (boottest lines are not models: they do not count). */
  line: number;
  /** A boottest line's own error: its label, e.g. "boottest (3)" for the cell's third line. */
  label?: string;
  ok: boolean;
  error?: string;
  result?: Result;
  fe?: string[];
  vcov?: string;
  /** The table the model read. */
  data?: string;
}

/** The model lines among a cell's lines (boottest lines left out), in order: m1, m2, ... */
export const modelOnlyLines = (lines: string[]): string[] => lines.filter((l) => !isBoottestLine(l));

/** The tables a cell's lines read (`data = name`, default panel); lines that do not parse read none. */
export function modelTables(lines: string[]): string[] {
  const names = new Set<string>();
  for (const line of modelOnlyLines(lines)) {
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
  // boottest lines first: each attaches a wild cluster bootstrap to the model it names (one per model).
  const boots = new Map<number, BoottestAst & {at: number}>();
  task.lines.forEach((line, i) => {
    if (!isBoottestLine(line)) return;
    try {
      const b = parseBoottest(line);
      if (boots.has(b.model)) throw new Error(`boottest: m${b.model} already has a boottest line (one per model)`);
      boots.set(b.model, {...b, at: i});
    } catch (e) {
      out.push({line: -1, label: `boottest (${i + 1})`, ok: false, error: (e instanceof Error ? e.message : String(e)).split("\n")[0]});
    }
  });
  const lines = modelOnlyLines(task.lines);
  for (const [k, b] of boots) {
    if (k > lines.length) out.push({line: -1, label: `boottest (${b.at + 1})`, ok: false, error: `boottest: this cell has no model m${k} (it has ${lines.length} model line${lines.length === 1 ? "" : "s"}, m1${lines.length > 1 ? ` to m${lines.length}` : ""})`});
  }
  lines.forEach((line, i) => {
    progress(i, lines.length);
    try {
      const m = parseModel(line);
      const data = m.data ?? "panel";
      const {frame: f, spec} = compileModel(m, frame(data), task.panel);
      const boot = boots.get(i + 1);
      let result: Result | null = null;
      if (boot) {
        // A boottest that cannot run (a term the model lacks, PPML, a one-level cluster) is its own error line;
        // the model is still estimated and shown.
        try {
          result = estimate(f, {...spec, bootstrap: {type: "wild", term: boottestTerm(boot, spec.x), cluster: boot.clustid, weights: boot.type, reps: boot.B, seed: boot.seed}});
        } catch (e) {
          out.push({line: -1, label: `boottest (${boot.at + 1})`, ok: false, error: (e instanceof Error ? e.message : String(e)).split("\n")[0]});
        }
      }
      result ??= estimate(f, spec);
      result.info = {...result.info, formula: m.text + (m.data ? `, data = ${m.data}` : "")};
      result.vcov = [];
      out.push({line: i, ok: true, result, fe: spec.fe ?? [], vcov: rVcovLabel(spec.vcov ?? "iid", m.vcov), data});
    } catch (e) {
      out.push({line: i, ok: false, error: (e instanceof Error ? e.message : String(e)).split("\n")[0]});
    }
  });
  progress(lines.length, lines.length);
  return out;
}
