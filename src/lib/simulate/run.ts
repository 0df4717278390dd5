/**
 * The Monte Carlo engine of the classroom: one function per step so that the page can spread the replications
 * over Web Workers and still get the CLI's numbers bit for bit.
 *   repSeeds(seed, R)           the seed of each replication: R draws of the master RNG createRng(seed)
 *   simulateReps(lab, p, seeds) estimates of replications [from, to) (a worker runs one chunk)
 *   mergeDraws(chunks)          chunks in replication order
 *   summarizeLab(...)           the `dtb simulate` JSON (summary.ts)
 *   runLab(...)                 all of it in one thread (CLI, tests, bench)
 * A replication depends only on its own seed, so the split into chunks never changes a number.
 */
import {estimate} from "../engine/estimate.js";
import type {FeDim} from "../engine/demean.js";
import {createRng} from "../random/rng.js";
import type {Frame} from "../engine/types.js";
import {drawCluster, drawFe, drawGravity, drawNickell} from "./dgp.js";
import {countryDim, crit95, fitSlope, VCOVS, yearDim, type FitFailure, type SlopeFit, type VcovName} from "./fit.js";
import {ppmlFit} from "./fit-ppml.js";
import {portableLog} from "../random/portable-log.js";
import {LAB_DEFS, type LabName, type Params} from "./labs.js";
import {summarize, type Draws, type Summary} from "./summary.js";

export type LabDraws = Record<string, Draws>;

export interface LabResult {
  lab: LabName;
  params: Params;
  reps: number;
  seed: number;
  truth: number;
  estimators: Record<string, Summary>;
}

/** Seeds of the R replications. Example: `repSeeds(1, 3)` -> three uint32 numbers, always the same. */
export function repSeeds(seed: number, reps: number): number[] {
  const master = createRng(seed);
  const out = new Array<number>(reps);
  for (let r = 0; r < reps; r++) out[r] = master.nextUint32();
  return out;
}

function emptyDraws(lab: LabName): LabDraws {
  const d: LabDraws = {};
  for (const name of LAB_DEFS[lab].estimators) {
    const gmm = name.startsWith("gmm");
    const cross = lab === "gravity";
    d[name] = {est: [], cover: gmm ? {cluster: []} : cross ? {iid: [], hetero: []} : {iid: [], hetero: [], cluster: []}, reject: [], failures: {}};
  }
  return d;
}

/** Adds one OLS slope fit: coverage per variance with its own t df, rejection of 0 with the clustered SE. */
function pushOls(d: Draws, f: SlopeFit, truth: number): void {
  d.est.push(f.coef);
  if (f.failure) return pushFailure(d, f.failure);
  for (const v of VCOVS) {
    const half = crit95(f.df[v]) * f.se[v];
    d.cover[v]!.push(Math.abs(f.coef - truth) <= half ? 1 : 0);
  }
  d.reject!.push(Math.abs(f.coef) > crit95(f.df.cluster) * f.se.cluster ? 1 : 0);
}

/** A failed replication: NaN in every list (summarize leaves it out) and its reason counted. */
function pushFailure(d: Draws, why: FitFailure): void {
  for (const v of Object.keys(d.cover) as VcovName[]) d.cover[v]!.push(NaN);
  d.reject?.push(NaN);
  d.failures![why] = (d.failures![why] ?? 0) + 1;
}

/**
 * A cross-section fit (gravity lab): iid and HC1 coverage, rejection of 0 with HC1; critical value t(df) for OLS,
 * the normal (df = Infinity) for PPML, as the engine and fixest report z statistics for Poisson models.
 */
function pushCross(d: Draws, coef: number, se: {iid: number; hetero: number}, df: number, truth: number, failure?: FitFailure): void {
  d.est.push(coef);
  if (failure) return pushFailure(d, failure);
  const c = df === Infinity ? Z975 : crit95(df);
  d.cover.iid!.push(Math.abs(coef - truth) <= c * se.iid ? 1 : 0);
  d.cover.hetero!.push(Math.abs(coef - truth) <= c * se.hetero ? 1 : 0);
  d.reject!.push(Math.abs(coef) > c * se.hetero ? 1 : 0);
}

const Z975 = 1.959963984540054;



/** Two-step GMM of the engine (plm pgmm conventions): Windmeijer SE, normal critical value. */
function pushGmm(d: Draws, frame: Frame, estimator: "gmm-diff" | "gmm-sys", truth: number): void {
  let b = NaN;
  let se = NaN;
  try {
    const res = estimate(frame, {
      id: "country",
      time: "year",
      y: "y",
      x: ["L.y"],
      estimator,
      effect: "individual",
      gmm: {instruments: "y", lags: [2, 99], collapse: true}
    });
    b = res.coef[0];
    se = res.se[0];
  } catch {
    // A singular draw (tiny N) is a failed replication, counted with its reason.
  }
  d.est.push(b);
  if (!Number.isFinite(b) || !Number.isFinite(se)) return pushFailure(d, "estimation_error");
  d.cover.cluster!.push(Math.abs(b - truth) <= Z975 * se ? 1 : 0);
  d.reject!.push(Math.abs(b) > Z975 * se ? 1 : 0);
}

/**
 * Estimates replications [from, to) of `seeds`. `progress(done, total)` is called after each one.
 * Example: `simulateReps("cluster", defaultParams("cluster"), repSeeds(1, 1000), 0, 500)`.
 */
