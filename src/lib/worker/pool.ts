/**
 * A pool of Web Workers of one script, sized to the machine, with progress and cancel. Page side only.
 *
 *   const pool = createPool({url: await FileAttachment("workers/multiverse.js").url()});
 *   const result = await pool.run(task, {onProgress: (p) => bar.value = p.done / p.total, signal});
 *   const results = await pool.map(chunks, {onProgress, signal});   // chunks spread over the workers
 *   pool.close();
 *
 * Cancel: aborting `signal` terminates the workers busy with that call (CPU-bound work cannot be interrupted
 * otherwise) and starts fresh ones, so the pool stays usable; the promise rejects with an AbortError.
 * Workers are created lazily, on first use. The worker script must call `serveTasks` (./serve.ts).
 */
import type {FromWorker, Progress} from "./protocol.js";

export interface PoolOptions {
  url: string | URL;
  /** Number of workers: default navigator.hardwareConcurrency − 1, at least 1, at most 8. */
  size?: number;
  /** Factory, for tests: default `new Worker(url, {type: "module"})`. */
  create?: (url: string | URL) => Worker;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Pool {
  readonly size: number;
  run<T, R>(task: T, options?: RunOptions): Promise<R>;
  map<T, R>(tasks: T[], options?: RunOptions): Promise<R[]>;
  close(): void;
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, cores - 1));
}

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

export function createPool(options: PoolOptions): Pool {
  const size = options.size ?? defaultPoolSize();
  const create = options.create ?? ((url) => new Worker(url, {type: "module"}));
  const slots: Slot[] = Array.from({length: size}, () => ({worker: null, busy: false}));
  const waiting: Array<(slot: Slot) => void> = [];
  let nextId = 1;
  let closed = false;

  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };
  const abortError = () => new DOMException("cancelled", "AbortError");

  /** One task on one slot; `report(done, total)` gets the worker's own progress. */
  const execute = <R>(slot: Slot, task: unknown, report: (done: number, total: number) => void, signal?: AbortSignal) =>
    new Promise<R>((resolve, reject) => {
      if (closed) return reject(new Error("the worker pool is closed"));
      if (signal?.aborted) return reject(abortError());
      const worker = (slot.worker ??= create(options.url));
      const id = nextId++;
      const cleanup = () => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        signal?.removeEventListener("abort", onAbort);
      };
      const onMessage = (event: MessageEvent) => {
        const msg = event.data as FromWorker<R>;
        if (!msg || msg.id !== id) return;
        if (msg.type === "progress") report(msg.done, msg.total);
        else {
          cleanup();
          if (msg.type === "result") resolve(msg.value);
          else reject(new Error(msg.message));
        }
      };
      const onError = (event: ErrorEvent) => {
        cleanup();
        worker.terminate();
        slot.worker = null;
        reject(new Error(`worker failed: ${event.message || "could not load the worker script"}`));
      };
      const onAbort = () => {
        cleanup();
        worker.terminate();
        slot.worker = null;
        reject(abortError());
      };
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      signal?.addEventListener("abort", onAbort, {once: true});
      worker.postMessage({id, task});
    });

  return {
    size,
    async run<T, R>(task: T, opts: RunOptions = {}) {
      const start = performance.now();
      const slot = await acquire();
      try {
        return await execute<R>(slot, task, (done, total) => opts.onProgress?.({done, total, elapsedMs: performance.now() - start}), opts.signal);
      } finally {
        release(slot);
      }
    },
    async map<T, R>(tasks: T[], opts: RunOptions = {}) {
      const start = performance.now();
      // Progress of a map = the sum of its tasks' own progress (each task reports done/total of its units).
      const done = new Array(tasks.length).fill(0);
      const totals = new Array(tasks.length).fill(1);
      const report = () => {
        const d = done.reduce((a, b) => a + b, 0), t = totals.reduce((a, b) => a + b, 0);
        opts.onProgress?.({done: d, total: t, elapsedMs: performance.now() - start});
      };
      const inner = new AbortController();
      const onOuterAbort = () => inner.abort();
      opts.signal?.addEventListener("abort", onOuterAbort, {once: true});
      try {
        return await Promise.all(
          tasks.map(async (task, i) => {
            const slot = await acquire();
            try {
              const value = await execute<R>(slot, task, (d, t) => {
                done[i] = d;
                totals[i] = t;
                report();
              }, inner.signal);
              done[i] = totals[i];
              report();
              return value;
            } finally {
              release(slot);
            }
          })
        );
      } catch (error) {
        inner.abort(); // one failure or a cancel stops the rest
        throw error;
      } finally {
        opts.signal?.removeEventListener("abort", onOuterAbort);
      }
    },
    close() {
      closed = true;
      for (const s of slots) s.worker?.terminate();
    }
  };
}
