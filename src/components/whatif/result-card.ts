/**
 * The simulator's answer in words and numbers: the coefficient used (β, se, df), the score change Δ, the
 * implied change in predicted exports 100·(exp(β·Δ) − 1) % with its 95% interval, and the same in US$ at the
 * partner's latest observed exports. When the interval includes zero the card leads with "no detectable effect"
 * and the point estimate stands beside its interval at the same size (a null is not read as a loss or a gain). Each number carries its unrounded value in `data-value` and a
 * `data-testid`, so tests can recompute what is shown.
 */
import {pick} from "../../lib/i18n.js";
import {INDEX_STEP, whatIf, type Coefficient, type WhatIf} from "../../lib/whatif/predict.js";
import {pctText, usdText} from "./format.js";

export interface ResultCardInput {
  partnerName: string;
  scoreLabel: string;
  coef: Coefficient;
  w: WhatIf;
  currentYear: number;
  exportsYear: number | null;
  extrapolation: boolean;
  range: {min: number; max: number} | null;
  /**
   * Partners whose score changes in the model's estimation sample (engine `info.changing_ids`). Below
   * FEW_CHANGERS the coefficient rests on a handful of partners, its clustered interval cannot be trusted
   * (MacKinnon & Webb 2017), and the card shows no money figure (issue 24).
   */
  changingPartners?: number | null;
  partnersInSample?: number | null;
}

/** Fewer partners than this moving the score: no US$ figure, a plain statement instead. */
export const FEW_CHANGERS = 5;

/** "Overall DSTRI" -> "overall DSTRI" inside a sentence (acronyms keep their capitals). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** Typographic minus sign for display. */
const minus = (s: string) => s.replace("-", "−");

function num(testid: string, value: number, text: string): HTMLElement {
  const s = document.createElement("strong");
  s.dataset.testid = testid;
  s.dataset.value = String(value);
  s.textContent = text;
  return s;
}

