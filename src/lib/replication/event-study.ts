/**
 * The replication page's event study of the DSTRI's changes (issue 24, point 8): the spec it runs (Table 4(2)'s
 * controls, partner and year effects, SE clustered by partner; window 3 leads and 2 lags with binned endpoints,
 * engine/event-study.ts after Schmidheiny & Siegloch 2023), the rows the chart draws, and a plain-words reading that
 * says what the estimates can and cannot show. Pure: the page runs `eventStudy` in a worker and renders these.
 */
import type {EventStudyResult, EventStudySpec} from "../engine/event-study.js";
import type {Spec} from "../engine/types.js";
import {pick} from "../i18n.js";
import {CONTROLS, type Outcome} from "./models.js";

/** The window: j = -3 (binned: all changes 3 or more years ahead) to +2 (binned: 2 or more years ago); -1 = 0. */
export const EVENT_WINDOW = {leads: 3, lags: 2} as const;

/** One step of the published index (it is rounded to 0.01; area changes move in steps of 0.02). */
export const DSTRI_STEP = 0.02;

/** The model and window the page estimates for one outcome. */
export function eventStudyTask(outcome: Outcome): {spec: Spec; es: EventStudySpec} {
  return {
    spec: {id: "iso3", time: "year", y: outcome.column, x: [...CONTROLS], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}},
    es: {term: "dstri", ...EVENT_WINDOW, leave_one_out: true}
  };
}

export interface EventRow {
  j: number;
  coef: number;
  lo: number;
  hi: number;
  /** "estimate" | "reference" (j = -1, fixed at 0) | "loo" (one partner left out). */
  kind: "estimate" | "reference" | "loo";
  /** For "loo": the partner left out. */
  left_out?: string;
}

/** The chart's rows: the estimates with 95% intervals, the reference at -1, and every leave-one-out coefficient. */
export function eventRows(r: EventStudyResult): EventRow[] {
  const rows: EventRow[] = r.event_time.map((j, k) => ({j, coef: r.coef[k], lo: r.ci95[k][0], hi: r.ci95[k][1], kind: j === -1 ? "reference" : "estimate"}));
  for (const o of r.leave_one_out ?? []) {
    o.coef.forEach((c, k) => {
      if (c !== null && Number.isFinite(c) && r.event_time[k] !== -1) rows.push({j: r.event_time[k], coef: c, lo: c, hi: c, kind: "loo", left_out: String(o.id)});
    });
  }
  return rows;
}

const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const fmtP = (p: number) => (Number.isFinite(p) ? (p < 0.001 ? "< 0.001" : p.toFixed(3)) : "–");

/** Leave-one-out range of the coefficient at event time j, and the partner whose removal moves it most. */
export function leaveOneOutRange(r: EventStudyResult, j: number): {min: number; max: number; most: string | null; n: number} | null {
  const k = r.event_time.indexOf(j);
  const full = r.coef[k];
  const vals = (r.leave_one_out ?? []).map((o) => ({id: String(o.id), c: o.coef[k]})).filter((o): o is {id: string; c: number} => o.c !== null && Number.isFinite(o.c));
  if (!vals.length) return null;
  let most = vals[0];
  for (const v of vals) if (Math.abs(v.c - full) > Math.abs(most.c - full)) most = v;
  return {min: Math.min(...vals.map((v) => v.c)), max: Math.max(...vals.map((v) => v.c)), most: most.id, n: vals.length};
}

/**
 * The reading, in the page's language: the pre-trend test (and that a large p is not proof of parallel trends when
 * the intervals are wide), the effect at the change (j = 0) per one 0.02 step of the index, whether any
 * post-change interval excludes zero, and how far leaving out one partner moves the j = 0 estimate.
 */
