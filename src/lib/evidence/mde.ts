/**
 * What an estimate can and cannot rule out: the minimum detectable effect and where a reference value (the paper's
 * estimate) falls against our interval. "Not significant" alone reads an imprecise estimate as a verdict; these
 * numbers say how large an effect the data could have detected.
 *
 * Minimum detectable effect (Bloom 1995, "Minimum detectable effects: a simple way to report the statistical power
 * of experimental designs", Evaluation Review 19(5)): the true effect that a two-sided test at level alpha detects
 * with probability `power`,
 *   MDE = (t_{1 - alpha/2, df} + t_{power, df}) x SE,
 * about 2.8 x SE at alpha = 0.05, power = 0.8 and many degrees of freedom (1.960 + 0.842). With G clusters df = G - 1.
 * Example: `minimumDetectableEffect(0.4251, 41)` ~ 1.220 (R: `qt(0.975, 41) + qt(0.8, 41)` = 2.870).
 */
import {criticalValue} from "../engine/tdist.js";

export function minimumDetectableEffect(se: number, df: number | null, alpha = 0.05, power = 0.8): number {
  if (!(se > 0) || !Number.isFinite(se)) return NaN;
  // criticalValue(df, level) = t_{1 - (1 - level)/2}: level 1 - alpha gives t_{1-alpha/2}; level 2 power - 1 gives t_power.
  return (criticalValue(df, 1 - alpha) + criticalValue(df, 2 * power - 1)) * se;
}

export interface IntervalReading {
  /** The reference lies inside [lo, hi]: the data cannot reject it. */
  referenceInside: boolean;
  /** The interval excludes zero. */
  excludesZero: boolean;
  /** The interval is narrow enough to rule out effects of the reference's size on both sides of zero. */
  rulesOutReferenceSize: boolean;
}

/**
 * Reads a 95% interval against a reference value (e.g. the paper's estimate in our units).
 * Example: interval [-0.079, 0.066], reference -0.073 -> inside, does not exclude zero, does not rule out the size.
 */
export function readInterval(lo: number, hi: number, reference: number): IntervalReading {
  const size = Math.abs(reference);
  return {
    referenceInside: lo <= reference && reference <= hi,
    excludesZero: lo > 0 || hi < 0,
    rulesOutReferenceSize: lo > -size && hi < size
  };
}

/**
 * One sentence in the reader's language that never lets "not significant" stand alone: the interval, whether the
 * reference is inside it, and the minimum detectable effect. `unit` names what one unit of the coefficient is.
 * Example (en): "95% interval -0.079 to 0.066 per 0.084 of the index; the paper's -0.073 lies inside it, so the open
 * data cannot reject it; only effects of about 0.10 or more would have been detected (80% power): imprecise, not
 * evidence of no effect."
 */
export function intervalSentence(
  r: {lo: number; hi: number; reference: number; mde: number; unit: {en: string; zh: string}; digits?: number},
  lang: "en" | "zh"
): string {
  const d = r.digits ?? 3;
  const f = (v: number) => (Object.is(Math.round(v * 10 ** d) / 10 ** d, -0) ? 0 : v).toFixed(d);
  const read = readInterval(r.lo, r.hi, r.reference);
  if (lang === "zh") {
    const inside = read.referenceInside ? `原文的 ${f(r.reference)} 落在区间之内，开放数据无法拒绝它` : `原文的 ${f(r.reference)} 落在区间之外，开放数据与之不符`;
    const tail = read.excludesZero ? "区间不含零。" : read.rulesOutReferenceSize ? "区间足够窄，可以排除原文那样大小的效应。" : "这是估计不精确，而不是\u201c没有效应\u201d的证据。";
    return `95% 区间为 ${f(r.lo)} 至 ${f(r.hi)}（${r.unit.zh}）；${inside}；只有约 ${f(r.mde)} 或更大的效应才能被检测到（检验功效 80%）。${tail}`;
  }
  const inside = read.referenceInside ? `the paper's ${f(r.reference)} lies inside it, so the open data cannot reject it` : `the paper's ${f(r.reference)} lies outside it, so the open data disagree with it`;
  const tail = read.excludesZero ? "The interval excludes zero." : read.rulesOutReferenceSize ? "The interval is narrow enough to rule out an effect of the paper's size." : "This is imprecision, not evidence of no effect.";
  return `95% interval ${f(r.lo)} to ${f(r.hi)} ${r.unit.en}; ${inside}; only effects of about ${f(r.mde)} or more would have been detected (80% power). ${tail}`;
}
