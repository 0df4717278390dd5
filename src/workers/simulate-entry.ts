/**
 * Web Worker of the classroom: (1) runs replications [from, to) of a lab (src/lib/simulate/run.ts) and reports
 * progress; the page sends small batches and merges them in replication order, so the numbers equal
 * `dtb simulate` for the seed; (2) checks a student's typed answer to a lesson's exercise. The answer is
 * computed here, from the student's seed, and only "right / wrong / invalid" goes back to a student's page
 * (the answer itself only in teacher mode), so the student page never holds it.
 */
import type {Frame} from "../lib/engine/types.js";
import {checkAnswer} from "../lib/simulate/exercise.js";
import {exerciseFor} from "../lib/simulate/exercises.js";
import {repSeeds, simulateReps, type LabDraws} from "../lib/simulate/run.js";
import type {LabName, Params} from "../lib/simulate/labs.js";
import {serveTasks} from "../lib/worker/serve.js";

export interface SimulateTask {
  kind?: "simulate";
  lab: LabName;
  params: Params;
  reps: number;
  seed: number;
  from: number;
  to: number;
}

export interface ExerciseTask {
  kind: "exercise";
  lesson: string;
  seed: number;
  /** The student's typed answer, to check (absent: only the question). */
  typed?: string;
  /** Teacher mode: the reply carries the answer. */
  teacher: boolean;
  /** The open panel, for lesson 2 (its answer is an estimate on it). */
  frame?: Frame;
}

export interface ExerciseReply {
  question: {en: string; zh: string};
  tolerance: number;
  digits: number;
  result?: "right" | "wrong" | "invalid";
  answer?: number;
}

/** One exercise task: the question, the check of `typed`, and the answer only when `teacher`. */
export function handleExercise(task: ExerciseTask): ExerciseReply {
  const ex = exerciseFor(task.lesson, task.seed, {frame: task.frame});
  const reply: ExerciseReply = {question: ex.question, tolerance: ex.tolerance, digits: ex.digits};
  if (task.typed !== undefined) reply.result = checkAnswer(task.typed, ex.answer, ex.tolerance);
  if (task.teacher) reply.answer = ex.answer;
  return reply;
}

if (typeof self !== "undefined" && typeof (self as any).postMessage === "function" && typeof window === "undefined") {
  serveTasks<SimulateTask | ExerciseTask, {draws: LabDraws; ms: number} | ExerciseReply>((task, progress) => {
    if (task.kind === "exercise") return handleExercise(task);
    const t0 = performance.now();
    // Seeds up to `to` only: repSeeds draws them in order, so the prefix is the same as for all `reps`.
    const draws = simulateReps(task.lab, task.params, repSeeds(task.seed, task.to), task.from, task.to, progress);
    return {draws, ms: performance.now() - t0};
  });
}
