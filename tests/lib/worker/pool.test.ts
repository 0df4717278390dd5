import {describe, expect, it} from "vitest";
import {createPool} from "../../../src/lib/worker/pool.ts";
import {serveTasks} from "../../../src/lib/worker/serve.ts";

/** An in-process stand-in for a Web Worker: the same message protocol, served by `serveTasks`. */
class FakeWorker extends EventTarget {
  terminated = false;
  private inside: {onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: unknown) => void};
  constructor(handler: (task: any, progress: (d: number, t: number) => void) => unknown) {
    super();
    this.inside = {onmessage: null, postMessage: (m) => !this.terminated && this.dispatchEvent(new MessageEvent("message", {data: m}))};
    serveTasks(handler as any, this.inside as any);
  }
  postMessage(data: unknown) {
    queueMicrotask(() => this.inside.onmessage?.(new MessageEvent("message", {data})));
  }
  terminate() {
    this.terminated = true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("worker pool", () => {
  const handler = async (task: {n: number; fail?: boolean; slow?: boolean}, progress: (d: number, t: number) => void) => {
    if (task.fail) throw new Error("bad task\nstack line");
    for (let i = 1; i <= task.n; i++) {
      if (task.slow) await sleep(5);
      progress(i, task.n);
    }
    return task.n * 2;
  };
  const make = (size = 2) => {
    const made: FakeWorker[] = [];
    const pool = createPool({url: "x", size, create: () => {
      const w = new FakeWorker(handler);
      made.push(w);
      return w as unknown as Worker;
    }});
    return {pool, made};
  };

  it("runs tasks, maps over workers and reports progress", async () => {
    const {pool, made} = make(2);
    expect(await pool.run({n: 3})).toBe(6);
    const seen: number[] = [];
    const out = await pool.map([{n: 2}, {n: 4}, {n: 1}], {onProgress: (p) => seen.push(p.done / p.total)});
    expect(out).toEqual([4, 8, 2]);
    expect(seen.at(-1)).toBe(1);
    expect(made.length).toBeLessThanOrEqual(2);
  });

  it("passes a one-line error and stays usable", async () => {
    const {pool} = make(1);
    await expect(pool.run({n: 1, fail: true})).rejects.toThrow(/^bad task$/);
    expect(await pool.run({n: 1})).toBe(2);
  });

  it("cancels: terminates the busy worker, rejects with AbortError, and runs again afterwards", async () => {
    const {pool, made} = make(1);
    const ctl = new AbortController();
    const p = pool.run({n: 100, slow: true}, {signal: ctl.signal});
    await sleep(20);
    ctl.abort();
    await expect(p).rejects.toMatchObject({name: "AbortError"});
    expect(made[0].terminated).toBe(true);
    expect(await pool.run({n: 2})).toBe(4);
    expect(made.length).toBe(2);
  });
});
