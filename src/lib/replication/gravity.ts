/**
 * Gravity checks of the replication's fixed-effects models (Table 4's two baselines and Table 5's model without
 * 2020): the same specification re-estimated as a trade economist would first ask, all through the engine's
 * estimate():
 *  - OLS with standard errors clustered by partner (as the tables), and with Driscoll-Kraay errors (fixest "DK");
 *  - PPML (fixest fepois) on exports in levels (lnexport_cn -> exports_cn_usd), clustered and Driscoll-Kraay;
 *  - the wild cluster bootstrap p-value and 95% interval of the DSTRI coefficient (OLS, by partner; the page runs
 *    it in a worker, `bootstrapSpec` gives its spec).
 * Browser-safe.
 */
import {estimate} from "../engine/estimate.js";
import type {Frame, Result, Spec} from "../engine/types.js";
import {replicationModels, type Outcome} from "./models.js";

export const GRAVITY_MODELS = ["t4_base", "t4_ctrl", "t5_excl2020"] as const;

export interface GravityCell {
  coef: number;
  se: number;
  stat: number;
  p: number;
  nobs: number;
}

export interface GravityRow {
  /** Model id without the region suffix, e.g. "t4_ctrl". */
  id: (typeof GRAVITY_MODELS)[number];
  spec: Spec;
  ols: GravityCell | string;
  olsDk: GravityCell | string;
  ppml: GravityCell | string;
  ppmlDk: GravityCell | string;
}

/** The outcome in levels that PPML estimates: lnexport_cn -> exports_cn_usd. */
export const levelColumn = (logColumn: string): string => logColumn.replace(/^lnexport_(.+)$/, "exports_$1_usd");

function cell(frame: Frame, spec: Spec): GravityCell | string {
  let r: Result;
  try {
    r = estimate(frame, spec);
  } catch (e) {
    return e instanceof Error ? e.message.split("\n")[0] : String(e);
  }
  const j = r.terms.indexOf("dstri");
  if (j < 0) return "dstri was not estimated";
  return {coef: r.coef[j], se: r.se[j], stat: r.tstat[j], p: r.pvalue[j], nobs: r.nobs};
}

/**
 * The four estimates of DSTRI for each model. Example: `gravityRows(frame, {column: "lnexport_cn", region: "cn", label: "China"})`.
 */
export function gravityRows(frame: Frame, outcome: Outcome): GravityRow[] {
  const models = replicationModels(outcome).filter((m) => (GRAVITY_MODELS as readonly string[]).includes(m.id.replace(/_[a-z0-9]+$/, "")));
  const level = levelColumn(outcome.column);
  return models.map((m) => {
    const spec = m.spec;
    const ppmlSpec: Spec = {...spec, y: level, estimator: "ppml"};
    const missing = frame.columns[level] === undefined ? `no column '${level}' (exports in levels) in the panel` : null;
    return {
      id: m.id.replace(/_[a-z0-9]+$/, "") as GravityRow["id"],
      spec,
      ols: cell(frame, spec),
      olsDk: cell(frame, {...spec, vcov: "driscoll_kraay"}),
      ppml: missing ?? cell(frame, ppmlSpec),
      ppmlDk: missing ?? cell(frame, {...ppmlSpec, vcov: "driscoll_kraay"})
    };
  });
}

/** The spec of the wild cluster bootstrap of DSTRI for a row (by partner, Rademacher, 9,999 draws, seed 1). */
export function bootstrapSpec(row: GravityRow): Spec {
  return {...row.spec, vcov: {cluster: ["iso3"]}, bootstrap: {type: "wild", term: "dstri", cluster: "iso3", weights: "rademacher", reps: 9999, seed: 1}};
}
