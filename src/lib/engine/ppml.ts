/**
 * Poisson pseudo-maximum likelihood with any number of fixed effects (Santos Silva & Tenreyro 2006), as fixest
 * 0.12.1 `fepois` (R/ESTIMATION_FUNS.R `feglm.fit`):
 *  - y in levels, zeros allowed, negative y refused;
 *  - fixed-effect levels whose outcome is all zero removed first (`fixef.rm = "perfect"`), then rows separated by
 *    the regressors (ppmlhdfe; separation.ts), each with a note;
 *  - IRLS: z = eta + (y - mu)/mu, weights mu; z and X demeaned with the weights (demean-weighted.ts; with two
 *    fixed effects the fused passes of ppml-irls-two.ts); weighted least squares; eta = z - (z~ - X~ b); stop when
 *    |dev - dev_old|/(0.1 + |dev|) < 1e-11 and the largest coefficient change is below 1e-12 of its size
 *    (fixest's criterion, tighter); the start is each row's level mean of the largest fixed effect (see
 *    startingMeans: the same estimates, fewer iterations);
 *  - bread B = (X~' W X~)^{-1} and scores x~_i w_i (z~_i - x~_i b) of the last weighted least squares (fixest's
 *    `wols`: weights w = the means before the last update; at convergence w (z~ - x~ b) = y - mu);
 *    iid V = (n-1)/(n-K) B; hetero, cluster, Driscoll-Kraay, Newey-West as for OLS (fixest's ssc with
 *    K = nparams, "nested" for clusters and HAC), z statistics with normal p-values (fixest: poisson uses the normal);
 *  - deviance 2 sum(y log(y/mu) - (y - mu)), null deviance the same with mu = mean(y), log-likelihood
 *    sum(y eta - mu - lgamma(y + 1)), McFadden pseudo R2 = 1 - ll/ll_null (ll_null: intercept only), fixest's
 *    adjusted pseudo R2 1 - (ll - nparams)/(ll_null - 1).
 */
import {UserError} from "../errors.js";
import {collinearityNote, findCollinear} from "./collinearity.js";
import {demeanWeighted} from "./demean-weighted.js";
import type {FeDim} from "./demean-types.js";
import {getColumn, recode, take} from "./frame.js";
import {lgamma} from "./lgamma.js";
import {spdInverse, toRows} from "./linalg.js";
import {blockRows, inversePermutation, largestFe, prepareSample, sampleCoder, takeRows} from "./prepare.js";
import {poissonIrls, weightedCross, type IrlsFit} from "./ppml-irls.js";
import {poissonIrlsTwoWay} from "./ppml-irls-two.js";
import {recycle, takeF64} from "./scratch.js";
import {perfectFixedEffects, separatedRows} from "./separation.js";
import {validateSpec} from "./spec.js";
import {twoWayLayout} from "./weighted-two-way.js";
import {clusterK, isNested, nparamsOf} from "./ssc.js";
import {pvalueNormal} from "./tdist.js";
import type {Frame, Result, Spec} from "./types.js";
import {fixNegativeDiagonal, PSD_REPAIR_NOTE, vcovCluster} from "./vcov-cluster.js";
import {vcovHetero} from "./vcov-hetero.js";
import {labelOf, vcovPanel} from "./vcov-panel.js";

/** Rows of `rows` kept where mask is 1 (`rows` itself when every row is kept). */
function filterRows(rows: Int32Array, mask: Uint8Array): Int32Array {
  let m = 0;
  for (let r = 0; r < rows.length; r++) if (mask[r]) m++;
  if (m === rows.length) return rows;
  const out = new Int32Array(m);
  for (let r = 0, j = 0; r < rows.length; r++) if (mask[r]) out[j++] = rows[r];
  return out;
}

/** sum of v. */
function sumOf(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}

