/**
 * The estimation sample shared by OLS (estimate-ols.ts) and PPML (ppml.ts), built once in one place:
 * columns and groupings of the spec (each grouping column factorised once; `a^b` combinations as fixest's),
 * lags on the full data, `exclude` filters, listwise deletion and optional singletons (sample.ts, fixest
 * conventions of ESTIMATION.md "Sample"). The panel index (sorted by id and time) is built only when a lag
 * asks for it; without a lag id and time are only coded (for n_groups / n_periods and the HAC variances).
 *
 * Row order: `blockRows` reorders the sample rows so that the rows of each level of the largest fixed
 * effect are contiguous (a stable counting sort, as fixest sorts by the first fixed effect): the demeaning's
 * blocked paths (demean-two.ts, demean-schur.ts, demean-weighted-two.ts) then stream through memory whatever
 * order the user's rows came in. Every later array is taken through `rows`, so the reorder is one
 * permutation of the sample, never of the user's data; estimates are sums over the same rows (equal to
 * rounding, see tests/lib/engine/row-order.test.ts).
 */
import {UserError} from "../errors.js";
import {combineFactors} from "./fe-combine.js";
import {assertNoInfinite, factorize, getColumn, numericColumn, sumSquaresScan, type Factor} from "./frame.js";
import {assertIntegerTime, lagColumn, parseLag} from "./lag.js";
import {assertPanel, panelIndex, type PanelIndex} from "./panel.js";
import {completeRows, dropSingletons, excludeMask} from "./sample.js";
import {recycle, takeF64, takeI32} from "./scratch.js";
import type {NormalizedSpec} from "./spec.js";
import type {Column, Frame} from "./types.js";

export function assertSomeValue(col: Float64Array, label: string): void {
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
 * The checks of a numeric input column (no infinite value, at least one value) in one pass when it is complete:
 * its sum of squares (frame order) is then finite and is recorded in `finite` for the NaN screen of the sample
 * (`completeRows`) and the collinearity scale; otherwise the exact scans name the first bad row.
 */
export function checkInputColumn(col: Float64Array, name: string, label: string, finite?: Map<Float64Array, number>): void {
  if (col.length > 0) {
    const ss = sumSquaresScan(col);
    if (Number.isFinite(ss)) {
      finite?.set(col, ss);
      return;
    }
  }
  assertNoInfinite(col, name);
  assertSomeValue(col, label);
}

/**
 * Builds the regressor columns of the spec on the full data (lags before any filter). `index` is
 * called (and may build the sorted panel index) only when a lag term is present. `finite`: see `checkInputColumn`;
 * `deferred`: plain columns are listed there instead of checked (see PreparedSample.deferred).
 * Example: terms ["L.dstri", "lngdp"] -> [lag of dstri within id, lngdp].
 */
export function buildRegressors(frame: Frame, spec: NormalizedSpec, time: Float64Array, index: () => PanelIndex, finite?: Map<Float64Array, number>, deferred?: Float64Array[]): Float64Array[] {
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
      assertSomeValue(col, lag.k > 0 ? `lag '${term}' (${where}: no row has a value ${lag.k} period(s) earlier)` : `lead '${term}' (${where}: no row has a value ${-lag.k} period(s) later)`);
      return col;
    }
    const col = numericColumn(frame, term, where);
    if (deferred) deferred.push(col);
    else checkInputColumn(col, term, `column '${term}' (${where})`, finite);
    return col;
  });
}

export interface PreparedSample {
  notes: string[];
  idF: Factor;
  time: Float64Array;
  timeF: Factor;
  y: Float64Array;
  xs: Float64Array[];
  feF: Factor[];
  clF: Factor[];
  clNames: string[];
  /** Sample rows (frame row numbers) after exclusions, listwise deletion and singletons, in frame order. */
  rows: Int32Array;
  nComplete: number;
  nSingletons: number;
  /** Every code array factorised here (working arrays from scratch.ts, to be recycled by the caller). */
  codeArrays: Int32Array[];
  /** Outcome and regressor columns without a missing or infinite value, with their sums of squares (frame order). */
  finite: Map<Float64Array, number>;
  /**
   * With `deferChecks`: the outcome and plain regressor columns NOT checked, assumed complete in `rows`. The caller
   * must prove each finite (`sumSquaresScan`, or `takeRowsChecked` while it scatters them) and, if one is not, prepare
   * the sample again without deferring (which names the bad row or drops the missing ones).
   */
  deferred: Float64Array[];
}

