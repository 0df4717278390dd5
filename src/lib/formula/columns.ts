/**
 * Columns a model reads as numbers (y, the columns inside products, log and lags, and the time
 * column when a lag is used), so that a reader can point at the first non-numeric cell before the
 * engine runs. i() variables, fixed effects and clusters may be text.
 * Example: `numericColumnsOfModel(parseModel("y ~ log(x):l(z,1) | g"), {id: "g", time: "t"})` -> ["y", "x", "z", "t"].
 */
import {parseLag} from "../engine/lag.js";
import type {Atom, ModelAst} from "./ast.js";
import type {PanelDecl} from "./compile.js";

export function numericColumnsOfModel(model: ModelAst, panel: PanelDecl): string[] {
  const out: string[] = [];
  let lagged = false;
  const add = (a: Atom) => {
    let name = a.name;
    if (a.kind === "lag") lagged = true;
    if (a.kind === "col") {
      const lag = parseLag(a.name);
      if (lag) {
        lagged = true;
        name = lag.base;
      }
    }
    if (!out.includes(name)) out.push(name);
  };
  add(model.y);
  for (const t of model.terms) {
    if (t.kind === "atom") add(t.atom);
    else if (t.kind === "product") t.parts.forEach(add);
  }
  if (lagged && !out.includes(panel.time)) out.push(panel.time);
  return out;
}
