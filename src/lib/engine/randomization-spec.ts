/**
 * Validation of a spec's `inference` key (randomization inference, ./randomization.ts); kept apart so that the spec
 * validator can use it without importing the estimator.
 */
import {UserError} from "../errors.js";
import type {RandomizationSpec} from "./types.js";

const MAX_REPS = 1_000_000;

/**
 * Validates the `inference` key of a spec; one-line errors naming what is wrong.
 * Example: `validateRandomization({type: "randomization", term: "dstri"}, ["dstri"])` -> reps 999, seed 1.
 */
export function validateRandomization(v: unknown, x: string[]): Required<RandomizationSpec> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new UserError('spec.inference must be an object {"type": "randomization", "term": ...}');
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !["type", "term", "reps", "seed"].includes(k));
  if (extra.length) throw new UserError(`spec.inference: unknown key ${extra.map((k) => `'${k}'`).join(", ")} (allowed: type, term, reps, seed)`);
  if (o.type !== "randomization") throw new UserError(`spec.inference.type must be "randomization"; got ${JSON.stringify(o.type)}`);
  if (typeof o.term !== "string" || !x.includes(o.term)) throw new UserError(`spec.inference.term must be one of the model's regressors (${x.join(", ")}); got ${JSON.stringify(o.term)}`);
  const reps = o.reps ?? 999;
  if (typeof reps !== "number" || !Number.isInteger(reps) || reps < 1 || reps > MAX_REPS) throw new UserError(`spec.inference.reps must be a whole number from 1 to ${MAX_REPS}; got ${JSON.stringify(o.reps)}`);
  const seed = o.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed)) throw new UserError(`spec.inference.seed must be a whole number; got ${JSON.stringify(o.seed)}`);
  return {type: "randomization", term: o.term, reps, seed};
}