export interface PrepareOptions {
  /** Checks on the outcome after its own column checks (e.g. PPML: non-negative). */
  checkOutcome: (y: Float64Array) => void;
  /** "error": a missing id or time is an error (OLS); "drop": such rows leave the sample (PPML). */
  missingPanel: "error" | "drop";
  /** Leave the outcome's and plain regressors' own pass of checks to the caller (see PreparedSample.deferred). */
  deferChecks?: boolean;
}

/** Example: `prepareSample(frame, validateSpec(spec), {checkOutcome: () => {}, missingPanel: "error"})`. */
export function prepareSample(frame: Frame, spec: NormalizedSpec, opts: PrepareOptions): PreparedSample {
  const n = frame.nrows;
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
  // Panel structure (id, time): only lags need unique id-time pairs (a lag must name one row). Without a lag
  // the data need no panel structure, e.g. exporter x importer x product x year flows with repeated
  // (exporter, year) pairs (as fixest without panel.id); the sorted index is then never built.
  const idF = factorOf(getColumn(frame, spec.id, "spec.id"));
  const time = numericColumn(frame, spec.time, "spec.time");
  // Coding an integer column proves it finite (frame.ts `finite`); otherwise the scan names the bad row.
  const timeF = factorOf(time);
  if (!timeF.finite) assertNoInfinite(time, spec.time);
  const hasLag = spec.x.some((term) => frame.columns[term] === undefined && parseLag(term) !== null);
  if (hasLag) assertPanel(idF, timeF.codes, timeF.nlevels, time, spec.id, spec.time);
  else if (opts.missingPanel === "error" && !(idF.complete && timeF.complete)) assertPresent(idF.codes, timeF.codes, spec.id, spec.time);
  let indexCache: PanelIndex | null = null;
  const index = (): PanelIndex => (indexCache ??= panelIndex(idF, time, spec.id, spec.time));

  const finite = new Map<Float64Array, number>();
  const deferred: Float64Array[] = [];
  const y = numericColumn(frame, spec.y, "spec.y");
  if (opts.deferChecks) deferred.push(y);
  else if (y.length === 0 || !Number.isFinite(sumSquaresScan(y))) assertNoInfinite(y, spec.y);
  else finite.set(y, NaN); // complete; its sum of squares is not used
  opts.checkOutcome(y);
  const xs = buildRegressors(frame, spec, time, index, finite, opts.deferChecks ? deferred : undefined);

  // `a^b` (not a column of the data) is a combined grouping, as fixest's: one level per observed (a, b).
  // FE and cluster entries of the same name share it.
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
  // Groupings coded without a missing value (factorize's `complete`) need no scan for code -1.
  const panel = opts.missingPanel === "drop" ? [idF, timeF] : [];
  const groupCodes = [...new Set([...panel, ...feF, ...clF].filter((f) => !f.complete).map((f) => f.codes))];
  let rows = completeRows(n, excluded, [y, ...xs].filter((col) => !finite.has(col) && !deferred.includes(col)), groupCodes);
  const nComplete = rows.length;
  if (spec.drop_singletons && feF.length > 0) rows = dropSingletons(rows, feF);
  const nSingletons = nComplete - rows.length;
  if (nSingletons > 0) notes.push(`${nSingletons} fixed-effect singleton${nSingletons > 1 ? "s were" : " was"} removed.`);
  const codeArrays = [...[...factors.values(), ...combos.values()].map((f) => f.codes)];
  return {notes, idF, time, timeF, y, xs, feF, clF, clNames, rows, nComplete, nSingletons, codeArrays, finite, deferred};
}

/**
 * The sample rows reordered so that the rows of each level of `fe` (codes on the full data) are contiguous,
 * levels in order of first appearance, rows in their order within a level (stable); null when they already
 * are (data sorted by that variable, the usual layout: nothing to do). Levels keep their first-appearance
 * numbering, so codes recoded on the returned rows never decrease (the demeaning's blocked layout).
 * Example: rows [0,1,2,3], codes [5,7,5,7] -> [0,2,1,3].
 */
export function blockRows(rows: Int32Array, fe: {codes: Int32Array; nlevels: number}): Int32Array | null {
  const b = blockRowsCoded(rows, fe);
  if (b === null) return null;
  recycle([b.codes, b.pos]);
  return b.rows;
}

