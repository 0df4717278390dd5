/**
 * OLS / fixed-effects estimation pipeline (fixest 0.12.1 `feols` conventions, ESTIMATION.md):
 * validate -> lags on the full data -> exclude + listwise deletion (+ optional singletons) ->
 * demean (pooled: centre, i.e. absorb the intercept) -> drop collinear regressors -> FWL OLS ->
 * variance (iid | HC1 | CR1 one- or multi-way) -> t, p (Student t) -> fit statistics.
 */
import {UserError} from "../errors.js";
import {collinearityNote, findCollinear} from "./collinearity.js";
import {demean, type FeDim} from "./demean.js";
import {fitStats} from "./fit.js";
import {getColumn} from "./frame.js";
import {toRows} from "./linalg.js";
import {gram} from "./gram.js";
import {olsFwl, sumSquares} from "./ols.js";
import {sampleCoder, takeRows} from "./prepare.js";
import {olsSample} from "./ols-sample.js";
import {validateSpec} from "./spec.js";
import {clusterK, isNested, nparamsOf} from "./ssc.js";
import {recycle} from "./scratch.js";
import {pvalueT} from "./tdist.js";
import type {Frame, Result, Spec} from "./types.js";
import {fixNegativeDiagonal, PSD_REPAIR_NOTE, vcovCluster} from "./vcov-cluster.js";
import {interceptBackTransform} from "./pooled-vcov.js";
import {vcovHetero} from "./vcov-hetero.js";
import {vcovIid} from "./vcov-iid.js";
import {labelOf, vcovPanel} from "./vcov-panel.js";

export {buildRegressors} from "./prepare.js";

/** The demeaned estimation sample of an OLS fit (for the wild bootstrap). */
export interface OlsDesign {
  y: Float64Array;
  X: Float64Array[];
  terms: string[];
  /** Rows of the frame in the sample, in sample order. */
  rows: Int32Array;
  feDims: FeDim[];
  pooled: boolean;
}

/**
 * SD of each kept regressor after the model's fixed effects on its estimation sample (pooled: after centring, i.e.
 * the ordinary SD): sqrt(sum of the demeaned column squared / (m - 1)), the sums being the diagonal of the
 * demeaned regressors' cross-product (kx x kx, already computed for the collinearity check). See within-sd.ts.
 */
function withinSdOf(XtXall: Float64Array, kx: number, m: number, names: string[], keep: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  keep.forEach((j, a) => (out[names[a]] = Math.sqrt(XtXall[j * kx + j] / (m - 1))));
  return out;
}

/**
 * For each kept regressor, the number of ids (partners) whose value is not constant over their rows of the
 * estimation sample: with id fixed effects only these partners identify the coefficient, and with few of them
 * clustered standard errors are unreliable (MacKinnon & Webb 2017); pages show it beside the estimate.
 * Example: dstri moves in 3 of 42 partners -> {dstri: 3}.
 */
function changingIdsOf(xSub: Float64Array[], names: string[], keep: number[], id: {codes: Int32Array; nlevels: number}): Record<string, number> {
  const out: Record<string, number> = {};
  if (id.nlevels === id.codes.length) {
    // One row per id (e.g. no panel: the row is the id): no id can change.
    keep.forEach((_, a) => (out[names[a]] = 0));
    return out;
  }
  const counts = changingCounts(keep.map((j) => xSub[j]), id.codes, id.nlevels);
  keep.forEach((_, a) => (out[names[a]] = counts[a]));
  return out;
}

/**
 * For each column, the number of ids whose rows do not all share the value of the id's first row: one pass over
 * the rows for every column (the id's code read once a row; with rows blocked by a fixed effect the id is nested
 * in, its first row is close by). A loop of its own: compiled as a whole.
 */