/**
 * Starting means, into `mu`: (y + m_i) / 2 with m_i the mean outcome of row i's level of the fixed effect with the
 * most levels (every level has a positive sum once perfect fixed effects are removed), or of all rows without
 * fixed effects (fixest's start, (y + mean(y)) / 2). Any start converges to the same estimates; this one begins
 * each level near its own scale, where from the overall mean a level whose outcomes sit far below it needs one
 * IRLS step per unit of log distance ((y - mu)/mu >= -1 bounds each step): on a 1M-row firm-year panel 6
 * iterations instead of 8, the same numbers to 1e-13.
 */
function startingMeans(y: Float64Array, fes: FeDim[], ybar: number, mu: Float64Array): Float64Array {
  if (fes.length === 0) {
    for (let i = 0; i < y.length; i++) mu[i] = (y[i] + ybar) / 2;
    return mu;
  }
  let f = 0;
  for (let j = 1; j < fes.length; j++) if (fes[j].nlevels > fes[f].nlevels) f = j;
  const {codes, nlevels} = fes[f];
  const sum = new Float64Array(nlevels);
  const count = new Float64Array(nlevels);
  for (let i = 0; i < y.length; i++) {
    sum[codes[i]] += y[i];
    count[codes[i]]++;
  }
  for (let g = 0; g < nlevels; g++) sum[g] = count[g] > 0 ? sum[g] / count[g] : ybar;
  for (let i = 0; i < y.length; i++) mu[i] = (y[i] + sum[codes[i]]) / 2;
  return mu;
}

/**
 * Log-likelihood sum(y eta - mu - lgamma(y + 1)), that of the intercept-only model (mu = mean(y)) and the null
 * deviance 2 sum(y log(y/ybar) - (y - ybar)), in one pass (each row's lgamma computed once). A loop of its own:
 * row loops in the long estimatePpml body would run unoptimised until on-stack replacement.
 */
function logLikelihoods(y: Float64Array, eta: Float64Array, mu: Float64Array, ybar: number): {ll: number; llNull: number; nullDeviance: number} {
  const logYbar = Math.log(ybar);
  let lfact = 0;
  let ll = 0;
  let llNull = 0;
  let dev = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    if (yi > 0) {
      lfact += lgamma(yi + 1);
      dev += yi * Math.log(yi / ybar);
    }
    dev -= yi - ybar;
    ll += yi * eta[i] - mu[i];
    llNull += yi * logYbar - ybar;
  }
  return {ll: ll - lfact, llNull: llNull - lfact, nullDeviance: 2 * dev};
}

/**
 * Estimates a PPML model (spec.estimator "ppml"). Example:
 * `estimatePpml(frame, {id: "iso3", time: "year", y: "exports", x: ["dstri"], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}, estimator: "ppml"})`.
 */
