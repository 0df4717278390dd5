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
 * gives the same numbers, and the same seed gives the same output.
 *
 * GMM specifications are re-estimated in every draw too (with `estimate()` on the resampled partners, each
 * copy of a partner its own panel). Their null is imposed in the dynamic model they estimate,
 * y_t = rho y_{t-1} + b k_t + ...: subtracting b k_t alone would leave rho b k_{t-1} in y*_t through the
 * lagged outcome, so the outcome becomes y*_t = y_t - b S_t with S_t = k_t + rho S_{t-1} accumulated within a
 * partner over consecutive periods (k missing counts as 0; S restarts at a gap), rho and b the specification's
 * own estimates. Then y*_t - rho y*_{t-1} = y_t - rho y_{t-1} - b k_t exactly: the same model with b = 0.
 * The lagged outcome and the GMM instruments (its lags) are built from y*, as in any real estimation.
 *
 * PPML specifications and those with Driscoll-Kraay or Newey-West errors are re-estimated in every draw by
 * `estimate()` as well (the batch hands them to it on the data too), on the draw's rows with the draw's partner
 * codes as id, fixed effect and cluster, so each draw's estimate is exactly `estimate()` on that null data
 * (tests/lib/multiverse/null-gravity.test.ts). PPML's null is multiplicative, as its model: E[y | x] =
 * exp(b k + ...), so y* = y exp(-c k), with c such that PPML on y* estimates exactly zero for k on the data (c is
 * near b; see `ppmlNullShift`); OLS with DK/NW errors takes y* = y - b k as every OLS specification.
 *
 * A specification that cannot be estimated in a draw (a singular GMM, a collinear resample) is left out of
 * that draw's statistics and counted: `failed[d]` specifications of draw d (of those estimated on the data).
 */
import {estimate} from "../engine/estimate.js";
import {numericColumn, take} from "../engine/frame.js";
import type {Column, Frame} from "../engine/types.js";
import {createRng} from "../random/rng.js";
import {runBatch, type BatchResult} from "./batch.js";
import {isGmmEstimator, isHacVcov, specOf, type Combos, type Grid} from "./grid.js";
import {resample, type Prepared} from "./prepare.js";
import {summarize, type Summary} from "./summary.js";

export interface DrawStats {
  median: Float64Array;
  share: Float64Array;
  stouffer: Float64Array;
  /** Per draw: specifications estimated on the data but not in this draw (left out of its statistics). */
  failed: Float64Array;
  /** Specifications per draw (estimated on the data), GMM ones among them. */
  specs: number;
  gmm: number;
}

export interface NullResult {
  draws: number;
  seed: number | string;
  p_median: number;
  p_share_significant: number;
  p_stouffer: number;
  observed: {median: number; share_significant: number; stouffer: number; direction: 1 | -1};
  /** Specifications re-estimated per draw (GMM ones among them), and specification-draws that failed. */
  specs_per_draw: number;
  gmm_per_draw: number;
  failed: number;
}

/** Column names the draws add to the data (the resampled partner id, the null outcome of a GMM spec). */
const PID = "__null_pid";
const YNULL = "__null_y";

/**
 * The null outcome of a GMM specification (see the module comment): y*_t = y_t - b S_t, S_t = k_t + rho S_{t-1}
 * within a partner over consecutive periods. `order` lists the rows by partner, then period.
 */
export function dynamicNullOutcome(y: Float64Array, k: Float64Array, b: number, rho: number, id: Int32Array, time: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(y.length);
  let S = 0;
  for (let a = 0; a < order.length; a++) {
    const r = order[a];
    const prev = a > 0 ? order[a - 1] : -1;
    const continues = prev >= 0 && id[prev] === id[r] && time[r] === time[prev] + 1;
    const kv = k[r] === k[r] ? k[r] : 0;
    S = kv + (continues ? rho * S : 0);
    out[r] = y[r] - b * S;
  }
  return out;
}

/** PPML's null outcome y exp(-c k) (k missing: missing, and the row leaves the sample as on the data). */
export function ppmlNullOutcome(y: Float64Array, k: Float64Array, c: number): Float64Array {
  return Float64Array.from(y, (v, r) => v * Math.exp(-c * k[r]));
}

/**
 * The shift c with which PPML on y exp(-c k) estimates exactly zero for k on the data (to 1e-9 (1 + |b|)), as
 * OLS's y - b k does by construction. For PPML c = b is not enough: the pseudo-likelihood's score weighs the
 * rows by exp(-c k), so the re-estimate on y exp(-b k) is near zero only. Secant steps from c = b (each one
 * PPML fit on the data, once per specification, not per draw); null when they do not converge, and the
 * specification then counts as failed in every draw.
 */
