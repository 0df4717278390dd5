/**
 * Web Worker of the classroom labs: runs replications [from, to) of a lab (src/lib/simulate/run.ts) and
 * reports progress. The page merges the chunks in order, so the numbers equal `dtb simulate` for the seed.
 */
import {repSeeds, simulateReps, type LabDraws} from "../lib/simulate/run.js";
import type {LabName, Params} from "../lib/simulate/labs.js";
import {serveTasks} from "../lib/worker/serve.js";

export interface SimulateTask {
  lab: LabName;
  params: Params;
  reps: number;
  seed: number;
  from: number;
  to: number;
}

serveTasks<SimulateTask, {draws: LabDraws; ms: number}>((task, progress) => {
  const t0 = performance.now();
  const draws = simulateReps(task.lab, task.params, repSeeds(task.seed, task.reps), task.from, task.to, progress);
  return {draws, ms: performance.now() - t0};
});
