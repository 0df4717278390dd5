/**
 * Checking that the columns a specification uses as numbers are numeric, with an error that
 * points at the offending cell. Run before `estimate()`, which only knows a column is text.
 */
import type {Spec} from "../engine/types.js";
import {UserError} from "../errors.js";
import type {ParsedTable} from "./types.js";

/** `L.x`, `L2.x` -> `x` (the lag operator of Spec.x); other names unchanged. */
const LAG = /^L\d*\.(.+)$/;

/**
 * Columns of a spec that must be numeric: y, the regressors (lag operator removed) and, when a
 * regressor is lagged, the time column (lags are taken in calendar time). Ids, fixed effects and
 * cluster variables may be text. Non-string entries are skipped (the engine rejects those).
 *
 * @example numericColumnsOfSpec({id: "c", time: "t", y: "y", x: ["L.d", "g"]}) // ["y", "d", "g", "t"]
 */
export function numericColumnsOfSpec(spec: Partial<Spec>): string[] {
  const names: string[] = [];
  const add = (name: unknown) => {
    if (typeof name === "string" && !names.includes(name)) names.push(name);
  };
  add(spec.y);
  let lagged = false;
  for (const term of Array.isArray(spec.x) ? spec.x : []) {
    if (typeof term !== "string") continue;
    const m = LAG.exec(term);
    if (m) lagged = true;
    add(m ? m[1] : term);
  }
  if (lagged) add(spec.time);
  return names;
}

/**
 * Throws a UserError for the first of `names` that is a text column, e.g.
 * `panel.csv: column "gdp" line 18: "abc" is not a number`. Columns absent from the table are
 * ignored (the engine reports missing columns).
 *
 * @example requireNumeric(parseCsv("y\n1\nabc\n", "p.csv"), ["y"]) // throws: p.csv: column "y" line 3: "abc" is not a number
 */
export function requireNumeric(table: ParsedTable, names: string[]): void {
  for (const name of names) {
    const column = table.frame.columns[name];
    if (column === undefined || column instanceof Float64Array) continue;
    const bad = table.notNumeric[name];
    if (bad && bad.value !== null) {
      throw new UserError(`${table.source}: column "${name}" ${bad.where}: ${JSON.stringify(bad.value)} is not a number`);
    }
    throw new UserError(`${table.source}: column "${name}" is stored as text, not as numbers; convert it to a numeric type`);
  }
}
