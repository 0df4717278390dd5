/**
 * Where the variance of the estimates comes from (issue #21): an ANOVA-style decomposition of the estimates'
 * total sum of squares over the decisions (influence.ts decisionsOf) into main effects, two-way interactions and
 * the remainder (higher-order interactions), so that the shares add up to 100%:
 *   SS_a      = sum over options o of a:       n_o (mean_o - mean)^2            (eta squared of a);
 *   SS_{a×b}  = sum over cells (o, p) of a×b:  n_op (mean_op - mean)^2 - SS_a - SS_b;
 *   remainder = TSS - sum SS_a - sum SS_{a×b}.
 * In a full factorial grid these are the sums of squares of the classical balanced ANOVA (Montgomery, Design and
 * Analysis of Experiments, ch. 5). The default grid is not quite balanced (GMM ignores the FE and SE choices, and a
 * few specifications fail), so a term can be slightly negative there; the remainder keeps the total at 100%. Pure.
 */
import type {BatchResult} from "./batch.js";
import type {Combos, Grid} from "./grid.js";
import {decisionsOf} from "./influence.js";

export interface VarianceTerm {
  /** One decision id ("fe") or two joined by "×" ("fe×vcov"). */
  id: string;
  decisions: string[];
  share: number;
}

export interface VarianceDecomposition {
  n: number;
  tss: number;
  main: VarianceTerm[];
  pairs: VarianceTerm[];
  /** Share not explained by main effects and two-way interactions. */
  remainder: number;
}

/** Over the estimated specifications among `which`; terms sorted by share, largest first. */
export function varianceDecomposition(g: Grid, c: Combos, r: BatchResult, which: ArrayLike<number>): VarianceDecomposition {
  const idx: number[] = [];
  for (let a = 0; a < which.length; a++) if (r.ok[which[a]]) idx.push(which[a]);
  const n = idx.length;
  let mean = 0;
  for (const i of idx) mean += r.coef[i];
  mean /= n || 1;
  let tss = 0;
  for (const i of idx) tss += (r.coef[i] - mean) ** 2;
  const decs = decisionsOf(g).map((d) => ({id: d.id, L: d.options.length, codes: Int32Array.from(idx, (i) => d.code(c, i))}));
  const live = decs.filter((d) => new Set(d.codes).size > 1);
  const between = (L: number, code: (a: number) => number): number => {
    const sum = new Float64Array(L);
    const cnt = new Float64Array(L);
    for (let a = 0; a < n; a++) {
      const k = code(a);
      sum[k] += r.coef[idx[a]];
      cnt[k]++;
    }
    let ss = 0;
    for (let k = 0; k < L; k++) if (cnt[k]) ss += cnt[k] * (sum[k] / cnt[k] - mean) ** 2;
    return ss;
  };
  const ssMain = live.map((d) => between(d.L, (a) => d.codes[a]));
  const share = (ss: number) => (tss > 0 ? ss / tss : 0);
  const main = live.map((d, k) => ({id: d.id, decisions: [d.id], share: share(ssMain[k])}));
  const pairs: VarianceTerm[] = [];
  for (let u = 0; u < live.length; u++) {
    for (let v = u + 1; v < live.length; v++) {
      const a = live[u], b = live[v];
      const ss = between(a.L * b.L, (k) => a.codes[k] * b.L + b.codes[k]) - ssMain[u] - ssMain[v];
      pairs.push({id: `${a.id}×${b.id}`, decisions: [a.id, b.id], share: share(ss)});
    }
  }
  const explained = main.reduce((s, t) => s + t.share, 0) + pairs.reduce((s, t) => s + t.share, 0);
  main.sort((x, y) => y.share - x.share);
  pairs.sort((x, y) => y.share - x.share);
  return {n, tss, main, pairs, remainder: tss > 0 ? 1 - explained : 0};
}
