/**
 * Dynamic-panel GMM matching plm 2.6-2 `pgmm(..., model = "twosteps")`:
 * Arellano-Bond (1991) difference GMM (`estimator: "gmm-diff"`, plm transformation "d") and
 * Blundell-Bond (1998) system GMM (`"gmm-sys"`, transformation "ld"), GMM-style instruments
 * lag(y, a:b) (all lags or collapsed), the other regressors as IV-style instruments, time effects
 * for effect "twoways", Windmeijer (2005) robust SE, Hansen J and Arellano-Bond AR(1)/AR(2) tests.
 *
 * Sample conventions (ESTIMATION.md section 4):
 * - `spec.exclude` removes rows *before* anything else, exactly as running pgmm on
 *   `subset(data, !(col %in% values))`: the grid then has no such period, so `L.x` at the next
 *   period is missing (calendar lag) while GMM instruments and differences are taken by position
 *   on the remaining periods (plm's behaviour on subsetted data).
 *   The period after an excluded one then has no usable row; its time effect (an all-zero column)
 *   is dropped with a note, where plm would stop with "system is exactly singular".
 * - The panel is padded to the full N x T grid; transformed rows with any missing y/X are set to 0
 *   (not dropped); `nobs` = number of non-zero two-step residuals, as plm reports.
 */
import {inverse, Matrix} from "ml-matrix";
import {UserError} from "../../errors.js";
import type {Column, Frame, Result, Spec} from "../types.js";
import {arTest} from "./ar-test.js";
import {buildGrid, lagOnGrid, onGrid} from "./grid.js";
import {hansen} from "./hansen.js";
import {chisqUpper, normalTwoSided} from "./pvalues.js";
import {parseGmmSpec, type GmmModel} from "./spec.js";
import {buildBlocks, dropEmptyTimeEffects} from "./transform.js";
import {twoStep} from "./two-step.js";
import {windmeijer} from "./windmeijer.js";

function column(frame: Frame, name: string, where: string): Column {
  const col = frame.columns[name];
  if (col === undefined) throw new UserError(`column '${name}' (${where}) not found in the data`);
  return col;
}

function numeric(frame: Frame, name: string, where: string): Float64Array {
  const col = column(frame, name, where);
  if (!(col instanceof Float64Array)) throw new UserError(`column '${name}' (${where}) must be numeric`);
  for (let r = 0; r < col.length; r++) {
    if (col[r] === Infinity || col[r] === -Infinity) throw new UserError(`column '${name}' (${where}) has an infinite value at row ${r + 1}`);
  }
  return col;
}

/** Rows kept after `spec.exclude` (a row is dropped when its column value is listed). */
function keptRows(frame: Frame, model: GmmModel): Int32Array {
  const drop = new Uint8Array(frame.nrows);
  for (const [name, values] of Object.entries(model.exclude)) {
    if (!Array.isArray(values)) throw new UserError(`spec.exclude.${name} must be a list of values`);
    const col = column(frame, name, `spec.exclude.${name}`);
    const set = new Set(values.map(String));
    for (let r = 0; r < frame.nrows; r++) {
      const v = col[r];
      if (v !== null && !(typeof v === "number" && Number.isNaN(v)) && set.has(String(v))) drop[r] = 1;
    }
  }
  const rows: number[] = [];
  for (let r = 0; r < frame.nrows; r++) if (!drop[r]) rows.push(r);
  if (rows.length === 0) throw new UserError("spec.exclude removes every row of the data");
  return Int32Array.from(rows);
}

/**
 * Estimates the two-step GMM model of `spec` on `frame` (see file comment for conventions).
 * Example: `estimateGmm(frame, {id: "country", time: "year", y: "y", x: ["L.y", "L.dstri", "gov"],
 * estimator: "gmm-diff", effect: "twoways", gmm: {instruments: "y", lags: [2, 99], collapse: true}})`
 * -> Result with Windmeijer SE, `hansen`, `ar1`, `ar2`, `n_instruments`.
 */
