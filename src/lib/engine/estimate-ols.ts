/**
 * OLS / fixed-effects estimation pipeline (fixest 0.12.1 `feols` conventions, ESTIMATION.md):
 * validate -> lags on the full data -> exclude + listwise deletion (+ optional singletons) ->
 * demean (pooled: centre, i.e. absorb the intercept) -> drop collinear regressors -> FWL OLS ->
 * variance (iid | HC1 | CR1 one- or multi-way) -> t, p (Student t) -> fit statistics.
 */
import {UserError} from "../errors.js";
import {collinearityNote, findCollinear} from "./collinearity.js";
import {demean, type FeDim} from "./demean.js";
import {combineFactors} from "./fe-combine.js";
import {fitStats, totalSumSquares} from "./fit.js";
import {assertNoInfinite, factorize, getColumn, numericColumn, recode, take, type Factor} from "./frame.js";
import {assertIntegerTime, lagColumn, parseLag} from "./lag.js";
import {toRows} from "./linalg.js";
import {crossprod, olsFwl, sumSquares} from "./ols.js";
import {assertPanel, panelIndex, type PanelIndex} from "./panel.js";
import {completeRows, dropSingletons, excludeMask} from "./sample.js";
import {validateSpec, type NormalizedSpec} from "./spec.js";
import {clusterK, isNested, nparamsOf} from "./ssc.js";
import {recycle, takeI32} from "./scratch.js";
import {pvalueT} from "./tdist.js";
import type {Column, Frame, Result, Spec} from "./types.js";
import {fixNegativeDiagonal, PSD_REPAIR_NOTE, vcovCluster} from "./vcov-cluster.js";
import {interceptBackTransform} from "./pooled-vcov.js";
import {vcovHetero} from "./vcov-hetero.js";
import {vcovIid} from "./vcov-iid.js";
import {labelOf, vcovPanel} from "./vcov-panel.js";

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

