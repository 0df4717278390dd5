/**
 * What identifies each specification of a multiverse (issue 24): the partners whose key regressor moves in its
 * estimation sample, which specifications a referee would defend (defensible.ts), the within SD that the per-SD
 * scale uses, and significant shares grouped by key regressor or by number of moving partners.
 *
 * Changing partners of a specification = partners (grid.id) whose key term (with its lag) takes more than one value
 * over the rows of the estimation sample: rows in the sample (not excluded), with the outcome, the key term and
 * every control of its subset finite (the engine's complete-case rule; ESTIMATION.md). Same count as the engine's
 * `info.changing_ids` for an OLS fit (tested). GMM and PPML use the same count (their samples differ by the
 * differencing or by zero trade, which the count ignores).
 *
 * Pure and browser-safe.
 */
import {demean} from "../engine/demean.js";
import type {Spec} from "../engine/types.js";
import {isDefensible, MIN_PARTNERS} from "./defensible.js";
import {DIMS, lagTerm, type Combos, type Grid} from "./grid.js";
import type {Prepared} from "./prepare.js";

export {MIN_PARTNERS};

/** Partners with the key term moving, for every specification (cached per outcome x key x lag x controls x sample). */
export function changingPartners(p: Prepared, g: Grid, c: Combos): Int32Array {
  const id = p.factors.get(g.id)!;
  const out = new Int32Array(c.n);
  const cache = new Map<string, number>();
  const first = new Float64Array(id.nlevels);
  const seen = new Uint8Array(id.nlevels);
  const moves = new Uint8Array(id.nlevels);
  for (let i = 0; i < c.n; i++) {
    const yi = c.idx.y[i], ki = c.idx.key[i], li = c.idx.lag[i], ci = c.idx.controls[i], si = c.idx.sample[i];
    const k = `${yi}.${ki}.${li}.${ci}.${si}`;
    let v = cache.get(k);
    if (v === undefined) {
      const y = p.terms.get(g.y[yi])!;
      const x = p.terms.get(lagTerm(g.key[ki], g.lags[li]))!;
      const ctl = [...g.always, ...g.subsets[ci]].map((n) => p.terms.get(n)!);
      const mask = p.masks[si];
      seen.fill(0);
      moves.fill(0);
      v = 0;
      for (let r = 0; r < p.n; r++) {
        if ((mask && mask[r]) || !Number.isFinite(y[r]) || !Number.isFinite(x[r]) || ctl.some((col) => !Number.isFinite(col[r]))) continue;
        const gi = id.codes[r];
        if (gi < 0) continue;
        if (!seen[gi]) {
          seen[gi] = 1;
          first[gi] = x[r];
        } else if (!moves[gi] && x[r] !== first[gi]) {
          moves[gi] = 1;
          v++;
        }
      }
      cache.set(k, v);
    }
    out[i] = v;
  }
  return out;
}

/** Partners with at least one row in each sample (the defensible rule's sample size). */
export function partnersPerSample(p: Prepared, g: Grid): number[] {
  const id = p.factors.get(g.id)!;
  return g.samples.map((_, s) => {
    const mask = p.masks[s];
    const seen = new Uint8Array(id.nlevels);
    let n = 0;
    for (let r = 0; r < p.n; r++) {
      const gi = id.codes[r];
      if ((mask && mask[r]) || gi < 0 || seen[gi]) continue;
      seen[gi] = 1;
      n++;
    }
    return n;
  });
}

/** 1 where the specification is in the defensible view (defensible.ts), 0 elsewhere. */
export function defensibleMask(g: Grid, c: Combos, partnersBySample: number[]): Uint8Array {
  const out = new Uint8Array(c.n);
  const cache = new Map<string, number>();
  for (let i = 0; i < c.n; i++) {
    const fe = c.idx.fe[i], vc = c.idx.vcov[i], s = c.idx.sample[i], e = c.idx.estimator[i];
    const k = `${fe}.${vc}.${s}.${e}`;
    let v = cache.get(k);
    if (v === undefined) {
      const vcov = g.vcov[vc];
      const spec = {id: g.id, time: g.time, y: g.y[0], x: [], fe: g.fe[fe], vcov, estimator: g.estimators[e]} as unknown as Spec;
      v = isDefensible(spec, partnersBySample[s]).ok ? 1 : 0;
      cache.set(k, v);
    }
    out[i] = v;
  }
  return out;
}

