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
import {drawCluster, drawFe, drawNickell} from "./dgp.js";
import {countryDim, crit95, fitSlope, VCOVS, yearDim, type SlopeFit, type VcovName} from "./fit.js";
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
    d[name] = {est: [], cover: gmm ? {cluster: []} : {iid: [], hetero: [], cluster: []}, reject: []};
  }
  return d;
}

/** Adds one OLS slope fit: coverage per variance with its own t df, rejection of 0 with the clustered SE. */
function pushOls(d: Draws, f: SlopeFit, truth: number): void {
  d.est.push(f.coef);
  for (const v of VCOVS) {
    const half = crit95(f.df[v]) * f.se[v];
    d.cover[v]!.push(Math.abs(f.coef - truth) <= half ? 1 : 0);
  }
  d.reject!.push(Math.abs(f.coef) > crit95(f.df.cluster) * f.se.cluster ? 1 : 0);
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
    // A singular draw (tiny N) is a failed replication, counted by summarize().
  }
  d.est.push(b);
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
  const {N, T} = p;
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
    out[name] = {est: chunks.flatMap((c) => c[name].est), cover, reject: first.reject ? chunks.flatMap((c) => c[name].reject!) : undefined};
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
