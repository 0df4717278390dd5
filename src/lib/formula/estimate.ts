/**
 * Parse + compile + estimate in one call: what the notebook's model cells and the CLI run.
 * Example: `estimateFormula(frame, "feols(y ~ x | country, vcov = ~country)", {id: "country", time: "year"})`.
 */
import {estimate} from "../engine/estimate.js";
import type {Frame, Result} from "../engine/types.js";
import type {VcovAst} from "./ast.js";
import {compileModel, type PanelDecl} from "./compile.js";
import {parseModel} from "./parse.js";

export function estimateFormula(frame: Frame, text: string, panel: PanelDecl, vcovOverride: VcovAst | null = null): Result {
  const model = parseModel(text);
  const {frame: f, spec} = compileModel(model, frame, panel, vcovOverride);
  return estimate(f, spec);
}