/**
 * SD of each key measure after partner and year fixed effects (Mummolo & Peterson 2018), over the rows where
 * the measure and the outcome `y` (default: the grid's first) are observed, i.e. the years the models can use:
 * sqrt(sum x~^2 / (m - 1)), x~ demeaned on id and time (as `info.within_sd`; R: `sd(resid(feols(x ~ 1 | id +
 * year, data = rows)))`). One fixed scale per measure, so that the per-SD curve compares specifications on the same
 * units. NaN when fewer than two rows remain.
 */
export function keyWithinSd(p: Prepared, g: Grid, timeCodes: {codes: Int32Array; nlevels: number}, y = g.y[0]): number[] {
  const id = p.factors.get(g.id)!;
  const yc = p.terms.get(y)!;
  return g.key.map((k) => {
    const x = p.terms.get(lagTerm(k, 0))!;
    const rows: number[] = [];
    for (let r = 0; r < p.n; r++) if (Number.isFinite(x[r]) && Number.isFinite(yc[r]) && id.codes[r] >= 0 && timeCodes.codes[r] >= 0) rows.push(r);
    if (rows.length < 2) return NaN;
    const col = Float64Array.from(rows, (r) => x[r]);
    const recode = (f: {codes: Int32Array; nlevels: number}) => {
      const map = new Map<number, number>();
      const codes = Int32Array.from(rows, (r) => {
        const c0 = f.codes[r];
        let m = map.get(c0);
        if (m === undefined) map.set(c0, (m = map.size));
        return m;
      });
      return {codes, nlevels: map.size};
    };
    const xt = demean([col], [recode(id), recode(timeCodes)]).cols[0];
    let ss = 0;
    for (const v of xt) ss += v * v;
    return Math.sqrt(ss / (xt.length - 1));
  });
}

export interface ShareRow {
  /** Group key: the key measure's index, or the lower bound of a changers bucket. */
  group: number;
  n: number;
  share_sig_negative: number;
  share_sig_positive: number;
  /** Smallest and largest number of changing partners in the group. */
  changers_min: number;
  changers_max: number;
}

/** Buckets of changing partners: fewer than 5 (the pages' "few changers"), 5-9, 10-19, 20 or more. */
export const CHANGER_BUCKETS = [0, 5, 10, 20] as const;
export const bucketOf = (n: number): number => [...CHANGER_BUCKETS].reverse().find((b) => n >= b) ?? 0;

/**
 * Shares significant at `alpha` by sign over the specifications `which`, grouped by `groupOf(i)`; groups sorted
 * by key. Example: two specs of key 0 (p 0.01 negative, p 0.4) -> {group: 0, n: 2, share_sig_negative: 0.5, ...}.
 */
export function significantShares(
  r: {coef: ArrayLike<number>; pvalue: ArrayLike<number>},
  which: ArrayLike<number>,
  groupOf: (i: number) => number,
  changers: ArrayLike<number>,
  alpha = 0.05
): ShareRow[] {
  const by = new Map<number, ShareRow & {neg: number; pos: number}>();
  for (let a = 0; a < which.length; a++) {
    const i = which[a];
    const gk = groupOf(i);
    let row = by.get(gk);
    if (!row) by.set(gk, (row = {group: gk, n: 0, neg: 0, pos: 0, share_sig_negative: 0, share_sig_positive: 0, changers_min: Infinity, changers_max: -Infinity}));
    row.n++;
    if (r.pvalue[i] < alpha) {
      if (r.coef[i] < 0) row.neg++;
      else if (r.coef[i] > 0) row.pos++;
    }
    row.changers_min = Math.min(row.changers_min, changers[i]);
    row.changers_max = Math.max(row.changers_max, changers[i]);
  }
  return [...by.values()]
    .sort((a, b) => a.group - b.group)
    .map(({neg, pos, ...row}) => ({...row, share_sig_negative: neg / row.n, share_sig_positive: pos / row.n}));
}

/** The option indices of specification i as a key (for caches over combos). */
export const comboKey = (c: Combos, i: number): string => DIMS.map((d) => c.idx[d][i]).join(".");