export function ppmlNullShift(frame: Frame, spec: ReturnType<typeof specOf>["spec"], keyTerm: string, k: Float64Array, b: number): number | null {
  const y = numericColumn(frame, spec.y, "grid.y");
  const keyAt = (c: number): number => {
    const fit = estimate({nrows: frame.nrows, columns: {...frame.columns, [YNULL]: ppmlNullOutcome(y, k, c)}}, {...spec, y: YNULL});
    const j = fit.terms.indexOf(keyTerm);
    if (j < 0 || !Number.isFinite(fit.coef[j])) throw new Error("key term dropped");
    return fit.coef[j];
  };
  const tol = 1e-9 * (1 + Math.abs(b));
  try {
    let c0 = b;
    let f0 = keyAt(c0);
    if (Math.abs(f0) <= tol) return c0;
    let c1 = c0 + f0;
    let f1 = keyAt(c1);
    for (let it = 0; it < 12; it++) {
      if (Math.abs(f1) <= tol) return c1;
      if (f1 === f0) return null;
      const c2 = c1 - (f1 * (c1 - c0)) / (f1 - f0);
      c0 = c1;
      f0 = f1;
      c1 = c2;
      f1 = keyAt(c1);
    }
    return Math.abs(f1) <= tol ? c1 : null;
  } catch {
    return null;
  }
}

/** A specification the batch does not solve, re-estimated by `estimate()` in every draw on its null outcome. */
interface AlonePlan {
  i: number;
  gmm: boolean;
  keyTerm: string;
  /** Its spec on a draw (partner id, FE and clusters on the draw's partner codes; outcome the null one), or null when it cannot be planned. */
  spec: ReturnType<typeof specOf>["spec"] | null;
  /** The null outcome on the data's rows (taken at the draw's rows in each draw). */
  ystar: Float64Array;
}

/** A grouping name on a draw: the partner id (alone or in an a^b combination) becomes the draw's partner codes. */
const onDraw = (name: string, id: string): string => name.split("^").map((part) => (part === id ? PID : part)).join("^");

/**
 * The specifications among `which` that the batch hands to `estimate()` (GMM, PPML, Driscoll-Kraay, Newey-West),
 * with what each draw needs. The null outcome of each (see the module comment):
 * - GMM: y*_t = y_t - b S_t (`dynamicNullOutcome`);
 * - PPML, E[y | x] = exp(b k + ...): y* = y exp(-c k), c from `ppmlNullShift` (PPML on y* gives exactly 0 for k);
 * - OLS with Driscoll-Kraay or Newey-West errors: y* = y - b k, as the batch's specifications.
 */
function alonePlan(p: Prepared, g: Grid, c: Combos, observed: BatchResult, which: ArrayLike<number>, frame: Frame | undefined, rho: Float64Array | undefined): AlonePlan[] {
  const out: AlonePlan[] = [];
  let idCodes: Int32Array | null = null;
  let order: Int32Array | null = null;
  let time: Float64Array | null = null;
  for (let a = 0; a < which.length; a++) {
    const i = which[a];
    const est = g.estimators[c.idx.estimator[i]];
    const gmm = isGmmEstimator(est);
    if (!observed.ok[i] || !(gmm || est === "ppml" || isHacVcov(g.vcov[c.idx.vcov[i]]))) continue;
    const {spec, keyTerm} = specOf(g, c, i);
    const b = observed.coef[i];
    const k = p.terms.get(keyTerm)!;
    if (!frame) {
      out.push({i, gmm, keyTerm, spec: null, ystar: new Float64Array(0)});
      continue;
    }
    const ids = (spec.fe ?? []).map((f) => onDraw(f, g.id));
    const vcov = typeof spec.vcov === "object" && spec.vcov !== null && "cluster" in spec.vcov ? {cluster: spec.vcov.cluster.map((cl) => onDraw(cl, g.id))} : spec.vcov;
    if (!gmm) {
      const y = numericColumn(frame, spec.y, "grid.y");
      let ystar: Float64Array;
      if (est === "ppml") {
        const c = ppmlNullShift(frame, spec, keyTerm, k, b);
        if (c === null) {
          out.push({i, gmm, keyTerm, spec: null, ystar: new Float64Array(0)});
          continue;
        }
        ystar = ppmlNullOutcome(y, k, c);
      } else {
        ystar = new Float64Array(p.n);
        for (let r = 0; r < p.n; r++) ystar[r] = y[r] - b * k[r];
      }
      out.push({i, gmm, keyTerm, ystar, spec: {...spec, id: PID, y: YNULL, ...(spec.fe ? {fe: ids} : {}), ...(vcov !== undefined ? {vcov} : {})}});
      continue;
    }
    const r = rho?.[i] ?? observed.gmm.get(i)?.rho ?? NaN;
    if (!(r === r)) {
      out.push({i, gmm, keyTerm, spec: null, ystar: new Float64Array(0)});
      continue;
    }
    if (!order) {
      idCodes = p.factors.get(g.id)!.codes;
      time = Float64Array.from(frame.columns[g.time] as ArrayLike<number>);
      const idc = idCodes;
      const t = time;
      order = Int32Array.from({length: p.n}, (_, q) => q).sort((u, v) => idc[u] - idc[v] || t[u] - t[v]);
    }
    const ystar = dynamicNullOutcome(p.terms.get(spec.y)!, k, b, r, idCodes!, time!, order);
    out.push({i, gmm, keyTerm, ystar, spec: {...spec, id: PID, y: YNULL, x: [`L.${YNULL}`, ...spec.x.slice(1)]}});
  }
  return out;
}

