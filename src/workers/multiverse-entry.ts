/**
 * The multiverse Web Worker: estimates a slice of the grid, or a range of null-bootstrap draws, with the same
 * library code as the CLI and the tests (src/lib/multiverse). Bundled by src/workers/multiverse.js.ts.
 */
import type {Frame} from "../lib/engine/types.js";
import {runBatch, type BatchResult} from "../lib/multiverse/batch.js";
import {expandGrid, type Grid, type Keep} from "../lib/multiverse/grid.js";
import {nullDraws, type DrawStats} from "../lib/multiverse/null.js";
import {prepare, type Prepared} from "../lib/multiverse/prepare.js";
import {serveTasks} from "../lib/worker/serve.js";
import type {EstimateTask, NullTask, SliceResult} from "../lib/multiverse/tasks.js";

// The data and grid of the last task are kept: the slices of one run share them.
let cache: {frame: Frame; grid: Grid; keepKey: string; prepared: Prepared; combos: ReturnType<typeof expandGrid>} | null = null;

function setup(frame: Frame, grid: Grid, keep: Keep) {
  const keepKey = JSON.stringify(keep);
  if (!cache || cache.frame.nrows !== frame.nrows || JSON.stringify(cache.grid) !== JSON.stringify(grid) || cache.keepKey !== keepKey) {
    cache = {frame, grid, keepKey, prepared: prepare(frame, grid), combos: expandGrid(grid, keep)};
  }
  return cache;
}

serveTasks<EstimateTask | NullTask, SliceResult | DrawStats>((task, progress) => {
  const t0 = performance.timeOrigin + performance.now();
  const {prepared, combos, grid, frame} = setup(task.frame, task.grid, task.keep);
  const which = Int32Array.from({length: task.to - task.from}, (_, k) => task.from + k);
  if (task.type === "estimate") {
    const r: BatchResult = runBatch(prepared, grid, combos, {frame, onProgress: progress}, which);
    return {
      from: task.from,
      coef: r.coef.slice(task.from, task.to),
      se: r.se.slice(task.from, task.to),
      tstat: r.tstat.slice(task.from, task.to),
      pvalue: r.pvalue.slice(task.from, task.to),
      df: r.df.slice(task.from, task.to),
      nobs: r.nobs.slice(task.from, task.to),
      ok: r.ok.slice(task.from, task.to),
      notes: [...r.notes.entries()],
      gmm: [...r.gmm.entries()],
      t0,
      t1: performance.timeOrigin + performance.now()
    };
  }
  // Null draws: the observed results come from the page (all specifications of the kept grid).
  const observed = {...task.observed, n: combos.n, notes: new Map(), gmm: new Map()} as BatchResult;
  return nullDraws(prepared, grid, combos, observed, {seed: task.seed, from: task.drawFrom, to: task.drawTo, which: task.which, scale: task.scale, onProgress: progress});
});
