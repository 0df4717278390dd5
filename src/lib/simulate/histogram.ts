/**
 * Equal-width histogram bins over a common range, for the labs' sampling distributions: the page redraws them
 * while batches arrive, so binning here (one pass, O(n)) keeps each redraw cheap instead of handing Plot tens of
 * thousands of points to bin on the main thread. Non-finite values (failed replications) are skipped.
 * Example: `histogram([[0, 1, 1, 2]], 2)` -> range [0, 2], counts [[1, 3]].
 */
export interface Histogram {
  lo: number;
  hi: number;
  /** Per series, the count in each of the `nbins` bins [lo + k w, lo + (k+1) w), the last one closed. */
  counts: number[][];
}

export function histogram(series: ArrayLike<number>[], nbins = 40): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!(lo <= hi)) return {lo: 0, hi: 1, counts: series.map(() => new Array(nbins).fill(0))};
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const w = (hi - lo) / nbins;
  const counts = series.map((s) => {
    const c = new Array(nbins).fill(0);
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      c[Math.min(nbins - 1, Math.floor((v - lo) / w))]++;
    }
    return c;
  });
  return {lo, hi, counts};
}
