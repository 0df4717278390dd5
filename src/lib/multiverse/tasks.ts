/**
 * Messages between the multiverse page and its Web Workers (src/workers/multiverse-entry.ts), and the
 * assembly of slice results into one BatchResult. Typed arrays only, so they cross cheaply.
 */
import type {Frame} from "../engine/types.js";
import {emptyResult, type BatchResult, type GmmInfo} from "./batch.js";
import type {Grid, Keep} from "./grid.js";

interface TaskBase {
  frame: Frame;
  grid: Grid;
  keep: Keep;
}

/** Estimate specifications from..to-1 of expandGrid(grid, keep). */
export interface EstimateTask extends TaskBase {
  type: "estimate";
  from: number;
  to: number;
}

/** Null draws drawFrom..drawTo-1 over the specifications `which`, given the observed results. */
export interface NullTask extends TaskBase {
  type: "null";
  from: 0;
  to: 0;
  seed: number | string;
  drawFrom: number;
  drawTo: number;
  which: Int32Array;
  observed: Pick<BatchResult, "coef" | "se" | "tstat" | "pvalue" | "df" | "nobs" | "ok">;
  /** Coefficient of the lagged outcome of each GMM specification (NaN elsewhere): the dynamic null. */
  rho?: Float64Array;
  /** Per-specification scale of the statistics (coefficient per SD of the key measure), if any. */
  scale?: Float64Array;
}

/** Starts a worker (module loaded, ready) before the first run; answers at once. */
export interface PingTask {
  type: "ping";
}

export interface SliceResult {
  from: number;
  coef: Float64Array;
  se: Float64Array;
  tstat: Float64Array;
  pvalue: Float64Array;
  df: Float64Array;
  nobs: Int32Array;
  ok: Uint8Array;
  notes: Array<[number, string]>;
  gmm: Array<[number, GmmInfo]>;
  /** Worker clock (performance.timeOrigin + now, ms) when the task started and ended: the page's timings. */
  t0?: number;
  t1?: number;
}

/** Slices of about `size` specifications covering 0..n-1. */
export function slices(n: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = 0; a < n; a += size) out.push([a, Math.min(n, a + size)]);
  return out;
}

/** One BatchResult of n specifications from the finished slices. */
export function assemble(n: number, parts: SliceResult[]): BatchResult {
  const r = emptyResult(n);
  for (const p of parts) {
    r.coef.set(p.coef, p.from);
    r.se.set(p.se, p.from);
    r.tstat.set(p.tstat, p.from);
    r.pvalue.set(p.pvalue, p.from);
    r.df.set(p.df, p.from);
    r.nobs.set(p.nobs, p.from);
    r.ok.set(p.ok, p.from);
    for (const [i, s] of p.notes) r.notes.set(i, s);
    for (const [i, g] of p.gmm) r.gmm.set(i, g);
  }
  return r;
}

/**
 * The result with coefficients and standard errors multiplied by `scale[i]` (t and p unchanged): the page's
 * "per standard deviation of the measure" view, which puts DSTRI measures with very different spreads on one
 * axis.
 */
export function scaled(r: BatchResult, scale: Float64Array): BatchResult {
  const coef = r.coef.map((v, i) => v * scale[i]);
  const se = r.se.map((v, i) => v * scale[i]);
  return {...r, coef, se};
}