export function eventReading(r: EventStudyResult): string[] {
  const pt = r.pretrend;
  const k0 = r.event_time.indexOf(0);
  const b0 = r.coef[k0];
  const [lo0, hi0] = r.ci95[k0];
  const post = r.event_time.map((j, k) => ({j, k})).filter((e) => e.j >= 0 && Number.isFinite(r.coef[e.k]));
  const excl = post.filter((e) => r.ci95[e.k][0] > 0 || r.ci95[e.k][1] < 0).map((e) => e.j);
  const pre = r.event_time.map((j, k) => ({j, k})).filter((e) => e.j <= -2);
  const widest = Math.max(...pre.map((e) => r.ci95[e.k][1] - r.ci95[e.k][0]));
  const s = DSTRI_STEP;
  const out = [
    pick({
      en: `Pre-trend test (event times ${pre.map((e) => e.j).join(" and ")} jointly zero): F(${pt.df1}, ${pt.df2}) = ${fmt(pt.f)}, p = ${fmtP(pt.p_f)}. ${pt.p_f < 0.05 ? "Exports already moved before the DSTRI changed: the design's parallel-trends assumption is rejected." : `No evidence that exports moved before the DSTRI changed, but the lead intervals are up to ${fmt(widest)} log points wide, so the test could miss sizeable pre-trends: a large p is not proof of parallel trends.`}`,
      zh: `事前趋势检验（事件时间 ${pre.map((e) => e.j).join(" 与 ")} 的系数联合为零）：F(${pt.df1}, ${pt.df2}) = ${fmt(pt.f)}，p = ${fmtP(pt.p_f)}。${pt.p_f < 0.05 ? "DSTRI 变化之前出口已经在变：该设计的平行趋势假设被拒绝。" : `没有证据表明出口在 DSTRI 变化之前已有变动，但提前期的区间宽达 ${fmt(widest)} 个对数点，检验可能漏掉相当大的事前趋势：p 值大并不证明趋势平行。`}`
    }),
    pick({
      en: `In the year of a change: ${fmt(b0)} log points per unit of the index (95% interval ${fmt(lo0)} to ${fmt(hi0)}), i.e. ${fmt(b0 * s, 4)} per 0.02 step, the smallest change the published index records (interval ${fmt(lo0 * s, 3)} to ${fmt(hi0 * s, 3)}).`,
      zh: `变化当年：指数每变动一个单位对应 ${fmt(b0)} 个对数点（95% 区间 ${fmt(lo0)} 至 ${fmt(hi0)}），即每 0.02 一档（公布指数记录的最小变动）对应 ${fmt(b0 * s, 4)}（区间 ${fmt(lo0 * s, 3)} 至 ${fmt(hi0 * s, 3)}）。`
    }),
    excl.length
      ? pick({
          en: `The interval excludes zero at event time ${excl.join(", ")} only; with ${post.length} post-change coefficients, one such interval in twenty is expected by chance alone.`,
          zh: `只有事件时间 ${excl.join("、")} 的区间不含零；共有 ${post.length} 个变化后的系数，纯属偶然也会有约二十分之一的区间不含零。`
        })
      : pick({
          en: `Every interval after a change includes zero: these data cannot tell an effect of the DSTRI's changes from none. That is imprecision, not evidence of no effect.`,
          zh: `变化之后的每个区间都包含零：这些数据无法区分 DSTRI 变化的效应与零效应。这是估计不精确，而不是“没有效应”的证据。`
        })
  ];
  const loo = leaveOneOutRange(r, 0);
  if (loo) {
    out.push(pick({
      en: `Leaving out one partner at a time (${loo.n} re-estimates), the year-of-change coefficient ranges from ${fmt(loo.min)} to ${fmt(loo.max)}; ${loo.most} moves it most. A range that is wide against the interval means a few partners' changes carry the estimate.`,
      zh: `每次去掉一个伙伴重新估计（共 ${loo.n} 次），变化当年的系数介于 ${fmt(loo.min)} 与 ${fmt(loo.max)} 之间；去掉 ${loo.most} 时变动最大。若这一范围相对区间很宽，说明估计主要由少数伙伴的变化决定。`
    }));
  }
  return out;
}
