/**
 * The multiverse grid: every dimension of choice and their product (GRID.json of `dtb multiverse`,
 * documented in README.md). A grid is validated once (one-line errors naming the key), then expanded into
 * "combos": one small integer per dimension per specification, stored column-wise in typed arrays so that a
 * 50,000-specification grid costs a few hundred kilobytes and crosses to a Web Worker cheaply.
 *
 * Dimensions, in index order: y, key, lag, controls (a subset), fe, vcov, sample, estimator.
 * GMM (estimator "gmm-diff" / "gmm-sys") ignores the fe and vcov choices (time effects, Windmeijer SE, as the
 * study's Table 7 and the explorer): a GMM specification is enumerated once, with fe and vcov index 0.
 *
 * Pure and browser-safe.
 */
import {UserError} from "../errors.js";
import type {Spec, VcovSpec} from "../engine/types.js";

export type Estimator = "ols" | "gmm-diff" | "gmm-sys" | "ppml";

/**
 * A grid's standard errors: the engine's iid / HC1 / clusters, and fixest's panel HAC variances by name
 * ("driscoll_kraay", "newey_west"; default lag floor(T^(1/4))). PPML and the HAC variances are estimated by
 * `estimate()` alone in the batch (batch.ts), so they equal it by construction.
 */
export type GridVcov = VcovSpec | "driscoll_kraay" | "newey_west";

/** GMM specifications (time effects, Windmeijer SE): they ignore the fe and vcov choices. */
export const isGmmEstimator = (e: Estimator): boolean => e === "gmm-diff" || e === "gmm-sys";

/** The outcome PPML estimates: the level column of a log outcome (lnexport_cn -> exports_cn_usd), else itself. */
export const ppmlOutcome = (y: string): string => y.replace(/^lnexport_(.+)$/, "exports_$1_usd");

/** True for the HAC variances, which the batch hands to estimate(). */
export const isHacVcov = (v: GridVcov): v is "driscoll_kraay" | "newey_west" => v === "driscoll_kraay" || v === "newey_west";

export interface SampleChoice {
  label: string;
  exclude: Record<string, Array<number | string>>;
}

/** GRID.json as written by a user (see README "dtb multiverse"). */
export interface GridInput {
  id: string;
  time: string;
  y: string[];
  key: string[];
  lags?: number[];
  controls?: {optional?: string[]; always?: string[]; subsets?: string[][]};
  fe?: string[][];
  vcov?: GridVcov[];
  samples?: SampleChoice[];
  estimators?: Estimator[];
}

/** A validated grid: every list non-empty, every default filled. */
export interface Grid {
  id: string;
  time: string;
  y: string[];
  key: string[];
  lags: number[];
  /** Every control that appears in some subset, in first-appearance order (one dashboard row each). */
  controls: string[];
  always: string[];
  subsets: string[][];
  fe: string[][];
  vcov: GridVcov[];
  samples: SampleChoice[];
  estimators: Estimator[];
}

export const DIMS = ["y", "key", "lag", "controls", "fe", "vcov", "sample", "estimator"] as const;
export type Dim = (typeof DIMS)[number];

/** Option indices: 16-bit while every dimension has at most 65,536 options, 32-bit beyond (gridFootprint). */
export type IndexArray = Uint16Array | Uint32Array;

/** Combos: for each dimension, the chosen option index of every specification. */
export interface Combos {
  n: number;
  idx: Record<Dim, IndexArray>;
}

/**
 * What a grid may cost before anything runs: the number of specifications, and the memory of the arrays sized
 * by it (per specification: 8 option indices, 5 doubles, a count and a flag in the batch result; its spec
 * record in the CLI's output) and of the influence regression's p x p normal matrix (p = 1 + one column per
 * non-base option + one per optional control; influence.ts).
 */
export const GRID_LIMITS = {specs: 2_000_000, bytes: 1_000_000_000} as const;

export interface Footprint {
  specs: number;
  /** Bytes per option index (2 or 4). */
  index_bytes: 2 | 4;
  /** Columns of the influence regression. */
  influence_columns: number;
  bytes: number;
}

