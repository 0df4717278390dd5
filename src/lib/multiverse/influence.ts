/**
 * Which choices move the estimate (Young & Holsteen 2017, "Model uncertainty and robustness", Sociological
 * Methods & Research 46: 3-40, section "Model influence"): the estimates of all specifications regressed on
 * indicators of every choice (one decision per dimension, and one yes/no decision per control), and a variance
 * share per decision.
 *
 *  - coefficient of an option = its shift of the estimate against the decision's first option, all other
 *    decisions held fixed (least squares on the main effects);
 *  - variance share of a decision = between-option sum of squares / total sum of squares of the estimates
 *    (eta squared). In a full factorial grid the decisions are orthogonal, so the shares of the main effects
 *    add up to the R² of the main-effects regression; the rest is interactions.
 */
import {spdInverse} from "../engine/linalg.js";
import type {BatchResult} from "./batch.js";
import {optionLabels, type Combos, type Dim, type Grid} from "./grid.js";

export interface Decision {
  /** "key", "lag", "fe", ..., or "control:<name>" for one control in or out. */
  id: string;
  options: string[];
  /** Shift of the estimate against options[0] (NaN for options[0] itself or an option never chosen). */
  coef: number[];
  /** Mean estimate of each option. */
  mean: number[];
  count: number[];
  share: number;
}

export interface Influence {
  decisions: Decision[];
  /** R² of the main-effects regression. */
  r2: number;
  n: number;
}

/** Decision codes of one specification: per decision, the option index. */
export function decisionsOf(g: Grid): Array<{id: string; options: string[]; code: (c: Combos, i: number) => number}> {
  const labels = optionLabels(g);
  const dims: Dim[] = ["y", "key", "lag", "fe", "vcov", "sample", "estimator"];
  const out: Array<{id: string; options: string[]; code: (c: Combos, i: number) => number}> = dims.map((d) => ({id: d, options: labels[d], code: (c: Combos, i: number) => c.idx[d][i]}));
  for (const ctl of g.controls) {
    const inSubset = g.subsets.map((s) => (s.includes(ctl) ? 1 : 0));
    out.push({id: `control:${ctl}`, options: ["out", "in"], code: (c, i) => inSubset[c.idx.controls[i]]});
  }
  return out;
}

/** Influence of every decision over the estimated specifications among `which` (default all). */
export function influence(g: Grid, c: Combos, r: BatchResult, which?: ArrayLike<number>): Influence {
  const idx: number[] = [];
  const all = which ?? Array.from({length: c.n}, (_, i) => i);
  for (let a = 0; a < all.length; a++) if (r.ok[all[a]]) idx.push(all[a]);
  const n = idx.length;
  let mean = 0;
  for (const i of idx) mean += r.coef[i];
  mean /= n || 1;
  let tss = 0;
  for (const i of idx) tss += (r.coef[i] - mean) ** 2;

  const decs = decisionsOf(g).map((d) => {
    const L = d.options.length;
    const sum = new Float64Array(L);
    const count = new Array(L).fill(0);
    const codes = new Int32Array(n);
    idx.forEach((i, a) => {
      const o = d.code(c, i);
      codes[a] = o;
      sum[o] += r.coef[i];
      count[o]++;
    });
    const means = Array.from(sum, (s, o) => (count[o] ? s / count[o] : NaN));
    let between = 0;
    for (let o = 0; o < L; o++) if (count[o]) between += count[o] * (means[o] - mean) ** 2;
    return {d, codes, means, count, share: tss > 0 ? between / tss : 0};
  });

  // Main-effects regression: intercept + one indicator per non-base option that occurs.
  const cols: Array<{dec: number; opt: number}> = [];
  decs.forEach((x, di) => {
    const present = x.count.map((k, o) => (k > 0 ? o : -1)).filter((o) => o >= 0);
    for (const o of present.slice(1)) cols.push({dec: di, opt: o});
  });
  const p = cols.length + 1;
  const XtX = new Float64Array(p * p);
  const Xty = new Float64Array(p);
  // Each row has at most one indicator per decision: accumulate over its non-zero columns only.
  const on = new Int32Array(p);
  for (let a = 0; a < n; a++) {
    let m = 0;
    on[m++] = 0;
    for (let j = 0; j < cols.length; j++) if (decs[cols[j].dec].codes[a] === cols[j].opt) on[m++] = j + 1;
    const y = r.coef[idx[a]];
    for (let u = 0; u < m; u++) {
      const ou = on[u] * p;
      Xty[on[u]] += y;
      for (let v = 0; v < m; v++) XtX[ou + on[v]] += 1;
    }
  }
  const inv = n > p ? spdInverse(XtX, p) : null;
  const beta = new Float64Array(p).fill(NaN);
  if (inv) for (let u = 0; u < p; u++) {
    let s = 0;
    for (let v = 0; v < p; v++) s += inv[u * p + v] * Xty[v];
    beta[u] = s;
  }
  let ssr = 0;
  if (inv) for (let a = 0; a < n; a++) {
    let fit = beta[0];
    for (let j = 0; j < cols.length; j++) if (decs[cols[j].dec].codes[a] === cols[j].opt) fit += beta[j + 1];
    ssr += (r.coef[idx[a]] - fit) ** 2;
  }
  const decisions: Decision[] = decs
    .filter((x) => x.count.filter((k) => k > 0).length > 1)
    .map((x) => {
      const di = decs.indexOf(x);
      const coef = x.d.options.map((_, o) => {
        const j = cols.findIndex((col) => col.dec === di && col.opt === o);
        return j >= 0 ? beta[j + 1] : NaN;
      });
      return {id: x.d.id, options: x.d.options, coef, mean: x.means, count: x.count, share: x.share};
    })
    .sort((a, b) => b.share - a.share);
  return {decisions, r2: inv && tss > 0 ? 1 - ssr / tss : NaN, n};
}
