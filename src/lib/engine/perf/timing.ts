/** Timing helpers for benchmarks. */

/**
 * Median wall time in ms of `runs` calls of `fn` after `warmup` calls.
 * Example: `medianMs(() => estimate(frame, spec), 5)`.
 */
export function medianMs(fn: () => unknown, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : 0.5 * (times[mid - 1] + times[mid]);
}