export function gridFootprint(g: Grid): Footprint {
  const specs = gridSize(g);
  const sizes = dimSizes(g);
  const index_bytes = Math.max(...DIMS.map((d) => sizes[d])) > 65_536 ? 4 : 2;
  // Decisions of influence.ts: every dimension but controls, then one yes/no column per optional control.
  const p = 1 + DIMS.filter((d) => d !== "controls").reduce((a, d) => a + sizes[d] - 1, 0) + g.controls.length;
  const perSpec = 8 * index_bytes + 5 * 8 + 4 + 1 + 200;
  return {specs, index_bytes, influence_columns: p, bytes: specs * perSpec + p * p * 8};
}

const human = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${Math.ceil(b / 1e3)} kB`);

/** The one-line refusal of a grid too large to run, or null when it fits. */
export function oversizeMessage(f: Footprint): string | null {
  const n = f.specs.toLocaleString("en");
  if (f.specs > GRID_LIMITS.specs) return `grid: ${n} specifications is more than the ${GRID_LIMITS.specs.toLocaleString("en")} supported; drop some options`;
  if (f.bytes > GRID_LIMITS.bytes) {
    return `grid: ${n} specifications with ${f.influence_columns.toLocaleString("en")} option columns would allocate about ${human(f.bytes)} (influence matrix ${f.influence_columns.toLocaleString("en")} x ${f.influence_columns.toLocaleString("en")}: ${human(f.influence_columns ** 2 * 8)}); the limit is ${human(GRID_LIMITS.bytes)}; drop some options`;
  }
  return null;
}

const GRID_KEYS = ["id", "time", "y", "key", "lags", "controls", "fe", "vcov", "samples", "estimators"];
const ESTIMATORS: Estimator[] = ["ols", "gmm-diff", "gmm-sys", "ppml"];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function names(v: unknown, key: string, allowEmpty = false): string[] {
  if (!Array.isArray(v)) throw new UserError(`grid.${key} must be a list of column names`);
  if (!allowEmpty && v.length === 0) throw new UserError(`grid.${key} must not be empty`);
  const seen = new Set<string>();
  return v.map((s, i) => {
    if (typeof s !== "string" || s.trim() === "") throw new UserError(`grid.${key}[${i}] must be a non-empty column name`);
    if (seen.has(s)) throw new UserError(`grid.${key} lists '${s}' twice`);
    seen.add(s);
    return s;
  });
}

function nonEmptyList(v: unknown, key: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw new UserError(`grid.${key} must be a non-empty list`);
  return v;
}

/** Every subset of `opt`, smallest first, each in `opt` order. Example: [a, b] -> [], [a], [b], [a, b]. */
export function allSubsets(opt: string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << opt.length; mask++) out.push(opt.filter((_, j) => mask & (1 << j)));
  return out.sort((a, b) => a.length - b.length || 0);
}

/**
 * Validates GRID.json (one-line UserError naming the key) and fills defaults: lags [0], controls none,
 * fe [[]], vcov ["iid"], samples [{label: "all", exclude: {}}], estimators ["ols"].
 * Example: `validateGrid({id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri"]})`.
 */
export function validateGrid(input: unknown): Grid {
  if (!isObj(input)) throw new UserError("grid must be a JSON object");
  const unknown = Object.keys(input).filter((k) => !GRID_KEYS.includes(k));
  if (unknown.length) throw new UserError(`grid: unknown key ${unknown.map((k) => `'${k}'`).join(", ")} (allowed: ${GRID_KEYS.join(", ")})`);
  for (const k of ["id", "time", "y", "key"]) if (input[k] === undefined) throw new UserError(`grid.${k} is required`);
  for (const k of ["id", "time"]) if (typeof input[k] !== "string" || (input[k] as string).trim() === "") throw new UserError(`grid.${k} must be a column name`);
  const y = names(input.y, "y");
  const key = names(input.key, "key");
  const lags = input.lags === undefined ? [0] : nonEmptyList(input.lags, "lags").map((l, i) => {
    if (!Number.isInteger(l) || (l as number) < 0 || (l as number) > 20) throw new UserError(`grid.lags[${i}] must be an integer from 0 to 20`);
    return l as number;
  });
  if (new Set(lags).size !== lags.length) throw new UserError("grid.lags lists a lag twice");

  let always: string[] = [];
  let subsets: string[][] = [[]];
  if (input.controls !== undefined) {
    const c = input.controls;
    if (!isObj(c)) throw new UserError('grid.controls must be an object {"optional": [...], "always": [...]} or {"subsets": [[...], ...]}');
    const extra = Object.keys(c).filter((k) => !["optional", "always", "subsets"].includes(k));
    if (extra.length) throw new UserError(`grid.controls: unknown key '${extra[0]}' (allowed: optional, always, subsets)`);
    if (c.optional !== undefined && c.subsets !== undefined) throw new UserError("grid.controls: give either 'optional' (every subset) or 'subsets', not both");
    always = c.always === undefined ? [] : names(c.always, "controls.always", true);
    if (c.optional !== undefined) {
      const opt = names(c.optional, "controls.optional", true);
      if (opt.length > 12) throw new UserError(`grid.controls.optional lists ${opt.length} controls; at most 12 (4096 subsets) are supported`);
      subsets = allSubsets(opt);
    } else if (c.subsets !== undefined) {
      subsets = nonEmptyList(c.subsets, "controls.subsets").map((s, i) => names(s, `controls.subsets[${i}]`, true));
    }
  }
  const controls: string[] = [];
  for (const s of subsets) for (const c of s) if (!controls.includes(c)) controls.push(c);
  for (const c of [...controls, ...always]) {
    if (y.includes(c)) throw new UserError(`grid.controls: '${c}' is also an outcome in grid.y`);
    if (key.includes(c)) throw new UserError(`grid.controls: '${c}' is also a key regressor in grid.key`);
  }
  for (const a of always) if (controls.includes(a)) throw new UserError(`grid.controls: '${a}' is both optional and always included`);
  for (const k of key) if (y.includes(k)) throw new UserError(`grid.key: '${k}' is also an outcome in grid.y`);

  const fe = input.fe === undefined ? [[]] : nonEmptyList(input.fe, "fe").map((f, i) => names(f, `fe[${i}]`, true));
  const vcov: GridVcov[] = input.vcov === undefined ? ["iid"] : nonEmptyList(input.vcov, "vcov").map((v, i) => {
    if (v === "iid" || v === "hetero" || v === "driscoll_kraay" || v === "newey_west") return v;
    if (v === "DK") return "driscoll_kraay";
    if (v === "NW") return "newey_west";
    if (isObj(v) && Object.keys(v).length === 1 && v.cluster !== undefined) {
      const cl = typeof v.cluster === "string" ? [v.cluster] : names(v.cluster, `vcov[${i}].cluster`);
      if (cl.length > 4) throw new UserError(`grid.vcov[${i}].cluster: at most 4 clustering dimensions`);
      return {cluster: cl};
    }
    throw new UserError(`grid.vcov[${i}] must be "iid", "hetero", {"cluster": [...]}, "DK" or "NW"; got ${JSON.stringify(v)}`);
  });
  const samples: SampleChoice[] = input.samples === undefined ? [{label: "all", exclude: {}}] : nonEmptyList(input.samples, "samples").map((s, i) => {
    if (!isObj(s)) throw new UserError(`grid.samples[${i}] must be an object {"label": ..., "exclude": {...}}`);
    const extra = Object.keys(s).filter((k) => k !== "label" && k !== "exclude");
    if (extra.length) throw new UserError(`grid.samples[${i}]: unknown key '${extra[0]}' (allowed: label, exclude)`);
    if (typeof s.label !== "string" || s.label.trim() === "") throw new UserError(`grid.samples[${i}].label must be a non-empty text`);
    const ex = s.exclude ?? {};
    if (!isObj(ex)) throw new UserError(`grid.samples[${i}].exclude must be an object {column: [values]}`);
    for (const [col, vals] of Object.entries(ex)) {
      if (!Array.isArray(vals) || vals.some((v) => typeof v !== "number" && typeof v !== "string")) {
        throw new UserError(`grid.samples[${i}].exclude.${col} must be a list of numbers or texts`);
      }
    }
    return {label: s.label, exclude: ex as SampleChoice["exclude"]};
  });
  const labels = new Set<string>();
  for (const s of samples) {
    if (labels.has(s.label)) throw new UserError(`grid.samples: label '${s.label}' is used twice`);
    labels.add(s.label);
  }
  const estimators = input.estimators === undefined ? (["ols"] as Estimator[]) : nonEmptyList(input.estimators, "estimators").map((e, i) => {
    if (!ESTIMATORS.includes(e as Estimator)) throw new UserError(`grid.estimators[${i}] must be one of ${ESTIMATORS.join(", ")}; got ${JSON.stringify(e)}`);
    return e as Estimator;
  });
  const grid: Grid = {id: input.id as string, time: input.time as string, y, key, lags, controls, always, subsets, fe, vcov, samples, estimators};
  // Refused before anything is allocated or estimated, with the numbers (issue #21).
  const oversize = oversizeMessage(gridFootprint(grid));
  if (oversize) throw new UserError(oversize);
  return grid;
}

/** Number of options of each dimension. */
export function dimSizes(g: Grid): Record<Dim, number> {
  return {y: g.y.length, key: g.key.length, lag: g.lags.length, controls: g.subsets.length, fe: g.fe.length, vcov: g.vcov.length, sample: g.samples.length, estimator: g.estimators.length};
}

/** Options switched on per dimension (index lists); absent = all on. */
export type Keep = Partial<Record<Dim, number[]>>;

function kept(g: Grid, keep: Keep): Record<Dim, number[]> {
  const sizes = dimSizes(g);
  const out = {} as Record<Dim, number[]>;
  for (const d of DIMS) out[d] = keep[d] ?? Array.from({length: sizes[d]}, (_, i) => i);
  return out;
}

/**
 * Number of specifications with the options in `keep` switched on, without expanding the grid (the page's
 * counts update before anything runs). GMM specs count once per (y, key, lag, controls, sample).
 */
export function gridSize(g: Grid, keep: Keep = {}): number {
  const k = kept(g, keep);
  const base = k.y.length * k.key.length * k.lag.length * k.controls.length * k.sample.length;
  let n = 0;
  for (const e of k.estimator) n += isGmmEstimator(g.estimators[e]) ? base : base * k.fe.length * k.vcov.length;
  return n;
}

/**
 * Every specification of the grid (options in `keep` only). Order: estimator, y, key, lag, controls, sample,
 * fe, then vcov innermost, so the SE flavours of one fit are neighbours.
 */
export function expandGrid(g: Grid, keep: Keep = {}): Combos {
  const k = kept(g, keep);
  const n = gridSize(g, keep);
  // Local arrays and index loops: this runs in every worker before its slice (55,296 x 8 stores), and
  // property lookups on a record built key by key made it ~20 ms warm, more in a cold worker.
  // Indices sized for the grid: a dimension with more than 65,536 options would wrap around in 16 bits.
  const sizes = dimSizes(g);
  const Index = Math.max(...DIMS.map((d) => sizes[d])) > 65_536 ? Uint32Array : Uint16Array;
  const E = new Index(n);
  const Y = new Index(n);
  const KEY = new Index(n);
  const LAG = new Index(n);
  const CTL = new Index(n);
  const SMP = new Index(n);
  const FE = new Index(n);
  const VC = new Index(n);
  const ys = k.y, keys = k.key, lags = k.lag, ctls = k.controls, smps = k.sample;
  let i = 0;
  for (const e of k.estimator) {
    const gmm = isGmmEstimator(g.estimators[e]);
    const fes = gmm ? [0] : k.fe;
    const vcs = gmm ? [0] : k.vcov;
    for (let a = 0; a < ys.length; a++)
      for (let b = 0; b < keys.length; b++)
        for (let l = 0; l < lags.length; l++)
          for (let c = 0; c < ctls.length; c++)
            for (let s = 0; s < smps.length; s++)
              for (let f = 0; f < fes.length; f++)
                for (let v = 0; v < vcs.length; v++) {
                  E[i] = e;
                  Y[i] = ys[a];
                  KEY[i] = keys[b];
                  LAG[i] = lags[l];
                  CTL[i] = ctls[c];
                  SMP[i] = smps[s];
                  FE[i] = fes[f];
                  VC[i] = vcs[v];
                  i++;
                }
  }
  const idx: Record<Dim, IndexArray> = {estimator: E, y: Y, key: KEY, lag: LAG, controls: CTL, sample: SMP, fe: FE, vcov: VC};
  return {n, idx};
}

/** The key regressor as a spec term: x, L.x or Lk.x. */
export function lagTerm(x: string, lag: number): string {
  return lag === 0 ? x : lag === 1 ? `L.${x}` : `L${lag}.${x}`;
}

/** One combo's choices as option indices. */
export function comboAt(c: Combos, i: number): Record<Dim, number> {
  const out = {} as Record<Dim, number>;
  for (const d of DIMS) out[d] = c.idx[d][i];
  return out;
}

/**
 * The complete `dtb estimate` spec of specification i (it reproduces the numbers alone) and its key term.
 * OLS: x = [key term, ...always, ...subset]. GMM: x = [L.y, key term, ...], twoways, lags 2+ of y collapsed.
 */
export function specOf(g: Grid, c: Combos, i: number): {spec: Spec; keyTerm: string} {
  const y = g.y[c.idx.y[i]];
  const keyTerm = lagTerm(g.key[c.idx.key[i]], g.lags[c.idx.lag[i]]);
  const controls = [...g.always, ...g.subsets[c.idx.controls[i]]];
  const exclude = g.samples[c.idx.sample[i]].exclude;
  const est = g.estimators[c.idx.estimator[i]];
  const ex = Object.keys(exclude).length ? {exclude} : {};
  if (isGmmEstimator(est)) {
    return {
      keyTerm,
      spec: {id: g.id, time: g.time, y, x: [`L.${y}`, keyTerm, ...controls], estimator: est, effect: "twoways", gmm: {instruments: "y", lags: [2, 99], collapse: true}, ...ex}
    };
  }
  // PPML: the outcome in levels, as the explorer's toSpec (same keys, so the same spec).
  const ppml = est === "ppml";
  return {keyTerm, spec: {id: g.id, time: g.time, y: ppml ? ppmlOutcome(y) : y, x: [keyTerm, ...controls], fe: g.fe[c.idx.fe[i]], vcov: g.vcov[c.idx.vcov[i]], ...(ppml ? {estimator: "ppml" as const} : {}), ...ex}};
}

/** Short labels of each option, for the dashboard, CSV and the influence table. */
export function optionLabels(g: Grid): Record<Dim, string[]> {
  const vc = (v: GridVcov) => (typeof v === "string" ? (v === "hetero" ? "HC1" : v === "driscoll_kraay" ? "DK" : v === "newey_west" ? "NW" : v) : `cluster ${v.cluster.join("+")}`);
  return {
    y: g.y,
    key: g.key,
    lag: g.lags.map((l) => (l === 0 ? "no lag" : `lag ${l}`)),
    controls: g.subsets.map((s) => (s.length ? s.join("+") : "none")),
    fe: g.fe.map((f) => (f.length ? f.join("+") : "none")),
    vcov: g.vcov.map(vc),
    sample: g.samples.map((s) => s.label),
    estimator: g.estimators.map((e) => (e === "ols" ? "OLS/FE" : e === "gmm-diff" ? "diff. GMM" : e === "ppml" ? "PPML" : "system GMM"))
  };
}
