/**
 * Web Worker of the replication page's slower extras (issue 24): the event study with its 42 leave-one-partner-out
 * re-estimates, and Table 7 with the DSTRI treated as endogenous (two GMM fits of ~0.2 s each), so the page's thread
 * never blocks on them. One engine: the same `eventStudy` and `estimate` as the CLI and the tests.
 */
import {estimate} from "../lib/engine/estimate.js";
import {eventStudy, type EventStudyResult, type EventStudySpec} from "../lib/engine/event-study.js";
import type {Frame, Result, Spec} from "../lib/engine/types.js";
import {serveTasks} from "../lib/worker/serve.js";

export type ReplicationTask = {kind: "event-study"; frame: Frame; spec: Spec; es: EventStudySpec} | {kind: "estimate"; frame: Frame; spec: Spec};

serveTasks<ReplicationTask, EventStudyResult | Result>((task, progress) => {
  progress(0, 1);
  const out = task.kind === "event-study" ? eventStudy(task.frame, task.spec, task.es) : estimate(task.frame, task.spec);
  progress(1, 1);
  return out;
});
