/**
 * Small parts of a lab panel: the note listing link values that could not be used (as the multiverse page
 * lists them), and the "predict first" box: the student types a guess, Run locks it, and the result is shown
 * against it.
 */
import {pick} from "../../lib/i18n.js";
import {parseAnswer} from "../../lib/simulate/exercise.js";
import type {LabResult} from "../../lib/simulate/run.js";
import type {LinkNote} from "../../lib/simulate/url-state.js";
import {estimatorLabel, vcovLabel} from "./labels.js";

type Text = {en: string; zh: string};

/** A visible note: "rho=1: outside −0.95…0.95; 0.5 used instead." per value. */
export function linkNotes(notes: LinkNote[]): HTMLElement {
  const box = document.createElement("div");
  box.className = "cl-link-notes";
  box.setAttribute("role", "note");
  box.setAttribute("data-testid", "lab-link-notes");
  const p = document.createElement("p");
  p.textContent = pick({en: "Some values in the address could not be used; the lab starts from its defaults for these:", zh: "地址中的部分数值无法使用，以下参数改用默认值："});
  const ul = document.createElement("ul");
  for (const n of notes) {
    const li = document.createElement("li");
    li.dataset.key = n.key;
    li.textContent = pick({en: `${n.key}=${n.given}: ${n.why.en}; ${n.used} used instead.`, zh: `${n.key}=${n.given}：${n.why.zh}；改用 ${n.used}。`});
    ul.append(li);
  }
  box.append(p, ul);
  return box;
}

export interface Prediction {
  estimator: string;
  /** "mean": the estimator's mean; "coverage": its coverage with `vcov`, in percent. */
  what: "mean" | "coverage";
  vcov?: "iid" | "hetero" | "cluster";
}

function questionOf(p: Prediction): Text {
  const e = {en: estimatorLabel(p.estimator), zh: estimatorLabel(p.estimator)};
  return p.what === "mean"
    ? {en: `Predict first: the average ${e.en} estimate`, zh: `先预测：${e.zh}估计值的平均值`}
    : {en: `Predict first: how often (%) the ${vcovLabel(p.vcov!)} 95% interval of ${e.en} covers the truth`, zh: `先预测：${e.zh}的${vcovLabel(p.vcov!)}95%置信区间覆盖真实值的比例（%）`};
}

export function predictBox(p: Prediction) {
  const label = document.createElement("label");
  label.className = "cl-number cl-predict";
  const span = document.createElement("span");
  span.textContent = pick(questionOf(p));
  const input = document.createElement("input");
  input.type = "text";
  input.inputMode = "decimal";
  input.name = "predict";
  input.placeholder = pick({en: "your guess", zh: "你的猜测"});
  label.append(span, input);
  const value = (r: LabResult): number | undefined => {
    const s = r.estimators[p.estimator];
    if (!s) return undefined;
    return p.what === "mean" ? s.mean : s.coverage?.[p.vcov!] !== undefined ? 100 * s.coverage[p.vcov!]! : undefined;
  };
  return {
    element: label,
    /** Locks the guess for the run; null when none (or not a number) was typed. */
    commit(): number | null {
      const g = parseAnswer(input.value);
      if (!Number.isFinite(g)) return null;
      input.readOnly = true;
      return g;
    },
    release() {
      input.readOnly = false;
    },
    hasGuess(): boolean {
      return Number.isFinite(parseAnswer(input.value));
    },
    focus() {
      input.focus();
    },
    verdict(guess: number, r: LabResult): string {
      const v = value(r);
      if (v === undefined || !Number.isFinite(v)) return pick({en: `You predicted ${guess}; the simulation has no value for it (every replication failed).`, zh: `你预测为 ${guess}；模拟没有给出该值（全部重复失败）。`});
      const unit = p.what === "coverage" ? "%" : "";
      const shown = p.what === "coverage" ? v.toFixed(1) : v.toFixed(3);
      return pick({en: `You predicted ${guess}${unit}; the simulation gives ${shown}${unit}.`, zh: `你的预测：${guess}${unit}；模拟结果：${shown}${unit}。`});
    }
  };
}
