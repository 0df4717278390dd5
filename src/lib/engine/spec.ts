/**
 * Validation and normalisation of a `Spec` (the `dtb estimate --spec` JSON). Every problem is a
 * one-line UserError naming the offending key, e.g. "spec: unknown key 'fes' (allowed: id, time, ...)".
 */
import {UserError} from "../errors.js";
import type {BootstrapSpec, GmmSpec, Spec} from "./types.js";
import {validateBootstrap} from "./wild-bootstrap-spec.js";
import {parseHacVcov} from "./vcov-hac-spec.js";

export const SPEC_KEYS = ["id", "time", "y", "x", "fe", "vcov", "exclude", "estimator", "effect", "gmm", "drop_singletons", "bootstrap"] as const;
const GMM_KEYS = ["instruments", "lags", "collapse"];
const ESTIMATORS = ["ols", "ppml", "gmm-diff", "gmm-sys"];
const EFFECTS = ["twoways", "individual"];

export type VcovChoice =
  | {type: "iid"}
  | {type: "hetero"}
  | {type: "cluster"; cluster: string[]}
  | {type: "driscoll_kraay"; lag?: number}
  | {type: "newey_west"; lag?: number};

export interface NormalizedSpec {
  id: string;
  time: string;
  y: string;
  x: string[];
  fe: string[];
  vcov: VcovChoice;
  exclude: Record<string, Array<number | string>>;
  estimator: "ols" | "ppml" | "gmm-diff" | "gmm-sys";
  effect: "twoways" | "individual";
  gmm: GmmSpec;
  drop_singletons: boolean;
  bootstrap: BootstrapSpec | null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown, key: string): string {
  if (typeof v !== "string" || v.trim() === "") throw new UserError(`spec.${key} must be a non-empty column name`);
  return v;
}

function strList(v: unknown, key: string): string[] {
  if (!Array.isArray(v)) throw new UserError(`spec.${key} must be a list of column names`);
  const seen = new Set<string>();
  return v.map((item, i) => {
    const s = str(item, `${key}[${i}]`);
    if (seen.has(s)) throw new UserError(`spec.${key} lists '${s}' twice`);
    seen.add(s);
    return s;
  });
}

/**
 * Checks keys, types and allowed values; fills defaults (fe [], vcov "iid", estimator "ols",
 * effect "twoways", drop_singletons false). vcov also accepts {cluster: "country"} (one name).
 * Example: `validateSpec({id: "country", time: "year", y: "y", x: ["dstri"]})`.
 */
export function validateSpec(spec: unknown): NormalizedSpec {
  if (!isPlainObject(spec)) throw new UserError("spec must be a JSON object");
  const unknown = Object.keys(spec).filter((k) => !(SPEC_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new UserError(`spec: unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")} (allowed: ${SPEC_KEYS.join(", ")})`);
  }
  for (const key of ["id", "time", "y", "x"]) if (spec[key] === undefined) throw new UserError(`spec.${key} is required`);
  const s = spec as unknown as Spec;
  const id = str(s.id, "id");
  const time = str(s.time, "time");
  const y = str(s.y, "y");
  const x = strList(s.x, "x");
  if (x.length === 0) throw new UserError("spec.x must list at least one regressor");
  if (x.includes(y)) throw new UserError(`spec.x contains the dependent variable '${y}'`);
  const fe = s.fe === undefined ? [] : strList(s.fe, "fe");

  let vcov: VcovChoice = {type: "iid"};
  const v = s.vcov as unknown;
  if (v === undefined || v === "iid") vcov = {type: "iid"};
  else if (v === "hetero") vcov = {type: "hetero"};
  else if (parseHacVcov(v) !== null) vcov = parseHacVcov(v) as VcovChoice;
  else if (isPlainObject(v)) {
    const extra = Object.keys(v).filter((k) => k !== "cluster");
    if (extra.length > 0) throw new UserError(`spec.vcov: unknown key ${extra.map((k) => `'${k}'`).join(", ")} (allowed: cluster)`);
    const c = v.cluster;
    const list = typeof c === "string" ? [c] : strList(c, "vcov.cluster");
    if (list.length === 0) throw new UserError("spec.vcov.cluster must name at least one column");
    if (list.length > 4) throw new UserError("spec.vcov.cluster: at most 4 clustering dimensions are supported");
    list.forEach((name, i) => str(name, `vcov.cluster[${i}]`));
    vcov = {type: "cluster", cluster: list};
  } else {
    throw new UserError(`spec.vcov must be "iid", "hetero", {"cluster": [...]}, "driscoll_kraay", "newey_west" (or {"driscoll_kraay": {"lag": L}}, "DK(2)", "NW(1)"); got ${JSON.stringify(v)}`);
  }

  const exclude: Record<string, Array<number | string>> = {};
  if (s.exclude !== undefined) {
    if (!isPlainObject(s.exclude)) throw new UserError("spec.exclude must be an object {column: [values]}");
    for (const [col, vals] of Object.entries(s.exclude)) {
      if (!Array.isArray(vals)) throw new UserError(`spec.exclude.${col} must be a list of values`);
      for (const val of vals) {
        if (typeof val !== "number" && typeof val !== "string") throw new UserError(`spec.exclude.${col}: values must be numbers or strings`);
      }
      exclude[col] = vals;
    }
  }
  const estimator = s.estimator ?? "ols";
  if (!ESTIMATORS.includes(estimator)) throw new UserError(`spec.estimator must be one of ${ESTIMATORS.join(", ")}; got ${JSON.stringify(estimator)}`);
  const effect = s.effect ?? "twoways";
  if (!EFFECTS.includes(effect)) throw new UserError(`spec.effect must be one of ${EFFECTS.join(", ")}; got ${JSON.stringify(effect)}`);
  let gmm: GmmSpec = {};
  if (s.gmm !== undefined) {
    if (!isPlainObject(s.gmm)) throw new UserError("spec.gmm must be an object");
    const extra = Object.keys(s.gmm).filter((k) => !GMM_KEYS.includes(k));
    if (extra.length > 0) throw new UserError(`spec.gmm: unknown key ${extra.map((k) => `'${k}'`).join(", ")} (allowed: ${GMM_KEYS.join(", ")})`);
    gmm = s.gmm;
  }
  const ds = s.drop_singletons ?? false;
  if (typeof ds !== "boolean") throw new UserError("spec.drop_singletons must be true or false");
  const bootstrap = s.bootstrap === undefined ? null : validateBootstrap(s.bootstrap, x);
  if (bootstrap && estimator !== "ols") throw new UserError(`spec.bootstrap: the wild cluster bootstrap is available for OLS only (estimator is '${estimator}')`);
  return {id, time, y, x, fe, vcov, exclude, estimator: estimator as NormalizedSpec["estimator"], effect: effect as NormalizedSpec["effect"], gmm, drop_singletons: ds, bootstrap};
}
