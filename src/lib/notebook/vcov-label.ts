/** The standard-error label of a model in the notebook's table, as fixest writes it (`~iso3`, `"hetero"`). */
import type {VcovSpec} from "../engine/types.js";
import type {VcovAst} from "../formula/ast.js";
import {vcovText} from "../formula/parse.js";

export function rVcovLabel(spec: VcovSpec, written: VcovAst | null): string {
  if (spec === "iid") return '"iid"';
  if (spec === "hetero") return '"hetero"';
  return vcovText(written) ?? `~${spec.cluster.join(" + ")}`;
}
