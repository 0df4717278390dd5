/**
 * Batched estimation of a whole grid with the engine's own pieces, sharing everything that specifications
 * have in common (the reason fixest's `sw()/csw()` multiple estimation is fast):
 *
 *  1. specifications that differ only in the standard error are ONE fit: each SE flavour (iid, HC1, one- or
 *     multi-way CR1) is computed from the same residuals;
 *  2. fits with the same estimation sample (rows after exclusions and listwise deletion) and the same fixed
 *     effects form a group: every column the group uses is demeaned ONCE and their cross-products X~'X~ are
 *     computed once; each control subset then takes its sub-matrix;
 *  3. each fit runs the engine's `findCollinear`, `olsFwl`, `vcovIid` / `vcovHetero` / `vcovCluster`
 *     arithmetic (replicated operation for operation into reused buffers in kernels.ts, which says why), and
 *     the engine's `clusterK`, `nparamsOf`, `pvalueT`, on the same inputs as `estimate()` would: the numbers
 *     are the engine's, bit for bit (tests/lib/multiverse/batch.test.ts checks a random sample against `estimate()`).
 *
 * Anything unusual (a collinear or absorbed regressor, too few rows, a single cluster, GMM) is handed to
 * `estimate()` itself, so a failing specification carries the engine's own one-line reason and never stops
 * the run. The demeaning of a sum is the sum of the demeanings, which is how the null bootstrap imposes
 * beta = 0 without re-demeaning (`impose`).
 */
import {collinearityNote} from "../engine/collinearity.js";
import {demean, type FeDim} from "../engine/demean.js";
import {estimate} from "../engine/estimate.js";
import {recode} from "../engine/frame.js";
import {crossprod, sumSquares} from "../engine/ols.js";
import {clusterK, isNested, nparamsOf} from "../engine/ssc.js";
import {pvalueT} from "../engine/tdist.js";
import type {Frame} from "../engine/types.js";
import {clusterMeat, fixNegativeDiagonal, intersectClusters, PSD_REPAIR_NOTE, psdPart, singletonMeat, type ClusterDim} from "../engine/vcov-cluster.js";
import {interceptBackTransform} from "../engine/pooled-vcov.js";
import {sandwich} from "../engine/linalg.js";
import {addMeatWs, findCollinearWs, olsWs, sandwichDiag, Workspace} from "./kernels.js";
import {heteroMeat} from "../engine/vcov-hetero.js";
import {isGmmEstimator, isHacVcov, lagTerm, specOf, type Combos, type Grid} from "./grid.js";
import type {Prepared} from "./prepare.js";

/** Results of every specification, column-wise (index = specification). NaN when not estimated. */
export interface BatchResult {
  n: number;
  coef: Float64Array;
  se: Float64Array;
  tstat: Float64Array;
  pvalue: Float64Array;
  /** Degrees of freedom of the t distribution (NaN for GMM: normal). */
  df: Float64Array;
  nobs: Int32Array;
  /** 1 = the key coefficient was estimated. */
  ok: Uint8Array;
  /** One-line reason (failed) or note (e.g. a control dropped as collinear), by specification. */
  notes: Map<number, string>;
  /**
   * GMM diagnostics by specification: AR(2) p, Hansen p, instrument count, and the coefficient of the
   * lagged outcome (`rho`, which the null bootstrap needs to impose a zero effect in the dynamic model).
   */
  gmm: Map<number, GmmInfo>;
}

export interface GmmInfo {
  ar2_p: number;
  hansen_p: number;
  n_instruments: number;
  rho?: number;
}

export interface BatchOptions {
  /** Null bootstrap: per specification, impose y* = y - b0 * key (demeaned) before solving. */
  impose?: Float64Array;
  /** The original data, for specifications handed to `estimate()` (absent in bootstrap draws: marked failed). */
  frame?: Frame;
  /** Skip GMM specifications (bootstrap draws). */
  skipGmm?: boolean;
  /**
   * Bootstrap draws: compute only the key coefficient's variance, b_k' M b_k, from the scores of the key's
   * row of the bread (O(n) per clustering instead of the k x k meat and sandwich). The same quantity as the
   * engine's up to rounding (~1e-15 relative); a multi-way matrix with a negative diagonal still takes the
   * engine's positive semi-definite repair.
   */
  fastSe?: boolean;
  /**
   * Store only the specifications `offset .. offset + size - 1` (a worker's slice, which must cover `which`),
   * at positions 0 .. size - 1: a slice does not allocate the arrays of the whole grid. Notes and GMM
   * diagnostics stay keyed by the specification's own index.
   */
  offset?: number;
  size?: number;
  onProgress?: (done: number, total: number) => void;
}

