/**
 * The three Monte Carlo labs of the classroom: their parameters (names as in `dtb simulate --param`), defaults
 * calibrated to the study panel (42 partners, 7 years), ranges, and estimators. Data-generating processes are
 * in dgp.ts; README.md ("Classroom simulation labs") documents them with the same names.
 */
import {UserError} from "../errors.js";

export type LabName = "fe" | "cluster" | "nickell" | "gravity";
export const LABS: LabName[] = ["fe", "cluster", "nickell", "gravity"];

export interface ParamDef {
  name: string;
  default: number;
  min: number;
  max: number;
  integer: boolean;
  /** Slider step on the page. */
  step: number;
}

export interface LabDef {
  name: LabName;
  params: ParamDef[];
  estimators: string[];
  /** The parameter each estimator estimates (its true value is the truth for bias and coverage). */
  target: string;
  /** Default replications on the page (GMM is ~10 ms per fit, hence fewer for `nickell`). */
  defaultReps: number;
}

const N: ParamDef = {name: "N", default: 42, min: 2, max: 5000, integer: true, step: 1};
const T: ParamDef = {name: "T", default: 7, min: 2, max: 50, integer: true, step: 1};

export const LAB_DEFS: Record<LabName, LabDef> = {
  fe: {
    name: "fe",
    params: [N, T, {name: "beta", default: -0.5, min: -5, max: 5, integer: false, step: 0.05}, {name: "corr", default: 0.8, min: -5, max: 5, integer: false, step: 0.05}],
    estimators: ["pooled", "fe_country", "fe_twoway"],
    target: "beta",
    defaultReps: 1000
  },
  cluster: {
    name: "cluster",
    params: [
      N,
      T,
      {name: "beta", default: 0, min: -5, max: 5, integer: false, step: 0.05},
      {name: "rho_x", default: 0.8, min: -0.99, max: 0.99, integer: false, step: 0.01},
      {name: "rho_e", default: 0.8, min: -0.99, max: 0.99, integer: false, step: 0.01}
    ],
    estimators: ["fe_twoway"],
    target: "beta",
    defaultReps: 1000
  },
  nickell: {
    name: "nickell",
    // T >= 3: difference GMM needs y_{t-2} as an instrument for the first differenced equation.
    params: [N, {...T, min: 3}, {name: "rho", default: 0.5, min: -0.95, max: 0.95, integer: false, step: 0.05}],
    estimators: ["pooled", "fe_country", "gmm_diff", "gmm_sys"],
    target: "rho",
    defaultReps: 100
  },
  gravity: {
    name: "gravity",
    // Santos Silva & Tenreyro (2006): y_i = exp(beta0 + beta x_i) eta_i, ln eta_i ~ N(-s(x_i)/2, s(x_i)),
    // s(x) = s0 + s1 x >= 0 on x in [0, 2] (dgp.ts). N >= 10 keeps both fits identified with residual df.
    params: [
      {name: "N", default: 500, min: 10, max: 100000, integer: true, step: 10},
      {name: "beta0", default: 0, min: -5, max: 5, integer: false, step: 0.1},
      {name: "beta", default: 1, min: -5, max: 5, integer: false, step: 0.05},
      {name: "s0", default: 0.5, min: 0, max: 3, integer: false, step: 0.05},
      {name: "s1", default: 1, min: 0, max: 3, integer: false, step: 0.05}
    ],
    estimators: ["ols_log", "ppml"],
    target: "beta",
    // The engine's PPML runs its whole pipeline twice per draw (iid and HC1): ~15 ms, hence fewer replications.
    defaultReps: 500
  }
};

export const MAX_REPS = 100000;

export type Params = Record<string, number>;

/** The lab's definition, or a one-line error naming the valid labs. */
export function labDef(name: string): LabDef {
  if (!(LABS as string[]).includes(name)) throw new UserError(`unknown lab '${name}': expected one of ${LABS.join(", ")}`);
  return LAB_DEFS[name as LabName];
}

/** Default parameters of a lab. Example: `defaultParams("fe")` -> {N: 42, T: 7, beta: -0.5, corr: 0.8}. */
export function defaultParams(lab: LabName): Params {
  return Object.fromEntries(LAB_DEFS[lab].params.map((p) => [p.name, p.default]));
}

/**
 * Checks parameters given as numbers or text (CLI `NAME=VALUE`, URL) and fills defaults. Every failure is one
 * line naming the parameter, the value and the allowed range. Example: `parseParams("fe", {N: "10"})`.
 */
export function parseParams(lab: LabName, given: Record<string, string | number>): Params {
  const def = LAB_DEFS[lab];
  const out = defaultParams(lab);
  for (const [name, raw] of Object.entries(given)) {
    const p = def.params.find((d) => d.name === name);
    if (!p) throw new UserError(`lab '${lab}' has no parameter '${name}': expected ${def.params.map((d) => d.name).join(", ")}`);
    const text = String(raw).trim();
    const v = text === "" ? NaN : Number(text);
    if (!Number.isFinite(v)) throw new UserError(`parameter ${name}=${text}: not a number`);
    if (p.integer && !Number.isInteger(v)) throw new UserError(`parameter ${name}=${text}: must be an integer`);
    if (v < p.min || v > p.max) throw new UserError(`parameter ${name}=${text}: must be between ${p.min} and ${p.max}`);
    out[name] = v;
  }
  return out;
}

/** Replications: an integer in 1..MAX_REPS. */
export function parseReps(raw: string | number): number {
  const v = Number(String(raw).trim());
  if (!Number.isInteger(v) || v < 1 || v > MAX_REPS) throw new UserError(`reps=${raw}: must be an integer between 1 and ${MAX_REPS}`);
  return v;
}

/** Seed: a non-negative integer below 2^53 (JSON-safe; the RNG mixes all its bits). */
export function parseSeed(raw: string | number): number {
  const text = String(raw).trim();
  const v = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(v)) throw new UserError(`seed=${raw}: must be a non-negative integer below 2^53`);
  return v;
}
