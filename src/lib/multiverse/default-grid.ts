/**
 * The page's default grid: every choice of the explorer (/explorer) at once, so that each specification is
 * one explorer view and opens there by its URL.
 *
 *   outcome (lnexport_cn [+ customs regions]) x DSTRI measure (6) x lag (0, 1, 2) x controls (every subset of
 *   the explorer's 5) x FE (none, partner, year, both) x SE (iid, HC1, partner, two-way) x sample (2 year
 *   windows x 3 partner groups) = 6 x 3 x 32 x 4 x 4 x 6 = 55,296 OLS/FE specifications; difference and
 *   system GMM add 2 x 6 x 3 x 32 x 6 = 6,912 more when switched on (off by default: each GMM fit costs about
 *   as much as a thousand OLS fits).
 *
 * The sample rules are written exactly as the explorer's `toSpec` writes them (years, then partner ISO3
 * codes), so `specOf` here and `toSpec(toExplorerState(...))` give the same spec (tested).
 */
import {CONTROL_VARS, defaultState, excludedPartners, excludedYears, KEY_VARS, type ExplorerState, type FeChoice, type GroupChoice, type PartnerInfo, type SeChoice} from "../explorer/state.js";
import {allSubsets, type Combos, type Estimator, type Grid, type GridVcov, type Keep} from "./grid.js";

export const FE_OPTIONS: Array<[FeChoice, string[]]> = [["none", []], ["country", ["iso3"]], ["year", ["year"]], ["both", ["iso3", "year"]]];
// Driscoll-Kraay and Newey-West last (and off by default, as GMM and PPML): each is estimated by estimate() alone,
// so switching them on adds ~14,000 single estimates each.
export const SE_OPTIONS: Array<[SeChoice, GridVcov]> = [["iid", "iid"], ["hc1", "hetero"], ["country", {cluster: ["iso3"]}], ["twoway", {cluster: ["iso3", "year"]}], ["dk", "driscoll_kraay"], ["nw", "newey_west"]];
export const YEAR_WINDOWS = [{id: "all", drop2020: false}, {id: "no2020", drop2020: true}] as const;
export const GROUPS: GroupChoice[] = ["all", "oecd", "nonoecd"];
export const ESTIMATOR_OPTIONS: Estimator[] = ["ols", "gmm-diff", "gmm-sys", "ppml"];

/** Sample labels: "<years>/<partners>", e.g. "no2020/oecd". */
export const sampleLabel = (w: string, grp: string) => `${w}/${grp}`;

/** The default grid on a panel with these partners and outcomes. */
export function defaultGrid(partners: PartnerInfo[], outcomes: string[] = ["lnexport_cn"]): Grid {
  const samples = YEAR_WINDOWS.flatMap((w) =>
    GROUPS.map((group) => {
      const st: ExplorerState = {...defaultState(), drop2020: w.drop2020, group};
      const exclude: Record<string, Array<number | string>> = {};
      const years = excludedYears(st);
      if (years.length) exclude.year = years;
      const iso = excludedPartners(st, partners);
      if (iso.length) exclude.iso3 = iso;
      return {label: sampleLabel(w.id, group), exclude};
    })
  );
  return {
    id: "iso3",
    time: "year",
    y: outcomes,
    key: [...KEY_VARS],
    lags: [0, 1, 2],
    controls: [...CONTROL_VARS],
    always: [],
    subsets: allSubsets([...CONTROL_VARS]),
    fe: FE_OPTIONS.map(([, f]) => f),
    vcov: SE_OPTIONS.map(([, v]) => v),
    samples,
    estimators: [...ESTIMATOR_OPTIONS]
  };
}

/** GMM, PPML, Driscoll-Kraay and Newey-West off by default (see above). */
export const DEFAULT_KEEP: Keep = {estimator: [0], vcov: [0, 1, 2, 3]};

/** The explorer view of specification i of the default grid (its URL opens it there). */
export function toExplorerState(g: Grid, c: Combos, i: number): ExplorerState {
  const [w, group] = g.samples[c.idx.sample[i]].label.split("/");
  const lag = g.lags[c.idx.lag[i]] as 0 | 1 | 2;
  return {
    ...defaultState(),
    y: g.y[c.idx.y[i]],
    x: g.key[c.idx.key[i]] as ExplorerState["x"],
    controls: g.subsets[c.idx.controls[i]] as ExplorerState["controls"],
    fe: FE_OPTIONS[c.idx.fe[i]][0],
    se: SE_OPTIONS[c.idx.vcov[i]][0],
    drop2020: w === "no2020",
    group: group as GroupChoice,
    lag,
    estimator: g.estimators[c.idx.estimator[i]]
  };
}