export function emptyResult(n: number): BatchResult {
  return {
    n,
    coef: new Float64Array(n).fill(NaN),
    se: new Float64Array(n).fill(NaN),
    tstat: new Float64Array(n).fill(NaN),
    pvalue: new Float64Array(n).fill(NaN),
    df: new Float64Array(n).fill(NaN),
    nobs: new Int32Array(n),
    ok: new Uint8Array(n),
    notes: new Map(),
    gmm: new Map()
  };
}

interface Fit {
  /** Specifications of this fit (they differ only in vcov). */
  specs: number[];
  terms: string[];
}

interface Group {
  rows: Int32Array;
  fe: string[];
  fits: Fit[];
}

/** FNV-1a over the row numbers: the identity of an estimation sample (checked element-wise on collision). */
function rowsKey(rows: Int32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < rows.length; i++) h = Math.imul(h ^ rows[i], 0x01000193);
  return `${rows.length}:${h >>> 0}`;
}

/** Rows kept: not excluded, every term non-missing, every grouping code >= 0 (engine `completeRows`). */
function sampleRows(n: number, mask: Uint8Array | null, cols: Float64Array[], codes: Int32Array[], keep: Int32Array): Int32Array {
  let m = 0;
  outer: for (let i = 0; i < n; i++) {
    if (mask && mask[i]) continue;
    for (let c = 0; c < cols.length; c++) if (cols[c][i] !== cols[c][i]) continue outer;
    for (let c = 0; c < codes.length; c++) if (codes[c][i] < 0) continue outer;
    keep[m++] = i;
  }
  return keep.subarray(0, m);
}

/**
 * Estimates the specifications `which` (default: all) of `combos` on the prepared data.
 * Example: `runBatch(prepare(frame, grid), grid, expandGrid(grid), {frame})`.
 */
