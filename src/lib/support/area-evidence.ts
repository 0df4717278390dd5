/**
 * What the open data say about one DSTRI area, as the support page shows it beside the area (issue 24): the
 * association of one 0.02 step of the area's contribution to the index (the smallest change the published index
 * records) with China's exports, its 95% interval, how many partners' score changed, and the caveats (China's
 * exports stand in for Zhejiang's; an area moved in fewer than 5 partners is identified by those few, and clustered
 * intervals are then too narrow). Pure: numbers from /data/support-evidence.json (the mechanism page's area models).
 */
import type {Bilingual} from "./vocabulary.js";

export interface AreaEvidenceInput {
  area: string;
  beta: number;
  lo: number;
  hi: number;
  pvalue: number;
  movers: number;
  partners: number;
  years?: number[] | string;
}

/** One step of the published index (rounded to 0.01; area contributions move by 0.02). */
export const AREA_STEP = 0.02;
/** Below this many changing partners an area's clustered interval is not to be trusted (MacKinnon & Webb 2017). */
export const FEW_MOVERS = 5;

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3).replace("-", "−") : "–");

export interface AreaEvidenceSummary {
  step: number;
  estimate: number;
  lo: number;
  hi: number;
  movers: number;
  partners: number;
  few: boolean;
  text: Bilingual;
}

/**
 * Example: beta −8.32, interval −15.9 to −0.7, 3 of 42 partners -> estimate −0.166 per 0.02 step, few = true, text
 * saying the area is identified by 3 partners.
 */
export function areaEvidenceSummary(e: AreaEvidenceInput): AreaEvidenceSummary {
  const s = AREA_STEP;
  const est = e.beta * s;
  const lo = e.lo * s;
  const hi = e.hi * s;
  const few = e.movers < FEW_MOVERS;
  const spans = lo <= 0 && hi >= 0;
  const en =
    `On the open data, one ${s} step of this area's contribution to a partner's DSTRI goes with ${f(est)} log points of China's exports to it (95% interval ${f(lo)} to ${f(hi)}${spans ? ", which includes zero: imprecise, not evidence of no link" : ""}). ` +
    `The score changed in ${e.movers} of ${e.partners} partners.` +
    (few ? ` Identified by only ${e.movers} partners: with so few changing partners clustered intervals are far too narrow, so read this as a description of those partners, not as evidence.` : "") +
    ` An association, not an effect; China's exports stand in for Zhejiang's, whose series are not public.`;
  const zh =
    `在公开数据上，该领域对伙伴国 DSTRI 的贡献每升高 ${s}，中国对其出口相应变动 ${f(est)} 个对数点（95% 区间 ${f(lo)} 至 ${f(hi)}${spans ? "，包含零：说明估计不精确，而非证明没有关系" : ""}）。` +
    `该项得分只在 ${e.partners} 个伙伴国中的 ${e.movers} 个有变化。` +
    (few ? `仅由 ${e.movers} 个伙伴国识别：有变化的伙伴这么少时，聚类区间严重偏窄，因此只能把它看作对这几个伙伴的描述，而不是证据。` : "") +
    `这是相关关系，不是因果效应；中国的出口只是浙江出口的替代，后者没有公开数据。`;
  return {step: s, estimate: est, lo, hi, movers: e.movers, partners: e.partners, few, text: {en, zh}};
}