function assertSomeValue(col: Float64Array, label: string): void {
  for (let i = 0; i < col.length; i++) if (col[i] === col[i]) return;
  throw new UserError(`${label} has no non-missing value`);
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
 */
function assertOutcomeVaries(y: Float64Array, yT: Float64Array, name: string, fe: string[] | null): void {
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
  if (!fe) return;
  let within = 0;
  for (let i = 0; i < m; i++) within += yT[i] * yT[i];
  if (within <= 1e-16 * tss) {
    throw new UserError(`the outcome '${name}' has no variation within the fixed effects (${fe.join(", ")}): they explain it exactly, so no coefficient can be estimated`);
  }
}

/**
 * Builds the regressor columns of the spec on the full data (lags before any filter). `index` is
 * called (and may build the sorted panel index) only when a lag term is present.
 * Example: terms ["L.dstri", "lngdp"] -> [lag of dstri within id, lngdp].
 */
export function buildRegressors(frame: Frame, spec: NormalizedSpec, time: Float64Array, index: () => PanelIndex): Float64Array[] {
  let timeChecked = false;
  return spec.x.map((term, j) => {
    const where = `spec.x[${j}]`;
    const lag = frame.columns[term] === undefined ? parseLag(term) : null;
    if (lag) {
      const base = numericColumn(frame, lag.base, `${where} '${term}'`);
      assertNoInfinite(base, lag.base);
      assertSomeValue(base, `column '${lag.base}' (${where})`);
      if (!timeChecked) {
        assertIntegerTime(time, spec.time);
        timeChecked = true;
      }
      const col = lagColumn(base, time, index(), lag.k);
      assertSomeValue(col, `lag '${term}' (${where}: no row has a value ${lag.k} period(s) earlier)`);
      return col;
    }
    const col = numericColumn(frame, term, where);
    assertNoInfinite(col, term);
    assertSomeValue(col, `column '${term}' (${where})`);
    return col;
  });
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

  // Each grouping column is factorised once (id, FE and cluster often share columns).
  const factors = new Map<Column, Factor>();
  const factorOf = (col: Column): Factor => {
    let f = factors.get(col);
    if (f === undefined) {
      f = factorize(col, takeI32(col.length));
      factors.set(col, f);
    }
    return f;
  };

  // Panel structure (id, time): only lags need unique id-time pairs (a lag must name one row).
  // Without a lag the data need no panel structure, e.g. exporter x importer x product x year
  // flows with repeated (exporter, year) pairs (as fixest feols without panel.id). The sorted
  // index is only built for lags (or to name duplicate rows).
  const idF = factorOf(getColumn(frame, spec.id, "spec.id"));
  const time = numericColumn(frame, spec.time, "spec.time");
  assertNoInfinite(time, spec.time);
  const timeF = factorOf(time);
  const hasLag = spec.x.some((term) => frame.columns[term] === undefined && parseLag(term) !== null);
  if (hasLag) assertPanel(idF, timeF.codes, timeF.nlevels, time, spec.id, spec.time);
  else assertPresent(idF.codes, timeF.codes, spec.id, spec.time);
  let indexCache: PanelIndex | null = null;
  const index = (): PanelIndex => (indexCache ??= panelIndex(idF, time, spec.id, spec.time));

  const y = numericColumn(frame, spec.y, "spec.y");
  assertNoInfinite(y, spec.y);
  assertSomeValue(y, `column '${spec.y}' (spec.y)`);
  const xs = buildRegressors(frame, spec, time, index);

  // `a^b` (not a column of the data) is a combined grouping, as fixest's: one level per observed
  // (a, b). The one place it is built (the formula compiler passes `a^b` through); FE and cluster
  // entries of the same name share it.
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
  const feF: Factor[] = spec.fe.map((name, f) => groupingOf(name, `spec.fe[${f}]`));
  const clNames = spec.vcov.type === "cluster" ? spec.vcov.cluster : [];
  const clF: Factor[] = clNames.map((name, c) => groupingOf(name, `spec.vcov.cluster[${c}]`));

  const rules: Array<[string, Column, Array<number | string>]> = Object.entries(spec.exclude).map(([name, vals]) => [
    name,
    getColumn(frame, name, `spec.exclude.${name}`),
    vals
  ]);
  const excluded = rules.length > 0 ? excludeMask(n, rules) : null;
  const groupCodes = [...new Set([...feF.map((f) => f.codes), ...clF.map((c) => c.codes)])];
  let rows = completeRows(n, excluded, [y, ...xs], groupCodes);
  const nComplete = rows.length;
  if (spec.drop_singletons && feF.length > 0) rows = dropSingletons(rows, feF);
  const nSingletons = nComplete - rows.length;
  if (nSingletons > 0) notes.push(`${nSingletons} fixed-effect singleton${nSingletons > 1 ? "s were" : " was"} removed.`);
  const m = rows.length;
  if (m === 0) {
    throw new UserError(`no observation left after exclusions and removal of rows with missing ${[...new Set([spec.y, ...spec.x, ...spec.fe, ...clNames])].join(", ")}`);
  }

  // Codes and columns on the sample; when every row is kept they are the full-data ones (recode
  // of all rows keeps first-appearance codes unchanged; nothing downstream writes to them).
  const full = m === n;
  const onSample = (f: {codes: Int32Array; nlevels: number}): FeDim => (full ? {codes: f.codes, nlevels: f.nlevels} : recode(f.codes, rows, f.nlevels));
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
  const ySub = full ? y : take(y, rows);
  const xSub = full ? xs : xs.map((x) => take(x, rows));
  const absorb: FeDim[] = pooled ? [{codes: new Int32Array(m), nlevels: 1}] : feDims;
  const dm = demean([ySub, ...xSub], absorb);
  if (!dm.converged) notes.push("The fixed-effects demeaning did not reach full convergence.");
  const yT = dm.cols[0];
  const XT = dm.cols.slice(1);
  assertOutcomeVaries(ySub, yT, spec.y, pooled ? null : spec.fe);

  // Collinearity.
  const kx = XT.length;
  const XtXall = crossprod(XT);
  const rawSS = sumSquares(xSub);
  const {keep, drop} = findCollinear(XtXall, kx, rawSS);
  for (const j of drop) notes.push(collinearityNote(spec.x[j]));
  if (keep.length === 0) throw new UserError(`all regressors (${spec.x.join(", ")}) are collinear with the fixed effects or constant`);
  const ks = keep.length;
  const XtX = new Float64Array(ks * ks);
  for (let a = 0; a < ks; a++) for (let b = 0; b < ks; b++) XtX[a * ks + b] = XtXall[keep[a] * kx + keep[b]];
  const XK = keep.map((j) => XT[j]);
  const fit = olsFwl(yT, XK, XtX);
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
    const pv = vcovPanel({...spec.vcov, bread, Z, e: fit.resid, time: full ? time : take(time, rows), unit: onSample(idF), feDims: pooled ? [] : feDims, k, names: {unit: spec.id, time: spec.time, unitLabel: (r) => `${spec.id} ${labelOf(getColumn(frame, spec.id, "spec.id"), full ? r : rows[r])}`}});
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

  const tss = totalSumSquares(ySub);
  let ssrFe: number | null = null;
  if (!pooled) {
    ssrFe = 0;
    for (let r = 0; r < m; r++) ssrFe += yT[r] * yT[r];
  }
  const fs = fitStats({ssr: fit.ssr, tss, ssrFe, n: m, nparams, k});

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
    demean: {method: pooled ? "centre" : dm.method, iterations: dm.iterations, fe_redundancies: pooled ? null : dm.redundancies}
  });
  if (!pooled && spec.fe.length >= 2 && dm.redundancies !== null && dm.redundancies > 1) {
    notes.push(`The fixed effects have ${dm.redundancies} redundancies (disconnected design); nparams assumes one, as fixest does by default.`);
  }

  // Working arrays back to the pool (scratch.ts): codes, sample rows, demeaned columns, residuals;
  // never the input columns (ySub / xSub are those when every row is kept).
  recycle([...[...factors.values(), ...combos.values()].map((f) => f.codes), rows, ...dm.cols, fit.resid]);
  if (!full) recycle([ySub, ...xSub, ...feDims.map((d) => d.codes), ...clDims.map((d) => d.codes), idSample.codes, timeSample.codes]);
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