export function runBatch(p: Prepared, g: Grid, c: Combos, opts: BatchOptions = {}, which?: Int32Array): BatchResult {
  const base = opts.offset ?? 0;
  const out = emptyResult(opts.size ?? c.n);
  const list = which ?? Int32Array.from({length: c.n}, (_, i) => i);
  const fallback = (i: number) => estimateAlone(opts.frame, g, c, i, out, base);

  // Pass 1: fits (consecutive specifications with equal choices but vcov), then their sample and group.
  // Keyed by option indices, not strings, and with the per-fit lookups cached: this pass runs once per fit
  // (13,824 in the default grid) and its garbage counts in a cold browser worker (kernels.ts says why).
  const groups: Group[] = [];
  const groupOf = new Map<Int32Array, Map<number, Group>>();
  const rowsCache = new Map<string, Int32Array>();
  const bySpecSample = new Map<number, Int32Array>();
  const clusterMissing = new Map<Int32Array, Int8Array>();
  const termsCache = new Map<number, string[]>();
  const rowsBuf = new Int32Array(p.n);
  const dims = [g.samples.length, g.y.length, g.key.length, g.lags.length, g.subsets.length];
  const nModels = dims[1] * dims[2] * dims[3] * dims[4];
  // Fixed effects whose columns have missing values (they narrow the sample); one id per distinct list.
  const missingIds = new Map<string, number>();
  const feMissing = g.fe.map((fe) => fe.filter((f) => minCode(p.factors.get(f)!.codes) < 0));
  const feMissingId = feMissing.map((m) => {
    const key = m.join("\u0000");
    if (!missingIds.has(key)) missingIds.set(key, missingIds.size);
    return missingIds.get(key)!;
  });
  let done = 0;
  const total = list.length;
  const d = c.idx;
  for (let a = 0; a < list.length; ) {
    const i = list[a];
    let b = a + 1;
    while (b < list.length && sameFit(c, i, list[b])) b++;
    const from = a;
    a = b;
    if (g.estimators[d.estimator[i]] !== "ols") {
      // GMM and PPML: estimate() alone (equal to it by construction); in bootstrap draws null.ts re-estimates
      // them (and the DK/NW specifications) with estimate() on the draw's null data.
      for (let q = from; q < b; q++) {
        if (opts.skipGmm && isGmmEstimator(g.estimators[d.estimator[i]])) out.notes.set(list[q], "GMM is not re-estimated in bootstrap draws");
        else fallback(list[q]);
      }
      continue;
    }
    const modelKey = (((d.y[i] * dims[2] + d.key[i]) * dims[3] + d.lag[i]) * dims[4] + d.controls[i]);
    let terms = termsCache.get(modelKey);
    if (!terms) termsCache.set(modelKey, (terms = [g.y[d.y[i]], lagTerm(g.key[d.key[i]], g.lags[d.lag[i]]), ...g.always, ...g.subsets[d.controls[i]]]));
    const fe = d.fe[i];
    // Listwise deletion uses the cluster columns too; specs whose clusters have missing values on the
    // fit's rows would have another sample: those go to estimate() alone.
    // The sample does not depend on the FE when their columns have no missing value: computed once.
    const sk = (d.sample[i] * nModels + modelKey) * missingIds.size + feMissingId[fe];
    let rows = bySpecSample.get(sk);
    if (!rows) {
      const cols = terms.map((t) => p.terms.get(t)!);
      const found = sampleRows(p.n, p.masks[d.sample[i]], cols, feMissing[fe].map((f) => p.factors.get(f)!.codes), rowsBuf);
      const k = rowsKey(found);
      const cached = rowsCache.get(k);
      if (cached && sameRows(cached, found)) rows = cached;
      else rowsCache.set(k, (rows = found.slice()));
      bySpecSample.set(sk, rows);
    }
    let missing = clusterMissing.get(rows);
    if (!missing) clusterMissing.set(rows, (missing = new Int8Array(g.vcov.length).fill(-1)));
    const specs: number[] = [];
    for (let q = from; q < b; q++) {
      const s = list[q];
      const vi = d.vcov[s];
      // Driscoll-Kraay and Newey-West: estimate() alone (the batch kernels compute iid, HC1 and clusters).
      if (isHacVcov(g.vcov[vi])) {
        fallback(s);
        continue;
      }
      if (missing[vi] < 0) {
        const v = g.vcov[vi];
        missing[vi] = typeof v === "object" && v.cluster.some((name) => hasMissing(p.factors.get(name)!.codes, rows)) ? 1 : 0;
      }
      if (missing[vi] === 1) fallback(s);
      else specs.push(s);
    }
    if (!specs.length) continue;
    let byFe = groupOf.get(rows);
    if (!byFe) groupOf.set(rows, (byFe = new Map()));
    let grp = byFe.get(fe);
    if (!grp) {
      byFe.set(fe, (grp = {rows, fe: g.fe[fe], fits: []}));
      groups.push(grp);
    }
    grp.fits.push({specs, terms});
  }

  // Pass 2: per group, demean every column once, cross-products once, then solve each fit (in buffers
  // allocated once: kernels.ts says why).
  let kmax = 1;
  for (const grp of groups) for (const f of grp.fits) kmax = Math.max(kmax, f.terms.length + 1);
  const ws = new Workspace(kmax, p.n);
  for (const grp of groups) {
    solveGroup(p, g, c, grp, opts, out, fallback, ws);
    done += grp.fits.reduce((s, f) => s + f.specs.length, 0);
    opts.onProgress?.(done, total);
  }
  opts.onProgress?.(total, total);
  return out;
}

function sameFit(c: Combos, i: number, j: number): boolean {
  const d = c.idx;
  return d.y[i] === d.y[j] && d.key[i] === d.key[j] && d.lag[i] === d.lag[j] && d.controls[i] === d.controls[j] && d.fe[i] === d.fe[j] && d.sample[i] === d.sample[j] && d.estimator[i] === d.estimator[j];
}

