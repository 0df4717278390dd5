/**
 * Messages between a page and one of the project's Web Workers. Shared by the pool (page side) and
 * `serveTasks` (worker side), so both agree on the shape.
 *
 *   page -> worker  {id, task}
 *   worker -> page  {id, type: "progress", done, total}   any number of times
 *                   {id, type: "result", value}            once, or
 *                   {id, type: "error", message}           once (a one-line message)
 */
export type ToWorker<T = unknown> = {id: number; task: T};
export type FromWorker<R = unknown> =
  | {id: number; type: "progress"; done: number; total: number}
  | {id: number; type: "result"; value: R}
  | {id: number; type: "error"; message: string};

export interface Progress {
  done: number;
  total: number;
  /** Milliseconds since the task (or the whole map) started. */
  elapsedMs: number;
}