/**
 * `blockRows`, with the grouping's codes on the reordered rows as `sampleCoder` would give them (first appearance
 * in the new order is the blocks' order, so row block g gets code g): made while the blocks are laid out, not by
 * a second pass over the rows. `codes` comes from scratch.ts. When the rows are every one of the frame's `n` rows,
 * `pos` is their inverse permutation (`inversePermutation`, from scratch.ts), else null. Example: rows [0,1,2,3], codes [5,7,5,7] ->
 * {rows: [0,2,1,3], codes: [0,0,1,1], nlevels: 2}.
 */
export function blockRowsCoded(rows: Int32Array, fe: {codes: Int32Array; nlevels: number}, n = -1): {rows: Int32Array; codes: Int32Array; nlevels: number; pos: Int32Array | null} | null {
  const m = rows.length;
  const codes = fe.codes;
  // One pass: the rows of each level counted, the levels listed in order of first appearance; blocked when every
  // level is one run.
  const count = new Int32Array(fe.nlevels);
  const byRank = new Int32Array(fe.nlevels);
  let next = 0;
  let prev = -1;
  let blocked = true;
  for (let r = 0; r < m; r++) {
    const c = codes[rows[r]];
    count[c]++;
    if (c === prev) continue;
    if (count[c] === 1) byRank[next++] = c;
    else blocked = false;
    prev = c;
  }
  if (blocked) return null;
  // Level byRank[g] takes positions from where the levels before it end; block g gets code g.
  const startOf = new Int32Array(fe.nlevels);
  const blockCodes = takeI32(m);
  for (let g = 0, at = 0; g < next; g++) {
    const c = byRank[g];
    startOf[c] = at;
    blockCodes.fill(g, at, at + count[c]);
    at += count[c];
  }
  const out = new Int32Array(m);
  // Every frame row in the sample: its position is recorded on the way (`inversePermutation`, for the scatters).
  const pos = m === n ? takeI32(n) : null;
  if (pos) placeRows(rows, codes, startOf, out, pos);
  else for (let r = 0; r < m; r++) out[startOf[codes[rows[r]]]++] = rows[r];
  return {rows: out, codes: blockCodes, nlevels: next, pos};
}

/** out[p] = row and pos[row] = p, p the next free position of the row's level (a loop of its own). */
function placeRows(rows: Int32Array, codes: Int32Array, startOf: Int32Array, out: Int32Array, pos: Int32Array): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const p = startOf[codes[row]]++;
    out[p] = row;
    pos[row] = p;
  }
}

/**
 * Samples below this many rows are never reordered: they fit in the processor's caches, where row order costs
 * nothing, and their numbers stay bit for bit those of the rows in the user's order (e.g. the multiverse's batch
 * kernels, which follow that order).
 */
export const BLOCK_MIN_ROWS = 1 << 16;

/**
 * Index of the fixed effect with the most levels (the one the rows are blocked by); -1 without FE or when the
 * sample has fewer than BLOCK_MIN_ROWS rows.
 */
export function largestFe(feF: Array<{nlevels: number}>, rows: number): number {
  if (rows < BLOCK_MIN_ROWS) return -1;
  let b = -1;
  for (let f = 0; f < feF.length; f++) if (b < 0 || feF[f].nlevels > feF[b].nlevels) b = f;
  return b;
}

/**
 * When the sample rows are a reordering of every frame row: the inverse permutation (pos[frame row] = sample
 * position), from scratch.ts; else null. With it, `takeRows` and `sampleCoder` scatter (read the frame's columns
 * in order, write in sample order) instead of gathering: random writes cost far less than random reads on
 * arrays larger than the processor's caches (5M rows: 2.4x faster).
 * Example: rows [2, 0, 1] of 3 -> pos [1, 2, 0].
 */
export function inversePermutation(rows: Int32Array, n: number): Int32Array | null {
  if (rows.length !== n) return null;
  const pos = takeI32(n);
  for (let r = 0; r < n; r++) pos[rows[r]] = r;
  return pos;
}

/**
 * Grouping codes restricted to the sample rows and renumbered 0..L'-1 in order of first appearance there (as
 * frame.ts `recode`; with `pos`, every row kept, the full-data codes in sample order), memoised per code array: the FE, the cluster and the id are often one column, recoded
 * once. `identity`: the sample is every frame row in frame order, so the full-data codes are used as they are.
 * `pos`: see `inversePermutation`. Arrays come from scratch.ts; `arrays()` lists them for recycling.
 * Example: `const coder = sampleCoder(rows, false); coder.of(firmFactor)`.
 */
