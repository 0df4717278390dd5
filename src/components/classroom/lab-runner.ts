/**
 * Runs a lab's replications as small batches on the worker pool and reports the draws as they arrive, so the
 * page can draw the Monte Carlo building up. A batch is [from, to) of the run's replication seeds (repSeeds of
 * the run's seed): the merged draws, and so the final table, equal `dtb simulate` for the same seed, however the
 * batches are cut. Batches are sized to ~150 ms of work (cost.ts) and at most a twentieth of the run; at most
 * `pool.size` are in flight, so Cancel (aborting `signal`) terminates at most one batch per worker: the pool
 * kills busy workers at once, well within a second.
 */
import {msPerRep} from "../../lib/simulate/cost.js";
import type {LabName, Params} from "../../lib/simulate/labs.js";
import {mergeDraws, type LabDraws} from "../../lib/simulate/run.js";
import type {Pool} from "../../lib/worker/pool.js";
import type {SimulateTask} from "../../workers/simulate-entry.js";

export interface Arrived {
  /** Batches of the contiguous prefix of replications that have arrived, in replication order (merge to draw). */
  prefix: LabDraws[];
  /** Number of replications in `prefix`. */
  prefixReps: number;
  /** Replications done so far (prefix or not). */
  done: number;
  elapsedMs: number;
}

export async function runBatches(
  pool: Pool,
  lab: LabName,
  params: Params,
  reps: number,
  seed: number,
  signal: AbortSignal,
  onArrive: (a: Arrived) => void
): Promise<LabDraws> {
  const per = msPerRep(lab, params);
  const size = Math.max(1, Math.min(Math.ceil(reps / 20), Math.round(150 / per) || 1));
  const bounds: Array<[number, number]> = [];
  for (let from = 0; from < reps; from += size) bounds.push([from, Math.min(reps, from + size)]);
  const results: Array<LabDraws | null> = bounds.map(() => null);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  let prefixCount = 0;
  let prefixReps = 0;
  const worker = async () => {
    while (next < bounds.length) {
      if (signal.aborted) throw new DOMException("cancelled", "AbortError");
      const i = next++;
      const [from, to] = bounds[i];
      const task: SimulateTask = {lab, params, reps, seed, from, to};
      const r = await pool.run<SimulateTask, {draws: LabDraws; ms: number}>(task, {signal});
      results[i] = r.draws;
      done += to - from;
      // Extend the prefix by the batches now contiguous.
      while (prefixCount < results.length && results[prefixCount]) {
        prefixReps = bounds[prefixCount][1];
        prefixCount++;
      }
      if (prefixCount > 0) onArrive({prefix: results.slice(0, prefixCount) as LabDraws[], prefixReps, done, elapsedMs: performance.now() - t0});
    }
  };
  await Promise.all(Array.from({length: Math.min(pool.size, bounds.length)}, worker));
  return mergeDraws(results as LabDraws[]);
}
