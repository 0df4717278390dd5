/**
 * The multiverse Web Worker: estimates a slice of the grid, or a range of null-bootstrap draws, with the same
 * library code as the CLI and the tests (src/lib/multiverse). Bundled by src/workers/multiverse.js.ts.
 * A "ping" task only answers: the page sends one to every worker while it loads its data, so the workers'
 * start-up and the parsing of this module are done before the first run.
 */
import type {Frame} from "../lib/engine/types.js";
import {runBatch} from "../lib/multiverse/batch.js";
import {expandGrid, type Grid, type Keep} from "../lib/multiverse/grid.js";
import {nullDraws, type DrawStats} from "../lib/multiverse/null.js";
import {prepare, type Prepared} from "../lib/multiverse/prepare.js";
import {serveTasks} from "../lib/worker/serve.js";
import type {EstimateTask, NullTask, PingTask, SliceResult} from "../lib/multiverse/tasks.js";

// The prepared data and the expanded grid are kept between tasks: the slices of one run share them.
let data: {frame: Frame; gridKey: string; prepared: Prepared} | null = null;
let expanded: {gridKey: string; keepKey: string; combos: ReturnType<typeof expandGrid>} | null = null;

function setup(frame: Frame, grid: Grid, keep: Keep) {
  const gridKey = JSON.stringify(grid);
  if (!data || data.frame.nrows !== frame.nrows || data.gridKey !== gridKey) data = {frame, gridKey, prepared: prepare(frame, grid)};
  const keepKey = JSON.stringify(keep);
  if (!expanded || expanded.gridKey !== gridKey || expanded.keepKey !== keepKey) expanded = {gridKey, keepKey, combos: expandGrid(grid, keep)};
  return {prepared: data.prepared, frame: data.frame, combos: expanded.combos};
}

const now = () => performance.timeOrigin + performance.now();

serveTasks<EstimateTask | NullTask | PingTask, SliceResult | DrawStats | {t: number}>((task, progress) => {
  if (task.type === "ping") return {t: now()};
  const t0 = now();
  const {prepared, combos, frame} = setup(task.frame, task.grid, task.keep);
  const {grid} = task;
  if (task.type === "estimate") {
    const which = Int32Array.from({length: task.to - task.from}, (_, k) => task.from + k);
    // Only the slice's own results are stored (offset/size): nothing of the size of the whole grid.
    const r = runBatch(prepared, grid, combos, {frame, onProgress: progress, offset: task.from, size: task.to - task.from}, which);
    return {from: task.from, coef: r.coef, se: r.se, tstat: r.tstat, pvalue: r.pvalue, df: r.df, nobs: r.nobs, ok: r.ok, notes: [...r.notes.entries()], gmm: [...r.gmm.entries()], t0, t1: now()};
  }
  // Null draws: the observed results come from the page (all specifications of the kept grid).
  const observed = {...task.observed, n: combos.n, notes: new Map(), gmm: new Map()};
  return nullDraws(prepared, grid, combos, observed, {seed: task.seed, from: task.drawFrom, to: task.drawTo, which: task.which, scale: task.scale, frame, rho: task.rho, onProgress: progress});
});
