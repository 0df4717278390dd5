/**
 * Lays our estimates beside the paper's printed ones (Tables 4-7) and reads the difference in plain words.
 * Pure data in, data out: the components only render what is computed here, and the tests check it.
 */
import {criticalValue} from "../engine/tdist.js";
import {withinSd} from "../engine/within-sd.js";
import {intervalSentence, minimumDetectableEffect} from "../evidence/mde.js";
import type {ModelWarning, Result} from "../engine/types.js";
import type {PaperModel, PaperTables} from "../paper/schema.js";
import {keyTerm, paperTerm, stars, type ModelRun} from "./compute.js";
import {currentLang, pick} from "../i18n.js";
import {gmmDiagnosticSentence, gmmInstrumentSentence, gmmRows, gmmSampleSentence, unreadableSentence} from "./gmm-reading.js";

/** One coefficient cell; `se` of a paper cell is implied by |coef / t| (both printed rounded). */
export interface Cell {
  coef: number;
  se: number;
  t: number;
  /** Our p-value; for the paper, null (only the stars are printed). */
  p: number | null;
  stars: string;
  /** The paper's printed text, e.g. "-0.273***"; null for ours. */
  printed?: string;
}

export interface Column {
  kind: "paper" | "ours";
  /** "(1)", "Zhejiang", "ours, difference GMM", ... */
  heading: string;
  dependent: string;
  /** Paper model id (tables.json) or our model id. */
  id: string;
  cells: Record<string, Cell | null>;
  nobs: number | null;
  r2: number | null;
  r2_within: number | null;
  n_groups: number | null;
  n_clusters: number | null;
  se_label: string;
  df_t: number | null;
  country_fe: string;
  year_fe: string;
  /** GMM only. */
  hansen_p?: number | null;
  ar2_p?: number | null;
  n_instruments?: number | null;
  /** GMM only: partner-years, and the differenced and level rows plm's "observations" add up (issue 24). */
  gmm_rows?: {partner_years: number; differenced: number; level: number} | null;
  notes: string[];
  /** The engine's warnings on our model (engine/warnings.ts); none on the paper's. */
  warnings?: ModelWarning[];
  error?: string;
}

export interface ComparisonTable {
  table: 4 | 5 | 6 | 7;
  /** Row labels in the paper's order (paper names), then any of ours the paper lacks. */
  rows: string[];
  /** Pairs: the paper's column, then ours (Table 7: paper, ours difference, ours system). */
  columns: Column[];
}

const PAPER_ORDER = ["L.lnexport", "DSTRI", "LDSTRI", "lngdp", "lnpopu", "lngov", "city_rate", "Constant"];

export function seLabel(run: ModelRun): string {
  const info = (run.result?.info ?? {}) as Record<string, unknown>;
  // Shown in the table and the readings: in the page's language (English in Node, where the CLI and tests run).
  if (run.model.spec.estimator && run.model.spec.estimator !== "ols") return pick({en: "robust two-step (Windmeijer)", zh: "两步稳健（Windmeijer 校正）"});
  const v = info.vcov;
  if (v === "cluster") return pick({en: "clustered by country (CR1)", zh: "按国家聚类（CR1）"});
  if (v === "hetero") return pick({en: "heteroskedasticity-robust (HC1)", zh: "异方差稳健（HC1）"});
  if (v === "iid") return "iid";
  return String(v ?? "");
}

function paperColumn(m: PaperModel, heading: string): Column {
  const cells: Record<string, Cell | null> = {};
  for (const [term, c] of Object.entries(m.terms)) {
    cells[term] = {coef: c.coef, t: c.t, se: c.t !== 0 ? Math.abs(c.coef / c.t) : NaN, p: null, stars: "*".repeat(c.stars), printed: c.printed};
  }
  return {
    kind: "paper",
    heading,
    dependent: m.dependent,
    id: m.id,
    cells,
    nobs: m.observations,
    r2: m.r2,
    r2_within: null,
    n_groups: m.n_countries,
    n_clusters: null,
    se_label: pick({en: "not stated", zh: "未说明"}),
    df_t: null,
    country_fe: m.fe_rows["Province FE"] ?? "",
    year_fe: m.fe_rows["Year FE"] ?? "",
    notes: []
  };
}

