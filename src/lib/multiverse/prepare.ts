/**
 * The data of a multiverse run, resolved once: every term column the grid names (lags built on the full
 * data, before any sample rule, as the engine does: ESTIMATION.md "Lags"), every grouping column coded,
 * every sample's exclusion mask. The null bootstrap makes resampled copies of it (`resample`).
 */
import {UserError} from "../errors.js";
import {assertNoInfinite, factorize, getColumn, numericColumn, take, type Factor} from "../engine/frame.js";
import {assertIntegerTime, lagColumn, parseLag} from "../engine/lag.js";
import {panelIndex} from "../engine/panel.js";
import {excludeMask} from "../engine/sample.js";
import type {Column, Frame} from "../engine/types.js";
import {isGmmEstimator, lagTerm, type Grid} from "./grid.js";

export interface Prepared {
  n: number;
  /** Numeric term columns by term (y, key terms with lags, controls, L.y for GMM). */
  terms: Map<string, Float64Array>;
  /** Coded grouping columns (id, FE, clusters) by column name. */
  factors: Map<string, {codes: Int32Array; nlevels: number}>;
  /** Exclusion mask of each sample (1 = excluded), or null when the sample excludes nothing. */
  masks: Array<Uint8Array | null>;
}

/**
 * Resolves every column of the grid on `frame`. Missing or non-numeric columns are one-line UserErrors
 * naming the grid key, before anything is estimated.
 */
export function prepare(frame: Frame, g: Grid): Prepared {
  const terms = new Map<string, Float64Array>();
  const num = (name: string, where: string): Float64Array => {
    const col = numericColumn(frame, name, where);
    assertNoInfinite(col, name);
    return col;
  };
  const time = num(g.time, "grid.time");
  const factors = new Map<string, {codes: Int32Array; nlevels: number}>();
  const factorOf = (name: string, where: string): Factor => {
    const f = factorize(getColumn(frame, name, where));
    factors.set(name, f);
    return f;
  };
  const idF = factorOf(g.id, "grid.id");
  let index: ReturnType<typeof panelIndex> | null = null;
  const lagOf = (base: Float64Array, k: number) => {
    if (!index) {
      assertIntegerTime(time, g.time);
      index = panelIndex(idF, time, g.id, g.time);
    }
    return lagColumn(base, time, index, k);
  };
  g.y.forEach((y, i) => terms.set(y, num(y, `grid.y[${i}]`)));
  g.key.forEach((k, i) => {
    const base = num(k, `grid.key[${i}]`);
    for (const lag of g.lags) terms.set(lagTerm(k, lag), lag === 0 ? base : lagOf(base, lag));
  });
  [...g.always, ...g.controls].forEach((c) => {
    const lag = frame.columns[c] === undefined ? parseLag(c) : null;
    terms.set(c, lag ? lagOf(num(lag.base, `grid.controls '${c}'`), lag.k) : num(c, `grid.controls '${c}'`));
  });
  if (g.estimators.some(isGmmEstimator)) g.y.forEach((y) => terms.set(`L.${y}`, lagOf(terms.get(y)!, 1)));
  g.fe.forEach((fe, i) => fe.forEach((name, j) => factors.has(name) || factorOf(name, `grid.fe[${i}][${j}]`)));
  g.vcov.forEach((v, i) => {
    if (typeof v === "object") v.cluster.forEach((name, j) => factors.has(name) || factorOf(name, `grid.vcov[${i}].cluster[${j}]`));
  });
  const masks = g.samples.map((s, i) => {
    const rules: Array<[string, Column, Array<number | string>]> = Object.entries(s.exclude).map(([name, vals]) => [name, getColumn(frame, name, `grid.samples[${i}].exclude.${name}`), vals]);
    if (!rules.length) return null;
    const mask = excludeMask(frame.nrows, rules);
    let left = 0;
    for (let r = 0; r < mask.length; r++) left += 1 - mask[r];
    if (left === 0) throw new UserError(`grid.samples[${i}] ('${s.label}') excludes every row`);
    return mask;
  });
  return {n: frame.nrows, terms, factors, masks};
}

/**
 * The rows `rows` of a prepared data set (the null bootstrap's resample). Grouping columns listed in
 * `relabel` get the codes `newCodes` instead (a partner drawn twice becomes two partners: two fixed effects,
 * two clusters), the others are restricted to the rows and keep their levels.
 */
export function resample(p: Prepared, rows: Int32Array, relabel: string[], newCodes: {codes: Int32Array; nlevels: number}): Prepared {
  const terms = new Map<string, Float64Array>();
  for (const [k, v] of p.terms) terms.set(k, take(v, rows));
  const factors = new Map<string, {codes: Int32Array; nlevels: number}>();
  for (const [k, f] of p.factors) {
    if (relabel.includes(k)) factors.set(k, newCodes);
    else {
      const codes = new Int32Array(rows.length);
      for (let r = 0; r < rows.length; r++) codes[r] = f.codes[rows[r]];
      factors.set(k, {codes, nlevels: f.nlevels});
    }
  }
  const masks = p.masks.map((m) => {
    if (!m) return null;
    const out = new Uint8Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = m[rows[r]];
    return out;
  });
  return {n: rows.length, terms, factors, masks};
}
