/**
 * Combined fixed effects (fixest's `a^b`): one level per observed combination of the levels of two or
 * more columns, e.g. `partner^year` (a partner-year effect) or `origin^destination` (a pair effect).
 * Used for any FE or cluster name containing `^` that is not itself a column of the data; the formula
 * compiler (src/lib/formula/compile.ts) passes `a^b` through to here.
 */
import type {Factor} from "./frame.js";

/**
 * Codes the observed combinations 0..L-1 in order of first appearance; a row missing in any part is
 * missing (-1). Levels are the parts' levels joined by `^`.
 * Example: parts with codes [0,0,1] and [0,1,1] (levels a,b and x,y) -> codes [0,1,2], levels
 * ["a^x", "a^y", "b^y"].
 */
export function combineFactors(parts: Factor[]): Factor {
  const n = parts[0].codes.length;
  let key = Float64Array.from(parts[0].codes);
  let size = parts[0].nlevels;
  for (let p = 1; p < parts.length; p++) {
    // Mixed-radix key, renumbered after each part so that it stays below 2^53.
    const c = parts[p].codes;
    const L = parts[p].nlevels;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = key[i] < 0 || c[i] < 0 ? -1 : key[i] * L + c[i];
    const r = renumber(next);
    key = Float64Array.from(r.codes);
    size = r.nlevels;
  }
  const codes = Int32Array.from(key);
  const first = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) if (codes[i] >= 0 && first[codes[i]] < 0) first[codes[i]] = i;
  const levels = Array.from(first, (i) => parts.map((f) => String(f.levels[f.codes[i]])).join("^"));
  return {codes, nlevels: size, levels};
}

/** Codes of a non-negative key (-1 = missing) in order of first appearance. */
function renumber(key: Float64Array): {codes: Int32Array; nlevels: number} {
  const n = key.length;
  const codes = new Int32Array(n);
  const map = new Map<number, number>();
  let prev = -2;
  let prevCode = -1;
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k < 0) {
      codes[i] = -1;
      continue;
    }
    if (k === prev) {
      codes[i] = prevCode;
      continue;
    }
    let c = map.get(k);
    if (c === undefined) {
      c = map.size;
      map.set(k, c);
    }
    codes[i] = c;
    prev = k;
    prevCode = c;
  }
  return {codes, nlevels: map.size};
}
