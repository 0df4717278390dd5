/**
 * An exercise with its check in the page (no server): the question's numbers come from the student's seed,
 * the numeric answer is checked with a tolerance, the answer and the discussion note show in teacher mode
 * only (class `cl-teacher-only`, classroom.css) and on the teacher's printout.
 */
import {pick} from "../../lib/i18n.js";
import {createRng, type Rng} from "../../lib/random/rng.js";
import {checkAnswer} from "../../lib/simulate/exercise.js";

type Text = {en: string; zh: string};

export interface ExerciseDef {
  /** Builds the question from the student's generator: its text, the exact answer, the tolerance. */
  make(rng: Rng): {question: Text; answer: number; tolerance: number; digits: number};
  note: Text;
}

export function exercise(def: ExerciseDef, seed: number): HTMLElement {
  const q = def.make(createRng(seed));
  const box = document.createElement("section");
  box.className = "cl-exercise";
  box.setAttribute("data-testid", "exercise");
  box.setAttribute("aria-label", pick({en: "Exercise", zh: "练习"}));
  const h = document.createElement("h2");
  h.textContent = pick({en: "Exercise", zh: "练习"});
  const p = document.createElement("p");
  p.textContent = pick(q.question);
  const seedLine = document.createElement("p");
  seedLine.className = "cl-exercise-seed";
  seedLine.textContent = pick({en: `Seed ${seed}`, zh: `随机种子 ${seed}`});
  const form = document.createElement("form");
  form.className = "cl-answer cl-controls";
  const label = document.createElement("label");
  const ls = document.createElement("span");
  ls.textContent = pick({en: "Your answer", zh: "你的答案"});
  const input = document.createElement("input");
  input.type = "text";
  input.inputMode = "decimal";
  input.name = "answer";
  label.append(ls, input);
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = pick({en: "Check", zh: "检查"});
  const feedback = document.createElement("p");
  feedback.className = "cl-feedback";
  feedback.setAttribute("role", "status");
  feedback.setAttribute("data-testid", "exercise-feedback");
  form.append(label, button);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const r = checkAnswer(input.value, q.answer, q.tolerance);
    feedback.dataset.result = r;
    feedback.textContent =
      r === "right"
        ? pick({en: "Right.", zh: "正确。"})
        : r === "invalid"
          ? pick({en: "Please enter a number (e.g. 0.25 or -1.5).", zh: "请输入一个数字（如 0.25 或 -1.5）。"})
          : pick({en: "Not yet: check your working and try again.", zh: "还不对：请检查计算过程后再试。"});
  });
  const teacher = document.createElement("div");
  teacher.className = "cl-teacher-only";
  teacher.setAttribute("data-testid", "exercise-answer");
  teacher.setAttribute("data-value", String(q.answer));
  const ans = document.createElement("p");
  ans.textContent = pick({en: `Answer: ${q.answer.toFixed(q.digits)} (accepted within ±${q.tolerance}).`, zh: `答案：${q.answer.toFixed(q.digits)}（误差 ±${q.tolerance} 以内算对）。`});
  const note = document.createElement("p");
  note.textContent = pick(def.note);
  teacher.append(ans, note);
  box.append(h, seedLine, p, form, feedback, teacher);
  return box;
}
