/**
 * An exercise whose answer never reaches a student's page: the question comes from the classroom worker
 * (src/workers/simulate-entry.ts), computed from the student's seed, and a typed answer is sent there to be
 * checked; only "right / wrong / not a number" comes back, with the tolerance shown. In teacher mode the worker
 * also returns the answer, and the discussion note (which may give the answer away) is built only then.
 * The box follows the student box as the name is typed: the question updates in place and the typed answer
 * stays.
 */
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import type {ExerciseReply, ExerciseTask} from "../../workers/simulate-entry.js";
import {checkPool} from "./pools.js";
import type {StudentBox} from "./student.js";

type Text = {en: string; zh: string};

export interface ExerciseOptions {
  workerUrl: string;
  student: StudentBox;
  teacher: boolean;
  /** Discussion note for the teacher (never in a student's page). */
  note: Text;
  /** The open panel, for the lesson whose answer is estimated on it. */
  frame?: Frame;
}

export function exercise(lesson: string, opts: ExerciseOptions): HTMLElement {
  const box = document.createElement("section");
  box.className = "cl-exercise";
  box.setAttribute("data-testid", "exercise");
  box.setAttribute("aria-label", pick({en: "Exercise", zh: "练习"}));
  const h = document.createElement("h2");
  h.textContent = pick({en: "Exercise", zh: "练习"});
  const seedLine = document.createElement("p");
  seedLine.className = "cl-exercise-seed";
  const p = document.createElement("p");
  p.setAttribute("data-testid", "exercise-question");
  p.textContent = pick({en: "Loading the question…", zh: "正在载入题目……"});
  const tol = document.createElement("p");
  tol.className = "cl-exercise-seed";
  tol.setAttribute("data-testid", "exercise-tolerance");
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
  box.append(h, seedLine, p, tol, form, feedback);
  const teacherBox = document.createElement("div");
  const ans = document.createElement("p");
  if (opts.teacher) {
    teacherBox.className = "cl-teacher-only";
    teacherBox.setAttribute("data-testid", "exercise-answer");
    const note = document.createElement("p");
    note.textContent = pick(opts.note);
    teacherBox.append(ans, note);
    box.append(teacherBox);
  }

  const pool = checkPool(opts.workerUrl);
  let asked = 0;
  const ask = (typed?: string) => {
    const id = ++asked;
    const seed = opts.student.value.seed;
    const task: ExerciseTask = {kind: "exercise", lesson, seed, typed, teacher: opts.teacher, frame: opts.frame};
    box.dataset.state = "asking";
    return pool.run<ExerciseTask, ExerciseReply>(task).then(
      (r) => {
        if (id !== asked) return null; // a newer name or answer has been sent since
        seedLine.textContent = pick({en: `Seed ${seed}`, zh: `随机种子 ${seed}`});
        p.textContent = pick(r.question);
        tol.textContent = pick(
          r.tolerance > 0
            ? {en: `Answers within ±${r.tolerance} of the exact value count as right.`, zh: `与精确值相差不超过 ±${r.tolerance} 即算正确。`}
            : {en: "The answer is a whole number: it must be exact.", zh: "答案是整数，必须完全正确。"}
        );
        if (opts.teacher && r.answer !== undefined) {
          ans.textContent = pick({en: `Answer: ${r.answer.toFixed(r.digits)} (accepted within ±${r.tolerance}).`, zh: `答案：${r.answer.toFixed(r.digits)}（误差 ±${r.tolerance} 以内算对）。`});
          teacherBox.setAttribute("data-value", String(r.answer));
        }
        box.dataset.state = "ready";
        box.dataset.seed = String(seed);
        return r;
      },
      (e: Error) => {
        if (id !== asked) return null;
        box.dataset.state = "error";
        feedback.textContent = pick({en: "The exercise could not be checked: ", zh: "无法检查练习：" }) + e.message;
        return null;
      }
    );
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void ask(input.value).then((r) => {
      if (!r?.result) return;
      feedback.dataset.result = r.result;
      feedback.textContent =
        r.result === "right"
          ? pick({en: "Right.", zh: "正确。"})
          : r.result === "invalid"
            ? pick({en: "Please enter a number (e.g. 0.25 or -1.5).", zh: "请输入一个数字（如 0.25 或 -1.5）。"})
            : pick({en: "Not yet: check your working and try again.", zh: "还不对：请检查计算过程后再试。"});
    });
  });
  // A new name: a new question, the typed answer kept; the old verdict no longer applies.
  opts.student.addEventListener("student", () => {
    delete feedback.dataset.result;
    feedback.textContent = "";
    void ask();
  });
  void ask();
  return box;
}
