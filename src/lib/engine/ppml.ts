/**
 * Poisson pseudo-maximum likelihood with any number of fixed effects (Santos Silva & Tenreyro 2006), as fixest
 * 0.12.1 `fepois` (R/ESTIMATION_FUNS.R `feglm.fit`):
 *  - y in levels, zeros allowed, negative y refused;
 *  - fixed-effect levels whose outcome is all zero removed first (`fixef.rm = "perfect"`), then rows separated by
 *    the regressors (ppmlhdfe; separation.ts), each with a note;
 *  - IRLS: z = eta + (y - mu)/mu, weights mu; z and X demeaned with the weights (demean-weighted.ts); weighted
 *    least squares; eta = z - (z~ - X~ b); stop when |dev - dev_old|/(0.1 + |dev|) < 1e-13 and the largest
 *    coefficient change is below 1e-12 of its size (fixest's criterion, tighter);
 *  - bread B = (X~' W X~)^{-1} at the solution (W = mu), scores x~_i (y_i - mu_i);
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
import {buildRegressors} from "./estimate-ols.js";
import {combineFactors} from "./fe-combine.js";
import {assertNoInfinite, factorize, getColumn, numericColumn, recode, take, type Factor} from "./frame.js";
import {lgamma} from "./lgamma.js";
import {parseLag} from "./lag.js";
import {spdInverse, toRows} from "./linalg.js";
import {assertPanel, panelIndex, type PanelIndex} from "./panel.js";
import {completeRows, dropSingletons, excludeMask} from "./sample.js";
import {perfectFixedEffects, separatedRows} from "./separation.js";
import {validateSpec} from "./spec.js";
import {clusterK, isNested, nparamsOf} from "./ssc.js";
import {pvalueNormal} from "./tdist.js";
import type {Column, Frame, Result, Spec} from "./types.js";
import {fixNegativeDiagonal, PSD_REPAIR_NOTE, vcovCluster} from "./vcov-cluster.js";
import {vcovHetero} from "./vcov-hetero.js";
import {labelOf, vcovPanel} from "./vcov-panel.js";

/** Poisson deviance 2 sum(y log(y/mu) - (y - mu)), y log(y/mu) = 0 at y = 0. Example: y = mu -> 0. */
export function poissonDeviance(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
  return 2 * d;
}

function weightedCross(X: Float64Array[], w: Float64Array): Float64Array {
  const k = X.length;
  const n = w.length;
  const A = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const xa = X[a];
      const xb = X[b];
      for (let i = 0; i < n; i++) s += w[i] * xa[i] * xb[i];
      A[a * k + b] = s;
      A[b * k + a] = s;
    }
  return A;
}

