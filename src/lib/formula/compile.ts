/**
 * Formula -> engine: builds the derived columns a formula needs (products, logs, lags, dummies) on a
 * copy of the frame, and the engine `Spec` that names them. The engine stays formula-ignorant: it sees
 * ordinary columns whose names are fixest's coefficient names, and `a^b` groupings it combines itself.
 *
 * Conventions (fixest 0.12.1, written down once here):
 * - `x1:x2` = x1 * x2 (numeric columns; missing if either is missing).
 * - `log(x)` = natural log; x <= 0 gives a missing value and the row leaves the sample (fixest
 *   removes non-finite values of the model's variables).
 * - `l(x, k)` = x at (id, t - k) in calendar time, missing when that row is absent (fixest `l()` with
 *   `panel.id = ~id + time`; the engine's `Lk.x`). Built on the full data, before listwise deletion.
 *   Lags need unique (id, time) pairs; without a lag no panel structure is required.
 * - `i(g)` = one 0/1 column per level of g except the reference (default: the first level in sorted
 *   order, numbers numerically, text alphabetically), named `g::level`; missing g -> missing.
 * - `fe1^fe2` = one fixed effect per observed combination (missing if any part is missing), built by
 *   the engine (spec entry "fe1^fe2", src/lib/engine/fe-combine.ts); also in `vcov = ~a^b`.
 * - no `vcov =`: clustered by the first fixed effect, iid without fixed effects (feols' default).
 */
import {factorize, getColumn, numericColumn} from "../engine/frame.js";
import {assertIntegerTime, lagColumn, parseLag} from "../engine/lag.js";
import {panelIndex, type PanelIndex} from "../engine/panel.js";
import type {Column, Frame, Spec} from "../engine/types.js";
import {UserError} from "../errors.js";
import {atomName, comboName, termName, type Atom, type ModelAst, type VcovAst} from "./ast.js";

export interface PanelDecl {
  id: string;
  time: string;
}

export interface Compiled {
  /** The input columns plus the derived ones (input columns are shared, not copied). */
  frame: Frame;
  spec: Spec;
}

/** Column name used for id/time when the data have none and the model has no lag (no panel needed). */
const NO_PANEL = "(row)";