export function sampleCoder(rows: Int32Array, identity: boolean, pos: Int32Array | null = null): {of: (f: {codes: Int32Array; nlevels: number}) => {codes: Int32Array; nlevels: number}; seed: (f: {codes: Int32Array}, d: {codes: Int32Array; nlevels: number}) => void; arrays: () => Int32Array[]} {
  const memo = new Map<Int32Array, {codes: Int32Array; nlevels: number}>();
  return {
    /** Records codes already made for `f` on these rows (`blockRowsCoded`); they are recycled with the others. */
    seed(f, d) {
      memo.set(f.codes, d);
    },
    of(f) {
      if (identity) return {codes: f.codes, nlevels: f.nlevels};
      let d = memo.get(f.codes);
      if (d === undefined && f.nlevels === f.codes.length) {
        // Every row its own level (a row-number id): in any order the sample's first-appearance codes are 0..m-1.
        const out = takeI32(rows.length);
        for (let r = 0; r < out.length; r++) out[r] = r;
        d = {codes: out, nlevels: out.length};
        memo.set(f.codes, d);
      }
      if (d === undefined && pos) {
        // Every frame row is in the sample: every level of the full-data coding (dense, first-appearance: frame.ts
        // `factorize` and its dictionaries) is present, so the codes are scattered as they are, not renumbered. Only
        // density matters downstream; for the grouping the rows are blocked by, these are the block codes themselves
        // (its levels' blocks are in order of first appearance).
        d = {codes: scatterCodes(f.codes, pos, takeI32(rows.length)), nlevels: f.nlevels};
        memo.set(f.codes, d);
      }
      if (d === undefined) {
        const map = new Int32Array(f.nlevels).fill(-1);
        const out = takeI32(rows.length);
        const codes = f.codes;
        for (let r = 0; r < rows.length; r++) out[r] = codes[rows[r]];
        let next = 0;
        for (let r = 0; r < out.length; r++) {
          const c = out[r];
          let k = map[c];
          if (k < 0) {
            k = next++;
            map[c] = k;
          }
          out[r] = k;
        }
        d = {codes: out, nlevels: next};
        memo.set(f.codes, d);
      }
      return {codes: d.codes, nlevels: d.nlevels};
    },
    arrays: () => [...memo.values()].map((d) => d.codes)
  };
}

/** out[pos[i]] = codes[i] (a loop of its own). */
function scatterCodes(codes: Int32Array, pos: Int32Array, out: Int32Array): Int32Array {
  for (let i = 0; i < codes.length; i++) out[pos[i]] = codes[i];
  return out;
}

/**
 * `takeRows` with a scatter (`pos`), returning also the column's `sumSquaresScan` (the same four chains in frame
 * order: the same bits), so that one read of the column both reorders it and proves it finite (a deferred check,
 * see PreparedSample.deferred). Example: `takeRowsChecked(Float64Array.of(1, 2), Int32Array.of(1, 0))` -> {out: [2, 1], ss: 5}.
 */
export function takeRowsChecked(values: Float64Array, pos: Int32Array): {out: Float64Array; ss: number} {
  const out = takeF64(values.length);
  return {out, ss: scatterSquares(values, pos, out)};
}

function scatterSquares(values: Float64Array, pos: Int32Array, out: Float64Array): number {
  const n = values.length;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const v0 = values[i];
    const v1 = values[i + 1];
    const v2 = values[i + 2];
    const v3 = values[i + 3];
    out[pos[i]] = v0;
    out[pos[i + 1]] = v1;
    out[pos[i + 2]] = v2;
    out[pos[i + 3]] = v3;
    a0 += v0 * v0;
    a1 += v1 * v1;
    a2 += v2 * v2;
    a3 += v3 * v3;
  }
  for (; i < n; i++) {
    const v = values[i];
    out[pos[i]] = v;
    a0 += v * v;
  }
  return a0 + a1 + (a2 + a3);
}

/**
 * `values[rows[r]]` for every r, in a working array from scratch.ts (`pos`: scattered, see `inversePermutation`).
 * Example: `takeRows([1,2,3], [2,0])` -> [3,1].
 */
export function takeRows(values: Float64Array, rows: Int32Array, pos: Int32Array | null = null): Float64Array {
  const out = takeF64(rows.length);
  if (pos) for (let i = 0; i < values.length; i++) out[pos[i]] = values[i];
  else for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}
