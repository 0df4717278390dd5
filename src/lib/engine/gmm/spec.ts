/**
 * Validation of a GMM `Spec` into the model pgmm estimates:
 * `pgmm(y ~ L.y + <x> | lag(y, a:b) [+ lag(e, a:b) for each endogenous e], effect, model = "twosteps",
 * transformation, collapse)`.
 */
import {UserError} from "../../errors.js";
import type {Spec} from "../types.js";

export interface GmmTerm {
  /** As written in spec.x, e.g. "L.dstri". */
  name: string;
  /** Column it is built from, e.g. "dstri". */
  base: string;
  /** Calendar lag (0 = contemporaneous). */
  k: number;
}

export interface GmmModel {
  id: string;
  time: string;
  y: string;
  terms: GmmTerm[];
  /** "d" = Arellano-Bond difference GMM, "ld" = Blundell-Bond system GMM (plm's names). */
  transformation: "d" | "ld";
  effect: "twoways" | "individual";
  collapse: boolean;
  /** GMM-style instruments y_{t-lagMin}, ..., y_{t-lagMax}. */
  lagMin: number;
  lagMax: number;
  /** Columns whose lags are GMM-style instruments besides y's (endogenous regressors). */
  endogenous: string[];
  exclude: Record<string, Array<number | string>>;
}

/**
 * Parses `"L.x"` -> {base x, k 1}, `"L3.x"` -> {base x, k 3}, `"x"` -> {base x, k 0}.
 * Example: `parseTerm("L2.y")` -> {name: "L2.y", base: "y", k: 2}.
 */
export function parseTerm(name: string, where: string): GmmTerm {
  if (typeof name !== "string" || name === "") throw new UserError(`${where} must be a non-empty column name`);
  const m = /^L(\d*)\.(.+)$/.exec(name);
  if (!m) return {name, base: name, k: 0};
  const k = m[1] === "" ? 1 : Number(m[1]);
  if (!Number.isInteger(k) || k < 1) throw new UserError(`${where} '${name}': the lag order must be a positive integer`);
  return {name, base: m[2], k};
}

/**
 * Checks a GMM spec and fills plm's defaults (effect "twoways", lags [2, 99], collapse false).
 * Example: `{estimator: "gmm-sys", x: ["L.y", "gov"], ...}` -> {transformation: "ld", ...}.
 */
export function parseGmmSpec(spec: Spec): GmmModel {
  const est = spec.estimator;
  if (est !== "gmm-diff" && est !== "gmm-sys") {
    throw new UserError(`spec.estimator must be "gmm-diff" or "gmm-sys" for GMM (got ${JSON.stringify(est)})`);
  }
  for (const k of ["id", "time", "y"] as const) {
    if (typeof spec[k] !== "string" || spec[k] === "") throw new UserError(`spec.${k} must be a column name`);
  }
  if (!Array.isArray(spec.x) || spec.x.length === 0) throw new UserError("spec.x must list the regressors, including L.y");
  const terms = spec.x.map((name, i) => parseTerm(name, `spec.x[${i}]`));
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.name)) throw new UserError(`spec.x lists '${t.name}' twice`);
    seen.add(t.name);
    if (t.base === spec.y && t.k === 0) {
      throw new UserError(`spec.x contains the dependent variable '${spec.y}' itself; use its lag 'L.${spec.y}'`);
    }
    if (t.base === spec.id || t.base === spec.time) {
      throw new UserError(`spec.x term '${t.name}' uses the ${t.base === spec.id ? "id" : "time"} column`);
    }
  }
  if (!terms.some((t) => t.base === spec.y && t.k === 1)) {
    throw new UserError(`GMM needs the lagged dependent variable 'L.${spec.y}' in spec.x (dynamic panel model)`);
  }
  const effect = spec.effect ?? "twoways";
  if (effect !== "twoways" && effect !== "individual") {
    throw new UserError(`spec.effect must be "twoways" or "individual" (got ${JSON.stringify(effect)})`);
  }
  const g = spec.gmm ?? {};
  if (g.instruments !== undefined && g.instruments !== "y") {
    throw new UserError(`spec.gmm.instruments must be "y" (lags of the dependent variable); got ${JSON.stringify(g.instruments)}`);
  }
  const lags = g.lags ?? [2, 99];
  if (!Array.isArray(lags) || lags.length !== 2 || !lags.every((v) => Number.isInteger(v))) {
    throw new UserError(`spec.gmm.lags must be two integers [first, last], e.g. [2, 99]; got ${JSON.stringify(lags)}`);
  }
  const [lagMin, lagMax] = lags;
  if (lagMin < 2 || lagMax < lagMin) {
    throw new UserError(
      `spec.gmm.lags [${lagMin}, ${lagMax}] invalid: need 2 <= first <= last (y_{t-1} is correlated with the differenced error)`
    );
  }
  if (g.collapse !== undefined && typeof g.collapse !== "boolean") throw new UserError("spec.gmm.collapse must be true or false");
  const endogenous = g.endogenous ?? [];
  if (!Array.isArray(endogenous) || endogenous.some((v) => typeof v !== "string" || v === "")) {
    throw new UserError(`spec.gmm.endogenous must be a list of regressor columns, e.g. ["dstri"]; got ${JSON.stringify(g.endogenous)}`);
  }
  for (const v of endogenous) {
    if (v === spec.y) throw new UserError(`spec.gmm.endogenous lists the dependent variable '${v}': its lags are GMM instruments already`);
    if (!terms.some((t) => t.base === v)) throw new UserError(`spec.gmm.endogenous: '${v}' is not a regressor of the model (spec.x: ${spec.x.join(", ")})`);
  }
  if (new Set(endogenous).size !== endogenous.length) throw new UserError("spec.gmm.endogenous lists a column twice");
  const exclude = spec.exclude ?? {};
  if (typeof exclude !== "object" || exclude === null || Array.isArray(exclude)) {
    throw new UserError('spec.exclude must map a column to the values to remove, e.g. {"year": [2020]}');
  }
  return {
    id: spec.id,
    time: spec.time,
    y: spec.y,
    terms,
    transformation: est === "gmm-diff" ? "d" : "ld",
    effect,
    collapse: g.collapse ?? false,
    lagMin,
    lagMax,
    endogenous,
    exclude
  };
}