export function estimateGmm(frame: Frame, spec: Spec): Result {
  const t0 = typeof performance !== "undefined" ? performance.now() : Date.now();
  const model = parseGmmSpec(spec);
  const idCol = column(frame, model.id, "spec.id");
  const timeCol = numeric(frame, model.time, "spec.time");
  const yCol = numeric(frame, model.y, "spec.y");
  const baseCols = model.terms.map((t, j) => numeric(frame, t.base, `spec.x[${j}]`));
  const rows = keptRows(frame, model);
  const grid = buildGrid(idCol, timeCol, rows, model.id, model.time);
  const {N, T} = grid;

  const maxLag = Math.max(...model.terms.map((t) => t.k));
  // plm: TL1 = max(main.maxlag + 1, gmm.minlag), TL2 = max(main.maxlag, gmm.minlag - 1).
  const TL1 = Math.max(maxLag + 1, model.lagMin);
  const TL2 = Math.max(maxLag, model.lagMin - 1);
  if (T - TL1 < 2) {
    throw new UserError(
      `GMM needs at least ${TL1 + 2} distinct periods of '${model.time}' (lags up to ${maxLag} in spec.x, instruments from lag ${model.lagMin}); the data have ${T}`
    );
  }
  if (model.transformation === "ld" && TL2 > 2) {
    throw new UserError(
      `system GMM supports lags in spec.x up to 2 and spec.gmm.lags starting at 2 or 3 (plm pgmm's level instruments); got max lag ${maxLag}, first instrument lag ${model.lagMin}`
    );
  }
  if (N < 2) throw new UserError(`GMM needs at least 2 individuals in '${model.id}'; the data have ${N}`);

  const yG = onGrid(grid, yCol);
  const termG = model.terms.map((t, j) => {
    const g = onGrid(grid, baseCols[j]);
    return t.k > 0 ? lagOnGrid(grid, g, t.k) : g;
  });
  const levels: Matrix[] = [];
  const yGrid: Float64Array[] = [];
  for (let g = 0; g < N; g++) {
    const m = new Matrix(T, 1 + termG.length);
    for (let t = 0; t < T; t++) {
      m.set(t, 0, yG[g * T + t]);
      for (let j = 0; j < termG.length; j++) m.set(t, j + 1, termG[j][g * T + t]);
    }
    levels.push(m);
    yGrid.push(yG.subarray(g * T, (g + 1) * T));
  }
  // IV-style instruments: the regressors that are neither the lagged outcome nor endogenous (plm: the main
  // regressors whose variable has no GMM-style instruments).
  const exog = model.terms.flatMap((t, j) => (t.base === model.y || model.endogenous.includes(t.base) ? [] : [j + 1]));
  const extraGmm = model.endogenous.map((v) => {
    const g = onGrid(grid, numeric(frame, v, "spec.gmm.endogenous"));
    return Array.from({length: N}, (_, i) => g.subarray(i * T, (i + 1) * T));
  });
  const built = buildBlocks({
    levels,
    exog,
    yGrid,
    extraGmm,
    times: grid.times,
    transformation: model.transformation,
    twoways: model.effect === "twoways",
    collapse: model.collapse,
    lagMin: model.lagMin,
    lagMax: model.lagMax,
    TL1,
    TL2
  });
  const {blocks, dropped} = dropEmptyTimeEffects(built, model.terms.length);
  if (blocks.y.every((yi) => yi.every((v) => v === 0))) {
    throw new UserError("GMM: no usable observations (every transformed row has a missing value in y or spec.x)");
  }
  const names = [...model.terms.map((t) => t.name), ...blocks.timeNames];
  const fit = twoStep(blocks, names);
  const wm = windmeijer(blocks, fit);
  const V = wm.vcov;
  const Kx = model.terms.length;
  const Ktot = names.length;
  const se = names.map((_, k) => Math.sqrt(V.get(k, k)));
  const seNon = names.map((_, k) => Math.sqrt(fit.B2.get(k, k)));
  const coef = Array.from(fit.coef2);
  const z = coef.map((b, k) => b / se[k]);
  const p = z.map(normalTwoSided);

  const J = hansen(blocks.W, fit.resid2, fit.A2, Ktot);
  const arIn = {X: blocks.X, W: blocks.W, resid2: fit.resid2, nd: blocks.nd, A2: fit.A2, WX: fit.WX, B2: fit.B2, vcov: V};
  const ar1 = arTest(arIn, 1);
  const ar2 = arTest(arIn, 2);

  // Wald test of the spec.x coefficients with the robust vcov (plm pwaldtest(param = "coef")).
  const Vx = V.subMatrix(0, Kx - 1, 0, Kx - 1);
  const bx = Matrix.columnVector(coef.slice(0, Kx));
  let waldStat = NaN;
  try {
    waldStat = bx.transpose().mmul(inverse(Vx)).mmul(bx).get(0, 0);
  } catch {
    /* singular robust vcov: leave NaN */
  }

  // nobs as plm: non-zero two-step residuals, differenced and level rows together. For system GMM a partner-year
  // can count twice (once per equation), so the rows of each equation and the distinct partner-years are kept too.
  let nobs = 0;
  let nDiff = 0;
  let nLevel = 0;
  let partnerYears = 0;
  const nd = blocks.nd;
  for (const e of fit.resid2) {
    const used = new Set<number>();
    for (let r = 0; r < e.length; r++) {
      if (e[r] === 0) continue;
      nobs++;
      if (r < nd) {
        nDiff++;
        used.add(TL1 + r);
      } else {
        nLevel++;
        used.add(TL2 + (r - nd));
      }
    }
    partnerYears += used.size;
  }
  const nInst = blocks.W[0].cols;

  const notes: string[] = [];
  if (fit.A1singular) notes.push("first-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)");
  if (fit.A2singular) notes.push("second-step weight matrix singular: Moore-Penrose pseudo-inverse used (as plm pgmm)");
  if (wm.pinvUsed) notes.push("Windmeijer correction: inverse of the second-step weight matrix taken as a Moore-Penrose pseudo-inverse (as plm vcovHC.pgmm)");
  if (nInst > N) {
    notes.push(`${nInst} instruments for ${N} individuals: the Hansen test is weakened by instrument proliferation (consider collapse)`);
  }
  if (dropped.length > 0) {
    notes.push(`time effects ${dropped.join(", ")} dropped: no usable observation in those periods (plm pgmm would stop with a singular matrix)`);
  }
  if (spec.fe && spec.fe.length > 0) notes.push("spec.fe ignored for GMM: individual effects are removed by the transformation");
  if (spec.vcov !== undefined) notes.push("spec.vcov ignored for GMM: standard errors are Windmeijer-corrected two-step");
  const t1 = typeof performance !== "undefined" ? performance.now() : Date.now();

  const tIdx = names.map((_, k) => k).slice(Kx);
  return {
    terms: names.slice(0, Kx),
    coef: coef.slice(0, Kx),
    se: se.slice(0, Kx),
    tstat: z.slice(0, Kx),
    pvalue: p.slice(0, Kx),
    df_t: null,
    nobs,
    n_groups: N,
    r2: null,
    r2_within: null,
    vcov: Array.from({length: Kx}, (_, r) => Array.from({length: Kx}, (_, c) => V.get(r, c))),
    notes,
    info: {
      estimator: spec.estimator,
      transformation: model.transformation,
      effect: model.effect,
      collapse: model.collapse,
      gmm_lags: [model.lagMin, model.lagMax],
      gmm_instruments: [model.y, ...model.endogenous],
      iv_instruments: exog.map((j) => model.terms[j - 1].name),
      rows_differenced: nDiff,
      rows_level: nLevel,
      partner_years: partnerYears,
      vcov_type: "Windmeijer (2005) corrected two-step",
      n_periods: T,
      periods_lost: TL1,
      se_nonrobust: seNon.slice(0, Kx),
      coef_onestep: Array.from(fit.coef1.slice(0, Kx)),
      wald: {statistic: waldStat, df: Kx, pvalue: chisqUpper(waldStat, Kx)},
      time_effects: {
        terms: blocks.timeNames,
        coef: tIdx.map((k) => coef[k]),
        se: tIdx.map((k) => se[k]),
        coef_onestep: tIdx.map((k) => fit.coef1[k])
      },
      exclude_applied: "before lags (as pgmm on the subsetted data)",
      elapsed_ms: t1 - t0
    },
    hansen: J,
    ar1: ar1 ?? {statistic: NaN, pvalue: NaN},
    ar2: ar2 ?? {statistic: NaN, pvalue: NaN},
    n_instruments: nInst
  };
}