function changingCounts(cols: Float64Array[], codes: Int32Array, nlevels: number): Int32Array {
  const k = cols.length;
  // Up to four columns: one kernel with the columns in locals (an unused slot repeats the first column, its
  // count is dropped), ~2x faster than indexing the array of columns at every row.
  if (k >= 1 && k <= 4) return changingCounts4(cols[0], cols[k > 1 ? 1 : 0], cols[k > 2 ? 2 : 0], cols[k > 3 ? 3 : 0], codes, nlevels).subarray(0, k);
  const firstRow = new Int32Array(nlevels).fill(-1);
  const moved = new Uint8Array(nlevels * k);
  const counts = new Int32Array(k);
  for (let r = 0; r < codes.length; r++) {
    const g = codes[r];
    const f = firstRow[g];
    if (f < 0) {
      firstRow[g] = r;
      continue;
    }
    const base = g * k;
    for (let a = 0; a < k; a++) {
      if (moved[base + a] === 0 && cols[a][r] !== cols[a][f]) {
        moved[base + a] = 1;
        counts[a]++;
      }
    }
  }
  return counts;
}

/** `changingCounts` of four columns (flags of id g at moved[4g..4g+3]). */
function changingCounts4(x0: Float64Array, x1: Float64Array, x2: Float64Array, x3: Float64Array, codes: Int32Array, nlevels: number): Int32Array {
  const firstRow = new Int32Array(nlevels).fill(-1);
  const moved = new Uint8Array(nlevels * 4);
  const counts = new Int32Array(4);
  for (let r = 0; r < codes.length; r++) {
    const g = codes[r];
    const f = firstRow[g];
    if (f < 0) {
      firstRow[g] = r;
      continue;
    }
    const base = g << 2;
    if (moved[base] === 0 && x0[r] !== x0[f]) {
      moved[base] = 1;
      counts[0]++;
    }
    if (moved[base + 1] === 0 && x1[r] !== x1[f]) {
      moved[base + 1] = 1;
      counts[1]++;
    }
    if (moved[base + 2] === 0 && x2[r] !== x2[f]) {
      moved[base + 2] = 1;
      counts[2]++;
    }
    if (moved[base + 3] === 0 && x3[r] !== x3[f]) {
      moved[base + 3] = 1;
      counts[3]++;
    }
  }
  return counts;
}

/** Missing id or time is an error with or without lags (same messages as `assertPanel`). */
function assertPresent(idCodes: Int32Array, timeCodes: Int32Array, idName: string, timeName: string): void {
  for (let i = 0; i < idCodes.length; i++) {
    if (idCodes[i] < 0) throw new UserError(`id column '${idName}' is missing at row ${i + 1}`);
    if (timeCodes[i] < 0) throw new UserError(`time column '${timeName}' is missing at row ${i + 1}`);
  }
}

/**
 * Degenerate outcomes are one-line errors rather than coefficients 0 with SE 0 (issue #13): an outcome with
 * no variation at all, or none left within the fixed effects (the FE explain it exactly), has nothing to
 * estimate. Tolerances are relative: 1e-24 of the raw sum of squares for "constant", 1e-16 of the total sum
 * of squares for "within" (1e-8 in amplitude, well above the demeaning's convergence error).
 * `within`: the sum of squares of the demeaned outcome (the FE-only SSR, from the Gram matrix of the fit).
 * Returns the sums for the fit statistics: the total sum of squares (fit.ts `totalSumSquares`, the same two
 * passes) and, with fixed effects, `within`.
 */
function assertOutcomeVaries(y: Float64Array, within: number, name: string, fe: string[] | null): {tss: number; within: number | null} {
  const m = y.length;
  let mean = 0, raw = 0;
  for (let i = 0; i < m; i++) mean += y[i];
  mean /= m;
  let tss = 0;
  for (let i = 0; i < m; i++) {
    raw += y[i] * y[i];
    tss += (y[i] - mean) * (y[i] - mean);
  }
  if (tss <= 1e-24 * raw || tss === 0) {
    throw new UserError(`the outcome '${name}' is constant (${y[0]}) in all ${m} rows of the estimation sample: there is no variation to explain`);
  }
  if (!fe) return {tss, within: null};
  if (within <= 1e-16 * tss) {
    throw new UserError(`the outcome '${name}' has no variation within the fixed effects (${fe.join(", ")}): they explain it exactly, so no coefficient can be estimated`);
  }
  return {tss, within};
}