/**
 * The rows of draw d: the partners drawn (with replacement, as many as the data have) and each row's partner
 * code in the draw (copy j of the draw = partner j). Exported so that tests rebuild a draw independently.
 */
export function drawRows(byId: Int32Array[], seed: number | string, d: number): {rows: Int32Array; codes: Int32Array} {
  const G = byId.length;
  const rng = createRng(`${seed}:${d}`);
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
  return {rows, codes};
}

/** The data of one draw: every column taken at `rows`, plus the draw's partner id (a copy = a partner). */
function drawFrame(frame: Frame, rows: Int32Array, codes: Int32Array): Frame {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(frame.columns)) columns[name] = col instanceof Float64Array ? take(col, rows) : Array.from(rows, (r) => col[r]);
  columns[PID] = Float64Array.from(codes);
  return {nrows: rows.length, columns};
}

/** Partner rows by id code, in data order. */
export function rowsById(p: Prepared, id: string): Int32Array[] {
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
  opts: {
    seed: number | string;
    from: number;
    to: number;
    alpha?: number;
    which?: Int32Array;
    scale?: Float64Array;
    /** The data (for the GMM, PPML and DK/NW specifications; without it they count as failed in every draw). */
    frame?: Frame;
    /** Lagged-outcome coefficients of the GMM specifications, when `observed.gmm` does not carry them. */
    rho?: Float64Array;
    onProgress?: (done: number, total: number) => void;
    /** Each draw's results before scaling (tests compare them with `estimate()` on the draw's null data). */
    onDraw?: (d: number, res: BatchResult) => void;
  }
): DrawStats {
  const byId = rowsById(p, g.id);
  const G = byId.length;
  const which = opts.which ?? Int32Array.from({length: c.n}, (_, i) => i);
  const dir = summarize(observed, {alpha: opts.alpha, which}).direction;
  const count = opts.to - opts.from;
  const alone = alonePlan(p, g, c, observed, which, opts.frame, opts.rho);
  let specs = 0;
  for (let a = 0; a < which.length; a++) specs += observed.ok[which[a]];
  const stats: DrawStats = {median: new Float64Array(count), share: new Float64Array(count), stouffer: new Float64Array(count), failed: new Float64Array(count), specs, gmm: alone.filter((a) => a.gmm).length};
  // Spec ids whose grouping columns equal the id get the new partner codes.
  const relabel = [g.id];
  for (let d = opts.from; d < opts.to; d++) {
    const {rows, codes} = drawRows(byId, opts.seed, d);
    const q = resample(p, rows, relabel, {codes, nlevels: G});
    const res = runBatch(q, g, c, {impose: observed.coef, skipGmm: true, fastSe: true}, which);
    if (alone.length) {
      const df = opts.frame ? drawFrame(opts.frame, rows, codes) : null;
      for (const sp of alone) {
        if (!df || !sp.spec) continue;
        df.columns[YNULL] = take(sp.ystar, rows);
        try {
          const fit = estimate(df, sp.spec);
          const j = fit.terms.indexOf(sp.keyTerm);
          if (j >= 0 && Number.isFinite(fit.coef[j]) && Number.isFinite(fit.se[j])) {
            res.coef[sp.i] = fit.coef[j];
            res.se[sp.i] = fit.se[j];
            res.tstat[sp.i] = fit.tstat[j];
            res.pvalue[sp.i] = fit.pvalue[j];
            res.ok[sp.i] = 1;
          }
        } catch {
          /* singular in this draw: counted as failed below */
        }
      }
    }
    opts.onDraw?.(d, res);
    let failed = 0;
    for (let a = 0; a < which.length; a++) if (observed.ok[which[a]] && !res.ok[which[a]]) failed++;
    // Per-specification scale (the page's "per standard deviation" view): the statistics on that scale.
    if (opts.scale) for (let i = 0; i < res.n; i++) res.coef[i] *= opts.scale[i];
    const s: Summary = summarize(res, {alpha: opts.alpha, which, direction: dir});
    const k = d - opts.from;
    stats.failed[k] = failed;
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
    observed: {median: observed.median, share_significant: observed.share_sig_dominant, stouffer: observed.stouffer, direction: dir},
    specs_per_draw: stats.specs,
    gmm_per_draw: stats.gmm,
    failed: stats.failed.reduce((a, b) => a + b, 0)
  };
}

/** Concatenates the statistics of consecutive draw ranges (worker results, in order). */
export function concatDraws(parts: DrawStats[]): DrawStats {
  const cat = (k: "median" | "share" | "stouffer" | "failed") => {
    const out = new Float64Array(parts.reduce((s, p) => s + p[k].length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p[k], o);
      o += p[k].length;
    }
    return out;
  };
  return {median: cat("median"), share: cat("share"), stouffer: cat("stouffer"), failed: cat("failed"), specs: parts[0]?.specs ?? 0, gmm: parts[0]?.gmm ?? 0};
}