function oursColumn(run: ModelRun, heading: string): Column {
  const spec = run.model.spec;
  const r = run.result;
  const cells: Record<string, Cell | null> = {};
  const gmm = !!spec.estimator && spec.estimator !== "ols";
  if (r) {
    r.terms.forEach((term, j) => {
      cells[paperTerm(term, spec.y)] = {coef: r.coef[j], se: r.se[j], t: r.tstat[j], p: r.pvalue[j], stars: stars(r.pvalue[j])};
    });
  }
  const info = (r?.info ?? {}) as Record<string, unknown>;
  const fe = spec.fe ?? [];
  return {
    kind: "ours",
    heading,
    dependent: spec.y,
    id: run.model.id,
    cells,
    nobs: r?.nobs ?? null,
    r2: r?.r2 ?? null,
    r2_within: r?.r2_within ?? null,
    n_groups: r?.n_groups ?? null,
    n_clusters: typeof info.n_clusters === "number" ? info.n_clusters : null,
    se_label: seLabel(run),
    df_t: r?.df_t ?? null,
    country_fe: gmm ? pick({en: "differenced out", zh: "差分消去"}) : fe.includes("iso3") ? pick(YES) : pick(NO),
    year_fe: gmm ? (spec.effect === "twoways" ? pick({en: "YES (time dummies)", zh: "是（年份虚拟变量）"}) : pick(NO)) : fe.includes("year") ? pick(YES) : pick(NO),
    ...(gmm ? {hansen_p: r?.hansen?.pvalue ?? null, ar2_p: r?.ar2?.pvalue ?? null, n_instruments: r?.n_instruments ?? null, gmm_rows: r ? gmmRows(r) : null} : {}),
    notes: r?.notes ?? [],
    warnings: r?.warnings ?? [],
    ...(run.error ? {error: run.error} : {})
  };
}

const YES = {en: "YES", zh: "是"};
const NO = {en: "NO", zh: "否"};
/** Region and outcome names in Chinese (the labels are English in the data). */
const REGION_ZH: Record<string, string> = {China: "中国", Zhejiang: "浙江", Wenzhou: "温州"};
/** A region or outcome label in the page's language. */
export function regionName(label: string): string {
  return pick({en: label, zh: REGION_ZH[label] ?? label});
}

/** Heading of the paper's column: Table 4 prints (1)-(4); Tables 5-7 print the region. */
function paperHeading(m: PaperModel): string {
  const region = regionName(m.dependent === "lnexport_wz" ? "Wenzhou" : "Zhejiang");
  return m.table === 4 ? `${m.column} ${region}` : region;
}

function oursHeading(run: ModelRun, outcomeLabel: string): string {
  const e = run.model.spec.estimator;
  const endo = (run.model.spec.gmm?.endogenous ?? []).length > 0 ? pick({en: ", DSTRI endogenous", zh: "，DSTRI 内生"}) : "";
  const how = (e === "gmm-diff" ? pick({en: ", difference GMM", zh: "，差分 GMM"}) : e === "gmm-sys" ? pick({en: ", system GMM", zh: "，系统 GMM"}) : "") + (e ? endo : "");
  return `${regionName(outcomeLabel)}${how}`;
}

/**
 * The comparison tables 4-7 for one outcome's runs. Each of our models sits right after the paper model it
 * mirrors (`paper_id`); a paper model is shown once even when two of ours mirror it (Table 7).
 */
export function comparisonTables(paper: PaperTables, runs: ModelRun[], outcomeLabel: string): ComparisonTable[] {
  const byId = new Map(paper.models.map((m) => [m.id, m]));
  const out: ComparisonTable[] = [];
  for (const table of [4, 5, 6, 7] as const) {
    const columns: Column[] = [];
    const shown = new Set<string>();
    for (const run of runs.filter((r) => r.model.table === table)) {
      const pm = byId.get(run.model.paper_id);
      if (pm && !shown.has(pm.id)) {
        columns.push(paperColumn(pm, paperHeading(pm)));
        shown.add(pm.id);
      }
      columns.push(oursColumn(run, oursHeading(run, outcomeLabel)));
    }
    if (!columns.length) continue;
    const present = new Set(columns.flatMap((c) => Object.keys(c.cells)));
    const rows = [...PAPER_ORDER.filter((t) => present.has(t)), ...[...present].filter((t) => !PAPER_ORDER.includes(t))];
    // The constant row stays even though our FE models absorb it: the paper prints one.
    out.push({table, rows, columns});
  }
  return out;
}

