/**
 * The explorer view of one replication model (Tables 4-7): the explorer state whose spec is the model's spec,
 * so "open in explorer" shows exactly the same estimate (tests/lib/compare/explorer-link.test.ts checks
 * toSpec(stateOfModel(m)) against m.spec for every model). Pure and browser-safe.
 */
import type {ReplicationModel} from "../replication/models.js";
import {CONTROL_VARS, defaultState, serializeState, type ControlVar, type ExplorerState, type SeChoice} from "../explorer/state.js";
import type {Spec} from "../engine/types.js";

function seOf(v: Spec["vcov"]): SeChoice {
  if (v === "iid") return "iid";
  if (v === "hetero") return "hc1";
  if (typeof v === "string" && /^(DK|driscoll_kraay)/.test(v)) return "dk";
  if (typeof v === "string" && /^(NW|newey_west)/.test(v)) return "nw";
  if (v && typeof v === "object" && "driscoll_kraay" in v) return "dk";
  if (v && typeof v === "object" && "newey_west" in v) return "nw";
  if (v && typeof v === "object" && "cluster" in v && v.cluster.length === 2) return "twoway";
  return "country";
}

/**
 * The explorer state of a replication model. Example: Table 5 (2020 excluded) -> {..., drop2020: true};
 * Table 7 on 2014-2020 -> {..., from: 2014, to: 2020}.
 */
export function stateOfModel(m: ReplicationModel): ExplorerState {
  const s = defaultState();
  const spec = m.spec;
  s.y = spec.y;
  const key = spec.x.find((t) => /^(L\d*\.)?dstri/.test(t)) ?? "dstri";
  s.lag = key.startsWith("L.") ? 1 : /^L2\./.test(key) ? 2 : 0;
  s.controls = CONTROL_VARS.filter((c) => spec.x.includes(c)) as ControlVar[];
  // Excluded years at either end become the year range (Table 7 runs on the years with both the DSTRI and
  // exports); an excluded year inside it can only be 2020 (Table 5).
  const excluded = new Set((spec.exclude?.year ?? []).map(Number));
  while (excluded.has(s.from) && s.from < s.to) s.from++;
  while (excluded.has(s.to) && s.to > s.from) s.to--;
  s.drop2020 = excluded.has(2020) && 2020 > s.from && 2020 < s.to;
  if (spec.estimator === "gmm-diff" || spec.estimator === "gmm-sys") {
    s.estimator = spec.estimator;
  } else {
    s.fe = (spec.fe ?? []).length === 2 ? "both" : spec.fe?.[0] === "iso3" ? "country" : spec.fe?.[0] === "year" ? "year" : "none";
    s.se = seOf(spec.vcov);
  }
  return s;
}

/** The explorer's URL (relative to a page at the site root) for a replication model. */
export function explorerHref(m: ReplicationModel): string {
  return `./explorer?${serializeState(stateOfModel(m))}`;
}
