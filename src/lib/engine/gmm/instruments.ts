/**
 * GMM-style instrument blocks for one individual, as plm 2.6-2 `makegmm` / `makeW2`.
 * Values are taken by *position* on the padded time grid; missing values stay NaN here and are
 * zero-filled by transform.ts (plm: `W1[[i]][is.na(W1[[i]])] <- 0`).
 */
import {Matrix} from "ml-matrix";

/**
 * Instruments for the first-differenced equation at grid positions TL1+1..T (1-based):
 * row for period s uses the levels y_{max(1, s-b)}, ..., y_{s-a} (Arellano-Bond 1991).
 * - all lags (`collapse` false): block-diagonal, one column per (period, lag), blocks in period
 *   order and levels ascending within a block (plm `makegmm`, `collapse = FALSE`);
 * - collapsed: column j holds y_{s-a-j} (lag distance a+j) for every period, 0 where unavailable;
 *   min(T - a, b - a + 1) columns (plm `makegmm`, `collapse = TRUE`; Roodman 2009).
 * Example: y = [y1..y4], TL1 = 2, a = 2, b = 99, all lags -> rows s=3: [y1, 0, 0]; s=4: [0, y1, y2].
 */
export function diffGmmInstruments(y: ArrayLike<number>, TL1: number, a: number, b: number, collapse: boolean): Matrix {
  const T = y.length;
  const nd = T - TL1;
  // 1-based [lo, hi] of the instrument levels for the row of period s.
  const range = (s: number): [number, number] => [Math.max(1, s - b), s - a];
  if (collapse) {
    const m = new Matrix(nd, Math.max(0, Math.min(T - a, b + 1 - a)));
    for (let r = 0; r < nd; r++) {
      const [lo, hi] = range(TL1 + 1 + r);
      for (let p = hi, j = 0; p >= lo; p--, j++) m.set(r, j, y[p - 1]);
    }
    return m;
  }
  let ncol = 0;
  for (let r = 0; r < nd; r++) {
    const [lo, hi] = range(TL1 + 1 + r);
    ncol += hi - lo + 1;
  }
  const m = new Matrix(nd, ncol);
  let off = 0;
  for (let r = 0; r < nd; r++) {
    const [lo, hi] = range(TL1 + 1 + r);
    for (let p = lo; p <= hi; p++) m.set(r, off + p - lo, y[p - 1]);
    off += hi - lo + 1;
  }
  return m;
}

/**
 * Instruments for the level equation of system GMM (Blundell-Bond 1998) at grid positions
 * TL2+1..T: the lagged difference Δy_{s-1} = y_{s-1} - y_{s-2} (plm `makeW2`: `diff(x[-T])`,
 * whatever the GMM lag range). All lags: one column per period 3..T (diagonal); collapsed: one
 * column. plm supports TL2 in {1, 2} (TL2 = 1 prepends a zero row for period 2).
 * Example: y = [1, 2, 4, 7], TL2 = 1, collapsed -> rows s=2..4: [0], [1], [2].
 */
export function levelGmmInstruments(y: ArrayLike<number>, TL2: number, collapse: boolean): Matrix {
  const T = y.length;
  const nl = T - TL2;
  const m = new Matrix(nl, collapse ? 1 : T - 2);
  for (let r = 0; r < nl; r++) {
    const s = TL2 + r; // 0-based position
    if (s < 2) continue;
    m.set(r, collapse ? 0 : s - 2, y[s - 1] - y[s - 2]);
  }
  return m;
}