export function resultCard(x: ResultCardInput): HTMLElement {
  const {coef, w} = x;
  const card = document.createElement("div");
  card.className = "whatif-result";
  card.dataset.testid = "whatif-result";

  const moved = Math.abs(w.delta) >= 1e-12;
  const fewChangers = x.changingPartners != null && x.changingPartners < FEW_CHANGERS;
  const spansZero = moved && w.pctLo <= 0 && w.pctHi >= 0;
  card.dataset.spansZero = String(spansZero);
  const big = document.createElement("div");
  big.className = "whatif-big";
  if (spansZero) {
    const verdict = document.createElement("p");
    verdict.className = "whatif-verdict";
    verdict.dataset.testid = "whatif-verdict";
    verdict.textContent = pick({en: "No detectable effect", zh: "未检测到影响"});
    big.append(verdict);
  }
  // The point estimate and its interval, at the same size: neither is the headline alone.
  const estimate = document.createElement("p");
  estimate.className = "whatif-estimate";
  estimate.append(
    pick({en: spansZero ? "Point estimate " : "Predicted change ", zh: spansZero ? "点估计 " : "预测变化 "}),
    num("whatif-pct", w.pct, moved ? pctText(w.pct) : "–"),
    pick({en: ", 95% interval ", zh: "，95% 区间 "}),
    num("whatif-pct-lo", w.pctLo, moved ? pctText(w.pctLo) : "–"),
    pick({en: " to ", zh: " 至 "}),
    num("whatif-pct-hi", w.pctHi, moved ? pctText(w.pctHi) : "–")
  );
  big.append(estimate);

  const sentence = document.createElement("p");
  const from = w.from.toFixed(2), to = w.to.toFixed(2);
  if (Math.abs(w.delta) < 1e-12) {
    sentence.textContent = pick({
      en: `Move the slider to change ${x.partnerName}'s ${lowerFirst(x.scoreLabel)} score from its current ${from}.`,
      zh: `拖动滑块，改变${x.partnerName}“${x.scoreLabel}”的得分（当前为 ${from}）。`
    });
  } else {
    sentence.append(
      pick({
        en: `Moving ${x.partnerName}'s ${lowerFirst(x.scoreLabel)} score from ${from} (${x.currentYear}) to ${to} `,
        zh: `将${x.partnerName}“${x.scoreLabel}”的得分从 ${from}（${x.currentYear} 年）调整为 ${to}`
      }),
      pick({en: "(Δ = ", zh: "（Δ = "}),
      num("whatif-delta", w.delta, (w.delta > 0 ? "+" : "−") + Math.abs(w.delta).toFixed(2)),
      ...(spansZero
        ? [
            pick({
              en: ") goes with no change in predicted Chinese exports to it that the data can tell apart from zero: the point estimate is ",
              zh: "），数据无法把中国对其出口预测值的变化与零区分开：点估计为 "
            }),
            num("whatif-pct-inline", w.pct, pctText(w.pct)),
            pick({
              en: `, but the 95% interval, ${pctText(w.pctLo)} to ${pctText(w.pctHi)}, includes no change at all`,
              zh: `，但 95% 区间 ${pctText(w.pctLo)} 至 ${pctText(w.pctHi)} 包含“没有变化”`
            })
          ]
        : [
            pick({en: ") goes with predicted Chinese exports to it changing by ", zh: "），对应中国对其出口的预测值变化 "}),
            num("whatif-pct-inline", w.pct, pctText(w.pct))
          ]),
      fewChangers
        ? pick({en: ".", zh: "。"})
        : Number.isFinite(w.usd)
        ? pick({
            en: `${spansZero ? " (as a point estimate, about" : ": about"} ${usdText(Math.abs(w.usd))} a year ${w.usd >= 0 ? "more" : "less"}, at the ${x.exportsYear} level of ${usdText(w.base)}${spansZero ? ")" : ""}.`,
            zh: spansZero
              ? `（点估计折合美元：按 ${x.exportsYear} 年出口额 ${usdText(w.base)} 计算，每年约${w.usd >= 0 ? "增加" : "减少"} ${usdText(Math.abs(w.usd))}）。`
              : `；按 ${x.exportsYear} 年出口额（${usdText(w.base)}）计算，每年约${w.usd >= 0 ? "增加" : "减少"} ${usdText(Math.abs(w.usd))}。`
          })
        : pick({en: ". (No observed exports to convert into US$.)", zh: "。（没有可用于换算美元的出口数据。）"})
    );
  }
  if (Math.abs(w.delta) < 1e-12) sentence.append(num("whatif-delta", 0, ""));

  const usd = document.createElement("p");
  usd.className = "muted";
  if (fewChangers) {
    usd.dataset.testid = "whatif-few-changers";
    const n = x.changingPartners!;
    const of = x.partnersInSample ? pick({en: ` of ${x.partnersInSample}`, zh: `（共 ${x.partnersInSample} 个）`}) : "";
    usd.append(
      pick({
        en: `Identified by ${n} partner${n === 1 ? "" : "s"}: only ${n}${of} partners' ${lowerFirst(x.scoreLabel)} score ever changes in the estimation sample, too few for the interval to be trusted, so no money figure is shown (the test to read for such an area is a permutation test: "inference" in dtb estimate).`,
        zh: `仅由 ${n} 个伙伴识别：在估计样本中，只有 ${n} 个伙伴${of}的\u201c${x.scoreLabel}\u201d得分发生过变化，太少，区间不可信，因此不显示美元金额（这类领域应看置换检验：dtb estimate 的 "inference" 选项）。`
      })
    );
  } else if (Number.isFinite(w.usd) && Math.abs(w.delta) > 1e-12) {
    usd.append(
      pick({en: "In US$: ", zh: "折合美元："}),
      num("whatif-usd", w.usd, usdText(w.usd, true)),
      pick({en: " (95% interval ", zh: "（95% 区间 "}),
      `${usdText(w.usdLo, true)} … ${usdText(w.usdHi, true)}`,
      pick({en: ").", zh: "）。"})
    );
  }

  const beta = document.createElement("p");
  beta.className = "whatif-beta-line";
  beta.append(
    pick({en: "Coefficient used: β = ", zh: "所用系数：β = "}),
    num("whatif-beta", coef.beta, coef.beta.toFixed(4)),
    pick({
      en: ` (standard error ${coef.se.toFixed(4)}; 95% interval ${minus(coef.lo.toFixed(3))} to ${minus(coef.hi.toFixed(3))}, t quantile ${coef.q.toFixed(3)} with ${coef.df ?? "∞"} df). `,
      zh: `（标准误 ${coef.se.toFixed(4)}；95% 区间 ${minus(coef.lo.toFixed(3))} 至 ${minus(coef.hi.toFixed(3))}，t 分布临界值 ${coef.q.toFixed(3)}，自由度 ${coef.df ?? "∞"}）。`
    }),
    pick({en: "Formula: % change = 100·(exp(β·Δ) − 1).", zh: "公式：变化率 = 100·(exp(β·Δ) − 1)。"})
  );

  // The effect of one step of the published index (issue 24), whatever the slider says.
  const step = whatIf(coef, 0, INDEX_STEP);
  const perStep = document.createElement("p");
  perStep.className = "whatif-step";
  perStep.append(
    pick({en: `Per step: a score higher by ${INDEX_STEP} (one step of the published index) goes with predicted exports `, zh: `每一步：得分提高 ${INDEX_STEP}（公布指数的一步），对应出口预测值变化 `}),
    num("whatif-step-pct", step.pct, pctText(step.pct)),
    pick({en: ` (95% interval ${pctText(step.pctLo)} to ${pctText(step.pctHi)}).`, zh: `（95% 区间 ${pctText(step.pctLo)} 至 ${pctText(step.pctHi)}）。`})
  );
  card.append(big, sentence, usd, perStep, beta);
  if (x.exportsYear != null && Number.isFinite(x.currentYear) && x.exportsYear !== x.currentYear) {
    const years = document.createElement("p");
    years.className = "whatif-years muted";
    years.dataset.testid = "whatif-year-mismatch";
    years.textContent = pick({
      en: `Note: the score is from ${x.currentYear} but the latest exports from ${x.exportsYear}; the US$ figure mixes the two years.`,
      zh: `注意：得分为 ${x.currentYear} 年数据，而最近的出口额为 ${x.exportsYear} 年数据；美元金额混合了两个年份。`
    });
    card.append(years);
  }
  if (x.extrapolation) {
    const warn = document.createElement("p");
    warn.className = "whatif-extrapolation";
    warn.dataset.testid = "whatif-extrapolation";
    const r = x.range;
    warn.textContent = pick({
      en: `Extrapolation: ${to} is outside the range this partner's score has actually taken (${r ? `${r.min.toFixed(2)}–${r.max.toFixed(2)}` : "none observed"}). The model has no data on such a change for this partner; treat the number as a straight-line projection only.`,
      zh: `外推提示：${to} 超出了该伙伴国该得分的实际取值范围（${r ? `${r.min.toFixed(2)}—${r.max.toFixed(2)}` : "无观测值"}）。模型没有该伙伴国此类变化的数据，此结果只是线性外推。`
    });
    card.append(warn);
  }
  return card;
}
