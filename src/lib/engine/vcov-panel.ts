/**
 * The panel HAC variance of a fitted model (OLS or PPML): Driscoll-Kraay (vcov-driscoll-kraay.ts) or panel
 * Newey-West (vcov-newey-west.ts) with fixest's small-sample K and t df (vcov-hac.ts, ssc.ts).
 */
import {UserError} from "../errors.js";
import {clusterK, isNested} from "./ssc.js";
import type {FeDim} from "./demean-types.js";
import {resolveLag, timeRanks} from "./vcov-hac.js";
import {vcovDriscollKraay} from "./vcov-driscoll-kraay.js";
import {unitTimeRows, vcovNeweyWest} from "./vcov-newey-west.js";

export interface PanelVcovInput {
  type: "driscoll_kraay" | "newey_west";
  lag?: number;
  bread: Float64Array;
  /** Score columns' regressors (demeaned, or [1, centred X] when pooled) and residuals (y - fit). */
  Z: Float64Array[];
  e: Float64Array;
  /** Time values and unit codes on the estimation sample. */
  time: Float64Array;
  unit: FeDim;
  feDims: FeDim[];
  k: number;
  names: {unit: string; time: string; unitLabel: (row: number) => string};
}

/**
 * Example: `vcovPanel({type: "driscoll_kraay", bread, Z, e, time, unit, feDims, k, names})` -> V, K, df = T - 1.
 */
export function vcovPanel(a: PanelVcovInput): {V: Float64Array; dofK: number; dfT: number; lag: number; T: number} {
  const t = timeRanks(a.time);
  const T = t.nlevels;
  const label = a.type === "driscoll_kraay" ? "Driscoll-Kraay" : "Newey-West";
  if (T < 2) throw new UserError(`${label} needs at least 2 periods of '${a.names.time}' in the estimation sample; there is ${T}`);
  const lag = resolveLag(a.lag, T, label);
  // fixest's "nested" rule: a fixed effect nested in the time variable (or, for NW, in the unit) is not counted.
  const nested = a.feDims.map((fd) => isNested(fd, t) || (a.type === "newey_west" && isNested(fd, a.unit)));
  const feSizes = a.feDims.map((d) => d.nlevels);
  const dofK = clusterK(a.k, feSizes, nested);
  let V: Float64Array;
  if (a.type === "driscoll_kraay") V = vcovDriscollKraay(a.bread, a.Z, a.e, t, lag, dofK);
  else {
    const at = unitTimeRows(a.unit, t, {unit: a.names.unit, time: a.names.time, label: (r) => `${a.names.unitLabel(r)} in ${a.names.time} ${a.time[r]}`});
    V = vcovNeweyWest(a.bread, a.Z, a.e, at, a.unit.nlevels, T, lag, dofK);
  }
  return {V, dofK, dfT: T - 1, lag, T};
}

/** A row's value of a grouping column as text (for error messages). Example: labelOf(["CHN"], 0) -> "CHN". */
export function labelOf(col: Float64Array | Array<string | null>, row: number): string {
  const v = col[row];
  return typeof v === "number" ? String(v) : JSON.stringify(v);
}
