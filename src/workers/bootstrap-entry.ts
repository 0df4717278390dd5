/**
 * Web Worker of the explorer's wild cluster bootstrap: estimates the spec (OLS with a `bootstrap` key) off the
 * page's thread and returns the bootstrap part (src/lib/engine/wild-bootstrap.ts), so the page never blocks.
 */
import {estimate} from "../lib/engine/estimate.js";
import type {BootstrapResult, Frame, Spec} from "../lib/engine/types.js";
import {serveTasks} from "../lib/worker/serve.js";

export interface BootstrapTask {
  frame: Frame;
  spec: Spec;
}

serveTasks<BootstrapTask, {bootstrap: BootstrapResult; ms: number}>((task, progress) => {
  const t0 = performance.now();
  progress(0, 1);
  const r = estimate(task.frame, task.spec);
  progress(1, 1);
  return {bootstrap: r.bootstrap as BootstrapResult, ms: performance.now() - t0};
});
