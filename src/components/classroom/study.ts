/**
 * The study's own numbers at the start of each lesson: the printed coefficients (data/paper/tables.json, via
 * the replication page's loader) next to what the engine gives on the open panel (42 partners, 2014-2020).
 * Every number here is computed or read, never typed in.
 */
import {estimate} from "../../lib/engine/index.js";
import type {Frame, Result, Spec} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import type {PaperTables} from "../../lib/paper/schema.js";
import {runModels} from "../../lib/replication/compute.js";
import {overlapYears} from "../../lib/replication/models.js";

const BASE = {id: "iso3", time: "year", y: "lnexport_cn"} as const;

export function fit(frame: Frame, spec: Partial<Spec>): Result {
  return estimate(frame, {...BASE, x: ["dstri"], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}, ...spec} as Spec);
}

const f3 = (v: number) => v.toFixed(3).replace("-", "−");

/** A small two-column table: label, value; each row has data-testid for the tests. */
export function factTable(rows: Array<{id: string; label: {en: string; zh: string}; value: string}>): HTMLElement {
  const table = document.createElement("table");
  table.className = "cl-facts";
  const tbody = document.createElement("tbody");
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.setAttribute("data-testid", `fact-${r.id}`);
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = pick(r.label);
    const td = document.createElement("td");
    td.textContent = r.value;
    tr.append(th, td);
    tbody.append(tr);
  }
  table.append(tbody);
  return table;
}

export function paperModel(paper: PaperTables, id: string) {
  const m = paper.models.find((x) => x.id === id);
  if (!m) throw new Error(`paper model ${id} not found`);
  return m;
}

/** Lesson 1: pooled vs fixed effects, in the paper and on the open panel. */
export function feFacts(paper: PaperTables, frame: Frame): HTMLElement {
  const pooled = fit(frame, {fe: []});
  const tw = fit(frame, {});
  const j = (r: Result) => r.terms.indexOf("dstri");
  const m = paperModel(paper, "t4_m1");
  return factTable([
    {id: "paper", label: {en: "Study, Table 4 (1): DSTRI, province and year FE", zh: "论文表4第(1)列：DSTRI，省份与年份固定效应"}, value: `${m.terms.DSTRI.printed} ${m.terms.DSTRI.t_printed}`},
    {id: "pooled", label: {en: "Open panel, pooled OLS: DSTRI", zh: "公开面板，混合OLS：DSTRI"}, value: `${f3(pooled.coef[j(pooled)])} (SE ${pooled.se[j(pooled)].toFixed(3)}, n = ${pooled.nobs})`},
    {id: "twoway", label: {en: "Open panel, partner and year FE: DSTRI", zh: "公开面板，伙伴国与年份固定效应：DSTRI"}, value: `${f3(tw.coef[j(tw)])} (SE ${tw.se[j(tw)].toFixed(3)}, n = ${tw.nobs})`}
  ]);
}

/** Lesson 3: the same two-way model with iid, HC1 and clustered standard errors. */
export function seFacts(paper: PaperTables, frame: Frame): HTMLElement {
  const m = paperModel(paper, "t4_m1");
  const rows = (["iid", "hetero", {cluster: ["iso3"]}] as const).map((v) => {
    const r = fit(frame, {vcov: v as Spec["vcov"]});
    const j = r.terms.indexOf("dstri");
    return {r, j, name: typeof v === "string" ? v : "cluster"};
  });
  const label = {iid: {en: "iid", zh: "同方差"}, hetero: {en: "HC1 (heteroskedasticity-robust)", zh: "HC1（异方差稳健）"}, cluster: {en: "clustered by partner", zh: "按伙伴国聚类"}} as const;
  return factTable([
    {id: "paper", label: {en: "Study, Table 4 (1): coefficient (t)", zh: "论文表4第(1)列：系数（t值）"}, value: `${m.terms.DSTRI.printed} ${m.terms.DSTRI.t_printed} → SE ≈ ${Math.abs(m.terms.DSTRI.coef / m.terms.DSTRI.t).toFixed(3)}`},
    ...rows.map(({r, j, name}) => ({
      id: `se-${name}`,
      label: {en: `Open panel, SE ${label[name as "iid"].en}`, zh: `公开面板，标准误：${label[name as "iid"].zh}`},
      value: `${f3(r.coef[j])}, SE ${r.se[j].toFixed(3)}, t = ${f3(r.tstat[j])} (df ${r.df_t})`
    }))
  ]);
}

/**
 * Lesson 4: the study's FE and GMM columns; our difference GMM with all vs collapsed instruments on the whole panel
 * (Hansen pushed towards 1, with the engine's warnings: the years without the DSTRI or exports leave all-zero year
 * dummies), then the replication page's Table 7 (runModels: controls, the years with both the DSTRI and exports,
 * where plm pgmm gives the same numbers, tests/fixtures/gmm-table7-overlap/).
 */