function minCode(codes: Int32Array): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < m) m = codes[i];
  return m;
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hasMissing(codes: Int32Array, rows: Int32Array): boolean {
  for (let r = 0; r < rows.length; r++) if (codes[rows[r]] < 0) return true;
  return false;
}

function solveGroup(p: Prepared, g: Grid, c: Combos, grp: Group, opts: BatchOptions, out: BatchResult, fallback: (i: number) => void, ws: Workspace): void {
  const base = opts.offset ?? 0;
  const {rows} = grp;
  const m = rows.length;
  const full = m === p.n;
  const onSample = (f: {codes: Int32Array; nlevels: number}): FeDim => (full ? {codes: f.codes, nlevels: f.nlevels} : recode(f.codes, rows, f.nlevels));
  if (m === 0) {
    for (const fit of grp.fits) for (const s of fit.specs) fallback(s);
    return;
  }
  const pooled = grp.fe.length === 0;
  const feDims = grp.fe.map((f) => onSample(p.factors.get(f)!));
  const feSizes = pooled ? [] : feDims.map((d) => d.nlevels);
  const absorb: FeDim[] = pooled ? [{codes: new Int32Array(m), nlevels: 1}] : feDims;

  // Every term the group's fits use, demeaned together, and all their cross-products.
  const names: string[] = [];
  const pos = new Map<string, number>();
  for (const fit of grp.fits) for (const t of fit.terms) if (!pos.has(t)) pos.set(t, names.push(t) - 1);
  // A sub-sample's columns are gathered into the run's reused buffers (demean copies them; kernels.ts says
  // why allocating fewer typed arrays matters).
  const raw = names.map((t, j) => {
    const col = p.terms.get(t)!;
    if (full) return col;
    const v = ws.column(j).subarray(0, m);
    for (let r = 0; r < m; r++) v[r] = col[rows[r]];
    return v;
  });
  const dm = demean(raw, absorb);
  const D = dm.cols;
  const C = crossprod(D);
  const T = names.length;
  const rawSS = sumSquares(raw);
  const ones = pooled ? new Float64Array(m).fill(1) : null;
  const clCache = new Map<string, FeDim>();
  const scratch = new Float64Array(m + 1);
  const clDim = (name: string) => {
    let d = clCache.get(name);
    if (!d) clCache.set(name, (d = onSample(p.factors.get(name)!)));
    return d;
  };
  // Per vcov option, what its clustering needs on this group, resolved once (not per specification).
  const plans: Array<ClusterPlan | null | undefined> = new Array(g.vcov.length);
  const planOf = (vi: number): ClusterPlan | null => {
    let plan = plans[vi];
    if (plan === undefined) {
      const v = g.vcov[vi];
      plan = typeof v === "object" ? clusterPlan(v.cluster.map(clDim), pooled, feDims) : null;
      plans[vi] = plan;
    }
    return plan;
  };
  // The fit's regressors (XK) and the model's columns (Z: with the constant first when pooled), in arrays
  // reused across fits; their first ks (k) entries are the fit's.
  const XK = ws.XK;
  const Z = ws.Z;
  if (pooled) Z[0] = ones!;
  const xi = ws.xi;
  const keepIdx = ws.keepIdx;
  const resid = ws.resid;
  const vc = c.idx.vcov;

  for (let f = 0; f < grp.fits.length; f++) {
    const fit = grp.fits[f];
    const specs = fit.specs;
    const terms = fit.terms;
    const yi = pos.get(terms[0])!;
    const kx = terms.length - 1;
    for (let a = 0; a < kx; a++) xi[a] = pos.get(terms[a + 1])!;
    const kRequested = kx + (pooled ? 1 : 0);
    if (m <= nparamsOf(kRequested, feSizes) || !dm.converged) {
      for (let q = 0; q < specs.length; q++) fallback(specs[q]);
      continue;
    }
    const XtX = ws.XtX;
    const ss = ws.ss;
    for (let a = 0; a < kx; a++) {
      ss[a] = rawSS[xi[a]];
      for (let b = 0; b < kx; b++) XtX[a * kx + b] = C[xi[a] * T + xi[b]];
    }
    // Collinear terms exactly as estimate() removes them (engine collinearity.ts): a dropped key term
    // fails the specification with the engine's note; a dropped control is a note.
    const ks = findCollinearWs(XtX, kx, ss, ws);
    if (ks < kx) {
      const xNames = terms.slice(1);
      const drop: number[] = [];
      for (let j = 0; j < kx; j++) if (ws.dropped[j]) drop.push(j);
      const why = ks === 0 ? `all regressors (${xNames.join(", ")}) are collinear with the fixed effects or constant` : drop[0] === 0 ? collinearityNote(xNames[0]) : null;
      if (why !== null) {
        for (let q = 0; q < specs.length; q++) out.notes.set(specs[q], why);
        continue;
      }
      const note = drop.map((j) => collinearityNote(xNames[j])).join(" ");
      for (let q = 0; q < specs.length; q++) out.notes.set(specs[q], note);
      // Compact the kept rows and columns in place (row-major, kept indices increase: no overlap).
      for (let a = 0; a < ks; a++) for (let b = 0; b < ks; b++) XtX[a * ks + b] = XtX[keepIdx[a] * kx + keepIdx[b]];
    }
    const z0 = pooled ? 1 : 0;
    for (let a = 0; a < ks; a++) {
      const col = D[xi[keepIdx[a]]];
      XK[a] = col;
      Z[z0 + a] = col;
    }
    let yT = D[yi];
    const s0 = specs[0];
    if (opts.impose) {
      const b0 = opts.impose[s0];
      if (!(b0 === b0)) continue; // the spec failed on the original data: nothing to impose
      const xk = D[xi[0]];
      const yo = D[yi];
      yT = ws.yT;
      for (let r = 0; r < m; r++) yT[r] = yo[r] - b0 * xk[r];
    }
    const ssr = olsWs(yT, XK, ks, XtX, m, ws);
    if (!(ssr === ssr)) {
      for (let q = 0; q < specs.length; q++) fallback(specs[q]);
      continue;
    }
    const k = pooled ? ks + 1 : ks;
    const nparams = nparamsOf(k, feSizes);
    let bread: Float64Array;
    if (pooled) {
      bread = ws.bread2;
      bread.fill(0, 0, k * k);
      bread[0] = 1 / m;
      for (let a = 0; a < ks; a++) for (let b = 0; b < ks; b++) bread[(a + 1) * k + (b + 1)] = ws.bread[a * ks + b];
    } else {
      bread = ws.bread;
    }
    const at = pooled ? 1 : 0; // position of the key term in Z
    const coef = ws.coef[0];
    let zKey: Float64Array | null = null;
    let heteroVkk = NaN;
    let hasH = false; // ws.H holds this fit's heteroskedasticity-robust meat
    for (let q = 0; q < specs.length; q++) {
      const s = specs[q];
      const v = g.vcov[vc[s]];
      if (v === "iid") {
        // engine vcovIid: bread * SSR / (n - K), t df n - K.
        setResult(out, base, s, coef, Math.sqrt(bread[at * k + at] * (ssr / (m - nparams))), m - nparams, m);
        continue;
      }
      if (v === "hetero") {
        const dfT = m - nparams;
        if (opts.fastSe) {
          const z = (zKey ??= keyDirection(bread, Z, at, k, m, ws.zk.subarray(0, m)));
          let acc = 0;
          for (let r = 0; r < m; r++) acc += resid[r] * resid[r] * z[r] * z[r];
          setResult(out, base, s, coef, Math.sqrt((acc * m) / (m - nparams)), dfT, m);
          continue;
        }
        // engine vcovHetero: sandwich(B, heteroMeat) * n / (n - K).
        if (!hasH) hasH = (heteroMeat(Z, resid, k, m, ws.heteroBuffers), true);
        if (!(heteroVkk === heteroVkk)) heteroVkk = sandwichDiag(bread, ws.H, k, at, ws.row) * (m / (m - nparams));
        setResult(out, base, s, coef, Math.sqrt(heteroVkk), dfT, m);
        continue;
      }
      const plan = planOf(vc[s])!;
      if (plan.fallback) {
        fallback(s);
        continue;
      }
      const K = plan.K(k, feSizes);
      const gMin = plan.gMin;
      const factor = (gMin / (gMin - 1)) * ((m - 1) / (m - K));
      if (plan.singleton === m && !hasH) hasH = (heteroMeat(Z, resid, k, m, ws.heteroBuffers), true);
      if (pooled && plan.ways > 1) {
        // A multi-way variance may need fixest's repair, which is made on the variance with its intercept
        // (engine estimate-ols.ts): the engine's full matrix, back-transformed, then repaired, in the same operations.
        // In the run's reused buffers (kernels.ts says why allocating matters in Chromium); the same arithmetic.
        const M = clusterMeatSum(plan, Z, k, resid, m, ws);
        const xbar = ws.xbar;
        for (let a = 0; a < ks; a++) {
          let sum = 0;
          const x = raw[xi[keepIdx[a]]];
          for (let r = 0; r < m; r++) sum += x[r];
          xbar[a] = sum / m;
        }
        const VZ = sandwich(bread, M, k, ws.T1, ws.T2);
        for (let i = 0; i < k * k; i++) VZ[i] *= factor;
        const fx = fixNegativeDiagonal(interceptBackTransform(VZ, xbar, k, ws.backTransform), k, ws.eigen);
        if (fx.fixed) out.notes.set(s, [out.notes.get(s), PSD_NOTE].filter(Boolean).join(" "));
        setResult(out, base, s, coef, Math.sqrt(fx.V[at * k + at]), gMin - 1, m);
        continue;
      }
      if (opts.fastSe) {
        const z = (zKey ??= keyDirection(bread, Z, at, k, m, ws.zk.subarray(0, m)));
        let vkk = 0;
        for (let u = 0; u < plan.subsets.length; u++) vkk += plan.signs[u] * sumSquaredScores(z, resid, plan.subsets[u].cl, scratch);
        // One-way meats are positive semi-definite; a multi-way one is checked on every diagonal.
        if (plan.ways === 1 || allDiagonalsNonNegative(bread, Z, resid, plan.subsets, k, m, scratch, ws.z2.subarray(0, m))) {
          setResult(out, base, s, coef, Math.sqrt(vkk * factor), gMin - 1, m);
          continue;
        }
        const cv = vcovClusterShared(bread.slice(0, k * k), Z.slice(0, k), resid.slice(0, m), plan.subsets, plan.dims, K);
        if (cv.fixed) out.notes.set(s, [out.notes.get(s), PSD_NOTE].filter(Boolean).join(" "));
        setResult(out, base, s, coef, Math.sqrt(cv.V[at * k + at]), cv.gMin - 1, m);
        continue;
      }
      // engine vcovCluster: sum_S sign * clusterMeat_S, sandwich, times the CR1 factor; a negative
      // diagonal anywhere takes the engine's positive semi-definite repair below.
      const M = clusterMeatSum(plan, Z, k, resid, m, ws);
      let negative = false;
      if (plan.ways > 1) for (let a = 0; a < k && !negative; a++) if (sandwichDiag(bread, M, k, a, ws.row) * factor < 0) negative = true;
      if (!negative) {
        setResult(out, base, s, coef, Math.sqrt(sandwichDiag(bread, M, k, at, ws.row) * factor), gMin - 1, m);
        continue;
      }
      // The engine's repair on this meat: full sandwich times the factor, then its positive semi-definite part.
      const VZ = sandwich(bread, M, k, ws.T1, ws.T2);
      for (let i = 0; i < k * k; i++) VZ[i] *= factor;
      const V = psdPart(VZ, k, ws.eigen);
      out.notes.set(s, [out.notes.get(s), PSD_NOTE].filter(Boolean).join(" "));
      setResult(out, base, s, coef, Math.sqrt(V[at * k + at]), gMin - 1, m);
    }
  }
}