/** Rows of `rows` kept where mask is 1. */
function filterRows(rows: Int32Array, mask: Uint8Array): Int32Array {
  let m = 0;
  for (let r = 0; r < rows.length; r++) if (mask[r]) m++;
  const out = new Int32Array(m);
  for (let r = 0, j = 0; r < rows.length; r++) if (mask[r]) out[j++] = rows[r];
  return out;
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
  const factors = new Map<Column, Factor>();
  const factorOf = (col: Column): Factor => {
    let f = factors.get(col);
    if (f === undefined) {
      f = factorize(col);
      factors.set(col, f);
    }
    return f;
  };
  const idF = factorOf(getColumn(frame, spec.id, "spec.id"));
  const time = numericColumn(frame, spec.time, "spec.time");
  assertNoInfinite(time, spec.time);
  const timeF = factorOf(time);
  const hasLag = spec.x.some((term) => frame.columns[term] === undefined && parseLag(term) !== null);
  if (hasLag) assertPanel(idF, timeF.codes, timeF.nlevels, time, spec.id, spec.time);
  let indexCache: PanelIndex | null = null;
  const index = (): PanelIndex => (indexCache ??= panelIndex(idF, time, spec.id, spec.time));

  const y = numericColumn(frame, spec.y, "spec.y");
  assertNoInfinite(y, spec.y);
  for (let i = 0; i < n; i++) {
    if (y[i] < 0) throw new UserError(`PPML needs a non-negative outcome: '${spec.y}' is ${y[i]} at row ${i + 1} (use the outcome in levels, not in logs)`);
  }
  const xs = buildRegressors(frame, spec, time, index);
  const combos = new Map<string, Factor>();
  const groupingOf = (name: string, where: string): Factor => {
    if (!name.includes("^") || frame.columns[name] !== undefined) return factorOf(getColumn(frame, name, where));
    let f = combos.get(name);
    if (f === undefined) {
      f = combineFactors(name.split("^").map((part) => factorOf(getColumn(frame, part, `${where} '${name}'`))));
      combos.set(name, f);
    }
    return f;
  };
  const feF = spec.fe.map((name, f) => groupingOf(name, `spec.fe[${f}]`));
  const clNames = spec.vcov.type === "cluster" ? spec.vcov.cluster : [];
  const clF = clNames.map((name, c) => groupingOf(name, `spec.vcov.cluster[${c}]`));
  const rules: Array<[string, Column, Array<number | string>]> = Object.entries(spec.exclude).map(([name, vals]) => [name, getColumn(frame, name, `spec.exclude.${name}`), vals]);
  const excluded = rules.length > 0 ? excludeMask(n, rules) : null;
  let rows = completeRows(n, excluded, [y, ...xs], [idF.codes, timeF.codes, ...feF.map((f) => f.codes), ...clF.map((c) => c.codes)]);
  rows = rows.slice();
  const nComplete = rows.length;
  if (nComplete === 0) throw new UserError(`no observation left after exclusions and removal of rows with missing ${[...new Set([spec.y, ...spec.x, ...spec.fe, ...clNames])].join(", ")}`);
  if (spec.drop_singletons && feF.length > 0) rows = dropSingletons(rows, feF);
  const nSingletons = nComplete - rows.length;
  if (nSingletons > 0) notes.push(`${nSingletons} fixed-effect singleton${nSingletons > 1 ? "s were" : " was"} removed.`);

  // Perfect fixed effects and separation, repeated until neither removes a row (ppmlhdfe's loop).
  let nPerfect = 0;
  let nSeparated = 0;
  for (let round = 0; round < 50; round++) {
    const before = rows.length;
    rows = filterRows(rows, perfectFixedEffects(take(y, rows), feF.map((f) => recode(f.codes, rows, f.nlevels))));
    nPerfect += before - rows.length;
    if (rows.length === 0) throw new UserError(`every observation has a fixed effect whose outcome '${spec.y}' is always 0: nothing is left to estimate`);
    const X2 = xs.map((x) => take(x, rows));
    if (feF.length === 0) X2.push(new Float64Array(rows.length).fill(1));
    const sep = separatedRows(take(y, rows), X2, feF.map((f) => recode(f.codes, rows, f.nlevels)));
    let ns = 0;
    for (let i = 0; i < sep.length; i++) ns += sep[i];
    if (ns === 0) break;
    for (let i = 0; i < sep.length; i++) sep[i] = sep[i] ? 0 : 1;
    rows = filterRows(rows, sep);
    nSeparated += ns;
  }
  if (nPerfect > 0) notes.push(`${nPerfect} observation${nPerfect > 1 ? "s were" : " was"} removed because of fixed effects whose outcome is always 0 (fixest fixef.rm = "perfect").`);
  if (nSeparated > 0) notes.push(`${nSeparated} observation${nSeparated > 1 ? "s were" : " was"} removed because separated by the regressors (outcome 0 where a combination of regressors makes the estimate infinite; Correia, Guimarães & Zylkin 2021, as ppmlhdfe).`);

  const m = rows.length;
  const yS = take(y, rows);
  const pooled = spec.fe.length === 0;
  const feDims: FeDim[] = feF.map((f) => recode(f.codes, rows, f.nlevels));
  let ysum = 0;
  for (let i = 0; i < m; i++) ysum += yS[i];
  if (!(ysum > 0)) throw new UserError(`the outcome '${spec.y}' is 0 in every row of the estimation sample: PPML has nothing to estimate`);
  const XS = xs.map((x) => take(x, rows));
  const names = [...spec.x];
  if (pooled) {
    XS.unshift(new Float64Array(m).fill(1));
    names.unshift("(Intercept)");
  }

  // Collinearity on the first IRLS weights (rows with y > 0 and y = 0 alike), as fixest checks its first WLS.
  const ybar = ysum / m;
  let mu = new Float64Array(m);
  for (let i = 0; i < m; i++) mu[i] = (yS[i] + ybar) / 2;
  {
    const dm0 = demeanWeighted(XS, mu, feDims).cols;
    const A = weightedCross(dm0, mu);
    const raw = new Float64Array(XS.length);
    XS.forEach((x, j) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += mu[i] * x[i] * x[i];
      raw[j] = s;
    });
    const {keep, drop} = findCollinear(A, XS.length, raw);
    for (const j of drop) notes.push(collinearityNote(names[j]));
    if (keep.length === 0) throw new UserError(`all regressors (${spec.x.join(", ")}) are collinear with the fixed effects or constant`);
    if (drop.length > 0) {
      const kept = keep.map((j) => XS[j]);
      const keptNames = keep.map((j) => names[j]);
      XS.length = 0;
      XS.push(...kept);
      names.length = 0;
      names.push(...keptNames);
    }
  }
  const k = XS.length;
  const feSizes = pooled ? [] : feDims.map((d) => d.nlevels);
  const nparams = nparamsOf(k, feSizes);
  if (m <= nparams) throw new UserError(`too few observations: ${m} rows for ${nparams} parameters (coefficients and fixed effects)`);

  // IRLS.
  let eta = new Float64Array(m);
  for (let i = 0; i < m; i++) eta[i] = Math.log(mu[i]);
  let dev = poissonDeviance(yS, mu);
  let beta = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  let demeanConverged = true;
  const z = new Float64Array(m);
  for (let iter = 1; iter <= 200; iter++) {
    iterations = iter;
    for (let i = 0; i < m; i++) z[i] = eta[i] + (yS[i] - mu[i]) / mu[i];
    const dm = demeanWeighted([z, ...XS], mu, feDims);
    if (!dm.converged) demeanConverged = false;
    const zT = dm.cols[0];
    const XT = dm.cols.slice(1);
    const A = weightedCross(XT, mu);
    const inv = spdInverse(A, k, 0);
    if (!inv) throw new UserError("PPML: the weighted cross-product of the regressors became singular during the iterations");
    const b = new Float64Array(m);
    for (let i = 0; i < m; i++) b[i] = mu[i] * zT[i];
    const Xtz = XT.map((x) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += x[i] * b[i];
      return s;
    });
    const next = new Float64Array(k);
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) next[a] += inv[a * k + c] * Xtz[c];
    let etaNew = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let r = zT[i];
      for (let a = 0; a < k; a++) r -= XT[a][i] * next[a];
      etaNew[i] = z[i] - r;
    }
    let muNew = etaNew.map(Math.exp);
    let devNew = poissonDeviance(yS, muNew);
    // Step-halving when the deviance is not finite (fixest does the same).
    for (let h = 0; h < 30 && !Number.isFinite(devNew); h++) {
      etaNew = etaNew.map((e, i) => (e + eta[i]) / 2);
      muNew = etaNew.map(Math.exp);
      devNew = poissonDeviance(yS, muNew);
    }
    let change = 0, size = 0;
    for (let a = 0; a < k; a++) {
      change = Math.max(change, Math.abs(next[a] - beta[a]));
      size = Math.max(size, Math.abs(next[a]));
    }
    const devChange = Math.abs(devNew - dev) / (0.1 + Math.abs(devNew));
    beta = next;
    eta = etaNew;
    mu = muNew;
    dev = devNew;
    if (iter > 1 && devChange < 1e-13 && change <= 1e-12 * Math.max(1, size)) {
      converged = true;
      break;
    }
  }
  if (!converged) notes.push("The PPML iterations did not converge within 200 iterations; the estimates are the last ones.");
  if (!demeanConverged) notes.push("The fixed-effects demeaning did not reach full convergence.");

  // Bread and scores at the solution.
  const XT = demeanWeighted(XS, mu, feDims).cols;
  const bread = spdInverse(weightedCross(XT, mu), k, 0);
  if (!bread) throw new UserError("PPML: the Hessian is singular at the solution");
  const e = new Float64Array(m);
  for (let i = 0; i < m; i++) e[i] = yS[i] - mu[i];

  const onSample = (f: {codes: Int32Array; nlevels: number}): FeDim => recode(f.codes, rows, f.nlevels);
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

  let lfact = 0;
  let ll = 0;
  for (let i = 0; i < m; i++) {
    const lf = yS[i] > 0 ? lgamma(yS[i] + 1) : 0;
    lfact += lf;
    ll += yS[i] * eta[i] - mu[i];
  }
  ll -= lfact;
  const logYbar = Math.log(ybar);
  let llNull = 0;
  for (let i = 0; i < m; i++) llNull += yS[i] * logYbar - ybar;
  llNull -= lfact;
  const nullMu = new Float64Array(m).fill(ybar);
  const nullDeviance = poissonDeviance(yS, nullMu);
  const idSample = onSample(idF);
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
