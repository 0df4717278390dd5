/**
 * Randomization inference (Fisher 1935; the permutation test of Stata's `ritest`, Heß 2017) for one regressor
 * of a panel model, by permuting whole partner histories.
 *
 * Why: when only a handful of partners' key regressor ever changes (the DSTRI's electronic-transactions area moves
 * in 3 of 42 partners), clustered standard errors are far too small (MacKinnon & Webb 2017, "Wild bootstrap
 * inference for wildly different cluster sizes"); a permutation of the regressor across partners gives a test whose
 * size does not rest on many changing clusters.
 *
 * Convention (written down once here):
 * - The permuted column is the term's base column (`dstri` for `dstri`, `L.dstri` and `F.dstri`: lags and leads
 *   are rebuilt from the permuted base, so a partner takes another partner's whole series).
 * - A draw is a permutation pi of the partners (the spec's id) within strata of partners observed in the same
 *   periods (the set of time values of their rows), so that every (pi(i), t) exists: partner i at time t gets the
 *   base value of partner pi(i) at t. A balanced panel has one stratum.
 * - Each draw re-estimates the model with its own variance (the spec's vcov) and records t* = coef / se of the term.
 * - p = #{draws with |t*| >= |t|} / #draws, the draws including the identity (the observed assignment), so
 *   p >= 1 / #draws. Ties are judged with a relative tolerance of 1e-10 (a permutation that swaps two identical
 *   series reproduces |t| up to rounding).
 * - With at most 8 partners (8! = 40,320 assignments at most) every permutation within the strata is enumerated
 *   (`enumerated: true`, deterministic); otherwise `reps` permutations are drawn with the project's seeded
 *   generator (src/lib/random/rng.ts) and the identity is added as draw 0 (so `reps_used` = reps + 1).
 * - A draw in which the model cannot be estimated (e.g. the permuted term is collinear with the fixed effects) or
 *   the term gets no standard error is left out and counted in `failed`.
 * Example: `randomizationInference(frame, spec, {type: "randomization", term: "dstri", reps: 999, seed: 1})`.
 */
import {UserError} from "../errors.js";
import {createRng} from "../random/rng.js";
import {estimate} from "./estimate.js";
import {factorize, getColumn, numericColumn} from "./frame.js";
import {parseLag} from "./lag.js";
import {validateRandomization} from "./randomization-spec.js";
import type {Frame, RandomizationResult, RandomizationSpec, Result, Spec} from "./types.js";

/** Largest number of partners whose permutations are all enumerated. */
export const ENUMERATE_MAX_PARTNERS = 8;
const TIE_TOL = 1e-10;

/** t of `term` in a result, or NaN when it was dropped or has no standard error. */
function tOf(r: Result, term: string): number {
  const j = r.terms.indexOf(term);
  return j < 0 ? NaN : r.tstat[j];
}

/** All permutations of 0..n-1 in lexicographic order (identity first). */
function* permutations(n: number): Generator<Int32Array> {
  const p = Int32Array.from({length: n}, (_, i) => i);
  for (;;) {
    yield p;
    let i = n - 2;
    while (i >= 0 && p[i] >= p[i + 1]) i--;
    if (i < 0) return;
    let j = n - 1;
    while (p[j] <= p[i]) j--;
    [p[i], p[j]] = [p[j], p[i]];
    for (let a = i + 1, b = n - 1; a < b; a++, b--) [p[a], p[b]] = [p[b], p[a]];
  }
}

/**
 * Runs the test. `onProgress(done, total)` is called every 100 draws; `shouldStop()` (e.g. a Cancel button)
 * ends the run early with a UserError; `enumerateMax` lowers the enumeration threshold (tests of the drawing path).
 */
