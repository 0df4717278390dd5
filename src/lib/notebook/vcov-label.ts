/** The standard-error label of a model in the notebook's table, as fixest writes it (`~iso3`, `"hetero"`, `"DK"`). */
import type {Spec} from "../engine/types.js";
import type {VcovAst} from "../formula/ast.js";
import {vcovText} from "../formula/parse.js";

export function rVcovLabel(spec: NonNullable<Spec["vcov"]>, written: VcovAst | null): string {
  if (spec === "iid") return '"iid"';
  if (spec === "hetero") return '"hetero"';
  const text = vcovText(written);
  if (text) return text;
  if (typeof spec === "object" && "cluster" in spec) return `~${spec.cluster.join(" + ")}`;
  if (typeof spec === "string") return JSON.stringify(/^(DK|driscoll_kraay)/.test(spec) ? "DK" : /^(NW|newey_west)/.test(spec) ? "NW" : spec);
  return JSON.stringify("driscoll_kraay" in spec ? "DK" : "NW");
}