/**
 * Estimates an OLS / FE model. See types.ts for the Result contract.
 * Example: `estimateOls(frame, {id: "country", time: "year", y: "y", x: ["dstri"], fe: ["country", "year"],
 * vcov: {cluster: ["country"]}})`.
 */
export function estimateOls(frame: Frame, specIn: Spec, capture?: (d: OlsDesign) => void): Result {
  const t0 = performance.now();
  const spec = validateSpec(specIn);
  if (spec.estimator !== "ols") throw new UserError(`estimateOls: estimator '${spec.estimator}' is not OLS`);
  const n = frame.nrows;
  if (!(n > 0)) throw new UserError("the data have no rows");
  const notes: string[] = [];

  // Rows blocked by the largest fixed effect (prepare.ts), unless the bootstrap needs the sample in frame order
  // (its random draws are indexed by cluster codes in order of appearance). ols-sample.ts.
  const sample = olsSample(frame, spec, !capture);
  const {prep, rows, blockedCoded, big, full, ySub, xSub} = sample;
  notes.push(...prep.notes);
  const {idF, time, timeF, xs, feF, clF, clNames, nComplete, nSingletons} = prep;
  const m = rows.length;

  // Codes and columns on the sample; when every row is kept they are the full-data ones (recode
  // of all rows keeps first-appearance codes unchanged; nothing downstream writes to them).
  const pos = blockedCoded?.pos ?? null;
  const coder = sampleCoder(rows, full, pos);
  if (blockedCoded) coder.seed(feF[big], blockedCoded);
  const onSample = coder.of;
  const pooled = spec.fe.length === 0;
  const feDims: FeDim[] = feF.map(onSample);
  const feSizes = pooled ? [] : feDims.map((d) => d.nlevels);
  const kRequested = spec.x.length + (pooled ? 1 : 0);
  const npRequested = nparamsOf(kRequested, feSizes);
  if (m <= npRequested) {
    const feText = pooled ? "" : ` and ${npRequested - kRequested} fixed-effect parameters`;
    throw new UserError(`too few observations: ${m} rows for ${kRequested} coefficient${kRequested > 1 ? "s" : ""}${feText} (need more rows than parameters)`);
  }
  const clDims: FeDim[] = clF.map(onSample);
  clDims.forEach((d, c) => {
    if (d.nlevels < 2) throw new UserError(`vcov cluster '${clNames[c]}' has only ${d.nlevels} cluster in the estimation sample; clustering needs at least 2`);
  });

  // Demean (pooled OLS: one single-level "FE" = centring, so the intercept is absorbed exactly).
  const absorb: FeDim[] = pooled ? [{codes: new Int32Array(m), nlevels: 1}] : feDims;
  const dm = demean([ySub, ...xSub], absorb);
  if (!dm.converged) notes.push("The fixed-effects demeaning did not reach full convergence.");
  const yT = dm.cols[0];
  const XT = dm.cols.slice(1);
  // One pass for every sum of squares and cross-product of the demeaned columns (gram.ts): y~'y~, X~'X~, X~'y~.
  const kx = XT.length;
  const C = gram([yT, ...XT]);
  const sums = assertOutcomeVaries(ySub, C[0], spec.y, pooled ? null : spec.fe);

  // Collinearity.
  const XtXall = new Float64Array(kx * kx);
  for (let a = 0; a < kx; a++) for (let b = 0; b < kx; b++) XtXall[a * kx + b] = C[(a + 1) * (kx + 1) + b + 1];
  // Raw sums of squares (collinearity scale): with every row in the sample, the frame-order sums of the input checks.
  const rawSS = m === n && xs.every((x) => prep.finite.has(x)) ? Float64Array.from(xs, (x) => prep.finite.get(x)!) : sumSquares(xSub);
  const {keep, drop} = findCollinear(XtXall, kx, rawSS);
  for (const j of drop) notes.push(collinearityNote(spec.x[j]));
  if (keep.length === 0) throw new UserError(`all regressors (${spec.x.join(", ")}) are collinear with the fixed effects or constant`);
  const ks = keep.length;
  const XtX = new Float64Array(ks * ks);
  for (let a = 0; a < ks; a++) for (let b = 0; b < ks; b++) XtX[a * ks + b] = XtXall[keep[a] * kx + keep[b]];
  const XK = keep.map((j) => XT[j]);
  const fit = olsFwl(yT, XK, XtX, Float64Array.from(keep, (j) => C[j + 1]));
  if (!fit) throw new UserError("the regressors are collinear (singular cross-product matrix)");

  // The wild bootstrap (wild-bootstrap.ts) works on the demeaned sample (pooled: the raw data with the intercept
  // as a regressor): copies, since these arrays are recycled.
  capture?.({
    y: (pooled ? ySub : yT).slice(),
    X: pooled ? [new Float64Array(m).fill(1), ...keep.map((j) => xSub[j].slice())] : XK.map((x) => x.slice()),
    terms: [...(pooled ? ["(Intercept)"] : []), ...keep.map((j) => spec.x[j])],
    rows: rows.slice(),
    feDims: feDims.map((d) => ({codes: d.codes.slice(), nlevels: d.nlevels})),
    pooled
  });

  // Design in "Z-space": pooled -> [1, centred X] with block-diagonal bread; FE -> demeaned X.
  const k = pooled ? ks + 1 : ks;
  const nparams = nparamsOf(k, feSizes);
  let Z: Float64Array[];
  let bread: Float64Array;
  if (pooled) {
    Z = [new Float64Array(m).fill(1), ...XK];
    bread = new Float64Array(k * k);
    bread[0] = 1 / m;
    for (let a = 0; a < ks; a++) for (let b = 0; b < ks; b++) bread[(a + 1) * k + (b + 1)] = fit.bread[a * ks + b];
  } else {
    Z = XK;
    bread = fit.bread;
  }

  let V: Float64Array;
  let dofK: number;
  let dfT: number;
  const info: Record<string, unknown> = {};
  if (spec.vcov.type === "iid") {
    dofK = nparams;
    dfT = m - nparams;
    V = vcovIid(bread, fit.ssr, m, dofK);
    info.vcov = "iid";
  } else if (spec.vcov.type === "hetero") {
    dofK = nparams;
    dfT = m - nparams;
    V = vcovHetero(bread, Z, fit.resid, dofK);
    info.vcov = "hetero";
  } else if (spec.vcov.type === "driscoll_kraay" || spec.vcov.type === "newey_west") {
    const pv = vcovPanel({...spec.vcov, bread, Z, e: fit.resid, time: full ? time : takeRows(time, rows, pos), unit: onSample(idF), feDims: pooled ? [] : feDims, k, names: {unit: spec.id, time: spec.time, unitLabel: (r) => `${spec.id} ${labelOf(getColumn(frame, spec.id, "spec.id"), full ? r : rows[r])}`}});
    V = pv.V;
    dofK = pv.dofK;
    dfT = pv.dfT;
    Object.assign(info, {vcov: spec.vcov.type, lag: pv.lag, n_periods_hac: pv.T});
  } else {
    const nested = pooled ? [] : feDims.map((fd) => clDims.some((cd) => isNested(fd, cd)));
    dofK = clusterK(k, feSizes, nested);
    // Pooled: the repair waits for the variance in the model's coordinates (with its intercept), as fixest.
    const cv = vcovCluster(bread, Z, fit.resid, clDims, dofK, !pooled);
    V = cv.V;
    dfT = cv.gMin - 1;
    info.vcov = "cluster";
    info.cluster = clNames;
    info.n_clusters = cv.gMin;
    info.n_clusters_by_dim = Object.fromEntries(clNames.map((name, c) => [name, clDims[c].nlevels]));
    if (cv.fixed) notes.push(PSD_REPAIR_NOTE);
  }

  // Coefficients (pooled: back-transform theta = A theta_Z, V = A V_Z A', A = [[1, -xbar'], [0, I]]).
  let coef: Float64Array;
  if (pooled) {
    let ybar = 0;
    for (let r = 0; r < m; r++) ybar += ySub[r];
    ybar /= m;
    const xbar = new Float64Array(ks);
    keep.forEach((j, a) => {
      let s = 0;
      const x = xSub[j];
      for (let r = 0; r < m; r++) s += x[r];
      xbar[a] = s / m;
    });
    // The centred regression's intercept is ybar - (mean of demeaned-y residual) = ybar exactly.
    coef = new Float64Array(k);
    coef[0] = ybar;
    for (let a = 0; a < ks; a++) {
      coef[a + 1] = fit.coef[a];
      coef[0] -= xbar[a] * fit.coef[a];
    }
    V = interceptBackTransform(V, xbar, k);
    if (spec.vcov.type !== "iid" && spec.vcov.type !== "hetero") {
      const fx = fixNegativeDiagonal(V, k);
      V = fx.V;
      if (fx.fixed) notes.push(PSD_REPAIR_NOTE);
    }
  } else {
    coef = fit.coef;
  }

  const terms = [...(pooled ? ["(Intercept)"] : []), ...keep.map((j) => spec.x[j])];
  const se = terms.map((_, i) => Math.sqrt(V[i * k + i]));
  // A zero or undefined SE gives no t (and so no p): never t = ±Inf printed as null beside p = 0.
  const tstat = terms.map((_, i) => (se[i] > 0 ? coef[i] / se[i] : NaN));
  const pvalue = tstat.map((t) => pvalueT(t, dfT));

  const fs = fitStats({ssr: fit.ssr, tss: sums.tss, ssrFe: sums.within, n: m, nparams, k});

  const idSample = onSample(idF);
  const timeSample = onSample(timeF);

  Object.assign(info, {
    estimator: "ols",
    nparams,
    dof_K: dofK,
    df_resid: fs.df_resid,
    ssr: fs.ssr,
    tss: fs.tss,
    ssr_fe_only: fs.ssr_fe_only,
    sigma: fs.sigma,
    rmse: fs.rmse,
    n_periods: timeSample.nlevels,
    fixef_sizes: pooled ? null : Object.fromEntries(spec.fe.map((name, f) => [name, feDims[f].nlevels])),
    n_complete_cases: nComplete,
    n_singletons_removed: nSingletons,
    collinear: drop.map((j) => spec.x[j]),
    within_sd: withinSdOf(XtXall, kx, m, keep.map((j) => spec.x[j]), keep),
    changing_ids: changingIdsOf(xSub, keep.map((j) => spec.x[j]), keep, idSample),
    demean: {method: pooled ? "centre" : dm.method, iterations: dm.iterations, fe_redundancies: pooled ? null : dm.redundancies}
  });
  if (!pooled && spec.fe.length >= 2 && dm.redundancies !== null && dm.redundancies > 1) {
    notes.push(`The fixed effects have ${dm.redundancies} redundancies (disconnected design); nparams assumes one, as fixest does by default.`);
  }

  // Working arrays back to the pool (scratch.ts): codes, sample rows, demeaned columns, residuals;
  // never the input columns (ySub / xSub are those when every row is kept).
  recycle([...prep.codeArrays, rows, ...dm.cols, fit.resid]);
  if (!full) recycle([ySub, ...xSub, ...coder.arrays(), pos]);
  return {
    terms,
    coef: Array.from(coef),
    se,
    tstat,
    pvalue,
    df_t: dfT,
    nobs: m,
    n_groups: idSample.nlevels,
    r2: fs.r2,
    adj_r2: fs.adj_r2,
    r2_within: fs.r2_within,
    adj_r2_within: fs.adj_r2_within,
    ssr: fs.ssr,
    vcov: toRows(V, k),
    notes,
    info,
    timing_ms: {read: 0, estimate: performance.now() - t0}
  };
}