export function randomizationInference(
  frame: Frame,
  spec: Spec,
  ri: RandomizationSpec,
  hooks: {onProgress?: (done: number, total: number) => void; shouldStop?: () => boolean; /** default ENUMERATE_MAX_PARTNERS */ enumerateMax?: number} = {}
): RandomizationResult {
  const opts = validateRandomization(ri, spec.x);
  // The model without its inference key (estimate() would otherwise run this test again in every draw).
  // Nor its wild bootstrap: each draw needs only its own t.
  const {inference: _omit, bootstrap: _noBoot, ...model} = spec;
  spec = model;
  const observed = estimate(frame, spec);
  const t0 = tOf(observed, opts.term);
  if (!Number.isFinite(t0)) throw new UserError(`randomization inference: the term '${opts.term}' has no t statistic in the model (dropped as collinear, or no standard error)`);

  const lag = frame.columns[opts.term] === undefined ? parseLag(opts.term) : null;
  const baseName = lag ? lag.base : opts.term;
  const base = numericColumn(frame, baseName, `spec.inference.term '${opts.term}'`);
  const id = factorize(getColumn(frame, spec.id, "spec.id"));
  const time = numericColumn(frame, spec.time, "spec.time");
  const n = frame.nrows;

  // Each partner's row at each time (unique id-time pairs are needed to move a series).
  const timeF = factorize(time);
  const G = id.nlevels;
  const T = timeF.nlevels;
  const cell = new Int32Array(G * T).fill(-1);
  for (let r = 0; r < n; r++) {
    const g = id.codes[r];
    const t = timeF.codes[r];
    if (g < 0 || t < 0) continue;
    if (cell[g * T + t] >= 0) throw new UserError(`randomization inference needs one row per ${spec.id} and ${spec.time}; ${id.levels[g]} has two rows at ${spec.time} ${timeF.levels[t]}`);
    cell[g * T + t] = r;
  }
  // Strata: partners with the same set of periods.
  const strataOf = new Map<string, number[]>();
  for (let g = 0; g < G; g++) {
    let key = "";
    for (let t = 0; t < T; t++) key += cell[g * T + t] >= 0 ? "1" : "0";
    const list = strataOf.get(key);
    if (list) list.push(g);
    else strataOf.set(key, [g]);
  }
  const strata = [...strataOf.values()];

  const permuted = new Float64Array(n);
  const columns = {...frame.columns, [baseName]: permuted};
  const permFrame: Frame = {nrows: n, columns};
  // dest[g] = the partner whose series g receives.
  const apply = (dest: Int32Array): void => {
    for (let r = 0; r < n; r++) permuted[r] = base[r];
    for (let g = 0; g < G; g++) {
      const src = dest[g];
      if (src === g) continue;
      for (let t = 0; t < T; t++) {
        const r = cell[g * T + t];
        if (r >= 0) permuted[r] = base[cell[src * T + t]];
      }
    }
  };

  let count = 0;
  let used = 0;
  let failed = 0;
  const thresh = Math.abs(t0) * (1 - TIE_TOL);
  const draw = (dest: Int32Array): void => {
    apply(dest);
    let t: number;
    try {
      t = tOf(estimate(permFrame, spec), opts.term);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      t = NaN;
    }
    if (!Number.isFinite(t)) {
      failed++;
      return;
    }
    used++;
    if (Math.abs(t) >= thresh) count++;
  };

  const dest = Int32Array.from({length: G}, (_, g) => g);
  const enumerated = G <= (hooks.enumerateMax ?? ENUMERATE_MAX_PARTNERS);
  let total: number;
  if (enumerated) {
    total = strata.reduce((a, s) => a * factorial(s.length), 1);
    // The product of the strata's permutation sets, odometer style (the identity first).
    let done = 0;
    const rec = (k: number): void => {
      if (k === strata.length) {
        draw(dest);
        done++;
        if (done % 100 === 0) {
          hooks.onProgress?.(done, total);
          if (hooks.shouldStop?.()) throw new UserError("randomization inference cancelled");
        }
        return;
      }
      const members = strata[k];
      for (const p of permutations(members.length)) {
        for (let a = 0; a < members.length; a++) dest[members[a]] = members[p[a]];
        rec(k + 1);
      }
      for (const g of members) dest[g] = g;
    };
    rec(0);
  } else {
    total = opts.reps + 1;
    const rng = createRng(opts.seed);
    draw(dest); // the identity
    for (let b = 1; b < total; b++) {
      for (const members of strata) {
        // Fisher-Yates within the stratum.
        const perm = members.slice();
        for (let i = perm.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        for (let a = 0; a < members.length; a++) dest[members[a]] = perm[a];
      }
      draw(dest);
      if (b % 100 === 0) {
        hooks.onProgress?.(b, total);
        if (hooks.shouldStop?.()) throw new UserError("randomization inference cancelled");
      }
    }
  }
  hooks.onProgress?.(total, total);
  if (used === 0) throw new UserError(`randomization inference: no permutation of '${baseName}' could be estimated`);
  return {term: opts.term, t: t0, p_value: count / used, reps_used: used, enumerated, failed, n_partners: G, n_strata: strata.length};
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}