// The engine's own note (estimate() says the same, and notes-zh.ts translates it).
const PSD_NOTE = PSD_REPAIR_NOTE;

/**
 * What one clustering needs on a group: the engine's inclusion-exclusion terms (each non-empty subset of the
 * dimensions, intersected once), G_min, and fixest's K for the CR1 factor (engine ssc.ts `clusterK`, which
 * depends on the fit's k only through nparams: memoized by k). `fallback`: a dimension with one cluster
 * (estimate() alone says why).
 */
interface ClusterPlan {
  fallback: boolean;
  /** m when some term of the inclusion-exclusion has one observation per cluster (its meat is ws.H), else -1. */
  singleton: number;
  ways: number;
  dims: ClusterDim[];
  subsets: Array<{cl: ClusterDim; sign: number}>;
  levels: number[];
  signs: number[];
  gMin: number;
  K: (k: number, feSizes: number[]) => number;
}

function clusterPlan(dims: ClusterDim[], pooled: boolean, feDims: FeDim[]): ClusterPlan {
  let gMin = Infinity;
  for (const d of dims) gMin = Math.min(gMin, d.nlevels);
  if (dims.some((d) => d.nlevels < 2)) return {fallback: true, singleton: -1, ways: dims.length, dims, subsets: [], levels: [], signs: [], gMin, K: () => NaN};
  const nested = pooled ? [] : feDims.map((fd) => dims.some((cd) => isNested(fd, cd)));
  const subsets = clusterSubsets(dims);
  const memo: number[] = [];
  const m = dims[0].codes.length;
  return {
    fallback: false,
    singleton: subsets.some((x) => x.cl.nlevels === m) ? m : -1,
    ways: dims.length,
    dims,
    subsets,
    levels: subsets.map((x) => x.cl.nlevels),
    signs: subsets.map((x) => x.sign),
    gMin,
    K: (k, feSizes) => (memo[k] ??= clusterK(k, feSizes, nested))
  };
}

