/**
 * Web Worker of the pages' randomization inference (src/lib/engine/randomization.ts): estimates one spec with an
 * `inference` key off the page's thread, with progress, and returns the permutation test. The page cancels it by
 * terminating the worker (src/lib/worker/pool.ts). Bundled by src/workers/randomization.js.ts.
 */
import {randomizationInference} from "../lib/engine/randomization.js";
import type {Frame, RandomizationResult, RandomizationSpec, Spec} from "../lib/engine/types.js";
import {serveTasks} from "../lib/worker/serve.js";

export interface RandomizationTask {
  frame: Frame;
  spec: Spec;
  inference: RandomizationSpec;
}

serveTasks<RandomizationTask, {randomization: RandomizationResult; ms: number}>((task, progress) => {
  const t0 = performance.now();
  const randomization = randomizationInference(task.frame, task.spec, task.inference, {onProgress: progress});
  return {randomization, ms: performance.now() - t0};
});