/** Sorted distinct non-missing values: numbers numerically, text alphabetically (R's factor order). */
function sortedLevels(col: Column): Array<number | string> {
  if (col instanceof Float64Array) {
    const s = new Set<number>();
    for (const v of col) if (v === v) s.add(v);
    return [...s].sort((a, b) => a - b);
  }
  const s = new Set<string>();
  for (const v of col) if (v !== null) s.add(v);
  // R sorts text in the C locale when the fixture script sets it; plain code-unit order here.
  return [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The value of a level as fixest prints it in `g::level`. */
function levelText(v: number | string): string {
  return typeof v === "number" ? String(v) : v;
}

/**
 * Builds the derived columns and the spec. `vcovOverride` (the CLI's `--vcov`) replaces the model's
 * `vcov =`; neither given -> fixest's default: clustered by the first fixed effect, iid without FE.
 * Example: `compileModel(parseModel("y ~ x:z | a^b"), frame, {id: "iso3", time: "year"})`.
 */
export function compileModel(model: ModelAst, input: Frame, panel: PanelDecl, vcovOverride: VcovAst | null = null): Compiled {
  const columns: Record<string, Column> = {...input.columns};
  const n = input.nrows;
  const derived = new Set<string>();
  const put = (name: string, col: Column) => {
    columns[name] = col;
    derived.add(name);
  };

  // Lags: one sorted panel index for all of them, built only when a lag appears.
  let index: PanelIndex | null = null;
  const lagIndex = (): PanelIndex => {
    if (index) return index;
    const id = getColumn(input, panel.id, "panel id");
    const time = numericColumn(input, panel.time, "panel time");
    assertIntegerTime(time, panel.time);
    index = panelIndex(factorize(id), time, panel.id, panel.time);
    return index;
  };

  const atomColumn = (a: Atom): Float64Array => {
    const name = atomName(a);
    const existing = columns[name];
    if (existing instanceof Float64Array && (a.kind === "col" || derived.has(name))) return existing;
    if (a.kind === "col") {
      // `L.x` / `L2.x` (the engine's lag names) are lags unless the data have such a column.
      const lag = existing === undefined ? parseLag(a.name) : null;
      if (lag) return atomColumn({kind: "lag", name: lag.base, k: lag.k, label: a.name});
      return numericColumn(input, a.name, `formula term '${a.name}'`);
    }
    const base = numericColumn(input, a.name, `formula term '${name}'`);
    let out: Float64Array;
    if (a.kind === "log") {
      out = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const v = base[r];
        out[r] = v > 0 ? Math.log(v) : NaN;
      }
    } else {
      out = lagColumn(base, columns[panel.time] as Float64Array, lagIndex(), a.k);
    }
    put(name, out);
    return out;
  };

  const y = atomName(model.y);
  atomColumn(model.y);

  const x: string[] = [];
  for (const t of model.terms) {
    if (t.kind === "atom") {
      atomColumn(t.atom);
      x.push(atomName(t.atom));
    } else if (t.kind === "product") {
      const parts = t.parts.map(atomColumn);
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let v = 1;
        for (const p of parts) v *= p[r];
        out[r] = v;
      }
      const name = termName(t);
      put(name, out);
      x.push(name);
    } else {
      const col = getColumn(input, t.name, `formula term 'i(${t.name})'`);
      const levels = sortedLevels(col);
      let ref = levels[0];
      if (t.ref !== null) {
        const found = levels.find((l) => String(l) === String(t.ref));
        if (found === undefined) throw new UserError(`formula: i(${t.name}, ref = ${JSON.stringify(t.ref)}): no such level (levels: ${levels.slice(0, 8).map(String).join(", ")}${levels.length > 8 ? ", ..." : ""})`);
        ref = found;
      }
      if (levels.length < 2) throw new UserError(`formula: i(${t.name}) needs at least 2 levels; '${t.name}' has ${levels.length}`);
      for (const level of levels) {
        if (level === ref) continue;
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          const v = col[r];
          out[r] = v === null || (typeof v === "number" && v !== v) ? NaN : v === level ? 1 : 0;
        }
        const name = `${t.name}::${levelText(level)}`;
        put(name, out);
        x.push(name);
      }
    }
  }

  // `a^b` is passed through by name: the engine builds combined groupings (fe-combine.ts, the one
  // implementation). Only the parts are checked here, so that a missing one is named in the
  // formula's words.
  const comboColumn = (parts: string[], where: string): string => {
    const name = comboName(parts);
    if (parts.length === 1 || columns[name] !== undefined) getColumn({nrows: n, columns}, name, where);
    else for (const p of parts) getColumn(input, p, where);
    return name;
  };
  const fe = model.fe.map((parts) => comboColumn(parts, `fixed effect '${comboName(parts)}'`));
  // No vcov given: fixest's default, clustered by the first fixed effect; iid without fixed effects.
  const v = vcovOverride ?? model.vcov ?? (model.fe.length > 0 ? {type: "cluster" as const, cluster: [model.fe[0]]} : null);
  let vcov: NonNullable<Spec["vcov"]> = "iid";
  if (v?.type === "hetero") vcov = "hetero";
  else if (v?.type === "cluster") vcov = {cluster: v.cluster.map((parts) => comboColumn(parts, `vcov cluster '${comboName(parts)}'`))};
  else if (v?.type === "driscoll_kraay" || v?.type === "newey_west") vcov = v.lag === undefined ? v.type : ({[v.type]: {lag: v.lag}} as NonNullable<Spec["vcov"]>);

  // id/time: the declared ones when the data have them; otherwise (no lag asked, so no panel
  // needed) one id per row, so that n_groups counts observations and nothing is assumed.
  let {id, time} = panel;
  // Driscoll-Kraay needs the period column, Newey-West the unit too (fixest: vcov_DK(time), vcov_NW(unit, time)).
  if (v?.type === "driscoll_kraay" || v?.type === "newey_west") {
    if (columns[time] === undefined) throw new UserError(`vcov ${v.type === "driscoll_kraay" ? "DK" : "NW"} needs the period column: the data have no column '${time}' (give --time)`);
    if (v.type === "newey_west" && columns[id] === undefined) throw new UserError(`vcov NW needs the unit column: the data have no column '${id}' (give --id)`);
  }
  if (index === null && (columns[id] === undefined || columns[time] === undefined)) {
    const rowId = new Float64Array(n);
    for (let r = 0; r < n; r++) rowId[r] = r;
    if (columns[id] === undefined) {
      put(NO_PANEL, rowId);
      id = NO_PANEL;
    }
    if (columns[time] === undefined) {
      put(NO_PANEL + "t", new Float64Array(n));
      time = NO_PANEL + "t";
    }
  }
  return {frame: {nrows: n, columns}, spec: {id, time, y, x, fe, vcov, ...(model.estimator === "ppml" ? {estimator: "ppml" as const} : {})}};
}