/**
 * One specification through `estimate()` alone: its key coefficient, or its one-line reason. A dropped
 * control is a note; a dropped key term is a failure.
 */
function estimateAlone(frame: Frame | undefined, g: Grid, c: Combos, i: number, out: BatchResult, base: number): void {
  if (!frame) {
    out.notes.set(i, "not estimable in this bootstrap draw");
    return;
  }
  const {spec, keyTerm} = specOf(g, c, i);
  try {
    const r = estimate(frame, spec);
    const j = r.terms.indexOf(keyTerm);
    if (j < 0) {
      out.notes.set(i, collinearityNote(keyTerm));
      return;
    }
    out.coef[i - base] = r.coef[j];
    out.se[i - base] = r.se[j];
    out.tstat[i - base] = r.tstat[j];
    out.pvalue[i - base] = r.pvalue[j];
    out.df[i - base] = r.df_t ?? NaN;
    out.nobs[i - base] = r.nobs;
    out.ok[i - base] = Number.isFinite(r.coef[j]) && Number.isFinite(r.se[j]) ? 1 : 0;
    if (r.notes.length) out.notes.set(i, r.notes.join(" "));
    if (r.ar2 && r.hansen) out.gmm.set(i, {ar2_p: r.ar2.pvalue, hansen_p: r.hansen.pvalue, n_instruments: r.n_instruments ?? NaN, rho: r.coef[r.terms.indexOf(spec.x[0])]});
  } catch (e) {
    out.notes.set(i, (e instanceof Error ? e.message : String(e)).split("\n")[0]);
  }
}

