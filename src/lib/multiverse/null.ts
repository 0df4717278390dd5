/**
 * Joint inference for a specification curve: the bootstrap under the null of Simonsohn, Simmons & Nelson
 * (2020, Nature Human Behaviour 4: 1208-1214, "Inference with specification curves"), adapted to a panel.
 *
 * 1. In every specification s, impose a zero effect: y*_s = y - b_s * key_s (b_s its own estimate), so
 *    y*_s has the specification's other features (controls, fixed effects, serial correlation) but no effect.
 * 2. Draw partners (the id column: the clusters) with replacement, each draw as many as the data have; a
 *    partner drawn twice enters as two partners (two fixed effects, two clusters). Whole partner histories
 *    are resampled, so the within-partner dependence of the panel is kept. Shuffling the DSTRI across rows
 *    instead would break that dependence and the persistence of the DSTRI within a partner, which makes
 *    null estimates too concentrated and p-values too small (anti-conservative).
 * 3. Re-estimate every specification on the draw (the same batched path as the real run) and compute the
 *    three statistics: the median estimate, the share significant in the dominant direction, Stouffer's Z.
 * 4. p-value of each = share of draws at least as extreme as observed, in either direction: |median|,
 *    |Stouffer Z|, and the larger of the shares significantly positive / negative. Two-sided, because the
 *    "dominant direction" is itself chosen from the data: comparing draws only in the observed direction
 *    gives p-values on (0, 1/2) under the null instead of uniform ones (tests/lib/multiverse/null.test.ts).
 *
 * Each draw d uses its own generator `createRng(`${seed}:${d}`)`, so any split of the draws over workers
 * gives the same numbers, and the same seed gives the same output. GMM specifications are not re-estimated.
 */
import {createRng} from "../random/rng.js";
import {runBatch, type BatchResult} from "./batch.js";
import type {Combos, Grid} from "./grid.js";
import {resample, type Prepared} from "./prepare.js";
import {summarize, type Summary} from "./summary.js";

export interface DrawStats {
  median: Float64Array;
  share: Float64Array;
  stouffer: Float64Array;
}

export interface NullResult {
  draws: number;
  seed: number | string;
  p_median: number;
  p_share_significant: number;
  p_stouffer: number;
  observed: {median: number; share_significant: number; stouffer: number; direction: 1 | -1};
}

/** Partner rows by id code, in data order. */
function rowsById(p: Prepared, id: string): Int32Array[] {
  const f = p.factors.get(id)!;
  const lists: number[][] = Array.from({length: f.nlevels}, () => []);
  for (let i = 0; i < p.n; i++) if (f.codes[i] >= 0) lists[f.codes[i]].push(i);
  return lists.map((l) => Int32Array.from(l));
}

/**
 * Statistics of draws `from` .. `to - 1` (a worker's share). `observed` gives the estimates imposed as the
 * null and the dominant direction.
 */
export function nullDraws(
  p: Prepared,
  g: Grid,
  c: Combos,
  observed: BatchResult,
  opts: {seed: number | string; from: number; to: number; alpha?: number; which?: Int32Array; scale?: Float64Array; onProgress?: (done: number, total: number) => void}
): DrawStats {
  const byId = rowsById(p, g.id);
  const G = byId.length;
  const dir = summarize(observed, {alpha: opts.alpha, which: opts.which}).direction;
  const count = opts.to - opts.from;
  const stats: DrawStats = {median: new Float64Array(count), share: new Float64Array(count), stouffer: new Float64Array(count)};
  // Spec ids whose grouping columns equal the id get the new partner codes.
  const relabel = [g.id];
  for (let d = opts.from; d < opts.to; d++) {
    const rng = createRng(`${opts.seed}:${d}`);
    let m = 0;
    const pick = new Int32Array(G);
    for (let j = 0; j < G; j++) {
      pick[j] = rng.int(G);
      m += byId[pick[j]].length;
    }
    const rows = new Int32Array(m);
    const codes = new Int32Array(m);
    let r = 0;
    for (let j = 0; j < G; j++) for (const row of byId[pick[j]]) {
      rows[r] = row;
      codes[r++] = j;
    }
    const q = resample(p, rows, relabel, {codes, nlevels: G});
    const res = runBatch(q, g, c, {impose: observed.coef, skipGmm: true, fastSe: true}, opts.which);
    // Per-specification scale (the page's "per standard deviation" view): the statistics on that scale.
    if (opts.scale) for (let i = 0; i < res.n; i++) res.coef[i] *= opts.scale[i];
    const s: Summary = summarize(res, {alpha: opts.alpha, which: opts.which, direction: dir});
    const k = d - opts.from;
    stats.median[k] = s.median;
    stats.share[k] = Math.max(s.share_sig_positive, s.share_sig_negative);
    stats.stouffer[k] = s.stouffer;
    opts.onProgress?.(k + 1, count);
  }
  return stats;
}

/** p-values from the draws (two-sided, see 4. above): share of draws at least as extreme as observed. */
export function nullPvalues(observed: Summary, stats: DrawStats, seed: number | string): NullResult {
  const n = stats.median.length;
  const dir = observed.direction;
  const share = Math.max(observed.share_sig_positive, observed.share_sig_negative);
  let a = 0, b = 0, z = 0;
  for (let d = 0; d < n; d++) {
    if (Math.abs(stats.median[d]) >= Math.abs(observed.median)) a++;
    if (stats.share[d] >= share) b++;
    if (Math.abs(stats.stouffer[d]) >= Math.abs(observed.stouffer)) z++;
  }
  return {
    draws: n,
    seed,
    p_median: a / n,
    p_share_significant: b / n,
    p_stouffer: z / n,
    observed: {median: observed.median, share_significant: observed.share_sig_dominant, stouffer: observed.stouffer, direction: dir}
  };
}

/** Concatenates the statistics of consecutive draw ranges (worker results, in order). */
export function concatDraws(parts: DrawStats[]): DrawStats {
  const cat = (k: keyof DrawStats) => {
    const out = new Float64Array(parts.reduce((s, p) => s + p[k].length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p[k], o);
      o += p[k].length;
    }
    return out;
  };
  return {median: cat("median"), share: cat("share"), stouffer: cat("stouffer")};
}
