/**
 * The home page's reading of its chart, computed from the same changes (issue 24: say only what the evidence
 * supports). The long-difference slope of export growth on the DSTRI change, with its classical 95% interval
 * (OLS of y on x with an intercept: se = sqrt(SSR / (n - 2) / Sxx), t with n - 2 df, as R's `confint(lm(y ~ x))`),
 * read per 0.1 of the index as a percentage change, 100 (exp(0.1 b) - 1). When the interval spans zero the sentence
 * says the estimate is imprecise (it holds both no effect and sizeable ones), never that the link is "weak".
 * Example: slopeInterval([0, .02, -.04, .1, .05, 0, .03], [.1, .3, -.2, .15, .4, .05, -.1]) -> slope 2.555,
 * se 1.791, ci [-2.049, 7.159] (R lm/confint).
 */
import {criticalValue} from "../engine/tdist.js";
import type {Changes} from "./changes.js";

export interface SlopeInterval {
  slope: number;
  se: number;
  lo: number;
  hi: number;
  n: number;
}

export function slopeInterval(x: number[], y: number[]): SlopeInterval {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  // A constant x (up to rounding in its mean) identifies no slope.
  const sx2 = x.reduce((a, v) => a + v * v, 0);
  const slope = sxx > 1e-24 * sx2 && sxx > 0 ? sxy / sxx : NaN;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (y[i] - my - slope * (x[i] - mx)) ** 2;
  const se = n > 2 && Number.isFinite(slope) ? Math.sqrt(ssr / (n - 2) / sxx) : NaN;
  const c = criticalValue(n - 2);
  return {slope, se, lo: slope - c * se, hi: slope + c * se, n};
}

const pct = (b: number) => 100 * (Math.exp(0.1 * b) - 1);
const fmt = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toFixed(0)}%`;

/** The sentence in both languages; null when the slope cannot be computed. */
export function slopeSentence(c: Changes): {en: string; zh: string} | null {
  const s = slopeInterval(c.points.map((p) => p.dDstri), c.points.map((p) => p.dLnExport));
  if (!Number.isFinite(s.se)) return null;
  const [p, lo, hi] = [pct(s.slope), pct(s.lo), pct(s.hi)];
  const spansZero = s.lo <= 0 && s.hi >= 0;
  const range = `${fmt(lo)} to ${fmt(hi)}`;
  const rangeZh = `${fmt(lo)} 至 ${fmt(hi)}`;
  if (spansZero) {
    return {
      en: `With China-wide exports, the public figures available here, a partner whose DSTRI rose by 0.1 saw its exports from China change by ${fmt(p)} over ${c.from}-${c.to} (95% interval ${range}, ${s.n} partners): an imprecise estimate, which holds both no effect and sizeable ones.`,
      zh: `用这里能获得的公开数据（全国层面的中国出口）来看，${c.from}–${c.to} 年间 DSTRI 每上升 0.1，中国对该伙伴的出口变化 ${fmt(p)}（95% 区间 ${rangeZh}，${s.n} 个伙伴）：这是不精确的估计，既容纳\u201c没有影响\u201d，也容纳相当大的影响。`
    };
  }
  return {
    en: `With China-wide exports, the public figures available here, a partner whose DSTRI rose by 0.1 saw its exports from China change by ${fmt(p)} over ${c.from}-${c.to} (95% interval ${range}, ${s.n} partners).`,
    zh: `用这里能获得的公开数据（全国层面的中国出口）来看，${c.from}–${c.to} 年间 DSTRI 每上升 0.1，中国对该伙伴的出口变化 ${fmt(p)}（95% 区间 ${rangeZh}，${s.n} 个伙伴）。`
  };
}
