/**
 * Worker side of the pool: call once in a worker entry module with the function that does one task.
 *
 *   // src/workers/multiverse-entry.ts
 *   import {serveTasks} from "../lib/worker/serve.js";
 *   serveTasks(async (task, progress) => { ...; progress(done, total); return result; });
 *
 * `progress` is throttled to one message per 50 ms (plus the last), so a tight loop may call it every step.
 * A thrown error reaches the page as one line (its first line), never as a stack.
 */
import type {FromWorker, ToWorker} from "./protocol.js";

type Post = (message: FromWorker) => void;

export function serveTasks<T, R>(
  handle: (task: T, progress: (done: number, total: number) => void) => R | Promise<R>,
  scope: {onmessage: ((e: MessageEvent) => void) | null; postMessage: Post} = self as any
): void {
  scope.onmessage = async (event: MessageEvent) => {
    const {id, task} = event.data as ToWorker<T>;
    let last = 0;
    const progress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      scope.postMessage({id, type: "progress", done, total});
    };
    try {
      const value = await handle(task, progress);
      scope.postMessage({id, type: "result", value});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({id, type: "error", message: message.split("\n")[0]});
    }
  };
}