export function simulateReps(
  lab: LabName,
  p: Params,
  seeds: number[],
  from = 0,
  to = seeds.length,
  progress?: (done: number, total: number) => void,
  only?: string[]
): LabDraws {
  const d = emptyDraws(lab);
  // `only` (tests at large N): skip the other estimators' fits; their draws stay empty.
  const want = (name: string) => !only || only.includes(name);
  // The gravity lab is a cross-section: one row per flow (T = 1; its "clusters" are single flows, unused).
  const N = p.N;
  const T = lab === "gravity" ? 1 : p.T;
  const truth = p[LAB_DEFS[lab].target];
  const country = countryDim(N, T);
  const year = yearDim(N, T);
  const twoway: FeDim[] = [country, year];
  let nickellFrame: Frame | null = null;
  for (let r = from; r < to; r++) {
    const rng = createRng(seeds[r]);
    if (lab === "fe") {
      const s = drawFe(rng, p);
      if (want("pooled")) pushOls(d.pooled, fitSlope(s.y, s.x, [], country), truth);
      if (want("fe_country")) pushOls(d.fe_country, fitSlope(s.y, s.x, [country], country), truth);
      if (want("fe_twoway")) pushOls(d.fe_twoway, fitSlope(s.y, s.x, twoway, country), truth);
    } else if (lab === "gravity") {
      const s = drawGravity(rng, p);
      if (want("ols_log")) {
        const lny = new Float64Array(s.N);
        for (let i = 0; i < s.N; i++) lny[i] = portableLog(s.y[i]); // same bits in Node and the page
        const f = fitSlope(lny, s.x, [], country);
        pushCross(d.ols_log, f.coef, f.se, f.df.iid, truth, f.failure);
      }
      if (want("ppml")) {
        const f = ppmlFit(s.y, s.x);
        pushCross(d.ppml, f.coef, f.se, Infinity, truth, f.failure);
      }
    } else if (lab === "cluster") {
      const s = drawCluster(rng, p);
      pushOls(d.fe_twoway, fitSlope(s.y, s.x, twoway, country), truth);
    } else {
      const s = drawNickell(rng, p);
      const P = T + 1;
      const y = new Float64Array(N * T);
      const ylag = new Float64Array(N * T);
      for (let i = 0; i < N; i++)
        for (let t = 1; t <= T; t++) {
          y[i * T + t - 1] = s.y[i * P + t];
          ylag[i * T + t - 1] = s.y[i * P + t - 1];
        }
      if (want("pooled")) pushOls(d.pooled, fitSlope(y, ylag, [], country), truth);
      if (want("fe_country")) pushOls(d.fe_country, fitSlope(y, ylag, [country], country), truth);
      if (!want("gmm_diff") && !want("gmm_sys")) {
        progress?.(r - from + 1, to - from);
        continue;
      }
      if (!nickellFrame) {
        const id = new Float64Array(N * P);
        const yr = new Float64Array(N * P);
        for (let r2 = 0; r2 < N * P; r2++) {
          id[r2] = Math.floor(r2 / P);
          yr[r2] = r2 % P;
        }
        nickellFrame = {nrows: N * P, columns: {country: id, year: yr, y: s.y}};
      }
      nickellFrame.columns.y = s.y;
      if (want("gmm_diff")) pushGmm(d.gmm_diff, nickellFrame, "gmm-diff", truth);
      if (want("gmm_sys")) pushGmm(d.gmm_sys, nickellFrame, "gmm-sys", truth);
    }
    progress?.(r - from + 1, to - from);
  }
  return d;
}

/** Concatenates chunk draws in replication order. */
export function mergeDraws(chunks: LabDraws[]): LabDraws {
  const out: LabDraws = {};
  for (const name of Object.keys(chunks[0] ?? {})) {
    const first = chunks[0][name];
    const cover: Draws["cover"] = {};
    for (const v of Object.keys(first.cover) as VcovName[]) cover[v] = chunks.flatMap((c) => c[name].cover[v]!);
    const failures: Record<string, number> = {};
    for (const c of chunks) for (const [k, v] of Object.entries(c[name].failures ?? {})) failures[k] = (failures[k] ?? 0) + v;
    out[name] = {est: chunks.flatMap((c) => c[name].est), cover, reject: first.reject ? chunks.flatMap((c) => c[name].reject!) : undefined, failures};
  }
  return out;
}

/** The `dtb simulate` result of a lab's draws. */
export function summarizeLab(lab: LabName, params: Params, reps: number, seed: number, draws: LabDraws): LabResult {
  const truth = params[LAB_DEFS[lab].target];
  const estimators: Record<string, Summary> = {};
  for (const name of LAB_DEFS[lab].estimators) if (draws[name].est.length > 0) estimators[name] = summarize(draws[name], truth);
  return {lab, params, reps, seed, truth, estimators};
}

/** The whole Monte Carlo in this thread. Example: `runLab("fe", defaultParams("fe"), 1000, 1)`. */
export function runLab(
  lab: LabName,
  params: Params,
  reps: number,
  seed: number,
  progress?: (done: number, total: number) => void,
  only?: string[]
): {result: LabResult; draws: LabDraws} {
  const draws = simulateReps(lab, params, repSeeds(seed, reps), 0, reps, progress, only);
  return {result: summarizeLab(lab, params, reps, seed, draws), draws};
}