export interface Reading {
  /** Short verdicts, used as data attributes and in tests. */
  sign: "same" | "opposite" | "n/a";
  significance: "both" | "paper only" | "ours only" | "neither" | "n/a";
  /** Effect of one standard deviation of the key regressor, in log points: paper and ours. */
  sd_effect: {paper: number; ours: number} | null;
  sentences: string[];
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");

/**
 * What our estimate can and cannot rule out (issue 24): its 95% interval per standard deviation of our DSTRI, read
 * against the paper's effect in the same units, with the minimum detectable effect at 80% power
 * (src/lib/evidence/mde.ts); then the effect of the change that identifies the coefficient, one SD of the DSTRI
 * within partner and year (Mummolo & Peterson 2018; engine info.within_sd), beside the total SD used above.
 */
function intervalReading(r: Result, j: number, sdOurs: number, effPaper: number): string[] {
  const b = r.coef[j];
  const se = r.se[j];
  if (!(se > 0) || !Number.isFinite(sdOurs)) return [];
  const q = criticalValue(r.df_t);
  const lang = currentLang();
  const out = [
    intervalSentence({lo: (b - q * se) * sdOurs, hi: (b + q * se) * sdOurs, reference: effPaper, mde: minimumDetectableEffect(se, r.df_t) * sdOurs,
      unit: {en: `log points per SD of our DSTRI (${fmt(sdOurs)})`, zh: `对数点，按本复现 DSTRI 的一个标准差 ${fmt(sdOurs)} 计`}}, lang)
  ];
  const w = withinSd(r, r.terms[j]);
  if (w !== null) {
    out.push(pick({
      en: `With partner and year effects only changes within a partner identify the coefficient: the DSTRI's SD within partner and year is ${fmt(w)} (against ${fmt(sdOurs)} in total), so a typical within change goes with ${fmt(b * w)} log points (95% interval ${fmt((b - q * se) * w)} to ${fmt((b + q * se) * w)}).`,
      zh: `在伙伴和年份固定效应下，只有伙伴内部的变化识别该系数：DSTRI 在伙伴和年份之内的标准差为 ${fmt(w)}（总标准差为 ${fmt(sdOurs)}），因此一个典型的组内变化对应 ${fmt(b * w)} 个对数点（95% 区间 ${fmt((b - q * se) * w)} 至 ${fmt((b + q * se) * w)}）。`
    }));
  }
  return out;
}

/**
 * Plain-language reading of our key coefficient against the paper's: sign, size in comparable units and
 * significance. The DSTRI scales differ (the paper's runs 0.288-1.992, the OECD index 0-1), so sizes are
 * compared as the effect of one standard deviation, each with the standard deviation of its own Table 2.
 */
export function readDifference(
  paperModel: PaperModel,
  run: ModelRun,
  sd: {paper: number; ours: number},
  ourLabel: string
): Reading {
  const term = paperModel.key_regressor;
  const pc = paperModel.terms[term];
  const r = run.result;
  if (!r || !pc) {
    return {sign: "n/a", significance: "n/a", sd_effect: null, sentences: [run.error
      ? pick({en: `Our model could not be estimated: ${run.error}`, zh: `本复现的模型无法估计：${run.error}`})
      : pick({en: "No comparable coefficient.", zh: "没有可比的系数。"})]};
  }
  const key = keyTerm(run.model.spec);
  const j = r.terms.indexOf(key);
  const gmm = !!run.model.spec.estimator && run.model.spec.estimator !== "ols";
  // Issue 24: a model the engine says should not be read gets no sign, size or significance reading, only why.
  if (r.warnings?.length) {
    return {sign: "n/a", significance: "n/a", sd_effect: null, sentences: [
      unreadableSentence(r, key),
      ...(gmm ? [gmmInstrumentSentence(r, run.model.spec.y, key), gmmSampleSentence(r, paperModel.observations)] : [])
    ]};
  }
  const b = r.coef[j];
  const p = r.pvalue[j];
  const t = r.tstat[j];
  const sign = Math.sign(b) === Math.sign(pc.coef) ? "same" : "opposite";
  const paperSig = pc.stars > 0;
  const oursSig = p < 0.1;
  const significance = paperSig && oursSig ? "both" : paperSig ? "paper only" : oursSig ? "ours only" : "neither";
  const effPaper = pc.coef * sd.paper;
  const effOurs = b * sd.ours;
  const pct = (x: number) => `${(100 * (Math.exp(x) - 1)).toFixed(1)}%`;
  const zhLabel = regionName(ourLabel);
  const sigZh = oursSig ? (p < 0.01 ? "在 1% 水平上显著" : p < 0.05 ? "在 5% 水平上显著" : "在 10% 水平上显著") : "在 10% 水平上不显著";
  const sentences = [
    sign === "same"
      ? pick({en: `Same sign: the paper's ${term} coefficient is ${fmt(pc.coef)}, ours (${ourLabel}) is ${fmt(b)}.`,
        zh: `符号相同：原文 ${term} 的系数为 ${fmt(pc.coef)}，本复现（${zhLabel}）为 ${fmt(b)}。`})
      : pick({en: `Opposite sign: the paper's ${term} coefficient is ${fmt(pc.coef)}, ours (${ourLabel}) is ${fmt(b)}.`,
        zh: `符号相反：原文 ${term} 的系数为 ${fmt(pc.coef)}，本复现（${zhLabel}）为 ${fmt(b)}。`}),
    pick({en: `Per standard deviation of each DSTRI (paper ${fmt(sd.paper)}, ours ${fmt(sd.ours)}): ${fmt(effPaper)} log points of exports in the paper (${pct(effPaper)}), ${fmt(effOurs)} in ours (${pct(effOurs)}). A heuristic: it assumes the paper's index is a linear rescaling of the OECD one, which their moments do not support (the audit calls the mapping unverifiable).`,
      zh: `按各自 DSTRI 的一个标准差计（原文 ${fmt(sd.paper)}，本复现 ${fmt(sd.ours)}）：原文对应出口变动 ${fmt(effPaper)} 个对数点（${pct(effPaper)}），本复现为 ${fmt(effOurs)}（${pct(effOurs)}）。这只是粗略比较：它假设原文的指数是 OECD 指数的线性缩放，而两者的矩并不支持这一点（核查页称这种对应无法验证）。`}),
    ...intervalReading(r, j, sd.ours, effPaper),
    Number.isFinite(p)
      ? pick({en: `Significance: the paper prints t = ${pc.t.toFixed(2)} (${"*".repeat(pc.stars) || "no stars"}); ours is t = ${fmt(t, 2)}, p = ${fmt(p, 3)} with ${seLabel(run)} standard errors, ${oursSig ? (p < 0.01 ? "significant at 1%" : p < 0.05 ? "significant at 5%" : "significant at 10%") : "not significant at 10%"}.`,
        zh: `显著性：原文报告 t = ${pc.t.toFixed(2)}（${"*".repeat(pc.stars) || "无星号"}）；本复现采用${seLabel(run)}标准误，t = ${fmt(t, 2)}，p = ${fmt(p, 3)}，${sigZh}。`})
      : pick({en: `Significance: the paper prints t = ${pc.t.toFixed(2)}; our standard error could not be computed (see the notes).`,
        zh: `显著性：原文报告 t = ${pc.t.toFixed(2)}；本复现的标准误无法计算（见估计说明）。`}),
    ...(gmm
      ? [gmmDiagnosticSentence(r), gmmInstrumentSentence(r, run.model.spec.y, key), gmmSampleSentence(r, paperModel.observations)]
      : [pick({en: `Sample: the paper reports ${paperModel.observations} observations, ours has ${r.nobs} (${r.n_groups} partners).`,
        zh: `样本：原文报告 ${paperModel.observations} 个观测值，本复现为 ${r.nobs} 个（${r.n_groups} 个贸易伙伴）。`})])
  ];
  return {sign, significance, sd_effect: {paper: effPaper, ours: effOurs}, sentences};
}
