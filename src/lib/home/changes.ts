/**
 * The home page's numbers: for each partner, the change in its DSTRI and in China's exports to it between the
 * first and last year where both are observed. Comparing a country with itself removes size, distance and
 * everything else that does not move (a cross-country scatter mixes all of these with the barrier). Pure: the data loader src/data/home-changes.json.ts computes them at build time, so the page needs
 * neither the whole panel nor Arrow before its first chart (issue #12: first chart within 1 s).
 */

/** The columns of a panel row this needs (a PanelRow or a row of the engine's Frame). */
export interface ChangeInputRow {
  iso3: string;
  country: string;
  country_zh?: string | null;
  year: number;
  dstri: number;
  exports_cn_usd: number;
}

export interface ChangePoint {
  iso3: string;
  country: string;
  country_zh: string | null;
  from: number;
  to: number;
  /** DSTRI(to) - DSTRI(from), rounded to 4 decimals as the OECD publishes the index. */
  dDstri: number;
  /** Change in China's exports, in log points: ln(exports(to)) - ln(exports(from)). */
  dLnExport: number;
}

export interface Changes {
  points: ChangePoint[];
  from: number;
  to: number;
}

/** First and last common year over all partners, and each partner's changes between them. Partners missing either year are left out. */
export function changes(rows: ChangeInputRow[]): Changes {
  const both = rows.filter((r) => Number.isFinite(r.dstri) && r.exports_cn_usd > 0);
  if (both.length === 0) return {points: [], from: NaN, to: NaN};
  let from = Infinity, to = -Infinity;
  for (const r of both) {
    if (r.year < from) from = r.year;
    if (r.year > to) to = r.year;
  }
  const last = new Map(both.filter((r) => r.year === to).map((r) => [r.iso3, r]));
  const points: ChangePoint[] = [];
  for (const a of both.filter((r) => r.year === from)) {
    const b = last.get(a.iso3);
    if (!b) continue;
    points.push({
      iso3: a.iso3, country: a.country, country_zh: a.country_zh ?? null, from, to,
      dDstri: +(b.dstri - a.dstri).toFixed(4),
      dLnExport: Math.log(b.exports_cn_usd / a.exports_cn_usd)
    });
  }
  return {points, from, to};
}

/**
 * OLS slope and intercept of y on x: slope = Σ(x-x̄)(y-ȳ) / Σ(x-x̄)², intercept = ȳ - slope·x̄.
 * Example: ols([0, 1, 2], [1, 3, 5]) -> {slope: 2, intercept: 1}. A constant x gives slope NaN.
 */
export function ols(x: number[], y: number[]): {slope: number; intercept: number} {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : NaN;
  return {slope, intercept: my - slope * mx};
}
