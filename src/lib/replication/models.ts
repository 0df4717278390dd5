/**
 * The study's Tables 4-7 as `dtb estimate` specifications on the open panel.
 *
 * Mapping of the paper's variables to the panel's columns (see data/paper/tables.json, Table 1):
 *   lnexport_zj / lnexport_wz -> lnexport_zj / lnexport_wz (customs file) or lnexport_cn (open data)
 *   DSTRI -> dstri, LDSTRI -> L.dstri, lngdp -> lngdp, lnpopu -> lnpopu, lngov -> lngov, city_rate -> urban.
 * Every fixed-effects table has "Province FE" (i.e. partner-country FE) and year FE in the paper, so the
 * specifications absorb iso3 and year. The paper does not say which standard errors it used; we report
 * standard errors clustered by partner country (the usual choice for a country panel) and keep the
 * iid alternative one toggle away in the explorer.
 */
import type {Frame, Spec, VcovSpec} from "../engine/types.js";

export const CONTROLS = ["lngdp", "lnpopu", "lngov", "urban"] as const;

export interface ReplicationModel {
  /** e.g. "t4_m2_cn": table 4, model (2), dependent variable lnexport_cn. */
  id: string;
  table: 4 | 5 | 6 | 7;
  /** The paper model this mirrors (an id in data/paper/tables.json), with the region swapped for `y`. */
  paper_id: string;
  label: string;
  spec: Spec;
}

/** A dependent variable the replication can use: China (always) or a customs region. */
export interface Outcome {
  /** Panel column, e.g. "lnexport_cn", "lnexport_zj". */
  column: string;
  /** Short code: "cn", "zj", "wz", ... */
  region: string;
  label: string;
}

export const DEFAULT_VCOV: VcovSpec = {cluster: ["iso3"]};

const base = (y: string, x: string[], vcov: VcovSpec): Spec => ({
  id: "iso3",
  time: "year",
  y,
  x,
  fe: ["iso3", "year"],
  vcov
});

/**
 * The models of Tables 4-7 for one dependent variable.
 * `paperColumn` says which of the paper's regions this outcome stands in for (Zhejiang for China and
 * Zhejiang, Wenzhou for Wenzhou), so each recomputed model sits next to the printed one it mirrors.
 * With `frame`, Table 7's GMM models are estimated on the years where the outcome and the DSTRI both exist
 * (overlapYears; spec.exclude drops the others before lags, as plm pgmm on the cut panel): in the other years no
 * partner-year is usable, their time dummies are all zero and plm stops ("system is exactly singular"), while the
 * engine would drop them and give weakly identified numbers nothing checks. On the overlap plm estimates both models
 * and the engine equals it (scripts/reference/gmm-table7-overlap.R, tests/lib/replication/gmm-overlap.test.ts).
 * Every caller that estimates Table 7 passes the frame (runModels, `dtb replicate`).
 *
 * @example replicationModels({column: "lnexport_cn", region: "cn", label: "China"}).length // 6
 */
export function replicationModels(outcome: Outcome, vcov: VcovSpec = DEFAULT_VCOV, frame?: Frame): ReplicationModel[] {
  const y = outcome.column;
  const r = outcome.region;
  const wz = r === "wz";
  const controls = [...CONTROLS];
  const models: ReplicationModel[] = [
    {id: `t4_base_${r}`, table: 4, paper_id: wz ? "t4_m3" : "t4_m1", label: `Table 4: DSTRI alone, country and year FE (${outcome.label})`, spec: base(y, ["dstri"], vcov)},
    {id: `t4_ctrl_${r}`, table: 4, paper_id: wz ? "t4_m4" : "t4_m2", label: `Table 4: DSTRI with controls, country and year FE (${outcome.label})`, spec: base(y, ["dstri", ...controls], vcov)},
    {id: `t5_excl2020_${r}`, table: 5, paper_id: wz ? "t5_wz" : "t5_zj", label: `Table 5: 2020 excluded (${outcome.label})`, spec: {...base(y, ["dstri", ...controls], vcov), exclude: {year: [2020]}}},
    {id: `t6_lag_${r}`, table: 6, paper_id: wz ? "t6_wz" : "t6_zj", label: `Table 6: DSTRI lagged one year (${outcome.label})`, spec: base(y, ["L.dstri", ...controls], vcov)}
  ];
  const sample = frame ? overlapYears(frame, y) : null;
  for (const [estimator, name] of [["gmm-diff", "difference"], ["gmm-sys", "system"]] as const) {
    models.push({
      id: `t7_${estimator.replace("gmm-", "")}_${r}`,
      table: 7,
      paper_id: wz ? "t7_wz" : "t7_zj",
      label: `Table 7: ${name} GMM, two-step, collapsed instruments${sample ? `, ${sample.years[0]}-${sample.years[1]}` : ""} (${outcome.label})`,
      spec: {
        id: "iso3",
        time: "year",
        y,
        x: [`L.${y}`, "L.dstri", ...controls],
        estimator,
        effect: "twoways",
        gmm: {instruments: "y", lags: [2, 99], collapse: true},
        ...(sample && sample.exclude.length > 0 ? {exclude: {year: sample.exclude}} : {})
      }
    });
  }
  return models;
}