/**
 * engine vcovCluster's meat, sum_S sign_S M_S, into ws.M: each term by the engine's clusterMeat in the run's
 * buffers, or, when its clusters
 * are single observations, the fit's heteroskedasticity-robust meat ws.H (engine `singletonMeat`; the caller
 * has computed ws.H when plan.singleton says so).
 */
function clusterMeatSum(plan: ClusterPlan, Z: Float64Array[], k: number, resid: Float64Array, m: number, ws: Workspace): Float64Array {
  const M = ws.M;
  M.fill(0, 0, k * k);
  for (let u = 0; u < plan.levels.length; u++) {
    const G = plan.levels[u];
    addMeatWs(M, G === m ? ws.H : clusterMeat(Z, resid, plan.subsets[u].cl, k, m, ws.meat(G, k)), plan.signs[u], k);
  }
  return M;
}

/** The engine's inclusion-exclusion terms (vcov-cluster.ts): each non-empty subset of the dimensions, intersected once per group. */
function clusterSubsets(dims: ClusterDim[]): Array<{cl: ClusterDim; sign: number}> {
  const out: Array<{cl: ClusterDim; sign: number}> = [];
  for (let mask = 1; mask < 1 << dims.length; mask++) {
    const subset = dims.filter((_, d) => mask & (1 << d));
    out.push({cl: subset.length === 1 ? subset[0] : intersectClusters(subset), sign: subset.length % 2 === 1 ? 1 : -1});
  }
  return out;
}

