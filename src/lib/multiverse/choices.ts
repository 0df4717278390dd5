/**
 * The choice panel of specr (Masur & Scharkow, specr: "summarise_specs" by choice): for every option of every
 * decision, over the estimated specifications in view: how many made it, their median estimate, the share with a
 * negative estimate and the share significant at 5% (two-sided). Decisions as in influence.ts (one per dimension,
 * and one in/out decision per optional control). Pure.
 */
import type {BatchResult} from "./batch.js";
import type {Combos, Grid} from "./grid.js";
import {decisionsOf} from "./influence.js";
import {median} from "./summary.js";

export interface ChoiceRow {
  /** Decision id: "fe", "key", ..., or "control:<name>". */
  decision: string;
  /** Option index within the decision and its short label (grid.ts optionLabels; "out"/"in" for a control). */
  option: number;
  label: string;
  n: number;
  median: number;
  share_negative: number;
  share_significant: number;
}

/** One row per option that occurs among `which` (estimated specifications only); decisions with one option are left out. */
export function choiceRows(g: Grid, c: Combos, r: BatchResult, which: ArrayLike<number>, alpha = 0.05): ChoiceRow[] {
  const out: ChoiceRow[] = [];
  for (const d of decisionsOf(g)) {
    const groups: number[][] = d.options.map(() => []);
    for (let a = 0; a < which.length; a++) {
      const i = which[a];
      if (r.ok[i]) groups[d.code(c, i)].push(i);
    }
    if (groups.filter((x) => x.length).length < 2) continue;
    groups.forEach((idx, o) => {
      if (!idx.length) return;
      let neg = 0, sig = 0;
      const est = new Float64Array(idx.length);
      idx.forEach((i, k) => {
        est[k] = r.coef[i];
        if (r.coef[i] < 0) neg++;
        if (r.pvalue[i] < alpha) sig++;
      });
      out.push({decision: d.id, option: o, label: d.options[o], n: idx.length, median: median(est), share_negative: neg / idx.length, share_significant: sig / idx.length});
    });
  }
  return out;
}