export function gmmFacts(paper: PaperTables, frame: Frame): HTMLElement {
  const fe = paperModel(paper, "t6_zj");
  const gmm = paperModel(paper, "t7_zj");
  const g = (collapse: boolean) =>
    estimate(frame, {...BASE, x: ["L.lnexport_cn", "L.dstri"], estimator: "gmm-diff", effect: "twoways", gmm: {instruments: "y", lags: [2, 99], collapse}});
  const all = g(false);
  const col = g(true);
  const warned = (r: Result) => (r.warnings?.length ? pick({en: `; engine warnings: ${r.warnings.length}`, zh: `；引擎警告 ${r.warnings.length} 条`}) : "");
  const h = (r: Result) => `${r.n_instruments} ${pick({en: "instruments", zh: "个工具变量"})}, Hansen p = ${r.hansen!.pvalue.toFixed(3)}, ${pick({en: "partners", zh: "伙伴国"})} ${r.n_groups}${warned(r)}`;
  const t7 = runModels(frame, {column: "lnexport_cn", region: "cn", label: "China"}, "cluster", [7]);
  const span = overlapYears(frame, "lnexport_cn")?.years;
  const years = span ? `${span[0]}–${span[1]}` : "";
  const row = (k: number, name: {en: string; zh: string}) => {
    const r = t7[k].result;
    return {
      id: `t7-${k === 0 ? "diff" : "sys"}`,
      label: {en: `Replication page, Table 7 with controls, ${name.en}, ${years}`, zh: `复现页面表7（含控制变量），${name.zh}，${years} 年`},
      value: r ? `${h(r)}, AR(2) p = ${r.ar2?.pvalue?.toFixed(3) ?? "–"}` : pick({en: "not estimated", zh: "无法估计"})
    };
  };
  return factTable([
    {id: "paper-fe", label: {en: "Study, Table 6 (Zhejiang), FE: lagged DSTRI", zh: "论文表6（浙江），固定效应：DSTRI滞后项"}, value: fe.terms.LDSTRI.printed},
    {id: "paper-gmm", label: {en: "Study, Table 7 (Zhejiang), GMM: lagged DSTRI", zh: "论文表7（浙江），GMM：DSTRI滞后项"}, value: gmm.terms.LDSTRI.printed},
    {id: "gmm-all", label: {en: "Open panel 2008–2024, difference GMM, all lags as instruments", zh: "公开面板 2008–2024 年，差分GMM，全部滞后作工具变量"}, value: h(all)},
    {id: "gmm-collapsed", label: {en: "Open panel 2008–2024, difference GMM, collapsed instruments", zh: "公开面板 2008–2024 年，差分GMM，折叠工具变量"}, value: h(col)},
    row(0, {en: "difference GMM", zh: "差分GMM"}),
    row(1, {en: "system GMM", zh: "系统GMM"})
  ]);
}

/** Lesson 5: the DSTRI's scale in the study (Table 2) and in the OECD data. */
export function scaleFacts(paper: PaperTables, frame: Frame): {table: HTMLElement; paperSd: number; openSd: number; withinSd: number; beta: number} {
  const d = paper.table2.find((r) => r.variable === "DSTRI")!;
  const x = frame.columns.dstri as Float64Array;
  const v = Array.from(x).filter((a) => a === a);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  const beta = paperModel(paper, "t4_m1").terms.DSTRI.coef;
  // Mummolo & Peterson (2018): the SD of the DSTRI after partner and year effects, on Table 4 (2)'s sample (engine
  // info.within_sd), the SD a "per SD" reading of a two-way fixed-effects coefficient should use.
  const within = (fit(frame, {x: ["dstri", "lngdp", "lnpopu", "lngov", "urban"]}).info!.within_sd as Record<string, number>).dstri;
  const table = factTable([
    {id: "paper-range", label: {en: "Study, Table 2: DSTRI min – max (SD)", zh: "论文表2：DSTRI 最小值–最大值（标准差）"}, value: `${d.min} – ${d.max} (${d.sd})`},
    {id: "open-range", label: {en: "OECD DSTRI in the open panel: min – max (SD)", zh: "公开面板中的经合组织DSTRI：最小值–最大值（标准差）"}, value: `${Math.min(...v).toFixed(3)} – ${Math.max(...v).toFixed(3)} (${sd.toFixed(3)})`},
    {id: "open-within", label: {en: "OECD DSTRI, SD within partner and year (Table 4 (2) sample; the variation the model uses)", zh: "经合组织DSTRI在伙伴与年份之内的标准差（表4第(2)列样本；模型实际利用的变异）"}, value: f3(within)},
    {id: "paper-beta", label: {en: "Study, Table 4 (1): DSTRI coefficient", zh: "论文表4第(1)列：DSTRI系数"}, value: String(beta)}
  ]);
  return {table, paperSd: d.sd, openSd: sd, withinSd: within, beta};
}