/**
 * The engine's `vcovCluster` with the cluster intersections computed once per group instead of once per
 * fit: the same operations in the same order (so the same bits), CR1 with fixest's G_min/(G_min - 1)
 * (n - 1)/(n - K) and the positive semi-definite fix of a negative diagonal (vcov-cluster.ts).
 */
function vcovClusterShared(bread: Float64Array, X: Float64Array[], e: Float64Array, subsets: Array<{cl: ClusterDim; sign: number}>, dims: ClusterDim[], K: number): {V: Float64Array; gMin: number; fixed: boolean} {
  const k = X.length;
  const n = e.length;
  const M = new Float64Array(k * k);
  for (const {cl, sign} of subsets) {
    const Ms = singletonMeat(X, e, cl) ?? clusterMeat(X, e, cl);
    for (let i = 0; i < k * k; i++) M[i] += sign * Ms[i];
  }
  let gMin = Infinity;
  for (const d of dims) gMin = Math.min(gMin, d.nlevels);
  const factor = (gMin / (gMin - 1)) * ((n - 1) / (n - K));
  let V: Float64Array = sandwich(bread, M, k).map((v) => v * factor);
  let negative = false;
  for (let i = 0; i < k; i++) if (V[i * k + i] < 0) negative = true;
  if (negative) V = psdPart(V, k);
  return {V, gMin, fixed: negative};
}

function setResult(out: BatchResult, base: number, s: number, coef: number, se: number, dfT: number, m: number): void {
  // A zero standard error (a repaired multi-way variance can be exactly 0) has no t statistic: NaN, as the engine.
  const t = se > 0 ? coef / se : NaN;
  out.coef[s - base] = coef;
  out.se[s - base] = se;
  out.tstat[s - base] = t;
  out.pvalue[s - base] = pvalueT(t, dfT);
  out.df[s - base] = dfT;
  out.nobs[s - base] = m;
  out.ok[s - base] = 1;
}

/** z = Z b, b = row `at` of the bread: the key coefficient is b' Z' e, so its scores are z_i e_i. */
function keyDirection(bread: Float64Array, Z: Float64Array[], at: number, k: number, m: number, into?: Float64Array): Float64Array {
  const z = into ?? new Float64Array(m);
  z.fill(0, 0, m);
  for (let j = 0; j < k; j++) {
    const b = bread[at * k + j];
    if (b === 0) continue;
    const x = Z[j];
    for (let r = 0; r < m; r++) z[r] += b * x[r];
  }
  return z;
}

/** sum_g (sum_{i in g} z_i e_i)^2 over the clusters of `cl` (`scratch` holds >= G zeros and is left zeroed). */
function sumSquaredScores(z: Float64Array, e: Float64Array, cl: ClusterDim, scratch: Float64Array): number {
  const codes = cl.codes;
  const acc = cl.nlevels <= scratch.length ? scratch : new Float64Array(cl.nlevels);
  for (let r = 0; r < z.length; r++) acc[codes[r]] += z[r] * e[r];
  let s = 0;
  for (let g = 0; g < cl.nlevels; g++) {
    s += acc[g] * acc[g];
    acc[g] = 0;
  }
  return s;
}

/** True when every diagonal of the multi-way meat sandwich is >= 0 (else the engine's repair applies). */
function allDiagonalsNonNegative(bread: Float64Array, Z: Float64Array[], e: Float64Array, subsets: Array<{cl: ClusterDim; sign: number}>, k: number, m: number, scratch: Float64Array, z: Float64Array): boolean {
  for (let j = 0; j < k; j++) {
    keyDirection(bread, Z, j, k, m, z);
    let v = 0;
    for (const {cl, sign} of subsets) v += sign * sumSquaredScores(z, e, cl, scratch);
    if (v < 0) return false;
  }
  return true;
}