export function estimatePpml(frame: Frame, specIn: Spec): Result {
  const t0 = performance.now();
  const spec = validateSpec(specIn);
  if (spec.estimator !== "ppml") throw new UserError(`estimatePpml: estimator '${spec.estimator}' is not PPML`);
  const n = frame.nrows;
  if (!(n > 0)) throw new UserError("the data have no rows");
  const notes: string[] = [];
  const prep = prepareSample(frame, spec, {
    checkOutcome: (y) => {
      for (let i = 0; i < n; i++) {
        if (y[i] < 0) throw new UserError(`PPML needs a non-negative outcome: '${spec.y}' is ${y[i]} at row ${i + 1} (use the outcome in levels, not in logs)`);
      }
    },
    missingPanel: "drop"
  });
  notes.push(...prep.notes);
  const {idF, time, y, xs, feF, clF, clNames, nComplete, nSingletons} = prep;
  if (nComplete === 0) throw new UserError(`no observation left after exclusions and removal of rows with missing ${[...new Set([spec.y, ...spec.x, ...spec.fe, ...clNames])].join(", ")}`);
  // Rows blocked by the largest fixed effect (prepare.ts): every IRLS step then streams through memory.
  const big = largestFe(feF, prep.rows.length);
  const blocked = big >= 0 ? blockRows(prep.rows, feF[big]) : null;
  const rows0 = blocked ?? prep.rows.slice();
  // Rows reordered but none dropped: columns are scattered into sample order (prepare.ts inversePermutation). A
  // filtered row list of length n is rows0 itself (filters keep the order).
  const pos0 = blocked ? inversePermutation(blocked, n) : null;
  const posFor = (rows: Int32Array) => (pos0 && rows.length === n ? pos0 : null);
  // Working arrays taken from the pool (scratch.ts) for this estimation, given back when it returns.
  const working: Array<Float64Array | Int32Array | null> = [pos0];
  const codesOn = (rows: Int32Array) => {
    const coder = sampleCoder(rows, false, posFor(rows));
    working.push(...coder.arrays());
    return feF.map((f) => coder.of(f));
  };

  // Sample cleaning and IRLS, first without the (costly) separation check; again with it if the fit shows signs
  // of separation (attempt below).
  const attempt = (checkSeparation: boolean) => {
    const notes: string[] = [];
    let rows: Int32Array = rows0;
    // Perfect fixed effects and separation, repeated until neither removes a row (ppmlhdfe's loop).
    let nPerfect = 0;
    let nSeparated = 0;
    // FE codes on the current rows, kept for the fit when no round removes a row (the usual case).
    let coded: FeDim[] | null = null;
    let yCoded: Float64Array | null = null;
    for (let round = 0; round < 50; round++) {
      const before = rows.length;
      const onRows = codesOn(rows);
      const yOn = takeRows(y, rows, posFor(rows));
      rows = filterRows(rows, perfectFixedEffects(yOn, onRows));
      nPerfect += before - rows.length;
      coded = rows.length === before ? onRows : null;
      yCoded = rows.length === before ? yOn : null;
      if (rows.length === 0) throw new UserError(`every observation has a fixed effect whose outcome '${spec.y}' is always 0: nothing is left to estimate`);
      if (!checkSeparation) break;
      const X2 = xs.map((x) => take(x, rows));
      if (feF.length === 0) X2.push(new Float64Array(rows.length).fill(1));
      const sep = separatedRows(take(y, rows), X2, feF.map((f) => recode(f.codes, rows, f.nlevels)));
      let ns = 0;
      for (let i = 0; i < sep.length; i++) ns += sep[i];
      if (ns === 0) break;
      for (let i = 0; i < sep.length; i++) sep[i] = sep[i] ? 0 : 1;
      rows = filterRows(rows, sep);
      nSeparated += ns;
      coded = null;
      yCoded = null;
    }
    if (nPerfect > 0) notes.push(`${nPerfect} observation${nPerfect > 1 ? "s were" : " was"} removed because of fixed effects whose outcome is always 0 (fixest fixef.rm = "perfect").`);
    if (nSeparated > 0) notes.push(`${nSeparated} observation${nSeparated > 1 ? "s were" : " was"} removed because separated by the regressors (outcome 0 where a combination of regressors makes the estimate infinite; Correia, Guimarães & Zylkin 2021, as ppmlhdfe).`);

    const m = rows.length;
    const yS = yCoded ?? takeRows(y, rows, posFor(rows));
    const pooled = spec.fe.length === 0;
    const feDims: FeDim[] = coded ?? codesOn(rows);
    const ysum = sumOf(yS);
    if (!(ysum > 0)) throw new UserError(`the outcome '${spec.y}' is 0 in every row of the estimation sample: PPML has nothing to estimate`);
    const XS = xs.map((x) => takeRows(x, rows, posFor(rows)));
    const names = [...spec.x];
    if (pooled) {
      XS.unshift(new Float64Array(m).fill(1));
      names.unshift("(Intercept)");
    }

    // Collinearity on the first IRLS weights (rows with y > 0 and y = 0 alike), as fixest checks its first WLS:
    // `choose` gets X~' W X~ and the raw weighted sums of squares, drops what the fixed effects absorb and checks
    // that observations outnumber parameters.
    const ybar = ysum / m;
    let mu: Float64Array = startingMeans(yS, pooled ? [] : feDims, ybar, takeF64(m));
    const xNames = names.slice();
    const choose = (A: Float64Array, raw: Float64Array): number[] => {
      const {keep, drop} = findCollinear(A, xNames.length, raw);
      for (const j of drop) notes.push(collinearityNote(xNames[j]));
      if (keep.length === 0) throw new UserError(`all regressors (${spec.x.join(", ")}) are collinear with the fixed effects or constant`);
      const nparams = nparamsOf(keep.length, pooled ? [] : feDims.map((d) => d.nlevels));
      if (m <= nparams) throw new UserError(`too few observations: ${m} rows for ${nparams} parameters (coefficients and fixed effects)`);
      return keep;
    };
    // Two fixed effects with an exact weighted solve: the fused iterations (ppml-irls-two.ts); otherwise the
    // general ones, whose first weighted demeaning of the regressors also serves the collinearity check.
    const lay = feDims.length === 2 ? twoWayLayout(feDims[0], feDims[1]) : null;
    let fit: IrlsFit;
    let keep: number[];
    if (lay) {
      const two = poissonIrlsTwoWay(yS, XS, lay, mu, ybar, checkSeparation, choose);
      fit = two;
      keep = two.keep;
    } else {
      const dmFirst = demeanWeighted(XS, mu, feDims);
      const raw = new Float64Array(XS.length);
      XS.forEach((x, j) => {
        let s = 0;
        for (let i = 0; i < m; i++) s += mu[i] * x[i] * x[i];
        raw[j] = s;
      });
      keep = choose(weightedCross(dmFirst.cols, mu), raw);
      // Its demeaned regressors are also the first IRLS iteration's (same weights): handed over, not recomputed.
      const first = {XT: keep.map((j) => dmFirst.cols[j]), alphas: keep.map((j) => dmFirst.alphas[j])};
      fit = poissonIrls(yS, keep.map((j) => XS[j]), feDims, mu, ybar, checkSeparation, first);
    }
    if (keep.length < XS.length) {
      const kept = keep.map((j) => XS[j]);
      XS.length = 0;
      XS.push(...kept);
      names.length = 0;
      names.push(...keep.map((j) => xNames[j]));
    }
    const k = XS.length;
    const feSizes = pooled ? [] : feDims.map((d) => d.nlevels);
    const nparams = nparamsOf(k, feSizes);
    const {beta, eta, dev, iterations, converged, demeanConverged, suspect} = fit;
    mu = fit.mu;
    if (suspect) return null;
    if (!converged) notes.push("The PPML iterations did not converge within 200 iterations; the estimates are the last ones.");
    if (!demeanConverged) notes.push("The fixed-effects demeaning did not reach full convergence.");
    return {notes, rows, nPerfect, nSeparated, m, yS, pooled, feDims, XS, names, k, feSizes, nparams, mu, eta, beta, dev, iterations, ybar, last: fit.last};
  };
  const fitted = attempt(false) ?? attempt(true);
  if (!fitted) throw new UserError("PPML: the fit did not settle after removing separated observations");
  const {rows, nPerfect, nSeparated, m, yS, pooled, feDims, XS, names, k, feSizes, nparams, mu, eta, beta, dev, iterations, ybar} = fitted;
  notes.push(...fitted.notes);
  const converged = !fitted.notes.some((x) => x.startsWith("The PPML iterations did not converge"));

  // Bread and scores from the last weighted least squares, as fepois (feglm.fit: hessian = X~' W X~ and scores
  // x~ w (z~ - x~ b) of its last `wols`); at convergence they equal those at the solution.
  const last = fitted.last;
  if (!last) throw new UserError("PPML: no iteration completed");
  const XT = last.XT;
  const bread = spdInverse(last.hessian ?? weightedCross(XT, last.w), k, 0);
  if (!bread) throw new UserError("PPML: the Hessian is singular at the solution");
  const e = last.wresid;

  // Codes on the sample; a cluster or id that is one of the fixed effects reuses its codes.
  const onSample = (f: {codes: Int32Array; nlevels: number}): FeDim => {
    const j = feF.findIndex((g) => g.codes === f.codes);
    if (j >= 0) return feDims[j];
    const coder = sampleCoder(rows, false, posFor(rows));
    const d = coder.of(f);
    working.push(...coder.arrays());
    return d;
  };
  let V: Float64Array;
  let dofK = nparams;
  const info: Record<string, unknown> = {};
  if (spec.vcov.type === "iid") {
    V = bread.map((v) => v * ((m - 1) / (m - nparams)));
    info.vcov = "iid";
  } else if (spec.vcov.type === "hetero") {
    V = vcovHetero(bread, XT, e, nparams);
    info.vcov = "hetero";
  } else if (spec.vcov.type === "cluster") {
    const clDims = clF.map(onSample);
    clDims.forEach((d, c) => {
      if (d.nlevels < 2) throw new UserError(`vcov cluster '${clNames[c]}' has only ${d.nlevels} cluster in the estimation sample; clustering needs at least 2`);
    });
    const nested = pooled ? [] : feDims.map((fd) => clDims.some((cd) => isNested(fd, cd)));
    dofK = clusterK(k, feSizes, nested);
    const cv = vcovCluster(bread, XT, e, clDims, dofK, true);
    V = cv.V;
    if (cv.fixed) notes.push(PSD_REPAIR_NOTE);
    Object.assign(info, {vcov: "cluster", cluster: clNames, n_clusters: cv.gMin, n_clusters_by_dim: Object.fromEntries(clNames.map((name, c) => [name, clDims[c].nlevels]))});
  } else {
    const idCol = getColumn(frame, spec.id, "spec.id");
    const pv = vcovPanel({...spec.vcov, bread, Z: XT, e, time: take(time, rows), unit: onSample(idF), feDims: pooled ? [] : feDims, k, names: {unit: spec.id, time: spec.time, unitLabel: (r) => `${spec.id} ${labelOf(idCol, rows[r])}`}});
    V = fixNegativeDiagonal(pv.V, k).V;
    dofK = pv.dofK;
    Object.assign(info, {vcov: spec.vcov.type, lag: pv.lag, n_periods_hac: pv.T});
  }

  const coef = Array.from(beta);
  const se = coef.map((_, i) => Math.sqrt(V[i * k + i]));
  const tstat = coef.map((c, i) => (se[i] > 0 ? c / se[i] : NaN));
  const pvalue = tstat.map((t) => pvalueNormal(t));

  const {ll, llNull, nullDeviance} = logLikelihoods(yS, eta, mu, ybar);
  const idSample = onSample(idF);
  recycle([...prep.codeArrays, ...working, yS, ...XS, eta, mu, last.w, ...last.XT, last.wresid]);
  Object.assign(info, {
    estimator: "ppml",
    nparams,
    dof_K: dofK,
    converged,
    n_complete_cases: nComplete,
    n_singletons_removed: nSingletons,
    n_perfect_fe_removed: nPerfect,
    n_separated_removed: nSeparated,
    adj_pseudo_r2: 1 - (ll - nparams) / (llNull - 1),
    fixef_sizes: pooled ? null : Object.fromEntries(spec.fe.map((name, f) => [name, feDims[f].nlevels]))
  });
  return {
    terms: names,
    coef,
    se,
    tstat,
    pvalue,
    df_t: null,
    nobs: m,
    n_groups: idSample.nlevels,
    r2: null,
    r2_within: null,
    vcov: toRows(V, k),
    notes,
    info,
    deviance: dev,
    null_deviance: nullDeviance,
    loglik: ll,
    ll_null: llNull,
    pseudo_r2: 1 - ll / llNull,
    iterations,
    timing_ms: {read: 0, estimate: performance.now() - t0}
  };
}
