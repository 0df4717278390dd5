/**
 * Validation of the `bootstrap` key of a spec: {"type": "wild", "term": "dstri", "cluster": "iso3",
 * "weights": "rademacher" | "webb", "reps": 9999, "seed": 1}. Defaults: rademacher, 9,999 draws, seed 1.
 */
import {UserError} from "../errors.js";
import type {BootstrapSpec} from "./types.js";

const KEYS = ["type", "term", "cluster", "weights", "reps", "seed"];

/** Example: `validateBootstrap({type: "wild", term: "x", cluster: "g"}, ["x"])`. */
export function validateBootstrap(b: unknown, x: string[]): Required<BootstrapSpec> {
  if (typeof b !== "object" || b === null || Array.isArray(b)) throw new UserError("spec.bootstrap must be an object such as {\"type\": \"wild\", \"term\": \"dstri\", \"cluster\": \"iso3\"}");
  const o = b as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !KEYS.includes(k));
  if (extra.length > 0) throw new UserError(`spec.bootstrap: unknown key ${extra.map((k) => `'${k}'`).join(", ")} (allowed: ${KEYS.join(", ")})`);
  if (o.type !== "wild") throw new UserError(`spec.bootstrap.type must be "wild"; got ${JSON.stringify(o.type)}`);
  if (typeof o.term !== "string" || o.term === "") throw new UserError("spec.bootstrap.term must name a regressor");
  if (!x.includes(o.term)) throw new UserError(`spec.bootstrap.term '${o.term}' is not a regressor of the model (${x.join(", ")})`);
  if (typeof o.cluster !== "string" || o.cluster === "") throw new UserError("spec.bootstrap.cluster must name a column");
  const weights = o.weights ?? "rademacher";
  if (weights !== "rademacher" && weights !== "webb") throw new UserError(`spec.bootstrap.weights must be "rademacher" or "webb"; got ${JSON.stringify(weights)}`);
  const reps = o.reps ?? 9999;
  if (typeof reps !== "number" || !Number.isInteger(reps) || reps < 99 || reps > 1e6) throw new UserError(`spec.bootstrap.reps must be a whole number from 99 to 1,000,000; got ${JSON.stringify(reps)}`);
  const seed = o.seed ?? 1;
  if (typeof seed !== "number" && typeof seed !== "string") throw new UserError("spec.bootstrap.seed must be a number or a text");
  return {type: "wild", term: o.term, cluster: o.cluster, weights, reps, seed};
}
