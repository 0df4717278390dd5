/**
 * The simulator's answer in words and numbers: the coefficient used (β, se, df), the score change Δ, the
 * implied change in predicted exports 100·(exp(β·Δ) − 1) % with its 95% interval, and the same in US$ at the
 * partner's latest observed exports. Each number carries its unrounded value in `data-value` and a
 * `data-testid`, so tests can recompute what is shown.
 */
import {pick} from "../../lib/i18n.js";
import type {Coefficient, WhatIf} from "../../lib/whatif/predict.js";
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
}

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

  const big = document.createElement("div");
  big.className = "whatif-big";
  big.append(num("whatif-pct", w.pct, pctText(w.pct)));
  const ci = document.createElement("span");
  ci.className = "whatif-ci";
  ci.append(
    pick({en: "95% interval ", zh: "95% 区间 "}),
    num("whatif-pct-lo", w.pctLo, pctText(w.pctLo)),
    pick({en: " to ", zh: " 至 "}),
    num("whatif-pct-hi", w.pctHi, pctText(w.pctHi))
  );
  big.append(ci);

  const sentence = document.createElement("p");
  const from = w.from.toFixed(2), to = w.to.toFixed(2);
  if (Math.abs(w.delta) < 1e-12) {
    sentence.textContent = pick({
      en: `Move the slider to change ${x.partnerName}'s ${x.scoreLabel.toLowerCase()} score from its current ${from}.`,
      zh: `拖动滑块，改变${x.partnerName}“${x.scoreLabel}”的得分（当前为 ${from}）。`
    });
  } else {
    sentence.append(
      pick({
        en: `Moving ${x.partnerName}'s ${x.scoreLabel.toLowerCase()} score from ${from} (${x.currentYear}) to ${to} `,
        zh: `将${x.partnerName}“${x.scoreLabel}”的得分从 ${from}（${x.currentYear} 年）调整为 ${to}`
      }),
      pick({en: "(Δ = ", zh: "（Δ = "}),
      num("whatif-delta", w.delta, (w.delta > 0 ? "+" : "−") + Math.abs(w.delta).toFixed(2)),
      pick({en: ") goes with predicted Chinese exports to it changing by ", zh: "），对应中国对其出口的预测值变化 "}),
      num("whatif-pct-inline", w.pct, pctText(w.pct)),
      Number.isFinite(w.usd)
        ? pick({
            en: `: about ${usdText(Math.abs(w.usd))} a year ${w.usd >= 0 ? "more" : "less"}, at the ${x.exportsYear} level of ${usdText(w.base)}.`,
            zh: `；按 ${x.exportsYear} 年出口额（${usdText(w.base)}）计算，每年约${w.usd >= 0 ? "增加" : "减少"} ${usdText(Math.abs(w.usd))}。`
          })
        : pick({en: ". (No observed exports to convert into US$.)", zh: "。（没有可用于换算美元的出口数据。）"})
    );
  }
  if (Math.abs(w.delta) < 1e-12) sentence.append(num("whatif-delta", 0, ""));

  const usd = document.createElement("p");
  usd.className = "muted";
  if (Number.isFinite(w.usd) && Math.abs(w.delta) > 1e-12) {
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
      zh: `（标准误 ${coef.se.toFixed(4)}；95% 区间 ${minus(coef.lo.toFixed(3))} 至 ${minus(coef.hi.toFixed(3))}，t 分位数 ${coef.q.toFixed(3)}，自由度 ${coef.df ?? "∞"}）。`
    }),
    pick({en: "Formula: % change = 100·(exp(β·Δ) − 1).", zh: "公式：变化率 = 100·(exp(β·Δ) − 1)。"})
  );

  card.append(big, sentence, usd, beta);
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