/** The outcomes present in a panel: China always, plus every `lnexport_<region>` column from customs files. */
export function outcomesIn(columns: string[]): Outcome[] {
  const names: Record<string, string> = {cn: "China", zj: "Zhejiang", wz: "Wenzhou"};
  return columns
    .filter((c) => /^lnexport_[a-z0-9]+$/.test(c))
    .map((column) => {
      const region = column.slice("lnexport_".length);
      return {column, region, label: names[region] ?? region.toUpperCase()};
    })
    .sort((a, b) => (a.region === "cn" ? -1 : b.region === "cn" ? 1 : a.region.localeCompare(b.region)));
}

/**
 * The first and last year in which some partner has both the outcome and the DSTRI (2014-2020 in the shipped
 * snapshot: the DSTRI starts in 2014, exports end in 2020), with the panel's other years to exclude; null when no
 * row has both.
 *
 * @example overlapYears(frame, "lnexport_cn") // {years: [2014, 2020], exclude: [2008, ..., 2013, 2021, ..., 2024]}
 */
export function overlapYears(frame: Frame, y: string, key = "dstri"): {years: [number, number]; exclude: number[]} | null {
  const year = frame.columns.year;
  const yc = frame.columns[y];
  const kc = frame.columns[key];
  if (!year || !yc || !kc) return null;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const all = new Set<number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < frame.nrows; r++) {
    const t = num(year[r]);
    if (t === null) continue;
    all.add(t);
    if (num(yc[r]) !== null && num(kc[r]) !== null) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  }
  if (lo > hi) return null;
  return {years: [lo, hi], exclude: [...all].filter((t) => t < lo || t > hi).sort((a, b) => a - b)};
}

/**
 * Table 7 with the key regressor treated as endogenous (issue 24): the same two GMM models, on the same years (the
 * outcome and the DSTRI both observed, see replicationModels), with the DSTRI's own lags (2 and deeper, collapsed) as
 * GMM-style instruments beside the outcome's, as plm `pgmm(... | lag(y, 2:99) + lag(dstri, 2:99))` (engine spec
 * gmm.endogenous; tests/fixtures/gmm-endogenous/, tests/fixtures/gmm-table7-overlap/).
 *
 * @example endogenousGmmModels({column: "lnexport_cn", region: "cn", label: "China"}, frame).map((m) => m.id)
 * // ["t7_diff_endo_cn", "t7_sys_endo_cn"]
 */
export function endogenousGmmModels(outcome: Outcome, frame: Frame): ReplicationModel[] {
  return replicationModels(outcome, DEFAULT_VCOV, frame)
    .filter((m) => m.table === 7)
    .map((m) => ({
      ...m,
      id: m.id.replace(/^t7_(diff|sys)_/, "t7_$1_endo_"),
      label: m.label.replace("collapsed instruments", "collapsed instruments, DSTRI endogenous"),
      spec: {...m.spec, gmm: {...m.spec.gmm, endogenous: ["dstri"]}}
    }));
}
