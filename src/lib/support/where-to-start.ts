/**
 * "Where to start" on the support page: the DSTRI areas ranked by the strength of the evidence on the open data
 * (the mechanism page's area models: smallest p-value first), each with the catalogue's measures aimed at it.
 * Pure data; the component (src/components/support/where-to-start.ts) draws it.
 */
import type {Measure} from "./schema.js";

export interface AreaEvidence {
  area: string;
  beta: number;
  lo: number;
  hi: number;
  pvalue: number;
}

export interface StartingPoint {
  evidence: AreaEvidence;
  /** The 95% interval excludes zero. */
  clear: boolean;
  measures: Measure[];
}

/**
 * The `top` areas with the smallest p-value that have at least one measure, with up to `perArea` of their measures
 * (those aimed at that area alone first: the most specific). Example: areas with p 0.03 and 0.4 -> the first is
 * `clear`, the second is not.
 */
export function startingPoints(evidence: readonly AreaEvidence[], measures: readonly Measure[], top = 2, perArea = 4): StartingPoint[] {
  const ranked = [...evidence].filter((e) => Number.isFinite(e.pvalue)).sort((a, b) => a.pvalue - b.pvalue || a.area.localeCompare(b.area));
  const out: StartingPoint[] = [];
  for (const e of ranked) {
    const ms = measures
      .filter((m) => (m.areas as readonly string[]).includes(e.area))
      .sort((a, b) => a.areas.length - b.areas.length || a.id.localeCompare(b.id))
      .slice(0, perArea);
    if (!ms.length) continue;
    out.push({evidence: e, clear: e.lo > 0 || e.hi < 0, measures: ms});
    if (out.length === top) break;
  }
  return out;
}
