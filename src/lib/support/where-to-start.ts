/**
 * "Where to start" on the support page: the DSTRI areas ranked by the strength of the evidence on the open data
 * (the mechanism page's area models: smallest p-value first), each with the catalogue's measures aimed at it.
 * Pure data; the component (src/components/support/where-to-start.ts) draws it.
 */
import type {Measure} from "./schema.js";
import {FEW_MOVERS} from "./area-evidence.js";

export interface AreaEvidence {
  area: string;
  beta: number;
  lo: number;
  hi: number;
  pvalue: number;
  /** Partners whose area score changes in the sample (when known). */
  movers?: number;
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
  // Issue 24: an area whose score moves in fewer than 5 partners is identified by those few (its clustered p-value
  // is far too small), so it never leads: areas with enough changing partners come first, each group by p-value.
  const few = (e: AreaEvidence) => (e.movers !== undefined && e.movers < FEW_MOVERS ? 1 : 0);
  const ranked = [...evidence].filter((e) => Number.isFinite(e.pvalue)).sort((a, b) => few(a) - few(b) || a.pvalue - b.pvalue || a.area.localeCompare(b.area));
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
